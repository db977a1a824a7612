/**
 * Per-cell formatting (number formats, weights, backgrounds, notes …) kept sparsely: only cells somebody set
 * are stored, so a 5,000-row data tab with no formats costs nothing.
 */
import type { Rect } from './a1';
import type { FakeDataValidation } from './validation';

/** Larger than Sheets' 18,278 columns, so `row * KEY_STRIDE + column` is unique (and exact below 2^53). */
const KEY_STRIDE = 32_768;

/** The map key of a 1-based cell. */
export function cellKey(row: number, column: number): number {
  return row * KEY_STRIDE + column;
}

export class CellAttribute<T> {
  private readonly cells = new Map<number, T>();

  get size(): number {
    return this.cells.size;
  }

  get(row: number, column: number): T | undefined {
    return this.cells.get(cellKey(row, column));
  }

  getByKey(key: number): T | undefined {
    return this.cells.get(key);
  }

  /** `undefined` removes the attribute (back to the default). */
  set(row: number, column: number, value: T | undefined): void {
    if (value === undefined) this.cells.delete(cellKey(row, column));
    else this.cells.set(cellKey(row, column), value);
  }

  /** A grid of the rectangle's values, `fallback` where unset. */
  grid<D>(rect: Rect, fallback: D): (T | D)[][] {
    const rows: (T | D)[][] = new Array(rect.numRows);
    for (let r = 0; r < rect.numRows; r++) {
      const row: (T | D)[] = new Array(rect.numColumns);
      for (let c = 0; c < rect.numColumns; c++) row[c] = this.cells.get(cellKey(rect.row + r, rect.column + c)) ?? fallback;
      rows[r] = row;
    }
    return rows;
  }

  clear(): void {
    this.cells.clear();
  }

  /** Gives each of the `targets` rows (or columns) what line `from` has: inserted lines take their neighbour's formats. */
  copyLine(rows: boolean, from: number, targets: readonly number[]): void {
    const found: [number, T][] = [];
    for (const [key, value] of this.cells) {
      const row = Math.floor(key / KEY_STRIDE);
      const column = key % KEY_STRIDE;
      if ((rows ? row : column) === from) found.push([rows ? column : row, value]);
    }
    for (const target of targets) {
      for (const [other, value] of found) this.cells.set(rows ? cellKey(target, other) : cellKey(other, target), value);
    }
  }

  /** Moves every set cell where `to` says (null drops it): inserts, deletes and sorts move formats with their cells. */
  remap(to: (row: number, column: number) => [number, number] | null): void {
    const moved = remapKeys(this.cells.entries(), to);
    this.cells.clear();
    for (const [key, value] of moved) this.cells.set(key, value);
  }

  /** The smallest `rows × columns` from A1 that holds every set cell. */
  extent(): { rows: number; columns: number } {
    let rows = 0;
    let columns = 0;
    for (const key of this.cells.keys()) {
      rows = Math.max(rows, Math.floor(key / KEY_STRIDE));
      columns = Math.max(columns, key % KEY_STRIDE);
    }
    return { rows, columns };
  }
}

/** `[key, value]` pairs re-keyed by `to` (dropping those it maps to null). */
export function remapKeys<T>(entries: Iterable<[number, T]>, to: (row: number, column: number) => [number, number] | null): [number, T][] {
  const out: [number, T][] = [];
  for (const [key, value] of entries) {
    const target = to(Math.floor(key / KEY_STRIDE), key % KEY_STRIDE);
    if (target) out.push([cellKey(target[0], target[1]), value]);
  }
  return out;
}

export type FontWeight = 'bold' | 'normal';
export type HorizontalAlignment = 'left' | 'center' | 'right' | 'normal';

/** Everything `clearFormats()` resets, plus notes (which only `clearNotes()` removes). */
export class SheetStyles {
  readonly numberFormat = new CellAttribute<string>();
  readonly fontWeight = new CellAttribute<FontWeight>();
  readonly background = new CellAttribute<string>();
  readonly wrap = new CellAttribute<boolean>();
  readonly alignment = new CellAttribute<HorizontalAlignment>();
  readonly note = new CellAttribute<string>();
  /** Data validation rules: not formats (`clearFormats` keeps them), but they move with their cells. */
  readonly validation = new CellAttribute<FakeDataValidation>();

  /** Every per-cell attribute, for moves. */
  all(): CellAttribute<unknown>[] {
    return [...this.inherited(), this.note];
  }

  /** What an inserted row or column takes from its neighbour: formats and validation, not notes. */
  inherited(): CellAttribute<unknown>[] {
    return [this.numberFormat, this.fontWeight, this.background, this.wrap, this.alignment, this.validation];
  }

  clearFormats(): void {
    this.numberFormat.clear();
    this.fontWeight.clear();
    this.background.clear();
    this.wrap.clear();
    this.alignment.clear();
  }

  /** The extent of every formatted or annotated cell. */
  extent(): { rows: number; columns: number } {
    const all = [this.numberFormat, this.fontWeight, this.background, this.wrap, this.alignment, this.note].map((a) => a.extent());
    return { rows: Math.max(...all.map((e) => e.rows)), columns: Math.max(...all.map((e) => e.columns)) };
  }
}
