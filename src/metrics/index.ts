/**
 * The metrics module's public face: `callFunction` runs one sheet function exactly as a custom
 * function call, and the catalogue, coercion, broadcasting and window helpers are re-exported for
 * the appraisal to reuse.
 */
import { UserError, type Locale } from '../i18n';
import { catalogueEntry } from './catalogue';
import * as fns from './functions';
import { KPI_GRADE, KPI_SCORE, WEIGHTED_SCORE } from './score-functions';
import { NUM_ERROR, finiteCell, type ArgSpec, type CallContext, type CatalogueEntry, type Out } from './types';

export { APPRAISAL_METRICS, CATALOGUE, catalogueEntry } from './catalogue';
export * from './types';
export * from './coerce';
export * from './broadcast';
export * from './window';
export * from './timezone';
export * from './scoring';
export { complementCell, proportionCell, quotientCell, type CellRule } from './functions';
export { kpiMethod, kpiScoreCell, readBands, type BandRow, type KpiMethod } from './score-functions';

type SheetFunction = (ctx: CallContext, ...args: unknown[]) => Out;

/** Every sheet function by its catalogue id. */
export const SHEET_FUNCTIONS: Readonly<Record<string, SheetFunction>> = {
  INQUIRY_CONVERSION: fns.INQUIRY_CONVERSION,
  INQUIRY_AOV: fns.INQUIRY_AOV,
  INQUIRY_UNITS_PER_BUYER: fns.INQUIRY_UNITS_PER_BUYER,
  PAYMENT_RATE: fns.PAYMENT_RATE,
  ONLINE_HOURS: fns.ONLINE_HOURS,
  AVG_RESPONSE_TIME: fns.AVG_RESPONSE_TIME,
  FIRST_RESPONSE_TIME: fns.FIRST_RESPONSE_TIME,
  REPLY_RATE: fns.REPLY_RATE,
  AOV: fns.AOV,
  SALES_ACHIEVEMENT: fns.SALES_ACHIEVEMENT,
  REFUND_COUNT_28D: fns.REFUND_COUNT_28D,
  REFUND_RATE_28D: fns.REFUND_RATE_28D,
  REFUND_DISPUTE_RATE_28D: fns.REFUND_DISPUTE_RATE_28D,
  REFUND_SELF_RESOLVED_RATE: fns.REFUND_SELF_RESOLVED_RATE,
  REFUND_RESOLUTION_TIME: fns.REFUND_RESOLUTION_TIME,
  COMPLAINT_COUNT_28D: fns.COMPLAINT_COUNT_28D,
  COMPLAINT_RATE_28D: fns.COMPLAINT_RATE_28D,
  DSR_SERVICE_180D: fns.DSR_SERVICE_180D,
  BAD_REVIEW_RATE: fns.BAD_REVIEW_RATE,
  RETURN_RATE: fns.RETURN_RATE,
  ORDER_ACCURACY: fns.ORDER_ACCURACY,
  RETURN_SAVE_RATE: fns.RETURN_SAVE_RATE,
  SATISFACTION_RATE: fns.SATISFACTION_RATE,
  DISSATISFACTION_RATE: fns.DISSATISFACTION_RATE,
  REPLY_RATE_3MIN: fns.REPLY_RATE_3MIN,
  RESPONSE_RATE_30S: fns.RESPONSE_RATE_30S,
  VALID_REPLY_RATE: fns.VALID_REPLY_RATE,
  KPI_SCORE,
  WEIGHTED_SCORE,
  KPI_GRADE,
};

const required = (args: readonly ArgSpec[]) => args.filter((a) => !a.optional).length;

/**
 * The argument counts a function takes. Windowed functions take their keys in pairs (row keys
 * with the keys to report), so they have exactly two or three forms rather than a range.
 */
export function aritiesOf(entry: CatalogueEntry): number[] {
  if (entry.datedForm) return [required(entry.args), required(entry.datedForm), entry.datedForm.length];
  if (entry.windowDays) return [required(entry.args), entry.args.length];
  const counts: number[] = [];
  for (let n = required(entry.args); n <= entry.args.length; n++) counts.push(n);
  return counts;
}

/** `ID(a, b[, c, d])` for one argument list. */
function signature(id: string, args: readonly ArgSpec[]): string {
  const needed = args.filter((a) => !a.optional).map((a) => a.name);
  const optional = args.filter((a) => a.optional).map((a) => a.name);
  const tail = optional.length ? `${needed.length ? '[, ' : '['}${optional.join(', ')}]` : '';
  return `${id}(${needed.join(', ')}${tail})`;
}

/** The ways to call a function, as shown in the wrong-argument-count message. */
export function usageOf(entry: CatalogueEntry): string[] {
  return entry.datedForm
    ? [signature(entry.id, entry.args.filter((a) => !a.optional)), signature(entry.id, entry.datedForm)]
    : [signature(entry.id, entry.args)];
}

function listCounts(counts: readonly number[], locale: Locale): string {
  const [last, ...rest] = [...counts].reverse();
  if (!rest.length) return String(last);
  const head = rest.reverse().join(locale === 'zh' ? '、' : ', ');
  return `${head}${locale === 'zh' ? ' 或 ' : ' or '}${last}`;
}

function arityError(entry: CatalogueEntry, got: number, counts: readonly number[], locale: Locale): UserError {
  const usage = usageOf(entry);
  return new UserError({
    zh: `${entry.id} 的参数个数不对：收到 ${got} 个，应为 ${listCounts(counts, 'zh')} 个。用法：${usage.join(' 或 ')}`,
    en: `${entry.id} got ${got} argument${got === 1 ? '' : 's'}; it takes ${listCounts(counts, 'en')}. Usage: ${usage.join(' or ')}`,
  }, locale);
}

/**
 * The last guard before a result reaches a sheet: no `Infinity` or `NaN` ever does, each is
 * `#NUM!` (every function already guards its own arithmetic; this holds for any added later).
 * Fixes the function's own fresh output in place.
 */
export function finiteOut(out: Out): Out {
  if (typeof out === 'number') return finiteCell(out);
  if (typeof out !== 'object') return out;
  for (const row of out) {
    for (let c = 0; c < row.length; c++) {
      const x = row[c];
      if (typeof x === 'number' && !Number.isFinite(x)) row[c] = NUM_ERROR;
    }
  }
  return out;
}

/**
 * Runs one sheet function as a custom-function call: `args` are what Sheets passes (single values
 * or 2-D ranges; trailing `undefined`s are omitted arguments). Returns one value or a 2-D array.
 * Throws a `UserError` in `ctx.locale` for a bad call (rule 5): unknown function, wrong argument
 * count, ranges of different shapes, unreadable `as_of`, unknown scoring method or bad bands.
 * `ctx`'s fields may be getters: the zone is read only for Dates, the locale only to throw.
 */
export function callFunction(id: string, args: readonly unknown[], ctx: CallContext): Out {
  const entry = catalogueEntry(id);
  const fn = SHEET_FUNCTIONS[id];
  if (!entry || !fn) {
    throw new UserError({ zh: `未知的函数：${id}`, en: `unknown function: ${id}` }, ctx.locale);
  }
  let count = args.length;
  while (count > 0 && args[count - 1] === undefined) count--;
  const counts = aritiesOf(entry);
  if (!counts.includes(count)) throw arityError(entry, count, counts, ctx.locale);
  try {
    return finiteOut(fn(ctx, ...args.slice(0, count)));
  } catch (e) {
    // Errors raised before the locale was known (an invalid time zone) are re-worded for the user.
    if (e instanceof UserError && e.message !== e.msg[ctx.locale]) throw new UserError(e.msg, ctx.locale);
    throw e;
  }
}
