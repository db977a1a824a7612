/**
 * `Range.sort`, worked by hand: only the range's rows move, with their formats, notes and validation; moved
 * formulas behave like copies (relative references shift with their row, absolute ones stay); formulas that
 * point into the range keep their cells; row metadata stays on its row number (see dev/gas/sort.ts).
 */
import { describe, expect, it } from 'vitest';
import { shiftFormulaRows } from '../../dev/gas/shift-formula';
import { setup } from './fixtures';

/**
 * Tab `t`:   A      B             C            D
 *        1   name   score         x2
 *        2   小王   7             =B2*2        keep
 *        3   小美   9             =B3*2
 *        4   阿强   (blank)       =B4*2
 *        5   Bob    9             =$B$2+B5
 *        6   sum    =SUM(B2:B5)
 * Tab `o`: A1 =t!B2
 */
function book() {
  const fake = setup();
  fake.book.addSheet('t', [
    ['name', 'score', 'x2'], ['小王', 7, '=B2*2', 'keep'], ['小美', 9, '=B3*2'], ['阿强', null, '=B4*2'], ['Bob', 9, '=$B$2+B5'],
    ['sum', '=SUM(B2:B5)'],
  ]);
  fake.book.addSheet('o', [['=t!B2']]);
  return { ...fake, t: fake.ss.getSheetByName('t')! };
}

describe('Range.sort', () => {
  it('sorts the rows of the range by a column, descending, blanks last, ties in their order', () => {
    const { t, book: b, calls } = book();
    calls.reset();
    expect(t.getRange('A2:C5').sort({ column: 2, ascending: false }).getA1Notation()).toBe('A2:C5');
    expect(calls.byMethod()).toEqual({ 'Sheet.getRange': 1, 'Range.sort': 1, 'Range.getA1Notation': 1 });
    // 9 (小美, row 3) and 9 (Bob, row 5) keep their order, then 7 (小王), then the blank (阿强).
    expect(b.values('t').map((row) => row[0])).toEqual(['name', '小美', 'Bob', '小王', '阿强', 'sum']);
    expect(b.formulas('t').slice(1, 5).map((row) => row[2])).toEqual([
      '=B2*2', // from row 3, moved up 1: B3 → B2
      '=$B$2+B3', // from row 5, moved up 2: $B$2 stays, B5 → B3
      '=B4*2', // from row 2, moved down 2
      '=B5*2', // from row 4, moved down 1
    ]);
    // x2: 9×2 = 18; $B$2 (now 小美's 9) + B3 (Bob's 9) = 18; 7×2 = 14; blank×2 = 0
    expect(b.values('t').slice(1, 5).map((row) => row[2])).toEqual([18, 18, 14, 0]);
    expect(b.values('t')[1]![3]).toBe('keep'); // column D is outside the range
    expect(b.formulas('t')[5]![1]).toBe('=SUM(B2:B5)'); // row 6 is outside the range
    expect(b.formulas('o')).toEqual([['=t!B2']]); // a reference into the range keeps its cell …
    expect(b.values('o')).toEqual([[9]]); // … which now holds 小美's 9
  });

  it('moves formats, notes and data validation with the rows, not the row metadata', () => {
    const { t, book: b, globals } = book();
    t.getRange('B3').setBackground('#fff2cc'); // 小美's score
    t.getRange('A2').setNote('组长'); // 小王
    t.getRange('B5').setDataValidation(globals.SpreadsheetApp.newDataValidation().requireNumberBetween(0, 10).build()); // Bob
    t.getRange('3:3').addDeveloperMetadata('agent', '小美');
    t.getRange('A2:C5').sort({ column: 2, ascending: false }); // 小美 → 2, Bob → 3, 小王 → 4, 阿强 → 5
    const formats = b.formats('t');
    expect(formats.backgrounds[1]![1]).toBe('#fff2cc');
    expect(formats.backgrounds[2]![1]).toBeNull();
    expect(formats.notes[3]![0]).toBe('组长');
    expect(b.validation('t', 3, 2)).toMatchObject({ criteria: 'NUMBER_BETWEEN' });
    expect(b.validation('t', 5, 2)).toBeNull();
    expect(b.allMetadata('t')).toEqual([{ key: 'agent', value: '小美', location: 'ROW 3' }]); // now Bob's row
  });

  it('orders numbers, then text ignoring case, then booleans ascending; the reverse descending; blanks always last', () => {
    const { ss, book: b } = book();
    b.addSheet('m', [['x'], [3], [''], ['bob'], [true], ['Alice'], [1], [false]]);
    const m = ss.getSheetByName('m')!;
    m.getRange('A1:A8').sort(1);
    // The blank ends up in row 8, past the used area book.values shows.
    expect(b.values('m').map((row) => row[0])).toEqual([1, 3, 'Alice', 'bob', 'x', false, true]);
    m.getRange('A1:A8').sort({ column: 1, ascending: false });
    expect(b.values('m').map((row) => row[0])).toEqual([true, false, 'x', 'bob', 'Alice', 3, 1]);
  });

  it('sorts by several columns in turn', () => {
    const { t, book: b } = book();
    // Score down, then name down. zh_CN collation puts Han (by pinyin) before Latin, so descending puts Bob
    // before 小美 among the 9s: the second key decides against the rows' original order (小美 row 3, Bob row 5).
    t.getRange('A2:C5').sort([{ column: 2, ascending: false }, { column: 1, ascending: false }]);
    expect(b.values('t').map((row) => row[0])).toEqual(['name', 'Bob', '小美', '小王', '阿强', 'sum']);
  });

  it('refuses a sort column outside the range and malformed specs', () => {
    const { t, book: b } = book();
    expect(() => t.getRange('A2:C5').sort(4)).toThrow('The sort column (4) must be within the range A2:C5.');
    expect(() => t.getRange('B2:C5').sort(1)).toThrow(/must be within the range/);
    expect(() => t.getRange('A2:C5').sort({ column: 'B' })).toThrow(/method signature for SpreadsheetApp.Range.sort/);
    expect(() => t.getRange('A2:C5').sort([])).toThrow(/method signature/);
    expect(b.values('t').map((row) => row[0])).toEqual(['name', '小王', '小美', '阿强', 'Bob', 'sum']);
  });

  it('Sheet.sort sorts every row below the frozen ones', () => {
    const { t, book: b, calls } = book();
    t.setFrozenRows(1);
    t.deleteRow(6); // without the sum row: rows 2 … 5 are the agents
    calls.reset();
    expect(t.sort(2).getName()).toBe('t'); // ascending by score: 7, 9, 9 (in their order), blank last
    expect(calls.spreadsheet).toBe(2);
    expect(b.values('t').map((row) => row[0])).toEqual(['name', '小王', '小美', 'Bob', '阿强']);
    expect(() => t.sort(2, 'desc' as unknown as boolean)).toThrow(/method signature for SpreadsheetApp.Sheet.sort/);
  });

  it('is also a user edit on the test side, uncounted', () => {
    const { book: b, calls } = book();
    calls.reset();
    b.sortRange('t', 'A2:C5', 1);
    expect(calls.spreadsheet).toBe(0);
    // zh_CN collation: Han by pinyin (a qiang < xiao mei < xiao wang), then Latin.
    expect(b.values('t').map((row) => row[0])).toEqual(['name', '阿强', '小美', '小王', 'Bob', 'sum']);
  });
});

describe('shiftFormulaRows: a formula moved like a copied cell', () => {
  it.each([
    ['=$B$2+B5', -2, '=$B$2+B3'], // anchored rows stay
    ['=SUM($A1:B$9)', 3, '=SUM($A4:B$9)'],
    ['=SUM(5:9)', 1, '=SUM(6:10)'], // row ranges
    ['=A:A', 3, '=A:A'], // column ranges have no rows
    ['=LOG10(A5)', 1, '=LOG10(A6)'], // a function name with digits is not a reference
    ['="A5"&A5', 1, '="A5"&A6'], // nor is text in a string …
    ['="it""s A1"&B1', 1, '="it""s A1"&B2'], // … with an escaped quote
    ["='My A5 tab'!A5", 1, "='My A5 tab'!A6"], // … or in a quoted sheet name
    ['=T1!A5', 1, '=T1!A6'], // an unquoted sheet name that looks like a cell
    ['=1E5+A1', 1, '=1E5+A2'], // an exponent is not column E
    ['=A2', -1, '=A1'],
    ['=A1*2', -1, '=#REF!*2'], // pushed above row 1
    ['=SUM(A1:A3)', -1, '=SUM(#REF!)'],
  ])('%s moved %i rows reads %s', (formula, delta, expected) => {
    expect(shiftFormulaRows(formula, delta)).toBe(expected);
  });
});
