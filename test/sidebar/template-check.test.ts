import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/appraisal/presets';
import { validateTemplate } from '../../src/appraisal/template';
import { APPRAISAL_METRICS } from '../../src/metrics/catalogue';
import { SCORING_METHODS } from '../../src/metrics/scoring';
import type { MetricChoice } from '../../src/server/api';
import { checkDraft, fieldIssues, weightsComplete, weightTotal } from '../../src/sidebar/template-check';
import {
  draftFromTemplate, nextKey, templateFromDraft,
  type GradeDraft, type ItemDraft, type ManualItemDraft, type MetricItemDraft, type TemplateDraft,
} from '../../src/sidebar/template-draft';

/** The metric list exactly as `kk_getState` sends it. */
const METRICS: MetricChoice[] = APPRAISAL_METRICS.map((m) => ({ id: m.id, zh: m.name.zh, en: m.name.en, unit: m.unit, direction: m.direction ?? 'higher' }));

const grades = (): GradeDraft[] => [
  { key: nextKey(), min: '85', grade: 'A', coefficient: '1.1' },
  { key: nextKey(), min: '0', grade: 'D', coefficient: '0.5' },
];
const metric = (over: Partial<MetricItemDraft>): MetricItemDraft => ({
  kind: 'metric', key: nextKey(), metric: 'INQUIRY_CONVERSION', weight: '100', method: 'linear',
  floor: '0.3', target: '0.5', cap: '', points: '', tiers: [], ...over,
});
const manual = (over: Partial<ManualItemDraft>): ManualItemDraft => ({ kind: 'manual', key: nextKey(), name: '工作态度', weight: '100', max: '100', ...over });
const draft = (items: ItemDraft[], over: Partial<TemplateDraft> = {}): TemplateDraft => ({ name: '模板', items, grades: grades(), bonusBase: '', ...over });
const paths = (d: TemplateDraft) => fieldIssues(d, METRICS).map((i) => i.path);

describe('weightTotal', () => {
  it('adds the weights', () => {
    // 40 + 25 + 10 + 10 = 85
    const d = draft([metric({ weight: '40' }), metric({ weight: '25' }), metric({ weight: '10' }), manual({ weight: '10' })]);
    expect(weightTotal(d)).toBe(85);
  });
  it('shows decimal sums without float noise', () => {
    // 33.3 + 33.3 + 33.4 = 100 (in binary floating point 100.00000000000001)
    const d = draft([metric({ weight: '33.3' }), metric({ weight: '33.3' }), manual({ weight: '33.4' })]);
    expect(weightTotal(d)).toBe(100);
    expect(weightsComplete(d)).toBe(true);
  });
  it('counts blank and unreadable weights as 0', () => {
    // 60 + 0 + 0 = 60
    expect(weightTotal(draft([metric({ weight: '60' }), metric({ weight: '' }), manual({ weight: 'x' })]))).toBe(60);
  });
  it('is incomplete below 100', () => {
    expect(weightsComplete(draft([metric({ weight: '99.9' })]))).toBe(false);
  });
});

describe('fieldIssues', () => {
  it('finds nothing wrong in a correct draft', () => {
    expect(fieldIssues(draft([metric({ weight: '80' }), manual({ weight: '20' })]), METRICS)).toEqual([]);
  });
  it('finds nothing wrong in any preset', () => {
    for (const p of Object.values(PRESETS)) expect(fieldIssues(draftFromTemplate(p.template), METRICS)).toEqual([]);
  });
  it('says how far the weights are from 100', () => {
    // 80 + 15 = 95: 5 short
    const issues = fieldIssues(draft([metric({ weight: '80' }), manual({ weight: '15' })]), METRICS);
    expect(issues).toEqual([{ path: 'weights', msg: { zh: '权重合计为 95，还差 5，需正好为 100。', en: 'The weights add up to 95; add 5 to make exactly 100.' } }]);
  });
  it('says how much the weights are over', () => {
    // 80 + 30 = 110: 10 over
    const issues = fieldIssues(draft([metric({ weight: '80' }), manual({ weight: '30' })]), METRICS);
    expect(issues[0]!.msg.en).toBe('The weights add up to 110; remove 10 to make exactly 100.');
  });
  it('puts a negative weight next to that item\'s weight, naming the item', () => {
    const item = metric({ weight: '-10' });
    const issues = fieldIssues(draft([item, manual({ weight: '110' })]), METRICS);
    const own = issues.find((i) => i.path === `items.${item.key}.weight`)!;
    expect(own.msg.zh).toBe('第 1 项「询单转化率」：权重不能为负数。');
    expect(own.msg.en).toBe('item 1 (INQUIRY_CONVERSION): the weight cannot be negative.');
  });
  it('reports an unreadable weight', () => {
    const item = metric({ weight: '1O0' });
    expect(fieldIssues(draft([item]), METRICS).find((i) => i.path === `items.${item.key}.weight`)!.msg.en).toContain('"1O0" is not a number');
  });
  it('reports an unknown metric', () => {
    const item = metric({ metric: 'INQUIRY_CONVERTION' });
    expect(paths(draft([item]))).toContain(`items.${item.key}.metric`);
  });
  it('reports the same metric twice', () => {
    const second = metric({ weight: '50' });
    expect(paths(draft([metric({ weight: '50' }), second]))).toEqual([`items.${second.key}.metric`]);
  });
  it('reports the same manual item twice, ignoring surrounding spaces', () => {
    const second = manual({ name: ' 工作态度 ', weight: '50' });
    expect(paths(draft([manual({ weight: '50' }), second]))).toEqual([`items.${second.key}.name`]);
  });
  it('needs a floor for linear', () => {
    const item = metric({ floor: '' });
    expect(paths(draft([item]))).toEqual([`items.${item.key}.floor`]);
  });
  it('does not need a floor for ratio', () => {
    expect(paths(draft([metric({ metric: 'AOV', method: 'ratio', floor: '', target: '150' })]))).toEqual([]);
  });
  it('needs a target for pass_fail', () => {
    const item = metric({ method: 'pass_fail', target: '' });
    expect(paths(draft([item]))).toEqual([`items.${item.key}.target`]);
  });
  it('refuses floor = target for linear', () => {
    const item = metric({ floor: '0.5', target: '0.5' });
    expect(paths(draft([item]))).toEqual([`items.${item.key}.target`]);
  });
  it('refuses a ratio target of 0', () => {
    const item = metric({ metric: 'AOV', method: 'ratio', floor: '', target: '0' });
    expect(paths(draft([item]))).toEqual([`items.${item.key}.target`]);
  });
  it('reads a proportion target of 50 as a percent and suggests 0.5', () => {
    const item = metric({ floor: '0.3', target: '50' });
    const issues = fieldIssues(draft([item]), METRICS);
    expect(issues.map((i) => i.path)).toEqual([`items.${item.key}.target`]);
    expect(issues[0]!.msg.en).toContain('write 50% as 0.5');
  });
  it('lets a non-proportion target exceed 1', () => {
    expect(paths(draft([metric({ metric: 'AVG_RESPONSE_TIME', floor: '60', target: '15' })]))).toEqual([]);
  });
  it('refuses a cap of 0', () => {
    const item = metric({ cap: '0' });
    expect(paths(draft([item]))).toEqual([`items.${item.key}.cap`]);
  });
  it('needs points for deduction', () => {
    const item = metric({ metric: 'COMPLAINT_COUNT_28D', method: 'deduction', points: '' });
    expect(paths(draft([item]))).toEqual([`items.${item.key}.points`]);
  });
  it('needs at least one tier', () => {
    const item = metric({ method: 'tiers' });
    expect(paths(draft([item]))).toEqual([`items.${item.key}.tiers`]);
  });
  it('accepts lower-is-better tiers listed lowest threshold first', () => {
    // BAD_REVIEW_RATE is lower-is-better: ≤ 0.2 % → 100, ≤ 0.5 % → 80
    const tiers = [{ threshold: '0.002', score: '100' }, { threshold: '0.005', score: '80' }];
    expect(paths(draft([metric({ metric: 'BAD_REVIEW_RATE', method: 'tiers', tiers })]))).toEqual([]);
  });
  it('refuses lower-is-better tiers listed highest threshold first, at the tier out of order', () => {
    const tiers = [{ threshold: '0.005', score: '100' }, { threshold: '0.002', score: '80' }];
    const item = metric({ metric: 'BAD_REVIEW_RATE', method: 'tiers', tiers });
    expect(paths(draft([item]))).toEqual([`items.${item.key}.tiers.1`]);
  });
  it('refuses higher-is-better tiers listed lowest threshold first', () => {
    // INQUIRY_CONVERSION is higher-is-better: the highest threshold comes first
    const tiers = [{ threshold: '0.3', score: '60' }, { threshold: '0.5', score: '100' }];
    const item = metric({ method: 'tiers', tiers });
    expect(paths(draft([item]))).toContain(`items.${item.key}.tiers.1`);
  });
  it('refuses a tier scoring above the cap (100 when blank), and accepts it once the cap allows it', () => {
    const tiers = [{ threshold: '0.5', score: '120' }, { threshold: '0.3', score: '80' }];
    const item = metric({ method: 'tiers', tiers });
    expect(fieldIssues(draft([item]), METRICS).map((i) => i.msg.en)).toEqual([
      'item 1 (INQUIRY_CONVERSION): tier 1 scores 120, above the cap of 100: lower it, or set the cap to 120.',
    ]);
    expect(fieldIssues(draft([metric({ method: 'tiers', tiers, cap: '120' })]), METRICS)).toEqual([]);
  });
  it('refuses a tier scoring more than the one before', () => {
    const tiers = [{ threshold: '0.5', score: '80' }, { threshold: '0.3', score: '90' }];
    const item = metric({ method: 'tiers', tiers });
    expect(fieldIssues(draft([item]), METRICS).map((i) => i.msg.en)).toEqual(["item 1 (INQUIRY_CONVERSION): tier 2's score cannot be above the one before."]);
  });
  it('needs a manual item\'s name and a positive maximum', () => {
    const item = manual({ name: ' ', max: '0' });
    expect(paths(draft([item]))).toEqual([`items.${item.key}.name`, `items.${item.key}.max`]);
  });
  it('needs a template name', () => {
    expect(paths(draft([metric({})], { name: '  ' }))).toEqual(['name']);
  });
  it('needs at least one item', () => {
    expect(paths(draft([]))).toEqual(['weights']);
  });
  it('needs a grade band starting at 0', () => {
    const d = draft([metric({})], { grades: [{ key: nextKey(), min: '60', grade: 'C', coefficient: '1' }] });
    expect(fieldIssues(d, METRICS)).toEqual([{ path: 'grades', msg: { zh: '需要一个最低分为 0 的等级，否则低于 60 的总分没有等级。', en: 'Add a band with minimum 0, or totals below 60 get no grade.' } }]);
  });
  it('refuses two bands with the same minimum or the same grade', () => {
    const a = { key: nextKey(), min: '0', grade: 'D', coefficient: '0.5' };
    const b = { key: nextKey(), min: '0', grade: 'D', coefficient: '0.5' };
    expect(paths(draft([metric({})], { grades: [a, b] }))).toEqual([`grades.${b.key}.grade`, `grades.${b.key}.min`]);
  });
  it('refuses a negative coefficient', () => {
    const band = { key: nextKey(), min: '0', grade: 'D', coefficient: '-1' };
    expect(paths(draft([metric({})], { grades: [band] }))).toEqual([`grades.${band.key}.coefficient`]);
  });
  it('refuses a negative bonus base', () => {
    expect(paths(draft([metric({})], { bonusBase: '-1' }))).toEqual(['bonusBase']);
  });
});

describe('checkDraft', () => {
  it('is empty for a preset', () => {
    expect(checkDraft(draftFromTemplate(PRESETS.presale.template), METRICS)).toEqual([]);
  });
  it('passes field issues through', () => {
    expect(checkDraft(draft([metric({ weight: '90' })]), METRICS).map((i) => i.path)).toEqual(['weights']);
  });
});

/**
 * The mirror property: for any draft, the field checks find nothing exactly when the server's
 * `validateTemplate` accepts the template the draft sends. Drafts are valid templates (distinct
 * metrics, weights cut from 100, default-like bands) with up to two fields changed to odd values,
 * so both outcomes come up often.
 */
describe('fieldIssues mirrors validateTemplate', () => {
  const POOL: Partial<MetricItemDraft>[] = [
    { metric: 'INQUIRY_CONVERSION', method: 'linear', floor: '0.3', target: '0.5' },
    { metric: 'BAD_REVIEW_RATE', method: 'tiers', tiers: [{ threshold: '0.002', score: '100' }, { threshold: '0.005', score: '80' }] },
    { metric: 'AVG_RESPONSE_TIME', method: 'linear', floor: '60', target: '15', cap: '120' },
    { metric: 'AOV', method: 'ratio', target: '150' },
    { metric: 'COMPLAINT_COUNT_28D', method: 'deduction', points: '5' },
    { metric: 'ORDER_ACCURACY', method: 'pass_fail', target: '0.995' },
  ];
  /** k weights of whole numbers adding up to 100. */
  const weightsOf = (k: number) =>
    fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: k - 1, maxLength: k - 1 }).map((cuts) => {
      const points = [0, ...cuts.sort((a, b) => a - b), 100];
      return points.slice(1).map((p, i) => String(p - points[i]!));
    });
  const validDraft = fc.tuple(fc.subarray(POOL.map((_, i) => i), { minLength: 1 }), fc.boolean()).chain(([picked, withManual]) =>
    weightsOf(picked.length + (withManual ? 1 : 0)).map((weights): TemplateDraft => ({
      name: '模板',
      items: [
        ...picked.map((i, n) => metric({ ...POOL[i], tiers: (POOL[i]!.tiers ?? []).map((t) => ({ ...t })), weight: weights[n]! })),
        ...(withManual ? [manual({ weight: weights[picked.length]! })] : []),
      ],
      grades: [
        { key: nextKey(), min: '85', grade: 'A', coefficient: '1.1' },
        { key: nextKey(), min: '60', grade: 'C', coefficient: '0.8' },
        { key: nextKey(), min: '0', grade: 'D', coefficient: '0.5' },
      ],
      bonusBase: '1000',
    })));
  const ODD: Record<string, string[]> = {
    weight: ['0', '-10', '', 'x', '5', '33.3'],
    floor: ['', '0.5', '0.3', '50', '-1', 'x', '60', '0.995'],
    target: ['', '0', '0.5', '50', '15', 'x', '1', '-1'],
    cap: ['', '0', '-1', '120', 'x'],
    points: ['', '0', '5', 'x', '-2'],
    method: [...SCORING_METHODS],
    metric: ['INQUIRY_CONVERSION', 'NOT_A_METRIC', 'AOV', 'BAD_REVIEW_RATE'],
    max: ['', '0', '10', '-1', 'x'],
    name: ['', ' ', '工作态度', '团队'],
    threshold: ['', '0.001', '0.01', '5', 'x'],
    score: ['', '120', '90', '-5', 'x'],
    gradeMin: ['', '0', '85', '-1', '60', 'x'],
    gradeName: ['', 'A', 'D'],
    gradeCoefficient: ['', '-1', '0', '1.5', 'x'],
    bonusBase: ['', '-1', 'x', '500'],
    templateName: ['', '  ', '新模板'],
  };
  const change = fc.record({ field: fc.constantFrom(...Object.keys(ODD)), at: fc.nat(), value: fc.nat() });
  const apply = (d: TemplateDraft, c: { field: string; at: number; value: number }): void => {
    const pool = ODD[c.field]!;
    const v = pool[c.value % pool.length]!;
    const item = d.items[c.at % d.items.length]!;
    const band = d.grades[c.at % d.grades.length]!;
    switch (c.field) {
      case 'bonusBase': d.bonusBase = v; return;
      case 'templateName': d.name = v; return;
      case 'gradeMin': band.min = v; return;
      case 'gradeName': band.grade = v; return;
      case 'gradeCoefficient': band.coefficient = v; return;
      case 'weight': item.weight = v; return;
      case 'max': if (item.kind === 'manual') item.max = v; return;
      case 'name': if (item.kind === 'manual') item.name = v; return;
    }
    if (item.kind !== 'metric') return;
    if (c.field === 'threshold' || c.field === 'score') {
      const tier = item.tiers[c.at % Math.max(1, item.tiers.length)];
      if (tier) tier[c.field] = v;
      else item.tiers.push({ threshold: v, score: '50' });
    } else if (c.field === 'method') item.method = v as MetricItemDraft['method'];
    else (item as unknown as Record<string, string>)[c.field] = v;
  };
  const draftArb = fc.tuple(validDraft, fc.array(change, { maxLength: 2 })).map(([d, changes]) => {
    for (const c of changes) apply(d, c);
    return d;
  });

  it('produces both valid and invalid drafts', () => {
    const outcomes = fc.sample(draftArb, { numRuns: 500, seed: 7 }).map((d) => validateTemplate(templateFromDraft(d)).ok);
    expect(outcomes.filter(Boolean).length).toBeGreaterThan(50);
    expect(outcomes.filter((ok) => !ok).length).toBeGreaterThan(50);
  });
  it('agrees with the server on every draft', () => {
    fc.assert(fc.property(draftArb, (d) => {
      const field = fieldIssues(d, METRICS);
      const server = validateTemplate(templateFromDraft(d));
      expect({ fieldOk: field.length === 0, field, server }).toMatchObject({ fieldOk: server.ok });
    }), { numRuns: 3000 });
  });
});
