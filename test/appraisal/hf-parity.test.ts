/**
 * The plan's formulas evaluated by HyperFormula equal `expectedResults` for every agent:
 * fixed cases (every method, every preset, last month's comparison) and random templates.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { previousRowsOf } from '../../src/appraisal/previous';
import { planTab } from '../../src/appraisal/plan';
import { expectedResults } from '../../src/appraisal/results';
import { inputsFromRows, type ExistingInputs } from '../../src/appraisal/manual-inputs';
import { PRESETS } from '../../src/appraisal/presets';
import { validateTemplate, type MetricItem, type Template, type TemplateItem } from '../../src/appraisal/template';
import { readPreviousTotals } from '../../src/appraisal/existing';
import { APPRAISAL_METRICS, catalogueEntry } from '../../src/metrics/catalogue';
import { SCORING_METHODS, type ScoringMethod } from '../../src/metrics/scoring';
import { evaluatePlan, evaluateSheets } from './hf';
import { expectParity } from './parity';
import { NOW, everyMethod, threeAgents } from './fixtures';
import type { PlanAgent } from '../../src/appraisal/plan';

const manual = inputsFromRows([['小美', '工作态度', 90], ['小美', '专业能力', 4.5], ['阿杰', '工作态度', 75], ['晓雯', '专业能力', '良好']]);

function check(template: Template, agents: PlanAgent[], existing: ExistingInputs | null): void {
  const plan = planTab({ month: '2026-11', template, agents, existing, now: NOW });
  expectParity(plan, evaluatePlan(plan), expectedResults(template, agents, existing));
}

describe('fixed cases', () => {
  test('every scoring method, manual items on two scales, a text manual score', () => {
    check(everyMethod(), threeAgents(), manual);
  });

  test('every preset', () => {
    for (const preset of Object.values(PRESETS)) check(preset.template, threeAgents(), manual);
  });

  test('no bonus base: the bonus cells are blank', () => {
    const { bonusBase: _none, ...template } = everyMethod();
    check(template, threeAgents(), manual);
  });

  test('lower-is-better metrics and values exactly on thresholds and grade boundaries', () => {
    const template: Template = {
      version: 1, name: '边界', bonusBase: 1000, grades: everyMethod().grades,
      items: [
        { metric: 'AVG_RESPONSE_TIME', weight: 20, floor: 60, target: 15, method: 'linear' },
        { metric: 'FIRST_RESPONSE_TIME', weight: 20, method: 'tiers', tiers: [[10, 100], [20, 80], [30, 60]] },
        { metric: 'RETURN_RATE', weight: 20, target: 0.05, method: 'pass_fail' }, // no floor: the catalogue says lower is better
        { metric: 'REFUND_RESOLUTION_TIME', weight: 20, target: 1.5, method: 'ratio' }, // likewise
        { metric: 'BAD_REVIEW_RATE', weight: 10, method: 'tiers', tiers: [[0.002, 100], [0.005, 80], [0.01, 60]] },
        { metric: 'COMPLAINT_COUNT_28D', weight: 10, method: 'deduction', points: 5 },
      ],
    };
    const agent = (name: string, art: number, frt: number, rr: number, rrt: number, brr: number, cc: number): PlanAgent => ({
      agent: name,
      values: { AVG_RESPONSE_TIME: art, FIRST_RESPONSE_TIME: frt, RETURN_RATE: rr, REFUND_RESOLUTION_TIME: rrt, BAD_REVIEW_RATE: brr, COMPLAINT_COUNT_28D: cc },
    });
    const agents = [
      // Every value on its best threshold: 100 each → 100.
      agent('甲', 15, 10, 0.05, 1.5, 0.002, 0),
      // 60 s is the floor → 0; 30 s is the last tier → 60; 0.06 > 0.05 → 0; 100 × 1.5 / 3 = 50; 0.01 is the last tier → 60;
      // 100 − 5 × 20 = 0. Total (20×0 + 20×60 + 20×0 + 20×50 + 10×60 + 10×0) / 100 = 28 → D.
      agent('乙', 60, 30, 0.06, 3, 0.01, 20),
      // 20 s → 80; 2 complaints → 90. (2000 + 1600 + 2000 + 2000 + 1000 + 900) / 100 = 95 → S exactly at its minimum.
      agent('丙', 15, 20, 0.05, 1.5, 0.002, 2),
      agent('丁', 15, 20, 0.05, 1.5, 0.002, 2), // the same total 95: shares rank 2
      // 30 s → 60; 14 complaints → 30. (2000 + 1200 + 2000 + 2000 + 1000 + 300) / 100 = 85 → A exactly.
      agent('戊', 15, 30, 0.05, 1.5, 0.002, 14),
      // 0.06 → 0; 0.005 → 80; 6 complaints → 70. (2000 + 2000 + 0 + 2000 + 800 + 700) / 100 = 75 → B exactly.
      agent('己', 15, 10, 0.06, 1.5, 0.005, 6),
      // 100 × (37.5 − 60) / (15 − 60) = 50; 30 s → 60; 100 × 1.5 / 5 = 30; 0.01 → 60; 8 complaints → 60.
      // (1000 + 1200 + 2000 + 600 + 600 + 600) / 100 = 60 → C exactly.
      agent('庚', 37.5, 30, 0.05, 5, 0.01, 8),
    ];
    const plan = planTab({ month: '2026-11', template, agents, now: NOW });
    const expected = expectedResults(template, agents, null);
    expect(expected.agents.map((a) => [a.agent, a.total, a.rank, a.grade, a.coefficient, a.bonus])).toEqual([
      ['甲', 100, 1, 'S', 1.2, 1200], ['乙', 28, 7, 'D', 0.5, 500], ['丙', 95, 2, 'S', 1.2, 1200], ['丁', 95, 2, 'S', 1.2, 1200],
      ['戊', 85, 4, 'A', 1.1, 1100], ['己', 75, 5, 'B', 1, 1000], ['庚', 60, 6, 'C', 0.8, 800],
    ]);
    expectParity(plan, evaluatePlan(plan), expected);
  });

  test('a manual score typed below 0 never counts: the total shows 待修正 and no rank, grade or bonus, as in plain code', () => {
    const template: Template = {
      version: 1, name: '负分', bonusBase: 1000, grades: everyMethod().grades,
      items: [
        { metric: 'COMPLAINT_COUNT_28D', weight: 50, method: 'deduction', points: 10 },
        { manual: '工作态度', weight: 50, max: 100 },
      ],
    };
    const agents: PlanAgent[] = [{ agent: '小美', values: { COMPLAINT_COUNT_28D: 10 } }];
    const typed = inputsFromRows([['小美', '工作态度', -20]]);
    // −20 is outside 0 … 100: it never counts (it would make the total −10); the total shows the flag and
    // the agent gets no rank, grade, coefficient or bonus until the score is fixed (manual-check.ts).
    const expected = expectedResults(template, agents, typed);
    expect(expected.agents.map((a) => [a.total, a.rank, a.grade, a.coefficient, a.bonus])).toEqual([['待修正', '', '', '', '']]);
    const plan = planTab({ month: '2026-11', template, agents, existing: typed, now: NOW });
    expectParity(plan, evaluatePlan(plan), expected);
  });

  test('equal totals share a rank', () => {
    const twins = [threeAgents()[0]!, { ...threeAgents()[0]!, agent: '小美二号' }, threeAgents()[1]!];
    const plan = planTab({ month: '2026-11', template: everyMethod(), agents: twins, now: NOW });
    const grid = evaluatePlan(plan);
    const ranks = [0, 1, 2].map((i) => grid[plan.layout.firstAgentRow - 1 + i]![plan.layout.rankColumn - 1]);
    expect(ranks).toEqual([1, 1, 3]);
  });

  test('last month: the total looked up live in last month\'s tab, and the change', () => {
    // A rebuilt October (typed inputs given, none typed): its rows keep the data's order, 阿杰 above 小美, unlike November's.
    const october = planTab({ month: '2026-10', template: everyMethod(), agents: threeAgents().slice(0, 2).reverse(), existing: inputsFromRows([]), now: NOW });
    const november = planTab({ month: '2026-11', template: everyMethod(), agents: threeAgents(), existing: manual, previous: { sheetName: october.sheetName, layout: previousRowsOf(october.values) }, now: NOW });
    const sheets = evaluateSheets({ [october.sheetName]: october.values, [november.sheetName]: november.values });
    const previous = readPreviousTotals(sheets[october.sheetName]!, october.layout);
    expect(Object.keys(previous)).toEqual(['阿杰', '小美']);
    expectParity(november, sheets[november.sheetName]!, expectedResults(everyMethod(), threeAgents(), manual, previous));
  });

  test('editing a weight in the parameter block recomputes the total (a viewer with no add-on)', () => {
    const plan = planTab({ month: '2026-11', template: everyMethod(), agents: threeAgents(), existing: manual, now: NOW });
    const edited = plan.values.map((r) => r.slice());
    // Move 10 points from 询单转化率 (row 5) to 询单客单价 (row 6).
    edited[4]![2] = 20;
    edited[5]![2] = 25;
    const template = everyMethod();
    template.items[0]!.weight = 20;
    template.items[1]!.weight = 25;
    expectParity(plan, evaluateSheets({ [plan.sheetName]: edited })[plan.sheetName]!, expectedResults(template, threeAgents(), manual));
  });
});

// ---------------------------------------------------------------------------------------------
// Random templates, agents and manual scores.

const isProportion = (metric: string) => catalogueEntry(metric)?.kind === 'proportion';
/**
 * A value on the metric's own scale, as exports hold them: proportions 0…1 to five decimals,
 * everything else 0…300 to three. (Spreadsheets compare with a tolerance of about 1e-13, so
 * values closer than that to a threshold, or subnormal ones, are not a question of formulas.)
 */
const valueFor = (metric: string) => (isProportion(metric)
  ? fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100_000)
  : fc.integer({ min: 0, max: 300_000 }).map((n) => n / 1000));

function metricItem(metric: string): fc.Arbitrary<MetricItem> {
  const direction = catalogueEntry(metric)!.direction;
  const v = valueFor(metric);
  const cap = fc.option(fc.integer({ min: 50, max: 150 }), { nil: undefined });
  return fc.constantFrom<ScoringMethod>(...SCORING_METHODS).chain((method): fc.Arbitrary<MetricItem> => {
    switch (method) {
      case 'linear':
        return fc.tuple(v, v, cap).filter(([f, t]) => f !== t).map(([floor, target, c]) => ({ metric, weight: 0, method, floor, target, ...(c ? { cap: c } : {}) }));
      case 'ratio':
        return fc.tuple(fc.option(v, { nil: undefined }), v.filter((t) => t > 0.001), cap)
          .map(([floor, target, c]) => ({ metric, weight: 0, method, target, ...(floor !== undefined ? { floor } : {}), ...(c ? { cap: c } : {}) }));
      case 'pass_fail':
        return fc.tuple(fc.option(v, { nil: undefined }), v).map(([floor, target]) => ({ metric, weight: 0, method, target, ...(floor !== undefined ? { floor } : {}) }));
      case 'deduction':
        return fc.integer({ min: 1, max: 200 }).map((n) => ({ metric, weight: 0, method, points: n / 10 }));
      case 'tiers':
        return fc.uniqueArray(v, { minLength: 1, maxLength: 4 }).chain((thresholds) => {
          const sorted = [...thresholds].sort((a, b) => (direction === 'lower' ? a - b : b - a));
          return fc.array(fc.integer({ min: 0, max: 100 }), { minLength: sorted.length, maxLength: sorted.length }).map((scores) => {
            const descending = [...scores].sort((a, b) => b - a);
            return { metric, weight: 0, method, tiers: sorted.map((t, i) => [t, descending[i]!] as [number, number]) };
          });
        });
    }
  });
}

/** n non-negative integer weights that add up to 100. */
const weightsOf = (n: number) => fc.array(fc.integer({ min: 0, max: 100 }), { minLength: n - 1, maxLength: n - 1 }).map((cuts) => {
  const points = [0, ...cuts.sort((a, b) => a - b), 100];
  return points.slice(1).map((p, i) => p - points[i]!);
});

const templateArb: fc.Arbitrary<Template> = fc.record({
  metrics: fc.uniqueArray(fc.constantFrom(...APPRAISAL_METRICS.map((e) => e.id)), { minLength: 1, maxLength: 6 }),
  manual: fc.uniqueArray(fc.constantFrom('工作态度', '专业能力', '应变能力', '=evil()'), { maxLength: 3 }),
  maxes: fc.array(fc.constantFrom(5, 7, 10, 100), { minLength: 3, maxLength: 3 }),
  bonusBase: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
  grades: fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { maxLength: 4 }),
}).chain(({ metrics, manual, maxes, bonusBase, grades }) =>
  fc.tuple(fc.tuple(...metrics.map(metricItem)), weightsOf(metrics.length + manual.length)).map(([items, weights]): Template => {
    // New objects: fast-check reuses generated values while shrinking, so they are never mutated.
    const all: TemplateItem[] = [...items, ...manual.map((name, i) => ({ manual: name, weight: 0, max: maxes[i]! }))]
      .map((item, i) => ({ ...item, weight: weights[i]! }));
    const bands = [0, ...grades].map((min, i) => ({ min, grade: `G${i}`, coefficient: 0.5 + i * 0.1 }));
    return { version: 1, name: '随机', items: all, grades: bands, ...(bonusBase !== undefined ? { bonusBase } : {}) };
  }));

const agentsArb = (template: Template) => {
  const metrics = template.items.filter((i): i is MetricItem => 'metric' in i).map((i) => i.metric);
  const manualItems = template.items.flatMap((i) => ('manual' in i ? [i] : []));
  const agent = fc.record({
    values: fc.tuple(...metrics.map((m) => fc.option(valueFor(m), { nil: '' as const }))),
    typed: fc.tuple(...manualItems.map((m) => fc.option(fc.oneof(fc.integer({ min: 0, max: m.max }), fc.integer({ min: 0, max: m.max * 10 }).map((n) => n / 10), fc.constant('好')), { nil: undefined }))),
  });
  return fc.uniqueArray(fc.constantFrom('小美', '阿杰', '晓雯', '大白', '=HYPERLINK("x")', '+1', '<b>x</b>', '糖糖'), { minLength: 1, maxLength: 8 })
    .chain((names) => fc.tuple(...names.map(() => agent)).map((rows) => {
      const agents: PlanAgent[] = names.map((name, i) => ({ agent: name, values: Object.fromEntries(metrics.map((m, j) => [m, rows[i]!.values[j]!])) }));
      const existing = inputsFromRows(names.flatMap((name, i) => manualItems.flatMap((m, j) => {
        const typed = rows[i]!.typed[j];
        return typed === undefined ? [] : [[name, m.manual, typed]];
      })));
      return { agents, existing };
    }));
};

describe('random templates and agents', () => {
  test('formulas and plain code agree on every score, total, rank, grade, coefficient and bonus', () => {
    fc.assert(fc.property(templateArb.chain((t) => agentsArb(t).map((a) => ({ template: t, ...a }))), ({ template, agents, existing }) => {
      expect(validateTemplate(template)).toMatchObject({ ok: true });
      check(template, agents, existing);
    }), { numRuns: 80 });
  });
});
