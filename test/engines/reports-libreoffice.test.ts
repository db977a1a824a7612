/**
 * The 考核, 绩效单 and 趋势 tabs of the sample evaluate to the same values in LibreOffice as in
 * HyperFormula (the in-memory spreadsheet), through engines' harness (`libreoffice.ts`): two months,
 * so the card's history and the trend read an earlier tab, and the card shows 大白, not the first agent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnLetter } from '../../src/appraisal/a1';
import { PRESETS } from '../../src/appraisal';
import { parseCsv } from '../../src/files/csv';
import { decodeText } from '../../src/files/decode';
import { startRuntime } from '../../dev/local/appraise';
import { LibreOffice, type LoValue } from './libreoffice';

const SHEETS = ['考核 2026-10', '考核 2026-11', '绩效单 2026-11', '趋势'];
let lo: LibreOffice | undefined;

beforeAll(() => {
  lo = LibreOffice.start();
}, 600_000);
afterAll(async () => {
  await lo?.close();
});

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

const blank = (v: unknown) => v === null || v === undefined || v === '';
const shown = (v: LoValue | undefined) => (typeof v === 'object' ? `#LO-ERR:${v.error}` : v);

describe('the reports in LibreOffice and HyperFormula', () => {
  it('every formula cell of 考核 (two months), 绩效单 and 趋势 has the same value in both', async () => {
    const rt = buildSample();
    const sheets = SHEETS.map((name) => ({ name, formulas: rt.fake.book.formulas(name), values: rt.fake.book.values(name) }));
    const evaluated = await lo!.evaluate(sheets);
    let compared = 0;
    const differences: string[] = [];
    for (const { name, formulas, values } of sheets) {
      formulas.forEach((row, r) => row.forEach((formula, c) => {
        if (!formula.startsWith('=')) return;
        compared++;
        const [h, l] = [values[r]?.[c], shown(evaluated[name]?.[r]?.[c])];
        // LibreOffice hands a logical result over UNO as 1 / 0 (a number formatted as boolean)
        const same = typeof h === 'boolean' && typeof l === 'number'
          ? h === (l !== 0)
          : typeof h === 'number' && typeof l === 'number'
            ? Math.abs(h - l) <= 1e-9 * Math.max(1, Math.abs(h))
            : (blank(h) && blank(l)) || h === l;
        if (!same) differences.push(`${name}!${columnLetter(c + 1)}${r + 1}: HyperFormula ${JSON.stringify(h)}, LibreOffice ${JSON.stringify(l)} — ${formula}`);
      }));
    }
    expect(differences).toEqual([]);
    expect(compared).toBeGreaterThan(400);
    // the card really shows 大白 in both (60.79 by hand, see test/browser/report-card.test.ts)
    expect(evaluated['绩效单 2026-11']![1]![4]).toBeCloseTo(60.79, 2);
  }, 300_000);
});
