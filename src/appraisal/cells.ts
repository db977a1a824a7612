/**
 * Reading the cells of one export column: the metrics coercers (functions.md rule 2) plus
 * what only an export has — a unit stated in the header (`响应时长（分钟）`), rates written as
 * percent numbers (`99.71` meaning 99.71 %), dates (生意参谋's numeric `20261128` included) read by the metrics' `readDay`.
 * Every reader returns a `Coerced`: a number, `null` for blank, or an error marker.
 */
import {
  isDateCell, readAmount, readCount, readDay, readDuration, readNumber, readRating, type DurationUnit,
} from '../metrics/coerce';
import { NUM_ERROR, type Coerced } from '../metrics/types';
import type { HeaderUnit } from './fields';

export { isBlankLike, keyText, readKey } from '../metrics/coerce';

/** Text as a person reads it, for headers and samples: trimmed, full-width folded (`（秒）` → `(秒)`). */
export function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.normalize('NFKC').trim();
  if (isDateCell(cell)) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell);
}

/** Whether a cell is written as a percentage (`99.71%`), which states its own scale. */
export function hasPercentSign(cell: unknown): boolean {
  return typeof cell === 'string' && /[%％]\s*$/.test(cell);
}

const SECONDS_IN: Record<DurationUnit | 'minutes', number> = { seconds: 1, minutes: 60, hours: 3_600, days: 86_400 };

/**
 * A duration in `unit` from a column whose header may state another unit: a plain number is
 * in the header's unit (`在线时长（分钟）` 480 = 8 hours); text (`1分30秒`) and duration cells
 * carry their own.
 */
export function readDurationIn(cell: unknown, unit: DurationUnit, headerUnit: HeaderUnit, timeZone: string): Coerced {
  if (!headerUnit || headerUnit === 'percent' || headerUnit === unit) return readDuration(cell, unit, timeZone);
  const plain = typeof cell === 'number' || typeof cell === 'string' ? readNumber(cell) : null;
  if (typeof plain === 'number') return plain < 0 ? NUM_ERROR : (plain * SECONDS_IN[headerUnit]) / SECONDS_IN[unit];
  return readDuration(cell, unit, timeZone);
}

/** How a column's cells are read: the coercion of a field kind, or of a rate column's metric unit. */
export type ReadAs = 'count' | 'amount' | 'rating' | 'number' | 'date' | DurationUnit;

/** The reader of one column. */
export function readerFor(as: ReadAs, headerUnit: HeaderUnit, timeZone: string): (cell: unknown) => Coerced {
  switch (as) {
    case 'count': return readCount;
    case 'amount': return readAmount;
    case 'rating': return readRating;
    case 'number': return readNumber;
    case 'date': return (cell) => readDay(cell, timeZone);
    case 'seconds': case 'hours': case 'days': return (cell) => readDurationIn(cell, as, headerUnit, timeZone);
  }
}
