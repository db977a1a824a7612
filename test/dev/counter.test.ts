import { describe, expect, it } from 'vitest';
import { createFakeGas } from '../../dev/gas';
import { setup } from './fixtures';

const grid = (rows: number, columns: number, cell: (r: number, c: number) => unknown) =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => cell(r, c)));

describe('call counting', () => {
  it('counts one setValues on a 1000 × 30 range as one call', () => {
    const { sheet, calls } = setup();
    sheet.insertColumnsAfter(26, 4); // a new tab is 1000 × 26: a script makes room first
    const range = sheet.getRange(1, 1, 1000, 30);
    calls.reset();
    range.setValues(grid(1000, 30, (r, c) => r * c));
    expect(calls.spreadsheet).toBe(1);
    expect(calls.byMethod()).toEqual({ 'Range.setValues': 1 });
  });

  it('counts every object reached through SpreadsheetApp as the spreadsheet service', () => {
    const { globals, calls } = createFakeGas();
    const sheet = globals.SpreadsheetApp.getActive().insertSheet('t'); // 2
    sheet.addDeveloperMetadata('k', 'v').getDeveloperMetadata()[0]!.getValue(); // 3
    sheet.protect().setDescription('d'); // 2
    sheet.newChart().asBarChart().build(); // 3
    globals.SpreadsheetApp.getUi().createMenu('m').addItem('a', 'f').addToUi(); // 4
    expect(calls.spreadsheet).toBe(14); // 2 + 3 + 2 + 3 + 4
    // newChart, asBarChart and build only assemble a chart in the script: builder calls; the rest reach the document
    expect([calls.document, calls.builder]).toEqual([11, 3]);
    expect(calls.byMethod()).toMatchObject({ 'SpreadsheetApp.getActive': 1, 'DeveloperMetadata.getValue': 1, 'EmbeddedChartBuilder.asBarChart': 1, 'Menu.addToUi': 1 });
  });

  it('splits the spreadsheet calls into document and builder calls: builders only assemble what a document call then writes', () => {
    const { sheet, globals, calls } = setup();
    calls.reset();
    const rule = globals.SpreadsheetApp.newDataValidation().requireNumberBetween(0, 10).setAllowInvalid(false).build(); // 4 builder
    sheet.getRange('A1:A5').setDataValidation(rule); // 2 document
    rule.copy().setHelpText('0–10'); // 2 builder: a builder from a rule in hand reads nothing
    const chart = sheet.newChart().asBarChart().addRange(sheet.getRange('A1:A5')).build(); // 4 builder + 1 document (getRange)
    sheet.insertChart(chart); // 1 document
    const placed = sheet.getCharts()[0]!; // 1 document
    sheet.updateChart(placed.modify().clearRanges().build()); // 3 builder + 1 document (updateChart)
    expect(calls.byService()).toEqual({ spreadsheet: 19 });
    // document: getRange, setDataValidation, getRange, insertChart, getCharts, updateChart = 6;
    // builder: 4 + 2 + 4 + 3 = 13; 6 + 13 = 19
    expect([calls.document, calls.builder, calls.spreadsheet]).toEqual([6, 13, 19]);
    calls.reset();
    expect([calls.document, calls.builder, calls.spreadsheet]).toEqual([0, 0, 0]);
  });

  it('counts the other services under their own names, not as spreadsheet calls', () => {
    const { globals, calls } = createFakeGas({ html: { sidebar: '' } });
    globals.LockService.getDocumentLock().tryLock(10); // 2
    globals.PropertiesService.getUserProperties().getProperty('x'); // 2
    globals.HtmlService.createHtmlOutputFromFile('sidebar').setTitle('t'); // 2
    globals.Session.getActiveUserLocale(); // 1
    expect(calls.byService()).toEqual({ lock: 2, properties: 2, html: 2, session: 1 });
    expect([calls.spreadsheet, calls.document, calls.builder]).toEqual([0, 0, 0]);
  });

  it('does not count test-side access, and reset() starts over', () => {
    const { sheet, calls, book, sheetName } = setup();
    sheet.getRange('A1').setValue(1);
    expect(calls.spreadsheet).toBe(5); // getActive, getActiveSheet, getName (in setup), getRange, setValue
    book.values(sheetName);
    book.typeCell(sheetName, 1, 1, '2');
    book.addSheet('数据', [['客服'], ['小美']]);
    expect(calls.spreadsheet).toBe(5);
    calls.reset();
    expect([calls.spreadsheet, calls.byService(), calls.byMethod()]).toEqual([0, {}, {}]);
  });
});

describe('the boundary the script sees', () => {
  it('throws a clear error for a method the fake does not implement', () => {
    const { sheet, globals } = setup();
    expect(() => (sheet as unknown as { hideColumns(): void }).hideColumns()).toThrow('FakeGas: Sheet.hideColumns is not implemented');
    expect(() => (globals.SpreadsheetApp as unknown as { openById(): void }).openById()).toThrow('FakeGas: SpreadsheetApp.openById is not implemented');
  });

  it('hands out a new wrapper on every call, as Apps Script does, which still works as an argument', () => {
    const { ss } = setup();
    const a = ss.insertSheet('a');
    expect(ss.getActiveSheet()).not.toBe(ss.getActiveSheet());
    ss.setActiveSheet(ss.getSheets()[0]!);
    ss.setActiveSheet(a);
    expect(ss.getActiveSheet().getName()).toBe('a');
  });

  it('answers `in`, String() and await probes like a plain Apps Script object, and refuses assignment', async () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1');
    expect('getValues' in range).toBe(true);
    expect('hideColumns' in range).toBe(false);
    expect(String(range)).toBe('Range');
    expect(await Promise.resolve(range)).toBe(range); // `then` reads as undefined
    expect(() => Object.assign(range, { x: 1 })).toThrow(/cannot be assigned/);
  });
});

describe('speed: one batched write is one engine recalculation', () => {
  it('writes a 5,000 × 40 block of mixed input in one HyperFormula batch', () => {
    const { sheet, book, sheetName } = setup();
    sheet.insertRowsAfter(1000, 4000); // 1000 × 26 → 5000 × 40, as a script must before writing
    sheet.insertColumnsAfter(26, 14);
    const before = book.recalculations;
    const rows = grid(5000, 40, (r, c) => (c === 0 ? `客服${r % 50}` : c === 1 ? '2026-11-28' : c === 2 ? `=B${r + 1}+1` : r + c));
    sheet.getRange(1, 1, 5000, 40).setValues(rows);
    expect(book.recalculations - before).toBe(1);
    expect(sheet.getLastRow()).toBe(5000);
    // row 5000, column 40: r = 4999, c = 39 → 4999 + 39 = 5038
    expect(book.values(sheetName)[4999]![39]).toBe(5038);
  });
});
