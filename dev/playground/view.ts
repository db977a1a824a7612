/** What the playground's grid page receives: every tab of the in-memory spreadsheet, as display text. */
export interface SheetView {
  name: string;
  /** Display text of every cell (evaluated values under their number formats). */
  cells: string[][];
  /** Per cell: right-aligned (a number), bold, background colour, note. */
  numeric: boolean[][];
  bold: boolean[][];
  backgrounds: (string | null)[][];
  notes: string[][];
  /** Per cell: the text wraps inside the cell (the row grows); otherwise it overflows or is clipped, as in Sheets. */
  wraps: boolean[][];
  /** Width in pixels of each column (Sheets' 100 where nobody set one). */
  columnWidths: number[];
  /** Whether cells can be typed into (every tab, as in Sheets). */
  editable: boolean;
  /** Rows hidden (1-based), not drawn, as Sheets hides them. */
  hiddenRows: number[];
  /** Rows and columns frozen from the top left: they stay in view while the grid scrolls. */
  frozenRows: number;
  frozenColumns: number;
}

export interface BookView {
  active: string;
  sheets: SheetView[];
}

/** A cell typed in the grid, as a user would type it in Sheets. */
export interface TypedCell {
  sheet: string;
  /** 1-based. */
  row: number;
  column: number;
  text: string;
}
