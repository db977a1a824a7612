/**
 * Rows a user (or a script: `Sheet.hideRows`) hid. Being hidden belongs to the row, like its height: it moves
 * when rows are inserted or deleted above it and goes with a deleted row; a `Range.sort` moves contents and
 * leaves it at its row number. Hidden rows still hold their values: `getValues` reads them as before.
 */
import { mapLine, movedLine, type LineChange } from './lines';

export class HiddenRows {
  private readonly rows = new Set<number>();

  has(row: number): boolean {
    return this.rows.has(row);
  }

  /** 1-based, ascending. */
  list(): number[] {
    return [...this.rows].sort((a, b) => a - b);
  }

  hide(first: number, count: number): void {
    for (let r = first; r < first + count; r++) this.rows.add(r);
  }

  show(first: number, count: number): void {
    for (let r = first; r < first + count; r++) this.rows.delete(r);
  }

  /** After rows were inserted or deleted (structure.ts). */
  change(change: LineChange): void {
    if (change.axis !== 'ROWS') return;
    this.remap((r) => mapLine(change, r));
  }

  /** After rows were dragged (`moveRows`). */
  move(start: number, count: number, destination: number): void {
    this.remap((r) => movedLine(start, count, destination, r));
  }

  private remap(to: (row: number) => number | null): void {
    const moved = [...this.rows].map(to).filter((r): r is number => r !== null);
    this.rows.clear();
    for (const r of moved) this.rows.add(r);
  }
}
