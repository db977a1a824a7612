import { describe, expect, it } from 'vitest';
import { commonShape, describeShape, map2, mapN, normaliseArg, shapeOf, tableShape } from '../../src/metrics/broadcast';
import { col, en, userErrorOf, zh } from './context';

describe('normaliseArg', () => {
  it('keeps a single value', () => {
    expect(normaliseArg(5)).toBe(5);
    expect(normaliseArg('')).toBe('');
  });

  it('turns a one-cell range into its cell (Sheets passes those as single values)', () => {
    expect(normaliseArg([[5]])).toBe(5);
  });

  it('turns an empty array into blank', () => {
    expect(normaliseArg([])).toBeUndefined();
    expect(normaliseArg([[]])).toBeUndefined();
  });

  it('reads a 1-D array as a column', () => {
    expect(normaliseArg([1, 2, 3])).toEqual([[1], [2], [3]]);
  });

  it('keeps a range as it is', () => {
    const grid = [[1, 2], [3, 4]];
    expect(normaliseArg(grid)).toBe(grid);
  });
});

describe('shapeOf', () => {
  it('is null for a single value', () => {
    expect(shapeOf(7)).toBeNull();
  });

  it('counts rows and columns', () => {
    expect(shapeOf([[1, 2, 3], [4, 5, 6]])).toEqual({ rows: 2, cols: 3 });
  });

  it('counts ragged rows at their longest', () => {
    expect(shapeOf([[1], [2, 3]])).toEqual({ rows: 2, cols: 2 });
  });
});

describe('describeShape', () => {
  it('says rows × columns in both languages, with English plurals', () => {
    expect(describeShape({ rows: 500, cols: 1 })).toEqual({ zh: '500 行 × 1 列', en: '500 rows × 1 column' });
    expect(describeShape({ rows: 1, cols: 3 })).toEqual({ zh: '1 行 × 3 列', en: '1 row × 3 columns' });
  });

  it('names a single value', () => {
    expect(describeShape(null)).toEqual({ zh: '单个值', en: 'a single value' });
  });
});

describe('commonShape', () => {
  it('is null when every argument is a single value', () => {
    expect(commonShape('F', ['a', 'b'], [1, 2], zh)).toBeNull();
  });

  it('is the shape of the ranges; single values repeat against them', () => {
    expect(commonShape('F', ['a', 'b', 'c'], [3, col(1, 2), col(3, 4)], zh)).toEqual({ rows: 2, cols: 1 });
  });

  it('throws naming both arguments and their shapes, in Chinese', () => {
    const e = userErrorOf(() => commonShape('INQUIRY_CONVERSION', ['paid_buyers', 'inquiring_buyers'], [col(1, 2, 3), col(1, 2)], zh));
    expect(e.message).toContain('INQUIRY_CONVERSION');
    expect(e.message).toContain('paid_buyers 是 3 行 × 1 列');
    expect(e.message).toContain('inquiring_buyers 是 2 行 × 1 列');
  });

  it('throws naming both arguments and their shapes, in English', () => {
    const e = userErrorOf(() => commonShape('INQUIRY_CONVERSION', ['paid_buyers', 'inquiring_buyers'], [col(1, 2, 3), [[1, 2, 3]]], en));
    expect(e.message).toContain('paid_buyers is 3 rows × 1 column');
    expect(e.message).toContain('inquiring_buyers is 1 row × 3 columns');
  });

  it('reads the locale only to throw', () => {
    const ctx = { get locale(): 'zh' { throw new Error('locale read'); } };
    expect(commonShape('F', ['a', 'b'], [col(1, 2), col(3, 4)], ctx)).toEqual({ rows: 2, cols: 1 });
  });
});

describe('tableShape', () => {
  it('accepts columns of one shape', () => {
    expect(tableShape('F', ['dates', 'keys'], [col(1, 2), col('a', 'b')], zh)).toEqual({ rows: 2, cols: 1 });
  });

  it('accepts single values together (a one-row table)', () => {
    expect(tableShape('F', ['dates', 'keys'], ['2026-11-28', 'a'], zh)).toBeNull();
  });

  it('refuses a single value against a range: one date cannot belong to many keys', () => {
    const e = userErrorOf(() => tableShape('REFUND_COUNT_28D', ['refund_dates', 'row_keys'], ['2026-11-28', col('a', 'b')], en));
    expect(e.message).toContain('refund_dates is a single value but row_keys is 2 rows × 1 column');
  });
});

describe('map2', () => {
  const sum = (x: unknown, y: unknown) => Number(x) + Number(y);

  it('gives a single value for single values', () => {
    expect(map2(1, 2, null, sum)).toBe(3);
  });

  it('pairs the cells of two ranges', () => {
    // 1+10, 2+20 / 3+30, 4+40
    expect(map2([[1, 2], [3, 4]], [[10, 20], [30, 40]], { rows: 2, cols: 2 }, sum)).toEqual([[11, 22], [33, 44]]);
  });

  it('repeats a single value against a range', () => {
    // 1+100, 2+100, 3+100
    expect(map2(col(1, 2, 3), 100, { rows: 3, cols: 1 }, sum)).toEqual(col(101, 102, 103));
  });

  it('reads the missing cells of ragged rows as blank', () => {
    expect(map2([[1, 2], [3]], 0, { rows: 2, cols: 2 }, (x) => (x === undefined ? 'blank' : Number(x)))).toEqual([[1, 2], [3, 'blank']]);
  });
});

describe('mapN', () => {
  it('passes the cells at one place to f, single values repeated', () => {
    const args = [col(1, 2), 10, col(100, 200)];
    // 1+10+100, 2+10+200
    expect(mapN(args, { rows: 2, cols: 1 }, (c) => Number(c[0]) + Number(c[1]) + Number(c[2]))).toEqual(col(111, 212));
  });

  it('gives a single value for single values', () => {
    expect(mapN([2, 3], null, (c) => Number(c[0]) * Number(c[1]))).toBe(6);
  });
});
