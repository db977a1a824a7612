/**
 * Issue #9 item 2, the plan side: what the shop owner reads at a glance on the 考核 tab. The
 * agents in rank order on a first build, what each item adds to the total right after the bonus
 * (adding up to the total, evaluated by HyperFormula), team rows over the metric values too.
 * Golden values by hand from the fixtures' template (fixtures.ts: everyMethod, threeAgents).
 */
import { describe, expect, test } from 'vitest';
import { planTab } from '../../src/appraisal/plan';
import { inputsFromRows } from '../../src/appraisal/manual-inputs';
import type { PlanAgent } from '../../src/appraisal/agent-values';
import { NOW, everyMethod, threeAgents } from './fixtures';
import { cellAt, evaluatePlan } from './hf';

/**
 * Scores by hand (everyMethod: 询单转化率 linear 0.3 → 0, 0.5 → 100, weight 30; 询单客单价 ratio to 150, cap 120,
 * weight 15; 平均响应时间 tiers ≤ 20 → 100, ≤ 30 → 80, ≤ 45 → 60, weight 10; 投诉笔数 100 − 5 per complaint,
 * weight 10; 出单准确率 ≥ 99.5 % → 100, weight 5; 工作态度 0–100, weight 20; 专业能力 0–5, weight 10; Σ weights 100):
 * - 小美: 0.45 → 75; 160 → 100 × 160 ÷ 150 = 106.67; 18 s → 100; 1 → 95; 0.997 → 100.
 *   Manual blank: total (30·75 + 15·106.67 + 10·100 + 10·95 + 5·100) ÷ 100 = (2250 + 1600 + 1000 + 950 + 500) ÷ 100 = 63.
 * - 阿杰: 0.35 → 25; 120 → 80; 33 s → 60; 0 → 100; 0.99 → 0. (750 + 1200 + 600 + 1000 + 0) ÷ 100 = 35.5.
 * - 晓雯: blank → 0; 140 → 93.33; 50 s → 0; 4 → 80; blank → 0. (0 + 1400 + 0 + 800 + 0) ÷ 100 = 22.
 */
describe('first build in rank order', () => {
  test('highest total first, whatever order the data has', () => {
    const [xiaomei, ajie, xiaowen] = threeAgents();
    const p = planTab({ month: '2026-11', template: everyMethod(), agents: [xiaowen!, xiaomei!, ajie!], now: NOW });
    const grid = evaluatePlan(p);
    const rows = [0, 1, 2].map((i) => p.layout.firstAgentRow + i);
    expect(rows.map((r) => [cellAt(grid, r, 1), cellAt(grid, r, 2), cellAt(grid, r, 3)])).toEqual([['小美', 63, 1], ['阿杰', 35.5, 2], ['晓雯', 22, 3]]);
  });

  test('equal totals keep the data\'s order', () => {
    const [xiaomei, ajie] = threeAgents();
    const agents: PlanAgent[] = [ajie!, { ...xiaomei!, agent: '乙' }, { ...ajie!, agent: '丙' }, { ...xiaomei!, agent: '甲' }];
    const p = planTab({ month: '2026-11', template: everyMethod(), agents, now: NOW });
    const names = [0, 1, 2, 3].map((i) => p.values[p.layout.firstAgentRow - 1 + i]![0]);
    // 乙 and 甲 63 (data order 乙, 甲), then 阿杰 and 丙 35.5 (data order 阿杰, 丙).
    expect(names).toEqual(['乙', '甲', '阿杰', '丙']);
  });

  test('a rebuild (the tab\'s typed inputs given) keeps the order it is given: placement keeps the tab\'s own', () => {
    const [xiaomei, ajie, xiaowen] = threeAgents();
    const p = planTab({ month: '2026-11', template: everyMethod(), agents: [xiaowen!, xiaomei!, ajie!], existing: inputsFromRows([]), now: NOW });
    expect([0, 1, 2].map((i) => p.values[p.layout.firstAgentRow - 1 + i]![0])).toEqual(['晓雯', '小美', '阿杰']);
  });

  test('items built as 无数据 do not count in the order either (weight 0, as the tab has it)', () => {
    // Without 询单转化率 (weight 30 → 0): 小美 (1600 + 1000 + 950 + 500) ÷ 70 = 57.86, 阿杰 (1200 + 600 + 1000) ÷ 70 = 40,
    // 晓雯 (1400 + 800) ÷ 70 = 31.43: the same order; make 晓雯 best by giving her the best AOV, response and accuracy.
    const agents: PlanAgent[] = [
      ...threeAgents().slice(0, 2),
      { agent: '晓雯', values: { INQUIRY_CONVERSION: '', INQUIRY_AOV: 180, AVG_RESPONSE_TIME: 10, COMPLAINT_COUNT_28D: 0, ORDER_ACCURACY: 1 } },
    ];
    // 晓雯: 180 → 120 (cap); 10 s → 100; 0 → 100; 1 → 100: (15·120 + 1000 + 1000 + 500) ÷ 70 = 4300 ÷ 70 = 61.43 > 小美's 57.86.
    // Counted with 询单转化率 she would have 4300 ÷ 100 = 43 < 小美's 63.
    const p = planTab({ month: '2026-11', template: everyMethod(), agents, noData: ['INQUIRY_CONVERSION'], now: NOW });
    const grid = evaluatePlan(p);
    const rows = [0, 1, 2].map((i) => p.layout.firstAgentRow + i);
    expect(rows.map((r) => [cellAt(grid, r, 1), cellAt(grid, r, 2)])).toEqual([['晓雯', 61.43], ['小美', 57.86], ['阿杰', 40]]);
  });
});

describe('contributions beside the totals', () => {
  const typed = inputsFromRows([['小美', '工作态度', 90], ['小美', '专业能力', 4.5], ['阿杰', '工作态度', 75], ['晓雯', '专业能力', '良好']]);
  const p = planTab({ month: '2026-11', template: everyMethod(), agents: threeAgents(), existing: typed, now: NOW });
  const grid = evaluatePlan(p);
  const { contributionColumns: metric = {}, manualContributionColumns: manual = {}, firstAgentRow } = p.layout;
  const row = (i: number) => [
    ...['INQUIRY_CONVERSION', 'INQUIRY_AOV', 'AVG_RESPONSE_TIME', 'COMPLAINT_COUNT_28D', 'ORDER_ACCURACY'].map((m) => cellAt(grid, firstAgentRow + i, metric[m]!)),
    ...['工作态度', '专业能力'].map((m) => cellAt(grid, firstAgentRow + i, manual[m]!)),
  ];
  const close = (values: unknown[], want: (number | '')[]) => values.forEach((v, i) => {
    if (want[i] === '') expect(v, `item ${i}`).toBe('');
    else expect(v as number, `item ${i}`).toBeCloseTo(want[i] as number, 9);
  });

  test('right after the bonus, before the values', () => {
    expect(Math.min(...Object.values(metric), ...Object.values(manual))).toBe(p.layout.bonusColumn + 1);
    expect(Math.max(...Object.values(metric), ...Object.values(manual))).toBeLessThan(Math.min(...Object.values(p.layout.valueColumns)));
  });

  test('小美: score × weight × scale ÷ 100 each, adding up to the total 90', () => {
    // 30·75/100 = 22.5; 15·106.67/100 = 16; 10·100/100 = 10; 10·95/100 = 9.5; 5·100/100 = 5;
    // 工作态度 20 · (100/100) · 90 / 100 = 18; 专业能力 10 · (100/5) · 4.5 / 100 = 9. Σ = 90 = the total.
    close(row(0), [22.5, 16, 10, 9.5, 5, 18, 9]);
    expect(cellAt(grid, firstAgentRow, 2)).toBe(90);
  });

  test('阿杰: 专业能力 not typed yet counts 0 but shows blank; the rest still add up to the total', () => {
    // 7.5 + 12 + 6 + 10 + 0 + 20·75/100 = 15 → 50.5.
    close(row(1), [7.5, 12, 6, 10, 0, 15, '']);
    expect(cellAt(grid, firstAgentRow + 1, 2)).toBe(50.5);
  });

  test('晓雯: a text manual score (待修正) shows no contribution for that item and no total', () => {
    // 0 + 15·93.33/100 = 14 + 0 + 8 + 0; 工作态度 blank; 专业能力 '良好' cannot count.
    close(row(2), [0, 14, 0, 8, 0, '', '']);
    expect(cellAt(grid, firstAgentRow + 2, 2)).toBe('待修正');
  });

  test('the team rows average the contributions too: 22.5, 7.5 and 0 → 10 for 询单转化率', () => {
    expect(cellAt(grid, p.layout.teamRows[0], metric.INQUIRY_CONVERSION!) as number).toBeCloseTo(10, 9);
  });

  test('an item built as 无数据 adds 0 (weight 0) and the others add up to the shared total', () => {
    const q = planTab({ month: '2026-11', template: everyMethod(), agents: threeAgents(), existing: typed, noData: ['ORDER_ACCURACY'], now: NOW });
    const g = evaluatePlan(q);
    const r = q.layout.firstAgentRow;
    expect(cellAt(g, r, q.layout.contributionColumns!.ORDER_ACCURACY!)).toBe(0);
    // 小美 without 出单准确率 (weight 5 → 0): (2250 + 1600 + 1000 + 950 + 1800 + 900) ÷ 95 = 8500 ÷ 95 = 89.47…
    const conversion = cellAt(g, r, q.layout.contributionColumns!.INQUIRY_CONVERSION!) as number;
    expect(conversion).toBeCloseTo(2250 / 95, 9);
    expect(cellAt(g, r, 2)).toBe(89.47);
  });
});

describe('team rows over the metric values', () => {
  const p = planTab({ month: '2026-11', template: everyMethod(), agents: threeAgents(), now: NOW });
  const grid = evaluatePlan(p);
  const [average, median] = p.layout.teamRows;
  const at = (r: number, metric: string) => cellAt(grid, r, p.layout.valueColumns[metric]!);

  test('average and median of each value column, blanks passed over', () => {
    // 询单转化率 0.45, 0.35 and 晓雯's blank: (0.45 + 0.35) ÷ 2 = 0.4, median 0.4.
    expect(at(average, 'INQUIRY_CONVERSION') as number).toBeCloseTo(0.4, 12);
    expect(at(median, 'INQUIRY_CONVERSION') as number).toBeCloseTo(0.4, 12);
    // 询单客单价 160, 120, 140: average 140, median 140. 平均响应时间 18, 33, 50: average 101 ÷ 3, median 33.
    expect(at(average, 'INQUIRY_AOV')).toBe(140);
    expect(at(average, 'AVG_RESPONSE_TIME') as number).toBeCloseTo(101 / 3, 12);
    expect(at(median, 'AVG_RESPONSE_TIME')).toBe(33);
  });

  test('a value column blank for everyone is blank in the team rows, not an error', () => {
    const agents = threeAgents().map((a) => ({ ...a, values: { ...a.values, ORDER_ACCURACY: '' as const } }));
    const q = planTab({ month: '2026-11', template: everyMethod(), agents, now: NOW });
    const g = evaluatePlan(q);
    expect([q.layout.teamRows[0], q.layout.teamRows[1]].map((r) => cellAt(g, r, q.layout.valueColumns.ORDER_ACCURACY!))).toEqual(['', '']);
  });
});
