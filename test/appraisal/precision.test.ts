/**
 * Issue #9 item 2: displayed precision that cannot hide a tier boundary. Two agents both shown
 * 旺旺回复率 99.00 % scored 80 and 60 (0.990014 and 0.989993 around the 99 % tier). The tab shows
 * each metric with the fewest decimals (at least today's) that put every agent's shown value on
 * the side of every boundary the value is on; what even 6 decimals cannot separate is said.
 */
import { describe, expect, test } from 'vitest';
import { displayValue } from '../../dev/gas/number-format';
import { planTab } from '../../src/appraisal/plan';
import { boundariesOf, chooseDecimals, itemPrecision, sameSide } from '../../src/appraisal/precision';
import type { MetricItem, Template } from '../../src/appraisal/template';
import { DEFAULT_GRADES } from '../../src/metrics/scoring';
import { NOW } from './fixtures';
import { evaluatePlan } from './hf';

const REPLY: MetricItem = { metric: 'REPLY_RATE', weight: 100, method: 'tiers', tiers: [[0.99, 80], [0.98, 60]] };
const atLeast = (at: number) => ({ at, reaches: '>=' as const });
const atMost = (at: number) => ({ at, reaches: '<=' as const });

describe('chooseDecimals', () => {
  test("the issue's two agents: 2 decimals of a percentage show both as 99.00 %; 3 tell them apart", () => {
    // Percentages are shown ×100. With 2 decimals: 0.989993 → 98.9993 → 99.00, read as reaching 99.00 although it does not.
    expect(sameSide(0.989993, atLeast(0.99), 100, 2)).toBe(false);
    // 0.990014 → 99.0014 → 99.00 reaches 99.00, and it does: fine at 2 already.
    expect(sameSide(0.990014, atLeast(0.99), 100, 2)).toBe(true);
    // With 3: 98.999 < 99.000 and 99.001 ≥ 99.000, each on its own side.
    expect(sameSide(0.989993, atLeast(0.99), 100, 3)).toBe(true);
    expect(chooseDecimals([0.990014, 0.989993], [atLeast(0.99), atLeast(0.98)], 100, 2)).toEqual({ decimals: 3, unresolved: [] });
  });

  test('never fewer decimals than the unit shows today', () => {
    // 0.45 and 0.35 are far from 0.3 and 0.5: today's 2 decimals stay.
    expect(chooseDecimals([0.45, 0.35], [atLeast(0.3), atLeast(0.5)], 100, 2).decimals).toBe(2);
    expect(chooseDecimals([], [atLeast(0.3)], 100, 2).decimals).toBe(2);
  });

  test('lower is better: 20.4 s shown as 20 would read as reaching "≤ 20 s"; 19.6 s shown as 20 does reach it', () => {
    // 20.4 → 20 with 0 decimals: 20 ≤ 20 reads reached, but 20.4 > 20. 19.6 → 20 reads reached, and 19.6 ≤ 20 is.
    expect(sameSide(20.4, atMost(20), 1, 0)).toBe(false);
    expect(sameSide(19.6, atMost(20), 1, 0)).toBe(true);
    expect(chooseDecimals([20.4, 19.6, 33], [atMost(20), atMost(30)], 1, 0).decimals).toBe(1);
  });

  test('a value at an exact half may be rounded either way by an engine: one more decimal', () => {
    // 0.989995 → 98.9995 %: with 3 decimals it is 98.999 or 99.000 depending on the engine's rounding;
    // 99.000 would read as reaching 99 %. With 4: 98.9995 < 99.0000.
    expect(chooseDecimals([0.989995], [atLeast(0.99)], 100, 2).decimals).toBe(4);
  });

  test('a boundary is shown exactly: 99.955 % needs 3 decimals even when no value is near it', () => {
    expect(chooseDecimals([0.5], [atLeast(0.99955)], 100, 2).decimals).toBe(3);
    expect(chooseDecimals([0.5], [atLeast(0.9995)], 100, 2).decimals).toBe(2); // 99.95 %
  });

  test('a value on the boundary itself is shown as the boundary, on its side', () => {
    expect(chooseDecimals([0.99, 0.98], [atLeast(0.99), atLeast(0.98)], 100, 2)).toEqual({ decimals: 2, unresolved: [] });
    expect(chooseDecimals([20], [atMost(20)], 1, 0)).toEqual({ decimals: 0, unresolved: [] });
  });

  test('capped at 6 decimals; what still looks on the wrong side is listed', () => {
    const hair = 0.99 - 1e-12;
    expect(chooseDecimals([hair, 0.95], [atLeast(0.99)], 100, 2)).toEqual({ decimals: 6, unresolved: [{ value: hair, boundary: 0.99 }] });
  });
});

describe('the boundaries of an item', () => {
  test('tiers: the thresholds, compared as the metric\'s direction says; linear: floor and target; pass_fail: the target; deduction: none', () => {
    expect(boundariesOf(REPLY)).toEqual([atLeast(0.99), atLeast(0.98)]);
    expect(boundariesOf({ metric: 'AVG_RESPONSE_TIME', weight: 1, method: 'tiers', tiers: [[20, 100], [30, 80]] })).toEqual([atMost(20), atMost(30)]);
    expect(boundariesOf({ metric: 'AVG_RESPONSE_TIME', weight: 1, method: 'linear', floor: 60, target: 15 })).toEqual([atMost(60), atMost(15)]);
    expect(boundariesOf({ metric: 'ORDER_ACCURACY', weight: 1, method: 'pass_fail', target: 0.995 })).toEqual([atLeast(0.995)]);
    // a floor below the target makes a lower-is-better metric higher-is-better for this item, as the score formula does
    expect(boundariesOf({ metric: 'RETURN_RATE', weight: 1, method: 'pass_fail', floor: 0.01, target: 0.05 })).toEqual([atLeast(0.05)]);
    expect(boundariesOf({ metric: 'COMPLAINT_COUNT_28D', weight: 1, method: 'deduction', points: 5 })).toEqual([]);
  });

  test('itemPrecision takes the unit: percentages scaled by 100 from 2 decimals, seconds from 0', () => {
    expect(itemPrecision(REPLY, [0.990014, 0.989993])).toEqual({ decimals: 3, unresolved: [] });
    expect(itemPrecision({ metric: 'AVG_RESPONSE_TIME', weight: 1, method: 'tiers', tiers: [[20, 100]] }, [20.4])).toEqual({ decimals: 1, unresolved: [] });
  });
});

describe('on the tab', () => {
  const template: Template = { version: 1, name: '回复率', items: [REPLY], grades: DEFAULT_GRADES.map((g) => ({ ...g })) };
  const agents = [{ agent: '甲', values: { REPLY_RATE: 0.990014 } }, { agent: '乙', values: { REPLY_RATE: 0.989993 } }];
  const p = planTab({ month: '2026-11', template, agents, now: NOW });
  const column = p.layout.valueColumns.REPLY_RATE!;
  const first = p.layout.firstAgentRow;

  test("the issue's two agents show 99.001 % and 98.999 % and score 80 and 60", () => {
    const grid = evaluatePlan(p);
    const shown = [first, first + 1].map((r) => displayValue(grid[r - 1]![column - 1] as number, p.numberFormats[r - 1]![column - 1]));
    const scores = [first, first + 1].map((r) => grid[r - 1]![p.layout.scoreColumns.REPLY_RATE! - 1]);
    expect(shown).toEqual(['99.001%', '98.999%']);
    expect(scores).toEqual([80, 60]);
  });

  test('the thresholds, the team rows and the method note use the same decimals', () => {
    const paramRow = 5; // the only item
    expect([p.numberFormats[paramRow - 1]![9], p.numberFormats[paramRow - 1]![11]]).toEqual(['0.000%', '0.000%']);
    expect(p.numberFormats[p.layout.teamRows[0] - 1]![column - 1]).toBe('0.000%');
    const note = p.notes[p.layout.headerRow - 1]![p.layout.scoreColumns.REPLY_RATE! - 1]!;
    expect(note).toMatch(/^阶梯：≥ 99\.000% 得 80 分，≥ 98\.000% 得 60 分；都未达到得 0 分。/);
  });

  test('a value no 6 decimals can separate from its boundary is named in the value header\'s note', () => {
    const hair = planTab({ month: '2026-11', template, agents: [{ agent: '甲', values: { REPLY_RATE: 0.99 - 1e-12 } }], now: NOW });
    const note = hair.notes[hair.layout.headerRow - 1]![hair.layout.valueColumns.REPLY_RATE! - 1]!;
    expect(hair.numberFormats[hair.layout.firstAgentRow - 1]![hair.layout.valueColumns.REPLY_RATE! - 1]).toBe('0.000000%');
    expect(note).toContain('注意：以下客服的值与分档界线相差太小，显示 6 位小数仍看不出在哪一边（值 / 界线）：甲 98.9999999999% / 99.000000%。请以得分列为准。');
    const en = planTab({ month: '2026-11', template, agents: [{ agent: 'Amy', values: { REPLY_RATE: 0.99 - 1e-12 } }], now: NOW, locale: 'en' });
    expect(en.notes[en.layout.headerRow - 1]![en.layout.valueColumns.REPLY_RATE! - 1]).toContain(
      'these agents\' values lie too close to a boundary to tell its side even with 6 decimals (value / boundary): Amy 98.9999999999% / 99.000000%.');
  });

  test('a long list of such values is cut at 10 and counted', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ agent: `客服${i + 1}`, values: { REPLY_RATE: 0.99 - 1e-12 } }));
    const p12 = planTab({ month: '2026-11', template, agents: many, now: NOW });
    const note = p12.notes[p12.layout.headerRow - 1]![p12.layout.valueColumns.REPLY_RATE! - 1]!;
    expect(note).toContain('客服10 98.9999999999% / 99.000000% 等 12 处。');
    expect(note).not.toContain('客服11');
  });
});
