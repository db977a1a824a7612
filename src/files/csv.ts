/**
 * CSV as exported by 千牛 / 生意参谋 / Excel: RFC 4180 quoting, CRLF / LF / CR line ends,
 * a UTF-8 byte-order mark, and `,` / tab / `;` separators (sniffed, since Excel's
 * "Unicode text" export uses tabs and European Excel uses semicolons).
 * Pure: runs in the browser (sidebar import) and in Node (the `appraise` CLI).
 */
import { toRectangle } from './grid';

export type Delimiter = ',' | '\t' | ';';
const CANDIDATES: readonly Delimiter[] = [',', '\t', ';'];

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

/** Drops a leading byte-order mark (U+FEFF), which Excel writes at the start of UTF-8 CSV. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The separator of the first record: whichever of `,` tab `;` occurs most often outside quotes
 * (commas win ties, and a one-column file is read with commas).
 */
export function sniffDelimiter(text: string): Delimiter {
  const counts = [0, 0, 0];
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && (c === LF || c === CR)) {
      if (counts[0]! + counts[1]! + counts[2]! > 0) break;
    } else if (!inQuotes) {
      const k = CANDIDATES.indexOf(text[i] as Delimiter);
      if (k >= 0) counts[k]!++;
    }
  }
  let best = 0;
  for (let k = 1; k < CANDIDATES.length; k++) if (counts[k]! > counts[best]!) best = k;
  return CANDIDATES[best]!;
}

/**
 * Parses CSV text into a rectangle of strings (short rows padded with `""`, so every row has
 * the width of the widest). Quoted fields may hold separators, `""` (one quote) and line
 * breaks. Never throws: an unterminated quote keeps the rest of the text in its field, and a
 * stray quote inside an unquoted field is kept as a character. Blank lines are dropped.
 */
export function parseCsv(text: string, delimiter: Delimiter = sniffDelimiter(stripBom(text))): string[][] {
  const src = stripBom(text);
  const sep = delimiter.charCodeAt(0);
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = src.length;
  // A record ends at a line break outside quotes; a trailing line break adds no record.
  while (i < n) {
    let field: string;
    if (src.charCodeAt(i) === QUOTE) {
      let parts = '';
      let start = i + 1;
      i = start;
      for (;;) {
        const q = src.indexOf('"', i);
        if (q < 0) { parts += src.slice(start); i = n; break; }
        if (src.charCodeAt(q + 1) === QUOTE) { parts += src.slice(start, q + 1); i = start = q + 2; continue; }
        parts += src.slice(start, q);
        i = q + 1;
        // Text between the closing quote and the separator (`"a"b,`) is kept, not dropped.
        while (i < n && src.charCodeAt(i) !== sep && src.charCodeAt(i) !== LF && src.charCodeAt(i) !== CR) parts += src[i++];
        break;
      }
      field = parts;
    } else {
      const start = i;
      while (i < n) {
        const c = src.charCodeAt(i);
        if (c === sep || c === LF || c === CR) break;
        i++;
      }
      field = src.slice(start, i);
    }
    row.push(field);
    if (i >= n) break;
    const c = src.charCodeAt(i);
    if (c === sep) {
      i++;
      if (i === n) row.push('');
      continue;
    }
    // Line break: CRLF counts once.
    i += c === CR && src.charCodeAt(i + 1) === LF ? 2 : 1;
    rows.push(row);
    row = [];
  }
  if (row.length > 0) rows.push(row);
  return toRectangle(rows.filter((r) => !(r.length === 1 && r[0] === '')));
}
