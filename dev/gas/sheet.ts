/** `Sheet`: one tab. Its cells live in the spreadsheet's engine; the rest (formats, metadata, charts …) here. */
import type { DataValidationView } from './data-validation';
import { parseA1, type Rect } from './a1';
import { integerArg, signatureError, stringArg } from './args';
import { SheetStyles } from './cell-attributes';
import { SheetCells } from './cells';
import { FakeChart, FakeChartBuilder } from './chart';
import { MAX_COLUMNS, MAX_ROWS } from './engine';
import { DeveloperMetadataVisibility, isMember, memberName, ProtectionType } from './enums';
import { API, defineApi, type Implements } from './expose';
import { FakeDeveloperMetadata, METADATA_CHARS_PER_SHEET, visibilityOf } from './metadata';
import { FakeProtection } from './protection';
import { FakeRange } from './range';
import type { FakeSpreadsheet } from './spreadsheet';

const SHEET_METHODS = [
  'getName', 'setName', 'getSheetId', 'getIndex', 'activate', 'getDataRange', 'getRange', 'getLastRow',
  'getLastColumn', 'getMaxRows', 'getMaxColumns', 'clear', 'clearContents', 'clearNotes', 'clearFormats',
  'setFrozenRows', 'setFrozenColumns', 'getFrozenRows', 'getFrozenColumns', 'getDeveloperMetadata',
  'addDeveloperMetadata', 'getCharts', 'insertChart', 'removeChart', 'newChart', 'updateChart', 'protect',
  'getProtections', 'autoResizeColumns', 'setColumnWidth', 'setColumnWidths',
] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.Sheet)[];

const SHEET_API = defineApi('Sheet', 'spreadsheet', SHEET_METHODS);

/** A new tab in Sheets has 1,000 rows and 26 columns. */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;

const method = (name: string) => `SpreadsheetApp.Sheet.${name}`;

export class FakeSheet implements Implements<(typeof SHEET_METHODS)[number]>,
  Pick<GoogleAppsScript.Spreadsheet.Sheet, 'getName' | 'getSheetId' | 'getIndex' | 'getLastRow' | 'getLastColumn' |
    'getMaxRows' | 'getMaxColumns' | 'getFrozenRows' | 'getFrozenColumns' | 'setFrozenRows' | 'setFrozenColumns' |
    'insertChart' | 'removeChart' | 'updateChart'> {
  readonly styles = new SheetStyles();
  /** Data validation rules by `row,column` of the cell they were set on. */
  readonly dataValidations = new Map<string, DataValidationView>();
  readonly cells: SheetCells;
  maxRows = NEW_SHEET_ROWS;
  maxColumns = NEW_SHEET_COLUMNS;
  frozenRows = 0;
  frozenColumns = 0;
  readonly metadata: FakeDeveloperMetadata[] = [];
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

  /** `getRange(row, column[, numRows[, numColumns]])` or `getRange(a1)`. */
  getRange(...args: unknown[]): FakeRange {
    this.assertAlive();
    if (args.length === 1 && typeof args[0] === 'string') return this.rangeFromA1(args[0]);
    if (args.length < 2 || args.length > 4) throw signatureError(method('getRange'), args);
    const [row, column, numRows = 1, numColumns = 1] = args.map((a) => integerArg(a, method('getRange'), args)) as number[];
    return new FakeRange(this, checkedRect({ row, column, numRows, numColumns }));
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
    return new FakeRange(sheet, checkedRect({ row: firstRow, column: firstColumn, numRows: lastRow - firstRow + 1, numColumns: lastColumn - firstColumn + 1 }));
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

  /** Grows the sheet to hold `rect`, as Sheets does when a script writes past its last row or column. */
  ensureSize(rect: Rect): void {
    const rows = Math.max(this.maxRows, rect.row + rect.numRows - 1);
    const columns = Math.max(this.maxColumns, rect.column + rect.numColumns - 1);
    if (rows === this.maxRows && columns === this.maxColumns) return;
    this.spreadsheet.checkCellLimit(rows * columns - this.maxRows * this.maxColumns);
    this.maxRows = rows;
    this.maxColumns = columns;
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

  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.assertAlive();
    return [...this.metadata];
  }

  /** `(key)`, `(key, value)`, `(key, visibility)` or `(key, value, visibility)`. */
  addDeveloperMetadata(key: unknown, second?: unknown, third?: unknown): FakeSheet {
    this.assertAlive();
    const args = [key, second, third].filter((a) => a !== undefined);
    const name = method('addDeveloperMetadata');
    if (typeof key !== 'string' || key === '') throw signatureError(name, args);
    const secondIsVisibility = isMember(DeveloperMetadataVisibility, second) && typeof second !== 'string';
    const value = secondIsVisibility || second === undefined ? null : stringArg(second, name, args);
    const visibility = secondIsVisibility ? second : third;
    if (visibility !== undefined) memberName(DeveloperMetadataVisibility, visibility, 'metadata visibility');
    this.checkMetadataRoom(key.length + (value?.length ?? 0));
    this.metadata.push(new FakeDeveloperMetadata(this, key, value, visibilityOf(visibility)));
    return this;
  }

  /** Throws when `extraChars` more characters of metadata would exceed Sheets' per-sheet allowance. */
  checkMetadataRoom(extraChars: number): void {
    const used = this.metadata.reduce((n, m) => n + m.key.length + (m.value?.length ?? 0), 0);
    if (used + extraChars > METADATA_CHARS_PER_SHEET) {
      throw new Error(`FakeGas: developer metadata on sheet "${this.name}" would exceed Sheets' ${METADATA_CHARS_PER_SHEET} characters per sheet`);
    }
  }

  removeMetadata(metadata: FakeDeveloperMetadata): void {
    const at = this.metadata.indexOf(metadata);
    if (at >= 0) this.metadata.splice(at, 1);
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

  private setWidths(startColumn: unknown, numColumns: unknown, width: number | 'auto', name: string): FakeSheet {
    this.assertAlive();
    const start = integerArg(startColumn, method(name), [startColumn, numColumns]);
    const count = integerArg(numColumns, method(name), [startColumn, numColumns]);
    checkedRect({ row: 1, column: start, numRows: 1, numColumns: count });
    for (let c = start; c < start + count; c++) this.columnWidths.set(c, width);
    return this;
  }
}

/** Sheets' checks on a range's coordinates, with its messages. */
function checkedRect(rect: Rect): Rect {
  if (rect.row < 1) throw new Error('The starting row of the range is too small.');
  if (rect.column < 1) throw new Error('The starting column of the range is too small.');
  if (rect.numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
  if (rect.numColumns < 1) throw new Error('The number of columns in the range must be at least 1.');
  if (rect.row + rect.numRows - 1 > MAX_ROWS || rect.column + rect.numColumns - 1 > MAX_COLUMNS) {
    throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return rect;
}
