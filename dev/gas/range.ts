/** `Range`: a rectangle of one sheet. Values go through the sheet's cells; formats and notes are kept per cell. */
import { rectToA1, type Rect } from './a1';
import { checkGrid, filledGrid, signatureError } from './args';
import type { CellAttribute, FontWeight, HorizontalAlignment } from './cell-attributes';
import type { SheetsValue } from './cells';
import { API, defineApi, type Implements } from './expose';
import { AUTOMATIC_FORMAT } from './number-format';
import {
  ARBITRARY_RANGE, FakeDeveloperMetadataFinder, lineOf, metadataArgs, type FakeDeveloperMetadata,
} from './metadata';
import { FakeProtection } from './protection';
import type { FakeSheet } from './sheet';
import { applySortOrder, sortOrder } from './sort';
import { FakeDataValidation } from './validation';

const RANGE_METHODS = [
  'getValues', 'setValues', 'getDisplayValues', 'getFormulas', 'getValue', 'setValue',
  'getNumberFormats', 'setNumberFormats', 'setNumberFormat', 'setFontWeights', 'setFontWeight',
  'setBackgrounds', 'setBackground', 'setNotes', 'getNotes', 'setNote', 'getA1Notation', 'getRow',
  'getColumn', 'getNumRows', 'getNumColumns', 'getSheet', 'protect', 'clearContent', 'setWrap', 'setWraps', 'getWrap', 'getWraps',
  'setHorizontalAlignment', 'setHorizontalAlignments', 'sort', 'setDataValidation', 'setDataValidations',
  'getDataValidation', 'getDataValidations', 'clearDataValidations', 'addDeveloperMetadata', 'getDeveloperMetadata',
  'createDeveloperMetadataFinder',
] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.Range)[];

const RANGE_API = defineApi('Range', 'spreadsheet', RANGE_METHODS, {}, ['setDataValidations']);

const FONT_WEIGHTS: readonly unknown[] = ['bold', 'normal', null];
const ALIGNMENTS: readonly unknown[] = ['left', 'center', 'right', 'normal', null];

/** What a format setter stores for one input (undefined = back to the default), or throws for a bad one. */
type Reader<T> = (value: unknown) => T | undefined;

const readFormat: Reader<string> = (value) => {
  if (value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`FakeGas: number format ${String(value)} is not a string`);
  return value;
};
const readWeight: Reader<FontWeight> = (value) => {
  if (!FONT_WEIGHTS.includes(value)) throw new Error(`FakeGas: font weight ${JSON.stringify(value)} is not bold, normal or null`);
  return value === 'bold' ? 'bold' : undefined;
};
const readColour: Reader<string> = (value) => (value === null || value === '' ? undefined : String(value));
const readNote: Reader<string> = (value) => (value === null || value === undefined || value === '' ? undefined : String(value));
const readWrap: Reader<boolean> = (value) => {
  if (typeof value !== 'boolean') throw new Error(`FakeGas: wrap ${JSON.stringify(value)} is not a boolean`);
  return value ? true : undefined;
};
const readAlignment: Reader<HorizontalAlignment> = (value) => {
  if (!ALIGNMENTS.includes(value)) throw new Error(`FakeGas: alignment ${JSON.stringify(value)} is not left, center, right, normal or null`);
  return value === null || value === 'normal' ? undefined : (value as HorizontalAlignment);
};

export class FakeRange implements Implements<(typeof RANGE_METHODS)[number]>,
  Pick<GoogleAppsScript.Spreadsheet.Range, 'getValues' | 'getDisplayValues' | 'getFormulas' | 'getValue' |
    'getNumberFormats' | 'getNotes' | 'getA1Notation' | 'getRow' | 'getColumn' | 'getNumRows' | 'getNumColumns'> {
  get [API]() {
    return RANGE_API;
  }

  constructor(readonly sheet: FakeSheet, readonly rect: Rect) {}

  getValues(): SheetsValue[][] {
    const values = this.sheet.liveCells().values(this.rect);
    // The values are read: a user edit scheduled "after the Nth read" (book.afterReads) happens now.
    this.sheet.spreadsheet.readHappened();
    return values;
  }

  setValues(values: unknown[][]): FakeRange {
    checkGrid(values, this.rect, 'SpreadsheetApp.Range.setValues');
    this.sheet.liveCells().write(this.rect.row, this.rect.column, values, 'Range.setValues');
    return this;
  }

  getDisplayValues(): string[][] {
    return this.sheet.liveCells().displayValues(this.rect);
  }

  getFormulas(): string[][] {
    return this.sheet.liveCells().formulas(this.rect);
  }

  getValue(): SheetsValue {
    return this.sheet.liveCells().values({ ...this.rect, numRows: 1, numColumns: 1 })[0]![0]!;
  }

  /** Sets every cell of the range to the value, as Sheets does. */
  setValue(value: unknown): FakeRange {
    if (Array.isArray(value)) throw signatureError('SpreadsheetApp.Range.setValue', [value]);
    this.sheet.liveCells().write(this.rect.row, this.rect.column, filledGrid(this.rect, value), 'Range.setValue');
    return this;
  }

  getNumberFormats(): string[][] {
    return this.sheet.styles.numberFormat.grid(this.rect, AUTOMATIC_FORMAT);
  }

  setNumberFormats(formats: string[][]): FakeRange {
    return this.setGrid(this.sheet.styles.numberFormat, formats, readFormat, 'setNumberFormats');
  }

  setNumberFormat(format: string): FakeRange {
    return this.fill(this.sheet.styles.numberFormat, format, readFormat);
  }

  setFontWeights(weights: unknown[][]): FakeRange {
    return this.setGrid(this.sheet.styles.fontWeight, weights, readWeight, 'setFontWeights');
  }

  setFontWeight(weight: unknown): FakeRange {
    return this.fill(this.sheet.styles.fontWeight, weight, readWeight);
  }

  setBackgrounds(colours: unknown[][]): FakeRange {
    return this.setGrid(this.sheet.styles.background, colours, readColour, 'setBackgrounds');
  }

  setBackground(colour: unknown): FakeRange {
    return this.fill(this.sheet.styles.background, colour, readColour);
  }

  setNotes(notes: unknown[][]): FakeRange {
    return this.setGrid(this.sheet.styles.note, notes, readNote, 'setNotes');
  }

  getNotes(): string[][] {
    return this.sheet.styles.note.grid(this.rect, '');
  }

  setNote(note: unknown): FakeRange {
    return this.fill(this.sheet.styles.note, note, readNote);
  }

  setWraps(wraps: unknown[][]): FakeRange {
    return this.setGrid(this.sheet.styles.wrap, wraps, readWrap, 'setWraps');
  }

  /** Whether each cell wraps its text (false, Sheets' overflow, where never set). */
  getWraps(): boolean[][] {
    return this.sheet.styles.wrap.grid(this.rect, false);
  }

  /** The top-left cell's wrap. */
  getWrap(): boolean {
    return this.sheet.styles.wrap.get(this.rect.row, this.rect.column) ?? false;
  }

  setWrap(wrap: unknown): FakeRange {
    return this.fill(this.sheet.styles.wrap, wrap, readWrap);
  }

  setHorizontalAlignments(alignments: unknown[][]): FakeRange {
    return this.setGrid(this.sheet.styles.alignment, alignments, readAlignment, 'setHorizontalAlignments');
  }

  setHorizontalAlignment(alignment: unknown): FakeRange {
    return this.fill(this.sheet.styles.alignment, alignment, readAlignment);
  }

  getA1Notation(): string {
    return rectToA1(this.rect);
  }

  getRow(): number {
    return this.rect.row;
  }

  getColumn(): number {
    return this.rect.column;
  }

  getNumRows(): number {
    return this.rect.numRows;
  }

  getNumColumns(): number {
    return this.rect.numColumns;
  }

  getSheet(): FakeSheet {
    return this.sheet;
  }

  /** A new range protection (a range may carry several, as in Sheets). */
  protect(): FakeProtection {
    return this.sheet.addProtection(new FakeProtection(this.sheet, 'RANGE', this.rect));
  }

  clearContent(): FakeRange {
    this.sheet.liveCells().clear(this.rect);
    return this;
  }

  /** Sorts the range's rows (sort.ts); returns the range. */
  sort(spec: unknown): FakeRange {
    this.sheet.assertAlive();
    applySortOrder(this, sortOrder(this, spec));
    return this;
  }

  /** One rule (or null: none) on every cell. Scripts' writes are never checked against it, as in Sheets. */
  setDataValidation(rule: unknown): FakeRange {
    if (rule !== null && !(rule instanceof FakeDataValidation)) throw signatureError('SpreadsheetApp.Range.setDataValidation', [rule]);
    return this.fill(this.sheet.styles.validation, rule, (r) => (r as FakeDataValidation | null) ?? undefined);
  }

  setDataValidations(rules: unknown[][]): FakeRange {
    const read: Reader<FakeDataValidation> = (rule) => {
      if (rule !== null && !(rule instanceof FakeDataValidation)) throw signatureError('SpreadsheetApp.Range.setDataValidations', [rules]);
      return rule ?? undefined;
    };
    return this.setGrid(this.sheet.styles.validation, rules, read, 'setDataValidations');
  }

  /** The top-left cell's rule, or null. */
  getDataValidation(): FakeDataValidation | null {
    return this.sheet.styles.validation.get(this.rect.row, this.rect.column) ?? null;
  }

  getDataValidations(): (FakeDataValidation | null)[][] {
    return this.sheet.styles.validation.grid(this.rect, null);
  }

  clearDataValidations(): FakeRange {
    return this.fill(this.sheet.styles.validation, null, () => undefined);
  }

  /** Only on one entire row or column (`getRange('5:5')`, `getRange('C:C')`), as Sheets allows. */
  addDeveloperMetadata(key: unknown, second?: unknown, third?: unknown): FakeRange {
    this.sheet.assertAlive();
    const args = metadataArgs('SpreadsheetApp.Range.addDeveloperMetadata', key, second, third);
    const location = lineOf(this.sheet, this.rect);
    if (!location) throw new Error(ARBITRARY_RANGE);
    this.sheet.spreadsheet.addMetadata(location, args);
    return this;
  }

  /** Metadata on the rows and columns wholly inside this range. */
  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    return this.createDeveloperMetadataFinder().find();
  }

  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    this.sheet.assertAlive();
    return new FakeDeveloperMetadataFinder(this.sheet.spreadsheet, { sheet: this.sheet, rect: this.rect });
  }

  private setGrid<T>(attribute: CellAttribute<T>, grid: unknown[][], read: Reader<T>, method: string): FakeRange {
    checkGrid(grid, this.rect, `SpreadsheetApp.Range.${method}`);
    // Read every value first, so a bad one leaves the range untouched.
    const values = grid.map((row) => row.map(read));
    values.forEach((row, r) => row.forEach((value, c) => attribute.set(this.rect.row + r, this.rect.column + c, value)));
    return this;
  }

  private fill<T>(attribute: CellAttribute<T>, value: unknown, read: Reader<T>): FakeRange {
    const stored = read(value);
    for (let r = 0; r < this.rect.numRows; r++) {
      for (let c = 0; c < this.rect.numColumns; c++) attribute.set(this.rect.row + r, this.rect.column + c, stored);
    }
    return this;
  }
}
