/**
 * Issue #7's list, each case on its own, through the built bundle against the in-memory
 * spreadsheet (whose rows, columns, sort, validation and typing follow Sheets): the manager edits
 * the tab, the rebuild keeps every typed value beside its agent and never writes their columns.
 */
import { describe, expect, test } from 'vitest';
import { PRESETS } from '../../src/appraisal';
import { layoutOf, readResults, startRuntime, type Runtime } from '../../dev/local/appraise';
import { syntheticExport } from '../../scripts/synthetic';
import { columnLetter } from '../../src/appraisal/a1';

const MONTH = '2026-11';
const TAB = '考核 2026-11';
const mixed = PRESETS.mixed.template;

function built(agents = 5): Runtime {
  const rt = startRuntime();
  rt.fake.book.addSheet('数据', syntheticExport(agents, 'per-agent'));
  expect(build(rt).ok).toBe(true);
  return rt;
}
const build = (rt: Runtime, template: unknown = mixed) => rt.ctx.kk_buildAppraisal!({ sheetName: '数据', month: MONTH, template });

/** Row of an agent in the tab as it is now. */
function rowOf(rt: Runtime, agent: string): number {
  return rt.fake.book.values(TAB).findIndex((r: unknown[]) => r.includes(agent)) + 1;
}

/** Types 工作态度 for every agent (10 × i) and a remark, returns what was typed. */
function typeScores(rt: Runtime): Map<string, number> {
  const layout = layoutOf(rt, TAB);
  const typed = new Map<string, number>();
  for (const a of readResults(rt, TAB).agents) {
    const score = 10 * (typed.size + 1);
    rt.fake.book.typeCell(TAB, rowOf(rt, a.agent), layout.manualColumns['工作态度']!, String(score));
    rt.fake.book.typeCell(TAB, rowOf(rt, a.agent), layout.remarkColumn, `备注${a.agent}`);
    typed.set(a.agent, score);
  }
  return typed;
}

function expectKept(rt: Runtime, typed: Map<string, number>): void {
  const results = readResults(rt, TAB);
  const layout = layoutOf(rt, TAB);
  const grid = rt.fake.book.values(TAB) as unknown[][];
  for (const [agent, score] of typed) {
    const a = results.agents.find((x) => x.agent === agent)!;
    expect(a.manual['工作态度'], agent).toBe(score);
    expect(grid[rowOf(rt, agent) - 1]![layout.remarkColumn - 1], `${agent} remark`).toBe(`备注${agent}`);
  }
  // 0 leftover rows: every agent once.
  const names = results.agents.map((a) => a.agent);
  expect(new Set(names).size).toBe(names.length);
}

describe('hand edits survive a rebuild (issue #7 item 4)', () => {
  test('a column inserted at A: every score stays beside its agent, the new column is left alone', () => {
    const rt = built();
    const typed = typeScores(rt);
    rt.fake.book.insertColumns(TAB, 1, 1);
    rt.fake.book.typeCell(TAB, rowOf(rt, '客服0003'), 1, '工号 3');
    expect(build(rt).ok).toBe(true);
    expectKept(rt, typed);
    expect(rt.fake.book.values(TAB)[rowOf(rt, '客服0003') - 1]![0]).toBe('工号 3');
    expect(layoutOf(rt, TAB).agentColumn).toBe(2);
  });

  test('the header row deleted: the rebuild puts it back and keeps every score', () => {
    const rt = built();
    const typed = typeScores(rt);
    rt.fake.book.deleteRows(TAB, layoutOf(rt, TAB).headerRow, 1);
    expect(build(rt).ok).toBe(true);
    expectKept(rt, typed);
    const after = layoutOf(rt, TAB);
    expect(rt.fake.book.values(TAB)[after.headerRow - 1]![after.manualColumns['工作态度']! - 1]).toBe('工作态度');
  });

  test('工作态度 renamed to 态度 and the 备注 header cleared: scores and remarks kept', () => {
    const rt = built();
    const typed = typeScores(rt);
    const layout = layoutOf(rt, TAB);
    rt.fake.book.typeCell(TAB, layout.headerRow, layout.manualColumns['工作态度']!, '态度');
    rt.fake.book.typeCell(TAB, layout.headerRow, layout.remarkColumn, '');
    expect(build(rt).ok).toBe(true);
    expectKept(rt, typed);
  });

  test('a row inserted in the table: no duplicate of the last agent below it, scores kept', () => {
    const rt = built();
    const typed = typeScores(rt);
    rt.fake.book.insertRows(TAB, rowOf(rt, '客服0002'), 1);
    expect(build(rt).ok).toBe(true);
    expectKept(rt, typed);
    const agentColumn = layoutOf(rt, TAB).agentColumn;
    const names = (rt.fake.book.values(TAB) as unknown[][]).map((r) => r[agentColumn - 1]).filter((v) => typeof v === 'string' && v.startsWith('客服0'));
    expect(names.length).toBe(5);
  });

  test('the manager sorts the agents and keeps notes after 备注; new data in another order: notes stay beside their agent, the order stays', () => {
    const rt = built();
    const typed = typeScores(rt);
    const layout = layoutOf(rt, TAB);
    const notes = layout.columns + 1; // right of every column of ours (after 备注)
    rt.fake.book.typeCell(TAB, layout.headerRow, notes, '我的备忘');
    for (const agent of typed.keys()) rt.fake.book.typeCell(TAB, rowOf(rt, agent), notes, `备忘${agent}`);
    const last = layout.firstAgentRow + 4;
    rt.fake.book.sortRange(TAB, `A${layout.firstAgentRow}:${columnLetter(notes)}${last}`, { column: 1, ascending: false });
    const order = readResults(rt, TAB).agents.map((a) => a.agent);
    // Next export lists the agents in another order and adds one.
    const rows = syntheticExport(6, 'per-agent');
    rt.fake.book.addSheet('数据 2', [rows[0]!, ...rows.slice(1).reverse()]);
    expect(rt.ctx.kk_buildAppraisal!({ sheetName: '数据 2', month: MONTH, template: mixed }).ok).toBe(true);
    expectKept(rt, typed);
    const grid = rt.fake.book.values(TAB) as unknown[][];
    for (const agent of typed.keys()) expect(grid[rowOf(rt, agent) - 1]![notes - 1]).toBe(`备忘${agent}`);
    expect(readResults(rt, TAB).agents.map((a) => a.agent)).toEqual([...order, '客服0006']);
  });

  test('a value typed in a row without an agent is not dropped: the rebuild refuses and names the cell', () => {
    const rt = built();
    const layout = layoutOf(rt, TAB);
    rt.fake.book.insertRows(TAB, layout.firstAgentRow + 1, 1);
    rt.fake.book.typeCell(TAB, layout.firstAgentRow + 1, layout.manualColumns['工作态度']!, '88');
    const reply = build(rt);
    expect(reply.ok).toBe(false);
    const cell = `${columnLetter(layout.manualColumns['工作态度']!)}${layout.firstAgentRow + 1}`;
    expect(reply.error.zh).toContain(cell);
    expect(reply.error.en).toContain(cell);
  });
});

describe('typing during a rebuild is never lost (issue #7 item 5)', () => {
  test('a score typed between the rebuild reading the tab and writing it stays', () => {
    const rt = built();
    const layout = layoutOf(rt, TAB);
    // Reads: the data tab (1), the 考核 tab (2): the manager types right after the second.
    rt.fake.book.afterReads(2, () => rt.fake.book.typeCell(TAB, rowOf(rt, '客服0004'), layout.manualColumns['工作态度']!, '77'));
    expect(build(rt).ok).toBe(true);
    expect(rt.fake.book.pendingEdits).toBe(0);
    expect(readResults(rt, TAB).agents.find((a) => a.agent === '客服0004')!.manual['工作态度']).toBe(77);
  });
});

describe('manual scores within 0 … max (issue #7 item 3)', () => {
  test('Sheets refuses 120 and 9分 in a max-100 item, with help text in both languages', () => {
    const rt = built();
    const layout = layoutOf(rt, TAB);
    const at = [rowOf(rt, '客服0001'), layout.manualColumns['工作态度']!] as const;
    for (const text of ['120', '9分', '-1']) {
      const typed = rt.fake.book.typeAsUser(TAB, at[0], at[1], text);
      expect(typed.accepted, text).toBe(false);
      expect(typed.message).toMatch(/0 到 100/);
      expect(typed.message).toMatch(/from 0 to 100/);
    }
    expect(rt.fake.book.typeAsUser(TAB, at[0], at[1], '95').accepted).toBe(true);
  });

  test('a score pasted out of range never counts: the total shows 待修正, and the reply lists it per agent', () => {
    const rt = built();
    const layout = layoutOf(rt, TAB);
    rt.fake.book.typeCell(TAB, rowOf(rt, '客服0002'), layout.manualColumns['工作态度']!, '120');
    rt.fake.book.typeCell(TAB, rowOf(rt, '客服0003'), layout.manualColumns['工作态度']!, '9分');
    const reply = build(rt);
    expect(reply.ok).toBe(true);
    const byAgent = new Map(readResults(rt, TAB).agents.map((a) => [a.agent, a]));
    expect([byAgent.get('客服0002')!.total, byAgent.get('客服0002')!.rank, byAgent.get('客服0002')!.bonus]).toEqual(['待修正', '', '']);
    expect(byAgent.get('客服0003')!.total).toBe('待修正');
    expect(typeof byAgent.get('客服0001')!.total).toBe('number');
    const issues = new Map(reply.value.manualIssues.map((i: { agent: string }) => [i.agent, i]));
    expect(issues.get('客服0002')).toMatchObject({ invalid: [{ item: '工作态度', value: 120, max: 100 }] });
    expect(issues.get('客服0003')).toMatchObject({ invalid: [{ item: '工作态度', value: '9分', max: 100 }] });
    expect(issues.get('客服0001')).toMatchObject({ blank: ['工作态度'], invalid: [] });
  });
});

describe('为店主准备 lists the manual scores to fix', () => {
  test('per current agent: blank and out-of-range scores of the tab as it is now; frozen through the key row', () => {
    const rt = built(3);
    const layout = layoutOf(rt, TAB);
    rt.fake.book.typeCell(TAB, rowOf(rt, '客服0001'), layout.manualColumns['工作态度']!, '90');
    rt.fake.book.typeCell(TAB, rowOf(rt, '客服0002'), layout.manualColumns['工作态度']!, '101');
    rt.fake.book.insertColumns(TAB, 1, 1); // the manager's edit after the build: the columns moved
    const reply = rt.ctx.kk_prepareForOwner!({ month: MONTH });
    expect(reply.ok).toBe(true);
    const byAgent = (a: { agent: string }, b: { agent: string }) => a.agent.localeCompare(b.agent);
    expect([...reply.value.manualIssues].sort(byAgent)).toEqual([
      { agent: '客服0002', blank: [], invalid: [{ item: '工作态度', value: 101, max: 100 }] },
      { agent: '客服0003', blank: ['工作态度'], invalid: [] },
    ]);
    expect(rt.fake.book.frozen(TAB).rows).toBe(layout.keyRow);
  });
});

describe('the chart follows the table (issue #7 item 7)', () => {
  test('after a template change moves the table down, the chart reads only the agent rows', () => {
    const rt = built();
    const changed = structuredClone(mixed);
    changed.items[0]!.weight -= 5;
    changed.items.push({ manual: '团队协作', weight: 5, max: 10 });
    // another template is a confirmed choice (the refusal: test/server/tab-guard.test.ts)
    expect(rt.ctx.kk_buildAppraisal!({ sheetName: '数据', month: MONTH, template: changed, confirmTemplateChange: true }).ok).toBe(true);
    const layout = layoutOf(rt, TAB);
    const [chart] = rt.fake.book.charts(TAB);
    expect(chart!.ranges).toEqual([`A${layout.firstAgentRow}:B${layout.firstAgentRow + 4}`]);
  });
});
