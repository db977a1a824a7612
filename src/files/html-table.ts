/**
 * HTML tables saved under an `.xls` name (生意参谋 and many back-ends download "Excel" files that
 * are a web page holding a `<table>`; Excel opens them silently). Each `<table>` becomes a table
 * of text: cells are `<td>` / `<th>`, `colspan` leaves blank cells after the text, `<br>` is a
 * line break, entities are decoded and other tags dropped. Recognised by content, not by name.
 */
import { GridBuilder, type SheetGrid } from './grid';
import { SHEETS_LIMITS, type ReadLimits } from './limits';

/** Whether decoded text is an HTML page or fragment holding a table. */
export function looksLikeHtmlTable(text: string): boolean {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (/^<(!doctype html|html)[\s>]/.test(head)) return true;
  return head.startsWith('<') && !head.startsWith('<?xml') && /<table[\s>]/i.test(text.slice(0, 1_000_000));
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const TOKEN = /<(\/?)(table|tr|td|th|br)\b([^>]*)>/gi;

/** Every `<table>` of the page, in order, named `base`, `base (2)` … */
export function parseHtmlTables(html: string, base: string, limits: ReadLimits = SHEETS_LIMITS): SheetGrid[] {
  const text = html.replace(/<!--[\s\S]*?-->|<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, '');
  const out: SheetGrid[] = [];
  let grid: GridBuilder | null = null;
  let row = -1;
  let col = 0;
  let cell: string | null = null;
  let span = 1;
  let last = 0;
  const closeCell = () => {
    if (cell !== null && grid) grid.put(row, col, decodeEntities(cell.replace(/<[^>]*>/g, '')).replace(/[ \t\r\n]+/g, ' ').replace(/ ?\u0000 ?/g, '\n').trim());
    if (cell !== null) col += span;
    cell = null;
  };
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    if (cell !== null) cell += text.slice(last, m.index);
    last = m.index + m[0].length;
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    if (tag === 'br') {
      if (cell !== null) cell += '\u0000'; // a line break, once the file's own whitespace is collapsed
    } else if (tag === 'table') {
      closeCell();
      if (!closing) {
        grid = new GridBuilder(limits);
        row = -1;
      } else if (grid) {
        out.push({ name: out.length ? `${base} (${out.length + 1})` : base, rows: grid.grid() });
        grid = null;
      }
    } else if (tag === 'tr') {
      closeCell();
      if (!closing) {
        row++;
        col = 0;
      }
    } else {
      closeCell();
      if (!closing) {
        cell = '';
        span = Math.max(1, Math.min(Number(/colspan\s*=\s*["']?(\d+)/i.exec(m[3]!)?.[1] ?? 1), 1000));
        if (row < 0) row = 0;
      }
    }
  }
  closeCell();
  if (grid) out.push({ name: out.length ? `${base} (${out.length + 1})` : base, rows: grid.grid() });
  return out;
}
