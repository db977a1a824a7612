/**
 * `DeveloperMetadata` on the spreadsheet, a sheet, or one whole row or column: the add-on's tags that say
 * "this tab is ours" and where its parts are. Metadata on a row or column is location-tracked as Sheets
 * documents it: rows/columns inserted before it move it, deleting its row/column deletes it (see structure.ts).
 */
import type { Rect } from './a1';
import { signatureError, stringArg } from './args';
import { DeveloperMetadataLocationType, DeveloperMetadataVisibility, isMember, memberName, type EnumMember } from './enums';
import { API, defineApi, type Implements } from './expose';
import { FakeRange } from './range';
import { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';

const METADATA_METHODS = [
  'getId', 'getKey', 'setKey', 'getValue', 'setValue', 'remove', 'getVisibility', 'setVisibility', 'getLocation',
  'moveToRow', 'moveToColumn', 'moveToSheet', 'moveToSpreadsheet',
] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.DeveloperMetadata)[];
const LOCATION_METHODS = ['getLocationType', 'getRow', 'getColumn', 'getSheet', 'getSpreadsheet'] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation)[];
const FINDER_METHODS = [
  'find', 'onIntersectingLocations', 'withId', 'withKey', 'withLocationType', 'withValue', 'withVisibility',
] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder)[];

const METADATA_API = defineApi('DeveloperMetadata', 'spreadsheet', METADATA_METHODS);
const LOCATION_API = defineApi('DeveloperMetadataLocation', 'spreadsheet', LOCATION_METHODS);
const FINDER_API = defineApi('DeveloperMetadataFinder', 'spreadsheet', FINDER_METHODS);

/** Sheets keeps at most 30,000 characters of developer metadata per sheet (and as much on the spreadsheet itself). */
export const METADATA_CHARS_PER_SHEET = 30_000;

/** Sheets' refusal for metadata on anything but the spreadsheet, a sheet, or one entire row or column. */
export const ARBITRARY_RANGE = 'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.';

export type MetadataLocation =
  | { type: 'SPREADSHEET' }
  | { type: 'SHEET'; sheet: FakeSheet }
  /** `index`: the 1-based row or column, kept current by inserts and deletes. */
  | { type: 'ROW' | 'COLUMN'; sheet: FakeSheet; index: number };

/** Whether the rectangle is one entire row or one entire column of the sheet. */
export function lineOf(sheet: FakeSheet, rect: Rect): MetadataLocation | null {
  const wholeRow = rect.column === 1 && rect.numColumns === sheet.maxColumns;
  const wholeColumn = rect.row === 1 && rect.numRows === sheet.maxRows;
  if (wholeRow && rect.numRows === 1) return { type: 'ROW', sheet, index: rect.row };
  if (wholeColumn && rect.numColumns === 1) return { type: 'COLUMN', sheet, index: rect.column };
  return null;
}

/** The rectangle a row or column location covers now. */
export function lineRect(location: MetadataLocation): Rect | null {
  if (location.type === 'ROW') return { row: location.index, column: 1, numRows: 1, numColumns: location.sheet.maxColumns };
  if (location.type === 'COLUMN') return { row: 1, column: location.index, numRows: location.sheet.maxRows, numColumns: 1 };
  return null;
}

/** The sheet a location belongs to (null for the spreadsheet). */
export function sheetOf(location: MetadataLocation): FakeSheet | null {
  return location.type === 'SPREADSHEET' ? null : location.sheet;
}

export interface MetadataArgs {
  key: string;
  value: string | null;
  visibility: EnumMember;
}

/** `(key)`, `(key, value)`, `(key, visibility)` or `(key, value, visibility)`, as every `addDeveloperMetadata` takes them. */
export function metadataArgs(method: string, key: unknown, second?: unknown, third?: unknown): MetadataArgs {
  const args = [key, second, third].filter((a) => a !== undefined);
  if (typeof key !== 'string' || key === '') throw signatureError(method, args);
  const secondIsVisibility = isMember(DeveloperMetadataVisibility, second) && typeof second !== 'string';
  const value = secondIsVisibility || second === undefined ? null : stringArg(second, method, args);
  const visibility = secondIsVisibility ? second : third;
  if (visibility !== undefined) memberName(DeveloperMetadataVisibility, visibility, 'metadata visibility');
  return { key, value, visibility: visibilityOf(visibility) };
}

/** The visibility member for an `addDeveloperMetadata` argument (DOCUMENT when omitted). */
export function visibilityOf(value: unknown): EnumMember {
  return value === undefined ? DeveloperMetadataVisibility.DOCUMENT : DeveloperMetadataVisibility[String(value) as 'DOCUMENT' | 'PROJECT'];
}

const method = (name: string) => `SpreadsheetApp.DeveloperMetadata.${name}`;

export class FakeDeveloperMetadata implements Implements<(typeof METADATA_METHODS)[number]>,
  Pick<GoogleAppsScript.Spreadsheet.DeveloperMetadata, 'getId' | 'getKey' | 'getValue' | 'remove'> {
  get [API]() {
    return METADATA_API;
  }

  constructor(
    private readonly spreadsheet: FakeSpreadsheet,
    readonly id: number,
    public key: string,
    public value: string | null,
    public visibility: EnumMember,
    public location: MetadataLocation,
  ) {}

  /** Characters this metadata counts against its sheet's (or the spreadsheet's) allowance. */
  get chars(): number {
    return this.key.length + (this.value?.length ?? 0);
  }

  getId(): number {
    return this.id;
  }

  getKey(): string {
    return this.key;
  }

  setKey(key: unknown): FakeDeveloperMetadata {
    const text = stringArg(key, method('setKey'), [key]);
    if (text === '') throw signatureError(method('setKey'), [key]);
    this.spreadsheet.checkMetadataRoom(this.location, text.length - this.key.length);
    this.key = text;
    return this;
  }

  getValue(): string | null {
    return this.value;
  }

  setValue(value: unknown): FakeDeveloperMetadata {
    const text = stringArg(value, method('setValue'), [value]);
    this.spreadsheet.checkMetadataRoom(this.location, text.length - (this.value?.length ?? 0));
    this.value = text;
    return this;
  }

  remove(): void {
    this.spreadsheet.removeMetadata(this);
  }

  getVisibility(): EnumMember {
    return this.visibility;
  }

  setVisibility(visibility: unknown): FakeDeveloperMetadata {
    this.visibility = visibilityOf(memberName(DeveloperMetadataVisibility, visibility, 'metadata visibility'));
    return this;
  }

  getLocation(): FakeDeveloperMetadataLocation {
    return new FakeDeveloperMetadataLocation(this.spreadsheet, this.location);
  }

  moveToRow(range: unknown): FakeDeveloperMetadata {
    return this.moveToLine(range, 'ROW', 'moveToRow');
  }

  moveToColumn(range: unknown): FakeDeveloperMetadata {
    return this.moveToLine(range, 'COLUMN', 'moveToColumn');
  }

  /** Refuses anything but one entire row (column), as `addDeveloperMetadata` does. */
  private moveToLine(range: unknown, type: 'ROW' | 'COLUMN', name: string): FakeDeveloperMetadata {
    if (!(range instanceof FakeRange)) throw signatureError(method(name), [range]);
    const location = lineOf(range.sheet, range.rect);
    if (!location || location.type !== type) throw new Error(ARBITRARY_RANGE);
    return this.moveTo(location);
  }

  moveToSheet(sheet: unknown): FakeDeveloperMetadata {
    if (!(sheet instanceof FakeSheet) || sheet.spreadsheet !== this.spreadsheet) throw signatureError(method('moveToSheet'), [sheet]);
    return this.moveTo({ type: 'SHEET', sheet });
  }

  moveToSpreadsheet(): FakeDeveloperMetadata {
    return this.moveTo({ type: 'SPREADSHEET' });
  }

  private moveTo(location: MetadataLocation): FakeDeveloperMetadata {
    if (sheetOf(location) !== sheetOf(this.location)) this.spreadsheet.checkMetadataRoom(location, this.chars);
    this.location = location;
    return this;
  }

  /** `ROW 5`, `COLUMN 3`, `SHEET` or `SPREADSHEET` (test-side views). */
  describeLocation(): string {
    const { location } = this;
    return location.type === 'ROW' || location.type === 'COLUMN' ? `${location.type} ${location.index}` : location.type;
  }
}

export class FakeDeveloperMetadataLocation implements Implements<(typeof LOCATION_METHODS)[number]> {
  get [API]() {
    return LOCATION_API;
  }

  /** A snapshot: like Apps Script's, it does not follow later moves. */
  constructor(private readonly spreadsheet: FakeSpreadsheet, private readonly location: MetadataLocation) {
    this.location = { ...location };
  }

  getLocationType(): EnumMember {
    return DeveloperMetadataLocationType[this.location.type];
  }

  getRow(): FakeRange | null {
    return this.location.type === 'ROW' ? new FakeRange(this.location.sheet, lineRect(this.location)!) : null;
  }

  getColumn(): FakeRange | null {
    return this.location.type === 'COLUMN' ? new FakeRange(this.location.sheet, lineRect(this.location)!) : null;
  }

  getSheet(): FakeSheet | null {
    return this.location.type === 'SHEET' ? this.location.sheet : null;
  }

  getSpreadsheet(): FakeSpreadsheet | null {
    return this.location.type === 'SPREADSHEET' ? this.spreadsheet : null;
  }
}

/** Where a finder looks: the whole spreadsheet, one sheet (with its rows and columns), or one range of a sheet. */
export type FinderScope = { sheet: FakeSheet; rect: Rect | null } | null;

const inside = (a: Rect, b: Rect) =>
  a.row >= b.row && a.column >= b.column && a.row + a.numRows <= b.row + b.numRows && a.column + a.numColumns <= b.column + b.numColumns;
const overlaps = (a: Rect, b: Rect) =>
  a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.column < b.column + b.numColumns && b.column < a.column + a.numColumns;

export class FakeDeveloperMetadataFinder implements Implements<(typeof FINDER_METHODS)[number]> {
  private readonly tests: ((m: FakeDeveloperMetadata) => boolean)[] = [];
  private intersecting = false;

  get [API]() {
    return FINDER_API;
  }

  constructor(private readonly spreadsheet: FakeSpreadsheet, private readonly scope: FinderScope) {}

  /**
   * What the scope holds. A range holds only row/column metadata wholly inside it (row 3 is not inside
   * A1:D5 but is inside 1:5), or touching it after `onIntersectingLocations()`, as Apps Script documents.
   */
  private inScope(m: FakeDeveloperMetadata): boolean {
    if (!this.scope) return true;
    if (sheetOf(m.location) !== this.scope.sheet) return false;
    if (!this.scope.rect) return true;
    const rect = lineRect(m.location);
    if (!rect) return false;
    return this.intersecting ? overlaps(rect, this.scope.rect) : inside(rect, this.scope.rect);
  }

  find(): FakeDeveloperMetadata[] {
    return this.spreadsheet.metadata.filter((m) => this.inScope(m) && this.tests.every((test) => test(m)));
  }

  onIntersectingLocations(): FakeDeveloperMetadataFinder {
    this.intersecting = true;
    return this;
  }

  withId(id: unknown): FakeDeveloperMetadataFinder {
    if (typeof id !== 'number') throw signatureError('SpreadsheetApp.DeveloperMetadataFinder.withId', [id]);
    return this.with((m) => m.id === id);
  }

  withKey(key: unknown): FakeDeveloperMetadataFinder {
    const text = stringArg(key, 'SpreadsheetApp.DeveloperMetadataFinder.withKey', [key]);
    return this.with((m) => m.key === text);
  }

  withValue(value: unknown): FakeDeveloperMetadataFinder {
    const text = stringArg(value, 'SpreadsheetApp.DeveloperMetadataFinder.withValue', [value]);
    return this.with((m) => m.value === text);
  }

  withLocationType(type: unknown): FakeDeveloperMetadataFinder {
    const name = memberName(DeveloperMetadataLocationType, type, 'metadata location type');
    return this.with((m) => m.location.type === name);
  }

  withVisibility(visibility: unknown): FakeDeveloperMetadataFinder {
    const name = memberName(DeveloperMetadataVisibility, visibility, 'metadata visibility');
    return this.with((m) => String(m.visibility) === name);
  }

  private with(test: (m: FakeDeveloperMetadata) => boolean): FakeDeveloperMetadataFinder {
    this.tests.push(test);
    return this;
  }
}
