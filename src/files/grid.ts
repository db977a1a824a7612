import { checkSize, type ReadLimits } from './limits';

/** A table read from a file: a sheet's (or a CSV's) name and its rows of cell text. */
export interface SheetGrid {
  name: string;
  /** A rectangle: every row has the same length; empty cells are `""`. */
  rows: string[][];
}

/** Pads every row with `""` to the width of the widest row (in place) and returns the rows. */
export function toRectangle(rows: string[][]): string[][] {
  let width = 0;
  for (const r of rows) if (r.length > width) width = r.length;
  for (const r of rows) while (r.length < width) r.push('');
  return rows;
}

/**
 * Cells placed at (row, column) as a file lists them, into a rectangle of text. Each placement is
 * checked against `limits` first, so a reference far outside the grid (`XFD1048000`) is refused
 * before a single row is allocated for it.
 */
export class GridBuilder {
  private readonly rows: string[][] = [];
  private width = 0;
  constructor(private readonly limits: ReadLimits) {}

  put(row: number, column: number, value: string): void {
    if (value === '' || row < 0 || column < 0) return;
    if (column + 1 > this.width) this.width = column + 1;
    const height = Math.max(row + 1, this.rows.length);
    if (this.width > this.limits.maxColumns || height * this.width > this.limits.maxCells) checkSize(height, this.width, this.limits, true);
    while (this.rows.length <= row) this.rows.push([]);
    const cells = this.rows[row]!;
    while (cells.length < column) cells.push('');
    cells[column] = value;
  }

  /** The rectangle (trailing empty rows never exist: rows are only added for a cell). */
  grid(): string[][] {
    return toRectangle(this.rows);
  }
}
