import { describe, expect, it } from 'vitest';
import * as F from '../../src/metrics/functions';
import { complementCell, proportionCell, quotientCell } from '../../src/metrics/functions';
import type { CallContext, Out } from '../../src/metrics/types';
import { col, en, userErrorOf, zh } from './context';

/** A Sheets duration cell in a Shanghai spreadsheet: the instant whose 1899 wall clock (+8:05:43) is the duration. */
const duration = (hours: number, minutes: number, seconds: number): Date =>
  new Date(Date.UTC(1899, 11, 30, hours, minutes, seconds) - (8 * 3600 + 5 * 60 + 43) * 1000);

/** Compares outputs cell by cell, numbers to 12 digits (0.1 + 0.2 style noise is not a bug). */
function expectOut(actual: unknown, expected: unknown): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual)).toBe(true);
    const rows = actual as unknown[][];
    expect(rows.length).toBe(expected.length);
    (expected as unknown[][]).forEach((row, r) => row.forEach((cell, c) => expectOut(rows[r]![c], cell)));
  } else if (typeof expected === 'number') {
    expect(typeof actual).toBe('number');
    expect(actual as number).toBeCloseTo(expected, 12);
  } else {
    expect(actual).toBe(expected);
  }
}

type Case = readonly [name: string, args: readonly unknown[], expected: unknown];
type SheetFn = (ctx: CallContext, ...args: unknown[]) => Out;

/** One describe per function, one it per edge case; the hand computation stands beside each golden value. */
const CASES: Record<string, readonly Case[]> = {
  INQUIRY_CONVERSION: [
    ['divides paying buyers by inquiring buyers', [40, 100], 0.4], // 40 ÷ 100
    ['is Σ/Σ when given month totals, not the mean of daily rates', [1 + 1, 2 + 98], 0.02], // 2 ÷ 100, not (50% + 1.02%) ÷ 2
    ['fills a column: blank counts 0, full-width and spaced text are numbers', [col(1, '', '１２', ' 3 '), col(2, 10, '２４', 4)], col(0.5, 0, 0.5, 0.75)], // 1÷2, 0÷10, 12÷24, 3÷4
    ['is blank without inquiries', [0, 0], ''],
    ['is blank when the inquiring cell is blank', [3, ''], ''],
    ['is #NUM! when more paid than inquired', [5, 4], '#NUM!'],
    ['is #NUM! for a negative count', [-1, 4], '#NUM!'],
    ['is #VALUE! only in the row of an unreadable cell', [col('x', 1), col(2, 2)], col('#VALUE!', 0.5)], // row 2: 1 ÷ 2
    ['is #VALUE! for a checkbox', [true, 2], '#VALUE!'],
    ['repeats a single inquiring count against a column', [col(10, 20), 100], col(0.1, 0.2)], // 10 ÷ 100, 20 ÷ 100
  ],
  INQUIRY_AOV: [
    ['divides inquiry sales by paying buyers', ['¥1,234.50', 3], 411.5], // 1234.5 ÷ 3
    ['reads 元', ['12,000元', 80], 150], // 12000 ÷ 80
    ['is blank without paying buyers', [100, 0], ''],
    ['counts blank sales as 0', ['', 5], 0],
    ['is #NUM! for negative sales', ['¥-5', 1], '#NUM!'],
  ],
  INQUIRY_UNITS_PER_BUYER: [
    ['divides units by paying buyers, above 1 allowed', [150, 100], 1.5], // 150 ÷ 100
    ['is blank without paying buyers', [7, 0], ''],
    ['fills a column', [col(3, 8), col(2, 4)], col(1.5, 2)], // 3 ÷ 2, 8 ÷ 4
  ],
  PAYMENT_RATE: [
    ['divides paid orders by placed orders', [95, 100], 0.95], // 95 ÷ 100
    ['is #NUM! when more paid than placed', [101, 100], '#NUM!'],
    ['is blank without placed orders', [0, 0], ''],
  ],
  ONLINE_HOURS: [
    ['divides online hours by accounts', [36, 2], 18], // 36 ÷ 2
    ['reads 36小时', ['36小时', 2], 18], // 36 ÷ 2
    ['reads 2h', ['2h', 1], 2],
    ['reads minutes as hours', ['90m', 1], 1.5], // 90 ÷ 60
    ['reads a Sheets duration 36:00:00 as 36 hours', [duration(36, 0, 0), 3], 12], // 36 ÷ 3
    ['is #NUM! for a negative duration', ['-2h', 1], '#NUM!'],
    ['is #VALUE! for unreadable text', ['long', 1], '#VALUE!'],
    ['is blank without accounts', [8, ''], ''],
  ],
  AVG_RESPONSE_TIME: [
    ['divides response seconds by replies', [900, 30], 30], // 900 ÷ 30
    ['reads 1分30秒', ['1分30秒', 3], 30], // 90 ÷ 3
    ['reads 00:01:30 as h:mm:ss', ['00:01:30', 3], 30], // 90 ÷ 3
    ['reads 1:30 as mm:ss', ['1:30', 2], 45], // 90 ÷ 2
    ['reads a Sheets duration 0:01:30', [duration(0, 1, 30), 3], 30], // 90 ÷ 3
    ['reads a thousands separator before 秒', ['12,345秒', 823], 15], // 12345 ÷ 823
    ['is blank without replies', [90, 0], ''],
  ],
  FIRST_RESPONSE_TIME: [
    ['divides first-response seconds by buyers served', ['10分钟', 40], 15], // 600 ÷ 40
    ['is blank without buyers served', [0, 0], ''],
  ],
  REPLY_RATE: [
    ['divides replied by received', [98, 100], 0.98], // 98 ÷ 100
    ['is #NUM! when more replied than received', [101, 100], '#NUM!'],
  ],
  AOV: [
    ['divides sales by buyers', ['¥30,000', 200], 150], // 30000 ÷ 200
    ['reads RMB', ['RMB 99', 1], 99],
    ['is blank without buyers', ['', 0], ''],
  ],
  SALES_ACHIEVEMENT: [
    ['may exceed 1', [120000, 100000], 1.2], // 120000 ÷ 100000
    ['reads money text on both sides', ['¥50,000', '¥100,000'], 0.5], // 50000 ÷ 100000
    ['is blank without a target', [1, 0], ''],
  ],
  REFUND_SELF_RESOLVED_RATE: [
    ['divides self-resolved by resolved refunds', [45, 50], 0.9], // 45 ÷ 50
    ['is #NUM! when more self-resolved than resolved', [51, 50], '#NUM!'],
  ],
  REFUND_RESOLUTION_TIME: [
    ['divides days by resolved refunds', [3, 2], 1.5], // 3 ÷ 2
    ['reads 36小时 as 1.5 days', ['36小时', 1], 1.5], // 36 ÷ 24
    ['reads 1天', ['1天', 2], 0.5], // 1 ÷ 2
    ['reads a Sheets duration 36:00:00 as 1.5 days', [duration(36, 0, 0), 1], 1.5],
  ],
  BAD_REVIEW_RATE: [
    ['divides bad reviews by orders', [2, 1000], 0.002], // 2 ÷ 1000
    ['is blank without orders', [0, 0], ''],
  ],
  RETURN_RATE: [
    ['divides returns by orders', [5, 100], 0.05], // 5 ÷ 100
    ['reads text and full-width numbers', ['5', '１００'], 0.05], // 5 ÷ 100
  ],
  ORDER_ACCURACY: [
    ['is 1 − wrong ÷ orders', [2, 100], 0.98], // 1 − 2 ÷ 100
    ['is 1 without wrong orders, blank counting 0', [col(0, ''), 50], col(1, 1)], // 1 − 0 ÷ 50
    ['is blank without orders', [0, 0], ''],
    ['is #NUM! when more wrong than orders', [51, 50], '#NUM!'],
    ['is #VALUE! for unreadable text', ['x', 5], '#VALUE!'],
  ],
  RETURN_SAVE_RATE: [
    ['is 1 − returned ÷ return inquiries', [3, 10], 0.7], // 1 − 3 ÷ 10
    ['is 0 when everyone still returned', [10, 10], 0], // 1 − 10 ÷ 10
    ['is #NUM! when more returned than asked', [11, 10], '#NUM!'],
    ['is blank without return inquiries', [0, ''], ''],
  ],
  SATISFACTION_RATE: [
    ['divides satisfied by rated', [188, 200], 0.94], // 188 ÷ 200
    ['reads a column with a blank numerator as 0 and a 0 denominator as no basis', [col(45, '', 3), col(50, 20, 0)], col(0.9, 0, '')], // 45 ÷ 50; 0 ÷ 20; no basis
    ['is #NUM! when more satisfied than rated', [201, 200], '#NUM!'],
    ['is #VALUE! for a checkbox', [true, 200], '#VALUE!'],
  ],
  DISSATISFACTION_RATE: [
    ['divides dissatisfied by rated', [3, 120], 0.025], // 3 ÷ 120
    ['reads full-width and thousands text', ['３', '1,200'], 0.0025], // 3 ÷ 1200
    ['is #NUM! for a negative count', [-1, 100], '#NUM!'],
    ['is blank without ratings', [0, '-'], ''],
  ],
  REPLY_RATE_3MIN: [
    ['divides messages answered within 3 minutes by messages', [1840, 2000], 0.92], // 1840 ÷ 2000
    ['is #NUM! when more answered than received', [2001, 2000], '#NUM!'],
    ['is #VALUE! for unreadable text', ['很多', 2000], '#VALUE!'],
  ],
  RESPONSE_RATE_30S: [
    ['divides sessions answered within 30 s by sessions', [270, 300], 0.9], // 270 ÷ 300
    ['allows every session answered', [300, 300], 1], // 300 ÷ 300
    ['is blank without sessions', [0, 0], ''],
  ],
  VALID_REPLY_RATE: [
    ['divides validly replied sessions by sessions', [485, 500], 0.97], // 485 ÷ 500
    ['is #NUM! when more valid replies than sessions', [501, 500], '#NUM!'],
    ['is blank with a blank denominator', [3, ''], ''],
  ],
};

for (const [id, cases] of Object.entries(CASES)) {
  describe(id, () => {
    const fn = (F as unknown as Record<string, SheetFn>)[id]!;
    for (const [name, args, expected] of cases) {
      it(name, () => expectOut(fn(zh, ...args), expected));
    }
  });
}

describe('shape errors of the elementwise functions', () => {
  it('name both arguments and their shapes in Chinese', () => {
    const e = userErrorOf(() => F.INQUIRY_CONVERSION(zh, col(1, 2, 3), col(1, 2)));
    expect(e.message).toBe('INQUIRY_CONVERSION：参数 paid_buyers 是 3 行 × 1 列，而 inquiring_buyers 是 2 行 × 1 列；区域参数必须大小相同（单个值可与任何区域搭配）。');
  });

  it('name both arguments and their shapes in English', () => {
    const e = userErrorOf(() => F.AVG_RESPONSE_TIME(en, [[1, 2]], col(1, 2)));
    expect(e.message).toBe('AVG_RESPONSE_TIME: argument total_response_seconds is 1 row × 2 columns but replies is 2 rows × 1 column; range arguments must have the same size (a single value goes with any range).');
  });
});

describe('proportionCell', () => {
  it('shows the numerator marker first, then the denominator marker', () => {
    expect(proportionCell('#VALUE!', '#NUM!')).toBe('#VALUE!');
    expect(proportionCell(1, '#NUM!')).toBe('#NUM!');
  });

  it('shows a bad cell even without a basis', () => {
    expect(proportionCell('#VALUE!', 0)).toBe('#VALUE!');
  });

  it('allows part = whole', () => {
    expect(proportionCell(4, 4)).toBe(1);
  });
});

describe('complementCell', () => {
  it('is 1 − part ÷ whole', () => {
    expect(complementCell(1, 4)).toBe(0.75); // 1 − 1 ÷ 4
  });

  it('keeps blank and markers as they are', () => {
    expect(complementCell(1, null)).toBe('');
    expect(complementCell(5, 4)).toBe('#NUM!');
  });
});

describe('quotientCell', () => {
  it('may exceed 1', () => {
    expect(quotientCell(9, 4)).toBe(2.25); // 9 ÷ 4
  });

  it('counts a blank numerator as 0 and has no basis with a 0 denominator', () => {
    expect(quotientCell(null, 4)).toBe(0);
    expect(quotientCell(3, 0)).toBe('');
  });
});
