/**
 * Inserting and deleting rows and columns, as a user (or a script) does in Sheets: contents, formats, notes and
 * data validation move with their cells; formulas anywhere in the book are re-pointed by the engine (references
 * into deleted cells become #REF!); metadata on a row or column moves with it and goes when it is deleted;
 * chart and protected ranges widen when lines are inserted inside them and narrow when lines are deleted.
 *
 * Inserted lines are blank and take their neighbour's formats and data validation (not its notes or metadata):
 * `…Before(n)` from line n, `…After(n)` from line n, as Sheets extends a neighbouring row's properties.
 *
 * Approximations, on purpose: ranges held by the script (`Range` objects) and `requireValueInRange` rules keep their
 * coordinates, as Apps Script's `Range` objects do; open-ended A1 ranges (`A20:B`) are stored closed.
 */
import type { Rect } from './a1';
import { integerArg } from './args';
import { mapLine, mapRect, movedLine, type Axis, type LineChange } from './lines';
import { FakeRange } from './range';
import type { FakeSheet } from './sheet';

const WORDS: Record<Axis, { lines: string; method: string }> = {
  ROWS: { lines: 'rows', method: 'Row' },
  COLUMNS: { lines: 'columns', method: 'Column' },
};

const size = (sheet: FakeSheet, axis: Axis) => (axis === 'ROWS' ? sheet.maxRows : sheet.maxColumns);
const frozen = (sheet: FakeSheet, axis: Axis) => (axis === 'ROWS' ? sheet.frozenRows : sheet.frozenColumns);

/**
 * Reads `(position[, howMany])` of an insert or delete with Sheets' checks. `offset` is 1 for the `…After`
 * forms (they insert before position + 1). Returns the change, not yet applied.
 */
export function lineChange(
  sheet: FakeSheet, axis: Axis, kind: LineChange['kind'], name: string, args: unknown[], offset = 0,
): LineChange {
  sheet.assertAlive();
  const method = `SpreadsheetApp.Sheet.${name}`;
  const [position, howMany = 1] = args.map((a) => integerArg(a, method, args)) as [number, number?];
  const { lines } = WORDS[axis];
  const max = size(sheet, axis);
  if (howMany < 1) throw new Error(`The number of ${lines} must be at least 1.`);
  if (position < 1 || position > max) throw new Error(`Those ${lines} are out of bounds.`);
  const at = position + offset;
  if (kind === 'delete') {
    if (at + howMany - 1 > max) throw new Error(`Those ${lines} are out of bounds.`);
    const frozenLeft = frozenLinesAfter(frozen(sheet, axis), { axis, kind, at, count: howMany });
    if (max - howMany <= frozenLeft) throw new Error(`Sorry, it is not possible to delete all non-frozen ${lines}.`);
  } else {
    const other = axis === 'ROWS' ? sheet.maxColumns : sheet.maxRows;
    sheet.spreadsheet.checkCellLimit(howMany * other);
  }
  return kind === 'insert' ? { axis, kind, at, count: howMany, from: position } : { axis, kind, at, count: howMany };
}

/** Applies an insert or delete to the sheet and to everything in the book that points into it. */
export function applyLineChange(sheet: FakeSheet, change: LineChange): void {
  const { axis, kind, count } = change;
  sheet.cells.changeLines(change);
  const rows = axis === 'ROWS';
  const cell = (row: number, column: number): [number, number] | null => {
    const moved = mapLine(change, rows ? row : column);
    if (moved === null) return null;
    return rows ? [moved, column] : [row, moved];
  };
  for (const attribute of sheet.styles.all()) attribute.remap(cell);
  if (change.from !== undefined) {
    const from = mapLine(change, change.from)!;
    const targets = Array.from({ length: count }, (_, i) => change.at + i);
    for (const attribute of sheet.styles.inherited()) attribute.copyLine(rows, from, targets);
  }

  const grow = kind === 'insert' ? count : -count;
  const frozenAfter = frozenLinesAfter(frozen(sheet, axis), change);
  if (rows) {
    sheet.maxRows += grow;
    sheet.frozenRows = frozenAfter;
    sheet.hiddenRows.change(change);
  } else {
    sheet.maxColumns += grow;
    sheet.frozenColumns = frozenAfter;
    moveColumnWidths(sheet, change);
  }
  moveMetadata(sheet, change);
  moveCharts(sheet, change);
  moveProtections(sheet, change);
}

/** Lines inserted among the frozen ones are frozen too; deleted frozen lines leave fewer. */
function frozenLinesAfter(frozenLines: number, { kind, at, count }: LineChange): number {
  if (at > frozenLines) return frozenLines;
  if (kind === 'insert') return frozenLines + count;
  return frozenLines - (Math.min(frozenLines, at + count - 1) - at + 1);
}

function moveColumnWidths(sheet: FakeSheet, change: LineChange): void {
  const widths = [...sheet.columnWidths];
  sheet.columnWidths.clear();
  for (const [column, width] of widths) {
    const moved = mapLine(change, column);
    if (moved !== null) sheet.columnWidths.set(moved, width);
  }
}

/** Metadata on a row (column) follows it, and is deleted with it, as Sheets documents. */
function moveMetadata(sheet: FakeSheet, change: LineChange): void {
  const type = change.axis === 'ROWS' ? 'ROW' : 'COLUMN';
  const { spreadsheet } = sheet;
  for (const metadata of [...spreadsheet.metadata]) {
    const { location } = metadata;
    if (location.type !== type || location.sheet !== sheet) continue;
    const moved = mapLine(change, location.index);
    if (moved === null) spreadsheet.removeMetadata(metadata);
    else location.index = moved;
  }
}

/** A range of this sheet after the change; null when all its cells were deleted. */
function movedRange(sheet: FakeSheet, range: FakeRange, change: LineChange): FakeRange | null {
  if (range.sheet !== sheet) return range;
  const rect = mapRect(change, range.rect);
  return rect ? new FakeRange(sheet, rect) : null;
}

/** Charts anywhere in the book charting this sheet; the anchors of this sheet's charts. */
function moveCharts(sheet: FakeSheet, change: LineChange): void {
  for (const other of sheet.spreadsheet.sheets) {
    for (const chart of other.charts) {
      chart.spec.ranges = chart.spec.ranges.map((r) => movedRange(sheet, r, change)).filter((r): r is FakeRange => r !== null);
    }
  }
  for (const chart of sheet.charts) {
    const { position } = chart.spec;
    const key = change.axis === 'ROWS' ? 'anchorRow' : 'anchorColumn';
    // A chart whose anchor line is deleted sits on the first line after the deleted ones.
    position[key] = Math.min(mapLine(change, position[key]) ?? change.at, size(sheet, change.axis));
  }
}

/** Range protections widen and narrow like ranges (and go when all their cells go); so do a sheet protection's holes. */
function moveProtections(sheet: FakeSheet, change: LineChange): void {
  for (const protection of [...sheet.protections]) {
    if (protection.rect) {
      const rect = mapRect(change, protection.rect);
      if (rect) protection.rect = rect;
      else sheet.removeProtection(protection);
    }
    protection.unprotected = protection.unprotected.map((r) => movedRange(sheet, r, change)).filter((r): r is FakeRange => r !== null);
  }
}

/**
 * `moveRows(rowSpec, destinationIndex)` / `moveColumns(columnSpec, destinationIndex)`: the lines the range spans
 * move before line `destinationIndex` (numbered before the move), like a drag in Sheets. Cells, formats, notes,
 * validation, metadata and column widths go with them; HyperFormula moves the cells so references follow them
 * (a cut and paste). A destination inside the moved lines changes nothing. Approximation: chart and protected
 * ranges move only when wholly inside the moved lines (Sheets may split or stretch them).
 */
export function moveLines(sheet: FakeSheet, axis: Axis, spec: FakeRange, destination: number, name: string): void {
  sheet.assertAlive();
  const rows = axis === 'ROWS';
  if (spec.sheet !== sheet) throw new Error(`FakeGas: Sheet.${name} needs a range of the same sheet`);
  const start = rows ? spec.rect.row : spec.rect.column;
  const count = rows ? spec.rect.numRows : spec.rect.numColumns;
  if (destination < 1 || destination > size(sheet, axis) + 1) throw new Error(`Those ${WORDS[axis].lines} are out of bounds.`);
  if (destination >= start && destination <= start + count) return;
  sheet.cells.moveLines(axis, start, count, destination);
  const move = (i: number) => movedLine(start, count, destination, i);
  for (const attribute of sheet.styles.all()) attribute.remap((r, c) => (rows ? [move(r), c] : [r, move(c)]));
  if (rows) sheet.hiddenRows.move(start, count, destination);
  else {
    const widths = [...sheet.columnWidths];
    sheet.columnWidths.clear();
    for (const [column, width] of widths) sheet.columnWidths.set(move(column), width);
  }
  const type = rows ? 'ROW' : 'COLUMN';
  for (const { location } of sheet.spreadsheet.metadata) {
    if (location.type === type && location.sheet === sheet) location.index = move(location.index);
  }
  const within = (first: number, lines: number) => first >= start && first + lines <= start + count;
  const moveRect = (rect: Rect): Rect => {
    if (rows) return within(rect.row, rect.numRows) ? { ...rect, row: move(rect.row) } : rect;
    return within(rect.column, rect.numColumns) ? { ...rect, column: move(rect.column) } : rect;
  };
  for (const other of sheet.spreadsheet.sheets) {
    for (const chart of other.charts) chart.spec.ranges = chart.spec.ranges.map((r) => (r.sheet === sheet ? new FakeRange(sheet, moveRect(r.rect)) : r));
  }
  for (const protection of sheet.protections) {
    if (protection.rect) protection.rect = moveRect(protection.rect);
    protection.unprotected = protection.unprotected.map((r) => new FakeRange(sheet, moveRect(r.rect)));
  }
}
