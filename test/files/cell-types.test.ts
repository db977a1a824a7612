import { describe, expect, test } from 'vitest';
import { columnKinds, dateSerial, importedValue, plainNumber } from '../../src/files/cell-types';

describe('plainNumber', () => {
  test.each([
    ['-12.5', -12.5], ['0', 0], ['0.25', 0.25], ['1234', 1234], ['+3', 3], ['.5', 0.5], ['1e-3', 0.001],
    ['1,234.50', 1234.5], ['-1,234', -1234],
    // 15 digits still fit a double exactly
    ['123456789012345', 123456789012345],
  ])('%s is the number %s', (text, n) => expect(plainNumber(text)).toBe(n));
  test.each([
    '00123', '0123', '-0123', // ids with leading zeros
    '1234567890123456', // 16 digits: an order number, not a quantity
    '12%', '1 234', ' 12', '1,23', '12,3456', '0x1F', 'Infinity', '', '1.2.3', '2026-11-01', '¥12',
  ])('%j stays text', (text) => expect(plainNumber(text)).toBeNull());
});

describe('dateSerial', () => {
  // 2026-11-01: Date.UTC(2026,10,1) − Date.UTC(1899,11,30) = 46327 days
  test.each([
    ['2026-11-01', 46327, false], ['2026/11/1', 46327, false], ['2026.11.01', 46327, false], ['2026年11月1日', 46327, false],
    // 09:30 is 9.5 / 24 = 0.395833… of a day
    ['2026-11-01 09:30', 46327 + 9.5 / 24, true], ['2026-11-01T09:30:00', 46327 + 9.5 / 24, true],
  ])('%s is serial %s', (text, serial, time) => expect(dateSerial(text)).toEqual({ serial, time }));
  test.each(['2026-02-30', '2026-13-01', '2026-11', '11-01', '1-2', '20261101', '2026-11/01', '2026-11-01 25:00', '0999-01-01'])(
    '%s is no date', (text) => expect(dateSerial(text)).toBeNull(),
  );
});

describe('columnKinds', () => {
  test('a column is dates when every cell with a digit is a date; labels and blanks may sit among them', () => {
    const rows = [
      ['日期', '客服', '时间', '编号', '询单人数'],
      ['2026-11-01', '小美', '2026-11-01 09:30', '2026-11-01', '10'],
      ['2026-11-02', '阿杰', '2026-11-02', 'A17', '-12.5'],
      ['合计', '', '', '', '20'],
    ];
    // 编号 holds a date-like id beside A17: not a date column, so the id stays text
    expect(columnKinds(rows)).toEqual(['date', 'auto', 'datetime', 'auto', 'auto']);
  });
  test('a column without any date, or holding a number cell, is auto', () => {
    expect(columnKinds([['a', 1], ['2026-11-01', '2026-11-01']])).toEqual(['date', 'auto']);
    expect(columnKinds([['a'], ['b']])).toEqual(['auto']);
  });
});

describe('importedValue', () => {
  test('numbers become numbers, ids and everything Sheets would convert stay text behind an apostrophe', () => {
    expect(importedValue('-12.5', 'auto')).toBe(-12.5);
    expect(importedValue(7, 'auto')).toBe(7);
    expect(importedValue('00123', 'auto')).toBe("'00123");
    expect(importedValue('0123', 'auto')).toBe("'0123");
    expect(importedValue('2026-11-01', 'auto')).toBe("'2026-11-01");
    expect(importedValue('12%', 'auto')).toBe("'12%");
    expect(importedValue('TRUE', 'auto')).toBe("'TRUE");
    expect(importedValue('=HYPERLINK("http://x")', 'auto')).toBe('\'=HYPERLINK("http://x")');
    expect(importedValue('-', 'auto')).toBe("'-");
    expect(importedValue('小美', 'auto')).toBe('小美');
    // Sheets swallows one leading apostrophe: a name that starts with one keeps it behind a second
    expect(importedValue("'阿May", 'auto')).toBe("''阿May");
    expect(importedValue(null, 'auto')).toBe('');
  });
  test('in a date column a date becomes its serial number, anything else stays text', () => {
    expect(importedValue('2026-11-01', 'date')).toBe(46327);
    expect(importedValue('2026-11-01 12:00', 'datetime')).toBe(46327.5);
    expect(importedValue('合计', 'date')).toBe('合计');
  });
});
