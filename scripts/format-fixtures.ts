/**
 * Writes the format fixtures: the same kind of export in each shape back-ends download as `.xls`,
 * so the readers are tested on files written by real spreadsheet programs, not by our own code.
 *
 * - `samples/chitu-2026-11.xls`    the 赤兔 export of `generate-sources.ts` as a real BIFF8 workbook (LibreOffice's "MS Excel 97")
 * - `samples/sycm-2026-11.xls`     the 生意参谋 export as an HTML table saved as .xls, GBK, title row spanning the columns
 * - `samples/formats-2026-11.xls`  BIFF8 (LibreOffice) with every kind of cell the reader must keep: dates, a date-time,
 *                                  durations, ids with leading zeros, negative and decimal numbers, formulas with number,
 *                                  text and boolean results, a text longer than one BIFF record (SST + CONTINUE), two sheets
 * - `samples/feige-2026-11-tab.xls` the 飞鸽 export as tab-separated UTF-16 text saved as .xls (Excel's "Unicode text")
 *
 *   npx tsx scripts/format-fixtures.ts      # needs LibreOffice (`soffice`), as .ci/run installs it
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import cptable from 'xlsx/dist/cpexcel.js';
import { chituXlsx, FEIGE, SYCM } from '../samples/generate-sources';

const SAMPLES = new URL('../samples/', import.meta.url);

/** A text longer than one 8,224-byte BIFF record in UTF-16, so the shared strings continue. */
export const LONG_NOTE = '长备注'.repeat(1500);

/** The edge cases; dates and durations as serial numbers with their formats (`z`), ids as text (`t: 's'`). */
export function formatsWorkbook(): Uint8Array {
  const date = (serial: number, z = 'yyyy-mm-dd') => ({ t: 'n', v: serial, z });
  const sheet: XLSX.WorkSheet = XLSX.utils.aoa_to_sheet([
    ['日期', '客服', '工号', '询单人数', '付款人数', '调整', '平均响应时长', '最后在线', '转化率', '标签', '达标', '备注'],
    // 46327 = 2026-11-01; 35 s = 35/86400 day; 46327.75 = 2026-11-01 18:00
    [date(46327), '小美', '00123', 100, 40, -12.5, date(35 / 86_400, '[h]:mm:ss'), date(46327.75, 'yyyy-mm-dd hh:mm:ss'),
      { t: 'n', f: 'E2/D2', v: 0.4 }, { t: 's', f: 'B2&"-"&C2', v: '小美-00123' }, { t: 'b', f: 'E2>30', v: true }, LONG_NOTE],
    [date(46328), '阿杰', '0123', 80, 20, 1234.56, date(65 / 86_400, '[h]:mm:ss'), date(46328.5, 'yyyy-mm-dd hh:mm:ss'),
      { t: 'n', f: 'E3/D3', v: 0.25 }, { t: 's', f: 'B3&"-"&C3', v: '阿杰-0123' }, { t: 'b', f: 'E3>30', v: false }, '=HYPERLINK("http://x")'],
  ]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '十一月');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['第二个表'], [1]]), '说明');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** 生意参谋 as a web page: `<meta charset=gbk>`, the title line as one cell spanning the header's width. */
export function sycmHtml(): Uint8Array {
  const width = Math.max(...SYCM.map((r) => r.length));
  const rows = SYCM.map((r) => r.length === 1
    ? `<tr><td colspan="${width}"><b>${escapeHtml(String(r[0]))}</b></td></tr>`
    : `<tr>${r.map((c) => `<td style="mso-number-format:'\\@'">${escapeHtml(String(c))}</td>`).join('')}</tr>`);
  const html = `<html xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n<head><meta http-equiv="Content-Type" content="text/html; charset=gbk">`
    + `<style>td { font-size: 12px; }</style></head>\r\n<body><table border="1">\r\n${rows.join('\r\n')}\r\n</table></body></html>\r\n`;
  return new Uint8Array((cptable as { utils: { encode: (cp: number, s: string) => number[] } }).utils.encode(936, html));
}

/** 飞鸽 as Excel's "Unicode text": UTF-16LE with a byte-order mark, tab-separated. */
export function feigeTabText(): Uint8Array {
  const text = `\ufeff${FEIGE.map((r) => r.join('\t')).join('\r\n')}\r\n`;
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[2 * i] = text.charCodeAt(i) & 0xff;
    out[2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
}

/** The .xlsx files converted to BIFF8 by LibreOffice, in one run of `soffice`. */
function toBiff8(files: Record<string, Uint8Array>): Record<string, Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'kk-fixtures-'));
  try {
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, `${name}.xlsx`), bytes);
    execFileSync('soffice', ['--headless', '--convert-to', 'xls', '--outdir', dir, ...Object.keys(files).map((n) => join(dir, `${n}.xlsx`))], {
      stdio: 'ignore', timeout: 180_000, env: { ...process.env, HOME: dir },
    });
    return Object.fromEntries(Object.keys(files).map((n) => [n, new Uint8Array(readFileSync(join(dir, `${n}.xls`)))]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const isMain = process.argv[1] !== undefined && /format-fixtures\.ts$/.test(process.argv[1]);
if (isMain) {
  const biff8 = toBiff8({ 'chitu-2026-11': chituXlsx(), 'formats-2026-11': formatsWorkbook() });
  for (const [name, bytes] of Object.entries(biff8)) writeFileSync(new URL(`${name}.xls`, SAMPLES), bytes);
  writeFileSync(new URL('sycm-2026-11.xls', SAMPLES), sycmHtml());
  writeFileSync(new URL('feige-2026-11-tab.xls', SAMPLES), feigeTabText());
}
