/**
 * 为店主准备 through the built bundle against the in-memory spreadsheet (whose sort moves formulas as
 * Sheets does: relative references follow their row, absolute ones stay): the agents sorted by rank
 * with every column of their row, the parameter rows hidden, the header frozen; then a rebuild of
 * the prepared tab keeps every typed value beside its agent and shows the hidden rows again.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { PRESETS } from '../../src/appraisal';
import { LABELS } from '../../src/appraisal/labels';
import { paramHeaderRowOf } from '../../src/appraisal/owner-view';
import { parseCsv, stripBom } from '../../src/files';
import { layoutOf, readResults, startRuntime, type Runtime } from '../../dev/local/appraise';
import { syntheticExport } from '../../scripts/synthetic';

const MONTH = '2026-11';
const TAB = '考核 2026-11';
const mixed = PRESETS.mixed.template;

const build = (rt: Runtime, extra: Record<string, unknown> = {}, sheetName = '数据') =>
  rt.ctx.kk_buildAppraisal!({ sheetName, month: MONTH, template: mixed, ...extra });
const prepare = (rt: Runtime) => rt.ctx.kk_prepareForOwner!({ month: MONTH });

function runtimeWith(rows: unknown[][]): Runtime {
  const rt = startRuntime();
  rt.fake.book.addSheet('数据', rows as string[][]);
  return rt;
}

const grid = (rt: Runtime) => rt.fake.book.values(TAB) as unknown[][];
const rowOf = (rt: Runtime, agent: string) => grid(rt).findIndex((r) => r[layoutOf(rt, TAB).agentColumn - 1] === agent) + 1;
/** The agent names down the agent region, top to bottom (blank rows left out). */
const namesDown = (rt: Runtime) => {
  const l = layoutOf(rt, TAB);
  return grid(rt).slice(l.firstAgentRow - 1).map((r) => String(r[l.agentColumn - 1] ?? '')).filter(Boolean);
};

/** The bundled sample with samples/manual-2026-11.csv typed into the tab, as the manager would. */
function sampleBuilt(): Runtime {
  const rt = runtimeWith(parseCsv(stripBom(readFileSync('samples/qianniu-2026-11.csv', 'utf8'))));
  expect(build(rt).ok).toBe(true);
  const column = layoutOf(rt, TAB).manualColumns['工作态度']!;
  for (const [agent, , score] of parseCsv(readFileSync('samples/manual-2026-11.csv', 'utf8')).slice(1)) {
    rt.fake.book.typeCell(TAB, rowOf(rt, agent!), column, score!);
  }
  return rt;
}

/**
 * The sample ranked (综合 preset, the sample's manual scores): totals computed by hand in
 * test/browser/owner-view.test.ts, where the same seven rows are asserted on screen.
 */
const RANKED = ['阿May', '小美', '晓雯', '糖糖', '阿杰', '橙子', '大白'];

describe('为店主准备 on the sample', () => {
  test('sorts the agents by rank with their own columns, hides the parameter rows, freezes through the header', () => {
    const rt = sampleBuilt();
    const l = layoutOf(rt, TAB);
    // The manager's own column right of the table, one note per agent: it must move with its agent.
    const own = l.columns + 1;
    for (const name of RANKED) rt.fake.book.typeCell(TAB, rowOf(rt, name), own, `备注给${name}`);
    const before = namesDown(rt);
    expect(before).not.toEqual(RANKED); // the build keeps the data's order: the sort has work to do
    const totals = new Map(readResults(rt, TAB).agents.map((a) => [a.agent, a.total]));

    const reply = prepare(rt);
    expect(reply.ok).toBe(true);
    expect(reply.value.sorted).toBe(true);
    expect(namesDown(rt)).toEqual(RANKED);
    const after = readResults(rt, TAB).agents;
    // ranks 1 … 7 down the table, each agent's total what it was (its formulas moved with it)
    expect(after.map((a) => a.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const a of after) {
      expect(a.total, a.agent).toBe(totals.get(a.agent));
      expect(grid(rt)[rowOf(rt, a.agent) - 1]![own - 1], `${a.agent}'s own column`).toBe(`备注给${a.agent}`);
    }
    // the parameter block (its header row 4, the item rows, grade bands, bonus base) through the scale row
    const header = paramHeaderRowOf(l);
    expect(header).toBe(4);
    const hidden = Array.from({ length: l.teamRows[0] - header }, (_, i) => header + i);
    // row 3 is blank (no 无数据 banner): hidden with the block; the key row too
    expect(rt.fake.book.hiddenRows(TAB)).toEqual([3, ...hidden, l.keyRow]);
    expect(reply.value.hiddenRows).toEqual([3, l.teamRows[0] - 1]);
    expect(rt.fake.book.frozen(TAB)).toEqual({ rows: l.keyRow, columns: l.agentColumn });
    expect(reply.value.frozenRows).toBe(l.keyRow);
    // visible and frozen: the title (rows 1–2), the team rows and the header
    const shown = Array.from({ length: l.keyRow! }, (_, i) => i + 1).filter((r) => !rt.fake.book.hiddenRows(TAB).includes(r));
    expect(shown).toEqual([1, 2, ...l.teamRows, l.headerRow]);
    expect(grid(rt)[l.teamRows[0] - 1]![0]).toBe(LABELS.teamAverage.zh);
    // the title says how to see the rows again
    expect(rt.fake.book.formats(TAB).notes[0]![0]).toBe(`第 3–${l.teamRows[0] - 1} 行（参数、权重与换算）已为店主隐藏：右键点行号 › 取消隐藏行 即可查看；重新生成也会显示。`);
    expect(rt.fake.book.protections(TAB)).toHaveLength(1);

    // pressing it again: nothing to move
    const again = prepare(rt);
    expect(again.value.sorted).toBe(false);
    expect(namesDown(rt)).toEqual(RANKED);
  });

  test('a rebuild of the prepared tab keeps every typed value beside its agent, keeps the rank order and shows the rows again', () => {
    const rt = sampleBuilt();
    const l = layoutOf(rt, TAB);
    for (const name of RANKED) rt.fake.book.typeCell(TAB, rowOf(rt, name), l.remarkColumn, `${name}的备注`);
    const typed = new Map(readResults(rt, TAB).agents.map((a) => [a.agent, a.manual['工作态度']]));
    expect(prepare(rt).ok).toBe(true);
    const reply = build(rt);
    expect(reply.ok).toBe(true);
    expect(reply.value.ownerViewReset).toBe(true);
    expect(rt.fake.book.hiddenRows(TAB)).toEqual([]);
    expect(layoutOf(rt, TAB).ownerView).toBeUndefined();
    expect(rt.fake.book.formats(TAB).notes[0]![0]).toBe('');
    expect(namesDown(rt)).toEqual(RANKED);
    const results = readResults(rt, TAB).agents;
    expect(results.map((a) => a.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const a of results) {
      expect(a.manual['工作态度'], a.agent).toBe(typed.get(a.agent));
      expect(grid(rt)[rowOf(rt, a.agent) - 1]![l.remarkColumn - 1]).toBe(`${a.agent}的备注`);
    }
    // a second rebuild (not prepared since) has nothing to show again
    expect(build(rt).value.ownerViewReset).toBeUndefined();
  });
});

describe('为店主准备 never hides a flag nor moves an agent out of the counted rows', () => {
  test('a total to fix sorts last among the current agents; an agent gone from the data keeps its row', () => {
    const rt = runtimeWith(syntheticExport(5, 'per-agent'));
    expect(build(rt).ok).toBe(true);
    // next month's export without 客服0001: a grey row at the bottom, no total
    rt.fake.book.addSheet('数据 2', syntheticExport(5, 'per-agent').filter((r) => r[1] !== '客服0001'));
    expect(build(rt, {}, '数据 2').ok).toBe(true);
    const l = layoutOf(rt, TAB);
    rt.fake.book.typeCell(TAB, rowOf(rt, '客服0002'), l.manualColumns['工作态度']!, '9分'); // text: 待修正
    const reply = prepare(rt);
    expect(reply.ok).toBe(true);
    // The rebuild kept 客服0001's grey row where it was, the first; the current agents' rows below it are
    // the ones every absolute range counts, and the sort stays within them (moving the grey row down would
    // take the top agent out of the ranks, the team rows and the bonus total).
    const results = readResults(rt, TAB).agents;
    expect(results[0]).toMatchObject({ agent: '客服0001', vanished: true });
    expect(results.slice(1, 4).map((a) => a.rank)).toEqual([1, 2, 3]);
    expect(results[4]).toMatchObject({ agent: '客服0002', total: LABELS.fixManual.zh, rank: '' });
    const ranked = results.slice(1, 4).map((a) => Number(a.total));
    expect(ranked).toEqual([...ranked].sort((a, b) => b - a));
    expect(readResults(rt, TAB).team.total).toBeCloseTo(ranked.reduce((s, t) => s + t, 0) / 3, 2);
    expect(reply.value.manualIssues.map((i: { agent: string }) => i.agent)).toContain('客服0002');
  });

  test('the 无数据 banner in row 3 stays in view; only the block below it is hidden', () => {
    const rows = syntheticExport(4, 'per-agent');
    // no 差评 column: 差评率 cannot be scored, built as 无数据 by the manager's choice
    const bad = rows[0]!.indexOf('差评数');
    expect(bad).toBeGreaterThan(0);
    const rt = runtimeWith(rows.map((r) => r.filter((_, i) => i !== bad)));
    expect(build(rt, { buildWithout: ['BAD_REVIEW_RATE'] }).ok).toBe(true);
    const l = layoutOf(rt, TAB);
    expect(String(grid(rt)[2]![0])).toContain('无数据');
    const reply = prepare(rt);
    expect(reply.value.hiddenRows).toEqual([4, l.teamRows[0] - 1]);
    expect(rt.fake.book.hiddenRows(TAB)).not.toContain(3);
  });

  test('rows inserted above the table since the build: nothing is hidden but the key row, and the reply says why', () => {
    const rt = runtimeWith(syntheticExport(3, 'per-agent'));
    expect(build(rt).ok).toBe(true);
    rt.fake.book.insertRows(TAB, 5, 1);
    rt.fake.book.typeCell(TAB, 5, 1, '店长：本月按新规');
    const l = layoutOf(rt, TAB);
    const reply = prepare(rt);
    expect(reply.ok).toBe(true);
    expect(reply.value.hiddenRows).toBeNull();
    expect(reply.value.notHidden.zh).toContain('参数行没有隐藏');
    expect(rt.fake.book.hiddenRows(TAB)).toEqual([l.keyRow! + 1]);
    expect(rt.fake.book.frozen(TAB).rows).toBe(l.keyRow! + 1);
    expect(rt.fake.book.formats(TAB).notes[0]![0]).toBe('');
  });

  test('an English tab gets the note in English', () => {
    const rt = runtimeWith(syntheticExport(3, 'per-agent'));
    expect(build(rt, { locale: 'en' }).ok).toBe(true);
    const l = layoutOf(rt, TAB);
    expect(prepare(rt).ok).toBe(true);
    expect(rt.fake.book.formats(TAB).notes[0]![0]).toBe(`Rows 3–${l.teamRows[0] - 1} (the parameters, weights and scale) are hidden for the owner: right-click the row numbers › Unhide rows to see them. Building again shows them.`);
  });
});
