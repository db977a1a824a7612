/**
 * The catalogue: one entry per sheet function. The single source of truth for the
 * generated Apps Script stubs and their autocomplete JSDoc, the README's function
 * reference, the sidebar's metric lists and the appraisal's metric columns.
 * Names and argument order are the public contract of docs/functions.md.
 */
import type { ArgSpec, CatalogueEntry, InputKind } from './types';

const arg = (name: string, kind: InputKind, zh: string, en: string, optional = false): ArgSpec =>
  optional ? { name, kind, doc: { zh, en }, optional } : { name, kind, doc: { zh, en } };

/** `as_of` is optional in a rate's argument list (the 2-argument form omits it) but required in its dated form. */
const AS_OF = (days: number, optional = true) =>
  arg('as_of', 'date', `统计截止日（含），窗口为其前 ${days} 个自然日`, `last day of the window (included); the window is the ${days} calendar days ending on it`, optional);
const ROW_KEYS = (what: string, whatEn: string) =>
  arg(`${what}_keys`, 'key', `可选：每行所属客服（与日期列等长）`, `optional: the agent of each ${whatEn} row (same shape as its dates)`, true);
const KEYS = arg('keys', 'key', '可选：要统计的客服列表，每个返回一个值', 'optional: the agents to report, one result per key', true);

/** A `*_28D` rate: two counts, or raw dated rows plus `as_of` (spec rule 7). */
function windowRate(
  id: string, zh: string, en: string, numZh: string, numEn: string, defZh: string, defEn: string,
): CatalogueEntry {
  const numName = id.startsWith('REFUND_DISPUTE') ? 'disputes' : id.startsWith('COMPLAINT') ? 'complaints' : 'refunds';
  const rowName = numName.replace(/s$/, '');
  return {
    id, name: { zh, en },
    summary: {
      zh: `${zh}：${numZh}笔数 ÷ 成交笔数（近28天）；可传已汇总笔数，或日期列加截止日`,
      en: `${en}: ${numEn} ÷ orders over 28 days; window totals, or dated rows plus as_of`,
    },
    definition: { zh: defZh, en: defEn },
    kind: 'ratio', unit: 'fraction', direction: 'lower', windowDays: 28, appraisal: true,
    args: [
      arg(numName, 'count', `${numZh}笔数（已是28天合计）；或${numZh}日期列（传 as_of 时）`, `${numEn} in the window; or the ${rowName} dates when as_of is given`),
      arg('orders', 'count', '成交笔数（已是28天合计）；或成交日期列（传 as_of 时）', 'orders in the window; or the order dates when as_of is given'),
      AS_OF(28),
      ROW_KEYS(rowName, rowName),
      arg('order_keys', 'key', '可选：每笔成交所属客服', 'optional: the agent of each order row', true),
      KEYS,
    ],
    datedForm: [
      arg(`${rowName}_dates`, 'date', `${numZh}发生日期列`, `dates of the ${numEn}`),
      arg('order_dates', 'date', '成交日期列', 'order dates'),
      AS_OF(28, false), ROW_KEYS(rowName, rowName),
      arg('order_keys', 'key', '可选：每笔成交所属客服', 'optional: the agent of each order row', true),
      KEYS,
    ],
  };
}

function windowCount(id: string, zh: string, en: string, thing: string, thingEn: string, defZh: string, defEn: string): CatalogueEntry {
  const rowName = thingEn.replace(/s$/, '');
  return {
    id, name: { zh, en },
    summary: { zh: `${zh}：截止日前28个自然日内的${thing}笔数`, en: `${en}: ${thingEn} in the 28 calendar days ending on as_of` },
    definition: { zh: defZh, en: defEn },
    kind: 'count', unit: 'count', direction: 'lower', windowDays: 28, appraisal: true,
    args: [
      arg(`${rowName}_dates`, 'date', `${thing}日期列（每行一笔）`, `${rowName} dates, one row per ${rowName}`),
      arg('as_of', 'date', '统计截止日（含）', 'last day of the window (included)'),
      arg('row_keys', 'key', '可选：每行所属客服', 'optional: the agent of each row', true),
      KEYS,
    ],
  };
}

function elementwise(
  id: string, zh: string, en: string, kind: CatalogueEntry['kind'], unit: CatalogueEntry['unit'],
  direction: 'higher' | 'lower', defZh: string, defEn: string, summaryZh: string, summaryEn: string, args: ArgSpec[],
): CatalogueEntry {
  return {
    id, name: { zh, en }, summary: { zh: `${zh}：${summaryZh}`, en: `${en}: ${summaryEn}` },
    definition: { zh: defZh, en: defEn }, kind, unit, direction, appraisal: true, args,
  };
}

export const CATALOGUE: readonly CatalogueEntry[] = [
  elementwise('INQUIRY_CONVERSION', '询单转化率', 'Inquiry conversion rate', 'proportion', 'fraction', 'higher',
    '询单后成交人数 ÷ 询单人数', 'buyers who paid after inquiring ÷ inquiring buyers',
    '询单后成交人数 ÷ 询单人数', 'paying buyers ÷ inquiring buyers', [
      arg('paid_buyers', 'count', '询单后成交人数', 'buyers who paid after inquiring'),
      arg('inquiring_buyers', 'count', '询单人数', 'inquiring buyers'),
    ]),
  elementwise('INQUIRY_AOV', '询单客单价', 'Inquiry average order value', 'ratio', 'yuan', 'higher',
    '询单成交金额 ÷ 询单成交人数（按买家计，同生意参谋、赤兔的客单价）', 'inquiry sales ÷ paying inquiring buyers (per buyer)',
    '询单成交金额 ÷ 询单成交人数', 'inquiry sales ÷ paying buyers', [
      arg('inquiry_sales', 'amount', '询单成交金额（元）', 'sales from inquiries (yuan)'),
      arg('paid_buyers', 'count', '询单成交人数', 'buyers who paid after inquiring'),
    ]),
  elementwise('INQUIRY_UNITS_PER_BUYER', '询单人均成交件数', 'Units per inquiring buyer', 'ratio', 'units', 'higher',
    '询单成交件数 ÷ 询单成交人数', 'units sold from inquiries ÷ paying inquiring buyers',
    '询单成交件数 ÷ 询单成交人数', 'units ÷ paying buyers', [
      arg('units', 'count', '询单成交件数', 'units sold from inquiries'),
      arg('paid_buyers', 'count', '询单成交人数', 'buyers who paid after inquiring'),
    ]),
  elementwise('PAYMENT_RATE', '支付率', 'Payment rate', 'proportion', 'fraction', 'higher',
    '支付宝成交笔数 ÷ 拍下笔数', 'paid orders ÷ placed orders',
    '成交笔数 ÷ 拍下笔数', 'paid orders ÷ placed orders', [
      arg('paid_orders', 'count', '支付宝成交笔数', 'paid orders'),
      arg('placed_orders', 'count', '拍下笔数', 'placed orders'),
    ]),
  elementwise('ONLINE_HOURS', '旺旺在线时长', 'Online hours per account', 'ratio', 'hours', 'higher',
    '主旺旺与子旺旺在线总时长（小时）÷ 账号数', 'total online time of main and sub accounts (hours) ÷ accounts',
    '在线总时长（小时）÷ 账号数', 'total online hours ÷ accounts', [
      arg('total_online_time', 'hours', '在线总时长：小时数、"36小时"、"2h" 或时长单元格', 'total online time: hours, "36小时", "2h" or a duration cell'),
      arg('accounts', 'count', '旺旺账号数', 'number of accounts'),
    ]),
  elementwise('AVG_RESPONSE_TIME', '平均响应时间(秒)', 'Average response time (s)', 'ratio', 'seconds', 'lower',
    '响应总时长 ÷ 人工回复次数（不含自动回复）', 'total response time ÷ manual replies (auto-replies excluded)',
    '响应总时长 ÷ 人工回复次数，单位秒', 'total response time ÷ manual replies, in seconds', [
      arg('total_response_seconds', 'seconds', '响应总时长：秒数、"1分30秒"、"00:01:30" 或时长单元格', 'total response time: seconds, "1分30秒", "00:01:30" or a duration cell'),
      arg('replies', 'count', '人工回复次数', 'manual replies'),
    ]),
  elementwise('FIRST_RESPONSE_TIME', '首次响应时间(秒)', 'First response time (s)', 'ratio', 'seconds', 'lower',
    '首次响应总时长 ÷ 接待人数（买家第一句到客服第一句人工回复）', 'total first-response time ÷ buyers served (buyer\'s first message to the first manual reply)',
    '首次响应总时长 ÷ 接待人数，单位秒', 'total first-response time ÷ buyers served, in seconds', [
      arg('total_first_response_seconds', 'seconds', '首次响应总时长：秒数、"1分30秒" 或时长单元格', 'total first-response time: seconds, "1分30秒" or a duration cell'),
      arg('buyers_served', 'count', '接待人数', 'buyers served'),
    ]),
  elementwise('REPLY_RATE', '旺旺回复率', 'Reply rate', 'proportion', 'fraction', 'higher',
    '已回复咨询人数 ÷ 咨询人数', 'buyers replied to ÷ buyers who asked',
    '已回复咨询人数 ÷ 咨询人数', 'buyers replied to ÷ buyers who asked', [
      arg('replied', 'count', '已回复咨询人数', 'buyers replied to'),
      arg('received', 'count', '咨询人数', 'buyers who asked'),
    ]),
  elementwise('AOV', '客单价', 'Average order value', 'ratio', 'yuan', 'higher',
    '销售总额 ÷ 下单人数', 'sales ÷ ordering buyers',
    '销售总额 ÷ 下单人数', 'sales ÷ ordering buyers', [
      arg('sales', 'amount', '销售总额（元）', 'sales (yuan)'),
      arg('buyers', 'count', '下单人数', 'ordering buyers'),
    ]),
  elementwise('SALES_ACHIEVEMENT', '销售计划达成率', 'Sales target achievement', 'ratio', 'fraction', 'higher',
    '实际销售额 ÷ 计划销售额（可超过 100%）', 'actual sales ÷ planned sales (may exceed 100%)',
    '实际销售额 ÷ 计划销售额', 'actual sales ÷ planned sales', [
      arg('actual_sales', 'amount', '实际销售额（元）', 'actual sales (yuan)'),
      arg('target_sales', 'amount', '计划销售额（元）', 'planned sales (yuan)'),
    ]),
  windowCount('REFUND_COUNT_28D', '退款笔数(近28天)', 'Refunds (28 days)', '退款', 'refunds',
    '前28天用户发起退款笔数', 'refunds opened by buyers in the last 28 days'),
  windowRate('REFUND_RATE_28D', '退款率(近28天)', 'Refund rate (28 days)', '退款', 'refunds',
    '前28天用户发起退款笔数 ÷ 前28天成交笔数', 'refunds in the last 28 days ÷ orders in the last 28 days'),
  windowRate('REFUND_DISPUTE_RATE_28D', '退款纠纷率(近28天)', 'Refund dispute rate (28 days)', '退款纠纷', 'disputes',
    '前28天用户发起退款纠纷笔数 ÷ 前28天成交笔数', 'refund disputes in the last 28 days ÷ orders in the last 28 days'),
  elementwise('REFUND_SELF_RESOLVED_RATE', '退款自主完结率', 'Self-resolved refund rate', 'proportion', 'fraction', 'higher',
    '商家自主完结退款笔数 ÷ 完结退款总笔数', 'refunds resolved by the shop itself ÷ all resolved refunds',
    '自主完结笔数 ÷ 完结总笔数', 'self-resolved ÷ resolved refunds', [
      arg('self_resolved', 'count', '商家自主完结退款笔数', 'refunds the shop resolved itself'),
      arg('resolved', 'count', '完结退款总笔数', 'resolved refunds'),
    ]),
  elementwise('REFUND_RESOLUTION_TIME', '退款完结时长', 'Refund resolution time (days)', 'ratio', 'days', 'lower',
    '商家完结退款总时长 ÷ 完结笔数，单位天', 'total time to resolve refunds ÷ resolved refunds, in days',
    '完结总时长 ÷ 完结笔数，单位天', 'total resolution time ÷ resolved refunds, in days', [
      arg('total_duration', 'days', '完结总时长：天数、"36小时"、"1.5天" 或时长单元格', 'total resolution time: days, "36小时", "1.5天" or a duration cell'),
      arg('resolved', 'count', '完结笔数', 'resolved refunds'),
    ]),
  windowCount('COMPLAINT_COUNT_28D', '投诉笔数(近28天)', 'Complaints (28 days)', '投诉', 'complaints',
    '28天内用户发起投诉子订单数', 'complaints opened by buyers in the last 28 days'),
  windowRate('COMPLAINT_RATE_28D', '投诉率(近28天)', 'Complaint rate (28 days)', '投诉', 'complaints',
    '前28天用户发起的投诉笔数 ÷ 前28天成交笔数', 'complaints in the last 28 days ÷ orders in the last 28 days'),
  {
    id: 'DSR_SERVICE_180D', name: { zh: '服务态度DSR(近180天)', en: 'Service DSR (180 days)' },
    summary: { zh: '服务态度DSR：截止日前180个自然日内1–5分服务评分的平均值', en: 'Service DSR: mean of the 1–5 service ratings in the 180 days ending on as_of' },
    definition: { zh: '前180天订单产生的卖家服务态度评分的平均值', en: 'mean of the service-attitude ratings of the last 180 days' },
    kind: 'mean', unit: 'rating', direction: 'higher', windowDays: 180, appraisal: true,
    args: [
      arg('ratings', 'rating', '服务态度评分（1–5）', 'service ratings (1–5)'),
      arg('rating_dates', 'date', '评分日期', 'rating dates'),
      arg('as_of', 'date', '统计截止日（含）', 'last day of the window (included)'),
      arg('row_keys', 'key', '可选：每条评分所属客服', 'optional: the agent of each rating', true),
      KEYS,
    ],
  },
  elementwise('BAD_REVIEW_RATE', '差评率', 'Bad review rate', 'proportion', 'fraction', 'lower',
    '差评数 ÷ 订单数', 'bad reviews ÷ orders', '差评数 ÷ 订单数', 'bad reviews ÷ orders', [
      arg('bad_reviews', 'count', '差评数', 'bad reviews'),
      arg('orders', 'count', '订单数', 'orders'),
    ]),
  elementwise('RETURN_RATE', '退货率', 'Return rate', 'proportion', 'fraction', 'lower',
    '退货数 ÷ 订单数', 'returns ÷ orders', '退货数 ÷ 订单数', 'returns ÷ orders', [
      arg('returns', 'count', '退货数', 'returns'),
      arg('orders', 'count', '订单数', 'orders'),
    ]),
  elementwise('ORDER_ACCURACY', '出单准确率', 'Order accuracy', 'proportion', 'fraction', 'higher',
    '1 − 错单数 ÷ 订单数', '1 − wrong orders ÷ orders', '1 − 错单数 ÷ 订单数', '1 − wrong orders ÷ orders', [
      arg('wrong_orders', 'count', '错单数', 'wrong orders'),
      arg('orders', 'count', '订单数', 'orders'),
    ]),
  elementwise('RETURN_SAVE_RATE', '退货挽回率', 'Return save rate', 'proportion', 'fraction', 'higher',
    '1 − 咨询退货后仍退货数 ÷ 咨询退货数', '1 − returned after asking ÷ return inquiries',
    '1 − 仍退货数 ÷ 咨询退货数', '1 − still returned ÷ return inquiries', [
      arg('returned', 'count', '咨询退货后仍退货数', 'returned after asking about a return'),
      arg('return_inquiries', 'count', '咨询退货数', 'return inquiries'),
    ]),
  elementwise('SATISFACTION_RATE', '满意率', 'Satisfaction rate', 'proportion', 'fraction', 'higher',
    '满意评价数 ÷ 参评数（飞鸽、咚咚、千牛的服务评价）', 'satisfied ratings ÷ ratings given (飞鸽, 咚咚, 千牛 service ratings)',
    '满意评价数 ÷ 参评数', 'satisfied ÷ rated', [
      arg('satisfied', 'count', '满意评价数', 'satisfied ratings'),
      arg('rated', 'count', '参评数（给出评价的买家或会话数）', 'ratings given (buyers or sessions who rated)'),
    ]),
  elementwise('DISSATISFACTION_RATE', '不满意率', 'Dissatisfaction rate', 'proportion', 'fraction', 'lower',
    '不满意评价数 ÷ 参评数（飞鸽 IM不满意度、咚咚 咨询差评率）', 'dissatisfied ratings ÷ ratings given (飞鸽 IM dissatisfaction, 咚咚 consultation bad-rating rate)',
    '不满意评价数 ÷ 参评数，越低越好', 'dissatisfied ÷ rated, lower is better', [
      arg('dissatisfied', 'count', '不满意评价数', 'dissatisfied ratings'),
      arg('rated', 'count', '参评数（给出评价的买家或会话数）', 'ratings given (buyers or sessions who rated)'),
    ]),
  elementwise('REPLY_RATE_3MIN', '3分钟人工回复率', '3-minute reply rate', 'proportion', 'fraction', 'higher',
    '3 分钟内人工回复的消息数 ÷ 需回复的消息数，只计服务时间内（抖店、京东）', 'messages given a manual reply within 3 minutes ÷ messages needing a reply, within service hours (抖店, 京东)',
    '3分钟内人工回复消息数 ÷ 需回复消息数', 'replied within 3 min ÷ messages', [
      arg('replied_within_3min', 'count', '3 分钟内人工回复的消息数', 'messages replied to by a person within 3 minutes'),
      arg('messages', 'count', '需回复的消息数（服务时间内）', 'messages needing a reply (within service hours)'),
    ]),
  elementwise('RESPONSE_RATE_30S', '30秒应答率', '30-second response rate', 'proportion', 'fraction', 'higher',
    '30 秒内首次应答的会话数 ÷ 会话数（京东 首次30秒应答率）', 'sessions first answered within 30 seconds ÷ sessions (京东 first-30-second response rate)',
    '30秒内首次应答会话数 ÷ 会话数', 'answered within 30 s ÷ sessions', [
      arg('responded_within_30s', 'count', '30 秒内首次应答的会话数', 'sessions first answered within 30 seconds'),
      arg('sessions', 'count', '会话数', 'sessions'),
    ]),
  elementwise('VALID_REPLY_RATE', '有效回复率', 'Valid reply rate', 'proportion', 'fraction', 'higher',
    '有效回复的会话数 ÷ 会话数；超过 1 小时才回复不算有效（拼多多）', 'sessions given a valid reply ÷ sessions; a reply after more than an hour is not valid (拼多多)',
    '有效回复会话数 ÷ 会话数', 'validly replied sessions ÷ sessions', [
      arg('valid_replies', 'count', '有效回复的会话数（1 小时内回复）', 'sessions given a valid reply (within an hour)'),
      arg('sessions', 'count', '会话数', 'sessions'),
    ]),
  {
    id: 'KPI_SCORE', name: { zh: '指标得分', en: 'KPI score' },
    summary: { zh: '指标得分：按下限、目标和计分方法得出 0…封顶 分', en: 'KPI score: 0…cap points from floor, target and method' },
    definition: { zh: 'linear：100×(v−下限)÷(目标−下限)；ratio：100×v÷目标（越低越好时 100×目标÷v）；pass_fail：达标 100 否则 0；限制在 [0, 封顶]', en: 'linear: 100×(v−floor)÷(target−floor); ratio: 100×v÷target (100×target÷v when lower is better); pass_fail: 100 when the target is reached, else 0; clamped to [0, cap]' },
    kind: 'score', unit: 'score', direction: null, appraisal: false,
    args: [
      arg('value', 'number', '指标值', 'metric value'),
      arg('floor', 'number', '下限（得 0 分）；大于目标表示越低越好', 'floor (scores 0); above the target means lower is better'),
      arg('target', 'number', '目标（得 100 分）', 'target (scores 100)'),
      arg('method', 'text', '可选：linear（默认）、ratio 或 pass_fail', 'optional: linear (default), ratio or pass_fail', true),
      arg('cap', 'number', '可选：封顶分，默认 100', 'optional: the highest score, 100 by default', true),
    ],
  },
  {
    id: 'WEIGHTED_SCORE', name: { zh: '加权总分', en: 'Weighted score' },
    summary: { zh: '加权总分：Σ 得分×权重 ÷ Σ 权重，每行（竖排模板每列）一个结果', en: 'Weighted score: Σ score×weight ÷ Σ weight, one result per row (per column for a vertical template)' },
    definition: { zh: 'Σ 得分×权重 ÷ Σ 权重', en: 'Σ score × weight ÷ Σ weight' },
    kind: 'score', unit: 'score', direction: null, appraisal: false,
    args: [
      arg('scores', 'number', '得分：一行，或每个客服一行；竖排模板为每个客服一列', 'scores: one row, or one row per agent; one column per agent for a vertical template'),
      arg('weights', 'number', '权重：与得分同宽的一行（所有行共用）；或与得分形状相同（每行各自的权重）；或与得分同高的一列（竖排模板）', 'weights: one row as wide as the scores (shared by every row); or the same shape as the scores (each row its own weights); or one column as tall as the scores (vertical template)'),
    ],
  },
  {
    id: 'KPI_GRADE', name: { zh: '绩效等级', en: 'KPI grade' },
    summary: { zh: '绩效等级：总分对应的等级字母，默认 S≥95 A≥85 B≥75 C≥60 D', en: 'KPI grade: the grade letter of a total; default S≥95 A≥85 B≥75 C≥60 D' },
    definition: { zh: '总分达到的最高等级下限对应的等级', en: 'the grade of the highest band minimum the total reaches' },
    kind: 'score', unit: 'grade', direction: null, appraisal: false,
    args: [
      arg('total', 'number', '总分', 'total score'),
      arg('bands', 'text', '可选：两列区域（下限, 等级）', 'optional: a two-column range (minimum, grade)', true),
    ],
  },
];

const BY_ID = new Map(CATALOGUE.map((e) => [e.id, e]));

/** The entry of a function by its sheet name, or undefined. */
export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return BY_ID.get(id);
}

/** The metrics a template may score (everything but the scoring helpers). */
export const APPRAISAL_METRICS: readonly CatalogueEntry[] = CATALOGUE.filter((e) => e.appraisal);
