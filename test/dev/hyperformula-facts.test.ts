/**
 * Facts about HyperFormula 3.5 that the appraisal tab's formulas rely on, checked through the fake
 * spreadsheet (so the way the fake writes and reads cells is part of what is checked):
 * - available and meaning what they mean in Sheets: COUNTIF (with ">"&x, the RANK replacement), VLOOKUP with
 *   3 arguments over an ascending band block and with 4 arguments (FALSE()) over whole columns of another tab,
 *   SUMPRODUCT over 3 arrays with blank cells (blank = 0), MEDIAN, AVERAGE, IFERROR, IF, MIN, MAX, AND, OR,
 *   ROUND (half away from zero), N, T, ISNUMBER, HYPERLINK, TRUE(), FALSE();
 * - a blank cell compares equal to "" (`=IF(A1="",0,…)` scores a blank 0);
 * - sheet names with spaces and CJK characters work in quoted references: `'考核 2026-10'!B5`;
 * - NOT the same as Sheets: a bare `TRUE` is read as a named expression (#NAME?), so formulas must write `TRUE()`.
 */
import { describe, expect, it } from 'vitest';
import { createFakeGas } from '../../dev/gas';

/** One formula evaluated over a small fixed block: A1:C3 = 1 2 3 / 2 _ 4 / 3 5 _ (blanks at B2 and C3). */
function evaluate(formula: string): unknown {
  const { book } = createFakeGas();
  book.addSheet('考核 2026-10', [['客服', '总分'], ['小美', 88], ['小王', 72]]);
  book.addSheet('t', [
    [1, 2, 3],
    [2, null, 4],
    [3, 5, null],
    [null, null, null, 'band', 'grade'],
    [null, null, null, 0, 'D'],
    [null, null, null, 60, 'C'],
    [null, null, null, 85, 'A'],
  ]);
  book.typeCell('t', 10, 1, formula);
  return book.values('t')[9]![0];
}

describe('HyperFormula 3.5 as the appraisal formulas use it', () => {
  it('COUNTIF(range,">"&x)+1 ranks', () => {
    // values 1, 2, 3 in A1:A3; greater than 1: 2 and 3 → 2, + 1 = rank 3 of the value 1
    expect(evaluate('=COUNTIF(A1:A3,">"&1)+1')).toBe(3);
  });

  it('VLOOKUP with 3 arguments finds the band at or below the value', () => {
    // bands 0 → D, 60 → C, 85 → A: 87 ≥ 85 → A; 59 ≥ 0 but < 60 → D
    expect(evaluate('=VLOOKUP(87,D5:E7,2)')).toBe('A');
    expect(evaluate('=VLOOKUP(59,D5:E7,2)')).toBe('D');
  });

  it("VLOOKUP with FALSE() matches exactly over whole columns of a tab named '考核 2026-10'", () => {
    expect(evaluate("=VLOOKUP(\"小王\",'考核 2026-10'!$A:$B,2,FALSE())")).toBe(72);
    expect(evaluate("=IFERROR(VLOOKUP(\"无\",'考核 2026-10'!$A:$B,2,FALSE()),\"\")")).toBe('');
  });

  it('reads a single cell of a tab whose name has a space and CJK characters', () => {
    expect(evaluate("='考核 2026-10'!B2+1")).toBe(89); // 88 + 1
  });

  it('SUMPRODUCT multiplies 3 arrays, blanks counting as 0', () => {
    // 1×2×3 + 2×blank×4 + 3×5×blank = 6 + 0 + 0 = 6
    expect(evaluate('=SUMPRODUCT(A1:A3,B1:B3,C1:C3)')).toBe(6);
  });

  it('MEDIAN and AVERAGE skip blanks', () => {
    // numbers in A1:C3: 1 2 3 2 4 3 5 → sorted 1 2 2 3 3 4 5 → median 3; sum 20 / 7
    expect(evaluate('=MEDIAN(A1:C3)')).toBe(3);
    expect(evaluate('=AVERAGE(A1:C3)')).toBeCloseTo(20 / 7, 12);
  });

  it('IFERROR replaces an error', () => {
    expect(evaluate('=IFERROR(1/0,7)')).toBe(7);
  });

  it('IF, MIN, MAX, AND, OR clamp and combine as in Sheets', () => {
    // MAX(0, MIN(100, 100×(0.4−0.3)/(0.5−0.3))) = MAX(0, MIN(100, 50)) = 50
    expect(evaluate('=MAX(0,MIN(100,100*(0.4-0.3)/(0.5-0.3)))')).toBeCloseTo(50, 10);
    expect(evaluate('=IF(AND(A1<A2,OR(A1>5,A2>1)),"yes","no")')).toBe('yes'); // 1<2 and (false or 2>1)
  });

  it('a blank cell equals "" (a blank value scores 0)', () => {
    expect(evaluate('=IF(B2="",0,1)')).toBe(0);
  });

  it('ROUND rounds half away from zero', () => {
    expect(evaluate('=ROUND(-2.5,0)')).toBe(-3);
    expect(evaluate('=ROUND(2.345,2)')).toBe(2.35);
  });

  it('N, T, ISNUMBER and HYPERLINK', () => {
    expect(evaluate('=N(A1)+N("x")')).toBe(1); // N(1) + N(text) = 1 + 0
    expect(evaluate('=T(5)&T("x")')).toBe('x'); // T(number) is ""
    expect(evaluate('=ISNUMBER(B2)')).toBe(false); // blank is not a number
    expect(evaluate('=HYPERLINK("https://example.com","小美")')).toBe('小美');
  });

  it('TRUE() and FALSE() are booleans, but a bare TRUE is not (unlike Sheets)', () => {
    expect(evaluate('=AND(TRUE(),NOT(FALSE()))')).toBe(true);
    expect(evaluate('=TRUE')).toBe('#NAME?');
  });

  it('registers every function the formulas use', async () => {
    const { HyperFormula } = await import('hyperformula');
    const names = new Set(HyperFormula.getRegisteredFunctionNames('enGB'));
    const used = ['COUNTIF', 'VLOOKUP', 'SUMPRODUCT', 'MEDIAN', 'AVERAGE', 'IFERROR', 'IF', 'MIN', 'MAX', 'AND', 'OR', 'ROUND', 'N', 'T', 'ISNUMBER', 'HYPERLINK', 'TRUE', 'FALSE', 'SUM'];
    expect(used.filter((name) => !names.has(name))).toEqual([]);
  });
});
