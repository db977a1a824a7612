/** A1 notation for the plan's formulas (1-based rows and columns). */

/** 1 → `A`, 26 → `Z`, 27 → `AA`. */
export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** `B7`, or `$B$7` when absolute. */
export function a1(row: number, column: number, absolute = false): string {
  const d = absolute ? '$' : '';
  return `${d}${columnLetter(column)}${d}${row}`;
}

/** `$B$7:$F$7` (absolute) or `B7:F7`. */
export function a1Range(row1: number, column1: number, row2: number, column2: number, absolute = false): string {
  return `${a1(row1, column1, absolute)}:${a1(row2, column2, absolute)}`;
}

/** A sheet name as formulas write it: `'考核 2026-10'` (quotes doubled inside). */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
