/**
 * The plan of the `绩效单 YYYY-MM` tab: one agent's page, picked from a list, every figure a live
 * built-in formula over that month's `考核` tab (and the earlier ones for the history), laid out
 * to print on one A4 page (columns A–J, about 40 rows).
 *
 * The agent is found without MATCH or VLOOKUP on names (both read `* ? ~` as wildcards and ignore
 * case): a helper column right of the page holds `EXACT(name, picked)` per row of the tab's agent
 * region (from the first agent row to the tab's last row: the manager may have sorted it, and agents
 * gone from the data keep grey rows there), and `MATCH(TRUE(), flags, 0)` gives the first such row,
 * as the tab's own reading does. Every figure is `INDEX(column, position)`.
 */
import { pick, type Locale } from '../i18n';
import { catalogueEntry } from '../metrics/catalogue';
import type { Unit } from '../metrics/types';
import { a1, columnLetter, quoteSheetName } from './a1';
import { LABELS } from './labels';
import { neutralise } from './neutralise';
import type { TabLayout } from './plan-types';
import { FORMATS, unitFormat } from './plan';
import { MOST_DECIMALS } from './precision';
import { bonusSentence, manualSentence, metricSentence, sentenceDecimals } from './report-text';
import { REPORT } from './report-labels';
import { isManual, shortName, type Template } from './template';
import { shapeOf } from './units';

/** An earlier month's appraisal tab, for the history (its own layout: templates change). */
export interface HistoryTab {
  month: string;
  sheetName: string;
  layout: Pick<TabLayout, 'firstAgentRow' | 'rows' | 'agentColumn' | 'totalColumn' | 'gradeColumn' | 'bonusColumn'>;
}

export interface ReportCardInput {
  month: string;
  /** This month's appraisal tab and its layout (with `refs`). */
  sheetName: string;
  layout: TabLayout;
  template: Template;
  /** The agent shown first (the picker's initial value). */
  firstAgent: string;
  /** The month's agents (the picker's list). */
  agents: readonly string[];
  /** Earlier months, oldest first; the last 11 are shown with this month. */
  history: readonly HistoryTab[];
  locale?: Locale;
}

export interface ReportCardPlan {
  sheetName: string;
  values: (string | number | null)[][];
  numberFormats: string[][];
  fontWeights: ('bold' | 'normal')[][];
  backgrounds: (string | null)[][];
  /** Column widths in pixels, from column A. */
  columnWidths: number[];
  /** The picker cell and its list: the month's agents. */
  picker: { row: number; column: number; agents: string[] };
  /** The history's line chart: months and totals, header row included. */
  chart: { range: string; anchorRow: number; anchorColumn: number; title: string };
  /** Rows of the printable page (columns A–J). */
  pageRows: number;
  tag: { key: string; value: string };
}

export const REPORT_TAG_KEY = 'kefu-kpi/report-card';
export const reportCardName = (month: string, locale: Locale = 'zh') => (locale === 'en' ? `Report card ${month}` : `绩效单 ${month}`);

/** Columns of the page. */
const PAGE = 10;
const HELPER = PAGE + 2;
const WIDTHS = [150, 90, 80, 80, 60, 50, 60, 60, 70, 70, 20, 60];
const COLOURS = { header: '#e8eaed', picker: '#fff8e1', sentence: '#f8f9fa' } as const;

class Page {
  readonly values: (string | number | null)[][] = [];
  readonly numberFormats: string[][] = [];
  readonly fontWeights: ('bold' | 'normal')[][] = [];
  readonly backgrounds: (string | null)[][] = [];
  constructor(readonly width: number) {}
  private ensure(row: number): void {
    while (this.values.length < row) {
      this.values.push(new Array(this.width).fill(null));
      this.numberFormats.push(new Array(this.width).fill(FORMATS.general));
      this.fontWeights.push(new Array(this.width).fill('normal'));
      this.backgrounds.push(new Array(this.width).fill(null));
    }
  }
  set(row: number, column: number, value: string | number | null, style: { format?: string; bold?: boolean; background?: string } = {}): void {
    this.ensure(row);
    this.values[row - 1]![column - 1] = value;
    if (style.format) this.numberFormats[row - 1]![column - 1] = style.format;
    if (style.bold) this.fontWeights[row - 1]![column - 1] = 'bold';
    if (style.background) this.backgrounds[row - 1]![column - 1] = style.background;
  }
  text(row: number, column: number, text: string, style: { bold?: boolean; background?: string } = {}): void {
    this.set(row, column, neutralise(text), { format: FORMATS.text, ...style });
  }
  shade(row: number, colour: string): void {
    this.ensure(row);
    for (let c = 0; c < PAGE; c++) this.backgrounds[row - 1]![c] = colour;
  }
}

/**
 * The decimals of a metric's value, floor, target and thresholds on the card: those the 考核 tab
 * chose for the item (so the card never shows 99.00% for a value below a 99 % tier), the unit's
 * for a tab built before it chose them; seconds at least to a tenth, so the agent can redo the
 * linear score from the sentence (the tab shows whole seconds unless a boundary needs more).
 */
export function cardDecimals(layout: Pick<TabLayout, 'valueDecimals'>, metric: string, unit: Unit): number {
  const chosen = layout.valueDecimals && Object.prototype.hasOwnProperty.call(layout.valueDecimals, metric) ? layout.valueDecimals[metric] : undefined;
  const own = typeof chosen === 'number' && Number.isInteger(chosen) && chosen >= 0 && chosen <= MOST_DECIMALS ? chosen : shapeOf(metric)?.decimals ?? sentenceDecimals(unit);
  return unit === 'seconds' ? Math.max(1, own) : own;
}

export function planReportCard(input: ReportCardInput): ReportCardPlan {
  const locale = input.locale ?? 'zh';
  const L = (m: { zh: string; en: string }) => pick(m, locale);
  const { layout } = input;
  const refs = layout.refs;
  if (!refs) throw new Error(`${input.sheetName} was built before report cards: rebuild the month first`);
  const tab = quoteSheetName(input.sheetName);
  const at = (ref: string) => `${tab}!${ref}`;
  const first = layout.firstAgentRow;
  const last = Math.max(layout.rows, first);
  const regionRows = last - first + 1;
  const col = (column: number) => `${tab}!$${columnLetter(column)}$${first}:$${columnLetter(column)}$${last}`;
  const teamAverage = (column: number) => `${tab}!${a1(layout.teamRows[0], column, true)}`;
  const page = new Page(HELPER + Math.min(input.history.length, 11) + 1);

  // The helper: one EXACT flag per agent row of this month's tab, and the picked agent's position.
  const pos = a1(2, HELPER, true);
  page.text(1, HELPER, L(REPORT.helper));
  for (let i = 0; i < regionRows; i++) {
    page.set(4 + i, HELPER, `=EXACT(${tab}!${a1(first + i, layout.agentColumn, true)},$B$2)`);
  }
  const flags = `${a1(4, HELPER, true)}:${a1(4 + regionRows - 1, HELPER, true)}`;
  page.set(2, HELPER, `=IFERROR(MATCH(TRUE(),${flags},0),0)`);
  // An empty cell picked by INDEX is blank in Sheets and HyperFormula but 0 in Excel and LibreOffice: say blank.
  const pick1 = (column: number) => `IF(${pos}=0,"",IF(INDEX(${col(column)},${pos})="","",INDEX(${col(column)},${pos})))`;
  const live = (formula: string) => `=IF(${pos}=0,"",${formula.replace(/^=/, '')})`;

  page.text(1, 1, `${L(REPORT.title)} ${input.month}`, { bold: true });
  page.text(1, 3, L(REPORT.pickHelp));
  page.text(2, 1, L(LABELS.agent), { bold: true });
  page.text(2, 2, input.firstAgent, { bold: true, background: COLOURS.picker });
  page.text(2, 4, L(LABELS.total), { bold: true });
  page.set(2, 5, `=${pick1(layout.totalColumn)}`, { format: FORMATS.total, bold: true });
  page.text(2, 6, L(LABELS.rank), { bold: true });
  page.set(2, 7, live(`${pick1(layout.rankColumn)}&" / "&COUNT(${col(layout.totalColumn)})`));
  page.text(2, 8, L(LABELS.grade), { bold: true });
  page.set(2, 9, `=${pick1(layout.gradeColumn)}`, { bold: true });
  page.text(3, 1, L(LABELS.coefficient), { bold: true });
  page.set(3, 2, `=${pick1(layout.coefficientColumn)}`, { format: FORMATS.coefficient });
  page.text(3, 4, L(LABELS.bonus), { bold: true });
  page.set(3, 5, live(bonusSentence(at(refs.bonusBase), pick1(layout.coefficientColumn), pick1(layout.bonusColumn), locale)));

  // The items: a row of figures, then the sentence that explains the score.
  const header = 5;
  [REPORT.item, REPORT.value, LABELS.floor, LABELS.target, REPORT.score, LABELS.weight, REPORT.contribution, REPORT.short, REPORT.teamAverage, REPORT.place]
    .forEach((label, i) => page.text(header, i + 1, L(label), { bold: true, background: COLOURS.header }));
  const weightSum = `SUM(${at(refs.weights)})`;
  let row = header + 1;
  for (const item of input.template.items) {
    const key = isManual(item) ? item.manual : item.metric;
    const p = refs.params[key];
    if (!p) continue;
    const q = (ref: string) => at(ref);
    const score = a1(row, 5, true);
    const weight = a1(row, 6, true);
    if (isManual(item)) {
      const column = layout.manualColumns[item.manual]!;
      page.text(row, 1, item.manual);
      page.set(row, 2, `=${pick1(column)}`);
      page.set(row, 4, `=${q(p.max)}`);
      page.set(row, 5, live(`IF(${a1(row, 2)}="",0,100*${a1(row, 2)}/${q(p.max)})`), { format: FORMATS.score, bold: true });
      // "" when nobody is scored yet: explicit, since 100*"" is 0 in HyperFormula but #VALUE! in Excel and LibreOffice
      page.set(row, 9, `=IF(ISNUMBER(${teamAverage(column)}),100*${teamAverage(column)}/${q(p.max)},"")`, { format: FORMATS.score });
      page.set(row, 10, live(`IF(${a1(row, 2)}="","",COUNTIF(${col(column)},">"&${a1(row, 2)})+1)`));
      page.set(row + 1, 1, live(manualSentence({ name: item.manual, value: a1(row, 2), score, floor: '', target: '', cap: '', points: '', max: q(p.max), tiers: [] }, locale)), { background: COLOURS.sentence });
    } else {
      const entry = catalogueEntry(item.metric);
      const unit = entry?.unit ?? 'score';
      const decimals = cardDecimals(layout, item.metric, unit);
      const format = unitFormat(item.metric, decimals);
      const name = locale === 'en' ? entry?.name.en ?? item.metric : shortName(item.metric);
      page.text(row, 1, name);
      page.set(row, 2, `=${pick1(layout.valueColumns[item.metric]!)}`, { format });
      page.set(row, 3, `=IF(${q(p.floor)}="","",${q(p.floor)})`, { format });
      page.set(row, 4, `=IF(${q(p.target)}="","",${q(p.target)})`, { format });
      page.set(row, 5, `=${pick1(layout.scoreColumns[item.metric]!)}`, { format: FORMATS.score, bold: true });
      page.set(row, 9, `=${teamAverage(layout.scoreColumns[item.metric]!)}`, { format: FORMATS.score });
      page.set(row, 10, live(`COUNTIF(${col(layout.scoreColumns[item.metric]!)},">"&${score})+1`));
      const cells = {
        name, value: a1(row, 2), score, floor: q(p.floor), target: q(p.target), cap: q(p.cap), points: q(p.points), max: q(p.max),
        tiers: p.tiers.map((t) => ({ threshold: q(t.threshold), score: q(t.score) })),
      };
      page.set(row + 1, 1, live(metricSentence(item.method, unit, cells, locale, decimals)), { background: COLOURS.sentence });
    }
    page.set(row, 6, `=${q(p.weight)}`);
    page.set(row, 7, live(`ROUND(${score}*${weight}/${weightSum},2)`), { format: FORMATS.total });
    page.set(row, 8, live(`ROUND(MAX(0,100-${score})*${weight}/${weightSum},2)`), { format: FORMATS.total });
    page.shade(row + 1, COLOURS.sentence);
    row += 2;
  }
  page.text(row, 1, L(LABELS.remarks), { bold: true });
  page.set(row, 2, live(`${pick1(layout.remarkColumn)}&""`));
  row += 2;

  // The history: this month and up to 11 before it, each found in its own tab by the same EXACT helper.
  const months = [...input.history.slice(-11), { month: input.month, sheetName: input.sheetName, layout }];
  const historyHeader = row;
  [REPORT.month, LABELS.total, LABELS.grade, LABELS.bonus].forEach((label, i) => page.text(historyHeader, i + 1, L(label), { bold: true, background: COLOURS.header }));
  months.forEach((m, i) => {
    const r = historyHeader + 1 + i;
    const t = quoteSheetName(m.sheetName);
    const firstRow = m.layout.firstAgentRow;
    const lastRow = Math.max(m.layout.rows, firstRow);
    const range = (column: number) => `${t}!$${columnLetter(column)}$${firstRow}:$${columnLetter(column)}$${lastRow}`;
    const helper = HELPER + 1 + i;
    page.text(3, helper, m.month);
    for (let k = 0; k <= lastRow - firstRow; k++) page.set(4 + k, helper, `=EXACT(${t}!${a1(firstRow + k, m.layout.agentColumn, true)},$B$2)`);
    const flagsOf = `${a1(4, helper, true)}:${a1(4 + lastRow - firstRow, helper, true)}`;
    page.set(2, helper, `=IFERROR(MATCH(TRUE(),${flagsOf},0),0)`);
    const p = a1(2, helper, true);
    const of = (column: number) => `=IF(${p}=0,"",IF(INDEX(${range(column)},${p})="","",INDEX(${range(column)},${p})))`;
    page.text(r, 1, m.month);
    page.set(r, 2, of(m.layout.totalColumn), { format: FORMATS.total });
    page.set(r, 3, of(m.layout.gradeColumn));
    page.set(r, 4, of(m.layout.bonusColumn), { format: FORMATS.yuan });
  });
  const lastHistoryRow = historyHeader + months.length;
  return {
    sheetName: reportCardName(input.month, locale),
    values: page.values,
    numberFormats: page.numberFormats,
    fontWeights: page.fontWeights,
    backgrounds: page.backgrounds,
    columnWidths: Array.from({ length: page.width }, (_, i) => WIDTHS[Math.min(i, WIDTHS.length - 1)]!),
    picker: { row: 2, column: 2, agents: [...input.agents] },
    chart: { range: `A${historyHeader}:B${lastHistoryRow}`, anchorRow: historyHeader, anchorColumn: 5, title: L(REPORT.historyChart) },
    pageRows: lastHistoryRow,
    tag: { key: REPORT_TAG_KEY, value: JSON.stringify({ version: 1, month: input.month }) },
  };
}
