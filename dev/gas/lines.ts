/**
 * The arithmetic of inserting and deleting rows or columns: where a line, a cell or a span of lines ends up.
 * Shared by everything that moves with its cells (contents, formats, validation, metadata, charts, protections).
 */
import type { Rect } from './a1';

export type Axis = 'ROWS' | 'COLUMNS';

/** `count` lines inserted before line `at`, or lines `at … at + count - 1` deleted (1-based). */
export interface LineChange {
  axis: Axis;
  kind: 'insert' | 'delete';
  at: number;
  count: number;
  /** For an insert: the neighbouring line (numbered before the change) whose formats the new lines take. */
  from?: number;
}

/** Where line `i` goes; null when it was deleted. */
export function mapLine({ kind, at, count }: LineChange, i: number): number | null {
  if (i < at) return i;
  if (kind === 'insert') return i + count;
  return i < at + count ? null : i - count;
}

/** Where cell (row, column) goes; null when its row or column was deleted. */
export function mapCell(change: LineChange, row: number, column: number): [number, number] | null {
  if (change.axis === 'ROWS') {
    const r = mapLine(change, row);
    return r === null ? null : [r, column];
  }
  const c = mapLine(change, column);
  return c === null ? null : [row, c];
}

/**
 * A span of lines `first … last` after the change, as Sheets moves a range: lines inserted inside it widen it,
 * deleted ones narrow it; null when every line of it was deleted.
 */
export function mapSpan({ kind, at, count }: LineChange, first: number, last: number): [number, number] | null {
  if (kind === 'insert') {
    if (at <= first) return [first + count, last + count];
    return at <= last ? [first, last + count] : [first, last];
  }
  const end = at + count - 1;
  const newFirst = first < at ? first : first > end ? first - count : at;
  const newLast = last < at ? last : last > end ? last - count : at - 1;
  return newLast < newFirst ? null : [newFirst, newLast];
}

/** A rectangle after the change (see `mapSpan`). */
export function mapRect(change: LineChange, rect: Rect): Rect | null {
  const rows = change.axis === 'ROWS';
  const first = rows ? rect.row : rect.column;
  const last = first + (rows ? rect.numRows : rect.numColumns) - 1;
  const span = mapSpan(change, first, last);
  if (!span) return null;
  const size = span[1] - span[0] + 1;
  return rows ? { ...rect, row: span[0], numRows: size } : { ...rect, column: span[0], numColumns: size };
}

/** Where a cell goes when the rows of `rect` are put into `order` (`order[t]` = the 0-based row moved to row t). */
export function permutedCell(rect: Rect, order: readonly number[]): (row: number, column: number) => [number, number] {
  const targetOf = new Array<number>(order.length);
  order.forEach((source, target) => (targetOf[source] = target));
  const lastRow = rect.row + rect.numRows - 1;
  const lastColumn = rect.column + rect.numColumns - 1;
  return (row, column) =>
    row >= rect.row && row <= lastRow && column >= rect.column && column <= lastColumn ? [rect.row + targetOf[row - rect.row]!, column] : [row, column];
}

/**
 * Where line `i` goes when lines `start … start + count - 1` move before line `destination` (numbered before the
 * move), as `moveRows` / `moveColumns` and a drag in Sheets do; the lines between close the gap.
 */
export function movedLine(start: number, count: number, destination: number, i: number): number {
  const end = start + count;
  if (i >= start && i < end) return destination < start ? destination + (i - start) : destination - count + (i - start);
  if (destination < start && i >= destination && i < start) return i + count;
  if (destination > end && i >= end && i < destination) return i - count;
  return i;
}
