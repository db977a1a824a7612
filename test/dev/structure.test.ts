/**
 * Inserting and deleting rows and columns through the Apps Script API, against expectations worked out by hand
 * from Sheets' behaviour: contents, formats and validation move with their cells, formulas in every tab are
 * re-pointed (ranges widen on inserts inside them, narrow on deletes, #REF! when their cells are gone), charts'
 * and protections' ranges follow, and every call is counted once.
 */
import { describe, expect, it } from 'vitest';
import { setup } from './fixtures';

/**
 * Tab `t`:           A        B               C
 *            1   name     score           x2
 *            2   小美     9               =B2*2
 *            3   小王     7               =B3*2
 *            4   sum      =SUM(B2:B3)
 * Tab `o`:   A1 =t!B3   B1 =SUM(t!B2:B3)
 */
function book() {
  const fake = setup();
  fake.book.addSheet('t', [['name', 'score', 'x2'], ['小美', 9, '=B2*2'], ['小王', 7, '=B3*2'], ['sum', '=SUM(B2:B3)']]);
  fake.book.addSheet('o', [['=t!B3', '=SUM(t!B2:B3)']]);
  const t = fake.ss.getSheetByName('t')!;
  return { ...fake, t, o: fake.ss.getSheetByName('o')! };
}

describe('inserting rows', () => {
  it('moves the rows below down and re-points formulas in every tab, widening ranges inserted into', () => {
    const { t, book: b, calls } = book();
    calls.reset();
    expect(t.insertRowsBefore(3, 2).getName()).toBe('t'); // returns the sheet: 2 calls
    expect(calls.byMethod()).toEqual({ 'Sheet.insertRowsBefore': 1, 'Sheet.getName': 1 });
    // 小王 moves from row 3 to row 5; SUM(B2:B3) had a row inserted inside it → B2:B5, now in row 6.
    expect(b.formulas('t')).toEqual([
      ['', '', ''], ['', '', '=B2*2'], ['', '', ''], ['', '', ''], ['', '', '=B5*2'], ['', '=SUM(B2:B5)', ''],
    ]);
    expect(b.values('t').map((row) => row[0])).toEqual(['name', '小美', '', '', '小王', 'sum']);
    expect(b.values('t')[5]![1]).toBe(16); // 9 + 7, the blank rows add nothing
    expect(b.formulas('o')).toEqual([['=t!B5', '=SUM(t!B2:B5)']]);
    expect(b.values('o')).toEqual([[7, 16]]);
    expect(t.getMaxRows()).toBe(1002); // 1,000 + 2
  });

  it('insertRowBefore / insertRowAfter / insertRowsAfter put the new rows where they say', () => {
    const { t, book: b } = book();
    t.insertRowAfter(1); // new row 2; 小美 → 3, 小王 → 4, sum → 5
    expect(b.values('t').map((row) => row[0])).toEqual(['name', '', '小美', '小王', 'sum']);
    t.insertRowBefore(5); // before sum: sum → 6
    t.insertRowsAfter(6, 3); // after the last used row: nothing moves
    expect(b.values('t').map((row) => row[0])).toEqual(['name', '', '小美', '小王', '', 'sum']);
    expect(b.formulas('t')[5]![1]).toBe('=SUM(B3:B4)'); // inserts outside B2:B3 only shift it
    expect(t.getMaxRows()).toBe(1005); // 1,000 + 1 + 1 + 3
  });

  it('insertRows / insertColumns, the older forms, insert one line unless told more and return nothing', () => {
    const { t, book: b } = book();
    expect(t.insertRows(2)).toBeUndefined();
    t.insertColumns(1, 2);
    expect(b.values('t')[2]).toEqual(['', '', '小美', 9, 18]);
    expect([t.getMaxRows(), t.getMaxColumns()]).toEqual([1001, 28]);
  });

  it('appends rows after the last one', () => {
    const { t } = book();
    t.insertRowsAfter(1000, 10);
    expect(t.getMaxRows()).toBe(1010);
    expect(() => t.getRange(1010, 1).setValue('end')).not.toThrow();
  });

  it('moves formats, notes and data validation with their cells', () => {
    const { t, book: b, globals } = book();
    t.getRange('B3').setBackground('#fff2cc').setNote('手填').setFontWeight('bold');
    t.getRange('B3').setDataValidation(globals.SpreadsheetApp.newDataValidation().requireNumberBetween(0, 10).build());
    t.insertRowsBefore(2, 1);
    const formats = b.formats('t');
    expect([formats.backgrounds[2]![1], formats.backgrounds[3]![1]]).toEqual([null, '#fff2cc']);
    expect(formats.notes[3]![1]).toBe('手填');
    expect(formats.fontWeights[3]![1]).toBe('bold');
    expect(b.validation('t', 3, 2)).toBeNull();
    expect(b.validation('t', 4, 2)).toMatchObject({ criteria: 'NUMBER_BETWEEN', values: [0, 10] });
  });

  it('gives inserted rows and columns their neighbour’s formats and validation, not its notes or values', () => {
    const { t, book: b, globals } = book();
    t.getRange('B3').setBackground('#fff2cc').setNote('手填').setNumberFormat('0.0');
    t.getRange('B3').setDataValidation(globals.SpreadsheetApp.newDataValidation().requireNumberBetween(0, 10).build());
    t.insertRowBefore(3); // takes row 3's (小王, now row 4)
    t.insertRowAfter(4); // takes row 4's: new row 5
    t.insertColumnAfter(2); // takes column B's: new column C
    const formats = b.formats('t');
    expect(formats.backgrounds.slice(2, 5).map((row) => row.slice(1, 3))).toEqual([
      ['#fff2cc', '#fff2cc'], ['#fff2cc', '#fff2cc'], ['#fff2cc', '#fff2cc'],
    ]);
    expect(formats.numberFormats[2]![1]).toBe('0.0');
    expect(formats.notes.slice(2, 5).map((row) => row.slice(1, 3))).toEqual([['', ''], ['手填', ''], ['', '']]);
    expect([b.validation('t', 3, 2), b.validation('t', 5, 3)].map((v) => v?.criteria)).toEqual(['NUMBER_BETWEEN', 'NUMBER_BETWEEN']);
    expect(b.values('t').map((row) => row[1])).toEqual(['score', 9, '', 7, '', 16]); // no values copied; SUM(B2:B4) = 9 + 7
  });

  it('refuses positions outside the sheet and counts below 1, as Sheets does', () => {
    const { t } = book();
    expect(() => t.insertRowBefore(0)).toThrow('Those rows are out of bounds.');
    expect(() => t.insertRowsAfter(1001, 1)).toThrow('Those rows are out of bounds.');
    expect(() => t.insertRowsBefore(2, 0)).toThrow('The number of rows must be at least 1.');
    expect(() => (t as unknown as { insertRowsBefore(n: number): void }).insertRowsBefore(2)).toThrow(/don't match the method signature for SpreadsheetApp.Sheet.insertRowsBefore/);
    expect(() => t.insertRowBefore(1.5)).toThrow(/method signature/);
    expect(t.getMaxRows()).toBe(1000);
  });

  it('grows the frozen rows when rows are inserted among them', () => {
    const { t } = book();
    t.setFrozenRows(2);
    t.insertRowBefore(2); // inside the frozen block: 3 frozen
    t.insertRowBefore(5); // below it: still 3
    expect(t.getFrozenRows()).toBe(3);
  });
});

describe('deleting rows', () => {
  it('moves the rows below up, narrows ranges and turns references to deleted cells into #REF!', () => {
    const { t, book: b, calls } = book();
    calls.reset();
    expect(t.deleteRow(2).getName()).toBe('t'); // 小美 goes; 小王 → row 2, sum → row 3
    expect(calls.spreadsheet).toBe(2);
    expect(b.formulas('t')).toEqual([['', '', ''], ['', '', '=B2*2'], ['', '=SUM(B2:B2)', '']]);
    expect(b.values('t')[2]![1]).toBe(7);
    expect(b.formulas('o')).toEqual([['=t!B2', '=SUM(t!B2:B2)']]);
    expect(t.deleteRows(2, 1)).toBeUndefined(); // 小王 goes too: every cell of B2:B3 is gone
    expect(b.formulas('o')[0]![0]).toBe('=#REF!');
    expect(b.values('o')).toEqual([['#REF!', '#REF!']]);
    expect(b.values('t').map((row) => row[0])).toEqual(['name', 'sum']);
    expect(t.getMaxRows()).toBe(998);
  });

  it('takes formats, notes and validation away with the row and moves the rest up', () => {
    const { t, book: b } = book();
    t.getRange('A2:C2').setBackground('#eeeeee');
    t.getRange('B3').setNote('7 分');
    t.deleteRows(2, 1);
    const formats = b.formats('t');
    expect(formats.backgrounds.flat().filter((c) => c !== null)).toEqual([]);
    expect(formats.notes[1]![1]).toBe('7 分');
  });

  it('refuses rows past the end and deleting every non-frozen row', () => {
    const { t } = book();
    expect(() => t.deleteRows(999, 5)).toThrow('Those rows are out of bounds.');
    expect(() => t.deleteRow(0)).toThrow('Those rows are out of bounds.');
    expect(() => t.deleteRows(1, 1000)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
    t.setFrozenRows(1);
    expect(() => t.deleteRows(2, 999)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
    t.deleteRows(2, 998); // leaves the frozen row and one more
    expect([t.getMaxRows(), t.getFrozenRows()]).toEqual([2, 1]);
  });

  it('shrinks the frozen rows when frozen rows are deleted', () => {
    const { t } = book();
    t.setFrozenRows(3);
    t.deleteRows(2, 5); // rows 2, 3 of the frozen 1 … 3 go
    expect(t.getFrozenRows()).toBe(1);
  });
});

describe('inserting and deleting columns', () => {
  it('moves columns right and left, re-pointing formulas in every tab', () => {
    const { t, book: b } = book();
    expect(t.insertColumnBefore(1).getName()).toBe('t'); // everything moves one column right
    expect(b.formulas('t')[1]).toEqual(['', '', '', '=C2*2']);
    expect(b.formulas('t')[3]).toEqual(['', '', '=SUM(C2:C3)', '']);
    expect(b.formulas('o')).toEqual([['=t!C3', '=SUM(t!C2:C3)']]);
    t.insertColumnsAfter(2, 2); // after name (now B): score → E, x2 → F
    expect(b.values('t')[0]).toEqual(['', 'name', '', '', 'score', 'x2']);
    expect(b.formulas('t')[2]![5]).toBe('=E3*2');
    t.insertColumnAfter(6);
    t.insertColumnsBefore(1, 1);
    expect(t.getMaxColumns()).toBe(31); // 26 + 1 + 2 + 1 + 1
    t.deleteColumn(6); // score (now F) goes: x2's formulas lose their reference
    expect(b.values('t')[1]).toEqual(['', '', '小美', '', '', '#REF!']);
    expect(b.formulas('o')).toEqual([['=#REF!', '=SUM(#REF!)']]);
    expect(t.deleteColumns(1, 2)).toBeUndefined();
    expect(b.values('t')[0]).toEqual(['name', '', '', 'x2']);
    expect(t.getMaxColumns()).toBe(28); // 31 - 1 - 2
  });

  it('moves column widths with their columns', () => {
    const { t, book: b } = book();
    t.setColumnWidth(2, 120).setColumnWidth(3, 80);
    t.insertColumnBefore(2);
    t.deleteColumn(4); // the 80-pixel column (C → D) goes
    expect(b.formats('t').columnWidths).toEqual({ 3: 120 });
  });

  it('refuses columns outside the sheet', () => {
    const { t } = book();
    expect(() => t.insertColumnAfter(27)).toThrow('Those columns are out of bounds.');
    expect(() => t.deleteColumns(20, 10)).toThrow('Those columns are out of bounds.');
    expect(() => t.deleteColumns(1, 26)).toThrow('Sorry, it is not possible to delete all non-frozen columns.');
  });
});

describe('moving rows and columns (a drag)', () => {
  it('moves columns before the destination; references follow the moved cells, as after a cut and paste', () => {
    const { t, book: b, calls } = book();
    t.getRange('B:B').addDeveloperMetadata('item', 'score');
    t.getRange('C2').setBackground('#eeeeee');
    t.setColumnWidth(3, 90);
    t.insertChart(t.newChart().addRange(t.getRange('C1:C4')).addRange(t.getRange('A1:B4')).build());
    calls.reset();
    expect(t.moveColumns(t.getRange('C1'), 1)).toBeUndefined(); // x2 first: x2 | name | score
    expect(calls.byMethod()).toEqual({ 'Sheet.getRange': 1, 'Sheet.moveColumns': 1 });
    expect(b.values('t')[0]).toEqual(['x2', 'name', 'score']);
    expect(b.formulas('t')[1]).toEqual(['=C2*2', '', '']); // its score moved from B to C
    expect(b.formulas('t')[3]).toEqual(['', '', '=SUM(C2:C3)']);
    expect(b.formulas('o')).toEqual([['=t!C3', '=SUM(t!C2:C3)']]);
    expect(b.allMetadata('t')).toEqual([{ key: 'item', value: 'score', location: 'COLUMN 3' }]);
    expect(b.formats('t').backgrounds[1]![0]).toBe('#eeeeee');
    expect(b.formats('t').columnWidths).toEqual({ 1: 90 });
    // A range wholly inside the moved column moves with it; one the move cuts through stays (an approximation).
    expect(b.charts('t')[0]!.ranges).toEqual(['A1:A4', 'A1:B4']);
  });

  it('moves rows before the destination, with their metadata', () => {
    const { t, book: b } = book();
    t.getRange('2:2').addDeveloperMetadata('agent', '小美');
    t.getRange('3:3').addDeveloperMetadata('agent', '小王');
    t.moveRows(t.getRange('A3:C3'), 2); // 小王 above 小美
    expect(b.values('t').map((row) => row[0])).toEqual(['name', '小王', '小美', 'sum']);
    expect(b.formulas('t').slice(1, 3).map((row) => row[2])).toEqual(['=B2*2', '=B3*2']); // each follows its own score
    expect(b.formulas('o')[0]![0]).toBe('=t!B2'); // 小王's score, now in row 2
    expect(b.values('o')[0]![0]).toBe(7);
    expect(b.allMetadata('t').map((m) => `${m.value} ${m.location}`)).toEqual(['小美 ROW 3', '小王 ROW 2']);
    b.moveRows('t', 2, 1, 4); // 小王 back below 小美, on the test side
    expect(b.values('t').map((row) => row[0])).toEqual(['name', '小美', '小王', 'sum']);
    expect(b.allMetadata('t').map((m) => `${m.value} ${m.location}`)).toEqual(['小美 ROW 2', '小王 ROW 3']);
  });

  it('leaves everything in place for a destination inside the moved lines, and refuses one outside the sheet', () => {
    const { t, book: b } = book();
    t.moveColumns(t.getRange('B1:C1'), 3);
    expect(b.values('t')[0]).toEqual(['name', 'score', 'x2']);
    expect(() => t.moveRows(t.getRange('A2'), 1002)).toThrow('Those rows are out of bounds.');
    expect(() => t.moveRows('A2' as unknown as GoogleAppsScript.Spreadsheet.Range, 1)).toThrow(/method signature for SpreadsheetApp.Sheet.moveRows/);
  });
});

describe('charts and protections follow the cells', () => {
  it('widens a chart range on an insert inside it, narrows it on a delete, also for a chart on another tab', () => {
    const { t, o, book: b } = book();
    t.insertChart(t.newChart().asBarChart().addRange(t.getRange('A2:B3')).setPosition(6, 1, 0, 0).build());
    o.insertChart(o.newChart().addRange(t.getRange('A1:B4')).build());
    t.insertRowsBefore(3, 2); // inside A2:B3 → A2:B5; A1:B4 → A1:B6; the anchor row 6 → 8
    expect(b.charts('t')[0]).toMatchObject({ ranges: ['A2:B5'], position: { anchorRow: 8, anchorColumn: 1 } });
    expect(b.charts('o')[0]!.ranges).toEqual(['t!A1:B6']);
    t.deleteRows(1, 2); // A2:B5 loses row 2 → A1:B3; A1:B6 loses rows 1, 2 → A1:B4
    expect(b.charts('t')[0]!.ranges).toEqual(['A1:B3']);
    expect(b.charts('o')[0]!.ranges).toEqual(['t!A1:B4']);
    t.deleteRows(1, 3); // every row of A1:B3 gone: the chart has no range left
    expect(b.charts('t')[0]!.ranges).toEqual([]);
  });

  it('widens and narrows range protections and a sheet protection’s holes, and drops a protection whose cells are gone', () => {
    const { t, book: b, globals } = book();
    t.getRange('B2:B3').protect().setDescription('scores');
    t.protect().setUnprotectedRanges([t.getRange('C2:C3')]);
    t.insertRowBefore(3);
    t.insertColumnBefore(1);
    expect(b.protections('t').map((p) => [p.type, p.range, p.unprotected])).toEqual([
      ['RANGE', 'C2:C4', []], ['SHEET', null, ['D2:D4']],
    ]);
    t.deleteRows(2, 3);
    expect(b.protections('t')).toHaveLength(1);
    expect(b.protections('t')[0]!.unprotected).toEqual([]);
    expect(t.getProtections(globals.SpreadsheetApp.ProtectionType.RANGE)).toEqual([]);
  });
});

describe('user edits on the test side', () => {
  it('inserts and deletes like the API without counting calls', () => {
    const { book: b, calls } = book();
    calls.reset();
    b.insertRows('t', 2, 1);
    b.insertColumns('t', 1, 1);
    b.deleteRows('t', 3, 1); // 小美 (now row 3) goes
    b.deleteColumns('t', 1, 1);
    expect(calls.spreadsheet).toBe(0);
    expect(b.values('t').map((row) => row[0])).toEqual(['name', '', '小王', 'sum']);
    expect(b.formulas('o')).toEqual([['=t!B3', '=SUM(t!B3:B3)']]);
  });
});
