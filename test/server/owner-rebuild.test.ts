/**
 * A 考核 tab built before the contribution columns existed (saved by `npm run appraise -- --book`
 * from the sample export, the 综合 preset and the sample manual scores, with the code of that
 * time: fixtures/book-2026-11-before-contributions.json) rebuilt by today's bundle: the new
 * columns are placed as a template that adds items is, every typed score stays beside its agent,
 * the rows keep the order the tab has (no re-ranking on a rebuild), the totals do not move, and
 * the contributions add up to them.
 */
import { describe, expect, test } from 'vitest';
import { PRESETS } from '../../src/appraisal';
import { KEYS } from '../../src/appraisal/anatomy';
import { columnLetter } from '../../src/appraisal/a1';
import { loadBookFile } from '../../dev/local/book-file';
import { importData, layoutOf, readDataFiles, readResults, startRuntime, type Runtime } from '../../dev/local/appraise';

const TAB = '考核 2026-11';
const FIXTURE = 'test/server/fixtures/book-2026-11-before-contributions.json';
/** samples/manual-2026-11.csv, as typed into the old tab. */
const TYPED: Record<string, number> = { 小美: 95, 阿杰: 85, 晓雯: 90, 糖糖: 88, 阿May: 92, 橙子: 80, 大白: 70 };
const OLD_ORDER = ['小美', '阿杰', '晓雯', '糖糖', '阿May', '橙子', '大白'];

async function oldTab(): Promise<{ rt: Runtime; dataTab: string }> {
  const rt = startRuntime();
  loadBookFile(rt, FIXTURE);
  const [table] = await readDataFiles(['samples/qianniu-2026-11.csv']);
  const dataTab = await importData(rt, table!.file, table!.rows);
  return { rt, dataTab };
}

const rebuild = (rt: Runtime, dataTab: string) => rt.ctx.kk_buildAppraisal!({ sheetName: dataTab, month: '2026-11', template: PRESETS.mixed.template });

describe('a tab built before the contribution columns, rebuilt', () => {
  test('typed scores beside their agents, the tab\'s row order, the same totals, contributions that add up to them', async () => {
    const { rt, dataTab } = await oldTab();
    const before = layoutOf(rt, TAB);
    expect(before.contributionColumns).toBeUndefined();
    const totalsBefore = Object.fromEntries(readResults(rt, TAB).agents.map((a) => [a.agent, a.total]));
    expect(Object.keys(totalsBefore)).toEqual(OLD_ORDER);

    expect(rebuild(rt, dataTab).ok).toBe(true);
    const layout = layoutOf(rt, TAB);
    const results = readResults(rt, TAB);
    expect(results.agents.map((a) => a.agent)).toEqual(OLD_ORDER);
    for (const a of results.agents) {
      expect(a.manual['工作态度'], a.agent).toBe(TYPED[a.agent]);
      expect(a.total, a.agent).toBe(totalsBefore[a.agent]);
    }
    // 8 metric items and 1 manual item: 9 contribution columns, keyed, right after the bonus.
    const grid = rt.fake.book.values(TAB) as unknown[][];
    const contributions = { ...layout.contributionColumns!, ...layout.manualContributionColumns! };
    expect(Object.keys(contributions)).toHaveLength(9);
    expect(Math.min(...Object.values(contributions))).toBe(layout.bonusColumn + 1);
    const keys = grid[layout.keyRow! - 1]!;
    for (const [metric, c] of Object.entries(layout.contributionColumns!)) expect(keys[c - 1]).toBe(KEYS.contribution(metric));
    expect(keys[layout.manualContributionColumns!['工作态度']! - 1]).toBe(KEYS.manualContribution('工作态度'));
    for (const a of results.agents) {
      const row = grid.findIndex((r) => r[layout.agentColumn - 1] === a.agent);
      const sum = Object.values(contributions).reduce((s, c) => s + (grid[row]![c - 1] as number), 0);
      expect(Math.abs(sum - (a.total as number)), `${a.agent}: Σ ${sum} vs ${a.total}`).toBeLessThanOrEqual(0.005);
    }
  });

  test('Sheets refuses a bad manual score in the manual column\'s new place, not in its old one', async () => {
    const { rt, dataTab } = await oldTab();
    const oldManual = layoutOf(rt, TAB).manualColumns['工作态度']!;
    expect(rebuild(rt, dataTab).ok).toBe(true);
    const layout = layoutOf(rt, TAB);
    const manual = layout.manualColumns['工作态度']!;
    expect(manual).not.toBe(oldManual);
    expect(layout.validated).toEqual({ [`${columnLetter(manual)}${layout.firstAgentRow}:${columnLetter(manual)}`]: 100 });
    expect(rt.fake.book.validation(TAB, layout.firstAgentRow, manual)).not.toBeNull();
    expect(rt.fake.book.validation(TAB, layout.firstAgentRow, oldManual)).toBeNull();
  });

  test('a column of the manager\'s own after the bonus, and the table sorted by hand, survive the rebuild', async () => {
    const { rt, dataTab } = await oldTab();
    const before = layoutOf(rt, TAB);
    const mine = before.bonusColumn + 1;
    rt.fake.book.insertColumns(TAB, mine, 1);
    const rowOf = (agent: string) => (rt.fake.book.values(TAB) as unknown[][]).findIndex((r) => r[0] === agent) + 1;
    rt.fake.book.typeCell(TAB, rowOf('大白'), mine, '新人');
    rt.fake.book.sortRange(TAB, `A${before.firstAgentRow}:${columnLetter(before.columns + 1)}${before.firstAgentRow + 6}`, { column: 1, ascending: true });
    const sorted = readResults(rt, TAB).agents.map((a) => a.agent);
    expect(rebuild(rt, dataTab).ok).toBe(true);
    const layout = layoutOf(rt, TAB);
    expect(readResults(rt, TAB).agents.map((a) => a.agent)).toEqual(sorted);
    expect((rt.fake.book.values(TAB) as unknown[][])[rowOf('大白') - 1]![mine - 1]).toBe('新人');
    expect(Object.values(layout.contributionColumns!)).not.toContain(mine);
    for (const a of readResults(rt, TAB).agents) expect(a.manual['工作态度'], a.agent).toBe(TYPED[a.agent]);
  });
});
