/** `SpreadsheetApp` and the one `Spreadsheet` it is bound to, with its tabs in one HyperFormula engine. */
import type { FunctionPluginDefinition, HyperFormula } from 'hyperformula';
import { integerArg, signatureError, stringArg } from './args';
import { createEngine } from './engine';
import { DataValidationCriteria, DeveloperMetadataLocationType, DeveloperMetadataVisibility, ProtectionType } from './enums';
import { API, defineApi, type Implements } from './expose';
import {
  FakeDeveloperMetadata, FakeDeveloperMetadataFinder, METADATA_CHARS_PER_SHEET, metadataArgs, sheetOf,
  type MetadataArgs, type MetadataLocation,
} from './metadata';
import { NEW_SHEET_COLUMNS, NEW_SHEET_ROWS, FakeSheet } from './sheet';
import { FakeDataValidationBuilder } from './validation';
import { emptyUiState, FakeUi, type UiState } from './ui';

const SPREADSHEET_METHODS = [
  'getSheetByName', 'getSheets', 'insertSheet', 'deleteSheet', 'getActiveSheet', 'setActiveSheet',
  'getSpreadsheetTimeZone', 'getSpreadsheetLocale', 'getName', 'getId', 'getUrl', 'toast', 'addDeveloperMetadata',
  'getDeveloperMetadata', 'createDeveloperMetadataFinder',
] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.Spreadsheet)[];
const APP_METHODS = ['getActive', 'getActiveSpreadsheet', 'flush', 'getUi', 'newDataValidation'] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.SpreadsheetApp)[];

const SPREADSHEET_API = defineApi('Spreadsheet', 'spreadsheet', SPREADSHEET_METHODS);
const APP_API = defineApi('SpreadsheetApp', 'spreadsheet', APP_METHODS, {
  ProtectionType, DeveloperMetadataVisibility, DeveloperMetadataLocationType, DataValidationCriteria,
});

/** Sheets' limit on the cells of a whole spreadsheet. */
export const MAX_CELLS = 10_000_000;
/** Sheets' limit on a tab name's length. */
const MAX_SHEET_NAME = 100;

export interface SpreadsheetSettings {
  timeZone: string;
  locale: string;
  name: string;
  id: string;
  /** Extra HyperFormula function plugins (the add-on's custom functions). */
  functionPlugins?: readonly FunctionPluginDefinition[];
}

const method = (name: string) => `SpreadsheetApp.Spreadsheet.${name}`;

export class FakeSpreadsheet implements Implements<(typeof SPREADSHEET_METHODS)[number]>,
  Pick<GoogleAppsScript.Spreadsheet.Spreadsheet, 'getSpreadsheetTimeZone' | 'getSpreadsheetLocale' | 'getName' | 'getId' | 'getUrl' | 'deleteSheet' | 'toast'> {
  readonly engine: HyperFormula;
  readonly sheets: FakeSheet[] = [];
  activeSheet: FakeSheet;
  readonly ui: UiState = emptyUiState();
  /** How many times the engine recomputed values: one per batched write. */
  recalculations = 0;
  /** Every developer metadata of the book, wherever it is located. */
  readonly metadata: FakeDeveloperMetadata[] = [];
  private gids = 0;
  private chartIds = 0;
  private metadataIds = 0;
  /** Test-side edits waiting for the script's Nth `Range.getValues` (see `FakeBook.afterReads`). */
  private readonly readHooks: { remaining: number; edit: () => void }[] = [];

  get [API]() {
    return SPREADSHEET_API;
  }

  constructor(private readonly settings: SpreadsheetSettings) {
    this.engine = createEngine(settings.locale, settings.functionPlugins);
    this.engine.on('valuesUpdated', () => this.recalculations++);
    // A new spreadsheet has one empty tab, named in the spreadsheet's language.
    this.activeSheet = this.addSheet(this.defaultSheetName(), 0);
  }

  get timeZone(): string {
    return this.settings.timeZone;
  }

  /** Adds a tab at a 0-based position (test-side and `insertSheet`). */
  addSheet(name: string, index: number): FakeSheet {
    this.checkNewName(name, null);
    this.checkCellLimit(NEW_SHEET_ROWS * NEW_SHEET_COLUMNS);
    const engineName = this.engine.addSheet(name);
    // The first tab's id is 0, later ones large numbers, as in Sheets (here deterministic, for repeatable tests).
    const gid = this.gids === 0 ? 0 : 1_000_000 + this.gids * 7919;
    const sheet = new FakeSheet(this, name, gid, this.engine.getSheetId(engineName)!);
    this.gids++;
    this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  sheetNamed(name: string): FakeSheet | null {
    return this.sheets.find((s) => s.name === name) ?? null;
  }

  renameSheet(sheet: FakeSheet, name: string): void {
    if (name === sheet.name) return;
    this.checkNewName(name, sheet);
    this.engine.renameSheet(sheet.cells.engineSheet, name);
    sheet.name = name;
  }

  /** Sheets' rules for a tab name: not empty, at most 100 characters, unique ignoring case. */
  private checkNewName(name: string, renamed: FakeSheet | null): void {
    if (name.trim() === '') throw new Error('FakeGas: a sheet name cannot be empty');
    if (name.length > MAX_SHEET_NAME) throw new Error(`FakeGas: a sheet name has at most ${MAX_SHEET_NAME} characters`);
    const taken = this.sheets.some((s) => s !== renamed && s.name.toLowerCase() === name.toLowerCase());
    if (taken) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }

  private defaultSheetName(): string {
    const base = /^zh/i.test(this.settings.locale) ? '工作表' : 'Sheet';
    let n = this.sheets.length + 1;
    while (this.sheets.some((s) => s.name.toLowerCase() === `${base}${n}`.toLowerCase())) n++;
    return `${base}${n}`;
  }

  checkCellLimit(extraCells: number): void {
    const cells = this.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
    if (cells + extraCells > MAX_CELLS) {
      throw new Error(`This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`);
    }
  }

  /** Adds metadata at a location, within Sheets' allowance. */
  addMetadata(location: MetadataLocation, { key, value, visibility }: MetadataArgs): FakeDeveloperMetadata {
    this.checkMetadataRoom(location, key.length + (value?.length ?? 0));
    const metadata = new FakeDeveloperMetadata(this, ++this.metadataIds * 131 + 7, key, value, visibility, location);
    this.metadata.push(metadata);
    return metadata;
  }

  /** Throws when `extraChars` more characters at this location would exceed Sheets' allowance for its sheet (or the spreadsheet). */
  checkMetadataRoom(location: MetadataLocation, extraChars: number): void {
    const sheet = sheetOf(location);
    const used = this.metadata.reduce((n, m) => (sheetOf(m.location) === sheet ? n + m.chars : n), 0);
    if (used + extraChars > METADATA_CHARS_PER_SHEET) {
      const where = sheet ? `sheet "${sheet.name}"` : 'the spreadsheet';
      throw new Error(`FakeGas: developer metadata on ${where} would exceed Sheets' ${METADATA_CHARS_PER_SHEET} characters per sheet`);
    }
  }

  removeMetadata(metadata: FakeDeveloperMetadata): void {
    const at = this.metadata.indexOf(metadata);
    if (at >= 0) this.metadata.splice(at, 1);
  }

  addDeveloperMetadata(key: unknown, second?: unknown, third?: unknown): FakeSpreadsheet {
    this.addMetadata({ type: 'SPREADSHEET' }, metadataArgs(method('addDeveloperMetadata'), key, second, third));
    return this;
  }

  /** The spreadsheet's own metadata (not its sheets', rows' or columns'). */
  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    return this.metadata.filter((m) => m.location.type === 'SPREADSHEET');
  }

  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    return new FakeDeveloperMetadataFinder(this, null);
  }

  /** Runs `edit` right after the script's `reads`-th `Range.getValues` from now, once. */
  afterReads(reads: number, edit: () => void): void {
    if (!Number.isInteger(reads) || reads < 1) throw new Error(`FakeGas: afterReads needs a read count of at least 1, not ${reads}`);
    this.readHooks.push({ remaining: reads, edit });
  }

  /** A `Range.getValues` returned its values: count it toward every waiting edit, and run those due. */
  readHappened(): void {
    if (this.readHooks.length === 0) return;
    const due = this.readHooks.filter((hook) => --hook.remaining === 0);
    for (const hook of due) this.readHooks.splice(this.readHooks.indexOf(hook), 1);
    for (const hook of due) hook.edit();
  }

  /** How many scheduled edits have not run yet (a test can assert its edit really happened). */
  get pendingReadHooks(): number {
    return this.readHooks.length;
  }

  nextChartId(): number {
    return ++this.chartIds;
  }

  getSheetByName(name: unknown): FakeSheet | null {
    return this.sheetNamed(stringArg(name, method('getSheetByName'), [name]));
  }

  getSheets(): FakeSheet[] {
    return [...this.sheets];
  }

  /** `insertSheet()`, `(name)`, `(index)` or `(name, index)`; the new tab becomes the active one, as in Sheets. */
  insertSheet(...args: unknown[]): FakeSheet {
    const [first, second] = args;
    const name = typeof first === 'string' ? first : this.defaultSheetName();
    const rawIndex = typeof first === 'number' ? first : second;
    if (args.length > 2 || (first !== undefined && typeof first !== 'string' && typeof first !== 'number')) {
      throw signatureError(method('insertSheet'), args);
    }
    const index = rawIndex === undefined ? this.sheets.length : integerArg(rawIndex, method('insertSheet'), args);
    if (index < 0 || index > this.sheets.length) throw new Error(`FakeGas: sheet index ${index} is outside 0…${this.sheets.length}`);
    const sheet = this.addSheet(name, index);
    this.activeSheet = sheet;
    return sheet;
  }

  deleteSheet(sheet: unknown): void {
    if (!(sheet instanceof FakeSheet) || sheet.spreadsheet !== this) throw signatureError(method('deleteSheet'), [sheet]);
    sheet.assertAlive();
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    const at = this.sheets.indexOf(sheet);
    this.sheets.splice(at, 1);
    this.engine.removeSheet(sheet.cells.engineSheet);
    sheet.deleted = true;
    for (const m of this.metadata.filter((m) => sheetOf(m.location) === sheet)) this.removeMetadata(m);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[Math.max(0, at - 1)]!;
  }

  getActiveSheet(): FakeSheet {
    return this.activeSheet;
  }

  setActiveSheet(sheet: unknown): FakeSheet {
    if (!(sheet instanceof FakeSheet) || sheet.spreadsheet !== this) throw signatureError(method('setActiveSheet'), [sheet]);
    return sheet.activate();
  }

  getSpreadsheetTimeZone(): string {
    return this.settings.timeZone;
  }

  getSpreadsheetLocale(): string {
    return this.settings.locale;
  }

  getName(): string {
    return this.settings.name;
  }

  getId(): string {
    return this.settings.id;
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.settings.id}/edit`;
  }

  toast(message: unknown, title?: unknown, timeoutSeconds?: unknown): void {
    this.ui.toasts.push({ message: String(message), title: title === undefined ? '' : String(title), timeoutSeconds: typeof timeoutSeconds === 'number' ? timeoutSeconds : 5 });
  }
}

export class FakeSpreadsheetApp implements Implements<(typeof APP_METHODS)[number]> {
  get [API]() {
    return APP_API;
  }

  constructor(private readonly spreadsheet: FakeSpreadsheet) {}

  getActive(): FakeSpreadsheet {
    return this.spreadsheet;
  }

  getActiveSpreadsheet(): FakeSpreadsheet {
    return this.spreadsheet;
  }

  /** Writes are applied at once here, so there is nothing to flush (the call still counts). */
  flush(): void {}

  getUi(): FakeUi {
    return new FakeUi(this.spreadsheet.ui);
  }

  newDataValidation(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder();
  }
}
