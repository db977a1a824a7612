/**
 * Writing an imported file into a new tab, as the file says it (`src/files/cell-types.ts`):
 * numbers as numbers, ids as text, date columns as dates, formula-like text as text.
 * A large file arrives in parts (each well under `google.script.run`'s payload limit): the first
 * creates the tab and marks it pending, the others append in order, the last clears the mark.
 * A part that fails removes the tab, and `discardImport` removes a pending tab the sidebar gave
 * up on, so a failed import never leaves half a file behind.
 */
import { COLUMN_KINDS, DATE_FORMATS, importedValue, type ColumnKind } from '../files/cell-types';
import { MAX_IMPORT_CELLS, SHEETS_MAX_COLUMNS } from '../files/limits';
import { UserError } from '../i18n';
import type { ImportPart, ImportReply } from './api';
import { fitSheet, NEW_TAB_SIZE, UNKNOWN_SIZE } from './fit-sheet';
import { requireObject, requireSheetName } from './validate';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Developer metadata on a tab whose import has not received its last part yet. */
export const IMPORT_PENDING_KEY = 'kefu_kpi_import_pending';

const bad = (zh: string, en: string) => new UserError({ zh, en });

/** A name for an imported data tab that is free and within Sheets' limits. */
export function importTabName(fileName: string, taken: readonly string[]): string {
  const base = `数据 ${fileName.replace(/\.[^.]+$/, '').replace(/[[\]*?:/\\']/g, ' ').trim() || '导入'}`.slice(0, 90);
  let name = base;
  for (let i = 2; taken.includes(name); i++) name = `${base} (${i})`;
  return name;
}

export function optionalColumnKinds(x: unknown): ColumnKind[] {
  if (x === undefined || x === null) return [];
  if (!Array.isArray(x) || x.length > SHEETS_MAX_COLUMNS || !x.every((k) => COLUMN_KINDS.includes(k as ColumnKind))) {
    throw bad('导入请求中的列类型无效。请刷新侧边栏后重试。', 'Invalid column kinds in the import request. Reload the sidebar and try again.');
  }
  return x as ColumnKind[];
}

export function optionalPart(x: unknown): ImportPart | null {
  if (x === undefined || x === null) return null;
  const p = requireObject(x, 'part');
  const sheetName = p.sheetName === null ? null : requireSheetName(p.sheetName, 'part.sheetName');
  const ok = Number.isInteger(p.startRow) && (p.startRow as number) >= 1 && typeof p.last === 'boolean'
    && Number.isInteger(p.totalCells) && (p.totalCells as number) >= 0 && (sheetName === null) === (p.startRow === 1);
  if (!ok) throw bad('导入请求的分段信息无效。请刷新侧边栏后重试。', 'Invalid part in the import request. Reload the sidebar and try again.');
  return { sheetName, startRow: p.startRow as number, last: p.last as boolean, totalCells: p.totalCells as number };
}

function tooLarge(cells: number): UserError {
  return bad(
    `文件太大（${cells} 个单元格，上限 ${MAX_IMPORT_CELLS}），未导入任何内容。请按月或按店铺拆分后导入。`,
    `The file is too large (${cells} cells, limit ${MAX_IMPORT_CELLS}); nothing was imported. Split it by month or by shop.`,
  );
}

function pendingMark(sheet: Sheet): GoogleAppsScript.Spreadsheet.DeveloperMetadata | null {
  for (const md of sheet.getDeveloperMetadata()) if (md.getKey() === IMPORT_PENDING_KEY) return md;
  return null;
}

/** The rows as the cells to write, each row padded to `width`. */
function cellsOf(rows: readonly (readonly (string | number | null)[])[], kinds: readonly ColumnKind[], width: number): (string | number)[][] {
  return rows.map((row) => Array.from({ length: width }, (_, i) => importedValue(row[i], kinds[i] ?? 'auto')));
}

/** Writes one part (or a whole small file) and answers the tab and how many rows it now holds. */
export function importRows(
  fileName: string,
  rows: (string | number | null)[][],
  kinds: readonly ColumnKind[],
  part: ImportPart | null,
): ImportReply {
  const width = rows.reduce((w, row) => Math.max(w, row.length), 0);
  const ss = SpreadsheetApp.getActive();
  const startRow = part?.startRow ?? 1;
  let sheet: Sheet;
  let created = false;
  if (!part || part.sheetName === null) {
    const total = Math.max(part?.totalCells ?? 0, rows.length * width);
    if (total > MAX_IMPORT_CELLS) throw tooLarge(total);
    sheet = ss.insertSheet(importTabName(fileName, ss.getSheets().map((s) => s.getName())));
    created = true;
  } else {
    const found = ss.getSheetByName(part.sheetName);
    if (!found || !pendingMark(found)) {
      throw bad(`导入中断：找不到正在导入的工作表「${part.sheetName}」。请重新导入文件。`, `The import was interrupted: the tab "${part.sheetName}" being imported is gone. Import the file again.`);
    }
    sheet = found;
  }
  try {
    if (!created && sheet.getLastRow() !== startRow - 1) {
      throw bad('导入中断：分段顺序不对，未完成的工作表已删除。请重新导入文件。', 'The import was interrupted: its parts arrived out of order, and the unfinished tab was removed. Import the file again.');
    }
    // A new tab is 1,000 × 26; a later part appends below the last row, so its size is read.
    fitSheet(sheet, startRow - 1 + rows.length, width, created ? NEW_TAB_SIZE : { ...UNKNOWN_SIZE, rows: startRow - 1 });
    // Date columns get their format first, so the serial numbers written show (and read back) as dates.
    kinds.forEach((kind, c) => {
      if (kind !== 'auto' && c < width) sheet.getRange(startRow, c + 1, rows.length, 1).setNumberFormat(DATE_FORMATS[kind]);
    });
    sheet.getRange(startRow, 1, rows.length, width).setValues(cellsOf(rows, kinds, width));
    if (part && !part.last && created) sheet.addDeveloperMetadata(IMPORT_PENDING_KEY);
    if (part?.last && !created) pendingMark(sheet)?.remove();
    if (!part || part.last) sheet.activate();
  } catch (e) {
    ss.deleteSheet(sheet);
    throw e;
  }
  return { sheetName: sheet.getName(), rows: startRow - 1 + rows.length, columns: width };
}

/** Removes a tab whose import never received its last part; any other tab is left alone. */
export function discardImport(sheetName: string): { removed: boolean } {
  const ss = SpreadsheetApp.getActive();
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet || !pendingMark(sheet)) return { removed: false };
  ss.deleteSheet(sheet);
  return { removed: true };
}
