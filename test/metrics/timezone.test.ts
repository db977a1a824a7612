import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/i18n';
import {
  MS_PER_HOUR, civilFromDays, dayNumberAt, daysFromCivil, isCivilDate, isoDay, wallClockMs, zoneOffsetMs,
} from '../../src/metrics/timezone';

const HOUR = MS_PER_HOUR;
/** Shanghai's local mean time before 1901: +8:05:43. */
const LMT = 8 * HOUR + (5 * 60 + 43) * 1000;

describe('daysFromCivil', () => {
  it('counts 1970-01-01 as day 0', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
  });

  it('counts 2026-11-28 as day 20785', () => {
    // 56 years 1970–2025 with 14 leap days: 56×365 + 14 = 20454; Jan…Oct 2026 = 304 days; + 27 → 20785
    expect(daysFromCivil(2026, 11, 28)).toBe(20785);
  });

  it('counts 1899-12-30 (the Sheets epoch) as day −25569', () => {
    // Sheets' serial of 1970-01-01 is 25569, so the epoch lies 25569 days before it
    expect(daysFromCivil(1899, 12, 30)).toBe(-25569);
  });

  it('agrees with Date.UTC across leap days and centuries', () => {
    for (const [y, m, d] of [[2024, 2, 29], [2000, 3, 1], [1900, 3, 1], [2100, 12, 31], [1601, 1, 1]] as const) {
      expect(daysFromCivil(y, m, d)).toBe(Date.UTC(y, m - 1, d) / 86_400_000);
    }
  });
});

describe('civilFromDays', () => {
  it('inverts daysFromCivil', () => {
    expect(civilFromDays(20785)).toEqual({ year: 2026, month: 11, day: 28 });
    expect(civilFromDays(-25569)).toEqual({ year: 1899, month: 12, day: 30 });
    expect(civilFromDays(daysFromCivil(2024, 2, 29))).toEqual({ year: 2024, month: 2, day: 29 });
  });
});

describe('isCivilDate', () => {
  it('accepts days that exist', () => {
    expect(isCivilDate(2024, 2, 29)).toBe(true);
    expect(isCivilDate(2026, 12, 31)).toBe(true);
  });

  it('refuses days that do not', () => {
    expect(isCivilDate(2026, 2, 29)).toBe(false); // 2026 is not a leap year
    expect(isCivilDate(1900, 2, 29)).toBe(false); // centuries leap only when divisible by 400
    expect(isCivilDate(2026, 4, 31)).toBe(false);
    expect(isCivilDate(2026, 13, 1)).toBe(false);
    expect(isCivilDate(2026, 0, 1)).toBe(false);
  });
});

describe('isoDay', () => {
  it('writes YYYY-MM-DD', () => {
    expect(isoDay(20785)).toBe('2026-11-28');
    expect(isoDay(0)).toBe('1970-01-01');
  });
});

describe('zoneOffsetMs', () => {
  it('is +8 h in Shanghai today', () => {
    expect(zoneOffsetMs(Date.UTC(2026, 10, 28, 16, 30), 'Asia/Shanghai')).toBe(8 * HOUR);
  });

  it('is local mean time +8:05:43 in Shanghai in 1899', () => {
    expect(zoneOffsetMs(Date.UTC(1899, 11, 29, 16), 'Asia/Shanghai')).toBe(LMT);
  });

  it('is right on both sides of a change in the middle of a UTC hour, whichever side is asked first', () => {
    // Local mean time ended at 1900-12-31T15:54:17Z: the hour 15:00–16:00 UTC holds both offsets.
    const before = Date.UTC(1900, 11, 31, 15, 30);
    const after = Date.UTC(1900, 11, 31, 15, 59);
    expect(zoneOffsetMs(after, 'Asia/Shanghai')).toBe(8 * HOUR);
    expect(zoneOffsetMs(before, 'Asia/Shanghai')).toBe(LMT);
    expect(zoneOffsetMs(after, 'Asia/Shanghai')).toBe(8 * HOUR);
  });

  it('follows daylight saving time (New York, 2026-03-08 02:00 local = 07:00 UTC)', () => {
    expect(zoneOffsetMs(Date.UTC(2026, 2, 8, 6, 59), 'America/New_York')).toBe(-5 * HOUR);
    expect(zoneOffsetMs(Date.UTC(2026, 2, 8, 7, 0), 'America/New_York')).toBe(-4 * HOUR);
  });

  it('reads the zone from a holder object', () => {
    expect(zoneOffsetMs(Date.UTC(2026, 0, 1), { timeZone: 'Asia/Tokyo' })).toBe(9 * HOUR);
  });

  it('throws a bilingual UserError for an unknown zone', () => {
    let caught: unknown;
    try { zoneOffsetMs(0, 'Mars/Olympus'); } catch (e) { caught = e; }
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as UserError).msg.zh).toContain('Mars/Olympus');
    expect((caught as UserError).msg.en).toContain('invalid spreadsheet time zone');
  });
});

describe('wallClockMs', () => {
  it('adds the offset: 16:30 UTC is 00:30 the next day in Shanghai', () => {
    // 2026-11-28T16:30Z + 8 h = 2026-11-29 00:30 wall clock
    expect(wallClockMs(Date.UTC(2026, 10, 28, 16, 30), 'Asia/Shanghai')).toBe(Date.UTC(2026, 10, 29, 0, 30));
  });
});

describe('dayNumberAt', () => {
  it('puts 00:30 on the 29th in Shanghai on the 29th although it is the 28th in UTC', () => {
    const instant = Date.UTC(2026, 10, 28, 16, 30);
    expect(dayNumberAt(instant, 'Asia/Shanghai')).toBe(20786); // 2026-11-29 = 20785 + 1
    expect(dayNumberAt(instant, 'UTC')).toBe(20785);
  });

  it('puts the last second of a Shanghai day on that day', () => {
    // 2026-11-28 23:59:59 Shanghai = 15:59:59 UTC
    expect(dayNumberAt(Date.UTC(2026, 10, 28, 15, 59, 59), 'Asia/Shanghai')).toBe(20785);
  });
});
