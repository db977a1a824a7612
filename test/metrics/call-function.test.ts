import { describe, expect, it } from 'vitest';
import { CATALOGUE, SHEET_FUNCTIONS, aritiesOf, callFunction, catalogueEntry, usageOf } from '../../src/metrics';
import { col, en, userErrorOf, zh } from './context';

describe('SHEET_FUNCTIONS', () => {
  it('has one function for every catalogue entry and nothing else', () => {
    expect(Object.keys(SHEET_FUNCTIONS).sort()).toEqual(CATALOGUE.map((e) => e.id).sort());
    expect(CATALOGUE).toHaveLength(30);
  });
});

describe('aritiesOf', () => {
  it('takes a rate with 2, 3 or 6 arguments (totals; dated; dated with keys)', () => {
    expect(aritiesOf(catalogueEntry('REFUND_RATE_28D')!)).toEqual([2, 3, 6]);
  });

  it('takes a window count with 2 or 4 arguments and the DSR with 3 or 5 (keys come in pairs)', () => {
    expect(aritiesOf(catalogueEntry('COMPLAINT_COUNT_28D')!)).toEqual([2, 4]);
    expect(aritiesOf(catalogueEntry('DSR_SERVICE_180D')!)).toEqual([3, 5]);
  });

  it('takes optional arguments one by one elsewhere', () => {
    expect(aritiesOf(catalogueEntry('KPI_SCORE')!)).toEqual([3, 4, 5]);
    expect(aritiesOf(catalogueEntry('KPI_GRADE')!)).toEqual([1, 2]);
    expect(aritiesOf(catalogueEntry('AOV')!)).toEqual([2]);
  });
});

describe('usageOf', () => {
  it('shows both forms of a windowed rate', () => {
    expect(usageOf(catalogueEntry('COMPLAINT_RATE_28D')!)).toEqual([
      'COMPLAINT_RATE_28D(complaints, orders)',
      'COMPLAINT_RATE_28D(complaint_dates, order_dates, as_of[, complaint_keys, order_keys, keys])',
    ]);
  });

  it('brackets optional arguments', () => {
    expect(usageOf(catalogueEntry('KPI_SCORE')!)).toEqual(['KPI_SCORE(value, floor, target[, method, cap])']);
  });
});

describe('callFunction', () => {
  it('runs a function by its id', () => {
    // 1 + 1 paid of 2 + 98 inquiring = 2 ÷ 100
    expect(callFunction('INQUIRY_CONVERSION', [2, 100], zh)).toBe(0.02);
  });

  it('fills a column from one call', () => {
    // 1 ÷ 4, 3 ÷ 4
    expect(callFunction('REPLY_RATE', [col(1, 3), col(4, 4)], zh)).toEqual(col(0.25, 0.75));
  });

  it('treats trailing undefined arguments as omitted', () => {
    // KPI_SCORE(0.4, 0.3, 0.5): 100 × 0.1 ÷ 0.2 = 50
    expect(callFunction('KPI_SCORE', [0.4, 0.3, 0.5, undefined, undefined], zh)).toBeCloseTo(50, 10);
    expect(callFunction('REFUND_RATE_28D', [3, 100, undefined], zh)).toBe(0.03); // 3 ÷ 100
  });

  it('runs the dated form of a rate with 3 arguments', () => {
    // 1 refund ÷ 2 orders on as_of
    expect(callFunction('REFUND_RATE_28D', ['2026-11-28', col('2026-11-28', '2026-11-28'), '2026-11-28'], zh)).toBe(0.5);
  });

  it('throws naming the function and its usage for a wrong argument count, in Chinese', () => {
    expect(userErrorOf(() => callFunction('AOV', [1], zh)).message)
      .toBe('AOV 的参数个数不对：收到 1 个，应为 2 个。用法：AOV(sales, buyers)');
  });

  it('throws naming the function and its usage for a wrong argument count, in English', () => {
    expect(userErrorOf(() => callFunction('REFUND_RATE_28D', [1, 2, 3, 4], en)).message).toBe(
      'REFUND_RATE_28D got 4 arguments; it takes 2, 3 or 6. Usage: REFUND_RATE_28D(refunds, orders) or '
      + 'REFUND_RATE_28D(refund_dates, order_dates, as_of[, refund_keys, order_keys, keys])',
    );
  });

  it('refuses row keys without the keys to report', () => {
    expect(userErrorOf(() => callFunction('REFUND_COUNT_28D', [col('2026-11-28'), '2026-11-28', col('a')], en)).message)
      .toContain('it takes 2 or 4');
  });

  it('throws for an unknown function', () => {
    expect(userErrorOf(() => callFunction('NOPE', [], en)).message).toBe('unknown function: NOPE');
  });

  it('reads neither the zone nor the locale for plain numbers', () => {
    const ctx = {
      get timeZone(): string { throw new Error('zone read'); },
      get locale(): 'zh' { throw new Error('locale read'); },
    };
    expect(callFunction('AVG_RESPONSE_TIME', [col(90, '1分30秒'), 3], ctx)).toEqual(col(30, 30)); // 90 ÷ 3
  });

  it('words an invalid time zone in the user language', () => {
    const ctx = { timeZone: 'Nowhere/Atlantis', locale: 'en' as const };
    expect(userErrorOf(() => callFunction('REFUND_COUNT_28D', [new Date(), '2026-11-28'], ctx)).message)
      .toBe('invalid spreadsheet time zone: "Nowhere/Atlantis"');
  });
});
