/**
 * Finding the header of an export and the field of each column.
 *
 * Exports often start with a title line or two, and 赤兔 / 生意参谋 write a two-row header:
 * a group row (`询单`, merged over its columns, so the cells to its right arrive blank) above
 * the field row (`人数`, `最终付款人数`). The header is the row, among the first few, whose
 * labels name the most fields; a group row above it is read when that names more.
 */
import { cellText, isBlankLike } from './cells';
import { fieldById, fieldOfHeader } from './fields';

export interface ColumnGuess {
  /** 0-based column index. */
  index: number;
  /** The header as shown (group and field row joined by a space for a two-row header). */
  header: string;
  field: string | null;
  /** Up to three non-blank cells below the header, as text. */
  samples: string[];
}

export interface Recognition {
  /** Rows from the top of the grid through the field row: data starts at this 0-based row. */
  headerRows: number;
  columns: ColumnGuess[];
  /** Field id → 0-based column index. */
  mapping: Record<string, number>;
}

/** The manager's corrections: column index (as JSON keys are strings) → field id, or null to ignore the column. */
export type MappingOverrides = Record<string, string | null>;

/** How far down a header may start (title lines above it). */
const HEADER_SCAN_ROWS = 15;
const SAMPLE_COUNT = 3;

interface Candidate {
  row: number;
  twoRow: boolean;
  labels: string[];
  fields: (string | null)[];
  score: number;
}

/** Labels of one header row, optionally joined with the group row above it. */
function labelsAt(grid: readonly unknown[][], row: number, twoRow: boolean, width: number): string[][] {
  const own = grid[row] ?? [];
  const group = twoRow ? grid[row - 1] ?? [] : [];
  const labels: string[][] = [];
  let carried = '';
  for (let c = 0; c < width; c++) {
    const ownText = isBlankLike(own[c]) ? '' : cellText(own[c]);
    const groupCell = cellText(group[c]);
    // A group label is merged over the blank cells to its right.
    if (groupCell) carried = groupCell;
    if (!twoRow) labels.push([ownText]);
    else if (!ownText) labels.push([groupCell]); // merged vertically: the label sits in the group row
    else labels.push(carried ? [`${carried} ${ownText}`, ownText] : [ownText]);
  }
  return labels;
}

function candidateAt(grid: readonly unknown[][], row: number, twoRow: boolean, width: number): Candidate {
  const options = labelsAt(grid, row, twoRow, width);
  const taken = new Set<string>();
  const fields: (string | null)[] = [];
  const labels: string[] = [];
  for (const texts of options) {
    let chosen: string | null = null;
    for (const text of texts) {
      const field = fieldOfHeader(text);
      if (field && !taken.has(field.id)) { chosen = field.id; break; }
    }
    if (chosen) taken.add(chosen);
    fields.push(chosen);
    labels.push(texts[0] ?? '');
  }
  // The agent column decides whether rows can be used at all, so it breaks ties.
  const score = taken.size * 2 + (taken.has('agent') ? 1 : 0);
  return { row, twoRow, labels, fields, score };
}

function samplesOf(grid: readonly unknown[][], start: number, column: number): string[] {
  const samples: string[] = [];
  for (let r = start; r < grid.length && samples.length < SAMPLE_COUNT; r++) {
    const cell = grid[r]?.[column];
    if (!isBlankLike(cell)) samples.push(cellText(cell));
  }
  return samples;
}

/**
 * Applies the manager's mapping: each named field moves to its column, and a column set to null
 * is ignored. Should two corrections name the same field, the leftmost column keeps it.
 */
function applyOverrides(columns: ColumnGuess[], overrides: MappingOverrides): void {
  const assigned = new Set<string>();
  const entries = Object.entries(overrides ?? {}).sort(([a], [b]) => Number(a) - Number(b));
  for (const [key, field] of entries) {
    const column = columns[Number(key)];
    if (!column || (field !== null && (!fieldById(field) || assigned.has(field)))) continue;
    if (field !== null) {
      for (const other of columns) if (other.field === field) other.field = null;
      assigned.add(field);
    }
    column.field = field;
  }
}

/**
 * Reads the header of a pasted export: where it is, the field of every column (or null),
 * a few sample values, and the field → column mapping. `overrides` (column → field or null)
 * replaces the guess where the manager corrected it.
 */
export function recognise(grid: readonly unknown[][], overrides: MappingOverrides = {}): Recognition {
  const rows = Array.isArray(grid) ? grid.map((row) => (Array.isArray(row) ? row : [])) : [];
  let width = 0;
  for (const row of rows) width = Math.max(width, row.length);
  if (rows.length === 0 || width === 0) return { headerRows: 0, columns: [], mapping: {} };
  let best: Candidate | null = null;
  for (let r = 0; r < Math.min(rows.length, HEADER_SCAN_ROWS); r++) {
    for (const twoRow of r > 0 ? [false, true] : [false]) {
      const candidate = candidateAt(rows, r, twoRow, width);
      if (!best || candidate.score > best.score) best = candidate;
    }
  }
  // Nothing recognised: take the first row as the header and let the manager map the columns.
  const header = best && best.score > 0 ? best : candidateAt(rows, 0, false, width);
  const headerRows = header.row + 1;
  const columns: ColumnGuess[] = header.labels.map((label, index) => ({
    index, header: label, field: header.fields[index] ?? null, samples: samplesOf(rows, headerRows, index),
  }));
  applyOverrides(columns, overrides);
  const mapping: Record<string, number> = {};
  for (const column of columns) if (column.field) mapping[column.field] = column.index;
  return { headerRows, columns, mapping };
}
