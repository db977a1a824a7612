/**
 * Calendar days and wall clocks in the spreadsheet's time zone.
 *
 * Intl is the only source of zone offsets (historic ones included: Asia/Shanghai was
 * UTC+8:05:43 local mean time until 1901, which matters for Sheets durations near
 * 1899-12-30). Intl is slow, so offsets are cached per UTC hour: a million dated rows
 * cost one Intl call per distinct hour, not one per row.
 */
import { UserError } from '../i18n';

export const MS_PER_SECOND = 1_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** Days from 1970-01-01 to 1899-12-30, the day Sheets counts serial dates and durations from. */
export const SHEETS_EPOCH_DAY = -25_569;

/**
 * Days since 1970-01-01 of the proleptic Gregorian date `year-month-day` (month 1–12).
 * Pure integer arithmetic (H. Hinnant's days_from_civil), so years before 100 are not remapped as `Date.UTC` does.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The civil date of a day number (inverse of `daysFromCivil`). */
export function civilFromDays(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Whether `year-month-day` exists (no 2026-02-30). */
export function isCivilDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const back = civilFromDays(daysFromCivil(year, month, day));
  return back.month === month && back.day === day;
}

/** `YYYY-MM-DD` of a day number: how days cross `google.script.run` and appear in messages. */
export function isoDay(dayNumber: number): string {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A time zone, or an object holding one. The custom-function context reads the spreadsheet's
 * zone lazily (a getter: each read is a round trip in Apps Script), so readers take the holder
 * and ask for the name only when a Date actually needs it.
 */
export type ZoneRef = string | { readonly timeZone: string };

interface Zone {
  format: Intl.DateTimeFormat;
  /** UTC hour number → offset in ms, for hours with no offset change inside them. */
  offsets: Map<number, number>;
}

const zones = new Map<string, Zone>();
/** Enough for 11 years of distinct hours; a runaway column cannot grow the cache without bound. */
const MAX_CACHED_HOURS = 100_000;

function zone(ref: ZoneRef): Zone {
  const timeZone = typeof ref === 'string' ? ref : ref.timeZone;
  let found = zones.get(timeZone);
  if (found) return found;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23',
      year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
  } catch {
    throw new UserError({ zh: `电子表格时区无效："${timeZone}"`, en: `invalid spreadsheet time zone: "${timeZone}"` });
  }
  found = { format, offsets: new Map() };
  zones.set(timeZone, found);
  return found;
}

/** Wall clock minus UTC at one instant, asked of Intl (whole seconds, as zone offsets are). */
function intlOffset(format: Intl.DateTimeFormat, utcMs: number): number {
  const wholeSecond = Math.floor(utcMs / MS_PER_SECOND) * MS_PER_SECOND;
  let year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  for (const part of format.formatToParts(wholeSecond)) {
    switch (part.type) {
      case 'year': year = Number(part.value); break;
      case 'month': month = Number(part.value); break;
      case 'day': day = Number(part.value); break;
      case 'hour': hour = Number(part.value); break;
      case 'minute': minute = Number(part.value); break;
      case 'second': second = Number(part.value); break;
      default: break;
    }
  }
  const wall = daysFromCivil(year, month, day) * MS_PER_DAY + hour * MS_PER_HOUR + minute * 60_000 + second * MS_PER_SECOND;
  return wall - wholeSecond;
}

/**
 * The zone's offset (wall clock − UTC, in ms) at an instant. Cached per UTC hour, but only for
 * hours whose first and last second agree: some transitions (Shanghai's 1901 end of local mean
 * time at 15:54:17 UTC) fall inside an hour, and those hours are always asked of Intl.
 * Throws a `UserError` for an unknown zone.
 */
export function zoneOffsetMs(utcMs: number, timeZone: ZoneRef): number {
  const z = zone(timeZone);
  const hour = Math.floor(utcMs / MS_PER_HOUR);
  const cached = z.offsets.get(hour);
  if (cached !== undefined) return cached;
  const start = hour * MS_PER_HOUR;
  const atStart = intlOffset(z.format, start);
  if (atStart !== intlOffset(z.format, start + MS_PER_HOUR - MS_PER_SECOND)) return intlOffset(z.format, utcMs);
  if (z.offsets.size >= MAX_CACHED_HOURS) z.offsets.clear();
  z.offsets.set(hour, atStart);
  return atStart;
}

/** The instant's wall-clock time in the zone, as ms since 1970-01-01 00:00 of that wall clock. */
export function wallClockMs(utcMs: number, timeZone: ZoneRef): number {
  return utcMs + zoneOffsetMs(utcMs, timeZone);
}

/** The calendar day (days since 1970-01-01) on which the instant falls in the zone. */
export function dayNumberAt(utcMs: number, timeZone: ZoneRef): number {
  return Math.floor(wallClockMs(utcMs, timeZone) / MS_PER_DAY);
}
