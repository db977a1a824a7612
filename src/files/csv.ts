/**
 * CSV as exported by 千牛 / 生意参谋 / Excel: RFC 4180 quoting, CRLF / LF / CR line ends,
 * a UTF-8 byte-order mark, and `,` / tab / `;` separators (sniffed, since Excel's
 * "Unicode text" export uses tabs and European Excel uses semicolons).
 * Pure: runs in the browser (sidebar import) and in Node (the `appraise` CLI).
 */
import { UserError } from '../i18n';
import { toRectangle } from './grid';
import { checkSize, SHEETS_LIMITS, type ReadLimits } from './limits';

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

/** The 1-based line of `text` that offset `at` lies on (CRLF, LF and CR each end a line). */
function lineAt(text: string, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) line++;
  }
  return line;
}

const unterminated = (line: number) =>
  new UserError({
    zh: `第 ${line} 行有一个引号（"）没有闭合，之后的内容都会被读进同一个单元格；文件可能被截断或损坏，未导入任何内容。请重新导出，或在文本编辑器中补上引号。`,
    en: `Line ${line} opens a quote (") that is never closed, so the rest of the file would fall into one cell; the file may be cut short or damaged, and nothing was imported. Export it again, or add the missing quote in a text editor.`,
  });

/**
 * Parses CSV text into a rectangle of strings (short rows padded with `""`, so every row has
 * the width of the widest). Quoted fields may hold separators, `""` (one quote) and line
 * breaks; a stray quote inside an unquoted field is kept as a character. Blank lines are dropped.
 * Throws a `UserError` naming the line of a quote that is never closed, and as soon as the
 * table outgrows `limits` (before reading the rest).
 */
export function parseCsv(text: string, delimiter: Delimiter = sniffDelimiter(stripBom(text)), limits: ReadLimits = SHEETS_LIMITS): string[][] {
  const src = stripBom(text);
  let width = 0;
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
        if (q < 0) throw unterminated(lineAt(src, start - 1));
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
    if (row.length > width) width = row.length;
    if (rows.push(row) * width > limits.maxCells || width > limits.maxColumns) checkSize(rows.length, width, limits, true);
    row = [];
  }
  if (row.length > 0) rows.push(row);
  const kept = rows.filter((r) => !(r.length === 1 && r[0] === ''));
  checkSize(kept.length, Math.max(width, row.length), limits);
  return toRectangle(kept);
}
