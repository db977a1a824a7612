import { describe, expect, test } from 'vitest';
import { inputsFromRows } from '../../src/appraisal/manual-inputs';
import { isValidManual, issueMessages, manualIssues, scoresOutOfRangeAfter } from '../../src/appraisal/manual-check';
import { FormulaMapper, runsOf } from '../../src/appraisal/remap';
import type { Template } from '../../src/appraisal/template';
import { DEFAULT_GRADES } from '../../src/metrics/scoring';

const templateWith = (maxima: Record<string, number>): Template => ({
  version: 1, name: 't', grades: DEFAULT_GRADES.map((g) => ({ ...g })),
  items: [
    { metric: 'INQUIRY_CONVERSION', weight: 100 - 10 * Object.keys(maxima).length, floor: 0.3, target: 0.5, method: 'linear' },
    ...Object.entries(maxima).map(([manual, max]) => ({ manual, weight: 10, max })),
  ],
});

describe('manual scores within 0 … max', () => {
  test('a number from 0 to max counts; text, below 0, above max or not finite does not; blank is not an error', () => {
    expect([0, 5, 10].map((v) => isValidManual(v, 10))).toEqual([true, true, true]);
    expect([-1, 10.01, Infinity, NaN, '9分', '9'].map((v) => isValidManual(v as number, 10))).toEqual([false, false, false, false, false, false]);
    expect(isValidManual(undefined, 10)).toBe(true);
  });

  test('per agent, in the order given: blank items, and typed values that do not count', () => {
    const inputs = inputsFromRows([['小美', '工作态度', 9], ['小美', '专业能力', 12], ['阿杰', '工作态度', '优秀'], ['晓雯', '工作态度', 10], ['晓雯', '专业能力', 0]]);
    expect(manualIssues(templateWith({ 工作态度: 10, 专业能力: 10 }), ['小美', '阿杰', '晓雯', '大白'], inputs)).toEqual([
      { agent: '小美', blank: [], invalid: [{ item: '专业能力', value: 12, max: 10 }] },
      { agent: '阿杰', blank: ['专业能力'], invalid: [{ item: '工作态度', value: '优秀', max: 10 }] },
      // 晓雯: 10 and 0 are both in range: not listed.
      { agent: '大白', blank: ['工作态度', '专业能力'], invalid: [] },
    ]);
  });

  test('one line per agent in both languages; invalid only when asked', () => {
    const issues = [
      { agent: '小美', blank: ['专业能力'], invalid: [{ item: '工作态度', value: 12, max: 10 }] },
      { agent: '阿杰', blank: ['工作态度'], invalid: [] },
    ];
    expect(issueMessages(issues)).toEqual([
      { zh: '小美：工作态度 = 12（不计分，应为 0–10）；未填：专业能力（按 0 分计）', en: '小美: 工作态度 = 12 (does not count; must be 0–10); blank: 专业能力 (counted as 0)' },
      { zh: '阿杰：未填：工作态度（按 0 分计）', en: '阿杰: blank: 工作态度 (counted as 0)' },
    ]);
    expect(issueMessages(issues, true).map((m) => m.zh)).toEqual(['小美：工作态度 = 12（不计分，应为 0–10）']);
  });

  test('a template change lowering a max lists the typed scores it puts out of range, and only those', () => {
    const inputs = inputsFromRows([['小美', '工作态度', 58.5], ['阿杰', '工作态度', 9], ['晓雯', '工作态度', 150], ['小美', '专业能力', 80]]);
    const before = templateWith({ 工作态度: 100, 专业能力: 100 });
    // 工作态度 100 → 10: 58.5 goes out of range, 9 stays in, 150 was already out (not a change of meaning made here).
    // 专业能力 raised to 200: nothing.
    expect(scoresOutOfRangeAfter(before, templateWith({ 工作态度: 10, 专业能力: 200 }), inputs)).toEqual([
      { agent: '小美', item: '工作态度', value: 58.5, from: 100, to: 10 },
    ]);
    expect(scoresOutOfRangeAfter(before, before, inputs)).toEqual([]);
  });
});

describe('moving formulas to where things are (remap)', () => {
  // Compact column 2 → D (a column of the manager at C), row 21 → 30, rows 22 → 25 (sorted), others as they were.
  const columns: Record<number, number> = { 1: 1, 2: 4, 3: 5, 4: 6 };
  const rows: Record<number, number> = { 21: 30, 22: 25, 23: 26 };
  const mapper = new FormulaMapper((r) => rows[r] ?? r, (c) => columns[c] ?? c);

  test('cells keep their $ marks; text in quotes and other sheets are left alone', () => {
    expect(mapper.map('=IF($B$5="","B5",B21*$C$5)')).toBe('=IF($D$5="","B5",D30*$E$5)');
    expect(mapper.map(`=IFERROR(VLOOKUP(A21,'考核 2026-10'!$A:$B,2,FALSE()),"")`)).toBe(`=IFERROR(VLOOKUP(A30,'考核 2026-10'!$A:$B,2,FALSE()),"")`);
  });

  test('a range is the smallest range over its cells, or in AVERAGE/MEDIAN/SUM the list of its runs', () => {
    expect(mapper.map('=COUNTIF($B$21:$B$23,">"&B21)+1')).toBe('=COUNTIF($D$25:$D$30,">"&D30)+1');
    expect(mapper.map('=IFERROR(AVERAGE(B$21:B$23),"")')).toBe('=IFERROR(AVERAGE(D$25:D$26,D$30:D$30),"")');
    expect(mapper.map('=SUM($A$13:$C$13)')).toBe('=SUM($A$13:$A$13,$D$13:$E$13)');
  });

  test("VLOOKUP's column index counts the columns that are really there", () => {
    // Bands in compact B:D → D:F (contiguous): 2 stays 2; compact A:C → A, D, E: index 2 becomes 4.
    expect(mapper.map('=VLOOKUP(B21,$B$5:$D$9,2)')).toBe('=VLOOKUP(D30,$D$5:$F$9,2)');
    expect(mapper.map('=VLOOKUP(B21,$A$5:$C$9,2)')).toBe('=VLOOKUP(D30,$A$5:$E$9,4)');
  });

  test('runs of indexes', () => {
    expect(runsOf([5, 1, 2, 3, 7, 6])).toEqual([[1, 3], [5, 7]]);
  });
});
