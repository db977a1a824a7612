import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  COMPLAINT_COUNT_28D, COMPLAINT_RATE_28D, DSR_SERVICE_180D, REFUND_COUNT_28D, REFUND_DISPUTE_RATE_28D, REFUND_RATE_28D,
} from '../../src/metrics/functions';
import { Groups, inWindow, readAsOf, windowEnding } from '../../src/metrics/window';
import { col, en, userErrorOf, zh } from './context';

/** 2026-11-28 as a day number (56×365 + 14 leap days + 304 + 27). */
const NOV_28 = 20785;
const AS_OF = '2026-11-28';
/** as_of − 27: the first day of the 28-day window. */
const FIRST_DAY = '2026-11-01';
/** as_of − 28: the day before the window. */
const DAY_BEFORE = '2026-10-31';
const utc = { timeZone: 'UTC', locale: 'en' as const };

describe('windowEnding', () => {
  it('spans N days ending on as_of, both ends included', () => {
    // 20785 − 28 + 1 = 20758
    expect(windowEnding(NOV_28, 28)).toEqual({ first: 20758, last: NOV_28 });
  });
});

describe('inWindow', () => {
  const w = windowEnding(NOV_28, 28);

  it('includes as_of and as_of − 27', () => {
    expect(inWindow(NOV_28, w)).toBe(true);
    expect(inWindow(NOV_28 - 27, w)).toBe(true);
  });

  it('excludes as_of − 28 and as_of + 1', () => {
    expect(inWindow(NOV_28 - 28, w)).toBe(false);
    expect(inWindow(NOV_28 + 1, w)).toBe(false);
  });
});

describe('readAsOf', () => {
  it('reads text, Dates (of any realm) and serials', () => {
    expect(readAsOf('F', '2026年11月28日', zh)).toBe(NOV_28);
    expect(readAsOf('F', new Date('2026-11-28T04:00:00Z'), zh)).toBe(NOV_28);
    expect(readAsOf('F', runInNewContext('new Date("2026-11-28T04:00:00Z")'), zh)).toBe(NOV_28);
    expect(readAsOf('F', 46354, zh)).toBe(NOV_28); // 20785 + 25569
  });

  it('throws naming as_of when it cannot be read, in both languages', () => {
    expect(userErrorOf(() => readAsOf('REFUND_COUNT_28D', '下周', zh)).message).toContain('无法把 as_of（"下周"）读成日期');
    expect(userErrorOf(() => readAsOf('REFUND_COUNT_28D', 'next week', en)).message)
      .toBe('REFUND_COUNT_28D: as_of ("next week") is not a date; use a date cell or text such as 2026-11-28.');
  });

  it('throws naming as_of when it is blank', () => {
    expect(userErrorOf(() => readAsOf('F', '', en)).message).toContain('as_of (the last day of the window) is blank');
  });

  it('throws naming as_of and its shape when it is a range', () => {
    expect(userErrorOf(() => readAsOf('F', col(AS_OF, AS_OF), en)).message).toContain('as_of must be one date, not a range of 2 rows × 1 column');
  });
});

describe('Groups', () => {
  it('puts every row in one slot without keys', () => {
    const g = new Groups();
    expect(g.grouped).toBe(false);
    expect(g.slotOf('anyone')).toBe(0);
    expect(g.output(() => 7)).toBe(7);
  });

  it('matches keys as trimmed text and skips rows of other keys', () => {
    const g = new Groups(col('小美', ' 阿强 ', 1));
    expect(g.slotOf('小美 ')).toBe(0);
    expect(g.slotOf('阿强')).toBe(1);
    expect(g.slotOf('1')).toBe(2);
    expect(g.slotOf('路人')).toBe(-1);
    expect(g.slotOf('')).toBe(-1);
  });

  it('reports in the shape of keys, "" for a blank key, one slot for repeated keys', () => {
    const g = new Groups([['a', '', 'a']]);
    expect(g.output((slot) => slot + 10)).toEqual([[10, '', 10]]);
  });
});

describe('REFUND_COUNT_28D', () => {
  it('counts as_of and as_of − 27 but not as_of − 28 nor the day after as_of', () => {
    // in: 11-28, 11-01; out: 10-31, 11-29 → 2
    expect(REFUND_COUNT_28D(zh, col(AS_OF, FIRST_DAY, DAY_BEFORE, '2026-11-29'), AS_OF)).toBe(2);
  });

  it('puts a refund at 00:30 on the 29th (Shanghai) on the 29th, although it is the 28th in UTC', () => {
    const refund = new Date('2026-11-28T16:30:00Z');
    expect(REFUND_COUNT_28D(zh, refund, AS_OF)).toBe(0); // the 29th is after as_of
    expect(REFUND_COUNT_28D(zh, refund, '2026-11-29')).toBe(1);
    expect(REFUND_COUNT_28D(utc, refund, AS_OF)).toBe(1); // in a UTC spreadsheet it is the 28th
  });

  it('counts Dates from another realm', () => {
    expect(REFUND_COUNT_28D(zh, [[runInNewContext('new Date("2026-11-20T02:00:00Z")')], [new Date('2026-11-21T02:00:00Z')]], AS_OF)).toBe(2);
  });

  it('does not count rows whose date is blank', () => {
    // 11-28 and 11-27 count; '', null, '-' do not → 2
    expect(REFUND_COUNT_28D(zh, col(AS_OF, '', null, '-', '2026-11-27'), AS_OF)).toBe(2);
  });

  it('is #VALUE! when a date cannot be read (nobody can say whether it is in the window)', () => {
    expect(REFUND_COUNT_28D(zh, col(AS_OF, 'soon'), AS_OF)).toBe('#VALUE!');
  });

  it('gives a single count for a single date', () => {
    expect(REFUND_COUNT_28D(zh, '2026-11-15', AS_OF)).toBe(1);
  });

  it('counts per key, in the shape of keys', () => {
    const dates = col(AS_OF, FIRST_DAY, DAY_BEFORE, '2026-11-10', '2026-11-11');
    const rowKeys = col('小美', '小美', '小美', '阿强', '路人');
    // 小美: 11-28, 11-01 (10-31 is out) → 2; 阿强: 11-10 → 1; 小丽: none → 0; 路人 is not asked for
    expect(REFUND_COUNT_28D(zh, dates, AS_OF, rowKeys, col('小美', '阿强', '小丽'))).toEqual(col(2, 1, 0));
  });

  it('marks only the group of an unreadable date #VALUE!', () => {
    const dates = col('bad', AS_OF, 'worse');
    const rowKeys = col('小美', '阿强', '路人');
    // 小美's only row is unreadable; 阿强 has 11-28 → 1; 路人's bad row is not asked for
    expect(REFUND_COUNT_28D(zh, dates, AS_OF, rowKeys, col('小美', '阿强'))).toEqual(col('#VALUE!', 1));
  });

  it('matches keys as trimmed text and reports "" for a blank key', () => {
    // ' 小美 ' and '小美' are one agent: 2 rows in the window
    expect(REFUND_COUNT_28D(zh, col(AS_OF, AS_OF), AS_OF, col(' 小美 ', '小美'), col('小美', ''))).toEqual(col(2, ''));
  });

  it('gives a single count for a single key', () => {
    expect(REFUND_COUNT_28D(zh, col(AS_OF, AS_OF, AS_OF), AS_OF, col('a', 'b', 'a'), 'a')).toBe(2);
  });

  // Rule 8: keys match as a person reads them.
  it('matches keys ignoring case and full-width forms: Amy, amy, ＡＭＹ and Ａｍｙ are one agent', () => {
    const rowKeys = col('Amy', 'amy', 'ＡＭＹ', 'Ａｍｙ　', 'Bob');
    // Amy: 4 rows on as_of → 4, asked for as 'AMY'; bob: 1, asked as 'ｂｏｂ'; '' → ''
    expect(REFUND_COUNT_28D(zh, col(AS_OF, AS_OF, AS_OF, AS_OF, AS_OF), AS_OF, rowKeys, col('AMY', 'ｂｏｂ', ''))).toEqual(col(4, 1, ''));
  });

  it('matches a sub-account with either colon: 店铺：小美 = 店铺:小美', () => {
    expect(REFUND_COUNT_28D(zh, col(AS_OF, FIRST_DAY), AS_OF, col('店铺：小美', '店铺:小美'), '店铺:小美')).toBe(2);
  });

  it('the number 123 is the key "123", but "00123" is another id', () => {
    // rows: 123 (number), '123', '00123' → key 123 has 2 rows, key 00123 has 1
    expect(REFUND_COUNT_28D(zh, col(AS_OF, AS_OF, AS_OF), AS_OF, col(123, '123', '00123'), col('123', 123, '00123'))).toEqual(col(2, 2, 1));
  });

  it('throws naming the dates and row keys when their shapes differ', () => {
    const e = userErrorOf(() => REFUND_COUNT_28D(en, col(AS_OF, AS_OF, AS_OF), AS_OF, col('a', 'b'), 'a'));
    expect(e.message).toContain('refund_dates is 3 rows × 1 column but row_keys is 2 rows × 1 column');
  });

  it('throws naming as_of when it cannot be read', () => {
    expect(userErrorOf(() => REFUND_COUNT_28D(en, col(AS_OF), 'someday')).message).toContain('as_of ("someday")');
  });
});

describe('COMPLAINT_COUNT_28D', () => {
  it('counts complaints in the 28 days ending on as_of', () => {
    // 11-28, 11-01 in; 10-31 out → 2
    expect(COMPLAINT_COUNT_28D(zh, col(AS_OF, FIRST_DAY, DAY_BEFORE), AS_OF)).toBe(2);
  });

  it('names its own arguments in shape errors', () => {
    const e = userErrorOf(() => COMPLAINT_COUNT_28D(en, col(AS_OF, AS_OF), AS_OF, col('a', 'b', 'c'), 'a'));
    expect(e.message).toContain('complaint_dates is 2 rows × 1 column but row_keys is 3 rows × 1 column');
  });
});

describe('REFUND_RATE_28D', () => {
  it('divides two window totals elementwise (2 arguments)', () => {
    // 3 ÷ 100 = 0.03; 0 ÷ 50 = 0
    expect(REFUND_RATE_28D(zh, col(3, 0), col(100, 50))).toEqual(col(0.03, 0));
  });

  it('may exceed 1 in the 2-argument form', () => {
    expect(REFUND_RATE_28D(zh, 5, 2)).toBe(2.5); // 5 ÷ 2
  });

  it('is blank without orders in the 2-argument form', () => {
    expect(REFUND_RATE_28D(zh, 1, 0)).toBe('');
  });

  it('counts dated refunds and orders over the window (3 arguments)', () => {
    const refunds = col(AS_OF, FIRST_DAY, DAY_BEFORE);
    const orders = col(AS_OF, AS_OF, '2026-11-15', FIRST_DAY, DAY_BEFORE, '2026-12-01');
    // refunds in window: 11-28, 11-01 = 2; orders in window: 11-28 ×2, 11-15, 11-01 = 4 → 2 ÷ 4
    expect(REFUND_RATE_28D(zh, refunds, orders, AS_OF)).toBe(0.5);
  });

  it('may exceed 1 over the window (refunds of older orders)', () => {
    // 3 refunds in the window ÷ 2 orders in the window
    expect(REFUND_RATE_28D(zh, col(AS_OF, AS_OF, AS_OF), col(AS_OF, DAY_BEFORE, FIRST_DAY), AS_OF)).toBe(1.5);
  });

  it('is blank when no order falls in the window', () => {
    expect(REFUND_RATE_28D(zh, col(AS_OF), col(DAY_BEFORE), AS_OF)).toBe('');
  });

  it('groups refunds and orders by their own key columns (6 arguments)', () => {
    const refunds = col(AS_OF, '2026-11-20', AS_OF);
    const refundKeys = col('小美', '阿强', '阿强');
    const orders = col(AS_OF, '2026-11-02', '2026-11-03', '2026-11-04', AS_OF, DAY_BEFORE);
    const orderKeys = col('小美', '小美', '小美', '小美', '阿强', '阿强');
    // 小美: 1 refund ÷ 4 orders = 0.25; 阿强: 2 refunds ÷ 1 order in the window (10-31 is out) = 2
    expect(REFUND_RATE_28D(zh, refunds, orders, AS_OF, refundKeys, orderKeys, [['小美', '阿强']])).toEqual([[0.25, 2]]);
  });

  it('matches refund and order keys spelled differently (Amy / ａｍｙ)', () => {
    // Amy: 1 refund (as 'Amy') ÷ 2 orders (as 'ａｍｙ', 'AMY') = 0.5
    expect(REFUND_RATE_28D(zh, col(AS_OF), col(AS_OF, AS_OF), AS_OF, col('Amy'), col('ａｍｙ', 'AMY'), 'amy')).toBe(0.5);
  });

  it('marks a group #VALUE! for an unreadable refund or order date', () => {
    const refunds = col(AS_OF, 'oops');
    const orders = col(AS_OF, AS_OF, AS_OF);
    // 小美: 1 refund ÷ 1 order; 阿强's refund date is unreadable; 小丽: 0 refunds ÷ 1 order
    const result = REFUND_RATE_28D(zh, refunds, orders, AS_OF, col('小美', '阿强'), col('小美', '阿强', '小丽'), col('小美', '阿强', '小丽'));
    expect(result).toEqual(col(1, '#VALUE!', 0));
    const badOrder = REFUND_RATE_28D(zh, col(AS_OF), col('??'), AS_OF, col('小美'), col('小美'), '小美');
    expect(badOrder).toBe('#VALUE!');
  });

  it('throws naming the order columns when their shapes differ', () => {
    const e = userErrorOf(() => REFUND_RATE_28D(en, col(AS_OF), col(AS_OF, AS_OF), AS_OF, col('a'), col('a'), 'a'));
    expect(e.message).toContain('order_dates is 2 rows × 1 column but order_keys is a single value');
  });
});

describe('REFUND_DISPUTE_RATE_28D', () => {
  it('divides window totals elementwise', () => {
    expect(REFUND_DISPUTE_RATE_28D(zh, 1, 200)).toBe(0.005); // 1 ÷ 200
  });

  it('counts dated disputes over dated orders', () => {
    // disputes in window: 11-01 (10-31 is out) = 1; orders in window: 11-28, 11-01 = 2 → 1 ÷ 2
    expect(REFUND_DISPUTE_RATE_28D(zh, col(FIRST_DAY, DAY_BEFORE), col(AS_OF, FIRST_DAY), AS_OF)).toBe(0.5);
  });

  it('names its dated arguments in shape errors', () => {
    const e = userErrorOf(() => REFUND_DISPUTE_RATE_28D(en, col(AS_OF, AS_OF), col(AS_OF), AS_OF, col('a'), 'a', 'a'));
    expect(e.message).toContain('dispute_dates is 2 rows × 1 column but dispute_keys is a single value');
  });
});

describe('COMPLAINT_RATE_28D', () => {
  it('divides window totals elementwise', () => {
    expect(COMPLAINT_RATE_28D(zh, col(2, ''), col(400, 10))).toEqual(col(0.005, 0)); // 2 ÷ 400; blank complaints count 0
  });

  it('counts dated complaints over dated orders', () => {
    // complaints in window: 11-28 = 1; orders: 11-28, 11-27, 11-26, 11-25 = 4 → 1 ÷ 4
    expect(COMPLAINT_RATE_28D(zh, col(AS_OF), col(AS_OF, '2026-11-27', '2026-11-26', '2026-11-25'), AS_OF)).toBe(0.25);
  });
});

describe('DSR_SERVICE_180D', () => {
  /** as_of − 179: the first day of the 180-day window (2026-11-28 − 179 days). */
  const FIRST_180 = '2026-06-02';
  /** as_of − 180. */
  const BEFORE_180 = '2026-06-01';

  it('averages the ratings dated in the 180 days ending on as_of', () => {
    // in: 5 (11-28), 4 (06-02 = as_of − 179), 1 (09-01); out: 3 (06-01 = as_of − 180) → (5 + 4 + 1) ÷ 3
    const result = DSR_SERVICE_180D(zh, col(5, 4, 3, 1), col(AS_OF, FIRST_180, BEFORE_180, '2026-09-01'), AS_OF);
    expect(result).toBeCloseTo(10 / 3, 12);
  });

  it('is blank when no rating falls in the window', () => {
    expect(DSR_SERVICE_180D(zh, col(5), col(BEFORE_180), AS_OF)).toBe('');
  });

  it('is #NUM! for a rating outside 1–5 in the window', () => {
    expect(DSR_SERVICE_180D(zh, col(5, 6), col(AS_OF, AS_OF), AS_OF)).toBe('#NUM!');
  });

  it('ignores a rating outside 1–5 outside the window', () => {
    // only the 4 on 11-28 is in the window
    expect(DSR_SERVICE_180D(zh, col(4, 0), col(AS_OF, BEFORE_180), AS_OF)).toBe(4);
  });

  it('skips blank ratings and rows without a date', () => {
    // the blank rating and the undated 1 are skipped: (5 + 4) ÷ 2
    expect(DSR_SERVICE_180D(zh, col(5, '', 4, 1), col(AS_OF, AS_OF, AS_OF, ''), AS_OF)).toBe(4.5);
  });

  it('is #VALUE! for unreadable rating text in the window', () => {
    expect(DSR_SERVICE_180D(zh, col('great'), col(AS_OF), AS_OF)).toBe('#VALUE!');
  });

  it('averages per key', () => {
    const ratings = col(5, 4, 3, 6);
    const dates = col(AS_OF, AS_OF, AS_OF, AS_OF);
    const keys = col('小美', '小美', '阿强', '小丽');
    // 小美: (5 + 4) ÷ 2 = 4.5; 阿强: 3; 小丽: a 6 → #NUM!; 小王: no rating → ""
    expect(DSR_SERVICE_180D(zh, ratings, dates, AS_OF, keys, col('小美', '阿强', '小丽', '小王'))).toEqual(col(4.5, 3, '#NUM!', ''));
  });

  it('throws naming ratings and dates when their shapes differ', () => {
    const e = userErrorOf(() => DSR_SERVICE_180D(en, col(5, 4), col(AS_OF), AS_OF));
    expect(e.message).toContain('rating_dates is a single value but ratings is 2 rows × 1 column');
  });
});
