/**
 * The canonical input columns of an export and the header texts that name them.
 *
 * Aliases are written in simplified Chinese and English as they appear in 千牛 / 赤兔 /
 * 生意参谋 / 京麦 / 抖店 exports and hand-kept sheets. Traditional headers (`詢單人數`,
 * `平均響應時長（秒）`) need no aliases of their own: `headerKey` folds traditional characters
 * to simplified before comparing, so every alias also matches its traditional spelling.
 */

/**
 * How a column's cells are read.
 * - `agent` / `date`: who and when (a row's key, and its day for the month filter)
 * - `count`, `amount` (yuan), `seconds` / `hours` / `days` (durations): summed per agent
 * - `rate`: a metric's own value (a rate, an average); used only when its counts are missing
 * - `weight`: how many observations stand behind a `rate` or `rating` cell (e.g. 评价数)
 * - `rating`: a 1–5 score, averaged
 */
export type FieldKind = 'agent' | 'date' | 'count' | 'amount' | 'seconds' | 'hours' | 'days' | 'rate' | 'weight' | 'rating';

export interface Field {
  id: string;
  zh: string;
  en: string;
  kind: FieldKind;
  aliases: readonly string[];
}

const f = (id: string, kind: FieldKind, zh: string, en: string, aliases: string[]): Field => ({ id, kind, zh, en, aliases: [zh, en, ...aliases] });

export const FIELDS: readonly Field[] = [
  f('agent', 'agent', '客服', 'Agent', [
    '客服名称', '客服昵称', '客服账号', '客服名', '客服姓名', '客服id', '客服旺旺', '接待客服', '旺旺', '旺旺昵称', '旺旺名',
    '旺旺账号', '子账号', '子账号名称', '子账号昵称', '账号', '昵称', '姓名', '员工', '员工姓名', '咚咚账号', '京麦账号',
    '飞鸽账号', '客服人员', '客服账号名', 'agent name', 'staff', 'staff name', 'name', 'account', 'sub-account', 'sub account', 'nickname',
    'customer service', 'cs agent', 'operator', 'employee',
  ]),
  f('date', 'date', '日期', 'Date', ['统计日期', '数据日期', '业务日期', '统计时间', '时间', '日', 'day', 'stat date', 'statistics date']),
  f('inquiring_buyers', 'count', '询单人数', 'Inquiring buyers', [
    '询单客户数', '询单买家数', '询单数', '询单量', 'inquiries', 'inquiry buyers', 'inquiry count', 'inquiring customers',
  ]),
  f('paid_buyers', 'count', '询单->最终付款人数', 'Paid buyers', [
    '询单->付款人数', '询单最终付款人数', '最终付款人数', '询单付款人数', '询单成交人数', '询单后成交人数', '成交人数', '付款人数',
    'paying buyers', 'converted buyers', 'inquiry paid buyers',
  ]),
  f('inquiry_sales', 'amount', '询单->最终付款金额', 'Inquiry sales', [
    '询单->付款金额', '询单最终付款金额', '最终付款金额', '询单成交金额', '询单付款金额', '询单销售额', 'inquiry revenue', 'inquiry gmv',
  ]),
  f('inquiry_units', 'count', '询单->最终付款件数', 'Inquiry units', [
    '询单->付款件数', '询单最终付款件数', '最终付款件数', '询单成交件数', '询单付款件数', '成交件数', 'units sold', 'inquiry units sold',
  ]),
  // 赤兔: buyers who paid the day after inquiring, a part of the final figure (reported, not scored).
  f('next_day_paid_buyers', 'count', '询单->次日付款人数', 'Paid next day', ['询单次日付款人数', '次日付款人数', 'paid next day']),
  f('placed_orders', 'count', '拍下笔数', 'Placed orders', ['下单笔数', '拍下订单数', '下单订单数', 'orders placed']),
  f('paid_orders', 'count', '支付宝成交笔数', 'Paid orders', ['支付笔数', '付款笔数', '成交笔数', '支付订单数', '付款订单数', 'payments']),
  // 生意参谋: paid sub-orders (one per item line); per-order rates keep counting orders, so it is reported, not scored.
  f('paid_sub_orders', 'count', '支付子订单数', 'Paid sub-orders', ['支付子订单', '子订单数', 'paid sub orders']),
  f('online_hours', 'hours', '在线时长', 'Online time', ['旺旺在线时长', '总在线时长', '在线总时长', '在线时间', 'online hours', 'hours online']),
  f('response_seconds_total', 'seconds', '响应总时长', 'Total response time', ['总响应时长', '响应时长合计', '人工响应总时长', 'total response seconds']),
  f('replies', 'count', '人工回复次数', 'Manual replies', ['回复次数', '人工响应次数', '响应次数', '人工回复数', '回复消息数', 'replies', 'reply count']),
  f('avg_response_seconds', 'rate', '平均响应时长', 'Average response time', [
    '平均响应时间', '平均响应', '响应平均', '响应平均时长', '平响', '平均响应速度', '响应速度', '旺旺响应速度', '人工平均响应时长', 'avg response time', 'avg response',
    'average response', 'response time',
  ]),
  f('first_response_seconds_total', 'seconds', '首次响应总时长', 'Total first-response time', ['首响总时长', 'total first response seconds']),
  f('buyers_served', 'count', '接待人数', 'Buyers served', ['接待买家数', '接待客户数', '接待量', '接待数', '接待人次', '人工接待人数', '人工接待量', 'chats', 'customers served']),
  f('avg_first_response_seconds', 'rate', '首次响应时长', 'First response time', [
    '平均首次响应时长', '平均首响时长', '首次响应时间', '平均首次响应时间', '首响时长', '首响', '平均首响', '首次响应', 'avg first response time', 'first response',
  ]),
  f('received', 'count', '咨询人数', 'Buyers who asked', ['咨询买家数', '咨询客户数', '咨询量', '咨询人次', 'received', 'inquiries received']),
  f('replied', 'count', '已回复人数', 'Buyers replied to', ['已回复咨询人数', '回复人数', 'replied', 'buyers replied']),
  f('reply_rate', 'rate', '旺旺回复率', 'Reply rate', ['回复率', '响应率', '应答率', 'response rate']),
  f('conversion_rate', 'rate', '询单转化率', 'Conversion rate', [
    '询单->最终付款成功率', '询单->最终付款转化率', '询单->最终付款率', '询单成功率', '询单转化', '咨询转化率', '咨询->下单转化率', '转化率', 'inquiry conversion', 'conversion',
  ]),
  f('payment_rate', 'rate', '支付率', 'Payment rate', ['付款率', '下单->付款转化率', '下单付款率']),
  f('inquiry_aov_rate', 'rate', '询单客单价', 'Inquiry AOV', ['询单成交客单价', '客服客单价', 'inquiry average order value']),
  f('units_per_buyer', 'rate', '询单人均成交件数', 'Units per buyer', ['人均成交件数', 'units per paying buyer']),
  f('sales', 'amount', '销售额', 'Sales', ['销售总额', '实际销售额', '销售金额', '客服销售额', '成交金额', '付款金额', '支付金额', 'revenue', 'gmv', 'actual sales']),
  f('buyers', 'count', '下单人数', 'Ordering buyers', ['下单买家数', '下单客户数', '销售人数', '客服销售人数', 'buyers', 'ordering customers']),
  // 赤兔: units sold ÷ buyers (销售件数 ÷ 销售人数), not the inquiry-based 询单人均成交件数.
  f('sales_units', 'count', '销售件数', 'Sales units', ['客服销售件数', '售出件数']),
  f('units_per_customer', 'rate', '客件数', 'Units per customer', ['units per customer']),
  // 赤兔 答问比: the agent's messages ÷ the buyer's (reported, not scored).
  f('answer_ratio', 'rate', '答问比', 'Answer ratio', ['答问比例']),
  f('aov', 'rate', '客单价', 'AOV', ['平均客单价', 'average order value']),
  f('target_sales', 'amount', '计划销售额', 'Target sales', ['目标销售额', '销售目标', '销售计划', '月度目标', '业绩目标', 'sales target', 'planned sales', 'target']),
  f('sales_achievement', 'rate', '销售计划达成率', 'Sales achievement', ['销售达成率', '达成率', '完成率', '目标完成率', 'achievement', 'target achievement']),
  f('orders', 'count', '订单数', 'Orders', ['订单笔数', '总订单数', '成交订单数', '销售订单数', '订单量', 'order count']),
  f('refunds', 'count', '退款笔数', 'Refunds', ['退款数', '退款订单数', '发起退款笔数', '退款单数', '退款成功笔数', '成功退款笔数', 'refund count']),
  f('refund_amount', 'amount', '退款金额', 'Refund amount', ['退款总金额', '成功退款金额', 'refunded amount']),
  f('refund_rate', 'rate', '退款率', 'Refund rate', ['退款率(近28天)', '近28天退款率']),
  f('disputes', 'count', '退款纠纷笔数', 'Refund disputes', ['纠纷笔数', '纠纷退款笔数', '纠纷数', 'disputes', 'dispute count']),
  f('dispute_rate', 'rate', '退款纠纷率', 'Dispute rate', ['纠纷率', '纠纷退款率', 'refund dispute rate']),
  f('complaints', 'count', '投诉笔数', 'Complaints', ['投诉数', '投诉单数', '被投诉单数', '被投诉数', '客诉数', '客诉笔数', 'complaint count']),
  f('complaint_rate', 'rate', '投诉率', 'Complaint rate', ['客诉率']),
  f('self_resolved', 'count', '自主完结笔数', 'Self-resolved refunds', ['商家自主完结退款笔数', '自主完结退款笔数', '自主完结数', 'self resolved']),
  f('resolved', 'count', '完结笔数', 'Resolved refunds', ['完结退款笔数', '退款完结笔数', '完结退款总笔数', '完结数', 'resolved']),
  f('self_resolved_rate', 'rate', '退款自主完结率', 'Self-resolved rate', ['自主完结率', 'self resolved rate']),
  f('resolution_days_total', 'days', '完结总时长', 'Total resolution time', ['退款完结总时长', '完结时长合计', 'total resolution time']),
  f('avg_resolution_days', 'rate', '退款完结时长', 'Refund resolution time', ['平均退款完结时长', '平均完结时长', '退款平均完结时长', 'resolution time']),
  f('dsr_service', 'rating', '服务态度DSR', 'Service DSR', ['服务态度评分', 'DSR服务态度', '服务态度', '服务评分', '服务DSR', 'DSR', '卖家服务评分', 'service rating']),
  f('ratings', 'weight', '评价数', 'Ratings', ['评分数', '服务评价数', 'DSR评价数', '评价人数', 'rating count', 'reviews']),
  f('bad_reviews', 'count', '差评数', 'Bad reviews', ['中差评数', '差评笔数', '差评', 'negative reviews']),
  f('bad_review_rate', 'rate', '差评率', 'Bad review rate', ['中差评率', 'negative review rate']),
  f('satisfied', 'count', '满意评价数', 'Satisfied ratings', ['满意数', '满意人数', '满意评价人数', '满意会话数']),
  f('dissatisfied', 'count', '不满意评价数', 'Dissatisfied ratings', ['不满意数', '不满意人数', '不满意评价人数', '不满意会话数', '咨询差评数']),
  f('rated', 'count', '参评数', 'Rated', ['参评人数', '参评会话数', '评价会话数', '参与评价数']),
  f('satisfaction_rate', 'rate', '满意率', 'Satisfaction rate', ['满意度', '客服满意率', '客户满意度', '咨询满意率', '服务满意率', 'IM满意度', '客服满意度', 'satisfaction']),
  f('dissatisfaction_rate', 'rate', '不满意率', 'Dissatisfaction rate', ['不满意度', 'IM不满意度', 'IM不满意率', '咨询差评率', '客服不满意率', 'dissatisfaction']),
  f('messages', 'count', '需回复消息数', 'Messages', ['人工需回复消息数', '需人工回复消息数', '买家消息数', '咨询消息数']),
  f('replied_3min', 'count', '3分钟人工回复数', 'Replied within 3 min', ['3分钟人工回复消息数', '3分钟回复消息数', '3分钟内人工回复数', '3分钟回复数']),
  f('reply_rate_3min', 'rate', '3分钟人工回复率', '3-minute reply rate', ['3分钟回复率', '3分钟人工响应率', '3min回复率']),
  f('sessions', 'count', '会话数', 'Sessions', ['咨询会话数', '接待会话数', '总会话数', 'chat sessions']),
  f('responded_30s', 'count', '30秒应答会话数', 'Answered within 30 s', ['首次30秒应答数', '首次30秒应答会话数', '30秒应答数', '30秒内应答会话数']),
  f('response_rate_30s', 'rate', '30秒应答率', '30-second response rate', ['首次30秒应答率', '30秒响应率', '30s应答率']),
  f('valid_replies', 'count', '有效回复会话数', 'Valid replies', ['有效回复数', '有效回复人数']),
  f('valid_reply_rate', 'rate', '有效回复率', 'Valid reply rate', ['有效回复比例']),
  f('returns', 'count', '退货数', 'Returns', ['退货笔数', '退货单数', '退货订单数', 'return count']),
  f('return_rate', 'rate', '退货率', 'Return rate', []),
  f('wrong_orders', 'count', '错单数', 'Wrong orders', ['错单笔数', '出错订单数', '错单', 'order errors']),
  f('order_accuracy', 'rate', '出单准确率', 'Order accuracy', ['准确率', '订单准确率']),
  f('returned', 'count', '咨询退货后仍退货数', 'Still returned', ['仍退货数', '挽回失败数', '咨询后退货数', 'returned after inquiry']),
  f('return_inquiries', 'count', '咨询退货数', 'Return inquiries', ['退货咨询数', '咨询退货人数', '咨询退货笔数']),
  f('return_save_rate', 'rate', '退货挽回率', 'Return save rate', ['挽回率', 'return saves']),
];

const BY_ID = new Map(FIELDS.map((field) => [field.id, field]));

/** The field of an id, or undefined. */
export function fieldById(id: string): Field | undefined {
  return BY_ID.get(id);
}

// Traditional → simplified for the characters of export headers (繁體 千牛 / 赤兔 and Hong Kong / Taiwan sheets).
const TRADITIONAL = '詢單數終額價筆訂號帳賬稱暱計總銷貨糾紛結評態務線復覆諮錯購買實際劃達問對據無暫彙匯層鋪團隊員間統時長響應轉換戶發準確處後開標績獎級係碼業週話錢幣網點擊記錄傳檔優壞積從與個為過還離權純均値詳諭聯繫資訊額';
const SIMPLIFIED = '询单数终额价笔订号账账称昵计总销货纠纷结评态务线复复咨错购买实际划达问对据无暂汇汇层铺团队员间统时长响应转换户发准确处后开标绩奖级系码业周话钱币网点击记录传档优坏积从与个为过还离权纯均值详谕联系资讯额';
const TO_SIMPLIFIED = new Map<string, string>();
for (let i = 0; i < TRADITIONAL.length; i++) TO_SIMPLIFIED.set(TRADITIONAL[i]!, SIMPLIFIED[i]!);

/**
 * A header as compared: full-width folded (NFKC), lower case, traditional → simplified,
 * no white space, arrows as `->`, no brackets (`平均响应时长（秒）` → `平均响应时长秒`).
 */
export function headerKey(text: string): string {
  let out = '';
  const folded = text.normalize('NFKC').toLowerCase().replace(/\s+/g, '').replace(/(?:→|⟶|-+>|—+>|=>)/g, '->');
  for (const ch of folded) {
    if ('()[]{}【】〔〕'.includes(ch)) continue;
    out += TO_SIMPLIFIED.get(ch) ?? ch;
  }
  return out;
}

/** The same key with bracketed parts dropped: `平均响应时长（秒）` → `平均响应时长`, `差评率(%)` → `差评率`. */
export function headerKeyWithoutUnits(text: string): string {
  return headerKey(text.normalize('NFKC').replace(/[(\[【〔][^)\]】〕]*[)\]】〕]/g, ''));
}

const ALIAS_INDEX = new Map<string, Field>();
for (const field of FIELDS) {
  for (const alias of field.aliases) {
    const key = headerKey(alias);
    if (!ALIAS_INDEX.has(key)) ALIAS_INDEX.set(key, field);
  }
}

/** The field a header names, compared without spaces, brackets, case or traditional forms; null when none. */
export function fieldOfHeader(text: string): Field | null {
  if (!text.trim()) return null;
  return ALIAS_INDEX.get(headerKey(text)) ?? ALIAS_INDEX.get(headerKeyWithoutUnits(text)) ?? null;
}

/** Alias keys long enough to be compared as parts of a header (`客服` is in too many headers to mean anything). */
const LOOSE_ALIASES: { key: string; field: Field }[] = [];
for (const [key, field] of ALIAS_INDEX) if ([...key].length >= 3 && !/^[a-z]{1,4}$/.test(key)) LOOSE_ALIASES.push({ key, field });
LOOSE_ALIASES.sort((a, b) => b.key.length - a.key.length);

/**
 * The field a header only resembles: the longest alias it contains or that contains it
 * (`客服首次响应平均时长` holds `首次响应`). Never applied by itself: the manager confirms it.
 * `taken` are the fields already given to other columns.
 */
export function looseFieldOfHeader(text: string, taken: ReadonlySet<string>): Field | null {
  const key = headerKeyWithoutUnits(text);
  if ([...key].length < 2) return null;
  for (const alias of LOOSE_ALIASES) {
    if (taken.has(alias.field.id) || alias.field.kind === 'agent' || alias.field.kind === 'date') continue;
    if (key.includes(alias.key) || (alias.key.includes(key) && [...key].length >= 3)) return alias.field;
  }
  return null;
}

export type HeaderUnit = 'percent' | 'seconds' | 'minutes' | 'hours' | 'days' | null;

/** The unit a header states in brackets or as a suffix: `（秒）`, `(分钟)`, `(%)`, `(h)`. */
export function headerUnit(text: string): HeaderUnit {
  const t = text.normalize('NFKC').toLowerCase();
  if (/%/.test(t)) return 'percent';
  const unit = /[(\[【]\s*([^)\]】]+?)\s*[)\]】]\s*$/.exec(t)?.[1];
  if (!unit) return null;
  if (/^(秒|s|sec|secs|seconds?)$/.test(unit)) return 'seconds';
  if (/^(分|分钟|分鐘|min|mins|minutes?)$/.test(unit)) return 'minutes';
  if (/^(小时|小時|时|時|h|hrs?|hours?)$/.test(unit)) return 'hours';
  if (/^(天|日|d|days?)$/.test(unit)) return 'days';
  return null;
}
