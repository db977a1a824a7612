/**
 * The sheet functions of functions.md, one small pure function per catalogue id (formulajs
 * style). Each takes the call context first, then the arguments exactly as Sheets passes them
 * (single values or 2-D ranges). Argument names, kinds and window lengths come from the
 * catalogue, so a function and its autocomplete cannot disagree. The scoring functions are in
 * `score-functions.ts`.
 */
import { commonShape, map2, normaliseArg } from './broadcast';
import { catalogueEntry } from './catalogue';
import { readerFor, type NumericKind } from './coerce';
import { countInWindow, meanInWindow, rateInWindow } from './window';
import { NUM_ERROR, finiteCell } from './types';
import type { ArgSpec, CallContext, CatalogueEntry, Coerced, Out, OutCell } from './types';

/** One output cell from a coerced numerator and denominator. */
export type CellRule = (part: Coerced, whole: Coerced) => OutCell;

/**
 * part ÷ whole for a proportion: a bad cell shows its marker; no basis (whole 0 or blank) is
 * `""`; a blank part is 0; a part larger than its whole is `#NUM!` (rule 4).
 */
export const proportionCell: CellRule = (part, whole) => {
  if (typeof part === 'string') return part;
  if (typeof whole === 'string') return whole;
  if (!whole) return '';
  const p = part ?? 0;
  return p > whole ? NUM_ERROR : p / whole;
};

/** 1 − part ÷ whole (`ORDER_ACCURACY`, `RETURN_SAVE_RATE`), with the proportion's rules. */
export const complementCell: CellRule = (part, whole) => {
  const share = proportionCell(part, whole);
  return typeof share === 'number' ? 1 - share : share;
};

/** numerator ÷ denominator for a ratio, which may exceed 1; no basis is `""`, a blank numerator 0. */
export const quotientCell: CellRule = (numerator, denominator) => {
  if (typeof numerator === 'string') return numerator;
  if (typeof denominator === 'string') return denominator;
  if (!denominator) return '';
  // A huge numerator over a tiny denominator (1e308 ÷ 1e-308) overflows: #NUM!, never Infinity.
  return finiteCell((numerator ?? 0) / denominator);
};

/** The catalogue entry of a function this module implements (a missing one is a programming error). */
export function entryOf(id: string): CatalogueEntry {
  const entry = catalogueEntry(id);
  if (!entry) throw new Error(`${id} is not in the catalogue`);
  return entry;
}

function numericKind(spec: ArgSpec): NumericKind {
  if (spec.kind === 'key' || spec.kind === 'text') throw new Error(`${spec.name} is not a numeric argument`);
  return spec.kind;
}

/**
 * The two-argument elementwise form shared by every ratio: each argument read by its catalogue
 * kind, ranges broadcast (rule 1), one output cell per input cell.
 */
function elementwise(id: string, ctx: CallContext, a: unknown, b: unknown, rule: CellRule): Out {
  const [specA, specB] = entryOf(id).args as [ArgSpec, ArgSpec];
  const x = normaliseArg(a);
  const y = normaliseArg(b);
  const shape = commonShape(id, [specA.name, specB.name], [x, y], ctx);
  const readA = readerFor(numericKind(specA), ctx);
  const readB = readerFor(numericKind(specB), ctx);
  return map2(x, y, shape, (p, q) => rule(readA(p), readB(q)));
}

/** A `*_COUNT_28D`: dated rows in the window, optionally by key. */
function windowCount(id: string, ctx: CallContext, dates: unknown, asOf: unknown, rowKeys: unknown, keys: unknown): Out {
  const entry = entryOf(id);
  const names = { fn: id, dates: entry.args[0]!.name, rowKeys: entry.args[2]!.name };
  return countInWindow(names, ctx, dates, asOf, entry.windowDays!, keys === undefined ? undefined : { rowKeys, keys });
}

/** A `*_RATE_28D`: two window totals elementwise, or (with `as_of`) events ÷ orders over dated rows. */
function windowRate(
  id: string, ctx: CallContext, events: unknown, orders: unknown,
  asOf: unknown, eventKeys: unknown, orderKeys: unknown, keys: unknown,
): Out {
  if (asOf === undefined) return elementwise(id, ctx, events, orders, quotientCell);
  const entry = entryOf(id);
  const dated = entry.datedForm!;
  const eventNames = { fn: id, dates: dated[0]!.name, rowKeys: dated[3]!.name };
  const orderNames = { fn: id, dates: dated[1]!.name, rowKeys: dated[4]!.name };
  const grouping = keys === undefined ? undefined : { eventKeys, orderKeys, keys };
  return rateInWindow(eventNames, orderNames, ctx, events, orders, asOf, entry.windowDays!, grouping);
}

/** 询单转化率 = 询单后成交人数 ÷ 询单人数. */
export function INQUIRY_CONVERSION(ctx: CallContext, paid_buyers: unknown, inquiring_buyers: unknown): Out {
  return elementwise('INQUIRY_CONVERSION', ctx, paid_buyers, inquiring_buyers, proportionCell);
}

/** 询单客单价 = 询单成交金额 ÷ 询单成交人数 (per buyer). */
export function INQUIRY_AOV(ctx: CallContext, inquiry_sales: unknown, paid_buyers: unknown): Out {
  return elementwise('INQUIRY_AOV', ctx, inquiry_sales, paid_buyers, quotientCell);
}

/** 询单人均成交件数 = 询单成交件数 ÷ 询单成交人数. */
export function INQUIRY_UNITS_PER_BUYER(ctx: CallContext, units: unknown, paid_buyers: unknown): Out {
  return elementwise('INQUIRY_UNITS_PER_BUYER', ctx, units, paid_buyers, quotientCell);
}

/** 支付率 = 支付宝成交笔数 ÷ 拍下笔数. */
export function PAYMENT_RATE(ctx: CallContext, paid_orders: unknown, placed_orders: unknown): Out {
  return elementwise('PAYMENT_RATE', ctx, paid_orders, placed_orders, proportionCell);
}

/** 旺旺在线时长 = 在线总时长（小时）÷ 账号数. */
export function ONLINE_HOURS(ctx: CallContext, total_online_time: unknown, accounts: unknown): Out {
  return elementwise('ONLINE_HOURS', ctx, total_online_time, accounts, quotientCell);
}

/** 平均响应时间（秒）= 响应总时长 ÷ 人工回复次数. */
export function AVG_RESPONSE_TIME(ctx: CallContext, total_response_seconds: unknown, replies: unknown): Out {
  return elementwise('AVG_RESPONSE_TIME', ctx, total_response_seconds, replies, quotientCell);
}

/** 首次响应时间（秒）= 首次响应总时长 ÷ 接待人数. */
export function FIRST_RESPONSE_TIME(ctx: CallContext, total_first_response_seconds: unknown, buyers_served: unknown): Out {
  return elementwise('FIRST_RESPONSE_TIME', ctx, total_first_response_seconds, buyers_served, quotientCell);
}

/** 旺旺回复率 = 已回复咨询人数 ÷ 咨询人数. */
export function REPLY_RATE(ctx: CallContext, replied: unknown, received: unknown): Out {
  return elementwise('REPLY_RATE', ctx, replied, received, proportionCell);
}

/** 客单价 = 销售总额 ÷ 下单人数. */
export function AOV(ctx: CallContext, sales: unknown, buyers: unknown): Out {
  return elementwise('AOV', ctx, sales, buyers, quotientCell);
}

/** 销售计划达成率 = 实际销售额 ÷ 计划销售额 (may exceed 1). */
export function SALES_ACHIEVEMENT(ctx: CallContext, actual_sales: unknown, target_sales: unknown): Out {
  return elementwise('SALES_ACHIEVEMENT', ctx, actual_sales, target_sales, quotientCell);
}

/** 退款笔数（近28天）: refunds dated in the 28 days ending on `as_of`, optionally per key. */
export function REFUND_COUNT_28D(ctx: CallContext, refund_dates: unknown, as_of: unknown, row_keys?: unknown, keys?: unknown): Out {
  return windowCount('REFUND_COUNT_28D', ctx, refund_dates, as_of, row_keys, keys);
}

/** 退款率（近28天）= 退款笔数 ÷ 成交笔数: two window totals, or dated rows with `as_of`. */
export function REFUND_RATE_28D(
  ctx: CallContext, refunds: unknown, orders: unknown, as_of?: unknown, refund_keys?: unknown, order_keys?: unknown, keys?: unknown,
): Out {
  return windowRate('REFUND_RATE_28D', ctx, refunds, orders, as_of, refund_keys, order_keys, keys);
}

/** 退款纠纷率（近28天）= 退款纠纷笔数 ÷ 成交笔数: two window totals, or dated rows with `as_of`. */
export function REFUND_DISPUTE_RATE_28D(
  ctx: CallContext, disputes: unknown, orders: unknown, as_of?: unknown, dispute_keys?: unknown, order_keys?: unknown, keys?: unknown,
): Out {
  return windowRate('REFUND_DISPUTE_RATE_28D', ctx, disputes, orders, as_of, dispute_keys, order_keys, keys);
}

/** 退款自主完结率 = 商家自主完结退款笔数 ÷ 完结退款总笔数. */
export function REFUND_SELF_RESOLVED_RATE(ctx: CallContext, self_resolved: unknown, resolved: unknown): Out {
  return elementwise('REFUND_SELF_RESOLVED_RATE', ctx, self_resolved, resolved, proportionCell);
}

/** 退款完结时长（天）= 完结总时长 ÷ 完结笔数. */
export function REFUND_RESOLUTION_TIME(ctx: CallContext, total_duration: unknown, resolved: unknown): Out {
  return elementwise('REFUND_RESOLUTION_TIME', ctx, total_duration, resolved, quotientCell);
}

/** 投诉笔数（近28天）: complaints dated in the 28 days ending on `as_of`, optionally per key. */
export function COMPLAINT_COUNT_28D(ctx: CallContext, complaint_dates: unknown, as_of: unknown, row_keys?: unknown, keys?: unknown): Out {
  return windowCount('COMPLAINT_COUNT_28D', ctx, complaint_dates, as_of, row_keys, keys);
}

/** 投诉率（近28天）= 投诉笔数 ÷ 成交笔数: two window totals, or dated rows with `as_of`. */
export function COMPLAINT_RATE_28D(
  ctx: CallContext, complaints: unknown, orders: unknown, as_of?: unknown, complaint_keys?: unknown, order_keys?: unknown, keys?: unknown,
): Out {
  return windowRate('COMPLAINT_RATE_28D', ctx, complaints, orders, as_of, complaint_keys, order_keys, keys);
}

/** 服务态度DSR（近180天）: the mean 1–5 rating dated in the 180 days ending on `as_of`, optionally per key. */
export function DSR_SERVICE_180D(
  ctx: CallContext, ratings: unknown, rating_dates: unknown, as_of: unknown, row_keys?: unknown, keys?: unknown,
): Out {
  const id = 'DSR_SERVICE_180D';
  const entry = entryOf(id);
  const [ratingSpec, dateSpec, , keySpec] = entry.args;
  const names = { fn: id, ratings: ratingSpec!.name, dates: dateSpec!.name, rowKeys: keySpec!.name };
  const grouping = keys === undefined ? undefined : { rowKeys: row_keys, keys };
  return meanInWindow(names, ctx, ratings, rating_dates, as_of, entry.windowDays!, grouping);
}

/** 差评率 = 差评数 ÷ 订单数. */
export function BAD_REVIEW_RATE(ctx: CallContext, bad_reviews: unknown, orders: unknown): Out {
  return elementwise('BAD_REVIEW_RATE', ctx, bad_reviews, orders, proportionCell);
}

/** 退货率 = 退货数 ÷ 订单数. */
export function RETURN_RATE(ctx: CallContext, returns: unknown, orders: unknown): Out {
  return elementwise('RETURN_RATE', ctx, returns, orders, proportionCell);
}

/** 出单准确率 = 1 − 错单数 ÷ 订单数. */
export function ORDER_ACCURACY(ctx: CallContext, wrong_orders: unknown, orders: unknown): Out {
  return elementwise('ORDER_ACCURACY', ctx, wrong_orders, orders, complementCell);
}

/** 退货挽回率 = 1 − 咨询退货后仍退货数 ÷ 咨询退货数. */
export function RETURN_SAVE_RATE(ctx: CallContext, returned: unknown, return_inquiries: unknown): Out {
  return elementwise('RETURN_SAVE_RATE', ctx, returned, return_inquiries, complementCell);
}

/** 满意率 = 满意评价数 ÷ 参评数. */
export function SATISFACTION_RATE(ctx: CallContext, satisfied: unknown, rated: unknown): Out {
  return elementwise('SATISFACTION_RATE', ctx, satisfied, rated, proportionCell);
}

/** 不满意率 = 不满意评价数 ÷ 参评数 (lower is better). */
export function DISSATISFACTION_RATE(ctx: CallContext, dissatisfied: unknown, rated: unknown): Out {
  return elementwise('DISSATISFACTION_RATE', ctx, dissatisfied, rated, proportionCell);
}

/** 3分钟人工回复率 = 3 分钟内人工回复的消息数 ÷ 需回复的消息数 (service hours only, counted upstream). */
export function REPLY_RATE_3MIN(ctx: CallContext, replied_within_3min: unknown, messages: unknown): Out {
  return elementwise('REPLY_RATE_3MIN', ctx, replied_within_3min, messages, proportionCell);
}

/** 30秒应答率 = 30 秒内首次应答的会话数 ÷ 会话数. */
export function RESPONSE_RATE_30S(ctx: CallContext, responded_within_30s: unknown, sessions: unknown): Out {
  return elementwise('RESPONSE_RATE_30S', ctx, responded_within_30s, sessions, proportionCell);
}

/** 有效回复率 = 有效回复的会话数 ÷ 会话数 (a reply after more than an hour is not valid, decided upstream). */
export function VALID_REPLY_RATE(ctx: CallContext, valid_replies: unknown, sessions: unknown): Out {
  return elementwise('VALID_REPLY_RATE', ctx, valid_replies, sessions, proportionCell);
}
