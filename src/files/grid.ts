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
