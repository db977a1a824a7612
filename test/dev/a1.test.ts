import { describe, expect, it } from 'vitest';
import { columnLetters, columnNumber, parseA1, quoteSheetName, rectToA1 } from '../../dev/gas/a1';

describe('columnLetters / columnNumber', () => {
  it('maps the single letters', () => {
    expect(columnLetters(1)).toBe('A');
    expect(columnLetters(26)).toBe('Z');
    expect(columnNumber('z')).toBe(26);
  });

  it('carries into two and three letters', () => {
    // 27 = 1×26 + 1 → AA; 702 = 26×26 + 26 → ZZ; 703 = 1×676 + 1×26 + 1 → AAA; 18278 = 26×676 + 26×26 + 26 → ZZZ
    expect([27, 702, 703, 18278].map(columnLetters)).toEqual(['AA', 'ZZ', 'AAA', 'ZZZ']);
    expect(['AA', 'ZZ', 'AAA', 'ZZZ'].map(columnNumber)).toEqual([27, 702, 703, 18278]);
  });
});

describe('rectToA1', () => {
  it('writes one cell without a colon', () => {
    expect(rectToA1({ row: 5, column: 2, numRows: 1, numColumns: 1 })).toBe('B5');
  });

  it('writes a block from its first to its last cell', () => {
    // rows 2 … 2+3−1 = 4, columns 1 … 1+28−1 = 28 (AB)
    expect(rectToA1({ row: 2, column: 1, numRows: 3, numColumns: 28 })).toBe('A2:AB4');
  });
});

describe('parseA1', () => {
  it('reads a cell and a block, with or without $', () => {
    expect(parseA1('B5')).toEqual({ firstRow: 5, lastRow: 5, firstColumn: 2, lastColumn: 2 });
    expect(parseA1('$A$1:c3')).toEqual({ firstRow: 1, lastRow: 3, firstColumn: 1, lastColumn: 3 });
  });

  it('orders a block given backwards', () => {
    expect(parseA1('C3:A1')).toEqual({ firstRow: 1, lastRow: 3, firstColumn: 1, lastColumn: 3 });
  });

  it('leaves open what the reference leaves open: whole columns, whole rows, to the last row', () => {
    expect(parseA1('A:B')).toEqual({ firstRow: null, lastRow: null, firstColumn: 1, lastColumn: 2 });
    expect(parseA1('2:4')).toEqual({ firstRow: 2, lastRow: 4, firstColumn: null, lastColumn: null });
    expect(parseA1('E5:E')).toEqual({ firstRow: 5, lastRow: null, firstColumn: 5, lastColumn: 5 });
  });

  it('reads a quoted sheet name with spaces, CJK and a doubled apostrophe', () => {
    expect(parseA1("'考核 2026-10'!B5")).toMatchObject({ sheetName: '考核 2026-10', firstRow: 5, firstColumn: 2 });
    expect(parseA1("'it''s'!A1")?.sheetName).toBe("it's");
    expect(parseA1('Data!A1:B2')?.sheetName).toBe('Data');
  });

  it('refuses what is not a reference', () => {
    for (const bad of ['', 'A', '5', 'A0', 'A1:B2:C3', 'A:5', '2:B', 'A1:', 'ABCD1', 'x y']) expect(parseA1(bad)).toBeNull();
  });
});

describe('quoteSheetName', () => {
  it('quotes names that are not plain identifiers', () => {
    expect(quoteSheetName('Data')).toBe('Data');
    expect(quoteSheetName('考核 2026-10')).toBe("'考核 2026-10'");
    expect(quoteSheetName("it's")).toBe("'it''s'");
  });
});
