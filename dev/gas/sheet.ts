/** `Sheet`: one tab. Its cells live in the spreadsheet's engine; the rest (formats, metadata, charts …) here. */
import { parseA1, type Rect } from './a1';
import { integerArg, signatureError, stringArg } from './args';
import { SheetStyles } from './cell-attributes';
import { SheetCells } from './cells';
import { FakeChart, FakeChartBuilder } from './chart';
import { memberName, ProtectionType } from './enums';
import { API, defineApi, type Implements } from './expose';
import { HiddenRows } from './hidden-rows';
import { FakeDeveloperMetadata, FakeDeveloperMetadataFinder, metadataArgs } from './metadata';
import { FakeProtection } from './protection';
import { FakeRange } from './range';
import { applyLineChange, lineChange, moveLines } from './structure';
import type { Axis, LineChange } from './lines';
import type { FakeSpreadsheet } from './spreadsheet';

const SHEET_METHODS = [
  'getName', 'setName', 'getSheetId', 'getIndex', 'activate', 'getDataRange', 'getRange', 'getSheetValues', 'getLastRow',
  'getLastColumn', 'getMaxRows', 'getMaxColumns', 'clear', 'clearContents', 'clearNotes', 'clearFormats',
  'setFrozenRows', 'setFrozenColumns', 'getFrozenRows', 'getFrozenColumns', 'getDeveloperMetadata',
  'addDeveloperMetadata', 'getCharts', 'insertChart', 'removeChart', 'newChart', 'updateChart', 'protect',
  'getProtections', 'autoResizeColumns', 'setColumnWidth', 'setColumnWidths', 'getColumnWidth', 'createDeveloperMetadataFinder',
  'insertRowBefore', 'insertRowAfter', 'insertRowsBefore', 'insertRowsAfter', 'insertColumnBefore', 'insertColumnAfter',
  'insertColumnsBefore', 'insertColumnsAfter', 'deleteRow', 'deleteRows', 'deleteColumn', 'deleteColumns',
  'insertRows', 'insertColumns', 'sort', 'moveRows', 'moveColumns', 'hideRows', 'showRows', 'isRowHiddenByUser',
] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.Sheet)[];

const SHEET_API = defineApi('Sheet', 'spreadsheet', SHEET_METHODS);

/** A new tab in Sheets has 1,000 rows and 26 columns. */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;
/** Sheets draws a column nobody sized 100 pixels wide. */
export const DEFAULT_COLUMN_WIDTH = 100;

const method = (name: string) => `SpreadsheetApp.Sheet.${name}`;

export class FakeSheet implements Implements<(typeof SHEET_METHODS)[number]>,
  Pick<GoogleAppsScript.Spreadsheet.Sheet, 'getName' | 'getSheetId' | 'getIndex' | 'getLastRow' | 'getLastColumn' |
    'getMaxRows' | 'getMaxColumns' | 'getFrozenRows' | 'getFrozenColumns' | 'setFrozenRows' | 'setFrozenColumns' |
    'insertChart' | 'removeChart' | 'updateChart'> {
  readonly styles = new SheetStyles();
  readonly cells: SheetCells;
  maxRows = NEW_SHEET_ROWS;
  maxColumns = NEW_SHEET_COLUMNS;
  frozenRows = 0;
  frozenColumns = 0;
  /** Rows hidden by `hideRows` (or a user): hidden-rows.ts. */
  readonly hiddenRows = new HiddenRows();
  readonly protections: FakeProtection[] = [];
  readonly charts: FakeChart[] = [];
  /** Column → width in pixels, or `auto` after `autoResizeColumns`. */
  readonly columnWidths = new Map<number, number | 'auto'>();
  deleted = false;

  get [API]() {
    return SHEET_API;
  }

  constructor(readonly spreadsheet: FakeSpreadsheet, public name: string, readonly gid: number, engineSheet: number) {
    this.cells = new SheetCells(spreadsheet.engine, engineSheet, this.styles, spreadsheet.timeZone);
  }

  /** The cells, once we know the sheet still exists. */
  liveCells(): SheetCells {
    this.assertAlive();
    return this.cells;
  }

  assertAlive(): void {
    if (this.deleted) throw new Error(`FakeGas: the sheet "${this.name}" has been deleted`);
  }

  getName(): string {
    return this.name;
  }

  setName(name: unknown): FakeSheet {
    this.assertAlive();
    this.spreadsheet.renameSheet(this, stringArg(name, method('setName'), [name]));
    return this;
  }

  getSheetId(): number {
    return this.gid;
  }

  /** 1-based position among the tabs. */
  getIndex(): number {
    return this.spreadsheet.sheets.indexOf(this) + 1;
  }

  activate(): FakeSheet {
    this.assertAlive();
    this.spreadsheet.activeSheet = this;
    return this;
  }

  getDataRange(): FakeRange {
    const { rows, columns } = this.liveCells().extent();
    return new FakeRange(this, { row: 1, column: 1, numRows: Math.max(rows, 1), numColumns: Math.max(columns, 1) });
  }

  /**
   * `getSheetValues(row, column, numRows, numColumns)`: a grid of values in one call. A -1 count reaches
   * the last row or column with data (Apps Script's reference), so `(1, 1, -1, -1)` is what
   * `getDataRange().getValues()` reads; on a tab with no data that asks for 0 rows, which Sheets refuses.
   */
  getSheetValues(...args: unknown[]): unknown[][] {
    this.assertAlive();
    if (args.length !== 4) throw signatureError(method('getSheetValues'), args);
    const [row, column, numRows, numColumns] = args.map((a) => integerArg(a, method('getSheetValues'), args)) as number[];
    const { rows, columns } = this.liveCells().extent();
    const height = numRows === -1 ? rows - row + 1 : numRows;
    const width = numColumns === -1 ? columns - column + 1 : numColumns;
    if (height < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (width < 1) throw new Error('The number of columns in the range must be at least 1.');
    return new FakeRange(this, this.checkedRect({ row, column, numRows: height, numColumns: width })).getValues();
  }

  /** `getRange(row, column[, numRows[, numColumns]])` or `getRange(a1)`. */
  getRange(...args: unknown[]): FakeRange {
    this.assertAlive();
    if (args.length === 1 && typeof args[0] === 'string') return this.rangeFromA1(args[0]);
    if (args.length < 2 || args.length > 4) throw signatureError(method('getRange'), args);
    const [row, column, numRows = 1, numColumns = 1] = args.map((a) => integerArg(a, method('getRange'), args)) as number[];
    return new FakeRange(this, this.checkedRect({ row, column, numRows, numColumns }));
  }

  private rangeFromA1(a1: string): FakeRange {
    const parsed = parseA1(a1);
    if (!parsed) throw new Error('Range not found');
    const sheet = parsed.sheetName === undefined ? this : this.spreadsheet.sheetNamed(parsed.sheetName);
    if (!sheet) throw new Error('Range not found');
    const firstRow = parsed.firstRow ?? 1;
    const firstColumn = parsed.firstColumn ?? 1;
    const lastRow = parsed.lastRow ?? Math.max(sheet.maxRows, firstRow);
    const lastColumn = parsed.lastColumn ?? Math.max(sheet.maxColumns, firstColumn);
    return new FakeRange(sheet, sheet.checkedRect({ row: firstRow, column: firstColumn, numRows: lastRow - firstRow + 1, numColumns: lastColumn - firstColumn + 1 }));
  }

  getLastRow(): number {
    return this.liveCells().extent().rows;
  }

  getLastColumn(): number {
    return this.liveCells().extent().columns;
  }

  getMaxRows(): number {
    return this.maxRows;
  }

  getMaxColumns(): number {
    return this.maxColumns;
  }

  /**
   * Test-side only (the `book` helpers seeding data, as a user pasting would): grows the sheet to hold
   * `rect`. A script's writes never grow a sheet in Sheets; they fail at `getRange` (`checkedRect`).
   */
  growTo(rect: Rect): void {
    const rows = Math.max(this.maxRows, rect.row + rect.numRows - 1);
    const columns = Math.max(this.maxColumns, rect.column + rect.numColumns - 1);
    if (rows === this.maxRows && columns === this.maxColumns) return;
    this.spreadsheet.checkCellLimit(rows * columns - this.maxRows * this.maxColumns);
    this.maxRows = rows;
    this.maxColumns = columns;
  }

  /** `rect` if it lies inside this sheet; otherwise Sheets' errors (a script cannot address past `getMaxRows`/`getMaxColumns`). */
  checkedRect(rect: Rect): Rect {
    if (rect.row < 1) throw new Error('The starting row of the range is too small.');
    if (rect.column < 1) throw new Error('The starting column of the range is too small.');
    if (rect.numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (rect.numColumns < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (rect.row + rect.numRows - 1 > this.maxRows || rect.column + rect.numColumns - 1 > this.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return rect;
  }

  /** Contents and formats (`{ contentsOnly: true }` or `{ formatOnly: true }` for one of them); notes stay. */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): FakeSheet {
    if (!options?.formatOnly) this.liveCells().clearAll();
    if (!options?.contentsOnly) this.styles.clearFormats();
    return this;
  }

  clearContents(): FakeSheet {
    this.liveCells().clearAll();
    return this;
  }

  clearNotes(): FakeSheet {
    this.assertAlive();
    this.styles.note.clear();
    return this;
  }

  clearFormats(): FakeSheet {
    this.assertAlive();
    this.styles.clearFormats();
    return this;
  }

  setFrozenRows(rows: unknown): void {
    this.frozenRows = this.frozenCount(rows, this.maxRows, 'setFrozenRows', 'rows');
  }

  setFrozenColumns(columns: unknown): void {
    this.frozenColumns = this.frozenCount(columns, this.maxColumns, 'setFrozenColumns', 'columns');
  }

  private frozenCount(value: unknown, max: number, name: string, what: string): number {
    this.assertAlive();
    const n = integerArg(value, method(name), [value]);
    if (n < 0) throw new Error(`FakeGas: cannot freeze ${n} ${what}`);
    if (n >= max) throw new Error(`Sorry, it is not possible to delete all non-frozen ${what}.`);
    return n;
  }

  getFrozenRows(): number {
    return this.frozenRows;
  }

  getFrozenColumns(): number {
    return this.frozenColumns;
  }

  /** `hideRows(rowIndex[, numRows])`: the rows stay, with their values, out of sight. */
  hideRows(rowIndex: unknown, numRows: unknown = 1): void {
    const [first, count] = this.rowSpan('hideRows', rowIndex, numRows);
    this.hiddenRows.hide(first, count);
  }

  showRows(rowIndex: unknown, numRows: unknown = 1): void {
    const [first, count] = this.rowSpan('showRows', rowIndex, numRows);
    this.hiddenRows.show(first, count);
  }

  isRowHiddenByUser(rowPosition: unknown): boolean {
    const [row] = this.rowSpan('isRowHiddenByUser', rowPosition, 1);
    return this.hiddenRows.has(row);
  }

  private rowSpan(name: string, rowIndex: unknown, numRows: unknown): [number, number] {
    this.assertAlive();
    const first = integerArg(rowIndex, method(name), [rowIndex, numRows]);
    const count = integerArg(numRows, method(name), [rowIndex, numRows]);
    if (count < 1) throw new Error('The number of rows must be at least 1.');
    if (first < 1 || first + count - 1 > this.maxRows) throw new Error('Those rows are out of bounds.');
    return [first, count];
  }

  /** The sheet's own metadata (not its rows' or columns'), oldest first. */
  get metadata(): FakeDeveloperMetadata[] {
    return this.spreadsheet.metadata.filter((m) => m.location.type === 'SHEET' && m.location.sheet === this);
  }

  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.assertAlive();
    return this.metadata;
  }

  /** `(key)`, `(key, value)`, `(key, visibility)` or `(key, value, visibility)`. */
  addDeveloperMetadata(key: unknown, second?: unknown, third?: unknown): FakeSheet {
    this.assertAlive();
    this.spreadsheet.addMetadata({ type: 'SHEET', sheet: this }, metadataArgs(method('addDeveloperMetadata'), key, second, third));
    return this;
  }

  /** Finds the sheet's metadata and its rows' and columns'. */
  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    this.assertAlive();
    return new FakeDeveloperMetadataFinder(this.spreadsheet, { sheet: this, rect: null });
  }

  getCharts(): FakeChart[] {
    this.assertAlive();
    return [...this.charts];
  }

  newChart(): FakeChartBuilder {
    this.assertAlive();
    return new FakeChartBuilder(this);
  }

  insertChart(chart: unknown): void {
    this.assertAlive();
    if (!(chart instanceof FakeChart)) throw signatureError(method('insertChart'), [chart]);
    if (chart.chartId !== null) throw new Error(`FakeGas: chart ${chart.chartId} is already inserted; use updateChart`);
    chart.chartId = this.spreadsheet.nextChartId();
    this.charts.push(chart);
  }

  updateChart(chart: unknown): void {
    this.assertAlive();
    if (!(chart instanceof FakeChart)) throw signatureError(method('updateChart'), [chart]);
    this.charts[this.chartIndex(chart)] = chart;
  }

  removeChart(chart: unknown): void {
    this.assertAlive();
    if (!(chart instanceof FakeChart)) throw signatureError(method('removeChart'), [chart]);
    this.charts.splice(this.chartIndex(chart), 1);
  }

  private chartIndex(chart: FakeChart): number {
    const at = this.charts.findIndex((c) => c.chartId !== null && c.chartId === chart.chartId);
    if (at < 0) throw new Error(`FakeGas: chart ${String(chart.chartId)} is not on sheet "${this.name}"`);
    return at;
  }

  /** The sheet's protection: the existing one if the sheet is already protected (a sheet has at most one). */
  protect(): FakeProtection {
    this.assertAlive();
    return this.protections.find((p) => p.kind === 'SHEET') ?? this.addProtection(new FakeProtection(this, 'SHEET', null));
  }

  addProtection(protection: FakeProtection): FakeProtection {
    this.protections.push(protection);
    return protection;
  }

  removeProtection(protection: FakeProtection): void {
    const at = this.protections.indexOf(protection);
    if (at >= 0) this.protections.splice(at, 1);
  }

  getProtections(type: unknown): FakeProtection[] {
    this.assertAlive();
    const kind = memberName(ProtectionType, type, 'protection type');
    return this.protections.filter((p) => p.kind === kind);
  }

  autoResizeColumns(startColumn: unknown, numColumns: unknown): FakeSheet {
    return this.setWidths(startColumn, numColumns, 'auto', 'autoResizeColumns');
  }

  setColumnWidth(column: unknown, width: unknown): FakeSheet {
    return this.setWidths(column, 1, integerArg(width, method('setColumnWidth'), [column, width]), 'setColumnWidth');
  }

  setColumnWidths(startColumn: unknown, numColumns: unknown, width: unknown): FakeSheet {
    return this.setWidths(startColumn, numColumns, integerArg(width, method('setColumnWidths'), [startColumn, numColumns, width]), 'setColumnWidths');
  }

  /**
   * Sheets' default is 100 pixels. The fake measures no text, so a column left to `autoResizeColumns`
   * reads as the default too.
   */
  getColumnWidth(column: unknown): number {
    this.assertAlive();
    const at = integerArg(column, method('getColumnWidth'), [column]);
    this.checkedRect({ row: 1, column: at, numRows: 1, numColumns: 1 });
    const width = this.columnWidths.get(at);
    return typeof width === 'number' ? width : DEFAULT_COLUMN_WIDTH;
  }

  private setWidths(startColumn: unknown, numColumns: unknown, width: number | 'auto', name: string): FakeSheet {
    this.assertAlive();
    const start = integerArg(startColumn, method(name), [startColumn, numColumns]);
    const count = integerArg(numColumns, method(name), [startColumn, numColumns]);
    this.checkedRect({ row: 1, column: start, numRows: 1, numColumns: count });
    for (let c = start; c < start + count; c++) this.columnWidths.set(c, width);
    return this;
  }

  // Inserting and deleting rows and columns (structure.ts): each returns what Apps Script returns.

  insertRowBefore(before: unknown): FakeSheet {
    return this.lines('ROWS', 'insert', 'insertRowBefore', [before]);
  }

  insertRowAfter(after: unknown): FakeSheet {
    return this.lines('ROWS', 'insert', 'insertRowAfter', [after], 1);
  }

  insertRowsBefore(before: unknown, howMany: unknown): FakeSheet {
    return this.lines('ROWS', 'insert', 'insertRowsBefore', [before, howMany]);
  }

  insertRowsAfter(after: unknown, howMany: unknown): FakeSheet {
    return this.lines('ROWS', 'insert', 'insertRowsAfter', [after, howMany], 1);
  }

  insertColumnBefore(before: unknown): FakeSheet {
    return this.lines('COLUMNS', 'insert', 'insertColumnBefore', [before]);
  }

  insertColumnAfter(after: unknown): FakeSheet {
    return this.lines('COLUMNS', 'insert', 'insertColumnAfter', [after], 1);
  }

  insertColumnsBefore(before: unknown, howMany: unknown): FakeSheet {
    return this.lines('COLUMNS', 'insert', 'insertColumnsBefore', [before, howMany]);
  }

  insertColumnsAfter(after: unknown, howMany: unknown): FakeSheet {
    return this.lines('COLUMNS', 'insert', 'insertColumnsAfter', [after, howMany], 1);
  }

  deleteRow(row: unknown): FakeSheet {
    return this.lines('ROWS', 'delete', 'deleteRow', [row]);
  }

  deleteRows(row: unknown, howMany: unknown): void {
    this.lines('ROWS', 'delete', 'deleteRows', [row, howMany]);
  }

  deleteColumn(column: unknown): FakeSheet {
    return this.lines('COLUMNS', 'delete', 'deleteColumn', [column]);
  }

  deleteColumns(column: unknown, howMany: unknown): void {
    this.lines('COLUMNS', 'delete', 'deleteColumns', [column, howMany]);
  }

  /** `insertRows(before[, howMany])`: the older form of insertRowsBefore, returning nothing. */
  insertRows(before: unknown, howMany: unknown = 1): void {
    this.lines('ROWS', 'insert', 'insertRows', [before, howMany]);
  }

  insertColumns(before: unknown, howMany: unknown = 1): void {
    this.lines('COLUMNS', 'insert', 'insertColumns', [before, howMany]);
  }

  /** Moves the rows `rowSpec` spans before row `destinationIndex` (numbered before the move), like a drag. */
  moveRows(rowSpec: unknown, destinationIndex: unknown): void {
    this.move('ROWS', 'moveRows', rowSpec, destinationIndex);
  }

  moveColumns(columnSpec: unknown, destinationIndex: unknown): void {
    this.move('COLUMNS', 'moveColumns', columnSpec, destinationIndex);
  }

  private move(axis: Axis, name: string, spec: unknown, destinationIndex: unknown): void {
    if (!(spec instanceof FakeRange)) throw signatureError(method(name), [spec, destinationIndex]);
    moveLines(this, axis, spec, integerArg(destinationIndex, method(name), [spec, destinationIndex]), name);
  }

  /** Sorts every row below the frozen ones by a column, as Data › Sort sheet does (sort.ts). */
  sort(column: unknown, ascending: unknown = true): FakeSheet {
    const args = [column, ascending];
    const position = integerArg(column, method('sort'), args);
    if (typeof ascending !== 'boolean') throw signatureError(method('sort'), args);
    const first = this.frozenRows + 1;
    const last = this.liveCells().extent().rows;
    if (last >= first) new FakeRange(this, { row: first, column: 1, numRows: last - first + 1, numColumns: this.maxColumns }).sort({ column: position, ascending });
    return this;
  }

  private lines(axis: Axis, kind: LineChange['kind'], name: string, args: unknown[], offset = 0): FakeSheet {
    const expected = /s(Before|After)?$/.test(name) ? 2 : 1; // insertRows/insertColumns get their default count
    if (args.length !== expected || args.some((a) => a === undefined)) throw signatureError(method(name), args.filter((a) => a !== undefined));
    applyLineChange(this, lineChange(this, axis, kind, name, args, offset));
    return this;
  }
}
