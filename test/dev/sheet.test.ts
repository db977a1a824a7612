import { describe, expect, it } from 'vitest';
import { setup } from './fixtures';

describe('Spreadsheet: tabs', () => {
  it('starts with one empty tab named in the spreadsheet’s language', () => {
    expect(setup({ locale: 'zh_CN' }).book.sheetNames()).toEqual(['工作表1']);
    expect(setup({ locale: 'en_US' }).book.sheetNames()).toEqual(['Sheet1']);
  });

  it('inserts tabs at the end or at a 0-based index, and makes the new one active', () => {
    const { ss, book } = setup({ locale: 'en_US' });
    ss.insertSheet('数据');
    ss.insertSheet('考核 2026-11', 0);
    expect(book.sheetNames()).toEqual(['考核 2026-11', 'Sheet1', '数据']);
    expect(ss.getActiveSheet().getName()).toBe('考核 2026-11');
    expect(ss.getSheetByName('数据')!.getIndex()).toBe(3);
  });

  it('names an unnamed new tab after the next free number', () => {
    const { ss } = setup({ locale: 'en_US' });
    expect(ss.insertSheet().getName()).toBe('Sheet2');
  });

  it('refuses a duplicate name, ignoring case, as Sheets does', () => {
    const { ss } = setup({ locale: 'en_US' });
    ss.insertSheet('Data');
    expect(() => ss.insertSheet('data')).toThrow('A sheet with the name "data" already exists. Please enter another name.');
    expect(() => ss.getSheetByName('Data')!.setName('SHEET1')).toThrow(/already exists/);
  });

  it('finds tabs by exact name and returns null otherwise', () => {
    const { ss } = setup();
    ss.insertSheet('考核 2026-11');
    expect(ss.getSheetByName('考核 2026-11')!.getName()).toBe('考核 2026-11');
    expect(ss.getSheetByName('考核 2026-12')).toBeNull();
  });

  it('deletes a tab, but never the last one', () => {
    const { ss, book } = setup({ locale: 'en_US' });
    const data = ss.insertSheet('Data');
    ss.deleteSheet(data);
    expect(book.sheetNames()).toEqual(['Sheet1']);
    expect(ss.getActiveSheet().getName()).toBe('Sheet1');
    expect(() => data.getRange('A1').getValues()).toThrow(/deleted/);
    expect(() => ss.deleteSheet(ss.getSheets()[0]!)).toThrow("You can't remove all the sheets in a document.");
  });

  it('renaming a tab keeps formulas that point at it working', () => {
    const { ss, book } = setup();
    const october = ss.insertSheet('考核 2026-10');
    october.getRange('B5').setValue(21);
    const november = ss.insertSheet('考核 2026-11');
    november.getRange('A1').setValue("='考核 2026-10'!B5*2");
    october.setName('十月');
    expect(book.values('考核 2026-11')).toEqual([[42]]); // 21 × 2
    expect(book.formulas('考核 2026-11')).toEqual([["='十月'!B5*2"]]);
  });

  it('activates tabs with setActiveSheet and activate()', () => {
    const { ss, book } = setup();
    const a = ss.insertSheet('A');
    ss.insertSheet('B');
    ss.setActiveSheet(a);
    expect(book.activeSheetName()).toBe('A');
    ss.getSheetByName('B')!.activate();
    expect(ss.getActiveSheet().getName()).toBe('B');
  });

  it('reports its settings and records toasts', () => {
    const { ss, book } = setup({ timeZone: 'America/New_York', locale: 'en_US', name: 'Shop' });
    expect([ss.getSpreadsheetTimeZone(), ss.getSpreadsheetLocale(), ss.getName()]).toEqual(['America/New_York', 'en_US', 'Shop']);
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
    ss.toast('已生成', '客服绩效', 3);
    expect(book.ui.toasts).toEqual([{ message: '已生成', title: '客服绩效', timeoutSeconds: 3 }]);
  });

  it('gives the first tab id 0 and every tab its own id', () => {
    const { ss } = setup();
    const ids = [ss.getSheets()[0]!.getSheetId(), ss.insertSheet('a').getSheetId(), ss.insertSheet('b').getSheetId()];
    expect(ids[0]).toBe(0);
    expect(new Set(ids).size).toBe(3);
  });
});

describe('Sheet.getRange', () => {
  it('takes row, column and an optional size', () => {
    const { sheet } = setup();
    expect(sheet.getRange(2, 3).getA1Notation()).toBe('C2');
    expect(sheet.getRange(2, 3, 4).getA1Notation()).toBe('C2:C5'); // rows 2 … 2+4−1
    expect(sheet.getRange(2, 3, 4, 2).getA1Notation()).toBe('C2:D5');
  });

  it('takes A1 notation, open to the sheet’s edge where the reference is', () => {
    const { sheet } = setup();
    expect(sheet.getRange('B2:C3').getA1Notation()).toBe('B2:C3');
    expect(sheet.getRange('E5:E').getA1Notation()).toBe('E5:E1000'); // a new tab has 1000 rows
    expect(sheet.getRange('A:B').getNumRows()).toBe(1000);
    expect(sheet.getRange('2:2').getNumColumns()).toBe(26); // and 26 columns
  });

  it('reports its position and size', () => {
    const range = setup().sheet.getRange('C2:D5');
    expect([range.getRow(), range.getColumn(), range.getNumRows(), range.getNumColumns()]).toEqual([2, 3, 4, 2]);
    expect(range.getSheet().getName()).toBe('工作表1');
  });

  it('throws Sheets’ messages for impossible coordinates', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
    expect(() => sheet.getRange('nonsense')).toThrow('Range not found');
    expect(() => sheet.getRange(1.5, 1)).toThrow(/method signature for SpreadsheetApp\.Sheet\.getRange/);
  });
});

describe('Sheet size', () => {
  it('reports the last row and column holding a value or formula', () => {
    const { sheet } = setup();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    sheet.getRange('C4').setValue('=""');
    sheet.getRange('B7').setValue('x');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([7, 3]);
    sheet.getRange('B7').clearContent();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([4, 3]);
  });

  it('getDataRange spans A1 to the last cell, or A1 alone when empty', () => {
    const { sheet } = setup();
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('B3').setValue(1);
    expect(sheet.getDataRange().getValues()).toEqual([['', ''], ['', ''], ['', 1]]);
  });

  it('getSheetValues(1, 1, -1, -1) reads what getDataRange().getValues() reads, in one call; an empty tab is refused', () => {
    const { sheet, calls } = setup();
    expect(() => sheet.getSheetValues(1, 1, -1, -1)).toThrow('The number of rows in the range must be at least 1.');
    sheet.getRange('B3').setValue(1);
    calls.reset();
    // B3 is the last cell with data: rows 1–3, columns A–B
    expect(sheet.getSheetValues(1, 1, -1, -1)).toEqual([['', ''], ['', ''], ['', 1]]);
    expect(calls.byMethod()).toEqual({ 'Sheet.getSheetValues': 1 });
    expect(sheet.getSheetValues(2, 2, 2, 1)).toEqual([[''], [1]]); // B2:B3, counts as given
    expect(sheet.getSheetValues(3, 1, -1, 2)).toEqual([['', 1]]); // row 3 to the last row (3)
  });

  it('never grows when a script addresses past its last row or column: getRange throws, as in Sheets', () => {
    const { sheet, book } = setup();
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    const outside = 'The coordinates of the range are outside the dimensions of the sheet.';
    expect(() => sheet.getRange(1, 1, 1001, 1)).toThrow(outside); // rows 1..1001 > 1000
    expect(() => sheet.getRange(1000, 26, 1, 2)).toThrow(outside); // columns 26..27 > 26
    expect(() => sheet.getRange(1, 27)).toThrow(outside);
    expect(() => sheet.getRange('A1:AA1')).toThrow(outside); // AA = column 27
    expect(() => sheet.getRange('A1001')).toThrow(outside);
    expect(() => sheet.setColumnWidths(26, 2, 100)).toThrow(outside);
    expect(sheet.getRange(1000, 26).getA1Notation()).toBe('Z1000'); // the last cell is fine
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    // Inserting makes room; then the same range is fine.
    sheet.insertRowsAfter(1000, 500);
    sheet.insertColumnsAfter(26, 4);
    sheet.getRange(1, 1, 1500, 30).setValue(0);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1500, 30]);
    // The test helpers (a user pasting) still grow a tab to hold what they seed.
    book.addSheet('wide', [Array.from({ length: 40 }, (_, i) => i)]);
    expect(book.values('wide')[0]![39]).toBe(39);
  });

  it('refuses to grow the spreadsheet past 10 million cells', () => {
    const { sheet } = setup();
    // 1000 × 26 = 26,000 cells now; 400,000 × 26 = 10.4 M would pass the limit
    expect(() => sheet.insertRowsAfter(1000, 399_000)).toThrow(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
  });
});

describe('Sheet.clear…', () => {
  function filled() {
    const fixture = setup();
    const range = fixture.sheet.getRange('A1:B1');
    range.setValues([[1, 2]]).setNumberFormat('0.00').setNotes([['n', '']]);
    return { ...fixture, range };
  }

  it('clear() removes contents and formats, keeping notes', () => {
    const { sheet, range } = filled();
    sheet.clear();
    expect(range.getValues()).toEqual([['', '']]);
    expect(range.getNumberFormats()[0]![0]).toBe('0.###############');
    expect(range.getNotes()).toEqual([['n', '']]);
  });

  it('clearContents() keeps formats; clearFormats() keeps contents; clearNotes() only notes', () => {
    const a = filled();
    a.sheet.clearContents();
    expect([a.range.getValues(), a.range.getNumberFormats()]).toEqual([[['', '']], [['0.00', '0.00']]]);
    const b = filled();
    b.sheet.clearFormats();
    expect([b.range.getValues(), b.range.getNumberFormats()[0]![0]]).toEqual([[[1, 2]], '0.###############']);
    b.sheet.clearNotes();
    expect(b.range.getNotes()).toEqual([['', '']]);
  });
});

describe('frozen rows and columns', () => {
  it('records them', () => {
    const { sheet, book, sheetName } = setup();
    sheet.setFrozenRows(3);
    sheet.setFrozenColumns(1);
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([3, 1]);
    expect(book.frozen(sheetName)).toEqual({ rows: 3, columns: 1 });
  });

  it('refuses to freeze every row', () => {
    const { sheet } = setup();
    expect(() => sheet.setFrozenRows(1000)).toThrow(/not possible to delete all non-frozen rows/);
  });
});
