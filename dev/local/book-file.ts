/**
 * `npm run appraise -- --book FILE`: the command's spreadsheet kept between runs, so a month's tab
 * built by one run is the existing tab of the next (manual scores, its tag, the template it was
 * built with). Only the 考核 tabs are kept; the data tab comes from `--data` each time.
 * The file is JSON: each tab's cells as a user would type them back (formulas as `=…`, text with
 * a leading `'`), its developer metadata, and the document properties.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Runtime } from './appraise';

const APPRAISAL_TAB = /^考核 \d{4}-\d{2}$/;

interface BookFile {
  version: 1;
  sheets: { name: string; cells: (string | number | boolean | null)[][]; metadata: { key: string; value: string | null }[] }[];
  documentProperties: Record<string, string>;
}

/** Loads a saved book into a fresh runtime (before the build's calls are counted). */
export function loadBookFile(rt: Runtime, path: string): void {
  if (!existsSync(path)) return;
  let file: BookFile;
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as BookFile;
    if (file.version !== 1 || !Array.isArray(file.sheets)) throw new Error('not a book file');
  } catch (e) {
    throw new Error(`--book ${path}: 不是本命令保存的表格文件 · not a book file saved by this command (${(e as Error).message})`);
  }
  const ss = (rt.fake.globals as unknown as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp }).SpreadsheetApp.getActive();
  for (const sheet of file.sheets) {
    if (!APPRAISAL_TAB.test(sheet.name) || rt.fake.book.sheetNames().includes(sheet.name)) continue;
    rt.fake.book.addSheet(sheet.name, sheet.cells);
    for (const md of sheet.metadata) ss.getSheetByName(sheet.name)!.addDeveloperMetadata(md.key, md.value ?? '');
  }
  for (const [k, v] of Object.entries(file.documentProperties ?? {})) rt.fake.book.properties.document.set(k, v);
}

/** Saves the 考核 tabs and the document properties. */
export function saveBookFile(rt: Runtime, path: string): void {
  const { book } = rt.fake;
  const sheets = book.sheetNames().filter((name) => APPRAISAL_TAB.test(name)).map((name) => {
    const formulas = book.formulas(name);
    const cells = book.values(name).map((row, r) => row.map((v, c) => {
      const formula = formulas[r]?.[c];
      if (formula) return formula;
      if (typeof v === 'string') return v === '' ? null : `'${v}`;
      if (Object.prototype.toString.call(v) === '[object Date]') return (v as unknown as Date).toISOString();
      return v as number | boolean | null;
    }));
    return { name, cells, metadata: book.metadata(name).map((m) => ({ key: m.key, value: m.value })) };
  });
  const file: BookFile = { version: 1, sheets, documentProperties: book.properties.document.all() };
  writeFileSync(path, JSON.stringify(file));
}
