/** The template diff (what a rebuild with another template changes) and the data coverage of a template. */
import { describe, expect, test } from 'vitest';
import {
  PRESETS, coverageOf, diffTemplates, inputsFromRows, neededColumns, templateHash, uncoveredItems, withoutItems, type Template,
} from '../../src/appraisal';

const base: Template = {
  version: 1,
  name: 'A',
  items: [
    { metric: 'INQUIRY_CONVERSION', weight: 50, floor: 0.3, target: 0.5, method: 'linear' },
    { metric: 'BAD_REVIEW_RATE', weight: 30, method: 'tiers', tiers: [[0.002, 100], [0.005, 80]] },
    { manual: '工作态度', weight: 20, max: 100 },
  ],
  grades: [{ min: 90, grade: 'S', coefficient: 1.2 }, { min: 0, grade: 'B', coefficient: 1 }],
  bonusBase: 1000,
};

const zh = (t: Template, existing?: Parameters<typeof diffTemplates>[2]) => diffTemplates(base, t, existing).changes.map((c) => c.msg.zh);

describe('diffTemplates', () => {
  test('the same meaning (another name, items and bands in another order, an explicit default cap) is no change, and hashes the same', () => {
    const same: Template = {
      ...base, name: 'B', items: [base.items[2]!, { ...(base.items[0] as object), cap: 100 } as Template['items'][number], base.items[1]!], grades: [...base.grades].reverse(),
    };
    expect(diffTemplates(base, same)).toEqual({ same: true, changes: [], typedScores: [] });
    expect(templateHash(same)).toBe(templateHash(base));
  });

  test('each field that changes a number is named with its old and new value', () => {
    const changed: Template = {
      ...base,
      items: [
        { metric: 'INQUIRY_CONVERSION', weight: 40, floor: 0.2, target: 0.6, method: 'ratio', cap: 120 },
        { metric: 'BAD_REVIEW_RATE', weight: 30, method: 'tiers', tiers: [[0.002, 100], [0.01, 60]] },
        { manual: '工作态度', weight: 20, max: 10 },
        { metric: 'RETURN_RATE', weight: 10, floor: 0.15, target: 0.05, method: 'linear' },
      ],
      grades: [{ min: 85, grade: 'S', coefficient: 1.2 }, { min: 0, grade: 'B', coefficient: 1 }],
      bonusBase: undefined,
    };
    expect(zh(changed)).toEqual([
      '「询单转化率」权重 50 → 40',
      '「询单转化率」计分方法 linear → ratio',
      '「询单转化率」下限 0.3 → 0.2',
      '「询单转化率」目标 0.5 → 0.6',
      '「询单转化率」封顶分 100 → 120',
      '「差评率」阶梯 0.002→100, 0.005→80 → 0.002→100, 0.01→60',
      '「工作态度」满分 100 → 10',
      '新增 「退货率」（权重 10）',
      '等级档位 S≥90×1.2 B≥0×1 → S≥85×1.2 B≥0×1',
      '奖金基数 1000 → —',
    ]);
    expect(templateHash(changed)).not.toBe(templateHash(base));
  });

  test('a removed manual item says its typed scores stop counting; an item removed is named with its weight', () => {
    const typed = inputsFromRows([['小美', '工作态度', 9], ['阿杰', '工作态度', '优秀'], ['大白', '工作态度', 7]]);
    const without: Template = { ...base, items: [{ ...(base.items[0] as object), weight: 70 } as Template['items'][number], base.items[1]!] };
    const diff = diffTemplates(base, without, typed);
    expect(diff.changes.map((c) => c.msg.zh)).toEqual(['「询单转化率」权重 50 → 70', '移除 「工作态度」（权重 20）']);
    expect(diff.typedScores.map((m) => m.zh)).toEqual(['「工作态度」已填的 3 个分数（小美 9、阿杰 优秀、大白 7）将不再计入总分，保留在「已移出模板」列中']);
  });

});

describe('coverage', () => {
  const agents = [
    { values: { INQUIRY_CONVERSION: 0.4, AVG_RESPONSE_TIME: '' as const } },
    { values: { INQUIRY_CONVERSION: '' as const, AVG_RESPONSE_TIME: '' as const } },
  ];

  test('coverageOf counts the agents with a value of each computable metric', () => {
    expect(coverageOf(['INQUIRY_CONVERSION', 'AVG_RESPONSE_TIME'], agents)).toEqual({ INQUIRY_CONVERSION: 1, AVG_RESPONSE_TIME: 0 });
  });

  test('uncoveredItems: no column, or blank for every agent; manual items never', () => {
    const coverage = { INQUIRY_CONVERSION: 1, BAD_REVIEW_RATE: 0 };
    expect(uncoveredItems(base, coverage).map((u) => [u.metric, u.weight, u.reason])).toEqual([['BAD_REVIEW_RATE', 30, 'blank']]);
    const mixed = PRESETS.mixed.template as Template;
    // 综合: INQUIRY_CONVERSION has a value, BAD_REVIEW_RATE's columns are blank, the other six have none
    expect(uncoveredItems(mixed, coverage).map((u) => `${u.metric}:${u.reason}`)).toEqual([
      'SALES_ACHIEVEMENT:no-column', 'INQUIRY_AOV:no-column', 'AVG_RESPONSE_TIME:no-column', 'BAD_REVIEW_RATE:blank',
      'RETURN_RATE:no-column', 'ORDER_ACCURACY:no-column', 'COMPLAINT_COUNT_28D:no-column',
    ]);
  });

  test('neededColumns names the counts and the rate column a metric is read from', () => {
    expect(neededColumns('INQUIRY_CONVERSION').zh).toBe('「询单->最终付款人数」和「询单人数」，或「询单转化率」');
    expect(neededColumns('COMPLAINT_COUNT_28D').zh).toMatch(/^「[^」]+」$/);
  });

  test('withoutItems sets the weight of the 无数据 items to 0 and leaves the rest', () => {
    const t = withoutItems(base, ['BAD_REVIEW_RATE']);
    expect(t.items.map((i) => i.weight)).toEqual([50, 0, 20]);
    expect(base.items[1]!.weight).toBe(30);
  });
});
