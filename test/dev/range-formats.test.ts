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
