/**
 * The pure plans of the 绩效单 and 趋势 tabs: built-in formulas only (no RANK/LOOKUP, no bare TRUE, no
 * name lookups with MATCH/VLOOKUP), one A4 page, and the sentence helpers evaluated by HyperFormula
 * against hand-written text.
 */
import { describe, expect, it } from 'vitest';
import { PRESETS, planTab } from '../../src/appraisal';
import { planReportCard } from '../../src/appraisal/report-card';
import { bonusSentence, moneyText, valueText } from '../../src/appraisal/report-text';
import { planTrend } from '../../src/appraisal/trend';
import { evaluateSheets } from './hf';

const template = PRESETS.mixed.template;
const appraisal = planTab({
  month: '2026-11', template, now: '2026-12-01T08:00',
  agents: [{ agent: '小美', values: { INQUIRY_CONVERSION: 0.45 } }, { agent: 'a*', values: { INQUIRY_CONVERSION: 0.35 } }],
});
const history = Array.from({ length: 14 }, (_, i) => ({
  month: `2025-${String(i + 1).padStart(2, '0')}`.replace(/2025-1([3-4])/, '2026-0$1'),
  sheetName: `考核 ${i}`, layout: appraisal.layout,
}));
const card = planReportCard({ month: '2026-11', sheetName: appraisal.sheetName, layout: appraisal.layout, template, firstAgent: '小美', agents: ['小美', 'a*'], history });

const formulas = (values: unknown[][]) => values.flat().filter((v): v is string => typeof v === 'string' && v.startsWith('='));

describe('planReportCard', () => {
  it('uses only formulas that mean the same in Sheets, Excel, LibreOffice and HyperFormula', () => {
    const all = formulas(card.values);
    expect(all.length).toBeGreaterThan(50);
    for (const f of all) {
      expect(f).not.toMatch(/\b(RANK|LOOKUP|VLOOKUP|HLOOKUP|XLOOKUP|FIXED|TEXTJOIN|FILTER)\(/);
      expect(f).not.toMatch(/(^|[^A-Z_])TRUE(?!\()/); // TRUE() only, never bare TRUE
      // MATCH only ever looks for TRUE() among EXACT flags, never for a name
      for (const m of f.matchAll(/MATCH\(([^,]*),/g)) expect(m[1]).toBe('TRUE()');
    }
  });

  it('fits one A4 page: ten columns, at most 45 rows even with 12 months of history', () => {
    expect(card.pageRows).toBeLessThanOrEqual(45);
    const pageWidth = card.columnWidths.slice(0, 10).reduce((a, b) => a + b, 0);
    expect(pageWidth).toBeLessThanOrEqual(780); // A4 portrait at 96 dpi is 794 px wide; Sheets' "fit to width" takes the rest
    // nothing of the page lies right of column J except the helper columns, which start at L
    for (const row of card.values.slice(4)) expect(row[10]).toBeNull();
    // 12 months in the history: 11 earlier (the last of the 14 given) + this one
    const months = card.values.map((r) => r[0]).filter((v) => typeof v === 'string' && /^\d{4}-\d{2}$/.test(v));
    expect(months).toHaveLength(12);
    expect(months.at(-1)).toBe('2026-11');
  });

  it('evaluates without an error, and the agent named a* is not matched by 小美 or the reverse', () => {
    const sheets = { [appraisal.sheetName]: appraisal.values, ...Object.fromEntries(history.map((h) => [h.sheetName, appraisal.values])), [card.sheetName]: card.values };
    const v = evaluateSheets(sheets)[card.sheetName]!;
    expect(v.flat().filter((x) => typeof x === 'string' && x.startsWith('#ERR'))).toEqual([]);
    // 小美: conversion 45 % → 100 × (0.45 − 0.3) ÷ 0.2 = 75 points
    expect(v[7]![4]).toBe(75); // row 8: the second item (达成率 first)
    const picked = { ...sheets, [card.sheetName]: card.values.map((r, i) => (i === 1 ? r.map((c, j) => (j === 1 ? 'a*' : c)) : r)) };
    // a*: 35 % → 25 points
    expect(evaluateSheets(picked)[card.sheetName]![7]![4]).toBeCloseTo(25, 9);
  });
});

describe('sentence helpers in HyperFormula', () => {
  const evaluate = (formulas: string[]) => evaluateSheets({ s: [formulas.map((f) => `=${f}`)] }).s![0]!;

  it('writes money with thousands separators and cents only when there are any', () => {
    expect(evaluate([moneyText('0'), moneyText('5'), moneyText('999.5'), moneyText('1000'), moneyText('2200'), moneyText('1234567.891'), moneyText('-1200.05')]))
      .toEqual(['0', '5', '999.50', '1,000', '2,200', '1,234,567.89', '-1,200.05']);
  });

  it('writes values with their units', () => {
    expect(evaluate([valueText('0.45678', 'fraction', 'zh'), valueText('18', 'seconds', 'zh'), valueText('18', 'seconds', 'en'), valueText('155.2', 'yuan', 'zh'), valueText('2', 'count', 'zh')]))
      .toEqual(['45.68%', '18.0 秒', '18.0 s', '¥155.20', '2 笔']);
  });

  it('writes the bonus as a one-line sum', () => {
    expect(evaluate([bonusSentence('2000', '1.1', '2200', 'zh'), bonusSentence('""', '1', '""', 'zh'), bonusSentence('1000', '0.8', '800', 'en')].map((f) => f.slice(1))))
      .toEqual(['奖金 = 2,000 × 1.1 = ¥2,200', '未设奖金基数', 'Bonus = 1,000 × 0.8 = ¥800']);
  });
});

describe('planTrend', () => {
  const layout = appraisal.layout;
  const plan = planTrend({
    months: [
      { month: '2026-11', sheetName: '考核 2026-11', layout, rows: ['小美', 'a*'], current: ['小美', 'a*'] },
      { month: '2026-10', sheetName: '考核 2026-10', layout, rows: ['a*', ''], current: ['a*'] },
    ],
  });
  it('lists months oldest first, newest team first, quarter and year rows, a chart over the totals only', () => {
    const firstColumn = plan.values.map((r) => r[0]);
    expect(firstColumn.filter((v) => v === '2026-10' || v === '2026-11')).toEqual(['2026-10', '2026-11', '2026-10', '2026-11', '2026-10', '2026-11']);
    expect(plan.values[3]!.slice(0, 3)).toEqual(['总分', '小美', 'a*']);
    expect(firstColumn).toContain('2026 Q4 季度平均');
    expect(firstColumn).toContain('2026 全年平均');
    expect(firstColumn).toContain('2026 全年奖金');
    expect(plan.chart?.range).toBe('A4:C6');
  });

  it('leaves a month the agent was not in blank, and refers to each agent by its own row, guarded', () => {
    const oct = plan.values[4]!;
    expect(oct[1]).toBeNull(); // 小美 was not in October
    expect(oct[2]).toBe(`=IF(EXACT('考核 2026-10'!$A$${layout.firstAgentRow},"a*"),'考核 2026-10'!$B$${layout.firstAgentRow},"⚠需刷新")`);
  });
});
