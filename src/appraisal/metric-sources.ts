/**
 * Which export columns each appraisal metric is computed from, following the definitions of
 * functions.md: the counts (numerator and denominator, summed per agent before dividing), or,
 * when those columns are missing, a column holding the metric itself, averaged over the rows by
 * the one rule of `basis.ts` (weighted by `whole` when present, else by the day's 接待人数 / 咨询人数,
 * else plainly).
 */
import { complementCell, proportionCell, quotientCell, type CellRule } from '../metrics/functions';

export type MetricSource =
  /** Σ part ÷ Σ whole with the sheet function's own cell rule; `whole` lists candidate columns, best first. */
  | { form: 'quotient'; rule: CellRule; part: string; whole: readonly string[]; rate: string }
  /** Σ of a count over the month. */
  | { form: 'sum'; field: string }
  /** The mean of a per-row value (a 1–5 rating), weighted by a count column when there is one. */
  | { form: 'mean'; field: string; weight: string }
  /** Σ time ÷ the number of accounts merged into the person (ONLINE_HOURS: 总时长 ÷ 账号数). */
  | { form: 'perAccount'; field: string };

/** Orders for the per-order rates: 订单数, or else 支付宝成交笔数, which counts the same paid orders. */
const ORDERS = ['orders', 'paid_orders'] as const;

const quotient = (rule: CellRule, part: string, whole: readonly string[], rate: string): MetricSource => ({ form: 'quotient', rule, part, whole, rate });

/**
 * The `*_28D` metrics are read from the month's rows: the appraisal measures the month, and an
 * export's per-day figures are events of that day (the window functions are for dated rows).
 */
export const METRIC_SOURCES: Readonly<Record<string, MetricSource>> = {
  INQUIRY_CONVERSION: quotient(proportionCell, 'paid_buyers', ['inquiring_buyers'], 'conversion_rate'),
  INQUIRY_AOV: quotient(quotientCell, 'inquiry_sales', ['paid_buyers'], 'inquiry_aov_rate'),
  INQUIRY_UNITS_PER_BUYER: quotient(quotientCell, 'inquiry_units', ['paid_buyers'], 'units_per_buyer'),
  PAYMENT_RATE: quotient(proportionCell, 'paid_orders', ['placed_orders'], 'payment_rate'),
  ONLINE_HOURS: { form: 'perAccount', field: 'online_hours' },
  AVG_RESPONSE_TIME: quotient(quotientCell, 'response_seconds_total', ['replies'], 'avg_response_seconds'),
  FIRST_RESPONSE_TIME: quotient(quotientCell, 'first_response_seconds_total', ['buyers_served'], 'avg_first_response_seconds'),
  REPLY_RATE: quotient(proportionCell, 'replied', ['received'], 'reply_rate'),
  AOV: quotient(quotientCell, 'sales', ['buyers'], 'aov'),
  SALES_ACHIEVEMENT: quotient(quotientCell, 'sales', ['target_sales'], 'sales_achievement'),
  REFUND_COUNT_28D: { form: 'sum', field: 'refunds' },
  REFUND_RATE_28D: quotient(quotientCell, 'refunds', ORDERS, 'refund_rate'),
  REFUND_DISPUTE_RATE_28D: quotient(quotientCell, 'disputes', ORDERS, 'dispute_rate'),
  REFUND_SELF_RESOLVED_RATE: quotient(proportionCell, 'self_resolved', ['resolved'], 'self_resolved_rate'),
  REFUND_RESOLUTION_TIME: quotient(quotientCell, 'resolution_days_total', ['resolved'], 'avg_resolution_days'),
  COMPLAINT_COUNT_28D: { form: 'sum', field: 'complaints' },
  COMPLAINT_RATE_28D: quotient(quotientCell, 'complaints', ORDERS, 'complaint_rate'),
  DSR_SERVICE_180D: { form: 'mean', field: 'dsr_service', weight: 'ratings' },
  BAD_REVIEW_RATE: quotient(proportionCell, 'bad_reviews', ORDERS, 'bad_review_rate'),
  RETURN_RATE: quotient(proportionCell, 'returns', ORDERS, 'return_rate'),
  ORDER_ACCURACY: quotient(complementCell, 'wrong_orders', ORDERS, 'order_accuracy'),
  RETURN_SAVE_RATE: quotient(complementCell, 'returned', ['return_inquiries'], 'return_save_rate'),
  SATISFACTION_RATE: quotient(proportionCell, 'satisfied', ['rated', 'ratings'], 'satisfaction_rate'),
  DISSATISFACTION_RATE: quotient(proportionCell, 'dissatisfied', ['rated', 'ratings'], 'dissatisfaction_rate'),
  REPLY_RATE_3MIN: quotient(proportionCell, 'replied_3min', ['messages'], 'reply_rate_3min'),
  RESPONSE_RATE_30S: quotient(proportionCell, 'responded_30s', ['sessions'], 'response_rate_30s'),
  VALID_REPLY_RATE: quotient(proportionCell, 'valid_replies', ['sessions'], 'valid_reply_rate'),
};
