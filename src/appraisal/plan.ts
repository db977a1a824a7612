/**
 * The plan of the `考核 YYYY-MM` tab: every value, formula, format and note, decided by pure code
 * and written by the server in one rectangle from A1.
 *
 * Top to bottom (geometry.ts): title; the parameter block (parameters.ts) with the grade bands
 * and the bonus base beside it; a weights row and a scale row aligned with the counted columns (so
 * one SUMPRODUCT makes the total); the team rows (average, median); then the agent table
 * (table-head.ts, agent-rows.ts), last, with the agent in A and the total in B (the chart reads
 * them), what each item adds to the total right after the bonus, agents gone from the data at its
 * bottom. Scores, contributions, total, rank, grade, coefficient and bonus are live formulas; metric
 * values are the month's snapshot, shown with decimals that cannot hide a boundary (precision.ts).
 * A first build puts the agents in rank order (rank-order.ts); a rebuild keeps the tab's order.
 */
import { UserError, pick, type Locale, type Msg } from '../i18n';
import { a1, a1Range, columnLetter } from './a1';
import { alignInputs } from './agent-keys';
import { metricValue, type PlanAgent } from './agent-values';
import { writeAgentRow, writeVanishedRow, type RowContext } from './agent-rows';
import { monthDays } from './aggregate';
import type { Basis } from './basis';
import { Canvas } from './canvas';
import { columnWidthsOf } from './column-widths';
import { noDataBanner } from './coverage';
import { TABLE, geometry, itemColumns } from './geometry';
import { LABELS } from './labels';
import { own, type ExistingInputs } from './manual-inputs';
import { writeParameters, writeSummary } from './parameters';
import { TAB_TAG_KEY, type TabLayout, type TabPlan } from './plan-types';
import { itemPrecision, type Precision } from './precision';
import type { PreviousTab } from './previous';
import { rankOrder } from './rank-order';
import { teamColumns, writeHeader, writeKeys, writeTeamRows, writeWeightsAndScale } from './table-head';
import { isManual, validateTemplate, type ManualItem, type MetricItem, type Template } from './template';
import { unitFormat } from './units';

export { FORMATS } from './canvas';
export { unitFormat } from './units';
export { metricValue, type PlanAgent } from './agent-values';

export interface PlanInput {
  month: string;
  template: Template;
  /** This month's agents and their metric values (from `aggregate`). */
  agents: readonly PlanAgent[];
  /** What the manager typed into the tab before (from `readExisting`): kept on a rebuild. Absent on a first build. */
  existing?: ExistingInputs | null;
  /** Last month's tab, when it exists: its totals are looked up live. */
  previous?: PreviousTab | null;
  /** When the plan is made (ISO text), shown in the tab; passed in so plans are deterministic. */
  now: string;
  locale?: Locale;
  /** Metric items the month's data cannot score, built as 无数据 by the manager's choice: weight 0, marked (coverage.ts). */
  noData?: readonly string[];
}

export const tabNameOf = (month: string) => `考核 ${month}`;

/** `2026-12-01T02:03:04.000Z` → `2026-12-01 02:03 UTC`; other text as given. */
function shownTime(now: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::[\d.]+)?(Z)?/.exec(now);
  return m ? `${m[1]} ${m[2]}${m[3] ? ' UTC' : ''}` : now;
}

/**
 * Plans the appraisal tab of one month. Throws a `UserError` for a malformed month or a template
 * that fails validation (the server validates first; this keeps a bad plan from ever being made).
 */
export function planTab(input: PlanInput): TabPlan {
  const locale = input.locale ?? 'zh';
  const L = (m: Msg) => pick(m, locale);
  monthDays(input.month);
  const checked = validateTemplate(input.template);
  if (!checked.ok) {
    throw new UserError({ zh: `模板未通过检查：${checked.errors[0]!.zh}`, en: `the template does not validate: ${checked.errors[0]!.en}` }, locale);
  }
  const template = checked.template;
  const metricItems = template.items.filter((i): i is MetricItem => !isManual(i));
  const manualItems = template.items.filter(isManual);
  const noData = input.noData ?? [];

  const seen = new Set<string>();
  const inData = input.agents.filter((a) => !seen.has(a.agent) && seen.add(a.agent));
  // Typed values follow the agent whatever the spelling (rule 8: `Amy` on the tab is `amy` in the data).
  const existing = alignInputs(input.existing, inData);
  const current = input.existing ? inData : rankOrder(template, inData, noData, null);
  const vanished = (existing?.agents ?? []).filter((name, i, all) => !seen.has(name) && all.indexOf(name) === i);
  const manualNames = new Set(manualItems.map((i) => i.manual));
  // Scores typed for an item no longer in the template stay, in a column of their own that does not count.
  const retired: string[] = [];
  for (const name of existing?.agents ?? []) {
    for (const item of Object.keys(own(existing?.manual, name) ?? {})) {
      if (!manualNames.has(item) && !retired.includes(item)) retired.push(item);
    }
  }

  const g = geometry(template, metricItems.length, manualItems.length, retired.length, current.length + vanished.length, !!input.previous);
  const columns = itemColumns(g, metricItems.map((i) => i.metric), manualItems.map((i) => i.manual), retired);
  // Each metric's decimals: enough that no agent's value looks to be on the other side of a boundary.
  const precision: Record<string, Precision | null> = {};
  const formats: Record<string, string> = {};
  for (const item of metricItems) {
    const values = current.map((a) => metricValue(a.values, item.metric)).filter((v): v is number => v !== '');
    precision[item.metric] = itemPrecision(item, values);
    formats[item.metric] = unitFormat(item.metric, precision[item.metric]?.decimals);
  }

  const canvas = new Canvas(g.width, g.height, locale);
  canvas.text(1, 1, `${L(LABELS.title)} ${input.month} · ${template.name}`, { bold: true });
  canvas.text(2, 1, `${L(LABELS.built)} ${shownTime(input.now)}　${L(LABELS.help)}`);
  const params = writeParameters(canvas, template, g, noData, formats);
  if (noData.length) canvas.text(3, 1, L(noDataBanner(metricItems.filter((i) => noData.includes(i.metric)))), { bold: true });
  const paramOf = (item: MetricItem | ManualItem) => params[template.items.indexOf(item)]!;

  writeWeightsAndScale(canvas, g, metricItems, manualItems, columns, paramOf);
  writeHeader(canvas, g, template, metricItems, manualItems, retired, columns, {
    sources: Object.fromEntries(metricItems.map((i) => [i.metric, [...new Set(input.agents.flatMap((a) => own(a.sources, i.metric) ?? []))]])),
    basis: Object.fromEntries(metricItems.map((i) => [i.metric, input.agents.map((a) => own(a.basis, i.metric)).find((b): b is Basis => b !== undefined)])),
    noData, precision, previous: input.previous,
    agentsWith: (metric, value) => current.filter((a) => metricValue(a.values, metric) === value).map((a) => a.agent),
  });

  const lastAgentRow = g.firstAgentRow + current.length - 1;
  const ctx: RowContext = {
    g, metricItems, manualItems, columns, formats, paramOf, lastAgentRow, previous: input.previous, existing, gradeBands: template.grades.length,
  };
  current.forEach((agent, i) => writeAgentRow(canvas, ctx, g.firstAgentRow + i, agent));
  vanished.forEach((name, i) => writeVanishedRow(canvas, ctx, lastAgentRow + 1 + i, name));
  if (current.length > 0) {
    writeTeamRows(canvas, g, lastAgentRow, teamColumns(metricItems, manualItems, columns, formats));
    writeSummary(canvas, g, template.grades.length, lastAgentRow);
  }
  writeKeys(canvas, g, !!input.previous, columns);

  const firstCounted = g.firstScoreColumn;
  const lastCounted = g.firstManualColumn + manualItems.length - 1;
  const weightRange = a1Range(g.weightsRow, firstCounted, g.weightsRow, lastCounted, true);
  const layout: TabLayout = {
    version: 2, month: input.month, rows: g.height, columns: g.width,
    teamRows: g.teamRows, headerRow: g.headerRow, keyRow: g.keyRow, firstAgentRow: g.firstAgentRow, agentCount: current.length, vanishedCount: vanished.length,
    agentColumn: TABLE.agent, totalColumn: TABLE.total, rankColumn: TABLE.rank, gradeColumn: TABLE.grade,
    coefficientColumn: TABLE.coefficient, bonusColumn: TABLE.bonus, remarkColumn: g.remarkColumn, keyColumn: g.keyColumn,
    manualColumns: columns.manual, valueColumns: columns.value, scoreColumns: columns.score,
    contributionColumns: columns.contribution, manualContributionColumns: columns.manualContribution,
    valueDecimals: Object.fromEntries(metricItems.flatMap((i) => (precision[i.metric] ? [[i.metric, precision[i.metric]!.decimals]] : []))),
    refs: {
      params: Object.fromEntries(template.items.map((item) => [isManual(item) ? item.manual : item.metric, paramOf(item)])),
      weights: weightRange, bonusBase: a1(g.bonusRow, g.gradeColumn + 1, true), items: template.items,
    },
  };
  const editable = [...Object.values(columns.manual), g.remarkColumn].sort((a, b) => a - b);
  return {
    sheetName: tabNameOf(input.month),
    values: canvas.values,
    numberFormats: canvas.numberFormats,
    fontWeights: canvas.fontWeights,
    backgrounds: canvas.backgrounds,
    notes: canvas.notes,
    wraps: canvas.wraps,
    columnWidths: columnWidthsOf(g),
    frozenRows: g.keyRow,
    frozenColumns: TABLE.agent,
    chart: current.length > 0
      ? { title: `${L(LABELS.total)} ${input.month}`, range: a1Range(g.firstAgentRow, TABLE.agent, lastAgentRow, TABLE.total), anchorRow: g.headerRow, anchorColumn: g.width + 2 }
      : null,
    editableRanges: editable.map((c) => `${columnLetter(c)}${g.firstAgentRow}:${columnLetter(c)}`),
    tag: { key: TAB_TAG_KEY, value: JSON.stringify(layout) },
    layout,
  };
}
