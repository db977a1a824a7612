/**
 * Location-tracked developer metadata, as Sheets documents it: metadata on row 5 stays with that row when a row
 * is inserted above it (it is then on row 6), and is deleted with its row. Found by key, value and location type
 * through finders on the spreadsheet, a sheet or a range.
 */
import { describe, expect, it } from 'vitest';
import { setup } from './fixtures';

function tagged() {
  const fake = setup();
  const { sheet, globals } = fake;
  sheet.getRange('2:2').addDeveloperMetadata('agent', '小美');
  sheet.getRange('3:3').addDeveloperMetadata('agent', '小王');
  sheet.getRange('B:B').addDeveloperMetadata('item', 'attitude', globals.SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
  sheet.addDeveloperMetadata('tab', '{"v":1}');
  return fake;
}

const rowsOf = (found: GoogleAppsScript.Spreadsheet.DeveloperMetadata[]) => found.map((m) => [m.getValue(), m.getLocation().getRow()!.getRow()]);

describe('metadata on rows and columns', () => {
  it('is added to one entire row or column only', () => {
    const { sheet, book, sheetName } = tagged();
    expect(book.allMetadata(sheetName)).toEqual([
      { key: 'agent', value: '小美', location: 'ROW 2' },
      { key: 'agent', value: '小王', location: 'ROW 3' },
      { key: 'item', value: 'attitude', location: 'COLUMN 2' },
      { key: 'tab', value: '{"v":1}', location: 'SHEET' },
    ]);
    // Only the sheet-level tag is the sheet's own metadata.
    expect(sheet.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['tab']);
    expect(book.metadata(sheetName)).toEqual([{ key: 'tab', value: '{"v":1}', visibility: 'DOCUMENT' }]);
    const refusal = /may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column/;
    expect(() => sheet.getRange('A2:C2').addDeveloperMetadata('x')).toThrow(refusal);
    expect(() => sheet.getRange('2:3').addDeveloperMetadata('x')).toThrow(refusal);
    expect(() => sheet.getRange('B1:B10').addDeveloperMetadata('x')).toThrow(refusal);
  });

  it('tells where it is through its location', () => {
    const { sheet, globals } = tagged();
    const { DeveloperMetadataLocationType } = globals.SpreadsheetApp;
    const [row, , column, tab] = sheet.createDeveloperMetadataFinder().find();
    const rowAt = row!.getLocation();
    expect(rowAt.getLocationType()).toBe(DeveloperMetadataLocationType.ROW);
    expect(rowAt.getRow()!.getA1Notation()).toBe('A2:Z2');
    expect(rowAt.getColumn()).toBeNull();
    expect(column!.getLocation().getColumn()!.getA1Notation()).toBe('B1:B1000');
    expect(String(column!.getLocation().getLocationType())).toBe('COLUMN');
    expect(String(column!.getVisibility())).toBe('PROJECT');
    expect(tab!.getLocation().getSheet()!.getName()).toBe(sheet.getName());
    expect(tab!.getLocation().getRow()).toBeNull();
  });

  it('moves with its row when rows are inserted above, and stays when they are inserted below', () => {
    const { sheet, ss } = tagged();
    sheet.insertRowsBefore(3, 2); // between 小美 (2) and 小王 (3 → 5)
    sheet.insertRowAfter(5); // below both
    expect(rowsOf(ss.createDeveloperMetadataFinder().withKey('agent').find())).toEqual([['小美', 2], ['小王', 5]]);
    sheet.insertRowBefore(1);
    expect(rowsOf(ss.createDeveloperMetadataFinder().withKey('agent').find())).toEqual([['小美', 3], ['小王', 6]]);
  });

  it('is deleted with its row, and the metadata below moves up', () => {
    const { sheet, ss, book, sheetName } = tagged();
    sheet.deleteRow(2); // 小美's row
    expect(rowsOf(ss.createDeveloperMetadataFinder().withKey('agent').find())).toEqual([['小王', 2]]);
    sheet.deleteRows(1, 3); // 小王's row among them
    expect(book.allMetadata(sheetName).map((m) => m.location)).toEqual(['COLUMN 2', 'SHEET']);
  });

  it('moves with its column and is deleted with it', () => {
    const { sheet, book, sheetName } = tagged();
    sheet.insertColumnsBefore(1, 3); // B → E
    expect(book.allMetadata(sheetName).find((m) => m.key === 'item')!.location).toBe('COLUMN 5');
    sheet.insertRowBefore(1); // rows do not move columns' metadata
    sheet.deleteColumns(1, 4); // up to D: item → A
    expect(book.allMetadata(sheetName).find((m) => m.key === 'item')!.location).toBe('COLUMN 1');
    sheet.deleteColumn(1);
    expect(book.allMetadata(sheetName).map((m) => m.key)).toEqual(['agent', 'agent', 'tab']);
  });

  it('goes with its sheet', () => {
    const { ss, sheet } = tagged();
    const other = ss.insertSheet('other');
    ss.deleteSheet(sheet);
    expect(ss.createDeveloperMetadataFinder().find()).toEqual([]);
    expect(other.createDeveloperMetadataFinder().find()).toEqual([]);
  });

  it('is moved by moveToRow / moveToColumn / moveToSheet / moveToSpreadsheet', () => {
    const { sheet, ss, book, sheetName } = tagged();
    const [first] = sheet.getRange('2:2').getDeveloperMetadata();
    first!.moveToRow(sheet.getRange('7:7'));
    expect(book.allMetadata(sheetName)[0]!.location).toBe('ROW 7');
    first!.moveToColumn(sheet.getRange('D:D'));
    expect(book.allMetadata(sheetName)[0]!.location).toBe('COLUMN 4');
    expect(() => first!.moveToRow(sheet.getRange('A7'))).toThrow(/entire row or column/);
    expect(() => first!.moveToRow(sheet.getRange('D:D'))).toThrow(/entire row or column/);
    first!.moveToSpreadsheet();
    expect(ss.getDeveloperMetadata().map((m) => m.getValue())).toEqual(['小美']);
    first!.moveToSheet(sheet);
    // In the order they were made, wherever they moved since.
    expect(sheet.getDeveloperMetadata().map((m) => m.getValue())).toEqual(['小美', '{"v":1}']);
  });

  it('keeps its id, and can change key, value and visibility, or be removed', () => {
    const { sheet, ss, globals } = tagged();
    const [row] = sheet.getRange('2:2').getDeveloperMetadata();
    const id = row!.getId();
    row!.setKey('person').setValue('小美美').setVisibility(globals.SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
    const [found] = ss.createDeveloperMetadataFinder().withId(id).find();
    expect([found!.getKey(), found!.getValue(), String(found!.getVisibility())]).toEqual(['person', '小美美', 'PROJECT']);
    found!.remove();
    expect(ss.createDeveloperMetadataFinder().withId(id).find()).toEqual([]);
  });
});

describe('finders', () => {
  it('filter by key, value, location type and visibility', () => {
    const { ss, sheet, globals } = tagged();
    const { DeveloperMetadataLocationType: Type, DeveloperMetadataVisibility: Visibility } = globals.SpreadsheetApp;
    ss.addDeveloperMetadata('book', 'wide');
    expect(ss.createDeveloperMetadataFinder().find()).toHaveLength(5);
    expect(ss.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['book']);
    expect(sheet.createDeveloperMetadataFinder().find()).toHaveLength(4); // not the spreadsheet's
    expect(rowsOf(ss.createDeveloperMetadataFinder().withKey('agent').withValue('小王').find())).toEqual([['小王', 3]]);
    expect(ss.createDeveloperMetadataFinder().withLocationType(Type.COLUMN).find().map((m) => m.getKey())).toEqual(['item']);
    expect(ss.createDeveloperMetadataFinder().withLocationType(Type.SHEET).find().map((m) => m.getKey())).toEqual(['tab']);
    expect(ss.createDeveloperMetadataFinder().withVisibility(Visibility.PROJECT).find().map((m) => m.getKey())).toEqual(['item']);
    expect(ss.createDeveloperMetadataFinder().withKey('nothing').find()).toEqual([]);
  });

  it('on a range: only rows and columns wholly inside it, unless asked for intersecting ones', () => {
    const { sheet } = tagged();
    // Row 3 is not inside A1:D5 (it runs to column Z) but is inside 1:5, as Apps Script documents.
    expect(sheet.getRange('A1:D5').createDeveloperMetadataFinder().find()).toEqual([]);
    expect(rowsOf(sheet.getRange('1:5').createDeveloperMetadataFinder().find())).toEqual([['小美', 2], ['小王', 3]]);
    const touching = sheet.getRange('A3:D5').createDeveloperMetadataFinder().onIntersectingLocations().find();
    expect(touching.map((m) => m.getValue())).toEqual(['小王', 'attitude']); // row 3 and column B cross A3:D5
    expect(sheet.getRange('3:3').getDeveloperMetadata().map((m) => m.getValue())).toEqual(['小王']);
  });

  it('count one call per method, like everything else', () => {
    const { ss, calls } = tagged();
    calls.reset();
    ss.createDeveloperMetadataFinder().withKey('agent').find()[0]!.getLocation().getRow()!.getRow();
    expect(calls.spreadsheet).toBe(6);
    expect(calls.byMethod()).toEqual({
      'Spreadsheet.createDeveloperMetadataFinder': 1, 'DeveloperMetadataFinder.withKey': 1, 'DeveloperMetadataFinder.find': 1,
      'DeveloperMetadata.getLocation': 1, 'DeveloperMetadataLocation.getRow': 1, 'Range.getRow': 1,
    });
  });

  it('share the 30,000-character allowance of their sheet', () => {
    const { sheet } = tagged();
    // Used so far: agent+小美 (7) + agent+小王 (7) + item+attitude (12) + tab+{"v":1} (10) = 36.
    sheet.getRange('9:9').addDeveloperMetadata('k', 'x'.repeat(30_000 - 36 - 1)); // exactly 30,000
    expect(() => sheet.getRange('10:10').addDeveloperMetadata('y')).toThrow(/30000 characters per sheet/);
  });
});
