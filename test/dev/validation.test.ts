/**
 * Data validation rules and the two kinds of writer Sheets tells apart: a script's `setValue(s)` is never
 * checked, a user typing into the cell is (refused when the rule disallows invalid input, flagged otherwise).
 * Also the hook that lets a test type between the script's read and its write.
 */
import { describe, expect, it } from 'vitest';
import { setup } from './fixtures';

function withScores() {
  const fake = setup();
  const { sheet, globals } = fake;
  sheet.getRange('A1:B3').setValues([['客服', '工作态度'], ['小美', 9], ['小王', '']]);
  const rule = globals.SpreadsheetApp.newDataValidation().requireNumberBetween(0, 10).setAllowInvalid(false).setHelpText('请输入 0 到 10 的数字').build();
  sheet.getRange('B2:B3').setDataValidation(rule);
  return { ...fake, rule };
}

describe('rules', () => {
  it('carry their criteria, values, allowInvalid and help text', () => {
    const { rule, globals } = withScores();
    const { DataValidationCriteria } = globals.SpreadsheetApp;
    expect(rule.getCriteriaType()).toBe(DataValidationCriteria.NUMBER_BETWEEN);
    expect(rule.getCriteriaValues()).toEqual([0, 10]);
    expect([rule.getAllowInvalid(), rule.getHelpText()]).toEqual([false, '请输入 0 到 10 的数字']);
  });

  it('default to allowing invalid input with a warning, and a dropdown for lists', () => {
    const { globals, sheet } = setup();
    const builder = globals.SpreadsheetApp.newDataValidation();
    const list = builder.requireValueInList(['S', 'A', 'B']).build();
    expect([String(list.getCriteriaType()), list.getCriteriaValues(), list.getAllowInvalid(), list.getHelpText()]).toEqual(['VALUE_IN_LIST', [['S', 'A', 'B'], true], true, '']);
    const noDropdown = globals.SpreadsheetApp.newDataValidation().requireValueInList(['是'], false).build();
    expect(noDropdown.getCriteriaValues()).toEqual([['是'], false]);
    const inRange = globals.SpreadsheetApp.newDataValidation().requireValueInRange(sheet.getRange('D1:D5')).build();
    const [range, dropdown] = inRange.getCriteriaValues() as [GoogleAppsScript.Spreadsheet.Range, boolean];
    expect([String(inRange.getCriteriaType()), range.getA1Notation(), dropdown]).toEqual(['VALUE_IN_RANGE', 'D1:D5', true]);
  });

  it('copy into a new builder without changing the original', () => {
    const { rule } = withScores();
    const five = rule.copy().requireNumberBetween(0, 5).build();
    expect([five.getCriteriaValues(), five.getAllowInvalid(), five.getHelpText()]).toEqual([[0, 5], false, '请输入 0 到 10 的数字']);
    expect(rule.getCriteriaValues()).toEqual([0, 10]);
    const builder = rule.copy();
    expect([String(builder.getCriteriaType()), builder.copy().getCriteriaValues()]).toEqual(['NUMBER_BETWEEN', [0, 10]]);
  });

  it('refuse bad arguments and a build without a criterion', () => {
    const { globals } = setup();
    const app = globals.SpreadsheetApp;
    expect(() => app.newDataValidation().requireNumberBetween(0, '10' as unknown as number)).toThrow(/method signature for SpreadsheetApp.DataValidationBuilder.requireNumberBetween/);
    expect(() => app.newDataValidation().requireValueInList([])).toThrow(/method signature/);
    expect(() => app.newDataValidation().setAllowInvalid('no' as unknown as boolean)).toThrow(/method signature/);
    expect(() => app.newDataValidation().setHelpText('x').build()).toThrow(/needs a criterion/);
    const custom = app.newDataValidation().withCriteria(app.DataValidationCriteria.NUMBER_LESS_THAN_OR_EQUAL_TO, [10]).build();
    expect([String(custom.getCriteriaType()), custom.getCriteriaValues()]).toEqual(['NUMBER_LESS_THAN_OR_EQUAL_TO', [10]]);
  });
});

describe('rules on ranges', () => {
  it('are set, read per cell and cleared', () => {
    const { sheet, book, sheetName, globals, calls } = withScores();
    calls.reset();
    const rules = sheet.getRange('B1:B3').getDataValidations(); // 2 calls
    expect(rules.map((row) => (row[0] ? String(row[0].getCriteriaType()) : null))).toEqual([null, 'NUMBER_BETWEEN', 'NUMBER_BETWEEN']); // 2 calls
    expect(sheet.getRange('B2:C3').getDataValidation()!.getCriteriaValues()).toEqual([0, 10]); // 3 calls
    expect(calls.spreadsheet).toBe(7);
    const list = globals.SpreadsheetApp.newDataValidation().requireValueInList(['是', '否']).build();
    sheet.getRange('C2:C3').setDataValidations([[list], [null]]);
    expect(book.validation(sheetName, 2, 3)).toEqual({ criteria: 'VALUE_IN_LIST', values: [['是', '否'], true], allowInvalid: true, helpText: '' });
    expect(book.validation(sheetName, 3, 3)).toBeNull();
    expect(() => sheet.getRange('C2:C3').setDataValidations([[list]])).toThrow('The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.');
    expect(() => sheet.getRange('C2').setDataValidation('0-10' as unknown as GoogleAppsScript.Spreadsheet.DataValidation)).toThrow(/method signature/);
    sheet.getRange('B3').setDataValidation(null);
    expect(book.validation(sheetName, 3, 2)).toBeNull();
    sheet.getRange('A1:C3').clearDataValidations();
    expect([book.validation(sheetName, 2, 2), book.validation(sheetName, 2, 3)]).toEqual([null, null]);
  });

  it('never stop a script: setValue(s) stores 12 and 9分 in a 0 … 10 cell, as in Sheets', () => {
    const { sheet, book, sheetName } = withScores();
    sheet.getRange('B2').setValue(12);
    sheet.getRange('B3').setValues([['9分']]);
    expect(book.values(sheetName).map((row) => row[1])).toEqual(['工作态度', 12, '9分']);
  });

  it('stay when the contents are cleared or the formats are', () => {
    const { sheet, book, sheetName } = withScores();
    sheet.getRange('B2:B3').clearContent();
    sheet.clearFormats();
    expect(book.validation(sheetName, 2, 2)).toMatchObject({ criteria: 'NUMBER_BETWEEN' });
  });
});

describe('a user typing (book.typeAsUser)', () => {
  it('is refused by a rule that disallows invalid input; the cell keeps what it had', () => {
    const { book, sheetName } = withScores();
    expect(book.typeAsUser(sheetName, 2, 2, '12')).toEqual({ accepted: false, invalid: true, message: '请输入 0 到 10 的数字' });
    expect(book.typeAsUser(sheetName, 2, 2, '9分')).toMatchObject({ accepted: false });
    expect(book.typeAsUser(sheetName, 2, 2, '-1')).toMatchObject({ accepted: false });
    expect(book.typeAsUser(sheetName, 2, 2, '=5+6')).toMatchObject({ accepted: false }); // the result, 11, is checked
    expect(book.values(sheetName)[1]![1]).toBe(9);
    expect(book.formulas(sheetName)[1]![1]).toBe('');
  });

  it('is accepted within the rule, and clearing a cell is always allowed', () => {
    const { book, sheetName } = withScores();
    expect(book.typeAsUser(sheetName, 3, 2, '7.5')).toEqual({ accepted: true, invalid: false, message: null });
    expect(book.typeAsUser(sheetName, 2, 2, '')).toMatchObject({ accepted: true, invalid: false });
    expect(book.typeAsUser(sheetName, 3, 3, 'free text')).toMatchObject({ accepted: true }); // no rule on C3
    expect(book.values(sheetName).map((row) => row.slice(1))).toEqual([['工作态度', ''], ['', ''], [7.5, 'free text']]);
  });

  it('is kept but flagged when the rule allows invalid input', () => {
    const { sheet, book, sheetName, rule } = withScores();
    sheet.getRange('B2').setDataValidation(rule.copy().setAllowInvalid(true).build());
    expect(book.typeAsUser(sheetName, 2, 2, '12')).toEqual({ accepted: true, invalid: true, message: null });
    expect(book.values(sheetName)[1]![1]).toBe(12);
  });

  it('is checked against lists and ranges as text', () => {
    const { sheet, book, sheetName, globals } = withScores();
    const app = globals.SpreadsheetApp;
    sheet.getRange('D1:D2').setValues([['S'], ['A']]);
    sheet.getRange('C2').setDataValidation(app.newDataValidation().requireValueInList(['是', '否']).setAllowInvalid(false).build());
    sheet.getRange('C3').setDataValidation(app.newDataValidation().requireValueInRange(sheet.getRange('D1:D2')).setAllowInvalid(false).build());
    expect([book.typeAsUser(sheetName, 2, 3, '是').accepted, book.typeAsUser(sheetName, 2, 3, '也许').accepted]).toEqual([true, false]);
    expect([book.typeAsUser(sheetName, 3, 3, 'A').accepted, book.typeAsUser(sheetName, 3, 3, 'B').accepted]).toEqual([true, false]);
    expect(book.validation(sheetName, 2, 3)!.values).toEqual([['是', '否'], true]);
  });
});

describe('a user typing between the script’s read and its write (book.afterReads)', () => {
  it('runs the edit once, right after the Nth getValues, so the script holds the old value', () => {
    const { sheet, book, sheetName } = withScores();
    book.afterReads(2, () => book.typeCell(sheetName, 3, 2, '8'));
    const range = sheet.getRange('B2:B3');
    expect(range.getValues()).toEqual([[9], ['']]); // first read: nothing happens yet
    expect(book.pendingEdits).toBe(1);
    expect(range.getValues()).toEqual([[9], ['']]); // second read: returns the old values, then the user types
    expect(book.pendingEdits).toBe(0);
    expect(range.getValues()).toEqual([[9], [8]]); // the script sees the edit only on a later read
    range.setValues([[9], ['']]); // a blind write now overwrites what the user typed
    expect(book.values(sheetName)[2]![1]).toBe('');
  });

  it('refuses a read count below 1', () => {
    const { book } = withScores();
    expect(() => book.afterReads(0, () => undefined)).toThrow(/at least 1/);
  });
});
