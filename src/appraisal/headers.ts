/**
 * Finding the header of an export and the field of each column.
 *
 * Exports often start with a title line or two, and 赤兔 / 生意参谋 write a two-row header:
 * a group row (`询单`, merged over its columns, so the cells to its right arrive blank) above
 * the field row (`人数`, `最终付款人数`). The header is the row, among the first few, whose
 * labels name the most fields; a group row above it is read when that names more.
 */
import type { Msg } from '../i18n';
import { cellText, isBlankLike } from './cells';
import { sampleText } from './sample-text';
import { fieldById, fieldOfHeader, headerKey, looseFieldOfHeader } from './fields';

export interface ColumnGuess {
  /** 0-based column index. */
  index: number;
  /** The header as shown (group and field row joined by a space for a two-row header). */
  header: string;
  field: string | null;
  /** Up to three non-blank cells below the header, as text. */
  samples: string[];
}

/** A field a column only loosely matches: shown for the manager to confirm, never applied by itself. */
export interface HeaderSuggestion {
  index: number;
  header: string;
  field: string;
  reason: Msg;
}

export interface Recognition {
  /** Rows from the top of the grid through the field row: data starts at this 0-based row. */
  headerRows: number;
  columns: ColumnGuess[];
  /** Field id → 0-based column index. */
  mapping: Record<string, number>;
  /** Loose matches to confirm (a correction of the column applies one); not in `mapping`. */
  suggestions?: HeaderSuggestion[];
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

function samplesOf(grid: readonly unknown[][], start: number, column: number, timeZone?: string): string[] {
  const samples: string[] = [];
  for (let r = start; r < grid.length && samples.length < SAMPLE_COUNT; r++) {
    const cell = grid[r]?.[column];
    if (!isBlankLike(cell)) samples.push(sampleText(cell, timeZone));
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
 * replaces the guess where the manager corrected it. `timeZone` (the spreadsheet's) shows date
 * and duration samples as the sheet does (`sample-text.ts`).
 */
export function recognise(grid: readonly unknown[][], overrides: MappingOverrides = {}, options: { timeZone?: string } = {}): Recognition {
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
    index, header: label, field: header.fields[index] ?? null, samples: samplesOf(rows, headerRows, index, options.timeZone),
  }));
  const demoted = demoteAmbiguous(columns);
  applyOverrides(columns, overrides);
  const mapping: Record<string, number> = {};
  for (const column of columns) if (column.field) mapping[column.field] = column.index;
  const suggestions = suggest(columns, overrides ?? {}, demoted);
  return suggestions.length ? { headerRows, columns, mapping, suggestions } : { headerRows, columns, mapping };
}

/**
 * 赤兔 reports refunds in money (退款金额) and its bare 退款率 is a money rate, whereas the
 * appraisal's 退款率 counts orders: in an export with 退款金额 and no 退款笔数, 退款率 is only
 * suggested. Returns the columns taken off the mapping.
 */
function demoteAmbiguous(columns: ColumnGuess[]): HeaderSuggestion[] {
  const has = (id: string) => columns.some((c) => c.field === id);
  if (!has('refund_amount') || has('refunds')) return [];
  return columns.filter((c) => c.field === 'refund_rate' && headerKey(c.header) === headerKey('退款率')).map((c) => {
    c.field = null;
    return {
      index: c.index, header: c.header, field: 'refund_rate',
      reason: {
        zh: '此表的退款按金额统计（有「退款金额」、无「退款笔数」），「退款率」可能是金额退款率；考核的退款率按笔数计算，确认后才使用',
        en: 'this export counts refunds in money (退款金额, no 退款笔数), so 退款率 may be a money rate; the appraisal\'s refund rate counts orders: used only once confirmed',
      },
    };
  });
}

/** Loose matches for the columns nothing claimed, and the demoted ones, minus what the manager already decided. */
function suggest(columns: readonly ColumnGuess[], overrides: MappingOverrides, demoted: HeaderSuggestion[]): HeaderSuggestion[] {
  const decided = (index: number) => Object.prototype.hasOwnProperty.call(overrides, String(index));
  const taken = new Set(columns.flatMap((c) => (c.field ? [c.field] : [])));
  const out = demoted.filter((s) => !decided(s.index) && !taken.has(s.field));
  for (const column of columns) {
    if (column.field || decided(column.index) || out.some((s) => s.index === column.index)) continue;
    const field = looseFieldOfHeader(column.header, taken);
    if (!field) continue;
    taken.add(field.id);
    out.push({
      index: column.index, header: column.header, field: field.id,
      reason: { zh: `「${column.header}」与「${field.zh}」相近，请确认后使用`, en: `"${column.header}" looks like ${field.en}: confirm to use it` },
    });
  }
  return out.sort((a, b) => a.index - b.index);
}
