/**
 * Issue #7 item 4, the "done when": 1,000 seeded random months of a manager's 考核 tab. Each step
 * is a rebuild (data, template or agents changed), typed scores and remarks (in range or not),
 * or one of the hand edits managers make: insert/delete rows and columns, rename or clear a
 * header, delete the header row, sort the agent rows, a column of their own notes anywhere, and
 * typing between the rebuild's read and its write. After every rebuild: 0 values lost, 0 beside
 * the wrong agent, 0 leftover rows. The tab is a plain grid of values (as getValues returns them)
 * with Sheets' row/column semantics; the rebuild is the server's: read the anatomy, plan, place,
 * read again, insert, write each block of our columns.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { agentKey, KEYS, readAnatomy } from '../../src/appraisal/anatomy';
import { placeFresh, placeInto, type Placement } from '../../src/appraisal/placement';
import { planTab } from '../../src/appraisal/plan';
import type { ExistingInputs } from '../../src/appraisal/manual-inputs';
import type { PlanValue } from '../../src/appraisal/plan-types';
import type { Template } from '../../src/appraisal/template';
import { unneutralise } from '../../src/appraisal/neutralise';
import { DEFAULT_GRADES } from '../../src/metrics/scoring';
import { NOW } from './fixtures';

type Grid = PlanValue[][];
const AGENTS = ['小美', '阿杰', '晓雯', '大白', '糖糖', '=1+1'];
const ITEMS = ['工作态度', '专业能力', '应变能力'];

function templateWith(items: readonly string[], max: number): Template {
  return {
    version: 1, name: 't',
    items: [
      { metric: 'INQUIRY_CONVERSION', weight: 100 - 10 * items.length, floor: 0.3, target: 0.5, method: 'linear' },
      ...items.map((manual) => ({ manual, weight: 10, max })),
    ],
    grades: DEFAULT_GRADES.map((g) => ({ ...g })),
  };
}

/** What getValues gives back for what the plan wrote: text without the apostrophe, blanks as ''. */
const shown = (v: PlanValue): PlanValue => (v === null ? '' : typeof v === 'string' && !v.startsWith('=') ? unneutralise(v) : v);

function cell(grid: Grid, r: number, c: number): PlanValue {
  return grid[r - 1]?.[c - 1] ?? '';
}
function put(grid: Grid, r: number, c: number, v: PlanValue): void {
  while (grid.length < r) grid.push([]);
  const row = grid[r - 1]!;
  while (row.length < c) row.push('');
  row[c - 1] = v;
}
const insertRows = (g: Grid, before: number, n: number) => g.splice(before - 1, 0, ...Array.from({ length: n }, () => [] as PlanValue[]));
const insertColumns = (g: Grid, before: number, n: number) => g.forEach((row) => { if (row.length >= before - 1) row.splice(before - 1, 0, ...Array<PlanValue>(n).fill('')); });
const deleteRow = (g: Grid, at: number) => g.splice(at - 1, 1);
const deleteColumn = (g: Grid, at: number) => g.forEach((row) => row.splice(at - 1, 1));

/** Writes each block of the placement, as the server does after its insertions. */
function write(w: World, p: Placement): void {
  const grid = w.grid;
  if (p.insertRows) insertRows(grid, p.insertRows.before, p.insertRows.count);
  if (p.insertColumns) {
    insertColumns(grid, p.insertColumns.before, p.insertColumns.count);
    columnsChanged(w, p.insertColumns.before, p.insertColumns.count);
  }
  expect(p.blocks.every((b) => w.notesColumn < b.column || w.notesColumn >= b.column + b.values[0]!.length), 'never writes the manager\'s column').toBe(true);
  for (const b of p.blocks) b.values.forEach((row, i) => row.forEach((v, j) => put(grid, b.row + i, b.column + j, shown(v))));
}

interface World {
  grid: Grid;
  /** (agent, item) → typed value; (agent, '') → remark; agent → the manager's own note. */
  manual: Map<string, PlanValue>;
  remarks: Map<string, string>;
  notes: Map<string, string>;
  /** Where the manager's notes column is (0: none yet), moved as Sheets moves columns. */
  notesColumn: number;
}

const NOTES_HEADER = '我的备忘';
const pair = (agent: string, item: string) => JSON.stringify([agent, item]);

/** The parts of the grid as it is now (read once per question set: the grid is small, the reads are many). */
function parts(grid: Grid) {
  const a = readAnatomy(grid)!;
  const rows = new Map(a.agentRows.map((x) => [x.agent, x.row]));
  const columns = new Map(a.columns.map((k) => [k.key, k.column]));
  return { a, row: (agent: string) => rows.get(agentKey(agent)) ?? 0, column: (key: string) => columns.get(key) ?? 0 };
}
const agentRow = (grid: Grid, agent: string) => parts(grid).row(agent);
const keyed = (grid: Grid, key: string) => parts(grid).column(key);
/** Inserting or deleting columns moves the manager's column as Sheets does. */
function columnsChanged(w: World, at: number, delta: number): void {
  if (w.notesColumn && at <= w.notesColumn) w.notesColumn += delta;
}

const step = fc.oneof(
  fc.record({ kind: fc.constant('rebuild' as const), agents: fc.subarray(AGENTS, { minLength: 1 }), items: fc.subarray(ITEMS), max: fc.constantFrom(10, 100), reversed: fc.boolean() }),
  fc.record({ kind: fc.constant('type' as const), agent: fc.constantFrom(...AGENTS), item: fc.integer({ min: -1, max: ITEMS.length - 1 }), value: fc.oneof(fc.integer({ min: -2, max: 120 }), fc.constantFrom('9分', '优秀', '=1+1', ' ')) }),
  fc.record({ kind: fc.constant('note' as const), agent: fc.constantFrom(...AGENTS), text: fc.constantFrom('请假', '晋升', '培训') }),
  fc.record({ kind: fc.constant('insertRow' as const), at: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insertColumn' as const), at: fc.integer({ min: 1, max: 14 }) }),
  fc.record({ kind: fc.constant('deleteBlankRow' as const), at: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('deleteBlankColumn' as const), at: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constantFrom('renameHeader' as const, 'clearHeader' as const), item: fc.integer({ min: -1, max: ITEMS.length - 1 }) }),
  fc.record({ kind: fc.constant('deleteHeaderRow' as const) }),
  fc.record({ kind: fc.constant('sort' as const), descending: fc.boolean() }),
  fc.record({ kind: fc.constant('typeDuringRebuild' as const), agent: fc.constantFrom(...AGENTS), value: fc.integer({ min: 0, max: 10 }), agents: fc.subarray(AGENTS, { minLength: 1 }) }),
);

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

/** The server's rebuild on the grid; `between` runs after the first read (someone typing). */
function rebuild(w: World, agents: string[], items: string[], max: number, between?: () => void): void {
  const template = templateWith(items, max);
  const plan = (existing: ExistingInputs | null) =>
    planTab({ month: '2026-11', template, agents: agents.map((agent) => ({ agent, values: { INQUIRY_CONVERSION: 0.4 } })), existing, now: NOW });
  if (w.grid.length === 0) {
    write(w, placeFresh(plan(null)));
    return;
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    const read = JSON.stringify(w.grid);
    const anatomy = readAnatomy(w.grid)!;
    expect(anatomy.unplaceable, 'every typed value has an agent').toEqual([]);
    const placed = placeInto(plan(anatomy.inputs), anatomy, w.grid);
    if (attempt === 0) between?.();
    if (JSON.stringify(w.grid) !== read) continue; // read again before writing: plan again from what is there now
    write(w, placed);
    return;
  }
  throw new Error('the tab kept changing');
}

function check(w: World): void {
  const p = parts(w.grid);
  const a = p.a;
  // 0 leftover rows: each agent once; a row without an agent has nothing in our columns.
  const names = a.agentRows.map((x) => x.agent);
  expect(new Set(names).size, 'no agent twice').toBe(names.length);
  for (const r of a.otherRows) {
    for (const { column } of a.columns) expect(cell(w.grid, r, column), `leftover in row ${r}`).toBe('');
  }
  // 0 values lost, 0 beside the wrong agent.
  for (const [k, value] of w.manual) {
    const [agent, item] = JSON.parse(k) as [string, string];
    const column = p.column(KEYS.manual(item));
    expect(column, `${item} has a column`).toBeGreaterThan(0);
    expect(cell(w.grid, p.row(agent), column), `${agent} / ${item}`).toBe(value);
  }
  for (const [agent, remark] of w.remarks) expect(cell(w.grid, p.row(agent), p.column(KEYS.remark)), `${agent} remark`).toBe(remark);
  const notes = w.notesColumn;
  for (const [agent, note] of w.notes) expect(cell(w.grid, p.row(agent), notes), `${agent} note`).toBe(note);
}

function apply(w: World, s: Step, state: { agents: string[]; items: string[]; max: number }): void {
  const a = readAnatomy(w.grid)!;
  switch (s.kind) {
    case 'rebuild': {
      state.agents = s.reversed ? [...s.agents].reverse() : s.agents;
      state.items = s.items;
      state.max = s.max;
      rebuild(w, state.agents, state.items, state.max);
      check(w);
      return;
    }
    case 'type': {
      const row = agentRow(w.grid, s.agent);
      const item = ITEMS[s.item];
      const column = item === undefined ? keyed(w.grid, KEYS.remark) : keyed(w.grid, KEYS.manual(item));
      if (!row || !column) return;
      const blank = typeof s.value === 'string' && s.value.trim() === '';
      put(w.grid, row, column, blank ? '' : s.value);
      if (item === undefined) {
        if (blank) w.remarks.delete(s.agent);
        else w.remarks.set(s.agent, String(s.value));
      } else if (blank) w.manual.delete(pair(s.agent, item));
      else w.manual.set(pair(s.agent, item), s.value);
      return;
    }
    case 'note': {
      const row = agentRow(w.grid, s.agent);
      let column = w.notesColumn;
      if (!row) return;
      if (!column) {
        // The manager's own column, right of everything (after 备注), headed on the header row.
        column = w.notesColumn = Math.max(...w.grid.map((r) => r.length)) + 1;
        put(w.grid, a.keyRow - 1, column, NOTES_HEADER);
      }
      put(w.grid, row, column, s.text);
      w.notes.set(s.agent, s.text);
      return;
    }
    case 'insertRow': insertRows(w.grid, Math.min(s.at, w.grid.length + 1), 1); return;
    case 'insertColumn': insertColumns(w.grid, s.at, 1); columnsChanged(w, s.at, 1); return;
    case 'deleteBlankRow': {
      const row = w.grid[s.at - 1];
      if (row && row.every((v) => v === '' || v === null)) deleteRow(w.grid, s.at);
      return;
    }
    case 'deleteBlankColumn': {
      if (s.at <= Math.max(...w.grid.map((r) => r.length)) && w.grid.every((r) => (r[s.at - 1] ?? '') === '')) {
        deleteColumn(w.grid, s.at);
        if (w.notesColumn > s.at) w.notesColumn--;
      }
      return;
    }
    case 'renameHeader':
    case 'clearHeader': {
      const item = ITEMS[s.item];
      const column = item === undefined ? keyed(w.grid, KEYS.remark) : keyed(w.grid, KEYS.manual(item));
      const header = a.keyRow - 1;
      if (column && header >= 1 && String(cell(w.grid, header, 1)) !== '') put(w.grid, header, column, s.kind === 'clearHeader' ? '' : '改了名字');
      return;
    }
    case 'deleteHeaderRow': {
      if (a.keyRow > 1 && cell(w.grid, a.keyRow - 1, keyed(w.grid, KEYS.agent)) === '客服') deleteRow(w.grid, a.keyRow - 1);
      return;
    }
    case 'sort': {
      // Data › Sort range over every row below the key row, whole rows (the manager's columns move too).
      const body = w.grid.splice(a.keyRow, w.grid.length - a.keyRow);
      const agentColumn = keyed(w.grid, KEYS.agent);
      body.sort((x, y) => String(x[agentColumn - 1] ?? '').localeCompare(String(y[agentColumn - 1] ?? '')) * (s.descending ? -1 : 1));
      w.grid.push(...body);
      return;
    }
    case 'typeDuringRebuild': {
      state.agents = s.agents;
      const item = state.items[0];
      rebuild(w, state.agents, state.items, state.max, () => {
        const row = agentRow(w.grid, s.agent);
        const column = item === undefined ? 0 : keyed(w.grid, KEYS.manual(item));
        if (!row || !column || item === undefined) return;
        put(w.grid, row, column, s.value);
        w.manual.set(pair(s.agent, item), s.value);
      });
      check(w);
    }
  }
}

describe('hand edits never lose or misplace a typed value (issue #7, done when)', () => {
  test('1,000 random months: rebuilds, typed scores, inserted/deleted rows and columns, renamed/cleared/deleted headers, sorting, own columns, typing mid-rebuild', () => {
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 14 }), (steps) => {
      const w: World = { grid: [], manual: new Map(), remarks: new Map(), notes: new Map(), notesColumn: 0 };
      const state = { agents: AGENTS.slice(0, 3), items: ITEMS.slice(0, 2), max: 10 };
      rebuild(w, state.agents, state.items, state.max);
      for (const s of steps) apply(w, s, state);
      rebuild(w, state.agents, state.items, state.max);
      check(w);
    }), { numRuns: 1000, seed: 20261130 });
  }, 180_000); // ~8 s of CPU; the margin is for a machine shared with other test runs
});
