/**
 * Each scoring method by hand-computed cases, twice: the pure `itemScore` (scoring.ts) and the
 * tab's formula for the same item evaluated by HyperFormula. A blank value scores 0 in both.
 */
import { describe, expect, test } from 'vitest';
import { itemScore } from '../../src/appraisal/results';
import { scoreFormula, type ParamCells } from '../../src/appraisal/formulas';
import type { MetricItem } from '../../src/appraisal/template';
import { evaluateSheets } from './hf';

/** One row: A value, B weight, C floor, D target, E cap, F points, then tier pairs from G; the formula in the last cell. */
function formulaScore(item: MetricItem, value: number | null): number {
  const tiers = item.tiers ?? [];
  const p: ParamCells = {
    weight: '$B$1', floor: '$C$1', target: '$D$1', cap: '$E$1', points: '$F$1', max: '$F$1',
    tiers: tiers.map((_, k) => ({ threshold: `$${String.fromCharCode(71 + 2 * k)}$1`, score: `$${String.fromCharCode(72 + 2 * k)}$1` })),
  };
  const row = [value, item.weight, item.floor ?? null, item.target ?? null, item.cap ?? 100, item.points ?? null, ...tiers.flat(), scoreFormula(item, 'A1', p)];
  const out = evaluateSheets({ S: [row] }).S![0]!.at(-1);
  if (typeof out !== 'number') throw new Error(`formula gave ${String(out)}`);
  return out;
}

/** Asserts the hand value for both the pure function and the formula. */
function expectScore(item: MetricItem, value: number | null, hand: number): void {
  expect(itemScore(item, value ?? '')).toBeCloseTo(hand, 9);
  expect(formulaScore(item, value)).toBeCloseTo(hand, 9);
}

const item = (fields: Partial<MetricItem> & Pick<MetricItem, 'metric' | 'method'>): MetricItem => ({ weight: 10, ...fields });

describe('linear: 100 × (v − f) ÷ (t − f), clamped to [0, cap]', () => {
  const conversion = item({ metric: 'INQUIRY_CONVERSION', method: 'linear', floor: 0.3, target: 0.5 });
  test('between floor and target', () => expectScore(conversion, 0.45, 75)); // 100 × 0.15 / 0.2
  test('above the target stops at the cap', () => expectScore(conversion, 0.6, 100));
  test('a cap of 120 lets it go on', () => expectScore({ ...conversion, cap: 120 }, 0.52, 110)); // 100 × 0.22 / 0.2
  test('below the floor is 0', () => expectScore(conversion, 0.2, 0));
  const response = item({ metric: 'AVG_RESPONSE_TIME', method: 'linear', floor: 60, target: 15 });
  test('lower is better when the floor lies above the target', () => expectScore(response, 25, 7000 / 90)); // 100 × (25 − 60) / (15 − 60)
  test('faster than the target: the cap', () => expectScore(response, 10, 100));
  test('slower than the floor: 0', () => expectScore(response, 70, 0));
  test('a blank value scores 0', () => expectScore(conversion, null, 0));
});

describe('ratio: 100 × v ÷ t, or 100 × t ÷ v when lower is better, clamped to [0, cap]', () => {
  const aov = item({ metric: 'INQUIRY_AOV', method: 'ratio', floor: 80, target: 150, cap: 120 });
  test('higher is better', () => expectScore(aov, 130, 1300 / 15)); // 100 × 130 / 150
  test('capped', () => expectScore(aov, 200, 120)); // 133.3 → 120
  const response = item({ metric: 'AVG_RESPONSE_TIME', method: 'ratio', floor: 60, target: 15 });
  test('lower is better (floor above target)', () => expectScore(response, 30, 50)); // 100 × 15 / 30
  test('lower is better and v = 0 is perfect: the cap', () => expectScore(response, 0, 100));
  test('no floor: the metric\'s own direction (response time is lower-better)', () =>
    expectScore(item({ metric: 'AVG_RESPONSE_TIME', method: 'ratio', target: 15 }), 30, 50));
  test('no floor: higher-better metric', () => expectScore(item({ metric: 'INQUIRY_AOV', method: 'ratio', target: 150 }), 75, 50));
  test('a floor overrides the catalogue direction', () =>
    expectScore(item({ metric: 'INQUIRY_AOV', method: 'ratio', floor: 200, target: 100 }), 50, 100)); // lower: 100 × 100 / 50 = 200 → 100
  test('a blank value scores 0', () => expectScore(aov, null, 0));
});

describe('pass_fail: 100 when v reaches t, else 0', () => {
  const accuracy = item({ metric: 'ORDER_ACCURACY', method: 'pass_fail', target: 0.995 });
  test('reached', () => expectScore(accuracy, 0.996, 100));
  test('exactly the target counts as reached', () => expectScore(accuracy, 0.995, 100));
  test('missed', () => expectScore(accuracy, 0.99, 0));
  const response = item({ metric: 'AVG_RESPONSE_TIME', method: 'pass_fail', target: 20 });
  test('lower-better: at or under the target', () => expectScore(response, 18, 100));
  test('lower-better: over the target', () => expectScore(response, 25, 0));
  test('a blank value scores 0', () => expectScore(accuracy, null, 0));
});

describe('tiers: the best tier reached', () => {
  const badReviews = item({ metric: 'BAD_REVIEW_RATE', method: 'tiers', tiers: [[0.002, 100], [0.005, 80], [0.01, 60]] });
  test('lower-better: within the best threshold', () => expectScore(badReviews, 0.001, 100));
  test('lower-better: exactly on a threshold counts (v ≤ threshold)', () => expectScore(badReviews, 0.002, 100));
  test('lower-better: the middle tier', () => expectScore(badReviews, 0.004, 80));
  test('lower-better: the last tier', () => expectScore(badReviews, 0.01, 60));
  test('lower-better: no tier met is 0', () => expectScore(badReviews, 0.02, 0));
  const conversion = item({ metric: 'INQUIRY_CONVERSION', method: 'tiers', tiers: [[0.5, 100], [0.4, 80], [0.3, 60]] });
  test('higher-better: the highest threshold reached', () => expectScore(conversion, 0.45, 80));
  test('higher-better: on the top threshold', () => expectScore(conversion, 0.5, 100));
  test('higher-better: below every threshold', () => expectScore(conversion, 0.2, 0));
  test('a blank value scores 0', () => expectScore(badReviews, null, 0));
});

describe('deduction: max(0, 100 − points × v)', () => {
  const complaints = item({ metric: 'COMPLAINT_COUNT_28D', method: 'deduction', points: 5 });
  test('two complaints at 5 points each', () => expectScore(complaints, 2, 90));
  test('none', () => expectScore(complaints, 0, 100));
  test('never below 0', () => expectScore(complaints, 30, 0));
  test('a blank value scores 0', () => expectScore(complaints, null, 0));
});
