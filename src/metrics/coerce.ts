/**
 * Cell coercion (functions.md rules 2–4): what one cell means for one kind of input.
 *
 * Every reader returns a `Coerced`: a number in the input's unit, `null` for a blank cell
 * (the caller decides what blank means: 0 in a sum, "no rating" in a mean), or the error
 * marker the output cell will show. Readers never throw and never allocate for plain
 * numbers, which take the first branch.
 */
import { NUM_ERROR, VALUE_ERROR, finiteCell } from './types';
import type { Coerced, InputKind } from './types';
import { MS_PER_DAY, SHEETS_EPOCH_DAY, dayNumberAt, daysFromCivil, isCivilDate, wallClockMs, type ZoneRef } from './timezone';

/**
 * Whether a value is a Date, from this realm or another (Apps Script is emulated in a `node:vm`
 * context, whose `Date` is not ours, so `instanceof Date` would be false there).
 */
export function isDateCell(x: unknown): x is Date {
  return Object.prototype.toString.call(x) === '[object Date]';
}

/** Placeholders that exports and people write for "no figure". Compared after trimming; `n/a` in any case. */
const BLANK_WORDS = new Set(['', '-', '--', '－', '—', '——', '–', '暂无数据', '暫無數據', 'n/a']);

/**
 * Whether a cell counts as blank: `null`, `undefined`, `""`, white space (full-width too),
 * `-`, `—`, `暂无数据`, `N/A`.
 */
export function isBlankLike(x: unknown): boolean {
  if (x === null || x === undefined || x === '') return true;
  if (typeof x !== 'string') return false;
  const t = x.trim();
  return BLANK_WORDS.has(t.length === 3 ? t.toLowerCase() : t);
}

/**
 * Full-width forms to ASCII: `１２３` → `123`, `．，％：－` → `.,%:-`, the ideographic space to a
 * space and the minus sign `−` to `-`. Other text (including `￥`) is left alone.
 */
export function toHalfWidth(text: string): string {
  let needed = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0xff01 && code <= 0xff5e) || code === 0x3000 || code === 0x2212) { needed = true; break; }
  }
  if (!needed) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else if (code === 0x2212) out += '-';
    else out += text[i];
  }
  return out;
}

/**
 * An unsigned decimal as written in a sheet: `1234`, `1234.5`, `.5`, `1e3`, or with thousands
 * separators in groups of three (`1,234,567.8`). `1,23` is NaN: a comma that does not group
 * thousands is more likely a European decimal comma, and guessing would change the figure.
 */
const PLAIN_DECIMAL = /^(?:\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

function parseUnsignedDecimal(text: string): number {
  if (!PLAIN_DECIMAL.test(text)) return NaN;
  return Number(text.indexOf(',') >= 0 ? text.replace(/,/g, '') : text);
}

/** Sign, optional currency prefix, digits, optional `%` or currency suffix. */
const NUMBER_TEXT = /^([+-]?)\s*(¥|￥|rmb|cny)?\s*([+-]?)\s*([\d.,]+(?:e[+-]?\d+)?)\s*(%|元|rmb|cny)?$/i;

/**
 * A number written as text: `1,234`, `１２３`, `¥1,234.50`, `￥12`, `12元`, `RMB 12`, `12.5%`
 * (= 0.125), `-3`, `¥-3`, with surrounding spaces. NaN when the text is not one number
 * (two signs, a currency with `%`, words). Blank-like text is the caller's business.
 */
export function parseNumberText(text: string): number {
  const m = NUMBER_TEXT.exec(toHalfWidth(text).trim());
  if (!m) return NaN;
  const [, outerSign, currency, innerSign, digits, suffix] = m;
  if (outerSign && innerSign) return NaN;
  const percent = suffix === '%';
  if (percent && currency) return NaN;
  const magnitude = parseUnsignedDecimal(digits!);
  const signed = outerSign === '-' || innerSign === '-' ? -magnitude : magnitude;
  return percent ? signed / 100 : signed;
}

/** Any real number; booleans and dates are `#VALUE!` (a checkbox or a date in a number column is a mapping mistake). */
export function readNumber(x: unknown): Coerced {
  if (typeof x === 'number') return Number.isFinite(x) ? x : NUM_ERROR;
  if (typeof x === 'string') {
    if (isBlankLike(x)) return null;
    const n = parseNumberText(x);
    return Number.isNaN(n) ? VALUE_ERROR : finiteCell(n);
  }
  return x === null || x === undefined ? null : VALUE_ERROR;
}

/** A reading that must not be negative: `#NUM!` when it is. */
function nonNegative(read: Coerced): Coerced {
  return typeof read === 'number' && read < 0 ? NUM_ERROR : read;
}

/** A non-negative number, plain numbers first (the hot path of every ratio). */
function readNonNegative(x: unknown): Coerced {
  if (typeof x === 'number' && x >= 0 && x !== Infinity) return x;
  return nonNegative(readNumber(x));
}

/**
 * A count of things (buyers, orders, replies): a non-negative number; negative is `#NUM!`.
 * Booleans are `#VALUE!` although Sheets arithmetic reads TRUE as 1: a checkbox column mapped
 * as a count is a mistake to show, not a 1 to add.
 */
export function readCount(x: unknown): Coerced {
  return readNonNegative(x);
}

/** Money in yuan: `¥1,234.50`, `1234元`, `RMB 12`; negative is `#NUM!`. */
export function readAmount(x: unknown): Coerced {
  return readNonNegative(x);
}

/** A 1–5 service rating; outside 1–5 is `#NUM!`. */
export function readRating(x: unknown): Coerced {
  const n = readNumber(x);
  return typeof n === 'number' && (n < 1 || n > 5) ? NUM_ERROR : n;
}

// ---------------------------------------------------------------------------------------------
// Durations

/** The unit a duration input is read in: a plain number already is in it. */
export type DurationUnit = 'seconds' | 'hours' | 'days';

const SECONDS_IN: Record<DurationUnit, number> = { seconds: 1, hours: 3_600, days: 86_400 };

/**
 * A number, thousands grouped as in `PLAIN_DECIMAL` (`12,345秒`), then a unit word, longest
 * first so `mins` is not read as `m` + `ins`. Traditional forms included.
 */
const DURATION_TOKEN =
  /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*(天|days?|d|个小时|個小時|小时|小時|时|時|hours?|hrs?|h|分钟|分鐘|分|minutes?|mins?|m|秒钟|秒鐘|秒|seconds?|secs?|s)\s*/y;

function unitSeconds(word: string): number {
  switch (word[0]) {
    case '天': case 'd': return 86_400;
    case '个': case '個': case '小': case '时': case '時': case 'h': return 3_600;
    case '分': case 'm': return 60;
    default: return 1;
  }
}

/** `h:mm:ss` for three parts, `mm:ss` for two (so `1:30` is 90 seconds, never an hour and a half). */
const CLOCK_3 = /^(\d+):(\d{1,2}):(\d{1,2}(?:\.\d+)?)$/;
const CLOCK_2 = /^(\d+):(\d{1,2}(?:\.\d+)?)$/;

function clockSeconds(text: string): number {
  const three = CLOCK_3.exec(text);
  if (three) {
    const minutes = Number(three[2]);
    const seconds = Number(three[3]);
    return minutes < 60 && seconds < 60 ? Number(three[1]) * 3_600 + minutes * 60 + seconds : NaN;
  }
  const two = CLOCK_2.exec(text);
  if (two) {
    const seconds = Number(two[2]);
    return seconds < 60 ? Number(two[1]) * 60 + seconds : NaN;
  }
  return NaN;
}

/**
 * `value` units of `seconds` each, in `unit`. Multiplies before dividing and skips same-unit
 * scaling, so `36小时` is exactly 1.5 days and `1.1小时` exactly 1.1 hours.
 */
function toUnit(value: number, seconds: number, unit: DurationUnit): number {
  const target = SECONDS_IN[unit];
  return seconds === target ? value : (value * seconds) / target;
}

/** `1分30秒`, `1.5小时`, `2h30m`, `1天`: a run of number–unit pairs that covers the whole text, in `unit`. */
function unitWordsDuration(text: string, unit: DurationUnit): number {
  DURATION_TOKEN.lastIndex = 0;
  let total = 0;
  let matched = false;
  while (DURATION_TOKEN.lastIndex < text.length) {
    const m = DURATION_TOKEN.exec(text);
    if (!m) return NaN;
    total += toUnit(Number(m[1]!.replace(/,/g, '')), unitSeconds(m[2]!), unit);
    matched = true;
  }
  return matched ? total : NaN;
}

/**
 * A duration written as text, in `unit`: a plain number (`90`, `1,234.5`, already in `unit`),
 * unit words (`1分30秒`, `90秒`, `1.5小时`, `36小时`, `2h`, `30m`, `1天`, `1 hour 30 min`),
 * or a clock (`00:01:30` = h:mm:ss, `1:30` = mm:ss). A leading `-` gives a negative result
 * (the reader turns it into `#NUM!`). NaN when unreadable.
 */
export function parseDurationText(text: string, unit: DurationUnit): number {
  let t = toHalfWidth(text).trim().toLowerCase();
  const negative = t.startsWith('-');
  if (negative) t = t.slice(1).trim();
  let value = parseUnsignedDecimal(t);
  if (Number.isNaN(value)) {
    const clock = clockSeconds(t);
    value = Number.isNaN(clock) ? unitWordsDuration(t, unit) : toUnit(clock, 1, unit);
  }
  return negative ? -value : value;
}

/** Sheets durations arrive as Dates at most this far after 1899-12-30; later Dates are real dates. */
const MAX_DURATION_DAYS = 10_000;
const SHEETS_EPOCH_MS = SHEETS_EPOCH_DAY * MS_PER_DAY;

/**
 * A Sheets duration cell, which Apps Script hands over as the Date whose wall clock in the
 * spreadsheet's zone is 1899-12-30 00:00 plus the duration. Read from the wall clock, not a
 * fixed offset: Shanghai's offset in 1899 was +8:05:43. In `unit`; negative before 1899-12-30.
 */
export function durationOfDate(date: Date, unit: DurationUnit, timeZone: ZoneRef): number {
  const ms = wallClockMs(date.getTime(), timeZone) - SHEETS_EPOCH_MS;
  return ms / (SECONDS_IN[unit] * 1_000);
}

/**
 * A duration in `unit`: a plain number, duration text, or a Sheets duration (a Date near
 * 1899-12-30). Negative is `#NUM!`; unreadable text and real dates (more than 10,000 days
 * after 1899-12-30) are `#VALUE!`.
 */
export function readDuration(x: unknown, unit: DurationUnit, timeZone: ZoneRef): Coerced {
  if (typeof x === 'number' && x >= 0 && x !== Infinity) return x;
  if (typeof x === 'string') {
    if (isBlankLike(x)) return null;
    const n = parseDurationText(x, unit);
    return Number.isNaN(n) ? VALUE_ERROR : n < 0 ? NUM_ERROR : finiteCell(n);
  }
  if (isDateCell(x)) {
    if (Number.isNaN(x.getTime())) return VALUE_ERROR;
    const n = durationOfDate(x, unit, timeZone);
    return n < 0 ? NUM_ERROR : n * SECONDS_IN[unit] > MAX_DURATION_DAYS * 86_400 ? VALUE_ERROR : n;
  }
  return readNonNegative(x);
}

// ---------------------------------------------------------------------------------------------
// Dates → calendar day numbers

/** `2026-11-28`, `2026/11/28`, `2026.11.28`, optional time, optional `Z` / `+08:00` (then it is an instant). */
const DATE_DASHED =
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:\s+|t)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(z|[+-]\d{2}:?\d{2})?$/i;
/** `2026年11月28日`, `2026年11月28号`, optional `14:30`, `14:30:05`, `14时30分` or `14时30分5秒`. */
const DATE_CHINESE =
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號](?:\s*(\d{1,2})\s*[:时時点點]\s*(\d{1,2})(?::(\d{2})|\s*分(?:\s*(\d{1,2})\s*秒)?)?)?$/;
/** `20261128`, as 生意参谋 writes its 统计日期. */
const DATE_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/** Text dates seen before, so a million rows of the same thirty dates parse thirty times. */
const textDays = new Map<string, number>();
const MAX_CACHED_TEXT_DAYS = 10_000;

function validTime(hour: string | undefined, minute: string | undefined, second: string | undefined): boolean {
  return (hour === undefined || Number(hour) < 24) && (minute === undefined || Number(minute) < 60)
    && (second === undefined || Number(second) < 60);
}

/** `+08:00` / `-0530` / `Z` → offset in ms. */
function suffixOffsetMs(suffix: string): number {
  if (suffix.toLowerCase() === 'z') return 0;
  const digits = suffix.replace(':', '');
  const sign = digits[0] === '-' ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * 60_000;
}

/**
 * A date written as text, as a calendar day number (days since 1970-01-01). The text is the
 * spreadsheet's own wall clock, so its date is the day, whatever the time; only an explicit
 * `Z` / `+08:00` suffix makes it an instant, placed on the zone's calendar. NaN when the text
 * is not a date that exists. Month-first (`11/28/2026`) and year-less (`11月28日`) texts are
 * refused rather than guessed.
 */
export function parseDateText(text: string, timeZone: ZoneRef): number {
  const cached = textDays.get(text);
  if (cached !== undefined) return cached;
  const t = toHalfWidth(text).trim();
  let y: string | undefined, mo: string | undefined, d: string | undefined;
  let h: string | undefined, mi: string | undefined, s: string | undefined, zoneSuffix: string | undefined;
  let m = DATE_DASHED.exec(t);
  if (m) [, y, , mo, d, h, mi, s, zoneSuffix] = m;
  else if ((m = DATE_CHINESE.exec(t))) [, y, mo, d, h, mi, s = m[7]] = m;
  else if ((m = DATE_COMPACT.exec(t))) [, y, mo, d] = m;
  if (!y || !isCivilDate(Number(y), Number(mo), Number(d)) || !validTime(h, mi, s)) return NaN;
  const civil = daysFromCivil(Number(y), Number(mo), Number(d));
  if (zoneSuffix) {
    const wall = civil * MS_PER_DAY + (Number(h ?? 0) * 60 + Number(mi ?? 0)) * 60_000 + Number(s ?? 0) * 1_000;
    return dayNumberAt(wall - suffixOffsetMs(zoneSuffix), timeZone);
  }
  if (textDays.size >= MAX_CACHED_TEXT_DAYS) textDays.clear();
  textDays.set(text, civil);
  return civil;
}

/**
 * An 8-digit day number as 生意参谋 writes dates (20261128), which Sheets turns into a number
 * when the export is pasted. No serial date comes near (9999-12-31 is serial 2,958,465), so
 * a valid yyyymmdd in 1900 … 2999 is read as that day; anything else is `null`.
 */
export function compactDayNumber(n: number): number | null {
  if (!Number.isInteger(n) || n < 19_000_101 || n > 29_991_231) return null;
  const year = Math.floor(n / 10_000);
  const month = Math.floor(n / 100) % 100;
  const day = n % 100;
  return isCivilDate(year, month, day) ? daysFromCivil(year, month, day) : null;
}

/**
 * A date cell as a calendar day number (days since 1970-01-01) in the spreadsheet's zone:
 * a Date (the day its instant falls on there: 2026-11-28T16:30Z is the 29th in Shanghai),
 * date text, a compact day number (20261128), or a Sheets serial number (days since
 * 1899-12-30; the fraction is the time).
 * Blank is `null`; unreadable text, booleans and invalid Dates are `#VALUE!`.
 */
export function readDay(x: unknown, timeZone: ZoneRef): Coerced {
  if (isDateCell(x)) {
    const ms = x.getTime();
    return Number.isNaN(ms) ? VALUE_ERROR : dayNumberAt(ms, timeZone);
  }
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) return VALUE_ERROR;
    return compactDayNumber(x) ?? Math.floor(x) + SHEETS_EPOCH_DAY;
  }
  if (typeof x === 'string') {
    if (isBlankLike(x)) return null;
    const day = parseDateText(x, timeZone);
    return Number.isNaN(day) ? VALUE_ERROR : day;
  }
  return x === null || x === undefined ? null : VALUE_ERROR;
}

// ---------------------------------------------------------------------------------------------
// Keys and dispatch by kind

/**
 * A key cell as its text, spelled as written: trimmed, numbers as their digits, blank-like as
 * `""`. This is what a name is *shown* as; `readKey` is what it is *matched* by.
 */
export function keyText(x: unknown): string {
  if (typeof x === 'string') return isBlankLike(x) ? '' : x.trim();
  if (x === null || x === undefined) return '';
  return String(x).trim();
}

/**
 * THE key normaliser (functions.md rule 8): two grouping keys (agent names, sub-accounts, ids)
 * are the same person exactly when their `readKey`s are equal. Trimmed, full-width forms folded
 * to half-width (`Ａｍｙ` = `Amy`, `店铺：小美` = `店铺:小美`, the ideographic space a space) and
 * letter case ignored, as Sheets' own COUNTIF ignores it; the number `123` is the text `123`, but
 * `00123` stays another id. Blank-like cells are `""` (no key). Every piece of code that matches
 * agent names calls this; the name shown stays as first written (`keyText`).
 */
export function readKey(x: unknown): string {
  if (x === null || x === undefined) return '';
  if (typeof x === 'string') {
    if (isBlankLike(x)) return '';
    return toHalfWidth(x).trim().toLowerCase();
  }
  return toHalfWidth(String(x)).trim().toLowerCase();
}

/** The input kinds that read as numbers. */
export type NumericKind = Exclude<InputKind, 'key' | 'text'>;

/** The reader of one input kind, bound to the spreadsheet's zone (for dates and duration cells). */
export function readerFor(kind: NumericKind, timeZone: ZoneRef): (x: unknown) => Coerced {
  switch (kind) {
    case 'count': return readCount;
    case 'amount': return readAmount;
    case 'rating': return readRating;
    case 'number': return readNumber;
    case 'date': return (x) => readDay(x, timeZone);
    case 'seconds': case 'hours': case 'days': return (x) => readDuration(x, kind, timeZone);
  }
}
