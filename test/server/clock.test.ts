/** The server's calendar: the wall clock the tab is stamped with, and the month the sidebar proposes. */
import { describe, expect, test } from 'vitest';
import { defaultMonth, previousMonth, wallClock } from '../../src/server/build-appraisal';

describe('wallClock', () => {
  test('reads an instant on the zone’s clock: 16:30 UTC on 30 Nov is 00:30 on 1 Dec in Shanghai (UTC+8)', () => {
    const instant = new Date('2026-11-30T16:30:00Z');
    expect(wallClock(instant, 'Asia/Shanghai')).toBe('2026-12-01T00:30');
    expect(wallClock(instant, 'UTC')).toBe('2026-11-30T16:30');
  });
});

describe('defaultMonth', () => {
  test('is the month before the one the instant falls in there', () => {
    const instant = new Date('2026-11-30T16:30:00Z');
    expect(defaultMonth(instant, 'Asia/Shanghai')).toBe('2026-11'); // already December in Shanghai
    expect(defaultMonth(instant, 'UTC')).toBe('2026-10');
  });

  test('goes back across the year in January', () => {
    expect(defaultMonth(new Date('2027-01-15T04:00:00Z'), 'Asia/Shanghai')).toBe('2026-12');
    expect(previousMonth('2027-01')).toBe('2026-12');
  });
});
