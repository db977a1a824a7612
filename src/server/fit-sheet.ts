/**
 * Sizing a tab before writing to it. Sheets never grows a tab when a script writes past its last row
 * or column: `getRange` itself throws "The coordinates of the range are outside the dimensions of the
 * sheet." So every write path first makes the tab big enough, with as few calls as it can: a tab just
 * inserted is known to be 1,000 × 26 (no read), a grid just read proves a lower bound (no read while
 * the write stays inside it), and only otherwise are `getMaxRows`/`getMaxColumns` read, once each.
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What we know of a tab's size without asking: at least `rows` × `columns`, or exactly that when `exact`. */
export interface KnownSize {
  rows: number;
  columns: number;
  exact: boolean;
}

/** `insertSheet(name)` makes a tab of 1,000 rows and 26 columns (A–Z). */
export const NEW_TAB_SIZE: Readonly<KnownSize> = { rows: 1000, columns: 26, exact: true };

/** Nothing known: the size is read if anything is to be written. */
export const UNKNOWN_SIZE: Readonly<KnownSize> = { rows: 0, columns: 0, exact: false };

/** At least what a `getDataRange().getValues()` just returned covers. */
export function sizeOfGrid(grid: readonly (readonly unknown[])[]): KnownSize {
  return { rows: grid.length, columns: grid[0]?.length ?? 0, exact: false };
}

/**
 * Grows `sheet` (rows and columns added at the end) until a range ending at row `rows` and column
 * `columns` fits, and answers the size now known, to pass to a later call for the same tab.
 */
export function fitSheet(sheet: Sheet, rows: number, columns: number, known: KnownSize = UNKNOWN_SIZE): KnownSize {
  let size = { ...known };
  if (rows > size.rows) {
    const have = size.exact ? size.rows : sheet.getMaxRows();
    if (rows > have) sheet.insertRowsAfter(have, rows - have);
    size = { ...size, rows: Math.max(rows, have) };
  }
  if (columns > size.columns) {
    const have = size.exact ? size.columns : sheet.getMaxColumns();
    if (columns > have) sheet.insertColumnsAfter(have, columns - have);
    size = { ...size, columns: Math.max(columns, have) };
  }
  return size;
}
