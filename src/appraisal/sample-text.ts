/**
 * A cell as the sidebar shows it among a column's samples. Sheets hands Date objects to the
 * script for date, date-time and duration cells alike; shown in UTC, rows of 11-01 in Shanghai
 * read 10-31, and a duration of 35 seconds reads `1899-12-29`. Here a date is read on the
 * spreadsheet's wall clock, and a "date" before 1900-01-01 (Sheets' day 0 is 1899-12-30) is a
 * duration: shown as `0:00:35`.
 */
import { isDateCell } from '../metrics/coerce';
import { wallClockMs } from '../metrics/timezone';
import { cellText } from './cells';

const EPOCH_1900 = Date.UTC(1899, 11, 30);
const FIRST_REAL_DAY = Date.UTC(1900, 0, 1);
const pad = (n: number) => String(n).padStart(2, '0');

export function sampleText(cell: unknown, timeZone?: string): string {
  if (!isDateCell(cell) || !timeZone) return cellText(cell);
  const ms = cell.getTime();
  if (Number.isNaN(ms)) return '';
  const wall = wallClockMs(ms, timeZone);
  if (wall < FIRST_REAL_DAY) {
    const seconds = Math.round((wall - EPOCH_1900) / 1000);
    const sign = seconds < 0 ? '-' : '';
    const s = Math.abs(seconds);
    return `${sign}${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
  }
  const iso = new Date(wall).toISOString();
  return iso.slice(11, 19) === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}
