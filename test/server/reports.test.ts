/**
 * kk_buildReports through the built bundle over the in-memory spreadsheet: the 绩效单 and 趋势 of a
 * month, their service calls (independent of the number of agents), agent names that MATCH and
 * VLOOKUP would read as wildcards, the trend's guard against a sorted month, English documents.
 */
import { describe, expect, test } from 'vitest';
import { PRESETS } from '../../src/appraisal';
import { createFakeGas, loadGasProject } from '../../dev/gas';
import { readResults, startRuntime, type Runtime } from '../../dev/local/appraise';
import { syntheticExport } from '../../scripts/synthetic';

const mixed = PRESETS.mixed.template;
/** A manual-only template: totals are exactly what is typed, so expected figures need no metric data. */
const MANUAL = {
  version: 1, name: '手工', items: [{ metric: 'INQUIRY_CONVERSION', weight: 50, floor: 0.3, target: 0.5, method: 'linear' }, { manual: '态度', weight: 50, max: 100 }],
  grades: [{ min: 90, grade: 'A', coefficient: 1.2 }, { min: 0, grade: 'B', coefficient: 1 }], bonusBase: 2000,
};

const asMonth = (rows: (string | number)[][], month: string) => rows.map((r) => r.map((c) => (typeof c === 'string' ? c.replace(/^2026-11/, month) : c)));

function withMonths(agents: number): Runtime {
  const rt = startRuntime();
  const rows = syntheticExport(agents, 'per-agent');
  rt.fake.book.addSheet('数据', [...rows, ...asMonth(rows.slice(1), '2026-10')]);
  for (const month of ['2026-10', '2026-11']) expect(rt.ctx.kk_buildAppraisal!({ sheetName: '数据', month, template: mixed }).ok).toBe(true);
  return rt;
}

const noErrors = (grid: unknown[][]) => grid.flat().filter((v) => typeof v === 'string' && /^#(DIV\/0|NUM|VALUE|REF|NAME|N\/A|ERROR)/.test(v));

describe('kk_buildReports', () => {
  test('makes as many spreadsheet calls for 300 agents as for 10 (two months in the document)', () => {
    const counts = [10, 300].map((agents) => {
      const rt = withMonths(agents);
      rt.fake.calls.reset();
      const reply = rt.ctx.kk_buildReports!({ month: '2026-11' });
      expect(reply.ok).toBe(true);
      expect(reply.value).toEqual({ reportCard: '绩效单 2026-11', trend: '趋势', warnings: [] });
      expect(noErrors(rt.fake.book.values('绩效单 2026-11'))).toEqual([]);
      expect(noErrors(rt.fake.book.values('趋势'))).toEqual([]);
      const first = { calls: rt.fake.calls.spreadsheet, byMethod: rt.fake.calls.byMethod() };
      rt.fake.calls.reset();
      expect(rt.ctx.kk_buildReports!({ month: '2026-11' }).ok).toBe(true); // refresh: same tabs rewritten
      return { first, refresh: { calls: rt.fake.calls.spreadsheet, byMethod: rt.fake.calls.byMethod() } };
    });
    expect(counts[1]).toEqual(counts[0]);
  });

  test('the card carries the picker, the earlier month and a line chart; the trend both months', () => {
    const rt = withMonths(3);
    expect(rt.ctx.kk_buildReports!({ month: '2026-11' }).ok).toBe(true);
    const rule = rt.fake.book.validation('绩效单 2026-11', 2, 2);
    // a list of the month's agents in the tab's order (its agent column also holds blank rows and departed agents)
    const agents = readResults(rt, '考核 2026-11').agents.map((a) => a.agent);
    expect([...agents].sort()).toEqual(['客服0001', '客服0002', '客服0003']);
    expect(rule).toEqual(expect.objectContaining({ criteria: 'VALUE_IN_LIST', values: [agents, true], allowInvalid: false }));
    // the picker takes the month's agents only: a name not in the tab is refused, the page keeps its agent
    expect(rt.fake.book.typeAsUser('绩效单 2026-11', 2, 2, '不存在的人').accepted).toBe(false);
    expect(rt.fake.book.values('绩效单 2026-11')[1]![1]).toBe(agents[0]);
    const card = rt.fake.book.values('绩效单 2026-11');
    const months = card.map((r) => r[0]).filter((v) => v === '2026-10' || v === '2026-11');
    expect(months).toEqual(['2026-10', '2026-11']);
    expect(rt.fake.book.charts('绩效单 2026-11').map((c) => c.type)).toEqual(['LINE']);
    const trend = rt.fake.book.values('趋势');
    expect(trend.filter((r) => r[0] === '2026-10').length).toBe(3); // totals, grades, bonuses
    expect(trend.some((r) => r[0] === '2026 Q4 季度平均')).toBe(true);
  });

  test('refuses a month without an appraisal tab, writing nothing', () => {
    const rt = startRuntime();
    const reply = rt.ctx.kk_buildReports!({ month: '2026-11' });
    expect(reply.ok).toBe(false);
    expect(reply.error.zh).toContain('考核 2026-11');
    expect(rt.fake.book.sheetNames()).not.toContain('绩效单 2026-11');
  });

  test('agents named with * ? ~ are told apart (no wildcard lookup), and the bonus reads as a sum', () => {
    const rt = startRuntime();
    const names = ['a*', 'ab', 'a?', '~a'];
    rt.fake.book.addSheet('数据', [['客服', '询单人数', '询单->最终付款人数', '日期'], ...names.map((n, i) => [n, 100, 30 + 5 * i, '2026-11-30'])]);
    expect(rt.ctx.kk_buildAppraisal!({ sheetName: '数据', month: '2026-11', template: MANUAL }).ok).toBe(true);
    expect(rt.ctx.kk_buildReports!({ month: '2026-11' }).ok).toBe(true);
    const card = '绩效单 2026-11';
    // conversion 30 %, 35 %, 40 %, 45 % → linear scores 0, 25, 50, 75; ×50 ÷ 100 → totals 0, 12.5, 25, 37.5 (态度 blank)
    const expected: Record<string, number> = { 'a*': 0, ab: 12.5, 'a?': 25, '~a': 37.5 };
    for (const name of ['~a', 'a?', 'ab', 'a*']) {
      expect(rt.fake.book.typeAsUser(card, 2, 2, name).accepted).toBe(true);
      const v = rt.fake.book.values(card);
      expect(v[1]![4], name).toBe(expected[name]);
    }
    // 'a?' again, with 态度 90 typed in the 考核 tab: total = (50·50 + 50·90) ÷ 100 = 70 → B, 1.0 → 2,000 × 1.0 = ¥2,000
    rt.fake.book.typeCell(card, 2, 2, 'a?');
    const layout = JSON.parse(rt.fake.book.metadata('考核 2026-11').find((m) => m.key === 'kefu-kpi/appraisal')!.value!);
    // The first build ranked the rows: ~a (37.5), a? (25), ab, a*.
    const row = rt.fake.book.values('考核 2026-11').findIndex((r) => r[layout.agentColumn - 1] === 'a?') + 1;
    expect(row).toBe(layout.firstAgentRow + 1);
    rt.fake.book.typeCell('考核 2026-11', row, layout.manualColumns['态度'], '90');
    const v = rt.fake.book.values(card);
    expect(v[1]![4]).toBe(70);
    expect(v[2]![4]).toBe('奖金 = 2,000 × 1.0 = ¥2,000');
  });

  test('a month tab sorted since the trend was built shows ⚠需刷新 instead of another agent\'s number', () => {
    const rt = startRuntime();
    rt.fake.book.addSheet('数据', [['客服', '询单人数', '询单->最终付款人数', '日期'], ['甲', 100, 40, '2026-11-30'], ['乙', 100, 50, '2026-11-30']]);
    expect(rt.ctx.kk_buildAppraisal!({ sheetName: '数据', month: '2026-11', template: MANUAL }).ok).toBe(true);
    expect(rt.ctx.kk_buildReports!({ month: '2026-11' }).ok).toBe(true);
    const layout = JSON.parse(rt.fake.book.metadata('考核 2026-11').find((m) => m.key === 'kefu-kpi/appraisal')!.value!);
    // the manager swaps the two names in the tab (as a sort of the name column alone would); the build ranked 乙 (50) above 甲 (25)
    const names = rt.fake.book.values('考核 2026-11').slice(layout.firstAgentRow - 1, layout.firstAgentRow + 1).map((r) => r[layout.agentColumn - 1]);
    expect(names).toEqual(['乙', '甲']);
    rt.fake.book.typeCell('考核 2026-11', layout.firstAgentRow, layout.agentColumn, '甲');
    rt.fake.book.typeCell('考核 2026-11', layout.firstAgentRow + 1, layout.agentColumn, '乙');
    const trend = rt.fake.book.values('趋势');
    const totals = trend.find((r) => r[0] === '2026-11')!;
    expect(totals.slice(1, 3)).toEqual(['⚠需刷新', '⚠需刷新']);
    expect(trend.find((r) => r[0] === '2026 全年平均')!.slice(1, 3)).toEqual(['⚠需刷新', '⚠需刷新']);
    // refreshing reads the tab as it is now
    expect(rt.ctx.kk_buildReports!({ month: '2026-11' }).ok).toBe(true);
    expect(rt.fake.book.values('趋势').find((r) => r[0] === '2026-11')!.some((v) => v === '⚠需刷新')).toBe(false);
  });

  test("the issue's two agents around the 99 % tier: the card shows 99.001 % and 98.999 %, as the 考核 tab does", () => {
    const rt = startRuntime();
    // 旺旺回复率 = 已回复咨询人数 ÷ 咨询人数: 990,014 ÷ 1,000,000 = 0.990014 and 989,993 ÷ 1,000,000 = 0.989993
    rt.fake.book.addSheet('数据', [['客服', '咨询人数', '已回复咨询人数', '日期'], ['甲', 1000000, 990014, '2026-11-30'], ['乙', 1000000, 989993, '2026-11-30']]);
    const template = { version: 1, name: '回复率', items: [{ metric: 'REPLY_RATE', weight: 100, method: 'tiers', tiers: [[0.99, 80], [0.98, 60]] }], grades: mixed.grades };
    expect(rt.ctx.kk_buildAppraisal!({ sheetName: '数据', month: '2026-11', template }).ok).toBe(true);
    expect(rt.ctx.kk_buildReports!({ month: '2026-11' }).ok).toBe(true);
    const tab = '考核 2026-11';
    const layout = JSON.parse(rt.fake.book.metadata(tab).find((m) => m.key === 'kefu-kpi/appraisal')!.value!);
    expect(layout.valueDecimals).toEqual({ REPLY_RATE: 3 });
    const shownOnTab = rt.fake.book.displayValues(tab).slice(layout.firstAgentRow - 1, layout.firstAgentRow + 1).map((r) => r[layout.valueColumns.REPLY_RATE - 1]);
    const card = '绩效单 2026-11';
    // 99.0014 → 99.001 (≥ 99 %: 80 points); 98.9993 → 98.999 (< 99 %, ≥ 98 %: 60 points); thresholds shown with the same 3 decimals
    for (const [name, shown, score] of [['甲', '99.001%', 80], ['乙', '98.999%', 60]] as const) {
      expect(rt.fake.book.typeAsUser(card, 2, 2, name).accepted).toBe(true);
      const v = rt.fake.book.values(card);
      expect(rt.fake.book.displayValues(card)[5]![1], name).toBe(shown);
      expect(v[5]![4], name).toBe(score);
      expect(v[6]![0], name).toBe(`旺旺回复率 ${shown}，按阶梯（99.000%→80、98.000%→60 分）得 ${score}.0 分`);
    }
    expect(shownOnTab).toEqual(['99.001%', '98.999%']);
  });

  test('an English document gets English tabs and sentences', () => {
    const fake = createFakeGas({ locale: 'en_US', userLocale: 'en_US' });
    const ctx = loadGasProject('dist', fake.globals) as unknown as Record<string, (req: unknown) => any>;
    fake.book.addSheet('Data', [['Agent', '询单人数', '询单->最终付款人数', '日期'], ['Amy', 100, 40, '2026-11-30']]);
    // the sidebar sends the document's language with the build, as kk_getState reports it
    const { documentLocale } = ctx.kk_getState!({}).value;
    expect(documentLocale).toBe('en');
    expect(ctx.kk_buildAppraisal!({ sheetName: 'Data', month: '2026-11', template: MANUAL, locale: documentLocale }).ok).toBe(true);
    expect(ctx.kk_buildReports!({ month: '2026-11' }).value.reportCard).toBe('Report card 2026-11');
    const appraisal = fake.book.values('考核 2026-11').flat();
    expect(appraisal).toContain('Agent');
    expect(appraisal).not.toContain('客服');
    const card = fake.book.values('Report card 2026-11').flat().map(String);
    // 40 % → 100 × (0.4 − 0.3) ÷ 0.2 = 50
    expect(card).toContain('Inquiry conversion rate 40.00%, target 50.00%, floor 30.00%: linear between them gives 50.0 points');
    expect(card.filter((t) => /[\u4e00-\u9fff]/.test(t) && !t.includes('态度'))).toEqual([]); // Chinese only in the manager's own item name
    expect(fake.book.sheetNames()).toContain('Trend');
  });

  test('after the manager inserts a column and a row, sorts the table and rebuilds, the card still reads the right cells', () => {
    const rt = startRuntime();
    rt.fake.book.addSheet('数据', [['客服', '询单人数', '询单->最终付款人数', '日期'], ['甲', 100, 40, '2026-11-30'], ['乙', 100, 50, '2026-11-30'], ['丙', 100, 45, '2026-11-30']]);
    const build = () => expect(rt.ctx.kk_buildAppraisal!({ sheetName: '数据', month: '2026-11', template: MANUAL }).ok).toBe(true);
    build();
    const tab = '考核 2026-11';
    rt.fake.book.insertColumns(tab, 2, 1); // a column of the manager's own between the name and the total
    rt.fake.book.insertRows(tab, 1, 2); // two lines of their own above everything
    const layout = () => JSON.parse(rt.fake.book.metadata(tab).find((m) => m.key === 'kefu-kpi/appraisal')!.value!);
    const l = layout();
    rt.fake.book.sortRange(tab, `A${l.firstAgentRow}:Z${l.firstAgentRow + 2}`, { column: 1, ascending: false });
    build();
    expect(rt.ctx.kk_buildReports!({ month: '2026-11' }).ok).toBe(true);
    const card = '绩效单 2026-11';
    // conversion 40 / 50 / 45 % → linear (30 % → 0, 50 % → 100): 50, 100, 75 points; × 50 ÷ 100 → totals 25, 50, 37.5
    for (const [name, total, conversion] of [['甲', 25, 50], ['乙', 50, 100], ['丙', 37.5, 75]] as const) {
      expect(rt.fake.book.typeAsUser(card, 2, 2, name).accepted).toBe(true);
      const v = rt.fake.book.values(card);
      expect(v[1]![4], name).toBe(total);
      expect(v[5]![4], name).toBeCloseTo(conversion, 9); // the item's score
      expect(v[5]![5], name).toBe(50); // its weight, read from the moved parameter block
      expect(v[5]![2], name).toBe(0.3); // its floor
    }
  });
});
