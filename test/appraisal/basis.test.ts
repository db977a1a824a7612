/**
 * One rule for per-day rate columns without counts (issue 8 item 5), hand-computed from the rule
 * in src/appraisal/basis.ts: weighted by the metric's own denominator, else by the day's
 * 接待人数 (else 咨询人数), else a plain mean; the value header's note says which.
 */
import { describe, expect, test } from 'vitest';
import { aggregate, type AggregateOptions } from '../../src/appraisal/aggregate';
import { basisNote } from '../../src/appraisal/basis';
import { recognise } from '../../src/appraisal/headers';
import { planTab } from '../../src/appraisal/plan';
import type { Template } from '../../src/appraisal/template';

const NOV: AggregateOptions = { month: '2026-11', timeZone: 'Asia/Shanghai' };
const run = (grid: unknown[][]) => aggregate(grid, recognise(grid), NOV);

// Two days of one agent: a busy day and a quiet one. No 响应总时长, 人工回复次数 or 已回复人数.
const DAYS = [
  ['日期', '客服', '接待人数', '咨询人数', '平均响应时长', '首次响应时长', '回复率'],
  ['2026-11-01', '小美', 100, 100, 30, 10, 0.99],
  ['2026-11-02', '小美', 300, 310, 20, 6, '98%'],
];

describe('every rate column without counts follows the same rule', () => {
  const result = run(DAYS);
  const values = result.agents[0]!.values;

  test('平均响应时长 has no 人工回复次数: weighted by the day\'s 接待人数, not a plain mean', () => {
    // (30×100 + 20×300) ÷ (100 + 300) = 9000 ÷ 400 = 22.5 (the plain mean would be 25)
    expect(values.AVG_RESPONSE_TIME).toBe(22.5);
    expect(result.agents[0]!.sources.AVG_RESPONSE_TIME).toEqual(['平均响应时长', '接待人数']);
  });

  test('首次响应时长 by its own denominator 接待人数', () => {
    // (10×100 + 6×300) ÷ 400 = 2800 ÷ 400 = 7
    expect(values.FIRST_RESPONSE_TIME).toBe(7);
  });

  test('回复率 by its own denominator 咨询人数', () => {
    // (0.99×100 + 0.98×310) ÷ (100 + 310) = (99 + 303.8) ÷ 410 = 402.8 ÷ 410
    expect(values.REPLY_RATE).toBeCloseTo(402.8 / 410, 12);
  });

  test('咨询人数 stands in when 接待人数 is missing too', () => {
    const grid = [['客服', '咨询人数', '平均响应时长'], ['小美', 100, 30], ['小美', 300, 20]];
    // (30×100 + 20×300) ÷ 400 = 22.5
    expect(run(grid).agents[0]!.values.AVG_RESPONSE_TIME).toBe(22.5);
  });

  test('a plain mean only when there is no count column at all', () => {
    const grid = [['日期', '客服', '平均响应时长'], ['2026-11-01', '小美', 30], ['2026-11-02', '小美', 20]];
    expect(run(grid).agents[0]!.values.AVG_RESPONSE_TIME).toBe(25); // (30 + 20) ÷ 2
  });

  test('a row with a rate but no readable weight is left out, and a warning says so', () => {
    const grid = [...DAYS.slice(0, 2), ['2026-11-03', '小美', '', 50, 40, '', '']];
    const three = run(grid);
    // day 3 has no 接待人数: 平均响应时长 stays 30 (day 1 alone), the row is named in a warning
    expect(three.agents[0]!.values.AVG_RESPONSE_TIME).toBe(30);
    expect(three.warnings.map((w) => w.zh)).toContain('「平均响应时长」有 1 行没有可读的「接待人数」，无法加权，这些行未计入');
  });
});

describe('the value header\'s note says how the figure was made', () => {
  test('weighted by a stand-in count, naming the missing counts', () => {
    expect(basisNote(['平均响应时长', '接待人数'], { form: 'weighted', by: '接待人数', missing: ['响应总时长', '人工回复次数'] })).toEqual({
      zh: '来源列：平均响应时长、接待人数（数据中没有「响应总时长」和「人工回复次数」，无法按月合计后计算；按每行的「接待人数」加权平均各行的值）',
      en: 'From: 平均响应时长, 接待人数 (the data has no 响应总时长 or 人工回复次数 to sum over the month; the rows\' values are averaged, each weighted by its 接待人数)',
    });
  });

  test('a plain mean, and a rating weighted by its own count', () => {
    expect(basisNote(['平均响应时长'], { form: 'plain', missing: ['响应总时长', '人工回复次数'] }).zh)
      .toBe('来源列：平均响应时长（数据中没有「响应总时长」和「人工回复次数」，无法按月合计后计算；也没有可加权的人数列，取各行的值的简单平均）');
    expect(basisNote(['服务态度DSR', '评价数'], { form: 'weighted', by: '评价数', missing: [] }).zh)
      .toBe('来源列：服务态度DSR、评价数（按每行的「评价数」加权平均各行的值）');
    expect(basisNote(['服务态度DSR'], { form: 'plain', missing: [] }).zh).toBe('来源列：服务态度DSR（没有可加权的人数列，取各行的值的简单平均）');
  });

  test('summed counts keep "按月合计后计算"', () => {
    expect(basisNote(['询单->最终付款人数', '询单人数'], undefined).zh).toBe('来源列：询单->最终付款人数、询单人数（按月合计后计算）');
  });

  test('on the tab: the 平均响应时间 header no longer claims 按月合计后计算', () => {
    const template = {
      version: 1, name: 't',
      items: [
        { metric: 'AVG_RESPONSE_TIME', weight: 50, method: 'linear', floor: 60, target: 10 },
        { metric: 'FIRST_RESPONSE_TIME', weight: 50, method: 'linear', floor: 60, target: 10 },
      ],
      grades: [{ min: 0, grade: 'D', coefficient: 1 }],
    } as unknown as Template;
    const plan = planTab({ month: '2026-11', template, agents: run(DAYS).agents, existing: null, previous: null, now: '2026-12-01T00:00:00Z' });
    const notes = plan.notes.flat();
    expect(notes).toContain('来源列：平均响应时长、接待人数（数据中没有「响应总时长」和「人工回复次数」，无法按月合计后计算；按每行的「接待人数」加权平均各行的值）');
    expect(notes).toContain('来源列：首次响应时长、接待人数（数据中没有「首次响应总时长」，无法按月合计后计算；按每行的「接待人数」加权平均各行的值）');
    expect(notes.filter((n) => n.includes('按月合计后计算）'))).toEqual([]);
  });
});
