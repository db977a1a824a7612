/**
 * Dated windows (functions.md rule 7): the N calendar days ending on `as_of`, both ends
 * included, in the spreadsheet's time zone, with optional grouping by key.
 *
 * Rules of a dated row (the same for counts, rates and the DSR mean):
 * - a blank date: the row is not counted (an unfinished row, not an event);
 * - an unreadable date: the result of that row's group is `#VALUE!`, because nobody can say
 *   whether the row is in the window; other groups are still computed (rule 4, bad cells don't
 *   kill the column). Rows of keys nobody asked for are never read;
 * - a rating outside 1–5 (or unreadable) matters only inside the window: then its group is
 *   `#NUM!` (`#VALUE!`); a blank rating is no rating;
 * - a group keeps the marker of its first bad row.
 * Each call is one pass over the rows with a Map from key to slot.
 */
import { UserError } from '../i18n';
import { describeShape, isGrid, normaliseArg, shapeOf, tableShape, type Grid } from './broadcast';
import { readDay, readKey, readRating } from './coerce';
import type { CallContext, CellError, Out, OutCell } from './types';

/** The days of a window as day numbers, both included. */
export interface DayWindow {
  first: number;
  last: number;
}

/** The `days` calendar days ending on `asOf`: `asOf − days + 1 … asOf`. */
export function windowEnding(asOf: number, days: number): DayWindow {
  return { first: asOf - days + 1, last: asOf };
}

/** Whether a day number falls in the window. */
export function inWindow(day: number, window: DayWindow): boolean {
  return day >= window.first && day <= window.last;
}

/**
 * `as_of` as a day number: one Date, date text or serial. Throws a `UserError` naming `as_of`
 * (in `ctx.locale`) when it is a range, blank or unreadable: a window without an end is a bad call.
 */
export function readAsOf(fn: string, asOf: unknown, ctx: CallContext): number {
  const x = normaliseArg(asOf);
  if (isGrid(x)) {
    const shape = describeShape(shapeOf(x));
    throw new UserError({
      zh: `${fn}：as_of 应为一个日期，而不是 ${shape.zh} 的区域。`,
      en: `${fn}: as_of must be one date, not a range of ${shape.en}.`,
    }, ctx.locale);
  }
  const day = readDay(x, ctx);
  if (typeof day === 'number') return day;
  throw new UserError(day === null
    ? { zh: `${fn}：as_of（统计截止日）为空；请填写日期，例如 2026-11-28。`, en: `${fn}: as_of (the last day of the window) is blank; give a date such as 2026-11-28.` }
    : {
      zh: `${fn}：无法把 as_of（"${String(x)}"）读成日期；请用日期单元格或 2026-11-28 这样的文字。`,
      en: `${fn}: as_of ("${String(x)}") is not a date; use a date cell or text such as 2026-11-28.`,
    }, ctx.locale);
}

/** Optional grouping: the rows' keys and the keys to report, one result per entry of `keys`. */
export interface Grouping {
  rowKeys: unknown;
  keys: unknown;
}

/** The slots results are gathered in: one per distinct non-blank key, or one for all rows. */
export class Groups {
  /** Key text → slot; `null` when there is no grouping (every row goes to slot 0). */
  private readonly slots: Map<string, number> | null;
  readonly size: number;
  private readonly keys: unknown;

  constructor(keys?: unknown) {
    if (keys === undefined) {
      this.slots = null;
      this.size = 1;
      this.keys = undefined;
      return;
    }
    this.keys = normaliseArg(keys);
    this.slots = new Map();
    for (const row of asRows(this.keys)) {
      for (const cell of row) {
        const key = readKey(cell);
        if (key !== '' && !this.slots.has(key)) this.slots.set(key, this.slots.size);
      }
    }
    this.size = Math.max(1, this.slots.size);
  }

  /** Whether rows are matched by key. */
  get grouped(): boolean {
    return this.slots !== null;
  }

  /** The slot of a row by its key cell; −1 for a key nobody asked for (the row is skipped). */
  slotOf(rowKey: unknown): number {
    return this.slots ? (this.slots.get(readKey(rowKey)) ?? -1) : 0;
  }

  /** One result, or one per entry of `keys` in its shape; a blank key reports `""`. */
  output(cell: (slot: number) => OutCell): Out {
    if (!this.slots) return cell(0);
    const slots = this.slots;
    const at = (key: unknown): OutCell => {
      const slot = slots.get(readKey(key));
      return slot === undefined ? '' : cell(slot);
    };
    return isGrid(this.keys) ? this.keys.map((row) => Array.from(row, at)) : at(this.keys);
  }
}

/** Per-slot totals of one pass: rows in the window, the sum of their values, the first bad row's marker. */
export class Tally {
  readonly counts: Float64Array;
  readonly sums: Float64Array;
  readonly errors: (CellError | null)[];

  constructor(size: number) {
    this.counts = new Float64Array(size);
    this.sums = new Float64Array(size);
    this.errors = new Array<CellError | null>(size).fill(null);
  }
}

/** A normalised argument as rows (a single value is one row of one cell). */
function asRows(arg: unknown): Grid {
  return isGrid(arg) ? arg : [[arg]];
}

/** Dated rows to tally: their dates, optional values (ratings) and optional row keys, all one shape. */
interface DatedRows {
  dates: unknown;
  ratings?: unknown;
  rowKeys?: unknown;
}

/**
 * One pass over dated rows into `tally`: counts rows in the window (and sums their ratings when
 * given), by group. See the module comment for blank and bad cells.
 */
export function tallyWindow(rows: DatedRows, window: DayWindow, groups: Groups, ctx: CallContext, tally: Tally): void {
  const dates = asRows(rows.dates);
  const ratings = rows.ratings === undefined ? null : asRows(rows.ratings);
  const keys = groups.grouped && rows.rowKeys !== undefined ? asRows(rows.rowKeys) : null;
  const { counts, sums, errors } = tally;
  for (let r = 0; r < dates.length; r++) {
    const dateRow = dates[r]!;
    const keyRow = keys ? keys[r]! : null;
    const ratingRow = ratings ? ratings[r]! : null;
    const cols = Math.max(dateRow.length, keyRow ? keyRow.length : 0, ratingRow ? ratingRow.length : 0);
    for (let c = 0; c < cols; c++) {
      const slot = keyRow ? groups.slotOf(keyRow[c]) : groups.grouped ? -1 : 0;
      if (slot < 0 || errors[slot] !== null) continue;
      const day = readDay(dateRow[c], ctx);
      if (day === null) continue;
      if (typeof day === 'string') { errors[slot] = day; continue; }
      if (day < window.first || day > window.last) continue;
      if (ratingRow) {
        const rating = readRating(ratingRow[c]);
        if (rating === null) continue;
        if (typeof rating === 'string') { errors[slot] = rating; continue; }
        sums[slot] += rating;
      }
      counts[slot]++;
    }
  }
}

/** Names of the arguments of a dated call, for shape errors. */
export interface DatedNames {
  fn: string;
  dates: string;
  ratings?: string;
  rowKeys: string;
}

/** Tallies one table (dates with optional ratings and keys, one shape: rule 5) in one pass. */
function tallyTable(table: DatedRows, names: DatedNames, window: DayWindow, groups: Groups, ctx: CallContext): Tally {
  const rows: DatedRows = { dates: normaliseArg(table.dates) };
  const args: unknown[] = [rows.dates];
  const argNames: string[] = [names.dates];
  if (table.ratings !== undefined) {
    args.push(rows.ratings = normaliseArg(table.ratings));
    argNames.push(names.ratings ?? 'ratings');
  }
  if (table.rowKeys !== undefined) {
    args.push(rows.rowKeys = normaliseArg(table.rowKeys));
    argNames.push(names.rowKeys);
  }
  tableShape(names.fn, argNames, args, ctx);
  const tally = new Tally(groups.size);
  tallyWindow(rows, window, groups, ctx, tally);
  return tally;
}

/** How many dated rows fall in the window: one count, or one per key (`REFUND_COUNT_28D`, `COMPLAINT_COUNT_28D`). */
export function countInWindow(
  names: DatedNames, ctx: CallContext, dates: unknown, asOf: unknown, days: number, grouping?: Grouping,
): Out {
  const window = windowEnding(readAsOf(names.fn, asOf, ctx), days);
  const groups = new Groups(grouping?.keys);
  const tally = tallyTable({ dates, rowKeys: grouping?.rowKeys }, names, window, groups, ctx);
  return groups.output((slot) => tally.errors[slot] ?? tally.counts[slot]!);
}

/**
 * Events in the window ÷ orders in the window, by group (`REFUND_RATE_28D` dated form). Two tables:
 * the events and the orders, each with its own dates and keys. No orders → `""`. May exceed 1.
 */
export function rateInWindow(
  events: DatedNames, orders: DatedNames, ctx: CallContext,
  eventDates: unknown, orderDates: unknown, asOf: unknown, days: number,
  grouping?: { eventKeys: unknown; orderKeys: unknown; keys: unknown },
): Out {
  const window = windowEnding(readAsOf(events.fn, asOf, ctx), days);
  const groups = new Groups(grouping?.keys);
  const hits = tallyTable({ dates: eventDates, rowKeys: grouping?.eventKeys }, events, window, groups, ctx);
  const base = tallyTable({ dates: orderDates, rowKeys: grouping?.orderKeys }, orders, window, groups, ctx);
  return groups.output((slot) => {
    const bad = hits.errors[slot] ?? base.errors[slot];
    if (bad) return bad;
    const n = base.counts[slot]!;
    return n === 0 ? '' : hits.counts[slot]! / n;
  });
}

/** The mean rating in the window, by group (`DSR_SERVICE_180D`); `""` when there is none. */
export function meanInWindow(
  names: DatedNames, ctx: CallContext, ratings: unknown, dates: unknown, asOf: unknown, days: number, grouping?: Grouping,
): Out {
  const window = windowEnding(readAsOf(names.fn, asOf, ctx), days);
  const groups = new Groups(grouping?.keys);
  const tally = tallyTable({ dates, ratings, rowKeys: grouping?.rowKeys }, names, window, groups, ctx);
  return groups.output((slot) => {
    const bad = tally.errors[slot];
    if (bad) return bad;
    const n = tally.counts[slot]!;
    return n === 0 ? '' : tally.sums[slot]! / n;
  });
}
