import { describe, expect, it } from 'vitest';
import { setup } from './fixtures';

describe('number formats', () => {
  it('reads Sheets’ default for cells nobody formatted', () => {
    const { sheet } = setup();
    expect(sheet.getRange('A1:B1').getNumberFormats()).toEqual([['0.###############', '0.###############']]);
  });

  it('sets one format per cell or one for the whole range', () => {
    const { sheet, book, sheetName } = setup();
    sheet.getRange('A1:B2').setNumberFormat('0.00');
    sheet.getRange('B1:B2').setNumberFormats([['0%'], ['yyyy-mm-dd']]);
    expect(sheet.getRange('A1:B2').getNumberFormats()).toEqual([['0.00', '0%'], ['0.00', 'yyyy-mm-dd']]);
    expect(book.formats(sheetName).numberFormats).toEqual([['0.00', '0%'], ['0.00', 'yyyy-mm-dd']]);
  });

  it('checks the shape like setValues', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B1').setNumberFormats([['0'], ['0']])).toThrow(/The data has 2 but the range has 1/);
  });
});

describe('font weights, backgrounds, wraps, alignments', () => {
  it('records them per cell; null goes back to the default', () => {
    const { sheet, book, sheetName } = setup();
    const range = sheet.getRange('A1:B1').setValues([['客服', '总分']]);
    range.setFontWeights([['bold', 'normal']]).setBackgrounds([['#fff2cc', null]]);
    range.setWraps([[true, false]]).setHorizontalAlignments([['center', null]]);
    const formats = book.formats(sheetName);
    expect(formats.fontWeights).toEqual([['bold', 'normal']]);
    expect(formats.backgrounds).toEqual([['#fff2cc', null]]);
    expect(formats.wraps).toEqual([[true, false]]);
    expect(formats.alignments).toEqual([['center', null]]);
    range.setFontWeight(null).setBackground(null).setWrap(false).setHorizontalAlignment('right');
    expect(book.formats(sheetName)).toMatchObject({
      fontWeights: [['normal', 'normal']], backgrounds: [[null, null]], wraps: [[false, false]], alignments: [['right', 'right']],
    });
  });

  it('refuses an unknown font weight and leaves the range as it was', () => {
    const { sheet, book, sheetName } = setup();
    const range = sheet.getRange('A1:B1');
    range.setFontWeights([['bold', 'bold']]);
    expect(() => range.setFontWeights([['normal', 'heavy' as never]])).toThrow(/heavy/);
    expect(book.formats(sheetName).fontWeights).toEqual([['bold', 'bold']]);
  });

  it('refuses an unknown alignment', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1').setHorizontalAlignment('middle' as never)).toThrow(/middle/);
  });
});

describe('notes', () => {
  it('sets and reads notes; "" and null remove one', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:C1');
    range.setNotes([['来源：询单人数', '', null]]);
    expect(range.getNotes()).toEqual([['来源：询单人数', '', '']]);
    sheet.getRange('B1').setNote('x');
    sheet.getRange('A1').setNote('');
    expect(range.getNotes()).toEqual([['', 'x', '']]);
  });
});

describe('column widths', () => {
  it('records fixed and automatic widths', () => {
    const { sheet, book, sheetName } = setup();
    sheet.setColumnWidth(1, 120).setColumnWidths(2, 2, 80).autoResizeColumns(4, 1);
    expect(book.formats(sheetName).columnWidths).toEqual({ 1: 120, 2: 80, 3: 80, 4: 'auto' });
  });
});

describe('book.formats extent', () => {
  it('covers formatted cells beyond the values', () => {
    const { sheet, book, sheetName } = setup();
    sheet.getRange('A1').setValue(1);
    sheet.getRange('C2').setFontWeight('bold');
    // values end at A1, formats at C2: a 2 × 3 view
    expect(book.formats(sheetName).fontWeights).toEqual([['normal', 'normal', 'normal'], ['normal', 'normal', 'bold']]);
  });
});

describe('reading wraps back', () => {
  it('reads false (Sheets’ overflow) where never set, and each cell as set', () => {
    const { sheet, calls } = setup();
    const range = sheet.getRange('A1:C2');
    expect(range.getWraps()).toEqual([[false, false, false], [false, false, false]]);
    range.setWraps([[true, false, true], [false, false, false]]);
    calls.reset();
    expect(range.getWraps()).toEqual([[true, false, true], [false, false, false]]);
    expect(sheet.getRange('C1').getWrap()).toBe(true);
    expect(sheet.getRange('B1:C1').getWrap()).toBe(false); // the top-left cell's
    expect(calls.byMethod()).toEqual({ 'Range.getWraps': 1, 'Sheet.getRange': 2, 'Range.getWrap': 2 });
  });

  it('refuses what is not a boolean, and a grid of the wrong shape', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B1').setWraps([[true, 'yes']] as unknown as boolean[][])).toThrow(/not a boolean/);
    expect(() => sheet.getRange('A1:B1').setWraps([[true]])).toThrow(/The data has 1 but the range has 2/);
  });
});

describe('reading column widths back', () => {
  it('reads Sheets’ 100 pixels for a column nobody sized, and the width set otherwise, one call each', () => {
    const { sheet, calls } = setup();
    expect(sheet.getColumnWidth(1)).toBe(100);
    sheet.setColumnWidths(2, 3, 72).setColumnWidth(3, 140);
    calls.reset();
    expect([1, 2, 3, 4, 5].map((c) => sheet.getColumnWidth(c))).toEqual([100, 72, 140, 72, 100]);
    expect(calls.byMethod()).toEqual({ 'Sheet.getColumnWidth': 5 });
  });

  it('keeps each width with its column when columns are inserted or deleted before it', () => {
    const { sheet } = setup();
    sheet.setColumnWidths(2, 2, 72); // B, C
    sheet.insertColumnsBefore(2, 2); // B, C → D, E; the new B, C at the default
    expect([2, 3, 4, 5].map((c) => sheet.getColumnWidth(c))).toEqual([100, 100, 72, 72]);
    sheet.deleteColumn(4); // the first 72-pixel column goes; the other moves to D
    expect([3, 4, 5].map((c) => sheet.getColumnWidth(c))).toEqual([100, 72, 100]);
  });

  it('fails as Apps Script does for a column that is not a whole number or outside the sheet', () => {
    const { sheet } = setup();
    expect(() => sheet.getColumnWidth('B' as unknown as number)).toThrow(/don't match the method signature for SpreadsheetApp\.Sheet\.getColumnWidth/);
    expect(() => sheet.getColumnWidth(27)).toThrow();
    expect(() => sheet.setColumnWidths(2, 2, 72.5)).toThrow(/SpreadsheetApp\.Sheet\.setColumnWidths/);
  });
});
