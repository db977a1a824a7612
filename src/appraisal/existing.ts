/**
 * Reading a tab we built: what the manager typed (manual scores, remarks) so a rebuild keeps it,
 * and last month's totals. The layout comes from the tab's developer metadata; the header row
 * and the manual columns are found again by their text when the manager inserted rows or
 * columns since, and agent rows are matched by name, so sorting the table loses nothing.
 */
import { findKeyRow, readAnatomy } from './anatomy';
import { cellText } from './cells';
import { LABELS } from './labels';
import { dict, emptyInputs, setManual, type ExistingInputs, type ManualValue } from './manual-inputs';
import { unneutralise } from './neutralise';
import type { TabLayout } from './plan-types';

const AGENT_LABELS = new Set([LABELS.agent.zh, LABELS.agent.en]);
const REMARK_LABELS = new Set([LABELS.remarks.zh, LABELS.remarks.en]);

/** A cell as the text the plan wrote (Sheets drops the apostrophe of `'=…`; a re-read value may keep it). */
function textOf(cell: unknown): string {
  return unneutralise(typeof cell === 'string' ? cell.trim() : cellText(cell));
}

function isEmpty(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** The 1-based header row: where the layout says, or the first row whose agent cell is the agent label. */
function headerRowOf(rows: readonly unknown[][], layout: TabLayout): number {
  const column = layout.agentColumn - 1;
  if (AGENT_LABELS.has(textOf(rows[layout.headerRow - 1]?.[column]))) return layout.headerRow;
  const found = rows.findIndex((row) => AGENT_LABELS.has(textOf(row[column])));
  return found >= 0 ? found + 1 : layout.headerRow;
}

/** The 1-based column whose header is one of `labels`: the expected one if it still is, else the first found, else 0. */
function columnOf(header: readonly unknown[], expected: number, labels: ReadonlySet<string>): number {
  if (labels.has(textOf(header[expected - 1]))) return expected;
  const found = header.findIndex((cell) => labels.has(textOf(cell)));
  return found >= 0 ? found + 1 : 0;
}

/** The header texts a manual column of `item` may carry: the item, or the item marked as removed from the template. */
const manualLabels = (item: string) => new Set([item, `${item}${LABELS.retired.zh}`, `${item}${LABELS.retired.en}`]);

function manualValue(cell: unknown): ManualValue | undefined {
  if (isEmpty(cell)) return undefined;
  if (typeof cell === 'number') return cell;
  return textOf(cell);
}

/**
 * The manual scores and remarks of every agent row of a tab we built (rows of agents gone
 * from the data included), keyed by agent name. `grid` is the tab's values from A1.
 */
export function readExisting(grid: readonly unknown[][], layout: TabLayout): ExistingInputs {
  // A tab with a key row: its columns are found by key wherever they moved (anatomy.ts).
  const anatomy = readAnatomy(Array.isArray(grid) ? grid : []);
  if (anatomy) return anatomy.inputs;
  const inputs = emptyInputs();
  const rows = Array.isArray(grid) ? grid.map((row) => (Array.isArray(row) ? row : [])) : [];
  const headerRow = headerRowOf(rows, layout);
  const header = rows[headerRow - 1] ?? [];
  const manual = Object.entries(layout.manualColumns ?? {})
    .map(([item, column]) => [item, columnOf(header, column, manualLabels(item))] as const)
    .filter(([, column]) => column > 0);
  const remarkColumn = columnOf(header, layout.remarkColumn, REMARK_LABELS);
  for (let r = headerRow; r < rows.length; r++) {
    const row = rows[r]!;
    const agent = textOf(row[layout.agentColumn - 1]);
    if (!agent || inputs.agents.includes(agent)) continue;
    inputs.agents.push(agent);
    for (const [item, column] of manual) {
      const value = manualValue(row[column - 1]);
      if (value !== undefined) setManual(inputs, agent, item, value);
    }
    const remark = remarkColumn > 0 ? textOf(row[remarkColumn - 1]) : '';
    if (remark) inputs.remarks[agent] = remark;
  }
  return inputs;
}

/** Agent → total of a tab we built (agents with a numeric total only), for last month's comparison. */
export function readPreviousTotals(grid: readonly unknown[][], layout: TabLayout): Record<string, number> {
  const totals = dict<number>();
  const rows = Array.isArray(grid) ? grid.map((row) => (Array.isArray(row) ? row : [])) : [];
  const keyRow = findKeyRow(rows);
  const headerRow = keyRow || headerRowOf(rows, layout);
  for (let r = headerRow; r < rows.length; r++) {
    const agent = textOf(rows[r]![layout.agentColumn - 1]);
    const total = rows[r]![layout.totalColumn - 1];
    if (agent && typeof total === 'number' && Number.isFinite(total) && !(agent in totals)) totals[agent] = total;
  }
  return totals;
}
