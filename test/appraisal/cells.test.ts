import { describe, expect, test } from 'vitest';
import { cellText, hasPercentSign, readDurationIn, readerFor } from '../../src/appraisal/cells';
import { readDay as readDayCell } from '../../src/metrics/coerce';
import { daysFromCivil } from '../../src/metrics/timezone';

const TZ = 'Asia/Shanghai';
const NOV_28 = daysFromCivil(2026, 11, 28);

describe('readDurationIn', () => {
  test('plain numbers are in the unit the header states', () => {
    expect(readDurationIn(480, 'hours', 'minutes', TZ)).toBe(8); // 480 min ÷ 60 = 8 h
    expect(readDurationIn('1.5', 'seconds', 'minutes', TZ)).toBe(90); // 1.5 min × 60 = 90 s
    expect(readDurationIn(2, 'seconds', 'hours', TZ)).toBe(7200); // 2 h × 3600
    expect(readDurationIn(36, 'days', 'hours', TZ)).toBe(1.5); // 36 h ÷ 24
  });

  test('text with its own units ignores the header unit', () => {
    expect(readDurationIn('1分30秒', 'seconds', 'minutes', TZ)).toBe(90);
    expect(readDurationIn('2h', 'hours', 'minutes', TZ)).toBe(2);
  });

  test('no header unit: plain numbers are already in the field unit', () => {
    expect(readDurationIn(25, 'seconds', null, TZ)).toBe(25);
    expect(readDurationIn('25', 'seconds', 'seconds', TZ)).toBe(25);
  });

  test('blank is null, negative #NUM!, unreadable #VALUE!', () => {
    expect(readDurationIn('-', 'seconds', 'minutes', TZ)).toBeNull();
    expect(readDurationIn(-3, 'seconds', 'minutes', TZ)).toBe('#NUM!');
    expect(readDurationIn('soon', 'seconds', 'minutes', TZ)).toBe('#VALUE!');
  });
});

describe('readDayCell', () => {
  test('生意参谋 numeric dates 20261128', () => {
    expect(readDayCell(20261128, TZ)).toBe(NOV_28);
    expect(readDayCell('20261128', TZ)).toBe(NOV_28);
  });

  test('text and Date cells as the metrics read them', () => {
    expect(readDayCell('2026/11/28', TZ)).toBe(NOV_28);
    expect(readDayCell('2026年11月28日', TZ)).toBe(NOV_28);
    // 16:30 UTC on the 28th is 00:30 on the 29th in Shanghai.
    expect(readDayCell(new Date(Date.UTC(2026, 10, 28, 16, 30)), TZ)).toBe(NOV_28 + 1);
  });

  test('other numbers stay Sheets serial days (days since 1899-12-30)', () => {
    expect(readDayCell(NOV_28 + 25_569, TZ)).toBe(NOV_28);
    // 2026-13-40 does not exist, so it is not read as yyyymmdd either.
    expect(readDayCell(20261340, TZ)).toBe(20261340 - 25_569);
  });

  test('blank and unreadable', () => {
    expect(readDayCell('', TZ)).toBeNull();
    expect(readDayCell('next week', TZ)).toBe('#VALUE!');
  });
});

describe('hasPercentSign and cellText', () => {
  test('a trailing percent sign, half or full width', () => {
    expect(hasPercentSign('99.71%')).toBe(true);
    expect(hasPercentSign('99.71％')).toBe(true);
    expect(hasPercentSign('99.71')).toBe(false);
    expect(hasPercentSign(0.9971)).toBe(false);
  });

  test('cellText folds full-width forms and trims', () => {
    expect(cellText(' 平均响应时长（秒） ')).toBe('平均响应时长(秒)');
    expect(cellText(12)).toBe('12');
    expect(cellText(null)).toBe('');
    expect(cellText(new Date(Date.UTC(2026, 10, 28)))).toBe('2026-11-28');
  });
});

describe('readerFor', () => {
  test('each way of reading a column', () => {
    expect(readerFor('count', null, TZ)('1,234')).toBe(1234);
    expect(readerFor('amount', null, TZ)('¥1,234.50')).toBe(1234.5);
    expect(readerFor('rating', null, TZ)(6)).toBe('#NUM!');
    expect(readerFor('number', null, TZ)('99.71%')).toBeCloseTo(0.9971, 12);
    expect(readerFor('date', null, TZ)('2026-11-28')).toBe(NOV_28);
    expect(readerFor('seconds', 'minutes', TZ)(2)).toBe(120);
  });
});
