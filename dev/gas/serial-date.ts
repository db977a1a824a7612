/**
 * Sheets stores a date as a serial number of days since 1899-12-30 counted in the spreadsheet's *wall clock*
 * (its time zone), and Apps Script converts to and from JavaScript Dates (instants) in that time zone.
 * HyperFormula uses the same serial numbers, so formulas over dates agree with Sheets.
 */
const DAY_MS = 86_400_000;
const EPOCH_MS = Date.UTC(1899, 11, 30);

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** How far the wall clock of `timeZone` is ahead of UTC at instant `ms` (whole seconds, as time zones are). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const { type, value } of formatterFor(timeZone).formatToParts(ms)) parts[type] = value;
  const year = parts.era === 'BC' ? 1 - Number(parts.year) : Number(parts.year);
  const wall = Date.UTC(year, Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  const wholeSeconds = ms - (((ms % 1000) + 1000) % 1000);
  return wall - wholeSeconds;
}

/** The serial number Sheets stores for instant `ms` in `timeZone`. */
export function millisToSerial(ms: number, timeZone: string): number {
  return (ms + zoneOffsetMs(ms, timeZone) - EPOCH_MS) / DAY_MS;
}

/** The instant (ms) Apps Script gives for serial number `serial` in `timeZone`. */
export function serialToMillis(serial: number, timeZone: string): number {
  const wall = Math.round(serial * DAY_MS) + EPOCH_MS;
  // The offset depends on the instant we are looking for: guess, then correct once (enough across DST steps).
  const guess = wall - zoneOffsetMs(wall, timeZone);
  return wall - zoneOffsetMs(guess, timeZone);
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday. */
  weekday: number;
}

/** The wall-clock fields of a serial number (no time zone involved: the serial *is* wall-clock time). */
export function serialToWallClock(serial: number): WallClock {
  const date = new Date(Math.round(serial * DAY_MS) + EPOCH_MS);
  return {
    year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(),
    hour: date.getUTCHours(), minute: date.getUTCMinutes(), second: date.getUTCSeconds(),
    millisecond: date.getUTCMilliseconds(), weekday: date.getUTCDay(),
  };
}
