/**
 * What an imported cell becomes in the sheet, so the import keeps what the file says:
 * - a plain number (`-12.5`, `1234`, `1,234.50`, `1e-3`) is written as a number;
 * - an id stays text exactly as written: `00123` and `0123` differ, and digit strings longer
 *   than 15 digits (order numbers) would lose digits as numbers;
 * - a column whose digit-bearing cells are all dates (`2026-11-01`, `2026/11/01 09:30`,
 *   `2026年11月1日`) is a date column, written as dates; the same text in any other column
 *   (an id such as `2026-11-01` among `A17`s) stays text;
 * - every other text that Sheets might read as something else (a formula, a number, a date,
 *   a percentage, TRUE) gets the leading apostrophe Sheets reads as "this is text".
 * Pure: the sidebar and the command line choose the column kinds, the server writes the cells.
 */
import { neutralise } from '../appraisal/neutralise';

export type ColumnKind = 'date' | 'datetime' | 'auto';
export const COLUMN_KINDS: readonly ColumnKind[] = ['date', 'datetime', 'auto'];

/** The number formats the import gives date columns. */
export const DATE_FORMATS: Readonly<Record<Exclude<ColumnKind, 'auto'>, string>> = {
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm:ss',
};

const PLAIN_NUMBER = /^[+-]?(?:(?:0|[1-9]\d*)(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/;
/** More digits than a double keeps exactly: such a digit string is an id, not a quantity. */
const MAX_EXACT_DIGITS = 15;

/** The number a cell's text states, when it is a plain decimal number and not an id; otherwise null. */
export function plainNumber(text: string): number | null {
  const grouped = GROUPED_NUMBER.test(text);
  if (!grouped && !PLAIN_NUMBER.test(text)) return null;
  const digits = text.replace(/[eE].*$/, '').replace(/\D/g, '');
  if (!text.includes('.') && !/[eE]/.test(text) && digits.length > MAX_EXACT_DIGITS) return null;
  const n = Number(grouped ? text.replace(/,/g, '') : text);
  return Number.isFinite(n) ? n : null;
}

const DATE_TEXT = /^(\d{4})(?:([-/.])(\d{1,2})\2(\d{1,2})|年(\d{1,2})月(\d{1,2})日)(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const EPOCH_1900 = Date.UTC(1899, 11, 30);

/** A date's serial number (days since 1899-12-30, the time as a fraction) and whether it has a time; null if not a real date. */
export function dateSerial(text: string): { serial: number; time: boolean } | null {
  const m = DATE_TEXT.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[3] ?? m[5]), Number(m[4] ?? m[6])];
  const [h, mi, s] = [Number(m[7] ?? 0), Number(m[8] ?? 0), Number(m[9] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(ms);
  if (y < 1900 || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return { serial: (ms - EPOCH_1900) / 86_400_000, time: m[7] !== undefined };
}

const HAS_DIGIT = /\d/;

/**
 * Per column: `date` / `datetime` when at least one cell is a date and every other cell holding a
 * digit is one too (headers, blanks and labels such as 合计 may sit among them); else `auto`.
 */
export function columnKinds(rows: readonly (readonly unknown[])[]): ColumnKind[] {
  let width = 0;
  for (const r of rows) if (r.length > width) width = r.length;
  const kinds: ColumnKind[] = [];
  for (let c = 0; c < width; c++) {
    let dates = 0;
    let times = false;
    let other = false;
    for (const r of rows) {
      const cell = r[c];
      if (typeof cell === 'number') { other = true; break; }
      if (typeof cell !== 'string' || !HAS_DIGIT.test(cell)) continue;
      const date = dateSerial(cell.trim());
      if (!date) { other = true; break; }
      dates++;
      times ||= date.time;
    }
    kinds.push(other || dates === 0 ? 'auto' : times ? 'datetime' : 'date');
  }
  return kinds;
}

/** Text Sheets could read as something other than the text itself (a leading `'` it would swallow). */
const CONVERTIBLE = /\d|^'|^\s*(true|false)\s*$/i;

/** The value to write for one imported cell of a column of `kind`. */
export function importedValue(cell: string | number | null | undefined, kind: ColumnKind): string | number {
  if (cell === null || cell === undefined || cell === '') return '';
  if (typeof cell === 'number') return cell;
  if (kind !== 'auto') {
    const date = dateSerial(cell.trim());
    if (date) return date.serial;
  } else {
    const n = plainNumber(cell);
    if (n !== null) return n;
  }
  const guarded = neutralise(cell);
  return guarded === cell && CONVERTIBLE.test(cell) ? `'${cell}` : guarded;
}
