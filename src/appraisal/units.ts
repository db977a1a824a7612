/**
 * How a metric's numbers are shown on the appraisal tabs: the cell format (decimals, %, ¥), the
 * unit word (秒, 小时, 天 …) the headers and the sentences use, and a number written with its unit
 * in plain text (the notes). One table, so the 考核 tab's headers, its notes and the 绩效单's
 * sentences name a unit the same way. Pure.
 */
import type { Locale, Msg } from '../i18n';
import { catalogueEntry } from '../metrics/catalogue';
import type { Unit } from '../metrics/types';

/** The word after a number (`18 秒`, `3 件`); '' where the format itself says it (%, ¥) or nothing fits. */
export const UNIT_WORDS: Partial<Record<Unit, Msg>> = {
  seconds: { zh: '秒', en: 's' },
  hours: { zh: '小时', en: 'h' },
  days: { zh: '天', en: 'days' },
  units: { zh: '件', en: 'units' },
  count: { zh: '笔', en: '' },
};

/** What a header says the unit is: the word, or the sign the cells show. */
const HEADER_UNITS: Partial<Record<Unit, Msg>> = {
  ...UNIT_WORDS,
  fraction: { zh: '%', en: '%' },
  yuan: { zh: '元', en: '¥' },
  count: { zh: '笔', en: 'count' },
};

/** A unit's cell format: the decimals it shows today (at least), and how a number is drawn. */
interface Shape {
  decimals: number;
  /** The shown number is the value × scale (100 for a percentage). */
  scale: number;
  format: (decimals: number) => string;
}

const digits = (d: number) => (d > 0 ? `0.${'0'.repeat(d)}` : '0');
const SHAPES: Partial<Record<Unit, Shape>> = {
  fraction: { decimals: 2, scale: 100, format: (d) => `${digits(d)}%` },
  yuan: { decimals: 2, scale: 1, format: (d) => `¥#,##${digits(d)}` },
  seconds: { decimals: 0, scale: 1, format: digits },
  hours: { decimals: 1, scale: 1, format: digits },
  days: { decimals: 1, scale: 1, format: digits },
  units: { decimals: 2, scale: 1, format: digits },
  count: { decimals: 0, scale: 1, format: digits },
  rating: { decimals: 2, scale: 1, format: digits },
};

const unitOf = (metric: string): Unit | undefined => catalogueEntry(metric)?.unit;

/** The decimals and scale a metric's cells show by default (null: General, shown as the engine likes). */
export function shapeOf(metric: string): { decimals: number; scale: number } | null {
  const shape = SHAPES[unitOf(metric)!];
  return shape ? { decimals: shape.decimals, scale: shape.scale } : null;
}

/** The number format of a metric's values, floors, targets and tier thresholds, with `decimals` (default: the unit's). */
export function unitFormat(metric: string, decimals?: number): string {
  const shape = SHAPES[unitOf(metric)!];
  return shape ? shape.format(decimals ?? shape.decimals) : 'General';
}

/** The unit a header names, e.g. `秒` / `s`; '' when the metric has none. */
export function unitWord(metric: string, locale: Locale): string {
  const word = HEADER_UNITS[unitOf(metric)!];
  return word ? word[locale] : '';
}

/** `（秒）` / ` (s)` after a name, unless the name already ends with it; '' when there is no unit. */
export function withUnit(name: string, metric: string, locale: Locale): string {
  const word = unitWord(metric, locale);
  if (!word) return name;
  const suffix = locale === 'en' ? ` (${word})` : `（${word}）`;
  return name.endsWith(`(${word})`) || name.endsWith(`（${word}）`) ? name : `${name}${suffix}`;
}

/** `1,234.5`: a fixed number of decimals, thousands separated. */
function grouped(x: number, decimals: number): string {
  const [whole, fraction] = Math.abs(x).toFixed(decimals).split('.');
  const sign = x < 0 && Number(Math.abs(x).toFixed(decimals)) !== 0 ? '-' : '';
  return `${sign}${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

/** A number as plain text the way cells of `unit` show it, with the unit: `30.00%`, `¥1,000.00`, `20 秒`. */
export function numberWithUnit(x: number, unit: Unit | undefined, locale: Locale, decimals?: number): string {
  const shape = SHAPES[unit!];
  if (!shape) return String(x);
  const d = decimals ?? shape.decimals;
  if (unit === 'fraction') return `${(x * 100).toFixed(d)}%`;
  if (unit === 'yuan') return `¥${grouped(x, d)}`;
  const word = UNIT_WORDS[unit!]?.[locale] ?? '';
  return word ? `${x.toFixed(d)} ${word}` : x.toFixed(d);
}

/** A metric's number as plain text the way its cells show it (`decimals`: the item's, default the unit's). */
export const valueWithUnit = (x: number, metric: string, locale: Locale, decimals?: number): string =>
  numberWithUnit(x, unitOf(metric), locale, decimals);

/**
 * The fewest decimals (from the unit's own, at most `most`) that show `x` exactly, so a floor
 * or threshold such as 99.95 % is never shown as 99.9 % or 100.0 %.
 */
export function exactDecimals(x: number, scale: number, from: number, most = 6): number {
  for (let d = from; d < most; d++) {
    const shown = x * scale * 10 ** d;
    if (Math.abs(shown - Math.round(shown)) <= 1e-9 * Math.max(1, Math.abs(shown))) return d;
  }
  return most;
}
