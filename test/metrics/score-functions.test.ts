import { describe, expect, it } from 'vitest';
import { KPI_GRADE, KPI_SCORE, WEIGHTED_SCORE, kpiMethod, readBands } from '../../src/metrics/score-functions';
import { col, en, userErrorOf, zh } from './context';

describe('KPI_SCORE', () => {
  it('interpolates linearly between floor and target', () => {
    // 100 × (0.4 − 0.3) ÷ (0.5 − 0.3) = 50
    expect(KPI_SCORE(zh, 0.4, 0.3, 0.5)).toBeCloseTo(50, 10);
  });

  it('clamps linear scores to 0 below the floor and to the cap above the target', () => {
    // 100 × (0.2 − 0.3) ÷ 0.2 = −50 → 0; 100 × (0.9 − 0.3) ÷ 0.2 = 300 → 100
    expect(KPI_SCORE(zh, 0.2, 0.3, 0.5)).toBe(0);
    expect(KPI_SCORE(zh, 0.9, 0.3, 0.5)).toBe(100);
  });

  it('lets a cap above 100 reward beating the target', () => {
    // 100 × (0.6 − 0.3) ÷ 0.2 = 150 → cap 120
    expect(KPI_SCORE(zh, 0.6, 0.3, 0.5, 'linear', 120)).toBe(120);
  });

  it('is lower-is-better when the floor lies above the target', () => {
    // response time: floor 60 s, target 15 s, value 30 s: 100 × (30 − 60) ÷ (15 − 60) = 66.67
    expect(KPI_SCORE(zh, 30, 60, 15)).toBeCloseTo(200 / 3, 10);
  });

  it('scores ratio as value ÷ target when higher is better', () => {
    // 100 × 120 ÷ 150 = 80
    expect(KPI_SCORE(zh, 120, 80, 150, 'ratio')).toBe(80);
  });

  it('caps ratio scores', () => {
    // 100 × 200 ÷ 150 = 133.3 → cap 120
    expect(KPI_SCORE(zh, 200, 80, 150, 'ratio', 120)).toBe(120);
  });

  it('scores ratio as target ÷ value when lower is better', () => {
    // 100 × 15 ÷ 30 = 50
    expect(KPI_SCORE(zh, 30, 60, 15, 'ratio')).toBe(50);
  });

  it('gives the cap to a lower-is-better ratio of 0 (perfect)', () => {
    expect(KPI_SCORE(zh, 0, 60, 15, 'ratio')).toBe(100);
  });

  it('scores pass_fail 100 when the target is reached and 0 otherwise', () => {
    expect(KPI_SCORE(zh, 0.5, 0.3, 0.5, 'pass_fail')).toBe(100);
    expect(KPI_SCORE(zh, 0.49, 0.3, 0.5, 'pass_fail')).toBe(0);
  });

  it('scores pass_fail lower-is-better when the floor lies above the target', () => {
    expect(KPI_SCORE(zh, 15, 60, 15, 'pass_fail')).toBe(100);
    expect(KPI_SCORE(zh, 16, 60, 15, 'pass_fail')).toBe(0);
  });

  it('holds pass_fail to a cap below 100', () => {
    expect(KPI_SCORE(zh, 1, 0, 1, 'pass_fail', 80)).toBe(80);
  });

  it('scores a blank value 0, as the appraisal tab does, whichever way the metric points', () => {
    expect(KPI_SCORE(zh, '', 0.3, 0.5)).toBe(0);
    // response time 60 s → 15 s (lower is better): a blank is no figure, not a perfect 0 s
    expect(KPI_SCORE(zh, '', 60, 15)).toBe(0);
    expect(KPI_SCORE(zh, null, 0.3, 0.5, 'pass_fail')).toBe(0);
  });

  it('is #VALUE! for an unreadable value and reads text numbers', () => {
    expect(KPI_SCORE(zh, 'abc', 0.3, 0.5)).toBe('#VALUE!');
    // '45%' = 0.45: 100 × (0.45 − 0.3) ÷ 0.2 = 75
    expect(KPI_SCORE(zh, '45%', 0.3, 0.5)).toBeCloseTo(75, 10);
  });

  it('is #NUM! for linear with floor = target (no scale)', () => {
    expect(KPI_SCORE(zh, 1, 2, 2)).toBe('#NUM!');
  });

  it('allows floor = target for ratio', () => {
    expect(KPI_SCORE(zh, 1, 2, 2, 'ratio')).toBe(50); // 100 × 1 ÷ 2
  });

  it('is #NUM! for a negative cap', () => {
    expect(KPI_SCORE(zh, 1, 0, 1, 'linear', -5)).toBe('#NUM!');
  });

  it('reads a blank method as linear and method words in any case or in Chinese', () => {
    // 100 × (0.4 − 0.3) ÷ 0.2 = 50 (linear); 100 × 0.4 ÷ 0.5 = 80 (ratio)
    expect(KPI_SCORE(zh, 0.4, 0.3, 0.5, '')).toBeCloseTo(50, 10);
    expect(KPI_SCORE(zh, 0.4, 0.3, 0.5, ' LINEAR ')).toBeCloseTo(50, 10);
    expect(KPI_SCORE(zh, 0.4, 0.3, 0.5, '达成率')).toBeCloseTo(80, 10);
    expect(KPI_SCORE(zh, 0.5, 0.3, 0.5, '达标制')).toBe(100);
  });

  it('scores a column against single parameters', () => {
    // 100 × (v − 0.3) ÷ 0.2 for v = 0.3, 0.4, 0.5; blank → 0
    const result = KPI_SCORE(zh, col(0.3, 0.4, 0.5, ''), 0.3, 0.5) as unknown[][];
    expect(result.map((r) => r[0])).toEqual([0, expect.closeTo(50, 10), 100, 0]);
  });

  it('takes a method per row from a range', () => {
    // row 1 linear: 100 × (0.4 − 0.3) ÷ 0.2 = 50; row 2 ratio: 100 × 0.4 ÷ 0.5 = 80
    const result = KPI_SCORE(zh, 0.4, 0.3, 0.5, col('linear', 'ratio')) as number[][];
    expect(result[0]![0]).toBeCloseTo(50, 10);
    expect(result[1]![0]).toBeCloseTo(80, 10);
  });

  it('throws naming method for an unknown method, in both languages', () => {
    expect(userErrorOf(() => KPI_SCORE(zh, 1, 0, 2, 'best')).message).toBe('KPI_SCORE：未知的 method "best"；可用 linear（默认）、ratio 或 pass_fail。');
    expect(userErrorOf(() => KPI_SCORE(en, 1, 0, 2, 'best')).message).toBe('KPI_SCORE: unknown method "best"; use linear (the default), ratio or pass_fail.');
  });

  it('explains that tiers and deduction need a template', () => {
    expect(userErrorOf(() => KPI_SCORE(en, 1, 0, 2, 'tiers')).message).toContain('only an appraisal template holds');
  });

  it('throws naming the arguments when ranges differ in shape', () => {
    expect(userErrorOf(() => KPI_SCORE(en, col(1, 2), col(0, 0, 0), 5)).message).toContain('value is 2 rows × 1 column but floor is 3 rows × 1 column');
  });
});

describe('kpiMethod', () => {
  it('maps method words to methods', () => {
    expect(kpiMethod(null, zh)).toBe('linear');
    expect(kpiMethod('pass-fail', zh)).toBe('pass_fail');
    expect(kpiMethod('Ratio', zh)).toBe('ratio');
  });
});

describe('WEIGHTED_SCORE', () => {
  it('weighs one row of scores', () => {
    // (100 × 3 + 50 × 1) ÷ (3 + 1) = 350 ÷ 4
    expect(WEIGHTED_SCORE(zh, [[100, 50]], [[3, 1]])).toBe(87.5);
  });

  it('applies one row of weights to every row, one result per row', () => {
    // (100×3 + 50×1) ÷ 4 = 87.5; (80×3 + 60×1) ÷ 4 = 300 ÷ 4 = 75
    expect(WEIGHTED_SCORE(zh, [[100, 50], [80, 60]], [[3, 1]])).toEqual(col(87.5, 75));
  });

  it('counts a blank score as 0', () => {
    // (90×1 + 0×1) ÷ 2 = 45
    expect(WEIGHTED_SCORE(zh, [[90, '']], [[1, 1]])).toBe(45);
  });

  it('is blank when the weights add up to 0', () => {
    expect(WEIGHTED_SCORE(zh, [[90, 80]], [[0, '']])).toBe('');
  });

  it('marks only the row of an unreadable score #VALUE!', () => {
    // row 2: (60×1 + 80×1) ÷ 2 = 70
    expect(WEIGHTED_SCORE(zh, [['n/a?', 80], [60, 80]], [[1, 1]])).toEqual(col('#VALUE!', 70));
  });

  it('marks every row #NUM! for a negative weight', () => {
    expect(WEIGHTED_SCORE(zh, [[1, 2], [3, 4]], [[1, -1]])).toEqual(col('#NUM!', '#NUM!'));
  });

  it('takes a column of scores with a column of weights (the parameter-block layout)', () => {
    // (100×35 + 80×15 + 60×50) ÷ 100 = (3500 + 1200 + 3000) ÷ 100 = 77
    expect(WEIGHTED_SCORE(zh, col(100, 80, 60), col(35, 15, 50))).toBe(77);
  });

  it('weighs a single score by itself', () => {
    expect(WEIGHTED_SCORE(zh, 88, 40)).toBe(88); // 88 × 40 ÷ 40
  });

  it('reads percent weights', () => {
    // (100 × 0.25 + 60 × 0.75) ÷ 1 = 25 + 45 = 70
    expect(WEIGHTED_SCORE(zh, [[100, 60]], [['25%', '75%']])).toBe(70);
  });

  it('throws naming scores and weights when the weights are not as wide as the scores', () => {
    const e = userErrorOf(() => WEIGHTED_SCORE(en, [[1, 2, 3], [4, 5, 6]], [[1, 1]]));
    expect(e.message).toContain('scores is 2 rows × 3 columns but weights is 1 row × 2 columns');
    expect(userErrorOf(() => WEIGHTED_SCORE(zh, [[1, 2, 3]], [[1, 1]])).message).toContain('weights 应为与 scores 同宽的一行');
  });

  // functions.md: weights may be a block of the same shape (each agent its own weights).
  it('takes a weight block of the same shape: each row its own weights', () => {
    // pre-sales row: (80×60 + 90×40) ÷ 100 = (4800 + 3600) ÷ 100 = 84
    // after-sales row: (70×20 + 100×80) ÷ 100 = (1400 + 8000) ÷ 100 = 94
    expect(WEIGHTED_SCORE(zh, [[80, 90], [70, 100]], [[60, 40], [20, 80]])).toEqual(col(84, 94));
  });

  it('a bad weight in a per-row block spoils only its own row; a row whose weights add to 0 is blank', () => {
    // row 1: 'x' → #VALUE!; row 2: −1 → #NUM!; row 3: 0 + 0 → ""; row 4: (50×1 + 100×3) ÷ 4 = 87.5
    const scores = [[1, 2], [3, 4], [5, 6], [50, 100]];
    const weights = [['x', 1], [1, -1], [0, ''], [1, 3]];
    expect(WEIGHTED_SCORE(zh, scores, weights)).toEqual(col('#VALUE!', '#NUM!', '', 87.5));
  });

  it('a vertical template: items down the rows, one column of scores per agent, one weights column', () => {
    // weights 60/40 down; agent A (100, 50): (6000 + 2000) ÷ 100 = 80; agent B (70, 70): 70
    expect(WEIGHTED_SCORE(zh, [[100, 70], [50, 70]], col(60, 40))).toEqual([[80, 70]]);
  });

  it('one column of scores with a weights column as long is one Σ/Σ, not one result per row', () => {
    // (90×50 + 60×30 + 100×20) ÷ 100 = (4500 + 1800 + 2000) ÷ 100 = 83
    expect(WEIGHTED_SCORE(zh, col(90, 60, 100), col(50, 30, 20))).toBe(83);
  });

  it('a bad shared weight of a vertical template spoils every agent\'s total', () => {
    expect(WEIGHTED_SCORE(zh, [[100, 70], [50, 70]], col('?', 40))).toEqual([['#VALUE!', '#VALUE!']]);
  });

  it('throws naming both shapes for a block of another shape, listing the three accepted forms', () => {
    const e = userErrorOf(() => WEIGHTED_SCORE(en, [[1, 2], [3, 4], [5, 6]], [[1, 1], [1, 1]]));
    expect(e.message).toBe('WEIGHTED_SCORE: scores is 3 rows × 2 columns but weights is 2 rows × 2 columns; weights must be one row as wide as scores, a range of the same shape (each row its own weights), or one column as tall as scores (a vertical template).');
    expect(userErrorOf(() => WEIGHTED_SCORE(zh, [[1, 2], [3, 4], [5, 6]], col(1, 1))).message)
      .toBe('WEIGHTED_SCORE：scores 是 3 行 × 2 列，weights 是 2 行 × 1 列；weights 应为与 scores 同宽的一行、与 scores 形状相同的区域（每行各自的权重），或与 scores 同高的一列（竖排模板）。');
  });
});

describe('KPI_GRADE', () => {
  it('uses the default bands S ≥ 95, A ≥ 85, B ≥ 75, C ≥ 60, D below', () => {
    expect(KPI_GRADE(zh, col(95, 94.99, 85, 75, 60, 59.9, 0))).toEqual(col('S', 'A', 'A', 'B', 'C', 'D', 'D'));
  });

  it('gives the lowest band to a total below every minimum', () => {
    expect(KPI_GRADE(zh, -5)).toBe('D');
  });

  it('is blank for a blank total and #VALUE! for an unreadable one', () => {
    expect(KPI_GRADE(zh, '')).toBe('');
    expect(KPI_GRADE(zh, 'top')).toBe('#VALUE!');
  });

  it('takes custom bands in any order', () => {
    const bands = [[60, '合格'], [90, '优秀'], [0, '不合格']];
    expect(KPI_GRADE(zh, col(90, 75, 10), bands)).toEqual(col('优秀', '合格', '不合格'));
  });

  it('ignores further band columns and blank band rows', () => {
    const bands = [[90, 'A', 1.2], ['', '', ''], [0, 'B', 1]];
    expect(KPI_GRADE(zh, 91, bands)).toBe('A');
  });

  it('throws naming bands when it is not two columns', () => {
    expect(userErrorOf(() => KPI_GRADE(en, 90, col(90, 60))).message).toBe('KPI_GRADE: bands must be a two-column range (minimum, grade), not 2 rows × 1 column.');
  });

  it('throws naming bands and the row when a row is not a minimum and a grade', () => {
    expect(userErrorOf(() => KPI_GRADE(zh, 90, [[90, 'A'], ['high', 'B']])).message).toBe('KPI_GRADE：bands 第 2 行（high, B）应为一个下限数字和一个等级。');
  });

  it('throws when bands holds no grade', () => {
    expect(userErrorOf(() => KPI_GRADE(en, 90, [['', ''], ['', '']])).message).toBe('KPI_GRADE: bands holds no grade.');
  });
});

describe('readBands', () => {
  it('reads minimum and grade, numbers as text grades too', () => {
    expect(readBands([[' 90 ', 'A'], [0, 1]], zh)).toEqual([{ min: 90, grade: 'A' }, { min: 0, grade: '1' }]);
  });
});
