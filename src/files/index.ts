/**
 * Reading an export file (`.csv`, `.txt`, `.tsv`, `.xlsx`, `.xls`) into tables of text, in the
 * browser (sidebar import) and in Node (the `appraise` CLI). The format is told by the bytes, not
 * the name: a renamed file still reads, and an `.xls` may be a real Excel 97–2003 workbook, a web
 * page holding a table, or tab-separated text, as back-ends download all three under that name.
 */
import { UserError } from '../i18n';
import { looksLikeCfb } from './cfb';
import { parseCsv } from './csv';
import { decodeText } from './decode';
import type { SheetGrid } from './grid';
import { SHEETS_LIMITS, type ReadLimits } from './limits';
import { looksLikeHtmlTable, parseHtmlTables } from './html-table';
import { parseXls } from './xls';
import { parseXlsx } from './xlsx';
import { looksLikeZip } from './zip';

export { parseCsv, sniffDelimiter, stripBom, type Delimiter } from './csv';
export { decodeText } from './decode';
export { toRectangle, type SheetGrid } from './grid';
export { parseXlsx } from './xlsx';
export { parseXls } from './xls';
export { parseHtmlTables } from './html-table';
export { checkSize, IMPORT_LIMITS, MAX_IMPORT_CELLS, SHEETS_LIMITS, type ReadLimits } from './limits';
export { columnKinds, importedValue, type ColumnKind } from './cell-types';
export { sendImport, splitRows, type ImportTransport } from './import-parts';

/**
 * The tables of one file: one per worksheet for .xlsx, one (named after the file) for text.
 * Throws a `UserError` with a bilingual message for a file it cannot read, or as soon as a table
 * outgrows `limits` (the sidebar and the command line pass the import's: `IMPORT_LIMITS`).
 */
export async function readTableFile(fileName: string, bytes: Uint8Array, limits: ReadLimits = SHEETS_LIMITS): Promise<SheetGrid[]> {
  if (looksLikeZip(bytes)) return parseXlsx(bytes, limits);
  if (looksLikeCfb(bytes)) return parseXls(bytes, limits);
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || fileName;
  const text = decodeText(bytes);
  if (looksLikeHtmlTable(text)) return parseHtmlTables(text, base, limits);
  if (/^\s*<\?xml[^>]*>\s*(<\?[^>]*>\s*)*<Workbook\b/.test(text.slice(0, 2000))) {
    throw new UserError({
      zh: `「${fileName}」是 Excel 2003 XML 表格，暂不支持；请在 Excel 或 WPS 中另存为 .xlsx 后再导入。`,
      en: `"${fileName}" is an Excel 2003 XML spreadsheet, which is not supported; save it as .xlsx in Excel or WPS and import that.`,
    });
  }
  return [{ name: base, rows: parseCsv(text, undefined, limits) }];
}

/** The first table that has any rows (a workbook's first sheets are sometimes empty covers); null if none. */
export function firstNonEmpty(grids: readonly SheetGrid[]): SheetGrid | null {
  return grids.find((g) => g.rows.length > 0) ?? null;
}
