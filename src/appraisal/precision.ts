/**
 * Decimals that cannot hide a tier boundary. Two agents both shown 旺旺回复率 99.00 % scored 80
 * and 60: 0.990014 reaches the 99 % tier, 0.989993 does not, and two decimals of a percentage
 * cannot tell them apart. The values on the tab are the month's snapshot, so the decimals can be
 * chosen when the tab is built: per metric item, the fewest (at least the unit's own) with which
 * every agent's shown value lies on the same side of every boundary of the item (floor, target,
 * tier thresholds) as the value itself, and every boundary is shown exactly. Capped; what even the
 * cap cannot separate is listed, and the value header's note says so. Pure.
 */
import { catalogueEntry } from '../metrics/catalogue';
import { exactDecimals, shapeOf } from './units';
import type { MetricItem } from './template';

/** The most decimals a value cell shows. */
export const MOST_DECIMALS = 6;

/** A boundary and how the score compares a value with it (`>=`: reached when at least; `<=`: at most). */
export interface Boundary {
  at: number;
  reaches: '>=' | '<=';
}

export interface Precision {
  decimals: number;
  /** Values the capped decimals still show on the wrong side of a boundary (or looking equal to it). */
  unresolved: { value: number; boundary: number }[];
}

const TOLERANCE = 1e-9;

/**
 * The whole numbers an engine may show for `x` (already scaled to the shown decimals): one,
 * or both neighbours when `x` lies at a half, where Sheets, Excel, LibreOffice and plain binary
 * rounding may go either way.
 */
function shownCandidates(x: number): number[] {
  const lo = Math.floor(x);
  const rest = x - lo;
  if (Math.abs(rest - 0.5) <= TOLERANCE * Math.max(1, Math.abs(x))) return [lo, lo + 1];
  return [Math.round(x)];
}

/** -1, 0, 1 with a relative tolerance for binary noise in the scaled boundary. */
function compare(shown: number, boundary: number): number {
  const d = shown - boundary;
  return Math.abs(d) <= TOLERANCE * Math.max(1, Math.abs(boundary)) ? 0 : Math.sign(d);
}

/** Whether `v` shown with `decimals` (scaled by `scale`) is read on the side of `b` that `v` is on. */
export function sameSide(v: number, b: Boundary, scale: number, decimals: number): boolean {
  const k = scale * 10 ** decimals;
  const truth = b.reaches === '>=' ? v >= b.at : v <= b.at;
  return shownCandidates(v * k).every((n) => {
    const c = compare(n, b.at * k);
    return (b.reaches === '>=' ? c >= 0 : c <= 0) === truth;
  });
}

/**
 * The decimals for values shown `from` decimals by default at `scale` (100 for percentages): the
 * fewest ≥ `from` and ≤ `most` with which every boundary is exact and every value on its side.
 */
export function chooseDecimals(values: readonly number[], boundaries: readonly Boundary[], scale: number, from: number, most = MOST_DECIMALS): Precision {
  let decimals = Math.min(most, Math.max(from, ...boundaries.map((b) => exactDecimals(b.at, scale, from, most))));
  const distinct = [...new Set(values)];
  const wrong = (d: number) => distinct.flatMap((value) => boundaries.filter((b) => !sameSide(value, b, scale, d)).map((b) => ({ value, boundary: b.at })));
  while (decimals < most && wrong(decimals).length > 0) decimals++;
  return { decimals, unresolved: wrong(decimals) };
}

/** Lower is better for this item, as its score formula decides (floor above target, else the metric's own). */
function lowerIsBetter(item: MetricItem): boolean {
  const catalogueLower = catalogueEntry(item.metric)?.direction === 'lower';
  if (item.method === 'tiers') return catalogueLower;
  return item.floor !== undefined && item.target !== undefined ? item.floor > item.target : catalogueLower;
}

/** The boundaries of an item's score: floor and target, or the tier thresholds; none for a deduction. */
export function boundariesOf(item: MetricItem): Boundary[] {
  const reaches = lowerIsBetter(item) ? '<=' : '>=';
  const at: number[] = [];
  if (item.method === 'tiers') at.push(...(item.tiers ?? []).map(([threshold]) => threshold));
  else if (item.method !== 'deduction') {
    if (item.method !== 'pass_fail' && item.floor !== undefined) at.push(item.floor);
    if (item.target !== undefined) at.push(item.target);
  }
  return at.filter(Number.isFinite).map((b) => ({ at: b, reaches }));
}

/** The decimals of one metric item's values and parameters on the tab, given this month's values; null for a General-format metric. */
export function itemPrecision(item: MetricItem, values: readonly number[]): Precision | null {
  const shape = shapeOf(item.metric);
  if (!shape) return null;
  return chooseDecimals(values.filter(Number.isFinite), boundariesOf(item), shape.scale, shape.decimals);
}
