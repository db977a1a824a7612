/**
 * The catalogue's functions inside the in-memory spreadsheet (the playground's grid): typed formulas
 * run the built bundle's stubs through a HyperFormula plugin, as Sheets runs the pushed code.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/metrics/catalogue';
import { createFakeGas, customFunctionPlugin, loadGasProject, type CustomFunctionBinding, type FakeGas } from '../../dev/gas';
import { resultShape } from '../../dev/gas/custom-functions';

const entry = (id: string) => CATALOGUE.find((e) => e.id === id)!;

describe('custom functions in the fake spreadsheet', () => {
  let fake: FakeGas;
  beforeAll(() => {
    const binding: CustomFunctionBinding = { context: null, timeZone: 'Asia/Shanghai' };
    fake = createFakeGas({ functionPlugins: [customFunctionPlugin(CATALOGUE, binding)] });
    binding.context = loadGasProject('dist', fake.globals);
    fake.book.addSheet('d', [
      ['询单人数', '成交人数', '响应总时长', '回复次数'],
      [100, 45, '1分30秒', 6],
      [80, 20, 600, 40],
      [0, 0, 90, 0],
    ]);
  });

  it('evaluates a scalar call and a whole-column call (one value per row)', () => {
    fake.book.typeCell('d', 1, 6, '=INQUIRY_CONVERSION(B2,A2)');
    fake.book.typeCell('d', 2, 6, '=INQUIRY_CONVERSION(B2:B4,A2:A4)');
    fake.book.typeCell('d', 1, 7, '=AVG_RESPONSE_TIME(C2:C4,D2:D4)');
    const v = fake.book.values('d');
    expect(v[0]![5]).toBe(0.45); // 45 ÷ 100
    expect([v[1]![5], v[2]![5], v[3]![5]]).toEqual([0.45, 0.25, '']); // 45÷100, 20÷80, 0÷0 → blank (no basis)
    expect([v[0]![6], v[1]![6], v[2]![6]]).toEqual([15, 15, '']); // 90 s ÷ 6, 600 ÷ 40, 90 ÷ 0 → blank
  });

  it('scores and grades with the same rules as the tab', () => {
    // linear: 100 × (18 − 60) ÷ (15 − 60) = 93.33…
    fake.book.typeCell('d', 6, 1, '=KPI_SCORE(18,60,15)');
    fake.book.typeCell('d', 6, 2, '=KPI_GRADE(85)');
    const v = fake.book.values('d');
    expect(v[5]![0]).toBeCloseTo(93.3333333, 6);
    expect(typeof v[5]![1]).toBe('string');
  });

  it('shows a bad call as an error carrying the message, not a number', () => {
    fake.book.typeCell('d', 7, 1, '=INQUIRY_CONVERSION(B2:B4,A2:A3)');
    expect(String(fake.book.values('d')[6]![0])).toMatch(/^#/);
  });

  it('leaves an engine without the plugin at #NAME?', () => {
    const plain = createFakeGas();
    plain.book.addSheet('x', [['=INQUIRY_CONVERSION(1,2)']]);
    expect(String(plain.book.values('x')[0]![0])).toBe('#NAME?');
  });

  it('predicts the shape Sheets gives the result', () => {
    const col = { rows: 5, cols: 1 };
    const one = { rows: 1, cols: 1 };
    expect(resultShape(entry('INQUIRY_CONVERSION'), [col, col])).toEqual(col);
    expect(resultShape(entry('KPI_SCORE'), [col, one, one])).toEqual(col);
    expect(resultShape(entry('REFUND_COUNT_28D'), [col, one])).toEqual(one);
    expect(resultShape(entry('REFUND_COUNT_28D'), [col, one, col, { rows: 3, cols: 1 }])).toEqual({ rows: 3, cols: 1 });
    expect(resultShape(entry('REFUND_RATE_28D'), [col, col])).toEqual(col);
    expect(resultShape(entry('REFUND_RATE_28D'), [col, col, one])).toEqual(one);
    expect(resultShape(entry('WEIGHTED_SCORE'), [{ rows: 7, cols: 4 }, { rows: 1, cols: 4 }])).toEqual({ rows: 7, cols: 1 });
    expect(resultShape(entry('WEIGHTED_SCORE'), [{ rows: 4, cols: 1 }, { rows: 4, cols: 1 }])).toEqual(one);
  });
});
