/**
 * Sheets' own limits, checked while a file is read so that a file too large for a spreadsheet
 * is refused at once, before its grid is allocated or sent anywhere.
 */
import { UserError } from '../i18n';

/** A spreadsheet holds at most 10 million cells and 18,278 columns (`ZZZ`). */
export const SHEETS_MAX_CELLS = 10_000_000;
export const SHEETS_MAX_COLUMNS = 18_278;
/** The import's own cap: a month's export of a large shop stays well below it, and writing more would time out. */
export const MAX_IMPORT_CELLS = 2_000_000;

export interface ReadLimits {
  /** Cells of the rectangle from A1 to the last cell (rows × widest row). */
  maxCells: number;
  maxColumns: number;
}

/** What a spreadsheet can hold at all: the readers' default. */
export const SHEETS_LIMITS: ReadLimits = { maxCells: SHEETS_MAX_CELLS, maxColumns: SHEETS_MAX_COLUMNS };
/** What one import may write (the sidebar and the command line read files with these). */
export const IMPORT_LIMITS: ReadLimits = { maxCells: MAX_IMPORT_CELLS, maxColumns: SHEETS_MAX_COLUMNS };

/** Throws the user's message when a table of `rows` × `columns` would not fit; `atLeast` says the count is a lower bound. */
export function checkSize(rows: number, columns: number, limits: ReadLimits, atLeast = false): void {
  if (columns > limits.maxColumns) {
    throw new UserError({
      zh: `文件有${atLeast ? '至少 ' : ' '}${columns} 列，超过表格的上限 ${limits.maxColumns} 列，无法导入。请只导出需要的列。`,
      en: `The file has ${atLeast ? 'at least ' : ''}${columns} columns, more than a sheet's limit of ${limits.maxColumns}; it cannot be imported. Export only the columns you need.`,
    });
  }
  const cells = rows * columns;
  if (cells > limits.maxCells) {
    throw new UserError({
      zh: `文件有${atLeast ? '至少 ' : ' '}${cells} 个单元格（${rows} 行 × ${columns} 列），超过上限 ${limits.maxCells}，未导入任何内容。请按月或按店铺拆分后再导入。`,
      en: `The file has ${atLeast ? 'at least ' : ''}${cells} cells (${rows} rows × ${columns} columns), above the limit of ${limits.maxCells}; nothing was imported. Split it by month or by shop and import the parts.`,
    });
  }
}
