/**
 * The 考核 tab as Google Sheets draws it: every column 100 px unless the script sizes it, text clipped
 * by a full neighbour unless its cell wraps. A first build wraps the header rows and sizes the columns
 * from the total through the last contribution so that they fit a 1366 px laptop beside the agent
 * column; a rebuild wraps again (the header is rewritten) and keeps the widths the manager chose.
 */
import { describe, expect, test } from 'vitest';
import { PRESETS } from '../../src/appraisal';
import { layoutOf, startRuntime, type Runtime } from '../../dev/local/appraise';
import { syntheticExport } from '../../scripts/synthetic';

const MONTH = '2026-11';
const TAB = '考核 2026-11';
const mixed = PRESETS.mixed.template;

function built(agents = 7): Runtime {
  const rt = startRuntime();
  rt.fake.book.addSheet('数据', syntheticExport(agents, 'per-agent'));
  expect(rt.ctx.kk_buildAppraisal!({ sheetName: '数据', month: MONTH, template: mixed }).ok).toBe(true);
  return rt;
}
const rebuild = (rt: Runtime) => expect(rt.ctx.kk_buildAppraisal!({ sheetName: '数据', month: MONTH, template: mixed }).ok).toBe(true);
const sheetOf = (rt: Runtime) =>
  (rt.fake.globals as unknown as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp }).SpreadsheetApp.getActive().getSheetByName(TAB)!;

describe('the 考核 tab in Sheets', () => {
  test('a first build wraps the header rows of the agent table and the parameter block, nothing else', () => {
    const rt = built();
    const l = layoutOf(rt, TAB);
    const { wraps } = rt.fake.book.formats(TAB);
    const shown = rt.fake.book.values(TAB);
    // the agent table's header, across every column of ours with a header
    for (let c = 1; c <= l.columns; c++) {
      if (shown[l.headerRow - 1]![c - 1] !== '') expect(wraps[l.headerRow - 1]![c - 1], `header column ${c}`).toBe(true);
    }
    // the parameter block's header row (row 4: 考核项, 指标, 权重 …)
    expect(shown[3]![0]).toBe('考核项');
    expect(wraps[3]!.slice(0, 9)).toEqual(new Array(9).fill(true));
    // the title overflows into the empty cells to its right, the agents' rows and the team rows never wrap
    expect(wraps[0]![0]).toBe(false);
    for (const row of [l.teamRows[0], l.firstAgentRow, l.firstAgentRow + 6]) expect(wraps[row - 1]!.every((w) => !w), `row ${row}`).toBe(true);
  });

  test('a first build sizes total … last contribution in one call so the agent and every contribution fit 1366 px', () => {
    const rt = startRuntime();
    rt.fake.book.addSheet('数据', syntheticExport(7, 'per-agent'));
    rt.fake.calls.reset();
    expect(rt.ctx.kk_buildAppraisal!({ sheetName: '数据', month: MONTH, template: mixed }).ok).toBe(true);
    expect(rt.fake.calls.byMethod()['Sheet.setColumnWidths']).toBe(1);
    const l = layoutOf(rt, TAB);
    // mixed: 8 metric items + 工作态度 = 9 contributions, after total, rank, grade, coefficient, bonus (B–F):
    // 14 columns share 1366 − 46 (row numbers) − 17 (scroll bar) − 100 (A, the agent) = 1,203 px:
    // ⌊1203 ÷ 14⌋ = 85 px each (14 × 85 = 1,190).
    const lastContribution = Math.max(...Object.values(l.manualContributionColumns ?? {}));
    expect(lastContribution).toBe(15); // O
    const widths = rt.fake.book.formats(TAB).columnWidths;
    expect(widths).toEqual(Object.fromEntries([...Array(14).keys()].map((i) => [i + 2, 85])));
    // the agent, the values and the scores keep Sheets' 100 px
    const sheet = sheetOf(rt);
    expect(sheet.getColumnWidth(l.agentColumn)).toBe(100);
    expect(sheet.getColumnWidth(l.valueColumns.SALES_ACHIEVEMENT!)).toBe(100);
    expect(100 + 14 * 85).toBeLessThanOrEqual(1366 - 46 - 17);
  });

  test('a rebuild keeps the widths the manager chose and wraps the header again where the manager inserted a column', () => {
    const rt = built();
    const sheet = sheetOf(rt);
    sheet.setColumnWidth(1, 160); // longer names
    sheet.setColumnWidth(3, 120);
    const before = layoutOf(rt, TAB);
    sheet.insertColumnBefore(before.bonusColumn); // the manager's own column before 奖金
    rt.fake.calls.reset();
    rebuild(rt);
    expect(rt.fake.calls.byMethod()['Sheet.setColumnWidths']).toBeUndefined();
    expect(rt.fake.calls.byMethod()['Sheet.setColumnWidth']).toBeUndefined();
    expect(sheet.getColumnWidth(1)).toBe(160);
    expect(sheet.getColumnWidth(3)).toBe(120);
    expect(sheet.getColumnWidth(before.bonusColumn)).toBe(100); // the inserted column
    expect(sheet.getColumnWidth(before.bonusColumn + 1)).toBe(85); // 奖金, moved right with its width
    const l = layoutOf(rt, TAB);
    expect(l.bonusColumn).toBe(before.bonusColumn + 1);
    const headerWraps = sheet.getRange(l.headerRow, 1, 1, l.columns).getWraps()[0]!;
    expect(headerWraps[l.bonusColumn - 1]).toBe(true);
    expect(headerWraps[Math.max(...Object.values(l.manualContributionColumns ?? {})) - 1]).toBe(true);
  });
});
