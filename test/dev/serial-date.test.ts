import { describe, expect, it } from 'vitest';
import { millisToSerial, serialToMillis, serialToWallClock, zoneOffsetMs } from '../../dev/gas/serial-date';

const HOUR = 3_600_000;

describe('zoneOffsetMs', () => {
  it('is +8 h in Shanghai and 0 in UTC today', () => {
    const at = Date.parse('2026-11-28T00:00:00Z');
    expect(zoneOffsetMs(at, 'Asia/Shanghai')).toBe(8 * HOUR);
    expect(zoneOffsetMs(at, 'UTC')).toBe(0);
  });

  it('follows daylight saving time', () => {
    expect(zoneOffsetMs(Date.parse('2026-07-01T12:00:00Z'), 'America/New_York')).toBe(-4 * HOUR);
    expect(zoneOffsetMs(Date.parse('2026-12-01T12:00:00Z'), 'America/New_York')).toBe(-5 * HOUR);
  });
});

describe('millisToSerial', () => {
  it('counts wall-clock days since 1899-12-30 in the time zone', () => {
    // 2026-11-28T16:30Z is 2026-11-29 00:30 in Shanghai: day 46355 plus 0.5 h / 24 h
    expect(millisToSerial(Date.parse('2026-11-28T16:30:00Z'), 'Asia/Shanghai')).toBeCloseTo(46355 + 0.5 / 24, 10);
    // The same instant is still the 28th at 16:30 in UTC: 46354 + 16.5 / 24
    expect(millisToSerial(Date.parse('2026-11-28T16:30:00Z'), 'UTC')).toBeCloseTo(46354 + 16.5 / 24, 10);
  });
});

describe('serialToMillis', () => {
  it('is the inverse of millisToSerial to the millisecond', () => {
    for (const iso of ['2026-11-28T16:30:00.123Z', '1999-12-31T23:59:59.999Z', '2026-03-08T07:30:00Z']) {
      for (const zone of ['Asia/Shanghai', 'America/New_York', 'UTC']) {
        const ms = Date.parse(iso);
        expect(serialToMillis(millisToSerial(ms, zone), zone)).toBe(ms);
      }
    }
  });

  it('gives Shanghai midnight for a whole day number', () => {
    // 46354 = 2026-11-28 00:00 in Shanghai = 2026-11-27 16:00 UTC
    expect(new Date(serialToMillis(46354, 'Asia/Shanghai')).toISOString()).toBe('2026-11-27T16:00:00.000Z');
  });
});

describe('serialToWallClock', () => {
  it('splits a serial into calendar and clock fields', () => {
    // 46354.75 = 2026-11-28 18:00, a Saturday (weekday 6)
    expect(serialToWallClock(46354.75)).toEqual({ year: 2026, month: 11, day: 28, hour: 18, minute: 0, second: 0, millisecond: 0, weekday: 6 });
  });
});
