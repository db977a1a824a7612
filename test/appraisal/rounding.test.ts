/**
 * The ROUND form of `rounding.ts`, evaluated by HyperFormula, equals `roundLikeSheets` on values
 * at, around and far from decimal halves; and plain ROUND does not (why the form exists).
 */
import { describe, expect, test } from 'vitest';
import { roundFormula, roundLikeSheets } from '../../src/appraisal/rounding';
import { evaluateSheets } from './hf';
import { roundingCases } from './rounding-cases';

describe('ROUND at decimal halves in HyperFormula', () => {
  test("plain ROUND rounds the binary value there (HyperFormula issue #1746): 1.005 → 1, 66.475 → 66.47", () => {
    const grid = evaluateSheets({ S: [[1.005, '=ROUND(A1,2)'], [66.475, '=ROUND(A2,2)']] }).S!;
    expect(grid.map((r) => r[1])).toEqual([1, 66.47]);
  });

  test('the written form gives the decimal result: 1.005 → 1.01, 66.475 → 66.48, −0.075 → −0.08, 2.5 → 3', () => {
    const grid = evaluateSheets({ S: [
      [1.005, `=${roundFormula('A1', 2)}`], [66.475, `=${roundFormula('A2', 2)}`], [-0.075, `=${roundFormula('A3', 2)}`],
      [2.5, `=${roundFormula('A4', 0)}`], [0, `=${roundFormula('A5', 2)}`], [1049.325, `=${roundFormula('A6', 2)}`],
    ] }).S!;
    expect(grid.map((r) => r[1])).toEqual([1.01, 66.48, -0.08, 3, 0, 1049.33]);
  });

  test('the written form equals roundLikeSheets on every case, to the last bit', () => {
    const cases = roundingCases();
    const grid = evaluateSheets({ S: cases.map((x, i) => [x, `=${roundFormula(`A${i + 1}`, 2)}`, `=${roundFormula(`A${i + 1}`, 0)}`]) }).S!;
    const differences = cases.flatMap((x, i) => {
      const want = [roundLikeSheets(x, 2), roundLikeSheets(x, 0)];
      return grid[i]![1] === want[0] && grid[i]![2] === want[1] ? [] : [`${x}: ${grid[i]![1]}, ${grid[i]![2]} vs ${want}`];
    });
    expect(cases.length).toBeGreaterThan(1500);
    expect(differences).toEqual([]);
  });
});
