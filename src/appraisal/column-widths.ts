/**
 * The widths a first build gives the 考核 tab's columns, so that the owner's first screen on a
 * 1366 px laptop shows the agent, the totals and every item's contribution side by side. Sheets
 * draws every column 100 px wide unless told otherwise; a rebuild never sets widths again (the
 * manager may have resized). One run of equal width is one `setColumnWidths` call, and the issue's
 * budget of 25 document calls per build leaves room for one: total, rank, grade, coefficient,
 * bonus, [last month, Δ] and the contributions share a width; the agent's names and the metric
 * values and scores keep the default. Pure.
 */
import type { Geometry } from './geometry';
import { TABLE } from './geometry';
import type { ColumnWidths } from './plan-types';

/** Sheets' width of a column nobody sized. */
export const DEFAULT_WIDTH = 100;
/**
 * The laptop window the first screen is made for, less what Sheets draws beside the cells: the row
 * numbers (46 px) and the vertical scroll bar (~17 px).
 */
export const LAPTOP_CELLS_WIDTH = 1366 - 46 - 17;
/** Narrow enough to fit, never so narrow that ¥12,345.00 or a wrapped 4-character header line no longer fits. */
const NARROWEST = 64;
/** Wide enough that a contribution header wraps to at most three lines of Chinese. */
const WIDEST = 90;

/** The run from the total through the last contribution, as wide as lets it all fit beside the agent column. */
export function columnWidthsOf(g: Geometry): ColumnWidths[] {
  const first = TABLE.total;
  const count = g.firstValueColumn - first;
  const fit = Math.floor((LAPTOP_CELLS_WIDTH - DEFAULT_WIDTH) / count);
  return [{ column: first, count, px: Math.max(NARROWEST, Math.min(WIDEST, fit)) }];
}
