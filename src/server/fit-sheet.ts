/**
 * Sizing a tab before writing to it. Sheets never grows a tab when a script writes past its last row
 * or column: `getRange` itself throws "The coordinates of the range are outside the dimensions of the
 * sheet." So every write path first makes the tab big enough, with as few calls as it can: a tab just
 * inserted is known to be 1,000 × 26 (no read), a grid just read proves a lower bound (no read while
 * the write stays inside it), and only otherwise are `getMaxRows`/`getMaxColumns` read, once each.
 * A new appraisal tab is cut to what it holds instead (`sizeNewTab`).
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

/** At least what a read of the whole tab (`readGrid`: every row and column with data) just returned covers. */
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

/**
 * Rows left below a new appraisal tab's table. Sheets counts every cell of every tab, empty or not,
 * against a file's 10,000,000 (limits.ts), so a tab is not left at the 1,000 rows `insertSheet` gives
 * it: a 60-column table of 30 agents would carry more than 55,000 empty cells, month after month. The
 * margin is room for the manager's own lines under the table, for a chart taller than a short table
 * (about 18 rows of the default height), and for a rebuild with a few more agents without growing the
 * tab (a rebuild that needs more grows it: fitSheet).
 */
export const SPARE_ROWS = 50;

/**
 * Sizes a tab just inserted (1,000 × 26) to hold a range ending at row `rows` and column `columns`:
 * exactly `rows + SPARE_ROWS` rows, whatever the number of agents (rows deleted or inserted at the
 * end: one call, none when it is already so), and at least `columns` columns (only ever grown: the
 * chart sits right of the table). Rows are cut before columns are added, so the tab never passes
 * through a larger size than either end. Answers the size now known exactly.
 */
export function sizeNewTab(sheet: Sheet, rows: number, columns: number): KnownSize {
  const target = rows + SPARE_ROWS;
  const have = NEW_TAB_SIZE.rows;
  if (target < have) sheet.deleteRows(target + 1, have - target);
  return fitSheet(sheet, target, columns, { ...NEW_TAB_SIZE, rows: Math.min(have, target) });
}
