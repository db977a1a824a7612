/**
 * Reading an export file (`.csv`, `.txt`, `.tsv`, `.xlsx`) into tables of text, in the browser
 * (sidebar import) and in Node (the `appraise` CLI). The format is told by the bytes, not the
 * name: a renamed file still reads.
 */
import { UserError } from '../i18n';
import { parseCsv } from './csv';
import { decodeText } from './decode';
import type { SheetGrid } from './grid';
import { SHEETS_LIMITS, type ReadLimits } from './limits';
import { parseXlsx } from './xlsx';
import { looksLikeZip } from './zip';

export { parseCsv, sniffDelimiter, stripBom, type Delimiter } from './csv';
export { decodeText } from './decode';
export { toRectangle, type SheetGrid } from './grid';
export { parseXlsx } from './xlsx';
export { checkSize, IMPORT_LIMITS, MAX_IMPORT_CELLS, SHEETS_LIMITS, type ReadLimits } from './limits';
export { columnKinds, importedValue, type ColumnKind } from './cell-types';
export { sendImport, splitRows, type ImportTransport } from './import-parts';

/** The start of every legacy Office (OLE2) file, such as an Excel 97–2003 `.xls`. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * The tables of one file: one per worksheet for .xlsx, one (named after the file) for text.
 * Throws a `UserError` with a bilingual message for a file it cannot read, or as soon as a table
 * outgrows `limits` (the sidebar and the command line pass the import's: `IMPORT_LIMITS`).
 */
export async function readTableFile(fileName: string, bytes: Uint8Array, limits: ReadLimits = SHEETS_LIMITS): Promise<SheetGrid[]> {
  if (looksLikeZip(bytes)) return parseXlsx(bytes, limits);
  if (OLE2.every((b, i) => bytes[i] === b)) {
    throw new UserError({
      zh: `「${fileName}」是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 .csv 后再导入。`,
      en: `"${fileName}" is an old Excel (.xls) file; save it as .xlsx or .csv in Excel and import that.`,
    });
  }
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || fileName;
  return [{ name: base, rows: parseCsv(decodeText(bytes), undefined, limits) }];
}

/** The first table that has any rows (a workbook's first sheets are sometimes empty covers); null if none. */
export function firstNonEmpty(grids: readonly SheetGrid[]): SheetGrid | null {
  return grids.find((g) => g.rows.length > 0) ?? null;
}
