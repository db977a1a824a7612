/**
 * The 考核, 绩效单 and 趋势 tabs of the sample evaluate to the same values in LibreOffice as in
 * HyperFormula (the in-memory spreadsheet): every sheet's formulas and values are written to an .xlsx
 * (no cached results), LibreOffice headless computes them and exports every sheet as csv, and each cell
 * is compared with what HyperFormula gave. Two months, so the card's history and the trend read an
 * earlier tab; the card shows 大白, not the first agent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import XLSX from 'xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/appraisal';
import { parseCsv } from '../../src/files/csv';
import { decodeText } from '../../src/files/decode';
import { startRuntime } from '../../dev/local/appraise';

const SOFFICE = '/usr/bin/soffice';
const SHEETS = ['考核 2026-10', '考核 2026-11', '绩效单 2026-11', '趋势'];
const dir = mkdtempSync(join(tmpdir(), 'kk-lo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function buildSample() {
  const rt = startRuntime();
  const rows = parseCsv(decodeText(new Uint8Array(readFileSync(join(__dirname, '../../samples/qianniu-2026-11.csv')))));
  const october = rows.slice(2).filter((r) => /^2026-11/.test(String(r[0]))).map((r) => [String(r[0]).replace('2026-11', '2026-10'), ...r.slice(1)]);
  rt.fake.book.addSheet('数据', [...rows, ...october]);
  for (const month of ['2026-10', '2026-11']) expect(rt.ctx.kk_buildAppraisal!({ sheetName: '数据', month, template: PRESETS.mixed.template }).ok).toBe(true);
  expect(rt.ctx.kk_buildReports!({ month: '2026-11' }).ok).toBe(true);
  expect(rt.fake.book.typeAsUser('绩效单 2026-11', 2, 2, '大白').accepted).toBe(true);
  return rt;
}

/** LibreOffice's result of every sheet, by name (values as its csv export writes them). */
function evaluateInLibreOffice(book: Record<string, { formulas: string[][]; values: unknown[][] }>): Record<string, string[][]> {
  const wb = XLSX.utils.book_new();
  Object.values(book).forEach((sheet, i) => {
    const ws: XLSX.WorkSheet = {};
    let maxR = 0;
    let maxC = 0;
    sheet.values.forEach((row, r) => row.forEach((v, c) => {
      const f = sheet.formulas[r]?.[c];
      const ref = XLSX.utils.encode_cell({ r, c });
      if (f && f.startsWith('=')) ws[ref] = { t: 'n', f: f.slice(1) };
      else if (typeof v === 'number') ws[ref] = { t: 'n', v };
      else if (typeof v === 'boolean') ws[ref] = { t: 'b', v };
      else if (typeof v === 'string' && v !== '') ws[ref] = { t: 's', v };
      else return;
      maxR = Math.max(maxR, r);
      maxC = Math.max(maxC, c);
    }));
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: maxR, c: maxC } });
    XLSX.utils.book_append_sheet(wb, ws, `S${i}`);
  });
  // Sheet names stay as the formulas spell them: rename after the neutral S0… placeholders.
  wb.SheetNames = Object.keys(book);
  wb.Sheets = Object.fromEntries(Object.keys(book).map((name, i) => [name, wb.Sheets[`S${i}`]!]));
  const file = join(dir, 'book.xlsx');
  XLSX.writeFile(wb, file);
  // 44 comma, 34 quote, 76 UTF-8, from line 1, …, formatted as shown: false, all sheets (-1), one csv each
  execFileSync(SOFFICE, ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to',
    'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', dir, file], { stdio: 'pipe', timeout: 180_000 });
  const out: Record<string, string[][]> = {};
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.csv'))) {
    const name = f.replace(/^book-/, '').replace(/\.csv$/, '');
    out[name] = parseCsv(readFileSync(join(dir, f), 'utf8')).map((r) => r.map((c) => String(c ?? '')));
  }
  return out;
}

describe('the reports in LibreOffice and HyperFormula', () => {
  it('every cell of 考核 (two months), 绩效单 and 趋势 has the same value in both', () => {
    expect(existsSync(SOFFICE), `LibreOffice is needed: apt-get install -y libreoffice-calc-nogui`).toBe(true);
    const rt = buildSample();
    const book = Object.fromEntries(SHEETS.map((name) => [name, { formulas: rt.fake.book.formulas(name), values: rt.fake.book.values(name) }]));
    const lo = evaluateInLibreOffice(book);
    expect(Object.keys(lo).sort()).toEqual([...SHEETS].sort());
    let compared = 0;
    const differences: string[] = [];
    for (const name of SHEETS) {
      const hf = book[name]!.values;
      hf.forEach((row, r) => row.forEach((v, c) => {
        if (!book[name]!.formulas[r]?.[c]?.startsWith('=')) return;
        const got = lo[name]![r]?.[c] ?? '';
        compared++;
        const same = typeof v === 'number'
          ? Math.abs(Number(got) - v) <= 1e-9 * Math.max(1, Math.abs(v))
          : typeof v === 'boolean' ? got === (v ? 'TRUE' : 'FALSE') : got === String(v ?? '');
        if (!same) differences.push(`${name}!${XLSX.utils.encode_cell({ r, c })}: HyperFormula ${JSON.stringify(v)}, LibreOffice ${JSON.stringify(got)}`);
      }));
    }
    expect(differences).toEqual([]);
    expect(compared).toBeGreaterThan(400); // 456 formula cells in the four tabs
    // the card really shows 大白 in both (60.79 by hand, see test/browser/report-card.test.ts)
    expect(Number(lo['绩效单 2026-11']![1]![4])).toBeCloseTo(60.79, 2);
  }, 240_000);
});
