import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  durationOfDate, isBlankLike, isDateCell, parseDateText, parseDurationText, parseNumberText, readAmount, readCount,
  keyText, readDay, readDuration, readKey, readNumber, readRating, readerFor, toHalfWidth,
} from '../../src/metrics/coerce';

const SH = 'Asia/Shanghai';
/** 2026-11-28 as a day number: 56×365 + 14 leap days + 304 days of Jan…Oct + 27. */
const NOV_28 = 20785;
/** A Date made in another realm, as the `node:vm` Apps Script emulation hands them over. */
const foreignDate = (iso: string): Date => runInNewContext(`new Date(${JSON.stringify(iso)})`) as Date;

describe('isDateCell', () => {
  it('recognises a Date of this realm', () => {
    expect(isDateCell(new Date())).toBe(true);
  });

  it('recognises a Date of another realm, which instanceof does not', () => {
    const d = foreignDate('2026-11-28T00:00:00Z');
    expect(d instanceof Date).toBe(false);
    expect(isDateCell(d)).toBe(true);
  });

  it('refuses date-like text and numbers', () => {
    expect(isDateCell('2026-11-28')).toBe(false);
    expect(isDateCell(46354)).toBe(false);
  });
});

describe('isBlankLike', () => {
  it.each([null, undefined, '', '   ', '\u3000', '-', ' - ', '—', '--', '暂无数据', 'N/A', 'n/a'])('counts %j as blank', (x) => {
    expect(isBlankLike(x)).toBe(true);
  });

  it.each([0, '0', 'x', '-1', false, 'NA'])('does not count %j as blank', (x) => {
    expect(isBlankLike(x)).toBe(false);
  });
});

describe('toHalfWidth', () => {
  it('turns full-width digits and punctuation into ASCII', () => {
    expect(toHalfWidth('１２３．４５')).toBe('123.45');
    expect(toHalfWidth('１，２３４％')).toBe('1,234%');
    expect(toHalfWidth('００：０１：３０')).toBe('00:01:30');
  });

  it('turns the ideographic space and the minus sign into ASCII', () => {
    expect(toHalfWidth('\u30001\u2212')).toBe(' 1-');
  });

  it('returns plain text unchanged', () => {
    expect(toHalfWidth('¥1,234 元')).toBe('¥1,234 元');
  });
});

describe('parseNumberText', () => {
  it('reads thousands separators', () => {
    expect(parseNumberText('1,234')).toBe(1234);
    expect(parseNumberText('1,234,567.89')).toBe(1234567.89);
  });

  it('reads full-width digits, comma, point and percent', () => {
    expect(parseNumberText('１２３')).toBe(123);
    expect(parseNumberText('１，２３４．５')).toBe(1234.5);
    expect(parseNumberText('５０％')).toBe(0.5); // 50 ÷ 100
  });

  it('reads ¥, ￥, 元 and RMB', () => {
    expect(parseNumberText('¥1,234.50')).toBe(1234.5);
    expect(parseNumberText('￥12')).toBe(12);
    expect(parseNumberText('88元')).toBe(88);
    expect(parseNumberText('RMB 12')).toBe(12);
    expect(parseNumberText('12 rmb')).toBe(12);
  });

  it('reads a percent as a fraction', () => {
    expect(parseNumberText('12.5%')).toBe(0.125); // 12.5 ÷ 100
    expect(parseNumberText('99.71%')).toBeCloseTo(0.9971, 12);
  });

  it('ignores surrounding spaces', () => {
    expect(parseNumberText('  42  ')).toBe(42);
  });

  it('reads a leading minus, before or after the currency', () => {
    expect(parseNumberText('-3')).toBe(-3);
    expect(parseNumberText('-¥3')).toBe(-3);
    expect(parseNumberText('¥-3')).toBe(-3);
    expect(parseNumberText('−3')).toBe(-3); // U+2212 minus sign
  });

  it('reads decimals without a leading digit and exponents', () => {
    expect(parseNumberText('.5')).toBe(0.5);
    expect(parseNumberText('1e3')).toBe(1000);
  });

  it.each(['abc', '1,23', '12,34,567', '1.2.3', '--3', '-¥-3', '¥12%', '12 34', '', '3 apples'])('refuses %j', (text) => {
    expect(parseNumberText(text)).toBeNaN();
  });
});

describe('readNumber', () => {
  it('passes finite numbers through, negative ones too', () => {
    expect(readNumber(-2.5)).toBe(-2.5);
  });

  it('reads text numbers', () => {
    expect(readNumber(' 1,234 ')).toBe(1234);
  });

  it('reads blank-like cells as null', () => {
    expect(readNumber('')).toBeNull();
    expect(readNumber(null)).toBeNull();
    expect(readNumber('暂无数据')).toBeNull();
  });

  it('marks unreadable text #VALUE!', () => {
    expect(readNumber('abc')).toBe('#VALUE!');
  });

  it('marks booleans and dates #VALUE!', () => {
    expect(readNumber(true)).toBe('#VALUE!');
    expect(readNumber(new Date())).toBe('#VALUE!');
  });

  it('marks non-finite numbers #NUM!', () => {
    expect(readNumber(Infinity)).toBe('#NUM!');
    expect(readNumber(NaN)).toBe('#NUM!');
  });
});

describe('readCount', () => {
  it('passes non-negative numbers through', () => {
    expect(readCount(0)).toBe(0);
    expect(readCount(17)).toBe(17);
  });

  it('reads text counts', () => {
    expect(readCount('1,234')).toBe(1234);
    expect(readCount('１２３')).toBe(123);
  });

  it('marks a negative count #NUM!, as number or text', () => {
    expect(readCount(-1)).toBe('#NUM!');
    expect(readCount('-1')).toBe('#NUM!');
  });

  it('marks unreadable text #VALUE!', () => {
    expect(readCount('lots')).toBe('#VALUE!');
  });

  it('marks a boolean #VALUE! (a checkbox is not a count)', () => {
    expect(readCount(true)).toBe('#VALUE!');
    expect(readCount(false)).toBe('#VALUE!');
  });

  it('reads blank-like cells as null', () => {
    expect(readCount('-')).toBeNull();
    expect(readCount(undefined)).toBeNull();
  });
});

describe('readAmount', () => {
  it('reads money text', () => {
    expect(readAmount('¥1,234.50')).toBe(1234.5);
    expect(readAmount('1234元')).toBe(1234);
    expect(readAmount('RMB12')).toBe(12);
  });

  it('marks a negative amount #NUM!', () => {
    expect(readAmount('¥-5')).toBe('#NUM!');
    expect(readAmount(-5)).toBe('#NUM!');
  });

  it('marks unreadable text #VALUE!', () => {
    expect(readAmount('¥abc')).toBe('#VALUE!');
  });
});

describe('readRating', () => {
  it('accepts 1 to 5, ends included', () => {
    expect(readRating(1)).toBe(1);
    expect(readRating('4.8')).toBe(4.8);
    expect(readRating(5)).toBe(5);
  });

  it('marks ratings outside 1–5 #NUM!', () => {
    expect(readRating(0)).toBe('#NUM!');
    expect(readRating(5.01)).toBe('#NUM!');
    expect(readRating('6')).toBe('#NUM!');
  });

  it('reads blank as null and unreadable as #VALUE!', () => {
    expect(readRating('')).toBeNull();
    expect(readRating('good')).toBe('#VALUE!');
  });
});

describe('parseDurationText', () => {
  it.each([
    ['1分30秒', 90], // 60 + 30
    ['90秒', 90],
    ['1.5小时', 5400], // 1.5 × 3600
    ['2h', 7200], // 2 × 3600
    ['30m', 1800], // 30 × 60
    ['1天', 86400],
    ['2小時', 7200], // traditional characters
    ['5分鐘', 300], // 5 × 60
    ['1 hour 30 min', 5400], // 3600 + 1800
    ['2h30m', 9000], // 7200 + 1800
    ['1天2小时', 93600], // 86400 + 7200
    ['１分３０秒', 90], // full-width digits
    ['90', 90], // a plain number is already in the unit
    ['1,234', 1234],
  ] as const)('reads %j as %d seconds', (text, seconds) => {
    expect(parseDurationText(text, 'seconds')).toBe(seconds);
  });

  it('reads thousands separators in the number before a unit word', () => {
    expect(parseDurationText('12,345秒', 'seconds')).toBe(12345); // 12,345 = 12345
    expect(parseDurationText('1,234.5 秒', 'seconds')).toBe(1234.5);
    expect(parseDurationText('1,440分钟', 'hours')).toBe(24); // 1440 × 60 ÷ 3600
    expect(parseDurationText('１，２００小时', 'days')).toBe(50); // full-width: 1200 ÷ 24
  });

  it('refuses a comma that does not group thousands before a unit word', () => {
    expect(parseDurationText('1,5小时', 'hours')).toBeNaN(); // a decimal comma is not guessed
    expect(parseDurationText('12,34秒', 'seconds')).toBeNaN();
  });

  it('reads three-part clocks as h:mm:ss', () => {
    expect(parseDurationText('00:01:30', 'seconds')).toBe(90); // 0 h 1 min 30 s
    expect(parseDurationText('1:02:03', 'seconds')).toBe(3723); // 3600 + 120 + 3
    expect(parseDurationText('３６：００：００', 'hours')).toBe(36); // full-width
  });

  it('reads two-part clocks as mm:ss, never h:mm', () => {
    expect(parseDurationText('1:30', 'seconds')).toBe(90); // 1 min 30 s, not 1.5 hours
    expect(parseDurationText('90:00', 'seconds')).toBe(5400); // 90 min
  });

  it('converts to hours', () => {
    expect(parseDurationText('36小时', 'hours')).toBe(36);
    expect(parseDurationText('30m', 'hours')).toBe(0.5); // 1800 ÷ 3600
    expect(parseDurationText('1天', 'hours')).toBe(24);
    expect(parseDurationText('1.1小时', 'hours')).toBe(1.1); // same unit: not scaled, no rounding error
  });

  it('converts to days', () => {
    expect(parseDurationText('36小时', 'days')).toBe(1.5); // 129600 ÷ 86400
    expect(parseDurationText('12小时', 'days')).toBe(0.5);
    expect(parseDurationText('1.5天', 'days')).toBe(1.5);
  });

  it('keeps a leading minus', () => {
    expect(parseDurationText('-1分', 'seconds')).toBe(-60);
  });

  it.each(['abc', '1:75', '1:60:00', '30ms', '1分30', '小时', '1::30', '1 2'])('refuses %j', (text) => {
    expect(parseDurationText(text, 'seconds')).toBeNaN();
  });
});

describe('durationOfDate', () => {
  it('reads a Sheets duration in Shanghai from the 1899 wall clock (+8:05:43), not from +8', () => {
    // 00:01:30 on 1899-12-30 Shanghai local mean time = 1899-12-29 16:01:30 − 0:05:43 UTC = 15:55:47 UTC
    const d = new Date(Date.UTC(1899, 11, 29, 15, 55, 47));
    expect(durationOfDate(d, 'seconds', SH)).toBe(90);
  });

  it('reads durations longer than a day (36:00:00 → 1899-12-31 12:00)', () => {
    // 1899-12-31 12:00 − 8:05:43 = 03:54:17 UTC
    const d = new Date(Date.UTC(1899, 11, 31, 3, 54, 17));
    expect(durationOfDate(d, 'hours', SH)).toBe(36);
    expect(durationOfDate(d, 'days', SH)).toBe(1.5); // 36 ÷ 24
  });

  it('reads a duration in UTC', () => {
    expect(durationOfDate(new Date(Date.UTC(1899, 11, 30, 0, 1, 30)), 'seconds', 'UTC')).toBe(90);
  });
});

describe('readDuration', () => {
  it('passes a plain number through in the unit', () => {
    expect(readDuration(90, 'seconds', SH)).toBe(90);
    expect(readDuration(7.5, 'hours', SH)).toBe(7.5);
  });

  it('reads duration text', () => {
    expect(readDuration('1分30秒', 'seconds', SH)).toBe(90);
  });

  it('reads a Sheets duration Date, from another realm too', () => {
    // 1899-12-30 00:01:30 at +8:05:43
    expect(readDuration(foreignDate('1899-12-29T15:55:47Z'), 'seconds', SH)).toBe(90);
  });

  it('marks a negative duration #NUM!', () => {
    expect(readDuration(-5, 'seconds', SH)).toBe('#NUM!');
    expect(readDuration('-5', 'seconds', SH)).toBe('#NUM!');
    // 1899-12-29 23:58:30 Shanghai = 90 s before the epoch
    expect(readDuration(new Date(Date.UTC(1899, 11, 29, 15, 52, 47)), 'seconds', SH)).toBe('#NUM!');
  });

  it('marks a real date in a duration column #VALUE!', () => {
    expect(readDuration(new Date('2026-11-28T00:00:00Z'), 'seconds', SH)).toBe('#VALUE!');
  });

  it('marks unreadable text and booleans #VALUE!', () => {
    expect(readDuration('soon', 'seconds', SH)).toBe('#VALUE!');
    expect(readDuration(true, 'seconds', SH)).toBe('#VALUE!');
    expect(readDuration(new Date(NaN), 'seconds', SH)).toBe('#VALUE!');
  });

  it('reads blank-like cells as null', () => {
    expect(readDuration('暂无数据', 'hours', SH)).toBeNull();
  });

  it('never asks for the zone when no Date needs it', () => {
    const zone = { get timeZone(): string { throw new Error('zone read'); } };
    expect(readDuration('1分30秒', 'seconds', zone)).toBe(90);
    expect(readDuration(90, 'seconds', zone)).toBe(90);
  });
});

describe('parseDateText', () => {
  it.each([
    ['2026-11-28', NOV_28],
    ['2026/11/28', NOV_28],
    ['2026.11.28', NOV_28],
    ['2026-11-28 14:30', NOV_28],
    ['2026-11-28 23:59:59', NOV_28],
    ['2026-11-28T08:00:00', NOV_28],
    ['2026年11月28日', NOV_28],
    ['2026年11月28日 14:30', NOV_28],
    ['2026年11月28日 14:30:05', NOV_28],
    ['2026年11月28日14时30分', NOV_28],
    ['2026年11月28号', NOV_28],
    ['２０２６－１１－２８', NOV_28],
    ['20261128', NOV_28],
    ['2026-1-5', 20458], // 20454 (2026-01-01) + 4
  ] as const)('reads %j as the civil day', (text, day) => {
    expect(parseDateText(text, SH)).toBe(day);
  });

  it('places an instant with a zone suffix on the spreadsheet zone calendar', () => {
    // 16:30 UTC is 00:30 on the 29th in Shanghai
    expect(parseDateText('2026-11-28T16:30:00Z', SH)).toBe(NOV_28 + 1);
    expect(parseDateText('2026-11-29T00:30:00+08:00', 'UTC')).toBe(NOV_28);
  });

  it.each(['2026-02-30', '2026-13-01', '11/28/2026', '11月28日', '2026-11-28 25:00', '2026-11/28', 'yesterday'])(
    'refuses %j',
    (text) => {
      expect(parseDateText(text, SH)).toBeNaN();
    },
  );
});

describe('readDay', () => {
  it('puts a Date at 00:30 Shanghai on the 29th (it is 16:30 on the 28th in UTC)', () => {
    const d = new Date('2026-11-28T16:30:00Z');
    expect(readDay(d, SH)).toBe(NOV_28 + 1);
    expect(readDay(d, 'UTC')).toBe(NOV_28);
  });

  it('reads a Date from another realm', () => {
    expect(readDay(foreignDate('2026-11-28T16:30:00Z'), SH)).toBe(NOV_28 + 1);
  });

  it('reads a Sheets serial number (days since 1899-12-30), ignoring the time fraction', () => {
    // 20785 + 25569 = 46354
    expect(readDay(46354, SH)).toBe(NOV_28);
    expect(readDay(46354.99, SH)).toBe(NOV_28);
  });

  it('reads an 8-digit day number as 生意参谋 writes dates (20261128), pasted into Sheets as a number', () => {
    expect(readDay(20261128, SH)).toBe(NOV_28);
    // 2026-02-30 does not exist, and a fraction is no day number: both stay serial numbers
    // (20260230 + −25569 = 20234661 days after 1970-01-01; 20261128.5 floors to 20261128 + −25569)
    expect(readDay(20260230, SH)).toBe(20260230 - 25569);
    expect(readDay(20261128.5, SH)).toBe(20261128 - 25569);
  });

  it('reads date text', () => {
    expect(readDay('2026年11月28日', SH)).toBe(NOV_28);
  });

  it('reads blank-like cells as null', () => {
    expect(readDay('', SH)).toBeNull();
    expect(readDay(null, SH)).toBeNull();
    expect(readDay('—', SH)).toBeNull();
  });

  it('marks unreadable text, booleans and invalid Dates #VALUE!', () => {
    expect(readDay('next week', SH)).toBe('#VALUE!');
    expect(readDay(true, SH)).toBe('#VALUE!');
    expect(readDay(new Date(NaN), SH)).toBe('#VALUE!');
  });
});

describe('readKey', () => {
  it('trims text', () => {
    expect(readKey(' 小美 ')).toBe('小美');
  });

  it('writes numbers as their digits', () => {
    expect(readKey(1)).toBe('1');
  });

  it('reads blank-like cells as ""', () => {
    expect(readKey(null)).toBe('');
    expect(readKey('暂无数据')).toBe('');
    expect(readKey('　')).toBe(''); // an ideographic space alone
  });

  // functions.md rule 8: equal after trimming, folding full-width to half-width and ignoring case.
  it('ignores letter case and full-width forms: Amy = amy = ＡＭＹ = Ａｍｙ', () => {
    for (const spelling of ['Amy', 'amy', 'AMY', 'ＡＭＹ', 'Ａｍｙ', '　Ａｍｙ　', ' amy\t']) expect(readKey(spelling), spelling).toBe('amy');
  });

  it('folds the full-width colon of a sub-account: 店铺：小美 = 店铺:小美', () => {
    expect(readKey('店铺：小美')).toBe('店铺:小美');
    expect(readKey('小店　旗舰店：Ａｍｙ')).toBe('小店 旗舰店:amy'); // ideographic space → space, Ａｍｙ → amy
  });

  it('the number 123 is the text 123 (and １２３), but 00123 is another id', () => {
    expect(readKey(123)).toBe('123');
    expect(readKey('123')).toBe('123');
    expect(readKey('１２３')).toBe('123');
    expect(readKey('00123')).toBe('00123');
    expect(readKey('00123')).not.toBe(readKey(123));
  });
});

describe('keyText', () => {
  it('is the name as written, only trimmed: what the tab shows', () => {
    expect(keyText('  Ａｍｙ ')).toBe('Ａｍｙ');
    expect(keyText('店铺：小美')).toBe('店铺：小美');
    expect(keyText(1001)).toBe('1001');
    expect(keyText('-')).toBe('');
  });
});

describe('readerFor', () => {
  it('reads each kind with its own rules', () => {
    expect(readerFor('count', SH)('-1')).toBe('#NUM!');
    expect(readerFor('number', SH)('-1')).toBe(-1);
    expect(readerFor('amount', SH)('¥5')).toBe(5);
    expect(readerFor('rating', SH)(7)).toBe('#NUM!');
    expect(readerFor('seconds', SH)('1分')).toBe(60);
    expect(readerFor('hours', SH)('90m')).toBe(1.5); // 5400 ÷ 3600
    expect(readerFor('days', SH)('36小时')).toBe(1.5);
    expect(readerFor('date', SH)('2026-11-28')).toBe(NOV_28);
  });
});
