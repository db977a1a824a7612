/**
 * Finding the parts of a 考核 tab after the manager has edited it. Each column the add-on owns
 * carries a key in the tab's *key row* (the row between the table's header and its first agent,
 * hidden by the `;;;` number format): the key moves with its column when columns are inserted,
 * deleted or dragged, and does not care what the header says or whether the header row still
 * exists. Each agent row is known by the agent's name in the keyed agent column, which moves with
 * the row when the table is sorted. Everything is read from the one `getValues` of the tab: no
 * per-row or per-column service call (see docs/ARCHITECTURE.md for why not developer metadata
 * per row/column).
 *
 * Columns without a key are the manager's own: never written. Rows below the key row are the
 * agent region: a row with an agent name is that agent's, in the order the tab has them.
 */
import type { Msg } from '../i18n';
import { readKey } from '../metrics/coerce';
import { columnLetter } from './a1';
import { cellText } from './cells';
import { emptyInputs, setManual, type ExistingInputs, type ManualValue } from './manual-inputs';
import { unneutralise } from './neutralise';

/** Every key starts so; the key of the agent column also marks the key row. */
export const KEY_PREFIX = 'kk:';
export const KEYS = {
  agent: 'kk:agent', total: 'kk:total', rank: 'kk:rank', grade: 'kk:grade', coefficient: 'kk:coefficient',
  bonus: 'kk:bonus', previous: 'kk:previous', delta: 'kk:delta', remark: 'kk:remark', other: 'kk:col',
  value: (metric: string) => `kk:value:${metric}`,
  score: (metric: string) => `kk:score:${metric}`,
  manual: (item: string) => `kk:manual:${item}`,
  /** What an item adds to the total (not `kk:manual:…`: only typed columns carry that). */
  contribution: (metric: string) => `kk:contrib:${metric}`,
  manualContribution: (item: string) => `kk:contrib:manual:${item}`,
} as const;
const MANUAL_PREFIX = 'kk:manual:';
/** The number format that hides a cell's content of every type (the key row's). */
export const HIDDEN_FORMAT = ';;;';

/** A cell as the text the plan wrote (Sheets drops the apostrophe of `'=…`; a re-read value may keep it). */
export function textOf(cell: unknown): string {
  return unneutralise(typeof cell === 'string' ? cell.trim() : cellText(cell));
}

export function isEmptyCell(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** What the manager typed into a manual cell: a number, or text kept as text; undefined when blank. */
export function manualValue(cell: unknown): ManualValue | undefined {
  if (isEmptyCell(cell)) return undefined;
  if (typeof cell === 'number') return cell;
  return textOf(cell);
}

/** The agent of a row: the name as typed, trimmed (rule 8's `readKey`). */
export const agentKey = (cell: unknown): string => readKey(textOf(cell));

export interface KeyedColumn {
  key: string;
  /** 1-based physical column. */
  column: number;
}

export interface TabAnatomy {
  /** 1-based row of the key row; agents are below it. */
  keyRow: number;
  /** Our columns, in the tab's left-to-right order. */
  columns: KeyedColumn[];
  /** 1-based columns that carry no key: the manager's own. */
  userColumns: number[];
  /** Each agent's row (its first, when a name appears twice), in the tab's top-to-bottom order: `agent` is the
   *  matching key (`agentKey`), `name` the spelling on the tab. */
  agentRows: { agent: string; name: string; row: number }[];
  /** Rows of the agent region that are not an agent's (blank agent cell, or a second row of the same agent). */
  otherRows: number[];
  /** Height and width of the grid read. */
  rows: number;
  width: number;
  /** Manual scores and remarks by agent, agents in the tab's order. */
  inputs: ExistingInputs;
  /** Typed values that cannot be placed beside an agent (A1 cells), each with why. */
  unplaceable: { cell: string; why: Msg }[];
}

/** The 1-based key row: the row holding the agent column's key, or 0 when the tab has none. */
export function findKeyRow(grid: readonly unknown[][]): number {
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    if (Array.isArray(row) && row.some((cell) => typeof cell === 'string' && cell.trim() === KEYS.agent)) return r + 1;
  }
  return 0;
}

const STRAY: Msg = { zh: '该行没有客服姓名', en: 'the row has no agent name' };
const CLASH: Msg = { zh: '同一客服有两行，且填写不同', en: 'the same agent has two rows with different entries' };
const TWIN: Msg = { zh: '同一考核项有两列，且填写不同', en: 'the same item has two columns with different entries' };

/**
 * Reads a tab we built from its values (`getValues` from A1). Null when it has no key row (a tab
 * built before key rows, or whose key row was deleted): the caller decides what that means.
 */
export function readAnatomy(grid: readonly unknown[][]): TabAnatomy | null {
  const rows = grid.map((row) => (Array.isArray(row) ? row : []));
  const keyRow = findKeyRow(rows);
  if (!keyRow) return null;
  const width = rows.reduce((w, row) => Math.max(w, row.length), 0);
  const keys = rows[keyRow - 1]!;
  const columns: KeyedColumn[] = [];
  const userColumns: number[] = [];
  for (let c = 1; c <= width; c++) {
    const key = typeof keys[c - 1] === 'string' ? (keys[c - 1] as string).trim() : '';
    if (key.startsWith(KEY_PREFIX)) columns.push({ key, column: c });
    else userColumns.push(c);
  }
  const agentColumn = columns.find((k) => k.key === KEYS.agent)!.column;
  const manual = columns.filter((k) => k.key.startsWith(MANUAL_PREFIX)).map((k) => ({ item: k.key.slice(MANUAL_PREFIX.length), column: k.column }));
  const remarks = columns.filter((k) => k.key === KEYS.remark).map((k) => k.column);

  const inputs = emptyInputs();
  const agentRows: TabAnatomy['agentRows'] = [];
  const otherRows: number[] = [];
  const unplaceable: TabAnatomy['unplaceable'] = [];
  const seenAt = new Map<string, number>();
  const spelling = new Map<string, string>();
  /** Where each (agent, item) value came from, to tell a clash from a repeat. */
  const source = new Map<string, string>();
  const place = (agent: string, what: string, value: ManualValue, cell: string, set: () => void, row: number) => {
    const k = `${agent}\u0000${what}`;
    const before = source.get(k);
    if (before === undefined) {
      source.set(k, cell);
      set();
      return;
    }
    const first = what === '\u0000remark' ? inputs.remarks[agent] : inputs.manual[agent]?.[what];
    if (first !== value) {
      const why = row === seenAt.get(agentKey(agent)) ? TWIN : CLASH;
      unplaceable.push({ cell, why }, { cell: before, why });
    }
  };
  for (let r = keyRow + 1; r <= rows.length; r++) {
    const row = rows[r - 1]!;
    const key = agentKey(row[agentColumn - 1]);
    const cellsOf = [
      ...manual.map((m) => ({ what: m.item, column: m.column })),
      ...remarks.map((column) => ({ what: '\u0000remark', column })),
    ];
    if (!key) {
      otherRows.push(r);
      for (const { column } of cellsOf) {
        if (!isEmptyCell(row[column - 1])) unplaceable.push({ cell: `${columnLetter(column)}${r}`, why: STRAY });
      }
      continue;
    }
    // Typed values are kept under the first spelling the tab has (alignInputs moves them onto the data's).
    if (seenAt.has(key)) otherRows.push(r);
    else {
      seenAt.set(key, r);
      spelling.set(key, textOf(row[agentColumn - 1]));
      agentRows.push({ agent: key, name: spelling.get(key)!, row: r });
      inputs.agents.push(spelling.get(key)!);
    }
    const agent = spelling.get(key)!;
    for (const { what, column } of cellsOf) {
      const cell = row[column - 1];
      const value = what === '\u0000remark' ? (isEmptyCell(cell) ? undefined : textOf(cell)) : manualValue(cell);
      if (value === undefined) continue;
      const at = `${columnLetter(column)}${r}`;
      if (what === '\u0000remark') place(agent, what, value, at, () => { inputs.remarks[agent] = String(value); }, r);
      else place(agent, what, value, at, () => setManual(inputs, agent, what, value), r);
    }
  }
  return { keyRow, columns, userColumns, agentRows, otherRows, rows: rows.length, width, inputs, unplaceable };
}

/** The refusal for values that cannot be placed: names every cell (at most 20 shown) and what to do. */
export function unplaceableMessage(sheetName: string, cells: TabAnatomy['unplaceable']): Msg {
  const shown = cells.slice(0, 20);
  const more = cells.length - shown.length;
  const list = (lang: 'zh' | 'en') => shown.map((c) => `${c.cell}（${c.why[lang]}）`).join(lang === 'zh' ? '、' : ', ');
  return {
    zh: `「${sheetName}」中有填写的内容无法对应到客服：${list('zh')}${more > 0 ? ` 等 ${cells.length} 处` : ''}。为免放错，本次没有写入任何内容。请把这些内容移到对应客服的行（或删去重复的行）后再生成。`,
    en: `Some entries in "${sheetName}" cannot be matched to an agent: ${list('en')}${more > 0 ? ` and ${more} more` : ''}. Nothing was written, so nothing is misplaced. Move them to the agent's row (or remove the duplicate row), then build again.`,
  };
}
