import { describe, expect, it } from 'vitest';
import { fitSheet, NEW_TAB_SIZE, sizeNewTab, sizeOfGrid, SPARE_ROWS } from '../../src/server/fit-sheet';
import { setup } from '../dev/fixtures';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A fresh 1,000 × 26 tab and the counter, reset. */
function fresh() {
  const fake = setup();
  const sheet = fake.ss.insertSheet('t') as unknown as Sheet;
  fake.calls.reset();
  return { ...fake, sheet };
}

describe('fitSheet', () => {
  it('makes no call when a new tab (known 1,000 × 26) already holds the range', () => {
    const { sheet, calls } = fresh();
    expect(fitSheet(sheet, 1000, 26, NEW_TAB_SIZE)).toEqual(NEW_TAB_SIZE);
    expect(calls.spreadsheet).toBe(0);
  });

  it('grows a new tab without reading its size: one insert per short dimension', () => {
    const { sheet, calls } = fresh();
    const size = fitSheet(sheet, 1200, 40, NEW_TAB_SIZE);
    // 1200 - 1000 = 200 rows after row 1000; 40 - 26 = 14 columns after column 26.
    expect(calls.byMethod()).toEqual({ 'Sheet.insertRowsAfter': 1, 'Sheet.insertColumnsAfter': 1 });
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1200, 40]);
    expect(size).toEqual({ rows: 1200, columns: 40, exact: true });
    expect(() => sheet.getRange(1, 1, 1200, 40).setValue(1)).not.toThrow();
  });

  it('reads the size once, only for a dimension the known lower bound does not cover', () => {
    const { sheet, calls } = fresh();
    sheet.getRange(1, 1, 3, 26).setValue('x'); // a 3 × 26 grid
    const grid = sheet.getDataRange().getValues();
    calls.reset();
    fitSheet(sheet, 3, 26, sizeOfGrid(grid));
    expect(calls.spreadsheet).toBe(0); // inside what was read
    fitSheet(sheet, 500, 26, sizeOfGrid(grid));
    expect(calls.byMethod()).toEqual({ 'Sheet.getMaxRows': 1 }); // 500 ≤ 1000: nothing to insert
    calls.reset();
    const size = fitSheet(sheet, 3, 28, sizeOfGrid(grid));
    expect(calls.byMethod()).toEqual({ 'Sheet.getMaxColumns': 1, 'Sheet.insertColumnsAfter': 1 }); // 28 - 26 = 2 columns
    expect(sheet.getMaxColumns()).toBe(28);
    expect(size).toEqual({ rows: 3, columns: 28, exact: false });
  });
});

describe('sizeNewTab: a new appraisal tab holds its table and 50 spare rows, whatever the number of agents', () => {
  it('cuts a short table\'s tab, rows first, then widens it', () => {
    const { sheet, calls } = fresh();
    calls.reset();
    const size = sizeNewTab(sheet, 40, 30);
    // 40 + 50 = 90 rows: rows 91 … 1000 deleted (910), then 30 - 26 = 4 columns added
    expect(calls.byMethod()).toEqual({ 'Sheet.deleteRows': 1, 'Sheet.insertColumnsAfter': 1 });
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([90, 30]);
    expect(size).toEqual({ rows: 90, columns: 30, exact: true });
  });

  it('grows a long table\'s tab, and never narrows it', () => {
    const { sheet, calls } = fresh();
    const size = sizeNewTab(sheet, 1200, 20);
    // 1200 + 50 = 1250 rows: 250 added after row 1000; 20 columns fit in 26, which stay
    expect(calls.byMethod()).toEqual({ 'Sheet.insertRowsAfter': 1 });
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1250, 26]);
    expect(size).toEqual({ rows: 1250, columns: 26, exact: true });
  });

  it('makes no call when the table and its spare rows are 1,000 rows exactly', () => {
    const { sheet, calls } = fresh();
    expect(sizeNewTab(sheet, 1000 - SPARE_ROWS, 26)).toEqual(NEW_TAB_SIZE);
    expect(calls.spreadsheet).toBe(0);
  });
});
