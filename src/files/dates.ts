/**
 * Spreadsheet files store dates and durations as serial numbers (days since 1899-12-30) and say
 * which they are only through the cell's number format. The readers of .xlsx and .xls use this
 * to hand dates on as `2026-11-01` (or `2026-11-01 09:30:00`) and durations as `0:01:23`, so a
 * date stays a date and a duration a duration after the import, whatever the sheet's time zone.
 */

export type SerialKind = 'date' | 'time';

/** Built-in number formats (ECMA-376 §18.8.30, with the zh-CN ones) that show dates / times of day. */
const BUILTIN_DATE = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);
const BUILTIN_TIME = new Set([18, 19, 20, 21, 32, 33, 45, 46, 47, 55, 56]);

/** What a number format code shows a number as: a date (with or without time), a time / duration, or neither. */
export function formatKind(code: string): SerialKind | null {
  // Quoted literals, escaped characters and [colour] / [$-804] / [DBNum1] sections say nothing; [h] [mm] [ss] do.
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .split(';')[0]!
    .toLowerCase()
    .replace(/general/g, '');
  if (/[yd]/.test(bare)) return 'date';
  if (/[hs]/.test(bare)) return 'time';
  // `m` alone is a month (`mmm`, `m"月"`); with h or s it would have been minutes, caught above.
  return /m/.test(bare) ? 'date' : null;
}

/** The kind of a built-in format id, or of a custom one found in `custom`. */
export function formatIdKind(id: number, custom: ReadonlyMap<number, string>): SerialKind | null {
  const code = custom.get(id);
  if (code !== undefined) return formatKind(code);
  if (BUILTIN_DATE.has(id)) return 'date';
  if (BUILTIN_TIME.has(id)) return 'time';
  return null;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const EPOCH_1900 = Date.UTC(1899, 11, 30);
/** The 1904 date system (old Mac workbooks) counts from 1904-01-01: 1,462 days later. */
const OFFSET_1904 = 1462;

/**
 * A serial number as text: a date as `YYYY-MM-DD` (with ` hh:mm:ss` when it has a time of day),
 * a time or duration as `h:mm:ss` (hours may pass 24). Rounded to the second.
 */
export function serialText(serial: number, kind: SerialKind, date1904 = false): string {
  if (!Number.isFinite(serial)) return String(serial);
  if (kind === 'time') {
    const total = Math.round(Math.abs(serial) * 86_400);
    const sign = serial < 0 ? '-' : '';
    return `${sign}${Math.floor(total / 3600)}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
  }
  const seconds = Math.round((serial + (date1904 ? OFFSET_1904 : 0)) * 86_400);
  const d = new Date(EPOCH_1900 + seconds * 1000);
  if (Number.isNaN(d.getTime())) return String(serial);
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return seconds % 86_400 === 0 ? day : `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
