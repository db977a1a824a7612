/**
 * Test-side access to the fake spreadsheet: set up tabs, type like a user, and read back what the add-on
 * did (values as a viewer sees them, formats, metadata, protections, charts, UI). Nothing here is counted.
 */
import type { FontWeight, HorizontalAlignment } from './cell-attributes';
import type { SheetsValue } from './cells';
import type { ChartPosition } from './chart';
import type { DataValidationView } from './data-validation';
import type { DocumentLockState } from './lock';
import type { LogBook, LogEntry } from './logging';
import type { PropertyStore } from './properties';
import type { ProtectionKind } from './protection';
import type { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';
import type { UiState } from './ui';

export type CellInput = string | number | boolean | Date | null | undefined;

export interface FormatsView {
  /** As set (`""` where never set, which Sheets shows automatically). */
  numberFormats: string[][];
  fontWeights: FontWeight[][];
  backgrounds: (string | null)[][];
  notes: string[][];
  wraps: boolean[][];
  alignments: (HorizontalAlignment | null)[][];
  /** Column (1-based) → width in pixels, or `auto` after `autoResizeColumns`. */
  columnWidths: Record<number, number | 'auto'>;
}

export interface ProtectionView {
  type: ProtectionKind;
  /** A1 of a range protection; null for a sheet protection. */
  range: string | null;
  description: string;
  warningOnly: boolean;
  unprotected: string[];
  editors: string[];
  domainEdit: boolean;
}

export interface ChartView {
  id: number | null;
  type: string;
  /** A1 ranges (`'Other sheet'!A1:B2` when on another sheet). */
  ranges: string[];
  position: ChartPosition;
  options: Record<string, unknown>;
}

export interface LockStateView {
  /** Another execution holds the document lock: `tryLock` returns false, `waitLock` times out. */
  busy: boolean;
  /** The script holds the document lock now (it should not, once a server call returned). */
  readonly held: boolean;
}

export class FakeBook {
  constructor(
    private readonly spreadsheet: FakeSpreadsheet,
    /** The document and user property stores (`set` seeds without quota checks). */
    readonly properties: { readonly document: PropertyStore; readonly user: PropertyStore },
    private readonly lockState: DocumentLockState,
    private readonly logBook: LogBook,
  ) {}

  private sheet(name: string): FakeSheet {
    const sheet = this.spreadsheet.sheetNamed(name);
    if (!sheet) throw new Error(`FakeGas: no sheet named "${name}" (there are: ${this.sheetNames().join(', ')})`);
    return sheet;
  }

  /** Adds a tab at the end holding `rows` (read as typed input; short rows are padded) and makes it active, as a user pasting data would. */
  addSheet(name: string, rows: readonly (readonly CellInput[])[] = []): void {
    const sheet = this.spreadsheet.addSheet(name, this.spreadsheet.sheets.length);
    const width = Math.max(0, ...rows.map((r) => r.length));
    if (rows.length && width) {
      const grid = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
      sheet.ensureSize({ row: 1, column: 1, numRows: grid.length, numColumns: width });
      sheet.cells.write(1, 1, grid, 'book.addSheet');
    }
    this.spreadsheet.activeSheet = sheet;
  }

  sheetNames(): string[] {
    return this.spreadsheet.sheets.map((s) => s.name);
  }

  activeSheetName(): string {
    return this.spreadsheet.activeSheet.name;
  }

  activate(name: string): void {
    this.spreadsheet.activeSheet = this.sheet(name);
  }

  private dataRect(name: string, atLeast = { rows: 0, columns: 0 }) {
    const { rows, columns } = this.sheet(name).cells.extent();
    return { row: 1, column: 1, numRows: Math.max(rows, atLeast.rows), numColumns: Math.max(columns, atLeast.columns) };
  }

  /** Evaluated values over the used area (`[]` for an empty tab): what `getDataRange().getValues()` returns. */
  values(name: string): SheetsValue[][] {
    const rect = this.dataRect(name);
    return rect.numRows && rect.numColumns ? this.sheet(name).cells.values(rect) : [];
  }

  /** What a viewer sees, cell by cell, over the used area. */
  displayValues(name: string): string[][] {
    const rect = this.dataRect(name);
    return rect.numRows && rect.numColumns ? this.sheet(name).cells.displayValues(rect) : [];
  }

  formulas(name: string): string[][] {
    const rect = this.dataRect(name);
    return rect.numRows && rect.numColumns ? this.sheet(name).cells.formulas(rect) : [];
  }

  /** Formats over the used or formatted area, whichever is larger. */
  formats(name: string): FormatsView {
    const sheet = this.sheet(name);
    const rect = this.dataRect(name, sheet.styles.extent());
    const { styles } = sheet;
    return {
      numberFormats: styles.numberFormat.grid(rect, ''),
      fontWeights: styles.fontWeight.grid(rect, 'normal'),
      backgrounds: styles.background.grid(rect, null),
      notes: styles.note.grid(rect, ''),
      wraps: styles.wrap.grid(rect, false),
      alignments: styles.alignment.grid(rect, null),
      columnWidths: Object.fromEntries(sheet.columnWidths),
    };
  }

  /** A user typing `text` into one cell (1-based): read like typed input, formulas recomputed. */
  typeCell(name: string, row: number, column: number, text: string): void {
    const sheet = this.sheet(name);
    sheet.ensureSize({ row, column, numRows: 1, numColumns: 1 });
    sheet.cells.write(row, column, [[text]], 'book.typeCell');
  }

  metadata(name: string): { key: string; value: string | null; visibility: string }[] {
    return this.sheet(name).metadata.map((m) => ({ key: m.key, value: m.value, visibility: String(m.visibility) }));
  }

  protections(name: string): ProtectionView[] {
    return this.sheet(name).protections.map((p) => p.describe());
  }

  charts(name: string): ChartView[] {
    return this.sheet(name).charts.map((c) => c.describe());
  }

  /** Data validation rules of a tab by the A1-ish `row,column` (1-based) of their cell. */
  dataValidations(name: string): Record<string, DataValidationView> {
    return Object.fromEntries(this.sheet(name).dataValidations);
  }

  frozen(name: string): { rows: number; columns: number } {
    const sheet = this.sheet(name);
    return { rows: sheet.frozenRows, columns: sheet.frozenColumns };
  }

  /** Menus added, sidebars and dialogs shown, alerts (push button names to `alertAnswers` to answer them), toasts. */
  get ui(): UiState {
    return this.spreadsheet.ui;
  }

  /** The document lock: `busy = true` makes another execution hold it; `held` says whether the script holds it. */
  get lock(): LockStateView {
    const state = this.lockState;
    return {
      get busy() { return state.busyElsewhere; },
      set busy(value: boolean) { state.busyElsewhere = value; },
      get held() { return state.holder !== null; },
    };
  }

  /** What the script wrote with `Logger.log` and `console.*`. */
  get logs(): readonly LogEntry[] {
    return this.logBook.entries;
  }

  /** How many times the formula engine recomputed (one per batched write). */
  get recalculations(): number {
    return this.spreadsheet.recalculations;
  }
}
