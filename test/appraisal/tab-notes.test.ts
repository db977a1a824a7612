/**
 * The 考核 tab's notes in words, with the template's numbers as the cells show them (issue #9
 * item 2: "each score header explains its method"), in both languages.
 */
import { describe, expect, test } from 'vitest';
import { bonusNote, methodNote } from '../../src/appraisal/tab-notes';
import type { MetricItem } from '../../src/appraisal/template';

const first = (s: string) => s.split('。')[0] + '。';
const firstEn = (s: string) => s.slice(0, s.indexOf('. ') + 1);

describe('methodNote', () => {
  test('ratio and pass/fail on a lower-is-better metric say so, with the unit', () => {
    // 退款完结时长 is lower-is-better (catalogue), no floor: the ratio is target ÷ value.
    const ratio: MetricItem = { metric: 'REFUND_RESOLUTION_TIME', weight: 1, method: 'ratio', target: 1.5 };
    expect(first(methodNote(ratio, 1).zh)).toBe('达成率（越低越好）：得分 = 100 × 目标 1.5 天 ÷ 实际值，封顶 100 分。');
    expect(firstEn(methodNote(ratio, 1).en)).toBe('Ratio (lower is better): score = 100 × target 1.5 days ÷ value, capped at 100.');
    const pass: MetricItem = { metric: 'RETURN_RATE', weight: 1, method: 'pass_fail', target: 0.05 };
    expect(first(methodNote(pass, 2).zh)).toBe('达标制：≤ 5.00% 得 100 分，否则 0 分。');
  });

  test('linear with the floor above the target (seconds): the floor scores 0, the target 100', () => {
    const linear: MetricItem = { metric: 'AVG_RESPONSE_TIME', weight: 1, method: 'linear', floor: 60, target: 15, cap: 110 };
    expect(first(methodNote(linear, 0).zh)).toBe('线性插值：60 秒 得 0 分，15 秒 得 100 分，之间按比例，封顶 110 分。');
    expect(firstEn(methodNote(linear, 0).en)).toBe('Linear: 60 s scores 0, 15 s scores 100, in proportion between, capped at 110.');
  });

  test('deduction per unit; every note ends with what a blank value scores and that the numbers are the build\'s', () => {
    const deduction: MetricItem = { metric: 'COMPLAINT_COUNT_28D', weight: 1, method: 'deduction', points: 12.5 };
    const note = methodNote(deduction, 0);
    expect(first(note.zh)).toBe('扣分制：每 1 笔扣 12.5 分，得分 = 100 − 12.5 × 值，最低 0 分。');
    expect(firstEn(note.en)).toBe('Deduction: 12.5 points off per unit, score = 100 − 12.5 × value, at least 0.');
    expect(note.zh).toContain('指标值为空（无数据或无基数）时该项计 0 分。以上是生成时的参数');
    expect(note.en).toContain('A blank value (no data, or no basis) scores 0.');
  });
});

describe('bonusNote', () => {
  test('base × coefficient with the base as built, or what to do without a base', () => {
    expect(bonusNote(2500.5).zh).toBe('奖金 = 奖金基数（生成时 ¥2,500.50）× 系数；系数按等级取自等级表，结果四舍五入到分。');
    expect(bonusNote(undefined).zh).toContain('模板未设奖金基数，奖金为空');
    expect(bonusNote(undefined).en).toContain('type an amount into the parameter block\'s "Bonus base" cell');
  });
});
