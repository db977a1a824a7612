import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { setup } from './fixtures';

describe('Range.setValues / getValues: what Sheets stores and a viewer sees', () => {
  it('evaluates a formula and lists it in getFormulas', () => {
    const { sheet } = setup();
    const range = sheet.getRange(1, 1, 1, 3);
    range.setValues([[2, 3, '=A1*B1']]);
    expect(range.getValues()).toEqual([[2, 3, 6]]); // 2 × 3
    expect(range.getFormulas()).toEqual([['', '', '=A1*B1']]);
  });

  it('recomputes formulas when a user types into a cell they read', () => {
    const { sheet, book, sheetName } = setup();
    sheet.getRange(1, 1, 1, 3).setValues([[2, 3, '=A1*B1']]);
    book.typeCell(sheetName, 1, 1, '10');
    expect(book.values(sheetName)).toEqual([[10, 3, 30]]); // 10 × 3
  });

  it("keeps '-prefixed text as plain text without the apostrophe, never evaluated", () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:C1');
    range.setValues([["'=HYPERLINK(\"x\")", "'12", "'-5"]]);
    expect(range.getValues()).toEqual([['=HYPERLINK("x")', '12', '-5']]);
    expect(range.getFormulas()).toEqual([['', '', '']]);
  });

  it('parses numeric-looking text like typed input', () => {
    const { sheet } = setup();
    const range = sheet.getRange(1, 1, 1, 7);
    range.setValues([['12', '12%', '-3.5', '1e3', '1,234', ' 12 ', '12.50%']]);
    // 12% = 0.12; 1e3 = 1000; grouped thousands 1,234 = 1234; 12.50% = 0.125
    expect(range.getValues()).toEqual([[12, 0.12, -3.5, 1000, 1234, 12, 0.125]]);
    expect(range.getDisplayValues()).toEqual([['12', '12%', '-3.5', '1000', '1,234', '12', '12.50%']]);
  });

  it('reads TRUE and FALSE typed as text as booleans, and keeps other text', () => {
    const { sheet } = setup();
    const range = sheet.getRange(1, 1, 1, 4);
    range.setValues([['TRUE', 'false', '12abc', '小美']]);
    expect(range.getValues()).toEqual([[true, false, '12abc', '小美']]);
  });

  it('clears cells given null or ""', () => {
    const { sheet } = setup();
    sheet.getRange(1, 1, 2, 2).setValues([[1, 2], [3, 4]]);
    sheet.getRange(1, 2, 2, 1).setValues([[null], ['']]);
    expect(sheet.getRange(1, 1, 2, 2).getValues()).toEqual([[1, ''], [3, '']]);
    expect(sheet.getLastColumn()).toBe(1);
  });

  it('reads blanks beyond the data as ""', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(1);
    expect(sheet.getRange(1, 1, 2, 2).getValues()).toEqual([[1, ''], ['', '']]);
  });

  it('returns errors as their text', () => {
    const { sheet } = setup();
    const range = sheet.getRange(1, 1, 1, 6);
    range.setValues([['=1/0', '=NA()', '=NOSUCHFUNCTION()', '="a"*2', "='No such sheet'!A1", '=SQRT(-1)']]);
    expect(range.getValues()).toEqual([['#DIV/0!', '#N/A', '#NAME?', '#VALUE!', '#REF!', '#NUM!']]);
    expect(range.getDisplayValues()).toEqual([['#DIV/0!', '#N/A', '#NAME?', '#VALUE!', '#REF!', '#NUM!']]);
  });

  it('reports a circular reference as #REF!, as Sheets does', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([['=B1', '=A1']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['#REF!', '#REF!']]);
  });

  it('keeps booleans and shows them as TRUE/FALSE', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:C1');
    range.setValues([[true, false, '=AND(A1,B1)']]);
    expect(range.getValues()).toEqual([[true, false, false]]);
    expect(range.getDisplayValues()).toEqual([['TRUE', 'FALSE', 'FALSE']]);
  });
});

describe('Range.setValues with dates', () => {
  it('keeps a Date as a date, also one from another realm', () => {
    const { sheet } = setup();
    const other = vm.runInNewContext('new Date("2026-11-28T16:30:00Z")') as Date;
    const here = new Date('2026-11-01T00:00:00Z');
    const range = sheet.getRange('A1:B1');
    range.setValues([[other, here]]);
    const [[a, b]] = range.getValues() as Date[][];
    expect(a).toBeInstanceOf(Date);
    expect(a!.getTime()).toBe(Date.parse('2026-11-28T16:30:00Z'));
    expect(b!.getTime()).toBe(here.getTime());
  });

  it('shows a Date in the spreadsheet time zone and gives it a date-time format', () => {
    const { sheet } = setup({ timeZone: 'Asia/Shanghai' });
    const cell = sheet.getRange('A1');
    cell.setValue(new Date('2026-11-28T16:30:00Z')); // 2026-11-29 00:30 in Shanghai
    expect(cell.getDisplayValues()).toEqual([['2026-11-29 0:30:00']]);
    expect(cell.getNumberFormats()).toEqual([['yyyy-mm-dd h:mm:ss']]);
  });

  it('reads typed ISO dates as dates at midnight in the spreadsheet time zone', () => {
    const { sheet } = setup({ timeZone: 'Asia/Shanghai' });
    const range = sheet.getRange('A1:B1');
    range.setValues([['2026-11-28', '=A1+1']]);
    const [[typed, next]] = range.getValues() as Date[][];
    // 2026-11-28 00:00 +08:00 = 2026-11-27T16:00Z; the formula's result is a date one day later
    expect(typed!.toISOString()).toBe('2026-11-27T16:00:00.000Z');
    expect(next!.toISOString()).toBe('2026-11-28T16:00:00.000Z');
    expect(range.getDisplayValues()).toEqual([['2026-11-28', '2026-11-29']]);
  });

  it('reads a typed time of day as a duration Date on 1899-12-30', () => {
    const { sheet } = setup({ timeZone: 'UTC' });
    const cell = sheet.getRange('A1');
    cell.setValue('00:01:30');
    expect((cell.getValue() as Date).toISOString()).toBe('1899-12-30T00:01:30.000Z');
  });

  it('refuses an invalid Date', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1').setValue(new Date('nonsense'))).toThrow(/invalid Date/);
  });
});

describe('Range.setValues refusals', () => {
  it('throws like Sheets when the data has too few rows', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 3, 2).setValues([[1, 2], [3, 4]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
  });

  it('throws like Sheets when a row has the wrong width', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  it('throws a signature error for a 1-D array', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([1, 2] as never)).toThrow(/don't match the method signature for SpreadsheetApp\.Range\.setValues/);
  });

  it('refuses objects, NaN and text over 50,000 characters, writing nothing', () => {
    const { sheet } = setup();
    const cell = sheet.getRange('A1');
    cell.setValue('kept');
    expect(() => cell.setValues([[{ a: 1 }]])).toThrow(/object Object/);
    expect(() => cell.setValues([[Number.NaN]])).toThrow(/NaN/);
    expect(() => cell.setValue('x'.repeat(50_001))).toThrow('Your input contains more than the maximum of 50000 characters in a single cell.');
    expect(cell.getValue()).toBe('kept');
  });
});

describe('Range.setValue / getValue', () => {
  it('setValue fills every cell of the range; getValue reads the top-left one', () => {
    const { sheet } = setup();
    const range = sheet.getRange('B2:C3');
    range.setValue(7);
    expect(range.getValues()).toEqual([[7, 7], [7, 7]]);
    sheet.getRange('B2').setValue('=C3*2');
    expect(range.getValue()).toBe(14); // 7 × 2
  });
});

describe('a cell formatted as plain text (@)', () => {
  it('keeps what is typed as text: numbers and formulas included', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B1');
    range.setNumberFormat('@');
    range.setValues([['0012', '=1+1']]);
    expect(range.getValues()).toEqual([['0012', '=1+1']]);
    expect(range.getFormulas()).toEqual([['', '']]);
  });
});

describe('Range.getDisplayValues', () => {
  it('applies each cell’s number format', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:C1');
    range.setValues([[0.4567, 1234.5, '=1/3']]);
    range.setNumberFormats([['0.0%', '#,##0.00', 'General']]);
    // 45.67% → 45.7%; 1/3 automatic → 10 significant digits
    expect(range.getDisplayValues()).toEqual([['45.7%', '1,234.50', '0.3333333333']]);
  });
});

describe('Range.clearContent', () => {
  it('empties values but keeps formats', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B1');
    range.setValues([[1, 2]]).setNumberFormat('0.00');
    range.clearContent();
    expect(range.getValues()).toEqual([['', '']]);
    expect(range.getNumberFormats()).toEqual([['0.00', '0.00']]);
    expect(sheet.getLastRow()).toBe(0);
  });
});
