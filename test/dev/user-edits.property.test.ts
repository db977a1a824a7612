/**
 * Seeded random sequences of a user's structural edits (insert/delete/move rows and columns, sort) against a plain
 * model of where every original row and column went: after each edit the fake must show every cell's value
 * and note where the model says, row/column metadata on its line (sorts leave it in place, deletes remove it,
 * moves carry it), and a formula in another tab still pointing at its cell (#REF! once that cell is deleted).
 */
import { describe, expect, it } from 'vitest';
import { createFakeGas } from '../../dev/gas';
import { columnLetters } from '../../dev/gas/a1';
import { movedLine } from '../../dev/gas/lines';

/** mulberry32: a small seeded generator, so a failing sequence can be replayed from its seed. */
function random(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const ROWS = 6;
const COLUMNS = 4;
/** An original cell's value: unique, numeric (so a sort's order is plain). */
const value = (row: number, column: number) => row * 100 + column;

interface Model {
  /** Original row id (1-based) at each position, null for an inserted row. */
  rows: (number | null)[];
  columns: (number | null)[];
  /** Where row (column) metadata sits: id → position, or absent once deleted. Sorts do not move it. */
  rowTags: Map<number, number>;
  columnTags: Map<number, number>;
  /** The cell `o!A1` refers to (moved by inserts and deletes only), null once deleted. */
  ref: [number, number] | null;
}

const shift = (position: number, at: number, count: number, kind: 'insert' | 'delete'): number | null => {
  if (position < at) return position;
  if (kind === 'insert') return position + count;
  return position < at + count ? null : position - count;
};

function moveTags(tags: Map<number, number>, at: number, count: number, kind: 'insert' | 'delete'): void {
  for (const [id, position] of [...tags]) {
    const moved = shift(position, at, count, kind);
    if (moved === null) tags.delete(id);
    else tags.set(id, moved);
  }
}

function expectedGrid(model: Model): (number | '')[][] {
  const grid = model.rows.map((r) => model.columns.map((c) => (r !== null && c !== null ? value(r, c) : '')));
  // book.values shows the used area only: trim blank rows and columns at the end.
  while (grid.length && grid[grid.length - 1]!.every((v) => v === '')) grid.pop();
  const width = Math.max(0, ...grid.map((row) => row.reduce<number>((w, v, i) => (v === '' ? w : i + 1), 0)));
  return grid.map((row) => row.slice(0, width));
}

function runSequence(seed: number, steps: number): void {
  const next = random(seed);
  const fake = createFakeGas();
  const { book } = fake;
  const grid = Array.from({ length: ROWS }, (_, r) => Array.from({ length: COLUMNS }, (_, c) => value(r + 1, c + 1)));
  book.addSheet('t', grid);
  book.addSheet('o', [['=t!B3']]);
  const t = fake.globals.SpreadsheetApp.getActive().getSheetByName('t')!;
  t.getRange(1, 1, ROWS, COLUMNS).setNotes(grid.map((row) => row.map(String)));
  for (let r = 1; r <= ROWS; r++) t.getRange(`${r}:${r}`).addDeveloperMetadata('row', String(r));
  for (let c = 1; c <= COLUMNS; c++) t.getRange(`${columnLetters(c)}:${columnLetters(c)}`).addDeveloperMetadata('column', String(c));
  const model: Model = {
    rows: grid.map((_, r) => r + 1),
    columns: grid[0]!.map((_, c) => c + 1),
    rowTags: new Map(grid.map((_, r) => [r + 1, r + 1])),
    columnTags: new Map(grid[0]!.map((_, c) => [c + 1, c + 1])),
    ref: [3, 2],
  };
  const log: string[] = [];

  for (let step = 0; step < steps; step++) {
    const op = next(7);
    const rows = op < 2 || op === 4 || op === 5;
    const lines = rows ? model.rows : model.columns;
    if (op >= 5) {
      // A drag: lines start … start + count - 1 before line `destination`; everything follows the moved cells.
      if (lines.length === 0) continue;
      const start = next(lines.length) + 1;
      const count = Math.min(next(2) + 1, lines.length - start + 1);
      const destination = next(lines.length + 1) + 1;
      if (destination >= start && destination <= start + count) continue;
      log.push(`move ${count} ${rows ? 'rows' : 'columns'} at ${start} before ${destination}`);
      if (rows) book.moveRows('t', start, count, destination);
      else book.moveColumns('t', start, count, destination);
      const block = lines.splice(start - 1, count);
      lines.splice(destination < start ? destination - 1 : destination - 1 - count, 0, ...block);
      const tags = rows ? model.rowTags : model.columnTags;
      for (const [id, at] of [...tags]) tags.set(id, movedLine(start, count, destination, at));
      if (model.ref) {
        const [r, c] = model.ref;
        model.ref = rows ? [movedLine(start, count, destination, r), c] : [r, movedLine(start, count, destination, c)];
      }
    } else if (op === 4) {
      if (model.rows.length === 0 || model.columns.length === 0) continue;
      const key = next(model.columns.length) + 1;
      const ascending = next(2) === 0;
      const a1 = `A1:${columnLetters(model.columns.length)}${model.rows.length}`;
      log.push(`sort ${a1} by ${key} ${ascending ? 'up' : 'down'}`);
      book.sortRange('t', a1, { column: key, ascending });
      const keyOf = (r: number | null) => (r !== null && model.columns[key - 1] != null ? value(r, model.columns[key - 1]!) : null);
      const filled = model.rows.filter((r) => keyOf(r) !== null).sort((x, y) => (ascending ? 1 : -1) * (keyOf(x)! - keyOf(y)!));
      model.rows = [...filled, ...model.rows.filter((r) => keyOf(r) === null)];
    } else if (op % 2 === 0) {
      const at = next(lines.length + 1) + 1;
      const count = next(2) + 1;
      log.push(`insert ${count} ${rows ? 'rows' : 'columns'} before ${at}`);
      if (rows) book.insertRows('t', at, count);
      else book.insertColumns('t', at, count);
      lines.splice(at - 1, 0, ...new Array<null>(count).fill(null));
      moveTags(rows ? model.rowTags : model.columnTags, at, count, 'insert');
      if (model.ref) model.ref = rows ? [shift(model.ref[0], at, count, 'insert')!, model.ref[1]] : [model.ref[0], shift(model.ref[1], at, count, 'insert')!];
    } else {
      if (lines.length === 0) continue;
      const at = next(lines.length) + 1;
      const count = Math.min(next(2) + 1, lines.length - at + 1);
      log.push(`delete ${count} ${rows ? 'rows' : 'columns'} at ${at}`);
      if (rows) book.deleteRows('t', at, count);
      else book.deleteColumns('t', at, count);
      lines.splice(at - 1, count);
      moveTags(rows ? model.rowTags : model.columnTags, at, count, 'delete');
      if (model.ref) {
        const moved = shift(model.ref[rows ? 0 : 1], at, count, 'delete');
        model.ref = moved === null ? null : rows ? [moved, model.ref[1]] : [model.ref[0], moved];
      }
    }

    const where = `seed ${seed}: ${log.join(' → ')}`;
    const expected = expectedGrid(model);
    expect(book.values('t'), where).toEqual(expected);
    const notes = book.formats('t').notes;
    expected.forEach((row, r) => row.forEach((v, c) => expect(notes[r]![c], where).toBe(v === '' ? '' : String(v))));
    const tags = book.allMetadata('t').map((m) => `${m.key} ${m.value} ${m.location}`).sort();
    const modelTags = [
      ...[...model.rowTags].map(([id, at]) => `row ${id} ROW ${at}`),
      ...[...model.columnTags].map(([id, at]) => `column ${id} COLUMN ${at}`),
    ].sort();
    expect(tags, where).toEqual(modelTags);
    if (model.ref) {
      const [r, c] = model.ref;
      expect(book.formulas('o')[0]![0], where).toBe(`=t!${columnLetters(c)}${r}`);
      const id = [model.rows[r - 1], model.columns[c - 1]];
      expect(book.values('o')[0]![0], where).toBe(id[0] != null && id[1] != null ? value(id[0], id[1]) : '');
    } else {
      expect(book.values('o')[0]![0], where).toBe('#REF!');
    }
  }
}

describe('a user’s structural edits, against a model (seeded)', () => {
  it('30 random sequences of 6 edits keep every value, note, tag and reference where Sheets puts them', () => {
    for (let seed = 1; seed <= 30; seed++) runSequence(seed, 6);
  });
});
