/**
 * The plan of the `趋势` tab: every agent's monthly total, grade and bonus across all the document's
 * `考核` tabs, with quarter and year averages (for 年终奖) and a line chart of the totals.
 *
 * Months run down, agents across (so the chart's series are the agents). Each figure refers to the
 * agent's own cell in that month's tab, guarded by `EXACT(name cell, "agent")`: when the manager has
 * sorted or edited that tab since, the cell says so (`⚠需刷新`) instead of showing someone else's
 * number, and the averages show the warning too rather than leaving the month out quietly.
 */
import { pick, type Locale } from '../i18n';
import { a1, columnLetter, quoteSheetName } from './a1';
import { neutralise } from './neutralise';
import type { TabLayout } from './plan-types';
import { FORMATS } from './plan';
import { TREND } from './report-labels';

export interface TrendMonth {
  month: string;
  sheetName: string;
  layout: Pick<TabLayout, 'firstAgentRow' | 'agentColumn' | 'totalColumn' | 'gradeColumn' | 'bonusColumn'>;
  /** The name on each row of the tab's agent region, top to bottom from the first agent row ('' for none). */
  rows: readonly string[];
  /** That month's agents (with a total): the trend's columns are every month's. */
  current: readonly string[];
}

export interface TrendPlan {
  sheetName: string;
  values: (string | number | null)[][];
  numberFormats: string[][];
  fontWeights: ('bold' | 'normal')[][];
  chart: { range: string; anchorRow: number; anchorColumn: number; title: string } | null;
  tag: { key: string; value: string };
}

export const TREND_TAG_KEY = 'kefu-kpi/trend';
export const trendName = (locale: Locale = 'zh') => (locale === 'en' ? 'Trend' : '趋势');
/** What a figure shows when its month's tab no longer has the agent on the row it was built from. */
export const staleMark = (locale: Locale) => (locale === 'en' ? '⚠ refresh' : '⚠需刷新');

const quarterOf = (month: string) => `${month.slice(0, 4)} Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;

/** Agents in order of first appearance, newest month first (this month's team leads). */
function agentsOf(months: readonly TrendMonth[]): string[] {
  const seen: string[] = [];
  for (const m of [...months].reverse()) for (const a of m.current) if (!seen.includes(a)) seen.push(a);
  return seen;
}

export function planTrend(input: { months: readonly TrendMonth[]; locale?: Locale }): TrendPlan {
  const locale = input.locale ?? 'zh';
  const L = (m: { zh: string; en: string }) => pick(m, locale);
  const months = [...input.months].sort((a, b) => a.month.localeCompare(b.month));
  const agents = agentsOf(months);
  const stale = staleMark(locale);
  const quarters = [...new Set(months.map((m) => quarterOf(m.month)))];
  const years = [...new Set(months.map((m) => m.month.slice(0, 4)))];
  const width = 1 + agents.length;
  const rows: (string | number | null)[][] = [];
  const formats: string[][] = [];
  const weights: ('bold' | 'normal')[][] = [];
  const put = (value: string | number | null, format: string = FORMATS.general, bold = false) => ({ value, format, bold });
  type Cell = ReturnType<typeof put>;
  const push = (cells: Cell[]) => {
    const padded = Array.from({ length: width }, (_, i) => cells[i] ?? put(null));
    rows.push(padded.map((c) => c.value));
    formats.push(padded.map((c) => c.format));
    weights.push(padded.map((c) => (c.bold ? 'bold' : 'normal')));
  };
  const text = (s: string, bold = false) => put(neutralise(s), FORMATS.text, bold);

  push([text(L(TREND.title), true)]);
  push([text(L(TREND.help))]);
  const cellOf = (m: TrendMonth, agent: string, column: number): string | null => {
    const k = m.rows.indexOf(agent);
    if (k < 0) return null;
    const t = quoteSheetName(m.sheetName);
    const row = m.layout.firstAgentRow + k;
    const literal = `"${agent.replace(/"/g, '""')}"`;
    return `=IF(EXACT(${t}!${a1(row, m.layout.agentColumn, true)},${literal}),${t}!${a1(row, column, true)},"${stale}")`;
  };
  const block = (title: string, column: (m: TrendMonth) => number, format: string, summaries: 'average' | 'sum' | null, summaryLabel?: string) => {
    const headerRow = rows.length + 2;
    push([]);
    push([text(title, true), ...agents.map((a) => text(a, true))]);
    const firstRow = rows.length + 1;
    for (const m of months) push([text(m.month), ...agents.map((a) => put(cellOf(m, a, column(m)), format))]);
    const lastRow = rows.length;
    if (summaries) {
      const summary = (label: string, inMonth: (m: string) => boolean) => {
        const idx = months.map((m, i) => (inMonth(m.month) ? firstRow + i : -1)).filter((r) => r > 0);
        const from = idx[0]!;
        const to = idx[idx.length - 1]!;
        push([text(label, true), ...agents.map((_, i) => {
          const range = `${columnLetter(i + 2)}${from}:${columnLetter(i + 2)}${to}`;
          const fn = summaries === 'average' ? `IFERROR(AVERAGE(${range}),"")` : `IF(COUNT(${range})=0,"",SUM(${range}))`;
          return put(`=IF(COUNTIF(${range},"${stale}")>0,"${stale}",${fn})`, format, true);
        })]);
      };
      if (summaries === 'average') for (const q of quarters) summary(`${q} ${L(TREND.quarter)}`, (m) => quarterOf(m) === q);
      for (const y of years) summary(`${y} ${summaryLabel}`, (m) => m.startsWith(y));
    }
    return { headerRow, lastRow };
  };
  const totals = block(L(TREND.totals), (m) => m.layout.totalColumn, FORMATS.total, 'average', L(TREND.yearAverage));
  block(L(TREND.grades), (m) => m.layout.gradeColumn, FORMATS.general, null);
  block(L(TREND.bonuses), (m) => m.layout.bonusColumn, FORMATS.yuan, 'sum', L(TREND.yearBonus));
  return {
    sheetName: trendName(locale),
    values: rows,
    numberFormats: formats,
    fontWeights: weights,
    chart: agents.length && months.length
      ? { range: `A${totals.headerRow}:${columnLetter(width)}${totals.lastRow}`, anchorRow: 1, anchorColumn: width + 2, title: L(TREND.chart) }
      : null,
    tag: { key: TREND_TAG_KEY, value: JSON.stringify({ version: 1, months: months.map((m) => m.month) }) },
  };
}
