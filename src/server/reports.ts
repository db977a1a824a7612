/**
 * The 绩效单 and 趋势 tabs, built with the month (and refreshed from the sidebar): the pure plans of
 * `report-card.ts` and `trend.ts`, written in a constant number of calls per tab whatever the number
 * of agents (one read of each month's tag and agent column; one batched write per kind of content).
 */
import { TAB_TAG_KEY, type TabLayout } from '../appraisal/plan-types';
import { planReportCard, reportCardName, type HistoryTab, type ReportCardPlan } from '../appraisal/report-card';
import { planTrend, type TrendMonth, type TrendPlan } from '../appraisal/trend';
import { validateTemplate, type Template } from '../appraisal/template';
import { localeFrom, UserError, type Locale, type Msg } from '../i18n';
import type { ReportsReply } from './api';
import { withDocumentLock } from './lock';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const MONTH_TAB = /^考核 (\d{4}-\d{2})$/;

interface MonthTab {
  month: string;
  sheet: Sheet;
  layout: TabLayout;
}

/** Every appraisal tab the add-on made, oldest first, with its layout (tabs without a readable tag are left out). */
function monthTabs(ss: Spreadsheet): MonthTab[] {
  const out: MonthTab[] = [];
  for (const sheet of ss.getSheets()) {
    const m = MONTH_TAB.exec(sheet.getName());
    if (!m) continue;
    const tag = sheet.getDeveloperMetadata().find((md) => md.getKey() === TAB_TAG_KEY);
    if (!tag) continue;
    try {
      out.push({ month: m[1]!, sheet, layout: JSON.parse(tag.getValue() ?? '') as TabLayout });
    } catch {
      // an unreadable tag: that month is not ours to read
    }
  }
  return out.sort((a, b) => a.month.localeCompare(b.month));
}

/**
 * The agent region of a month's tab as it is now (one read): the name on each row from the first
 * agent row to the tab's last row, and the month's agents, those whose total is a number (agents
 * gone from the data keep grey rows without one).
 */
function readRegion(t: MonthTab): { rows: string[]; current: string[] } {
  const first = t.layout.firstAgentRow;
  // the layout's height, within the tab as it is now (rows may have been deleted since)
  const height = Math.max(1, Math.min(Math.max(t.layout.rows, first), t.sheet.getLastRow()) - first + 1);
  const grid = t.sheet.getRange(first, 1, height, Math.max(t.layout.agentColumn, t.layout.totalColumn)).getValues();
  const rows = grid.map((r) => (r[t.layout.agentColumn - 1] === null || r[t.layout.agentColumn - 1] === undefined ? '' : String(r[t.layout.agentColumn - 1]).trim()));
  const current = rows.filter((name, i) => name !== '' && typeof grid[i]![t.layout.totalColumn - 1] === 'number' && rows.indexOf(name) === i);
  return { rows, current };
}

/** The tab of that name if we made it (by our tag), a new one if there is none, null if someone else's tab holds the name. */
function ownOrNewTab(ss: Spreadsheet, name: string, key: string, value: string): Sheet | null {
  const existing = ss.getSheetByName(name);
  if (!existing) {
    const sheet = ss.insertSheet(name);
    sheet.addDeveloperMetadata(key, value);
    return sheet;
  }
  const tag = existing.getDeveloperMetadata().find((md) => md.getKey() === key);
  if (!tag) return null;
  tag.setValue(value);
  existing.clear();
  for (const chart of existing.getCharts()) existing.removeChart(chart);
  return existing;
}

function writeRect(sheet: Sheet, plan: { values: unknown[][]; numberFormats: string[][]; fontWeights: ('bold' | 'normal')[][]; backgrounds?: (string | null)[][] }): void {
  const rows = plan.values.length;
  const cols = plan.values[0]?.length ?? 0;
  if (!rows || !cols) return;
  // A new tab has 1,000 rows and 26 columns; the trend has a column per agent. Always the same four calls
  // (one spare row and column when the tab is big enough), so the count never depends on the team's size.
  const [maxRows, maxCols] = [sheet.getMaxRows(), sheet.getMaxColumns()];
  sheet.insertRowsAfter(maxRows, Math.max(1, rows - maxRows));
  sheet.insertColumnsAfter(maxCols, Math.max(1, cols - maxCols));
  const range = sheet.getRange(1, 1, rows, cols);
  range.setNumberFormats(plan.numberFormats);
  range.setValues(plan.values);
  range.setFontWeights(plan.fontWeights);
  if (plan.backgrounds) range.setBackgrounds(plan.backgrounds as string[][]);
}

function lineChart(sheet: Sheet, chart: { range: string; anchorRow: number; anchorColumn: number; title: string }): void {
  sheet.insertChart(
    sheet.newChart()
      .setChartType(Charts.ChartType.LINE)
      .addRange(sheet.getRange(chart.range))
      .setPosition(chart.anchorRow, chart.anchorColumn, 0, 0)
      .setOption('title', chart.title)
      .build(),
  );
}

function writeReportCard(ss: Spreadsheet, plan: ReportCardPlan): Sheet | null {
  const sheet = ownOrNewTab(ss, plan.sheetName, plan.tag.key, plan.tag.value);
  if (!sheet) return null;
  writeRect(sheet, plan);
  // Equal widths in runs: a handful of calls, never one per agent.
  let start = 0;
  for (let c = 1; c <= plan.columnWidths.length; c++) {
    if (c === plan.columnWidths.length || plan.columnWidths[c] !== plan.columnWidths[start]) {
      sheet.setColumnWidths(start + 1, c - start, plan.columnWidths[start]!);
      start = c;
    }
  }
  // The month's agents as a list: the tab's agent column also holds blank rows and agents gone from the data.
  const rule = SpreadsheetApp.newDataValidation().requireValueInList(plan.picker.agents, true).setAllowInvalid(false).build();
  sheet.getRange(plan.picker.row, plan.picker.column).setDataValidation(rule);
  lineChart(sheet, plan.chart);
  return sheet;
}

function writeTrend(ss: Spreadsheet, plan: TrendPlan): Sheet | null {
  const sheet = ownOrNewTab(ss, plan.sheetName, plan.tag.key, plan.tag.value);
  if (!sheet) return null;
  writeRect(sheet, plan);
  sheet.setColumnWidth(1, 110);
  if (plan.chart) lineChart(sheet, plan.chart);
  return sheet;
}


const foreign = (name: string): Msg => ({
  zh: `已有一个名为「${name}」的工作表，但不是客服绩效生成的，没有改动它；把它改名后可重新生成。`,
  en: `A sheet named "${name}" exists and was not made by Kefu KPI; it was left as it is. Rename it to get this page.`,
});

/** `kk_buildReports`: this month's 绩效单 and the 趋势 tab, under the document lock. */
export function buildMonthReports(month: string): ReportsReply {
  return withDocumentLock(() => {
    const ss = SpreadsheetApp.getActive();
    return buildReports(ss, month, localeFrom(ss.getSpreadsheetLocale()));
  });
}

/** Builds (or rebuilds) a month's 绩效单 and the 趋势 tab from the appraisal tabs as they are now. */
export function buildReports(ss: Spreadsheet, month: string, locale: Locale): ReportsReply {
  const tabs = monthTabs(ss);
  const current = tabs.find((t) => t.month === month);
  const refs = current?.layout.refs;
  if (!current || !refs) {
    throw new UserError({
      zh: `还没有用本版本生成的「考核 ${month}」，请先生成（或重新生成）该月考核表。`,
      en: `There is no "考核 ${month}" built by this version yet; build (or rebuild) that month first.`,
    });
  }
  const checked = validateTemplate({ version: 1, name: 'tab', items: refs.items, grades: [{ min: 0, grade: 'D', coefficient: 1 }] });
  if (!checked.ok) throw new UserError({ zh: `「考核 ${month}」记录的模板无法读取，请重新生成该月。`, en: `The template stored in "考核 ${month}" cannot be read; rebuild that month.` });
  const template: Template = checked.template;
  const regions = new Map(tabs.map((t) => [t, readRegion(t)]));
  const agents = regions.get(current)!.current;
  // A refresh keeps the agent the manager had picked, while that agent is still in the month.
  const shown = ss.getSheetByName(reportCardName(month, locale));
  const picked = shown ? String(shown.getRange(2, 2).getValue() ?? '') : '';
  const input = { month, template, firstAgent: agents.includes(picked) ? picked : agents[0] ?? '', locale };
  const history: HistoryTab[] = tabs.filter((t) => t.month < input.month).map((t) => ({ month: t.month, sheetName: t.sheet.getName(), layout: t.layout }));
  const card = planReportCard({
    month: input.month, sheetName: current.sheet.getName(), layout: current.layout, template: input.template,
    firstAgent: input.firstAgent, agents, history, locale: input.locale,
  });
  const months: TrendMonth[] = tabs.map((t) => ({
    month: t.month, sheetName: t.sheet.getName(), layout: t.layout,
    ...regions.get(t)!,
  }));
  const trend = planTrend({ months, locale: input.locale });
  const warnings: Msg[] = [];
  const cardSheet = writeReportCard(ss, card);
  if (!cardSheet) warnings.push(foreign(card.sheetName));
  const trendSheet = writeTrend(ss, trend);
  if (!trendSheet) warnings.push(foreign(trend.sheetName));
  return { reportCard: cardSheet ? card.sheetName : null, trend: trendSheet ? trend.sheetName : null, warnings };
}
