/**
 * `npm run bench`, file reading (issue #10): how long the sidebar's readers take on a 5 MB
 * `.xls` and a 20 MB `.csv` beside the same rows as `.xlsx`, how early a file over the import cap
 * is refused, how many `google.script.run` calls a capped import takes, and what the `.xls`
 * reader adds to the sidebar against SheetJS, the library that would otherwise read BIFF8.
 * The files are generated here, never committed.
 */
import { build } from 'esbuild';
import { readFileSync, statSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import * as XLSX from 'xlsx';
import { IMPORT_LIMITS, readTableFile, SHEETS_LIMITS, splitRows } from '../src/files';
import { best, bestAsync } from './timing';

type Row = (string | number)[];



/** A per-day export row: date, agent, eight counts and a rate as text (10 cells). */
const exportRow = (i: number): Row => [
  `2026-11-${String(1 + (i % 30)).padStart(2, '0')}`, `旗舰店:客服${i % 500}`, 100 + (i % 97), 90 + (i % 89), i % 60, i % 30,
  1000 + (i % 9000), 15 + (i % 40), i % 7, i % 3, `${(i % 100).toFixed(2)}%`,
];
const HEADER: Row = ['日期', '客服昵称', '咨询人数', '接待人数', '询单人数', '询单->最终付款人数', '销售额(元)', '平均响应时长(秒)', '退货数', '投诉笔数', '回复率'];

/** Rows until the file would reach `bytes`, at about `perCell` bytes a cell. */
function rowsUpTo(bytes: number, perCell: number): Row[] {
  const rows: Row[] = [HEADER];
  for (let i = 0; rows.length * HEADER.length * perCell < bytes; i++) rows.push(exportRow(i));
  return rows;
}

function csv(rows: Row[]): Uint8Array {
  return new TextEncoder().encode(rows.map((r) => r.join(',')).join('\r\n'));
}

/** A minimal .xlsx (shared strings, deflated): SheetJS would take minutes and gigabytes for 4 million cells. */
function xlsx(rows: Row[]): Uint8Array {
  const esc = (x: string) => x.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const shared = new Map<string, number>();
  const index = (x: string) => shared.get(x) ?? (shared.set(x, shared.size), shared.size - 1);
  const body = rows.map((r, i) => `<row r="${i + 1}">${r.map((c) => (typeof c === 'number' ? `<c><v>${c}</v></c>` : `<c t="s"><v>${index(c)}</v></c>`)).join('')}</row>`);
  return zip({
    'xl/workbook.xml': '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels': '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/sharedStrings.xml': `<sst>${[...shared.keys()].map((x) => `<si><t>${esc(x)}</t></si>`).join('')}</sst>`,
    'xl/worksheets/sheet1.xml': ['<worksheet><sheetData>', ...body, '</sheetData></worksheet>'],
  });
}

function zip(files: Record<string, string | string[]>): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const n = Buffer.from(name);
    const raw = Array.isArray(text) ? Buffer.concat(text.map((t) => Buffer.from(t))) : Buffer.from(text);
    const data = deflateRawSync(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(n.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(raw.length, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt32LE(offset, 42);
    parts.push(local, n, data);
    central.push(c, n);
    offset += 30 + n.length + data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, dir, end]));
}

function sheetjs(rows: Row[], bookType: 'biff8' | 'xlsx'): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'S');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType, compression: bookType === 'xlsx' }) as ArrayBuffer);
}

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
const cellsOf = (rows: Row[]) => rows.length * HEADER.length;

async function refusedAfter(name: string, bytes: Uint8Array): Promise<string> {
  const t0 = performance.now();
  try {
    await readTableFile(name, bytes, IMPORT_LIMITS);
    return 'read (under the cap)';
  } catch {
    return `refused after ${(performance.now() - t0).toFixed(0)} ms`;
  }
}

export async function readingTable(): Promise<string[][]> {
  const out: string[][] = [];
  const small = rowsUpTo(5e6, 19); // BIFF8: about 19 bytes per cell in SheetJS's writer
  const files: [string, Row[], Uint8Array][] = [
    ['.xls (BIFF8, SheetJS writer)', small, sheetjs(small, 'biff8')],
    ['.xlsx, the same rows', small, sheetjs(small, 'xlsx')],
  ];
  const big = rowsUpTo(20e6, 5.2);
  files.push(['.csv', big, csv(big)], ['.xlsx, the same rows', big, xlsx(big)]);
  for (const [kind, rows, bytes] of files) {
    const name = `bench${kind.startsWith('.csv') ? '.csv' : kind.startsWith('.xls ') ? '.xls' : '.xlsx'}`;
    const ms = await bestAsync(2, () => readTableFile(name, bytes, SHEETS_LIMITS));
    out.push([kind, mb(bytes.length), cellsOf(rows).toLocaleString('en-US'), `${ms.toFixed(0)} ms`, await refusedAfter(name, bytes)]);
  }
  return out;
}

/** The largest import allowed (2,000,000 cells) cut into `google.script.run` parts. */
export function partsTable(): string[][] {
  const rows: Row[] = [HEADER, ...Array.from({ length: Math.floor(IMPORT_LIMITS.maxCells / HEADER.length) - 1 }, (_, i) => exportRow(i))];
  let parts: Row[][] = [];
  const ms = best(3, () => { parts = splitRows(rows); });
  const sizes = parts.map((p) => Buffer.byteLength(JSON.stringify(p)));
  return [[cellsOf(rows).toLocaleString('en-US'), mb(Buffer.byteLength(JSON.stringify(rows))), String(parts.length), mb(Math.max(...sizes)), `${ms.toFixed(0)} ms`]];
}

/** Minified size and evaluation time of a bundle of `entry`, or of a prebuilt file. */
async function codeCost(entryOrFile: string): Promise<[string, string]> {
  const code = entryOrFile.endsWith('.js')
    ? readFileSync(entryOrFile, 'utf8')
    : (await build({ entryPoints: [entryOrFile], bundle: true, format: 'iife', globalName: 'R', platform: 'browser', target: 'es2019', minify: true, legalComments: 'none', charset: 'utf8', write: false })).outputFiles[0]!.text;
  const ms = best(5, () => new Function(code)());
  return [`${(Buffer.byteLength(code) / 1024).toFixed(1)} KiB`, `${ms.toFixed(1)} ms`];
}

export async function readerCostTable(distSidebar: string): Promise<string[][]> {
  return [
    ['dist/sidebar.html (all of it, with the .xls reader)', `${(statSync(distSidebar).size / 1024).toFixed(1)} KiB`, '—'],
    ['our .xls reader alone (cfb.ts + xls.ts + dates.ts + html-table.ts, minified)', ...(await codeCost('scripts/bench-xls-entry.ts'))],
    ['every file reader (src/files, minified)', ...(await codeCost('src/files/index.ts'))],
    ['SheetJS 0.18.5 xlsx.mini.min.js (reads BIFF8)', ...(await codeCost('node_modules/xlsx/dist/xlsx.mini.min.js'))],
    ['SheetJS 0.18.5 xlsx.full.min.js', ...(await codeCost('node_modules/xlsx/dist/xlsx.full.min.js'))],
  ];
}
