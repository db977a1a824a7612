/**
 * What `getDisplayValues()` shows for a value under a Sheets number format. Covers the formats a report uses
 * (`0`, `0.00`, `#,##0.00`, `0.0%`, `"¥"#,##0`, `0.0"分"`, `@`, `yyyy-mm-dd`, `hh:mm:ss`, `[h]:mm:ss`,
 * `positive;negative;zero;text` sections); anything fancier (fractions, conditions, colours) is shown as
 * its automatic form or has the unsupported part ignored.
 */
import { serialToWallClock, type WallClock } from './serial-date';

/** What `getNumberFormat()` returns for a cell nobody formatted. */
export const AUTOMATIC_FORMAT = '0.###############';

const AUTOMATIC = new Set(['', 'General', 'general', AUTOMATIC_FORMAT]);

/** Unset, `General` or Sheets' own default: the cell shows numbers automatically (and may infer dates). */
export function isAutomaticFormat(format: string | undefined): boolean {
  return format === undefined || AUTOMATIC.has(format);
}

type Token =
  | { kind: 'literal'; text: string }
  | { kind: 'digit'; zero: boolean }
  | { kind: 'point' }
  | { kind: 'comma' }
  | { kind: 'percent' }
  | { kind: 'exponent'; digits: number }
  | { kind: 'text' }
  | { kind: 'date'; code: string };

const DATE_CODE = /^(\[h+\]|\[m+\]|\[s+\]|am\/pm|a\/p|y+|m+|d+|h+|s+)/i;

function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < section.length) {
    const ch = section[i]!;
    const rest = section.slice(i);
    const date = DATE_CODE.exec(rest);
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      tokens.push({ kind: 'literal', text: section.slice(i + 1, stop) });
      i = stop + 1;
    } else if (ch === '\\') {
      tokens.push({ kind: 'literal', text: section[i + 1] ?? '' });
      i += 2;
    } else if (date) {
      tokens.push({ kind: 'date', code: date[0].toLowerCase() });
      i += date[0].length;
    } else if (ch === '[') {
      i = section.indexOf(']', i) < 0 ? section.length : section.indexOf(']', i) + 1; // colour / condition
    } else if (ch === '_' || ch === '*') {
      tokens.push({ kind: 'literal', text: ch === '_' ? ' ' : '' });
      i += 2;
    } else if (/^[eE][+-]0+/.test(rest)) {
      const digits = /^[eE][+-](0+)/.exec(rest)![1]!.length;
      tokens.push({ kind: 'exponent', digits });
      i += 2 + digits;
    } else {
      if (ch === '0' || ch === '#' || ch === '?') tokens.push({ kind: 'digit', zero: ch === '0' });
      else if (ch === '.') tokens.push({ kind: 'point' });
      else if (ch === ',') tokens.push({ kind: 'comma' });
      else if (ch === '%') tokens.push({ kind: 'percent' });
      else if (ch === '@') tokens.push({ kind: 'text' });
      else tokens.push({ kind: 'literal', text: ch });
      i += 1;
    }
  }
  return tokens;
}

/** Splits on `;` outside quotes. */
function sections(format: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted) {
      current += ch + (format[i + 1] ?? '');
      i++;
    } else if (ch === ';' && !quoted) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

const tokenCache = new Map<string, Token[][]>();

function parsedFormat(format: string): Token[][] {
  let parsed = tokenCache.get(format);
  if (!parsed) {
    parsed = sections(format).map(tokenize);
    tokenCache.set(format, parsed);
  }
  return parsed;
}

/** True for formats that show a date, a time or a duration: Apps Script returns such cells as Dates. */
export function isDateFormat(format: string | undefined): boolean {
  if (isAutomaticFormat(format)) return false;
  return parsedFormat(format!)[0]!.some((token) => token.kind === 'date');
}

/** Sheets' automatic display: integers as they are, others to 10 significant digits. */
function automatic(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return String(Number(value.toPrecision(10))).replace('e', 'E');
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatNumberSection(value: number, tokens: Token[]): string {
  const firstDigit = tokens.findIndex((t) => t.kind === 'digit');
  if (firstDigit < 0) return tokens.map((t) => (t.kind === 'literal' ? t.text : t.kind === 'percent' ? '%' : '')).join('');
  let lastDigit = firstDigit;
  tokens.forEach((t, i) => { if (t.kind === 'digit') lastDigit = i; });
  const pointAt = tokens.findIndex((t) => t.kind === 'point');
  const exponent = tokens.find((t): t is Extract<Token, { kind: 'exponent' }> => t.kind === 'exponent');
  let intZeros = 0;
  let fracMax = 0;
  let fracZeros = 0;
  let grouped = false;
  tokens.forEach((t, i) => {
    const inFraction = pointAt >= 0 && i > pointAt;
    if (t.kind === 'digit') {
      if (inFraction) { fracMax++; if (t.zero) fracZeros++; } else if (t.zero) intZeros++;
    } else if (t.kind === 'comma' && i > firstDigit && i < lastDigit && !inFraction) grouped = true;
  });
  const percents = tokens.filter((t) => t.kind === 'percent').length;
  let scaled = value * 100 ** percents;
  let exponentText = '';
  if (exponent) {
    const power = scaled === 0 ? 0 : Math.floor(Math.log10(Math.abs(scaled)));
    scaled /= 10 ** power;
    exponentText = `E${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(exponent.digits, '0')}`;
  }
  const fixed = Math.abs(scaled).toFixed(fracMax);
  let [intPart = '', fracPart = ''] = fixed.split('.');
  while (fracPart.length > fracZeros && fracPart.endsWith('0')) fracPart = fracPart.slice(0, -1);
  if (intPart === '0' && intZeros === 0) intPart = '';
  intPart = intPart.padStart(intZeros, '0');
  if (grouped) intPart = groupThousands(intPart);
  const numberText = intPart + (pointAt >= 0 ? `.${fracPart}` : '') + exponentText;
  const render = (from: number, to: number) =>
    tokens.slice(from, to).map((t) => (t.kind === 'literal' ? t.text : t.kind === 'percent' ? '%' : '')).join('');
  return render(0, firstDigit) + numberText + render(lastDigit + 1, tokens.length);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function formatDateSection(serial: number, tokens: Token[]): string {
  const clock = serialToWallClock(serial);
  const twelveHour = tokens.some((t) => t.kind === 'date' && (t.code === 'am/pm' || t.code === 'a/p'));
  const codeAt = (i: number): string => {
    const t = tokens[i];
    return t?.kind === 'date' ? t.code : '';
  };
  const neighbourCode = (from: number, step: number): string => {
    for (let j = from + step; j >= 0 && j < tokens.length; j += step) if (codeAt(j)) return codeAt(j);
    return '';
  };
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'literal') out += t.text;
    else if (t.kind === 'comma') out += ',';
    else if (t.kind === 'point') {
      // `ss.000`: the digits after the point are fractions of a second.
      let digits = 0;
      while (tokens[i + 1 + digits]?.kind === 'digit') digits++;
      out += digits ? `.${pad(clock.millisecond, 3).slice(0, digits).padEnd(digits, '0')}` : '.';
      i += digits;
    } else if (t.kind === 'date') out += dateCode(t.code, serial, clock, twelveHour, neighbourCode(i, -1), neighbourCode(i, 1));
  }
  return out;
}

function dateCode(code: string, serial: number, clock: WallClock, twelveHour: boolean, before: string, after: string): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const width = code.length >= 2 ? 2 : 1;
  // `m` is minutes right after an hour or right before a second, months otherwise.
  const minute = /^(h+|\[h+\])$/.test(before) || /^(s+|\[s+\])$/.test(after);
  switch (code[0]) {
    case 'y': return code.length <= 2 ? pad(clock.year % 100, 2) : String(clock.year);
    case 'm':
      if (minute) return pad(clock.minute, width);
      if (code.length >= 4) return MONTHS[clock.month - 1]!;
      return code.length === 3 ? MONTHS[clock.month - 1]!.slice(0, 3) : pad(clock.month, width);
    case 'd':
      if (code.length >= 4) return DAYS[clock.weekday]!;
      return code.length === 3 ? DAYS[clock.weekday]!.slice(0, 3) : pad(clock.day, width);
    case 'h': return pad(twelveHour ? (clock.hour % 12 || 12) : clock.hour, width);
    case 's': return pad(clock.second, width);
    case 'a': return code === 'am/pm' ? (clock.hour < 12 ? 'AM' : 'PM') : clock.hour < 12 ? 'A' : 'P';
    default: {
      // Durations: `[h]`, `[m]`, `[s]` count whole units since the serial's zero.
      const seconds = Math.floor(Math.round(serial * 86_400_000) / 1000);
      const unit = code[1] === 'h' ? 3600 : code[1] === 'm' ? 60 : 1;
      return pad(Math.floor(seconds / unit), code.length - 2);
    }
  }
}

/** The text Sheets shows for `value` (an evaluated cell: number, string, boolean, error text or null). */
export function displayValue(value: number | string | boolean | null, format: string | undefined): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const parts = isAutomaticFormat(format) ? null : parsedFormat(format!);
  if (typeof value === 'string') {
    const textSection = parts?.[3];
    if (!textSection) return value;
    return textSection.map((t) => (t.kind === 'text' ? value : t.kind === 'literal' ? t.text : '')).join('');
  }
  if (!parts) return automatic(value);
  if (parts[0]!.some((t) => t.kind === 'text') && parts.length === 1) return automatic(value);
  if (parts[0]!.some((t) => t.kind === 'date')) return formatDateSection(value, parts[0]!);
  if (value < 0 && parts.length >= 2) return formatNumberSection(-value, parts[1]!);
  if (value === 0 && parts.length >= 3) return formatNumberSection(0, parts[2]!);
  const text = formatNumberSection(Math.abs(value), parts[0]!);
  return value < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}
