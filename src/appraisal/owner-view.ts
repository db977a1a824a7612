/**
 * 为店主准备, decided from the tab as it is now (one read): what the owner's first screen should be.
 * The owner opens the tab on a laptop or a phone and should see the agents ranked, so:
 * - the parameter block and the weights/scale rows are hidden (Sheets freezes rows only from row 1:
 *   what lies between the title and the table has to be out of the way), never the title rows nor
 *   anything written above the parameter block (the 无数据 banner), nor the team rows;
 * - the rows through the table's header (and the hidden key row under it) are frozen;
 * - the current agents are sorted by rank, best first, agents without a rank (待修正) last. The sort
 *   stays within the rows the current agents occupy, which are the rows every absolute range of
 *   the tab (ranks, team rows, grade counts, bonus total, chart) covers: an agent sorted out of them
 *   would silently drop out of every count. Rows of agents gone from the data stay where they are.
 * Every part is a constant number of calls, whatever the number of agents.
 */
import type { Msg } from '../i18n';
import { isEmptyCell, KEYS, type TabAnatomy } from './anatomy';
import { LABELS } from './labels';
import type { TabLayout } from './plan-types';

export interface SortPlan {
  /** 1-based first row and the number of rows sorted; every column from A to `columns`. */
  row: number;
  numRows: number;
  columns: number;
  /** Sheet columns (1-based), as `Range.sort` takes them: rank ascending, then the agent's name. */
  keys: { column: number; ascending: boolean }[];
}

export interface OwnerView {
  /** Rows hidden for the owner (the parameter block), or null when they cannot be told safely (`notHidden` says why). */
  hide: { first: number; count: number } | null;
  notHidden: Msg | null;
  /** The key row, hidden too: it shows nothing and would be a blank line under the header. */
  keyRow: number;
  frozenRows: number;
  frozenColumns: number;
  /** Null when the agents are already in rank order (then nothing moves, and the 趋势 tab stays valid). */
  sort: SortPlan | null;
  /** Where the title is (the cell that tells how to see the hidden rows again). */
  titleCell: { row: number; column: number };
}

/** The row of an absolute reference such as `$C$5`, or 0. */
const rowOfRef = (ref: string): number => Number(/\$?[A-Z]{1,3}\$?(\d+)/.exec(ref)?.[1] ?? 0);

/** The parameter block's header row as the tag records it (the row above the first item's parameters), or 0. */
export function paramHeaderRowOf(layout: TabLayout): number {
  const rows = Object.values(layout.refs?.params ?? {}).map((p) => rowOfRef(p.weight)).filter((r) => r > 0);
  return rows.length ? Math.min(...rows) - 1 : 0;
}

const rowIsBlank = (grid: readonly unknown[][], row: number) => (grid[row - 1] ?? []).every(isEmptyCell);

/** The one thing that tells the rows were changed by hand since the build: they cannot be hidden safely. */
const TOP_CHANGED: Msg = {
  zh: '表头上方的行在上次生成后有改动，参数行没有隐藏（以免藏起您加的内容）。重新生成后再按「为店主准备」即可隐藏。',
  en: 'Rows above the table changed since the last build, so the parameter rows were not hidden (not to hide what you added). Build again, then prepare for the owner.',
};
const NO_REFS: Msg = {
  zh: '该表由旧版本生成，参数行没有隐藏。重新生成后再按「为店主准备」即可隐藏。',
  en: 'This tab was built by an older version, so the parameter rows were not hidden. Build again, then prepare for the owner.',
};

/**
 * The rows to hide: from the parameter block's header (and the blank rows right above it, never rows
 * 1–2) down to the row above the team rows. Only when the tab's top is as the last build left it:
 * the key row where the tag says, so the tag's rows are the tab's.
 */
function hiddenRows(grid: readonly unknown[][], tagged: TabLayout, anatomy: TabAnatomy): Pick<OwnerView, 'hide' | 'notHidden'> {
  if (tagged.keyRow !== anatomy.keyRow) return { hide: null, notHidden: TOP_CHANGED };
  const header = paramHeaderRowOf(tagged);
  if (!header) return { hide: null, notHidden: NO_REFS };
  let first = header;
  while (first > 3 && rowIsBlank(grid, first - 1)) first--;
  const last = tagged.teamRows[0] - 1;
  if (last < first) return { hide: null, notHidden: TOP_CHANGED };
  return { hide: { first, count: last - first + 1 }, notHidden: null };
}

/** Sheets' ascending order of a rank cell: numbers, then text, then blanks (a 待修正 total has a blank rank). */
function rankOrder(cell: unknown): [number, number] {
  if (typeof cell === 'number') return [0, cell];
  return isEmptyCell(cell) ? [2, 0] : [1, 0];
}

/** The current agents' rows sorted by rank, or null when they already are (or there is nothing to sort). */
function sortPlan(grid: readonly unknown[][], anatomy: TabAnatomy): SortPlan | null {
  const at = (key: string) => anatomy.columns.find((k) => k.key === key)?.column ?? 0;
  const [agent, total, rank] = [at(KEYS.agent), at(KEYS.total), at(KEYS.rank)];
  if (!agent || !total || !rank) return null;
  // A current agent has a total (a number, or 待修正); an agent gone from the data has none.
  const current = anatomy.agentRows.filter((a) => !isEmptyCell(grid[a.row - 1]?.[total - 1])).map((a) => a.row);
  if (current.length < 2) return null;
  const first = Math.min(...current);
  const last = Math.max(...current);
  let inOrder = true;
  for (let r = first + 1; r <= last && inOrder; r++) {
    const [ka, va] = rankOrder(grid[r - 2]?.[rank - 1]);
    const [kb, vb] = rankOrder(grid[r - 1]?.[rank - 1]);
    inOrder = ka < kb || (ka === kb && (ka !== 0 || va <= vb));
  }
  if (inOrder) return null;
  return { row: first, numRows: last - first + 1, columns: anatomy.width, keys: [{ column: rank, ascending: true }, { column: agent, ascending: true }] };
}

/** The owner's view of a tab with a key row, from its values as they are now and the tag as the last build wrote it. */
export function ownerView(grid: readonly unknown[][], tagged: TabLayout, anatomy: TabAnatomy): OwnerView {
  const agentColumn = anatomy.columns.find((k) => k.key === KEYS.agent)!.column;
  return {
    ...hiddenRows(grid, tagged, anatomy),
    keyRow: anatomy.keyRow,
    frozenRows: anatomy.keyRow,
    frozenColumns: agentColumn,
    sort: sortPlan(grid, anatomy),
    // The title is written in the plan's first column, which is the agent column.
    titleCell: { row: 1, column: agentColumn },
  };
}

/** The title's note: which rows are hidden and how to see them again, in the tab's language. */
export function hiddenNote(hide: { first: number; count: number }, english: boolean): string {
  const last = hide.first + hide.count - 1;
  return english
    ? `Rows ${hide.first}–${last} (the parameters, weights and scale) are hidden for the owner: right-click the row numbers › Unhide rows to see them. Building again shows them.`
    : `第 ${hide.first}–${last} 行（参数、权重与换算）已为店主隐藏：右键点行号 › 取消隐藏行 即可查看；重新生成也会显示。`;
}

/** Whether the tab speaks English (its title), so the note does too. */
export const tabIsEnglish = (grid: readonly unknown[][], column: number): boolean => String(grid[0]?.[column - 1] ?? '').startsWith(LABELS.title.en);
