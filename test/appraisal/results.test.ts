import { describe, expect, test } from 'vitest';
import { expectedResults, roundLikeSheets } from '../../src/appraisal/results';
import { inputsFromRows } from '../../src/appraisal/manual-inputs';
import type { Template } from '../../src/appraisal/template';
import { DEFAULT_GRADES } from '../../src/metrics/scoring';

const template: Template = {
  version: 1,
  name: 't',
  items: [
    { metric: 'INQUIRY_CONVERSION', weight: 50, floor: 0.3, target: 0.5, method: 'linear' },
    { metric: 'COMPLAINT_COUNT_28D', weight: 20, method: 'deduction', points: 10 },
    { manual: '工作态度', weight: 30, max: 10 },
  ],
  grades: DEFAULT_GRADES.map((g) => ({ ...g })),
  bonusBase: 1000,
};

const agents = [
  { agent: '小美', values: { INQUIRY_CONVERSION: 0.5, COMPLAINT_COUNT_28D: 1 } },
  { agent: '阿杰', values: { INQUIRY_CONVERSION: 0.4, COMPLAINT_COUNT_28D: 0 } },
  { agent: '晓雯', values: { INQUIRY_CONVERSION: 0.45, COMPLAINT_COUNT_28D: 2 } },
  { agent: '大白', values: { INQUIRY_CONVERSION: '' as const, COMPLAINT_COUNT_28D: 3 } },
  { agent: '糖糖', values: { INQUIRY_CONVERSION: 0.4, COMPLAINT_COUNT_28D: 0 } },
];

const manual = inputsFromRows([
  ['客服', '考核项', '分数'],
  ['小美', '工作态度', 9], ['阿杰', '工作态度', '8'], ['晓雯', '工作态度', 4], ['大白', '工作态度', 'good'], ['糖糖', '工作态度', 8],
]);

describe('expectedResults', () => {
  const results = expectedResults(template, agents, manual, { 小美: 90, 阿杰: 70.25 });
  const row = (name: string) => results.agents.find((a) => a.agent === name)!;

  test('scores by method, and the manual item as typed', () => {
    // 0.5 → 100 (target); 1 complaint → 100 − 10 = 90; 工作态度 9 of 10.
    expect(row('小美').scores).toEqual({ INQUIRY_CONVERSION: 100, COMPLAINT_COUNT_28D: 90 });
    expect(row('小美').manual).toEqual({ 工作态度: 9 });
    // A blank value scores 0; text typed as a manual score is shown as 0 here but flags the total (below).
    expect(row('大白').scores.INQUIRY_CONVERSION).toBe(0);
    expect(row('大白').manual).toEqual({ 工作态度: 0 });
  });

  test('totals: Σ weight × score ÷ Σ weight, manual items as 100 × typed ÷ max', () => {
    expect(row('小美').total).toBe(95); // (50×100 + 20×90 + 30×90) / 100
    expect(row('阿杰').total).toBe(69); // (50×50 + 20×100 + 30×80) / 100
    expect(row('晓雯').total).toBe(65.5); // (50×75 + 20×80 + 30×40) / 100
    // 大白's 工作态度 is the text "good": it never counts, not even as 0; the total is the flag 待修正.
    expect(row('大白').total).toBe('待修正');
  });

  test('rank: highest first, equal totals share a rank and the next rank is skipped', () => {
    expect(results.agents.map((a) => [a.agent, a.rank])).toEqual([['小美', 1], ['阿杰', 2], ['晓雯', 4], ['大白', ''], ['糖糖', 2]]);
  });

  test('grade, coefficient and bonus = base × coefficient', () => {
    expect(results.agents.map((a) => [a.grade, a.coefficient, a.bonus])).toEqual([
      ['S', 1.2, 1200], ['C', 0.8, 800], ['C', 0.8, 800], ['', '', ''], ['C', 0.8, 800],
    ]);
  });

  test('last month and the change, where last month has the agent', () => {
    expect([row('小美').previousTotal, row('小美').delta]).toEqual([90, 5]);
    expect([row('阿杰').previousTotal, row('阿杰').delta]).toEqual([70.25, -1.25]);
    expect([row('晓雯').previousTotal, row('晓雯').delta]).toEqual(['', '']);
  });

  test('team average and median of the totals', () => {
    // 大白's flagged total is not a number: AVERAGE and MEDIAN pass over it.
    expect(results.team.average).toBe(74.625); // (95 + 69 + 65.5 + 69) / 4
    expect(results.team.median).toBe(69); // 65.5, 69, 69, 95
  });

  test('no bonus base: bonus blank; no previous totals: no comparison fields', () => {
    const { bonusBase: _unused, ...withoutBonus } = template;
    const plain = expectedResults(withoutBonus, agents.slice(0, 1));
    expect(plain.agents[0]!.bonus).toBe('');
    expect(plain.agents[0]!).not.toHaveProperty('previousTotal');
    expect(plain.agents[0]!.total).toBe(68); // 工作态度 not typed yet counts 0: (50×100 + 20×90 + 0) / 100
  });

  test('grade boundaries: a band starts at its minimum', () => {
    const at = (conversion: number) => expectedResults({ ...template, items: [template.items[0]!].map((i) => ({ ...i, weight: 100 })) },
      [{ agent: 'x', values: { INQUIRY_CONVERSION: conversion } }]).agents[0]!;
    // 100 × (0.49 − 0.3) / 0.2 = 95 (94.99999999999997 in floating point, 95.00 once rounded): S starts at 95.
    expect(at(0.49).grade).toBe('S');
    expect(at(0.48).grade).toBe('A'); // 100 × 0.18 / 0.2 = 90: A is 85 up to 95
    expect(at(0.44).grade).toBe('C'); // 100 × 0.14 / 0.2 = 70: C is 60 up to 75
    expect(at(0.3).grade).toBe('D'); // 0
  });

  test('a value that is not a finite number scores 0, like a blank', () => {
    const odd = expectedResults(template, [{ agent: 'x', values: { INQUIRY_CONVERSION: NaN, COMPLAINT_COUNT_28D: Infinity } }]);
    expect(odd.agents[0]!.scores).toEqual({ INQUIRY_CONVERSION: 0, COMPLAINT_COUNT_28D: 0 });
  });

  test('no agents: empty results, blank team figures', () => {
    expect(expectedResults(template, [])).toEqual({ agents: [], team: { average: '', median: '' } });
  });

  test('a duplicated agent counts once', () => {
    expect(expectedResults(template, [agents[0]!, agents[0]!]).agents).toHaveLength(1);
  });
});

describe('roundLikeSheets: the decimal value to 15 significant digits, half away from zero', () => {
  test('exact decimal halves round away from zero although the double lies below the half', () => {
    expect(roundLikeSheets(1.005, 2)).toBe(1.01); // 1.005 is 1.00499999999999989… in binary; ROUND(1.005,2) = 1.01 in Sheets/Excel
    expect(roundLikeSheets(-1.005, 2)).toBe(-1.01);
    expect(roundLikeSheets(66.475, 2)).toBe(66.48); // 66.47499999999999431… in binary
    // (7.5 × 60 + 92.5 × 67) ÷ 100 = (450 + 6197.5) ÷ 100 = 66.475 exactly in decimal
    expect(roundLikeSheets((7.5 * 60 + 92.5 * 67) / (7.5 + 92.5), 2)).toBe(66.48);
    expect(roundLikeSheets(0.285, 2)).toBe(0.29); // 0.28499999999999998…
    expect(roundLikeSheets(9.995, 2)).toBe(10); // 9.99499999999999957…
    expect(roundLikeSheets(1.015, 2)).toBe(1.02);
    expect(roundLikeSheets(0.125, 2)).toBe(0.13); // exact in binary
    expect(roundLikeSheets(-0.125, 2)).toBe(-0.13);
    expect(roundLikeSheets(2.5, 0)).toBe(3);
    expect(roundLikeSheets(-2.5, 0)).toBe(-3);
  });

  test('half-yuan bonus bases: base × coefficient', () => {
    expect(roundLikeSheets(1234.5 * 0.85, 2)).toBe(1049.33); // 1049.325 → 1049.33
    expect(roundLikeSheets(800.5 * 1.1, 2)).toBe(880.55); // 880.55 (880.5500000000001 in binary)
    expect(roundLikeSheets(2000.5 * 0.5, 2)).toBe(1000.25); // exact
    expect(roundLikeSheets(1500.5 * 1.15, 2)).toBe(1725.58); // 1725.575 → 1725.58
  });

  test('just below and above a half: the 15th significant digit decides', () => {
    expect(roundLikeSheets(1.00499999999999, 2)).toBe(1); // 15 digits, one unit below the half
    expect(roundLikeSheets(1.00500000000001, 2)).toBe(1.01);
    expect(roundLikeSheets(66.4749999999999, 2)).toBe(66.47);
    expect(roundLikeSheets(0.0049999999999, 2)).toBe(0);
    expect(roundLikeSheets(0.005, 2)).toBe(0.01);
    expect(roundLikeSheets(93.33333333333333, 2)).toBe(93.33);
    expect(roundLikeSheets(0.1 + 0.2, 2)).toBe(0.3);
  });

  test('large values keep their cents; no value gains or loses more than half a cent', () => {
    expect(roundLikeSheets(123456789.005, 2)).toBe(123456789.01);
    expect(roundLikeSheets(1234567.125, 2)).toBe(1234567.13);
    expect(roundLikeSheets(-12345678.905, 2)).toBe(-12345678.91);
    expect(roundLikeSheets(99999999.995, 2)).toBe(100000000);
    expect(roundLikeSheets(0, 2)).toBe(0);
    expect(Object.is(roundLikeSheets(-0.001, 2), 0)).toBe(true); // not -0
    for (const x of [0.1, 12.3456, -7.777, 1e9 + 0.123, 3.14159]) expect(Math.abs(roundLikeSheets(x, 2) - x)).toBeLessThanOrEqual(0.005 + 1e-9);
  });
});
