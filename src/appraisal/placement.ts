/**
 * Where a plan goes in the tab as the manager has left it. The plan is drawn compact (plan.ts);
 * placement puts each of its columns into one of the tab's own columns (found by key, in order;
 * new ones inserted before the manager's trailing columns or appended), each agent into the row
 * the tab has for that agent (new agents below the last row), and the rows above the table from
 * row 1 (rows inserted above the key row when the top needs more room). The manager's columns
 * are never in a write; rows of the agent region that are no agent's get blanks in our columns
 * (leftovers of an old table). The result is a few rectangles, one per run of our columns.
 */
import type { Msg } from '../i18n';
import { a1, columnLetter } from './a1';
import { agentKey, HIDDEN_FORMAT, isEmptyCell, KEYS, type TabAnatomy } from './anatomy';
import type { AppraisalRefs, PlanValue, TabLayout, TabPlan } from './plan-types';
import { FormulaMapper, runsOf } from './remap';

/** One rectangle of the write: the plan's per-cell grids, cut to a run of our columns. */
export interface WriteBlock extends Pick<TabPlan, 'values' | 'numberFormats' | 'fontWeights' | 'backgrounds' | 'notes' | 'wraps'> {
  row: number;
  column: number;
}

export interface Placement {
  /** Rows to insert before the key row, first (the top of the tab needs more room). */
  insertRows: { before: number; count: number } | null;
  /** Columns to insert before the manager's trailing columns, first (the template grew). */
  insertColumns: { before: number; count: number } | null;
  blocks: WriteBlock[];
  /** The plan's layout in the tab's positions (after the insertions). */
  layout: TabLayout;
  /** The chart's ranges: the current agents' names and totals only. */
  chartRanges: string[];
  /** Manual score and remark columns from the first agent row down (protection's editable holes). */
  editableRanges: string[];
  /** Manual score columns (of items in the template) from the first agent row down, for data validation. */
  manualRanges: { item: string; range: string }[];
  /** Cells of the manager's columns that would count in every total (their weights/scale row cells). */
  conflicts: { cell: string; why: Msg }[];
}

const IN_TOTALS: Msg = {
  zh: '该列不是考核表的列，但它在权重/换算行有内容，会被计入每个人的总分',
  en: 'a column of yours inside the scored columns has content in the weights or scale row, which would count in every total',
};

/** The first build (or a tab without a key row): the plan as drawn, from A1, over whatever the old write covered. */
export function placeFresh(plan: TabPlan, previous: { rows: number; columns: number } = { rows: 0, columns: 0 }): Placement {
  const rows = Math.max(plan.values.length, previous.rows);
  const columns = Math.max(plan.values[0]?.length ?? 1, previous.columns, 1);
  const identity = (i: number) => i;
  return assemble(plan, identity, identity, rows, range(1, columns), null, null, []);
}

/** A rebuild into a tab whose parts `anatomy` found. */
export function placeInto(plan: TabPlan, anatomy: TabAnatomy, grid: readonly unknown[][]): Placement {
  const L = plan.layout;
  const top = L.keyRow! - 1;
  const rowsToInsert = Math.max(0, top - (anatomy.keyRow - 1));
  const keyRow = anatomy.keyRow + rowsToInsert;
  const shiftRow = (r: number) => (r >= anatomy.keyRow ? r + rowsToInsert : r);

  const width = plan.values[0]?.length ?? 1;
  const ours = anatomy.columns.map((k) => k.column);
  const missing = Math.max(0, width - ours.length);
  const lastOurs = ours[ours.length - 1]!;
  const trailing = anatomy.userColumns.filter((c) => c > lastOurs);
  const hasTrailing = missing > 0 && trailing.length > 0;
  const insertAt = hasTrailing ? trailing[0]! : lastOurs + 1;
  const shiftColumn = (c: number) => (hasTrailing && c >= insertAt ? c + missing : c);
  const slots = [...ours.map(shiftColumn), ...range(insertAt, missing)];

  // Rows: the top as drawn, the key row, each agent where the tab has them, new agents below.
  const tabRowOf = new Map(anatomy.agentRows.map((a) => [a.agent, shiftRow(a.row)]));
  let next = Math.max(shiftRow(anatomy.rows), keyRow) + 1;
  const rowMap = new Map<number, number>();
  for (let r = 1; r <= top; r++) rowMap.set(r, r);
  rowMap.set(L.keyRow!, keyRow);
  for (let r = L.firstAgentRow; r <= plan.values.length; r++) {
    const agent = agentKey(plan.values[r - 1]![L.agentColumn - 1]);
    rowMap.set(r, tabRowOf.get(agent) ?? next++);
  }
  const rows = Math.max(next - 1, shiftRow(anatomy.rows), keyRow);
  const rowOf = (r: number) => rowMap.get(r) ?? r;
  const columnOf = (c: number) => slots[c - 1] ?? c;

  const conflicts = userCellsInTotals(plan, anatomy, grid, columnOf);
  return assemble(plan, rowOf, columnOf, rows, slots, rowsToInsert ? { before: anatomy.keyRow, count: rowsToInsert } : null,
    missing && hasTrailing ? { before: insertAt, count: missing } : null, conflicts);
}

function range(from: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => from + i);
}

/** The manager's columns inside the span the totals' SUMPRODUCT covers, with content in the weights or scale row. */
function userCellsInTotals(plan: TabPlan, anatomy: TabAnatomy, grid: readonly unknown[][], columnOf: (c: number) => number): Placement['conflicts'] {
  const L = plan.layout;
  // Retired manual columns sit after the remark column and do not count.
  const counted = [...Object.values(L.scoreColumns), ...Object.values(L.manualColumns).filter((c) => c < L.remarkColumn)];
  if (counted.length === 0) return [];
  const physical = counted.map(columnOf);
  const [lo, hi] = [Math.min(...physical), Math.max(...physical)];
  const weightsRow = L.teamRows[0] - 2;
  const out: Placement['conflicts'] = [];
  for (const c of anatomy.userColumns) {
    if (c <= lo || c >= hi) continue;
    for (const r of [weightsRow, weightsRow + 1]) {
      if (r < anatomy.keyRow && !isEmptyCell(grid[r - 1]?.[c - 1])) out.push({ cell: a1(r, c), why: IN_TOTALS });
    }
  }
  return out;
}

/** Builds the rectangles (one per run of our physical columns) and the layout in the tab's positions. */
function assemble(
  plan: TabPlan, rowOf: (r: number) => number, columnOf: (c: number) => number, height: number, slots: number[],
  insertRows: Placement['insertRows'], insertColumns: Placement['insertColumns'], conflicts: Placement['conflicts'],
): Placement {
  // The first build writes the plan as drawn: its formulas need no moving.
  const moved = slots.some((p, i) => p !== i + 1) || [...Array(plan.values.length).keys()].some((i) => rowOf(i + 1) !== i + 1);
  const mapper = moved ? new FormulaMapper(rowOf, columnOf) : null;
  const width = plan.values[0]?.length ?? 1;
  // Physical → compact, for our columns and the plan's rows.
  const compactColumn = new Map<number, number>();
  slots.forEach((p, i) => compactColumn.set(p, i + 1));
  const compactRow = new Map<number, number>();
  for (let r = 1; r <= plan.values.length; r++) compactRow.set(rowOf(r), r);

  const blocks: WriteBlock[] = runsOf(slots).map(([first, last]) => {
    const block: WriteBlock = { row: 1, column: first, values: [], numberFormats: [], fontWeights: [], backgrounds: [], notes: [], wraps: [] };
    for (let r = 1; r <= height; r++) {
      const cr = compactRow.get(r);
      const values: PlanValue[] = [];
      const formats: string[] = [];
      const weights: ('bold' | 'normal')[] = [];
      const backgrounds: (string | null)[] = [];
      const notes: string[] = [];
      const wraps: boolean[] = [];
      for (let c = first; c <= last; c++) {
        const cc = compactColumn.get(c)!;
        const inPlan = cr !== undefined && cc <= width;
        // A spare column of ours (the template shrank) keeps a key, so it stays ours and is reused.
        const spareKey = cr === plan.layout.keyRow && cc > width;
        const value = inPlan ? plan.values[cr - 1]![cc - 1]! : spareKey ? KEYS.other : '';
        values.push(mapper && typeof value === 'string' && value.startsWith('=') ? mapper.map(value) : value ?? '');
        formats.push(inPlan ? plan.numberFormats[cr - 1]![cc - 1]! : spareKey ? HIDDEN_FORMAT : 'General');
        weights.push(inPlan ? plan.fontWeights[cr - 1]![cc - 1]! : 'normal');
        backgrounds.push(inPlan ? plan.backgrounds[cr - 1]![cc - 1]! : null);
        notes.push(inPlan ? plan.notes[cr - 1]![cc - 1]! : '');
        wraps.push(inPlan ? plan.wraps[cr - 1]![cc - 1]! : false);
      }
      block.values.push(values);
      block.numberFormats.push(formats);
      block.fontWeights.push(weights);
      block.backgrounds.push(backgrounds);
      block.notes.push(notes);
      block.wraps.push(wraps);
    }
    return block;
  });
  const layout = physicalLayout(plan.layout, rowOf, columnOf, height, Math.max(...slots));
  const L = plan.layout;
  const current = range(L.firstAgentRow, L.agentCount).map(rowOf);
  const chartRanges = current.length === 0 ? [] : chartRangesOf(layout, Math.min(...current), Math.max(...current));
  layout.chartRanges = chartRanges;
  const open = (c: number) => `${columnLetter(c)}${layout.firstAgentRow}:${columnLetter(c)}`;
  const manualColumns = Object.values(layout.manualColumns).sort((a, b) => a - b);
  return {
    insertRows, insertColumns, blocks, layout, chartRanges,
    editableRanges: [...manualColumns, layout.remarkColumn].sort((a, b) => a - b).map(open),
    manualRanges: Object.entries(L.manualColumns).filter(([, c]) => c < L.remarkColumn).map(([item]) => ({ item, range: open(layout.manualColumns[item]!) })),
    conflicts,
  };
}

function chartRangesOf(layout: TabLayout, first: number, last: number): string[] {
  const [a, t] = [columnLetter(layout.agentColumn), columnLetter(layout.totalColumn)];
  return layout.totalColumn === layout.agentColumn + 1 ? [`${a}${first}:${t}${last}`] : [`${a}${first}:${a}${last}`, `${t}${first}:${t}${last}`];
}

function physicalLayout(L: TabLayout, rowOf: (r: number) => number, columnOf: (c: number) => number, rows: number, columns: number): TabLayout {
  const cols = (record: Record<string, number>) => Object.fromEntries(Object.entries(record).map(([k, c]) => [k, columnOf(c)]));
  return {
    ...L,
    rows, columns,
    teamRows: [rowOf(L.teamRows[0]), rowOf(L.teamRows[1])],
    headerRow: rowOf(L.headerRow), keyRow: rowOf(L.keyRow!), firstAgentRow: rowOf(L.keyRow!) + 1,
    agentColumn: columnOf(L.agentColumn), totalColumn: columnOf(L.totalColumn), rankColumn: columnOf(L.rankColumn),
    gradeColumn: columnOf(L.gradeColumn), coefficientColumn: columnOf(L.coefficientColumn), bonusColumn: columnOf(L.bonusColumn),
    remarkColumn: columnOf(L.remarkColumn),
    manualColumns: cols(L.manualColumns), valueColumns: cols(L.valueColumns), scoreColumns: cols(L.scoreColumns),
    ...(L.contributionColumns ? { contributionColumns: cols(L.contributionColumns) } : {}),
    ...(L.manualContributionColumns ? { manualContributionColumns: cols(L.manualContributionColumns) } : {}),
    ...(L.refs ? { refs: mapRefs(L.refs, new FormulaMapper(rowOf, columnOf)) } : {}),
  };
}

/** The 绩效单's references into the parameter block, moved with it. */
function mapRefs(refs: AppraisalRefs, mapper: FormulaMapper): AppraisalRefs {
  const at = (ref: string) => (ref ? mapper.map(`=${ref}`).slice(1) : ref);
  const params = Object.fromEntries(Object.entries(refs.params).map(([k, p]) => [k, {
    weight: at(p.weight), floor: at(p.floor), target: at(p.target), cap: at(p.cap), points: at(p.points), max: at(p.max),
    tiers: p.tiers.map((t) => ({ threshold: at(t.threshold), score: at(t.score) })),
  }]));
  return { ...refs, params, weights: at(refs.weights), bonusBase: at(refs.bonusBase) };
}
