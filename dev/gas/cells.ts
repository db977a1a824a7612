/**
 * The contents of one sheet, held in the shared HyperFormula engine: writing values the way Sheets reads
 * typed input, and reading back what a viewer sees (evaluated values, display strings, formulas).
 */
import { CellValueDetailedType, DetailedCellError, type HyperFormula, type RawCellContent } from 'hyperformula';
import type { Rect } from './a1';
import { filledGrid } from './args';
import { cellKey, remapKeys, type SheetStyles } from './cell-attributes';
import { mapCell, movedLine, permutedCell, type Axis, type LineChange } from './lines';
import { displayValue, isAutomaticFormat, isDateFormat } from './number-format';
import { isDate } from './realm';
import { shiftFormulaRows } from './shift-formula';
import { millisToSerial, serialToMillis } from './serial-date';

/** Sheets refuses longer cell text with this message. */
export const MAX_CELL_CHARS = 50_000;
const TOO_LONG = `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`;

/** The number formats Sheets gives cells whose input it read as a date, a date-time or a time of day. */
export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd h:mm:ss';
export const TIME_FORMAT = 'h:mm:ss';

/** `1,234` and `-1,234.50`: Sheets reads grouped thousands as numbers (HyperFormula cannot, as `,` separates arguments). */
const GROUPED = /^\s*[+-]?\d{1,3}(,\d{3})+(\.\d+)?\s*$/;
/** Text HyperFormula may read as a date, a time or a percentage: such cells get the matching format. */
const MAYBE_DATE_OR_PERCENT = /[-/:%]/;

/** Errors HyperFormula names differently from Sheets. */
const SHEETS_ERROR: Readonly<Record<string, string>> = { '#CYCLE!': '#REF!', '#SPILL!': '#REF!', '#LIC!': '#ERROR!' };

export type SheetsValue = string | number | boolean | Date;

function impliedFormat(type: CellValueDetailedType, value: unknown): string | undefined {
  switch (type) {
    case CellValueDetailedType.NUMBER_DATE: return DATE_FORMAT;
    case CellValueDetailedType.NUMBER_DATETIME: return DATE_TIME_FORMAT;
    case CellValueDetailedType.NUMBER_TIME: return TIME_FORMAT;
    case CellValueDetailedType.NUMBER_PERCENT: {
      // A whole percentage (12%) shows as 0%, others (12.5%) with two decimals; rounding drops float noise.
      const percent = typeof value === 'number' ? Math.round(value * 1e8) / 1e6 : NaN;
      return Number.isInteger(percent) ? '0%' : '0.00%';
    }
    default: return undefined;
  }
}

export class SheetCells {
  /** Cells holding formulas: only their results can carry an engine-inferred date or percent type. */
  private readonly formulaKeys = new Set<number>();
  /** Rows × columns from A1 holding every non-empty cell; an upper bound until `boundIsExact`. */
  private bound = { rows: 0, columns: 0 };
  private boundIsExact = true;

  constructor(
    private readonly engine: HyperFormula,
    readonly engineSheet: number,
    private readonly styles: SheetStyles,
    private readonly timeZone: string,
  ) {}

  /**
   * Writes a rectangular grid (already checked to be rectangular) from (row, column) as one engine batch,
   * reading each value as Sheets reads `setValues` input. `what` names the caller in error messages.
   */
  write(row: number, column: number, grid: ArrayLike<ArrayLike<unknown>>, what: string): void {
    const numRows = grid.length;
    const numColumns = numRows ? grid[0]!.length : 0;
    const content: RawCellContent[][] = new Array(numRows);
    // [row, column, format | null] of cells whose number format follows from their input (null: ask the engine).
    const inferred: (number | string | null)[] = [];
    let anyContent = false;
    let anyBlank = false;
    for (let r = 0; r < numRows; r++) {
      const source = grid[r]!;
      const out: RawCellContent[] = new Array(numColumns);
      for (let c = 0; c < numColumns; c++) {
        const value = source[c];
        const cellRow = row + r;
        const cellColumn = column + c;
        let cell: RawCellContent;
        if (typeof value === 'number') {
          if (!Number.isFinite(value)) throw new Error(`FakeGas: ${what}: ${value} at row ${cellRow}, column ${cellColumn} is not a number Sheets can store`);
          cell = value;
        } else if (typeof value === 'string') {
          cell = this.textInput(value, cellRow, cellColumn, inferred);
        } else if (value === null || value === undefined || typeof value === 'boolean') {
          cell = value ?? null;
        } else if (isDate(value)) {
          const ms = value.getTime();
          if (Number.isNaN(ms)) throw new Error(`FakeGas: ${what}: invalid Date at row ${cellRow}, column ${cellColumn}`);
          cell = millisToSerial(ms, this.timeZone);
          inferred.push(cellRow, cellColumn, DATE_TIME_FORMAT);
        } else {
          throw new Error(`FakeGas: ${what}: row ${cellRow}, column ${cellColumn} holds ${Object.prototype.toString.call(value)}; pass a string, number, boolean, Date or null`);
        }
        if (cell === null) anyBlank = true;
        else anyContent = true;
        if (typeof cell === 'string' && cell.startsWith('=')) this.formulaKeys.add(cellKey(cellRow, cellColumn));
        else if (this.formulaKeys.size > 0) this.formulaKeys.delete(cellKey(cellRow, cellColumn));
        out[c] = cell;
      }
      content[r] = out;
    }
    this.engine.setCellContents({ sheet: this.engineSheet, row: row - 1, col: column - 1 }, content);
    this.applyInferredFormats(inferred);
    if (anyContent) {
      this.bound = { rows: Math.max(this.bound.rows, row + numRows - 1), columns: Math.max(this.bound.columns, column + numColumns - 1) };
    }
    if (anyBlank) this.boundIsExact = false;
  }

  private textInput(text: string, row: number, column: number, inferred: (number | string | null)[]): RawCellContent {
    if (text === '') return null;
    if (text.length > MAX_CELL_CHARS) throw new Error(TOO_LONG);
    const formats = this.styles.numberFormat;
    // A cell formatted as plain text (`@`) keeps what is typed, formulas and numbers included.
    if (formats.size > 0 && formats.get(row, column) === '@') return text.startsWith("'") ? text : `'${text}`;
    if (text.includes(',') && GROUPED.test(text)) {
      const number = Number(text.replace(/[,\s]/g, ''));
      inferred.push(row, column, Number.isInteger(number) ? '#,##0' : '#,##0.00');
      return number;
    }
    // HyperFormula itself drops a leading apostrophe and keeps the rest as text, as Sheets does.
    if (text[0] !== '=' && text[0] !== "'" && MAYBE_DATE_OR_PERCENT.test(text)) inferred.push(row, column, null);
    return text;
  }

  private applyInferredFormats(inferred: (number | string | null)[]): void {
    const formats = this.styles.numberFormat;
    for (let i = 0; i < inferred.length; i += 3) {
      const row = inferred[i] as number;
      const column = inferred[i + 1] as number;
      const given = inferred[i + 2] as string | null;
      const current = formats.get(row, column);
      if (given === DATE_TIME_FORMAT) {
        // A Date keeps an existing date format and replaces any other, so it reads back as a Date.
        if (!isDateFormat(current)) formats.set(row, column, given);
      } else if (isAutomaticFormat(current)) {
        const format = given ?? this.engineFormat(row, column);
        if (format !== undefined) formats.set(row, column, format);
      }
    }
  }

  /** The format the engine infers for a cell (a date, a time, a percentage), if any. */
  private engineFormat(row: number, column: number): string | undefined {
    const address = { sheet: this.engineSheet, row: row - 1, col: column - 1 };
    return impliedFormat(this.engine.getCellValueDetailedType(address), this.engine.getCellValue(address));
  }

  /** The number format in force for a numeric cell: the one set, or for a formula the one its result implies. */
  private numberFormatOf(row: number, column: number): string | undefined {
    const formats = this.styles.numberFormat;
    const set = formats.size > 0 ? formats.get(row, column) : undefined;
    if (!isAutomaticFormat(set) || this.formulaKeys.size === 0 || !this.formulaKeys.has(cellKey(row, column))) return set;
    return this.engineFormat(row, column);
  }

  private engineRange(rect: Rect) {
    const { engineSheet: sheet } = this;
    return {
      start: { sheet, row: rect.row - 1, col: rect.column - 1 },
      end: { sheet, row: rect.row + rect.numRows - 2, col: rect.column + rect.numColumns - 2 },
    };
  }

  /** What `getValues()` returns: numbers, strings, booleans, Dates (date-formatted cells), `""` for blanks, error texts. */
  values(rect: Rect): SheetsValue[][] {
    // The engine returns fresh arrays, so they are rewritten in place.
    const grid = this.engine.getRangeValues(this.engineRange(rect)) as unknown[][];
    for (let r = 0; r < grid.length; r++) {
      const row = grid[r]!;
      for (let c = 0; c < row.length; c++) {
        const value = row[c];
        if (typeof value === 'number') {
          if (isDateFormat(this.numberFormatOf(rect.row + r, rect.column + c))) row[c] = new Date(serialToMillis(value, this.timeZone));
        } else if (value === null) row[c] = '';
        else if (value instanceof DetailedCellError) row[c] = SHEETS_ERROR[value.value] ?? value.value;
      }
    }
    return grid as SheetsValue[][];
  }

  /** What `getDisplayValues()` returns: every cell as the text a viewer sees. */
  displayValues(rect: Rect): string[][] {
    const grid = this.engine.getRangeValues(this.engineRange(rect));
    return grid.map((row, r) =>
      row.map((value, c) => {
        if (value instanceof DetailedCellError) return SHEETS_ERROR[value.value] ?? value.value;
        const format = typeof value === 'number' ? this.numberFormatOf(rect.row + r, rect.column + c) : this.styles.numberFormat.get(rect.row + r, rect.column + c);
        return displayValue(value, format);
      }),
    );
  }

  /** What `getFormulas()` returns: the formula text, `""` for cells without one. */
  formulas(rect: Rect): string[][] {
    if (this.formulaKeys.size === 0) return filledGrid(rect, '');
    return this.engine.getRangeFormulas(this.engineRange(rect)).map((row) => row.map((formula) => formula ?? ''));
  }

  /** Empties a rectangle (formats stay). */
  clear(rect: Rect): void {
    this.write(rect.row, rect.column, filledGrid(rect, null), 'clear');
  }

  /**
   * Inserts or deletes rows or columns in the engine, which re-points every formula of the book the way
   * Sheets does (references into deleted cells become #REF!, ranges widen and narrow).
   */
  changeLines(change: LineChange): void {
    const { engineSheet: sheet } = this;
    const span: [number, number] = [change.at - 1, change.count];
    if (change.kind === 'insert') {
      if (change.axis === 'ROWS') this.engine.addRows(sheet, span);
      else this.engine.addColumns(sheet, span);
    } else if (change.axis === 'ROWS') this.engine.removeRows(sheet, span);
    else this.engine.removeColumns(sheet, span);
    this.remap((row, column) => mapCell(change, row, column));
  }

  /**
   * Puts the rectangle's rows into `order` (`order[t]` = the 0-based row that goes to row t) the way a sort
   * does: a moved formula behaves like a copied one, its relative row references shifted by t - s
   * (shift-formula.ts), in one engine write so dependent formulas are recomputed once.
   */
  permuteRows(rect: Rect, order: number[]): void {
    const raw = this.engine.getRangeSerialized(this.engineRange(rect));
    const moved = order.map((source, target) =>
      raw[source]!.map((cell) => (typeof cell === 'string' && cell.startsWith('=') ? shiftFormulaRows(cell, target - source) : cell)));
    this.engine.setCellContents({ sheet: this.engineSheet, row: rect.row - 1, col: rect.column - 1 }, moved as RawCellContent[][]);
    this.remap(permutedCell(rect, order));
  }

  /** Moves whole rows or columns before `destination` (1-based, numbered before the move): references follow the cells. */
  moveLines(axis: Axis, start: number, count: number, destination: number): void {
    if (axis === 'ROWS') this.engine.moveRows(this.engineSheet, start - 1, count, destination - 1);
    else this.engine.moveColumns(this.engineSheet, start - 1, count, destination - 1);
    const move = (i: number) => movedLine(start, count, destination, i);
    this.remap((row, column) => (axis === 'ROWS' ? [move(row), column] : [row, move(column)]));
  }

  /** Follows cells moved in the engine: the formula index and the used-area bound. */
  remap(to: (row: number, column: number) => [number, number] | null): void {
    const keys = remapKeys([...this.formulaKeys].map((key) => [key, null] as [number, null]), to);
    this.formulaKeys.clear();
    for (const [key] of keys) this.formulaKeys.add(key);
    const corner = this.bound.rows && this.bound.columns ? to(this.bound.rows, this.bound.columns) : null;
    // Deletes can only shrink the used area and inserts only move it, so the moved corner stays an upper bound.
    this.bound = corner ? { rows: Math.max(corner[0], this.bound.rows), columns: Math.max(corner[1], this.bound.columns) } : this.bound;
    this.boundIsExact = false;
  }

  /** Empties the whole sheet (formats stay). */
  clearAll(): void {
    this.engine.clearSheet(this.engineSheet);
    this.formulaKeys.clear();
    this.bound = { rows: 0, columns: 0 };
    this.boundIsExact = true;
  }

  /** Rows × columns from A1 holding every cell with a value or formula (what `getLastRow/Column` report). */
  extent(): { rows: number; columns: number } {
    if (!this.boundIsExact) {
      let { rows, columns } = this.bound;
      const empty = (row: number, column: number) => this.engine.isCellEmpty({ sheet: this.engineSheet, row: row - 1, col: column - 1 });
      const rowEmpty = (row: number) => { for (let c = 1; c <= columns; c++) if (!empty(row, c)) return false; return true; };
      const columnEmpty = (column: number) => { for (let r = 1; r <= rows; r++) if (!empty(r, column)) return false; return true; };
      while (rows > 0 && rowEmpty(rows)) rows--;
      while (columns > 0 && columnEmpty(columns)) columns--;
      this.bound = rows && columns ? { rows, columns } : { rows: 0, columns: 0 };
      this.boundIsExact = true;
    }
    return this.bound;
  }
}
