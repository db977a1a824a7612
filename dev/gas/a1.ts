/** A1 notation: column letters, cell and range references as Sheets writes and reads them. */

/** 1 → `A`, 27 → `AA`. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** `A` → 1, `aa` → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 1-based rectangle. */
export interface Rect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** `A1` for one cell, `A1:C5` otherwise. */
export function rectToA1({ row, column, numRows, numColumns }: Rect): string {
  const start = `${columnLetters(column)}${row}`;
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${columnLetters(column + numColumns - 1)}${row + numRows - 1}`;
}

/** A sheet name as it must appear in a reference: quoted unless it is a plain identifier. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export interface ParsedA1 {
  /** The sheet named before `!`, unquoted; undefined when none. */
  sheetName?: string;
  /** 1-based bounds; null where the reference is open (`A:B` has no rows, `2:3` no columns, `A5:B` no last row). */
  firstRow: number | null;
  lastRow: number | null;
  firstColumn: number | null;
  lastColumn: number | null;
}

const PART = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

/**
 * Parses `B5`, `A1:C3`, `A:C`, `2:4`, open-ended `A5:B` (to the last row) and `'考核 2026-10'!B5`; null when it is
 * none of these. The end of a range may leave out what its start has (it then runs to the sheet's edge), never
 * add what the start lacks.
 */
export function parseA1(text: string): ParsedA1 | null {
  let rest = text.trim();
  let sheetName: string | undefined;
  const bang = rest.lastIndexOf('!');
  if (bang >= 0) {
    const rawSheet = rest.slice(0, bang);
    sheetName = /^'.*'$/.test(rawSheet) ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
    rest = rest.slice(bang + 1);
  }
  const parts = rest.split(':');
  if (parts.length > 2) return null;
  const [start, end] = parts.map((part) => PART.exec(part));
  if (!start || (!start[1] && !start[2])) return null;
  const startColumn = start[1] ? columnNumber(start[1]) : null;
  const startRow = start[2] ? Number(start[2]) : null;
  let endColumn = startColumn;
  let endRow = startRow;
  if (parts.length === 1) {
    if (startColumn === null || startRow === null) return null;
  } else {
    if (!end || (!end[1] && !end[2]) || (end[1] && startColumn === null) || (end[2] && startRow === null)) return null;
    endColumn = end[1] ? columnNumber(end[1]) : null;
    endRow = end[2] ? Number(end[2]) : null;
  }
  if (startRow === 0 || endRow === 0) return null;
  const low = (a: number | null, b: number | null) => (a !== null && b !== null ? Math.min(a, b) : a);
  const high = (a: number | null, b: number | null) => (a !== null && b !== null ? Math.max(a, b) : b);
  const parsed: ParsedA1 = {
    firstRow: low(startRow, endRow),
    lastRow: high(startRow, endRow),
    firstColumn: low(startColumn, endColumn),
    lastColumn: high(startColumn, endColumn),
  };
  if (sheetName !== undefined) parsed.sheetName = sheetName;
  return parsed;
}
