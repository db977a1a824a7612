import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { PRESETS, presetTemplate, suggestMetrics, validateTemplate } from '../../src/appraisal';
import type { Msg } from '../../src/i18n';

/** A template that passes, for tests to break one thing at a time. */
const good = () => ({
  version: 1,
  name: '售前客服月度考核',
  items: [
    { metric: 'INQUIRY_CONVERSION', weight: 35, floor: 0.3, target: 0.5, method: 'linear' },
    { metric: 'AVG_RESPONSE_TIME', weight: 15, floor: 60, target: 15, method: 'linear' },
    { metric: 'INQUIRY_AOV', weight: 20, floor: 80, target: 150, method: 'ratio', cap: 120 },
    { metric: 'BAD_REVIEW_RATE', weight: 10, method: 'tiers', tiers: [[0.002, 100], [0.005, 80], [0.01, 60]] },
    { manual: '工作态度', weight: 20, max: 100 },
  ] as Record<string, unknown>[],
  grades: [
    { min: 95, grade: 'S', coefficient: 1.2 },
    { min: 85, grade: 'A', coefficient: 1.1 },
    { min: 75, grade: 'B', coefficient: 1.0 },
    { min: 60, grade: 'C', coefficient: 0.8 },
    { min: 0, grade: 'D', coefficient: 0.5 },
  ] as Record<string, unknown>[],
  bonusBase: 1000 as unknown,
});

function errorsOf(raw: unknown): Msg[] {
  const result = validateTemplate(raw);
  if (result.ok) throw new Error('expected the template to be refused');
  return result.errors;
}

/** The one error a broken template gets, in both languages. */
function onlyError(raw: unknown): Msg {
  const errors = errorsOf(raw);
  expect(errors).toHaveLength(1);
  return errors[0]!;
}

describe('validateTemplate accepts', () => {
  test("the spec's example template, unchanged", () => {
    const result = validateTemplate(good());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.template).toEqual(good());
  });

  test('samples/template-presale.json (the same example)', () => {
    const raw = JSON.parse(readFileSync('samples/template-presale.json', 'utf8'));
    expect(validateTemplate(raw)).toEqual({ ok: true, template: good() });
  });

  test('every preset', () => {
    for (const preset of Object.values(PRESETS)) {
      const result = validateTemplate(preset.template);
      expect(result, preset.id).toEqual({ ok: true, template: preset.template });
    }
  });

  test('weights that add up to 100 only after rounding (33.3 + 33.3 + 33.4)', () => {
    const t = good();
    t.items = [
      { manual: 'a', weight: 33.3, max: 10 }, { manual: 'b', weight: 33.3, max: 10 }, { manual: 'c', weight: 33.4, max: 10 },
    ];
    expect(validateTemplate(t).ok).toBe(true);
  });

  test('missing grades: the default bands are filled in', () => {
    const t: Record<string, unknown> = good();
    delete t.grades;
    const result = validateTemplate(t);
    expect(result.ok && result.template.grades.map((g) => g.grade)).toEqual(['S', 'A', 'B', 'C', 'D']);
  });

  test('ratio and pass_fail without a floor (the metric keeps its own direction)', () => {
    const t = good();
    t.items[2] = { metric: 'INQUIRY_AOV', weight: 20, target: 150, method: 'ratio' };
    t.items[3] = { metric: 'BAD_REVIEW_RATE', weight: 10, target: 0.005, method: 'pass_fail' };
    expect(validateTemplate(t).ok).toBe(true);
  });

  test('trims names and drops fields it does not know', () => {
    const t = good();
    t.name = '  售前  ';
    t.items[4] = { manual: ' 工作态度 ', weight: 20, max: 100, colour: 'red' };
    const result = validateTemplate(t);
    expect(result.ok && result.template.name).toBe('售前');
    expect(result.ok && result.template.items[4]).toEqual({ manual: '工作态度', weight: 20, max: 100 });
  });
});

describe('validateTemplate refuses, naming the item and the fix', () => {
  test('weights that do not add up to 100: the sum and the difference', () => {
    const t = good();
    t.items[0]!.weight = 30; // 30 + 15 + 20 + 10 + 20 = 95, 5 short
    const e = onlyError(t);
    expect(e.zh).toBe('权重合计必须为 100：当前合计 95，还差 5');
    expect(e.en).toBe('weights must add up to 100: they add up to 95, 5 short');
    t.items[0]!.weight = 45.5; // 45.5 + 65 = 110.5, 10.5 over
    expect(onlyError(t).en).toBe('weights must add up to 100: they add up to 110.5, 10.5 over');
  });

  test('a negative weight', () => {
    const t = good();
    t.items[1]!.weight = -15;
    const e = onlyError(t);
    expect(e.zh).toContain('第 2 项「平均响应时间」');
    expect(e.zh).toContain('不能为负数');
    expect(e.en).toContain('item 2 (AVG_RESPONSE_TIME)');
  });

  test('a weight that is not a number', () => {
    const t = good();
    t.items[1]!.weight = '15';
    const e = onlyError(t);
    expect(e.en).toBe('item 2 (AVG_RESPONSE_TIME): the weight must be a number (got "15"), e.g. "weight": 20');
  });

  test('an unknown metric, suggesting close ids', () => {
    const t = good();
    t.items[0]!.metric = 'INQUIRY_CONVERTION';
    const e = onlyError(t);
    expect(e.en).toContain('item 1 (INQUIRY_CONVERTION): unknown metric "INQUIRY_CONVERTION"; did you mean INQUIRY_CONVERSION');
    expect(e.zh).toContain('是不是 INQUIRY_CONVERSION');
  });

  test('an unknown metric with nothing close: pick from the list', () => {
    const t = good();
    t.items[0]!.metric = 'XYZZY';
    expect(onlyError(t).en).toContain('pick one from the metric list');
  });

  test('a missing floor or target for linear', () => {
    const t = good();
    delete t.items[0]!.floor;
    const e = onlyError(t);
    expect(e.zh).toContain('第 1 项「询单转化率」');
    expect(e.en).toContain('the linear method needs a floor (scores 0) and a target (scores 100)');
  });

  test('a missing target for ratio', () => {
    const t = good();
    delete t.items[2]!.target;
    expect(onlyError(t).en).toContain('item 3 (INQUIRY_AOV): the ratio method needs a target');
  });

  test('floor equal to target for linear', () => {
    const t = good();
    t.items[1]!.floor = 15;
    expect(onlyError(t).en).toContain('floor equals target (15)');
  });

  test('a floor or target that is not a number', () => {
    const t = good();
    t.items[1]!.target = 'fast';
    expect(onlyError(t).en).toBe('item 2 (AVG_RESPONSE_TIME): target must be a number (got "fast")');
  });

  test('a proportion written as a percent number (30 for 30 %)', () => {
    const t = good();
    t.items[0]!.floor = 30;
    t.items[0]!.target = 50;
    const errors = errorsOf(t);
    expect(errors.map((e) => e.en)).toEqual([
      'item 1 (INQUIRY_CONVERSION): floor is 30 but this metric is a proportion between 0 and 1: write 30% as 0.3',
      'item 1 (INQUIRY_CONVERSION): target is 50 but this metric is a proportion between 0 and 1: write 50% as 0.5',
    ]);
  });

  test('tiers out of order', () => {
    const t = good();
    // BAD_REVIEW_RATE is lower-is-better: thresholds must rise from the best tier.
    t.items[3]!.tiers = [[0.005, 80], [0.002, 100], [0.01, 60]];
    const e = onlyError(t);
    expect(e.en).toContain('item 4 (BAD_REVIEW_RATE): tiers out of order (tier 1 [0.005,80], tier 2 [0.002,100])');
    expect(e.zh).toContain('越低越好的指标请从最低门槛写起');
  });

  test('tiers of a higher-is-better metric listed lowest first', () => {
    const t = good();
    t.items[0] = { metric: 'INQUIRY_CONVERSION', weight: 35, method: 'tiers', tiers: [[0.3, 60], [0.5, 100]] };
    expect(onlyError(t).en).toContain('list the highest threshold first');
  });

  test('tiers missing or empty', () => {
    const t = good();
    t.items[3]!.tiers = [];
    expect(onlyError(t).en).toContain('the tiers method needs tiers: [[threshold, score], …]');
    delete t.items[3]!.tiers;
    expect(onlyError(t).en).toContain('the tiers method needs tiers');
  });

  test('a malformed tier', () => {
    const t = good();
    t.items[3]!.tiers = [[0.002, 100], [0.005]];
    expect(onlyError(t).en).toContain('tier 2 must be [threshold, score]');
  });

  test('deduction without points', () => {
    const t = good();
    t.items[3] = { metric: 'COMPLAINT_COUNT_28D', weight: 10, method: 'deduction' };
    expect(onlyError(t).en).toContain('item 4 (COMPLAINT_COUNT_28D): the deduction method needs points above 0');
  });

  test('a cap of 0 or less', () => {
    const t = good();
    t.items[2]!.cap = 0;
    expect(onlyError(t).en).toBe('item 3 (INQUIRY_AOV): cap must be above 0 (got 0); leave it out for the default 100');
  });

  test('an unknown scoring method', () => {
    const t = good();
    t.items[0]!.method = 'curve';
    expect(onlyError(t).en).toBe('item 1 (INQUIRY_CONVERSION): scoring method "curve" is not valid; use one of linear, ratio, tiers, deduction, pass_fail');
  });

  test('a tier scoring above the cap (default 100): every method yields 0 … cap', () => {
    const t = good();
    t.items[3]!.tiers = [[0.002, 120], [0.005, 80]];
    expect(onlyError(t).en).toMatch(/a tier scores 120, above the cap of 100: .* set the cap to 120$/);
    t.items[3]!.cap = 120;
    expect(validateTemplate(t).ok).toBe(true);
  });

  test('a cap below 100 on pass_fail or deduction, which reach 100', () => {
    const t = good();
    t.items[0] = { metric: 'INQUIRY_CONVERSION', weight: 35, target: 0.5, method: 'pass_fail', cap: 80 };
    expect(onlyError(t).zh).toMatch(/pass_fail 的得分最高为 100，封顶分 80 会被超过/);
  });

  test('a missing scoring method', () => {
    const t = good();
    delete t.items[0]!.method;
    expect(onlyError(t).zh).toBe('第 1 项「询单转化率」：缺少计分方法（method），可选：linear, ratio, tiers, deduction, pass_fail');
  });

  test('a manual item with max 0 or less', () => {
    const t = good();
    t.items[4]!.max = 0;
    expect(onlyError(t).en).toBe('item 5 (工作态度): max must be a number above 0 (got 0), e.g. "max": 100');
  });

  test('a manual item without a name', () => {
    const t = good();
    t.items[4]!.manual = '  ';
    expect(onlyError(t).en).toContain('a manual item needs a name');
  });

  test('an item with both or neither of metric and manual', () => {
    const t = good();
    t.items[4] = { metric: 'AOV', manual: '工作态度', weight: 20, max: 100 };
    expect(onlyError(t).en).toContain('exactly one of "metric" or "manual"');
    t.items[4] = { weight: 20 };
    expect(onlyError(t).en).toBe('item 5: each item must be an object with exactly one of "metric" or "manual"');
  });

  test('duplicate items', () => {
    const t = good();
    t.items[4] = { metric: 'AVG_RESPONSE_TIME', weight: 20, floor: 50, target: 10, method: 'linear' };
    expect(onlyError(t).en).toBe('item 5 (AVG_RESPONSE_TIME): duplicates item 2: each metric or manual item may appear once; remove one');
    const u = good();
    u.items[3] = { manual: '工作态度', weight: 10, max: 5 };
    expect(onlyError(u).zh).toContain('第 5 项「工作态度」：与第 4 项重复');
  });

  test('grade bands leaving a gap below the lowest band (no band at 0)', () => {
    const t = good();
    t.grades = t.grades.slice(0, 4);
    expect(onlyError(t).en).toBe('the grade bands leave a gap: a total below 60 has no grade; add a band with min 0 (e.g. { "min": 0, "grade": "D", "coefficient": 0.5 })');
  });

  test('duplicate grade bands', () => {
    const t = good();
    t.grades[1] = { min: 95, grade: 'A', coefficient: 1.1 };
    expect(onlyError(t).en).toContain('grade band 2: duplicates band 1');
    const u = good();
    u.grades[2] = { min: 75, grade: 'A', coefficient: 1 };
    expect(onlyError(u).en).toContain('grade band 3: duplicates band 2');
  });

  test('grade names a spreadsheet would not read as plain text: wildcards, conditions, case or width twins', () => {
    // good() bands: S 95, A 85, B 75, C 60, D 0 (bands 1 … 5)
    const wild = good();
    wild.grades[1] = { min: 85, grade: 'A*', coefficient: 1.1 };
    expect(onlyError(wild)).toEqual({
      zh: '等级第 2 档：等级名「A*」含有 *：表格公式会把它当作通配符，计数和查找会出错；请去掉这些符号（例如用「A加」代替「A*」）',
      en: 'grade band 2: the grade "A*" contains *, which spreadsheet formulas read as wildcards, so counts and lookups go wrong; remove them (e.g. "A plus" instead of "A*")',
    });
    const marks = good();
    marks.grades[2] = { min: 75, grade: 'B?~?', coefficient: 1 };
    expect(onlyError(marks).en).toContain('the grade "B?~?" contains ? ~,');
    for (const start of ['=B', '<B', '>B']) {
      const t = good();
      t.grades[2] = { min: 75, grade: start, coefficient: 1 };
      expect(onlyError(t).en).toBe(`grade band 3: the grade "${start}" starts with ${start[0]}, which spreadsheet formulas read as a condition; start it with a letter or a word instead`);
      expect(onlyError(t).zh).toContain(`等级名「${start}」以 ${start[0]} 开头`);
    }
    const twins = good();
    twins.grades[3] = { min: 60, grade: 'a', coefficient: 0.8 };
    expect(onlyError(twins)).toEqual({
      zh: '等级第 4 档：等级名「a」与第 2 档的「A」只差大小写或全角/半角，表格比较文字时不分这些，会把两者当成同一个等级；请换一个明显不同的名字',
      en: 'grade band 4: the grade "a" differs from band 2\'s "A" only in letter case or full-/half-width forms, which a spreadsheet does not tell apart; give it a clearly different name',
    });
    const wide = good();
    wide.grades[4] = { min: 0, grade: 'Ｓ', coefficient: 0.5 }; // full-width S
    expect(onlyError(wide).en).toContain('grade band 5: the grade "Ｓ" differs from band 1\'s "S"');
    // A sign inside the name, or a plus, is plain text: accepted.
    const fine = good();
    fine.grades[0] = { min: 95, grade: 'A+', coefficient: 1.2 };
    fine.grades[1] = { min: 85, grade: 'B=良', coefficient: 1.1 };
    expect(validateTemplate(fine).ok).toBe(true);
  });

  test('a malformed or negative grade band', () => {
    const t = good();
    t.grades[0] = { min: 95, grade: 'S' };
    expect(onlyError(t).en).toContain('grade band 1: must be { "min"');
    const u = good();
    u.grades[4] = { min: -5, grade: 'D', coefficient: 0.5 };
    expect(onlyError(u).en).toContain('the minimum cannot be negative (got -5)');
  });

  test('a negative or non-numeric bonus base', () => {
    const t = good();
    t.bonusBase = -1;
    expect(onlyError(t).en).toBe('bonusBase must be a number of 0 or more (got -1); leave it out for no bonus');
    t.bonusBase = '1000';
    expect(onlyError(t).en).toContain('(got "1000")');
  });

  test('a wrong version', () => {
    const t: Record<string, unknown> = good();
    t.version = 2;
    expect(onlyError(t).en).toBe('unsupported template version 2: use "version": 1');
  });

  test('no name, no items', () => {
    const errors = errorsOf({ version: 1, items: [] });
    expect(errors.map((e) => e.en)).toEqual([
      'the template needs a name, e.g. "name": "Pre-sales monthly appraisal"',
      'the template has no items: add at least one metric or manual item',
    ]);
  });

  test('input that is not an object', () => {
    for (const raw of [null, undefined, 42, 'template', [good()]]) {
      const e = onlyError(raw);
      expect(e.en).toMatch(/^a template must be a JSON object/);
      expect(e.zh).toMatch(/^模板必须是 JSON 对象/);
    }
  });

  test('every problem at once, not just the first', () => {
    const t = good();
    t.items[0]!.weight = -1;
    t.items[2]!.cap = -3;
    t.bonusBase = -1;
    expect(errorsOf(t)).toHaveLength(3);
  });
});

describe('suggestMetrics', () => {
  test('a misspelt id, a fragment, lower case and the Chinese name', () => {
    expect(suggestMetrics('INQUIRY_CONVERTION')[0]).toBe('INQUIRY_CONVERSION');
    expect(suggestMetrics('refund_rate_28d')[0]).toBe('REFUND_RATE_28D');
    expect(suggestMetrics('询单转化率')).toEqual(['INQUIRY_CONVERSION']);
    expect(suggestMetrics('CONVERSION')).toContain('INQUIRY_CONVERSION');
  });

  test('nothing for text far from every id', () => {
    expect(suggestMetrics('XYZZY')).toEqual([]);
    expect(suggestMetrics('')).toEqual([]);
  });
});

describe('presets', () => {
  test('售前 weights: conversion 40, payment 25, the two response times 10 each, attitude 15', () => {
    const weights = PRESETS.presale.template.items.map((i) => ['metric' in i ? i.metric : i.manual, i.weight]);
    expect(weights).toEqual([
      ['INQUIRY_CONVERSION', 40], ['PAYMENT_RATE', 25], ['FIRST_RESPONSE_TIME', 10], ['AVG_RESPONSE_TIME', 10], ['工作态度', 15],
    ]);
  });

  test('every preset is valid with weights adding to 100; the platform metrics are scored where their back-end reports them', () => {
    for (const preset of Object.values(PRESETS)) {
      expect(validateTemplate(preset.template).ok, preset.id).toBe(true);
      expect(preset.template.items.reduce((s, i) => s + i.weight, 0), preset.id).toBe(100);
    }
    const metrics = (id: keyof typeof PRESETS) => PRESETS[id].template.items.flatMap((i) => ('metric' in i ? [i.metric] : []));
    expect(metrics('aftersale')).toContain('SATISFACTION_RATE');
    expect(metrics('douyin')).toEqual(expect.arrayContaining(['REPLY_RATE_3MIN', 'SATISFACTION_RATE', 'DISSATISFACTION_RATE']));
    expect(metrics('jd')).toEqual(expect.arrayContaining(['RESPONSE_RATE_30S', 'DISSATISFACTION_RATE']));
    expect(metrics('pdd')).toContain('VALID_REPLY_RATE');
  });

  test('presetTemplate returns a copy that may be edited freely', () => {
    const copy = presetTemplate('mixed')!;
    copy.items[0]!.weight = 0;
    expect(PRESETS.mixed.template.items[0]!.weight).toBe(25);
    expect(presetTemplate('nope')).toBeUndefined();
    expect(presetTemplate('constructor')).toBeUndefined();
  });
});
