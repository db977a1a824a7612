/**
 * A book whose totals and bonuses land exactly on decimal halves, and whose names try every trap
 * of last month's look-up. Golden values computed by hand from appraisal.md beside each line.
 *
 * Template: 询单转化率 at weight 0 (so the tab has a metric, which adds nothing), 工作态度 7.5 and
 * 专业能力 92.5 (both out of 100, so scale 1); total = (7.5 × a + 92.5 × b) ÷ 100, to 2 decimals
 * by decimal half away from zero. Bands D ≥ 0 (0.5), C ≥ 60 (0.85), B ≥ 75 (1.15), S ≥ 95 (1.2);
 * bonus base 1234.5 (half a yuan).
 */
import { expect } from 'vitest';
import type { Runtime } from '../../dev/local/appraise';
import type { TabLayout } from '../../src/appraisal/plan-types';
import type { Template } from '../../src/appraisal/template';
import type { Evaluated } from '../appraisal/hf';
import { NOVEMBER, type BookSpec } from './books';

export const HALVES_TEMPLATE: Template = {
  version: 1,
  name: '半分',
  items: [
    { metric: 'INQUIRY_CONVERSION', weight: 0, floor: 0.3, target: 0.5, method: 'linear' },
    { manual: '工作态度', weight: 7.5, max: 100 },
    { manual: '专业能力', weight: 92.5, max: 100 },
  ],
  grades: [
    { min: 95, grade: 'S', coefficient: 1.2 },
    { min: 75, grade: 'B', coefficient: 1.15 },
    { min: 60, grade: 'C', coefficient: 0.85 },
    { min: 0, grade: 'D', coefficient: 0.5 },
  ],
  bonusBase: 1234.5,
};

const scores = (a: number, b: number) => ({ 工作态度: String(a), 专业能力: String(b) });

export const HALVES_SPEC: BookSpec = {
  template: HALVES_TEMPLATE,
  // October: 甲 (7.5×60 + 92.5×67) ÷ 100 = (450 + 6197.5) ÷ 100 = 66.475 → 66.48;
  // Ａｍｙ (457.5 + 7400) ÷ 100 = 78.575 → 78.58; 阿杰 (742.5 + 9250) ÷ 100 = 99.925 → 99.93;
  // 老王 is typed, then leaves October's data: the rebuild keeps him as a grey row with no total.
  october: ['甲', 'Ａｍｙ', '阿杰', '老王'],
  octoberScores: { 甲: scores(60, 67), Ａｍｙ: scores(61, 80), 阿杰: scores(99, 100), 老王: scores(50, 50) },
  leftInOctober: ['老王'],
  november: ['甲', 'amy', '阿?', '老王', '权重', '*'],
  novemberScores: {
    甲: scores(0, 1), // 92.5 ÷ 100 = 0.925 → 0.93
    amy: scores(60, 67), // 66.475 → 66.48
    '阿?': scores(61, 80), // 78.575 → 78.58
    老王: scores(1, 0), // 7.5 ÷ 100 = 0.075 → 0.08 (the double is 0.07499999999999999722…)
    权重: scores(99, 100), // 99.925 → 99.93
    '*': scores(1, 1), // (7.5 + 92.5) ÷ 100 = 1
  },
};

/** Per agent: total, rank, grade, coefficient, bonus, last month, change. */
const NOVEMBER_GOLDEN: Record<string, [number, number, string, number, number, number | '', number | '']> = {
  // 1234.5 × 0.5 = 617.25; last month 66.48 (October's 甲); 0.93 − 66.48 = −65.55
  甲: [0.93, 5, 'D', 0.5, 617.25, 66.48, -65.55],
  // C: 1234.5 × 0.85 = 1049.325 → 1049.33; last month Ａｍｙ's 78.58 (rule 8: full-width and case folded); 66.48 − 78.58 = −12.1
  amy: [66.48, 3, 'C', 0.85, 1049.33, 78.58, -12.1],
  // B: 1234.5 × 1.15 = 1419.675 → 1419.68; `?` is no wildcard: 阿杰's 99.93 is not hers, so blank
  '阿?': [78.58, 2, 'B', 1.15, 1419.68, '', ''],
  // D; October's row for 老王 is grey (no total): blank, not 0 and not a change of 0.08
  老王: [0.08, 6, 'D', 0.5, 617.25, '', ''],
  // S: 1234.5 × 1.2 = 1481.4; October's 权重 (weights) row is a label above the table, never looked up
  权重: [99.93, 1, 'S', 1.2, 1481.4, '', ''],
  // `*` matches nobody but an agent named `*`
  '*': [1, 4, 'D', 0.5, 617.25, '', ''],
};

function rowOf(layout: TabLayout, grid: Evaluated, agent: string): unknown[] {
  const i = grid.findIndex((r, k) => k >= layout.headerRow && r[layout.agentColumn - 1] === agent);
  expect(i, `row of ${agent}`).toBeGreaterThan(0);
  return grid[i]!;
}

/** The grade-count column beside the bands (rows ascending D, C, B, S) and the bonus total below. */
function expectCounts(layout: TabLayout, grid: Evaluated): void {
  const countsAt = grid.findIndex((r) => r.includes('人数'));
  const column = grid[countsAt]!.indexOf('人数');
  // D: 0.93, 0.08, 1 → 3; C: 66.48 → 1; B: 78.58 → 1; S: 99.93 → 1
  expect([1, 2, 3, 4].map((k) => grid[countsAt + k]![column])).toEqual([3, 1, 1, 1]);
  // 617.25 × 3 + 1049.33 + 1419.68 + 1481.4 = 1851.75 + 3950.41 = 5802.16
  expect(grid[countsAt + 5]![column]).toBeCloseTo(5802.16, 9);
  expect(layout.agentCount).toBe(6);
}

export const HALVES = {
  expectGoldens(layout: TabLayout, grid: Evaluated): void {
    const previous = layout.bonusColumn + 1;
    for (const [agent, golden] of Object.entries(NOVEMBER_GOLDEN)) {
      const row = rowOf(layout, grid, agent);
      const shown = [layout.totalColumn, layout.rankColumn, layout.gradeColumn, layout.coefficientColumn, layout.bonusColumn, previous, previous + 1]
        .map((c) => (row[c - 1] === null ? '' : row[c - 1]));
      // Exact: the rounded figures are the doubles nearest the decimals (66.48, not 66.47 or 66.47999…).
      expect(shown, agent).toEqual(golden);
    }
    expectCounts(layout, grid);
  },
  expectCounts,
  /** The manager renames C to `*` and B to `s` (beside S) in the band table: counts must not move. */
  renameGrades(rt: Runtime, layout: TabLayout): void {
    const grid = rt.fake.book.values(NOVEMBER);
    const head = grid.findIndex((r) => r.includes('等级') && r.includes('系数'));
    const column = grid[head]!.indexOf('等级') + 1;
    rt.fake.book.typeCell(NOVEMBER, head + 3, column, '*'); // rows ascending: D, C, B, S
    rt.fake.book.typeCell(NOVEMBER, head + 4, column, 's');
    expect(layout.agentCount).toBe(6);
  },
};
