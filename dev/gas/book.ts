/**
 * Test-side access to the fake spreadsheet: set up tabs, type like a user, and read back what the add-on
 * did (values as a viewer sees them, formats, metadata, protections, charts, UI). Nothing here is counted.
 */
import type { FontWeight, HorizontalAlignment } from './cell-attributes';
import type { SheetsValue } from './cells';
import type { ChartPosition } from './chart';
import { parseA1 } from './a1';
import type { Axis, LineChange } from './lines';
import { applySortOrder, sortOrder } from './sort';
import { applyLineChange, lineChange, moveLines } from './structure';
import { FakeRange } from './range';
import { accepts } from './validation';
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

export interface ValidationView {
  criteria: string;
  /** As `getCriteriaValues()`, ranges as A1 text. */
  values: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

/** What became of a user's typing (`typeAsUser`). */
export interface TypingResult {
  /** False when the cell's rule rejects the input (`allowInvalid` off): the cell keeps what it had. */
  accepted: boolean;
  /** True when the input breaks the cell's rule (rejected, or kept with Sheets' warning triangle). */
  invalid: boolean;
  /** What Sheets shows on a rejection: the rule's help text, or its generic message. */
  message: string | null;
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
      sheet.growTo({ row: 1, column: 1, numRows: grid.length, numColumns: width });
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
    sheet.growTo({ row, column, numRows: 1, numColumns: 1 });
    sheet.cells.write(row, column, [[text]], 'book.typeCell');
  }

  /**
   * A user typing into a cell that may carry data validation: Sheets refuses input that breaks a rule whose
   * `allowInvalid` is off (the cell keeps its content, as after the UI's rejection dialog) and keeps it with a
   * warning otherwise. Scripts' `setValue(s)` are never checked; only this path is.
   */
  typeAsUser(name: string, row: number, column: number, text: string): TypingResult {
    const sheet = this.sheet(name);
    const rule = sheet.styles.validation.get(row, column);
    const format = sheet.styles.numberFormat.get(row, column);
    this.typeCell(name, row, column, text);
    if (!rule) return { accepted: true, invalid: false, message: null };
    if (accepts(rule, sheet.cells.values({ row, column, numRows: 1, numColumns: 1 })[0]![0]!)) return { accepted: true, invalid: false, message: null };
    if (rule.spec.allowInvalid) return { accepted: true, invalid: true, message: null };
    this.spreadsheet.engine.undo();
    sheet.styles.numberFormat.set(row, column, format);
    return { accepted: false, invalid: true, message: rule.getHelpText() || 'There was a problem: the data you entered violates the data validation rules set on this cell.' };
  }

  /**
   * A user's edit between the script's read and its write: `edit` runs once, right after the script's
   * `reads`-th `Range.getValues()` from now has taken its values (so the script holds the old ones), e.g.
   * `book.afterReads(1, () => book.typeCell('考核 2026-11', 9, 5, '7'))`. Other reads (getFormulas …) do not count.
   */
  afterReads(reads: number, edit: () => void): void {
    this.spreadsheet.afterReads(reads, edit);
  }

  /** Scheduled `afterReads` edits that have not run yet. */
  get pendingEdits(): number {
    return this.spreadsheet.pendingReadHooks;
  }

  // A user's structural edits (not counted as script calls): Sheets' semantics, see structure.ts and sort.ts.

  insertRows(name: string, before: number, count = 1): void {
    this.changeLines(name, 'ROWS', 'insert', before, count);
  }

  deleteRows(name: string, at: number, count = 1): void {
    this.changeLines(name, 'ROWS', 'delete', at, count);
  }

  insertColumns(name: string, before: number, count = 1): void {
    this.changeLines(name, 'COLUMNS', 'insert', before, count);
  }

  deleteColumns(name: string, at: number, count = 1): void {
    this.changeLines(name, 'COLUMNS', 'delete', at, count);
  }

  /** Drags rows (columns) `start … start + count - 1` before line `destination`, as `moveRows` / `moveColumns` do. */
  moveRows(name: string, start: number, count: number, destination: number): void {
    const sheet = this.sheet(name);
    moveLines(sheet, 'ROWS', new FakeRange(sheet, { row: start, column: 1, numRows: count, numColumns: 1 }), destination, 'moveRows');
  }

  moveColumns(name: string, start: number, count: number, destination: number): void {
    const sheet = this.sheet(name);
    moveLines(sheet, 'COLUMNS', new FakeRange(sheet, { row: 1, column: start, numRows: 1, numColumns: count }), destination, 'moveColumns');
  }

  private changeLines(name: string, axis: Axis, kind: LineChange['kind'], at: number, count: number): void {
    const sheet = this.sheet(name);
    applyLineChange(sheet, lineChange(sheet, axis, kind, `book.${kind}${axis}`, [at, count]));
  }

  /** Sorts the rows of an A1 range (`'A6:K20'`) as Data › Sort range does; `spec` as `Range.sort` takes it. */
  sortRange(name: string, a1: string, spec: number | { column: number; ascending?: boolean } | (number | { column: number; ascending?: boolean })[]): void {
    const sheet = this.sheet(name);
    const parsed = parseA1(a1);
    if (!parsed || parsed.firstRow === null || parsed.firstColumn === null || parsed.lastRow === null || parsed.lastColumn === null) {
      throw new Error(`FakeGas: sortRange needs a closed A1 range such as A6:K20, not ${a1}`);
    }
    const range = new FakeRange(sheet, {
      row: parsed.firstRow, column: parsed.firstColumn, numRows: parsed.lastRow - parsed.firstRow + 1, numColumns: parsed.lastColumn - parsed.firstColumn + 1,
    });
    applySortOrder(range, sortOrder(range, spec));
  }

  /** The sheet's own metadata (what `Sheet.getDeveloperMetadata()` returns). */
  metadata(name: string): { key: string; value: string | null; visibility: string }[] {
    return this.sheet(name).metadata.map((m) => ({ key: m.key, value: m.value, visibility: String(m.visibility) }));
  }

  /** Every metadata of the sheet and of its rows and columns, with where it is now (`SHEET`, `ROW 5`, `COLUMN 3`). */
  allMetadata(name: string): { key: string; value: string | null; location: string }[] {
    const sheet = this.sheet(name);
    return this.spreadsheet.metadata
      .filter((m) => m.location.type !== 'SPREADSHEET' && m.location.sheet === sheet)
      .map((m) => ({ key: m.key, value: m.value, location: m.describeLocation() }));
  }

  /** The data validation rule of one cell (1-based), or null. */
  validation(name: string, row: number, column: number): ValidationView | null {
    const rule = this.sheet(name).styles.validation.get(row, column);
    if (!rule) return null;
    return {
      criteria: rule.spec.criteria,
      values: rule.getCriteriaValues().map((v) => (v instanceof FakeRange ? v.getA1Notation() : v)),
      allowInvalid: rule.spec.allowInvalid,
      helpText: rule.getHelpText(),
    };
  }

  protections(name: string): ProtectionView[] {
    return this.sheet(name).protections.map((p) => p.describe());
  }

  charts(name: string): ChartView[] {
    return this.sheet(name).charts.map((c) => c.describe());
  }

  frozen(name: string): { rows: number; columns: number } {
    const sheet = this.sheet(name);
    return { rows: sheet.frozenRows, columns: sheet.frozenColumns };
  }

  /** Rows hidden (1-based, ascending), as the row headers of Sheets show them. */
  hiddenRows(name: string): number[] {
    return this.sheet(name).hiddenRows.list();
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
