/**
 * The plan of the `考核 YYYY-MM` tab: every value, formula, format and note, decided by pure code
 * and written by the server in one rectangle from A1.
 *
 * Top to bottom: title; the parameter block (one row per template item, tiers as
 * threshold/score pairs) with the grade bands (ascending, for VLOOKUP) and the bonus base beside
 * it; a weights row and a scale row aligned with the score columns (so one SUMPRODUCT makes the
 * total); the team rows (average, median); then the agent table, last, with the agent in A and
 * the total in B (the chart reads `A{header}:B`, open-ended), agents gone from the data at its
 * bottom. Scores, total, rank, grade, coefficient and bonus are live formulas; metric values are
 * the month's snapshot.
 */
import { UserError, pick, type Locale, type Msg } from '../i18n';
import { catalogueEntry } from '../metrics/catalogue';
import { DEFAULT_CAP } from '../metrics/scoring';
import { NUM_ERROR, type Unit } from '../metrics/types';
import { a1, a1Range, columnLetter } from './a1';
import { monthDays } from './aggregate';
import { KEYS, HIDDEN_FORMAT } from './anatomy';
import { gradeCountFormula, scoreFormula, type ParamCells } from './formulas';
import { invalidManualFormula } from './manual-check';
import { alignInputs } from './agent-keys';
import { basisNote, type Basis } from './basis';
import { LABELS, METHOD_LABELS, NOTES, manualNote } from './labels';
import { own, type ExistingInputs, type ManualValue } from './manual-inputs';
import { noDataBanner, noDataLabel, noDataNote } from './coverage';
import { neutralise } from './neutralise';
import { KEY_NOTE, MATCH_KEY, agentKeyCell, previousNote, previousTotalFormula, type PreviousTab } from './previous';
import { roundFormula } from './rounding';
import { TAB_TAG_KEY, type PlanValue, type TabLayout, type TabPlan } from './plan-types';
import { isManual, shortName, validateTemplate, type ManualItem, type MetricItem, type Template } from './template';

export interface PlanAgent {
  agent: string;
  values: Record<string, number | ''>;
  sources?: Record<string, string[]>;
  /** How each figure was made when it was not summed (`aggregate`'s basis): the value header's note says it. */
  basis?: Record<string, Basis>;
}

export interface PlanInput {
  month: string;
  template: Template;
  /** This month's agents and their metric values (from `aggregate`). */
  agents: readonly PlanAgent[];
  /** What the manager typed into the tab before (from `readExisting`): kept on a rebuild. */
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

export const FORMATS = {
  text: '@',
  general: 'General',
  score: '0.0',
  total: '0.00',
  rank: '0',
  coefficient: '0.00',
  yuan: '¥#,##0.00',
  delta: '+0.00;-0.00;0.00',
} as const;

const UNIT_FORMATS: Partial<Record<Unit, string>> = {
  fraction: '0.00%', yuan: FORMATS.yuan, seconds: '0', hours: '0.0', days: '0.0', units: '0.00', count: '0', rating: '0.00',
};

/** The number format of a metric's values, floors, targets and tier thresholds. */
export function unitFormat(metric: string): string {
  const unit = catalogueEntry(metric)?.unit;
  return (unit && UNIT_FORMATS[unit]) || FORMATS.general;
}

const COLOURS = { header: '#e8eaed', editable: '#fff8e1', vanished: '#f1f3f4', team: '#e8f0fe' } as const;

interface CellStyle {
  format?: string;
  bold?: boolean;
  background?: string;
  note?: Msg | string;
}

/** The rectangle being planned: values and their formats, weights, backgrounds and notes. */
class Canvas {
  readonly values: PlanValue[][] = [];
  readonly numberFormats: string[][] = [];
  readonly fontWeights: ('bold' | 'normal')[][] = [];
  readonly backgrounds: (string | null)[][] = [];
  readonly notes: string[][] = [];

  constructor(readonly width: number, readonly height: number, private readonly locale: Locale) {
    for (let r = 0; r < height; r++) {
      this.values.push(new Array<PlanValue>(width).fill(null));
      this.numberFormats.push(new Array<string>(width).fill(FORMATS.general));
      this.fontWeights.push(new Array<'bold' | 'normal'>(width).fill('normal'));
      this.backgrounds.push(new Array<string | null>(width).fill(null));
      this.notes.push(new Array<string>(width).fill(''));
    }
  }

  /** One cell (1-based). Strings are user text unless they are formulas the plan built (`formula`). */
  set(row: number, column: number, value: PlanValue, style: CellStyle = {}): void {
    const r = row - 1;
    const c = column - 1;
    // No Infinity or NaN ever reaches a cell (functions.md): #NUM!.
    this.values[r]![c] = typeof value === 'number' && !Number.isFinite(value) ? NUM_ERROR : value;
    if (style.format) this.numberFormats[r]![c] = style.format;
    if (style.bold) this.fontWeights[r]![c] = 'bold';
    if (style.background) this.backgrounds[r]![c] = style.background;
    if (style.note) this.notes[r]![c] = typeof style.note === 'string' ? style.note : pick(style.note, this.locale);
  }

  text(row: number, column: number, text: string, style: CellStyle = {}): void {
    this.set(row, column, neutralise(text), { format: FORMATS.text, ...style });
  }

  formula(row: number, column: number, formula: string, style: CellStyle = {}): void {
    this.set(row, column, formula, style);
  }

  /** A background over part of a row. */
  shade(row: number, fromColumn: number, toColumn: number, colour: string): void {
    for (let c = fromColumn; c <= toColumn; c++) this.backgrounds[row - 1]![c - 1] = colour;
  }
}

/** Where each part of the tab goes, 1-based. */
interface Geometry {
  paramHeaderRow: number;
  tierPairs: number;
  gradeColumn: number;
  bonusRow: number;
  weightsRow: number;
  scaleRow: number;
  teamRows: [number, number];
  headerRow: number;
  /** The key row (hidden): one key per column, between the header and the first agent. */
  keyRow: number;
  firstAgentRow: number;
  previousColumn: number;
  deltaColumn: number;
  firstValueColumn: number;
  firstScoreColumn: number;
  firstManualColumn: number;
  remarkColumn: number;
  keyColumn: number;
  width: number;
  height: number;
}

const PARAM = { name: 1, id: 2, weight: 3, floor: 4, target: 5, method: 6, cap: 7, points: 8, max: 9, tiers: 10 } as const;
const TABLE = { agent: 1, total: 2, rank: 3, grade: 4, coefficient: 5, bonus: 6 } as const;

function geometry(template: Template, metrics: number, manual: number, retired: number, rows: number, withPrevious: boolean): Geometry {
  const paramHeaderRow = 4;
  const tierPairs = Math.max(0, ...template.items.map((i) => (isManual(i) ? 0 : i.tiers?.length ?? 0)));
  const gradeColumn = PARAM.tiers + 2 * tierPairs + 1;
  const bonusRow = paramHeaderRow + template.grades.length + 1;
  const paramBottom = Math.max(paramHeaderRow + template.items.length, bonusRow);
  const weightsRow = paramBottom + 2;
  const headerRow = weightsRow + 4;
  const previousColumn = withPrevious ? TABLE.bonus + 1 : 0;
  const firstValueColumn = TABLE.bonus + (withPrevious ? 3 : 1);
  const firstScoreColumn = firstValueColumn + metrics;
  const firstManualColumn = firstScoreColumn + metrics;
  const remarkColumn = firstManualColumn + manual;
  return {
    paramHeaderRow, tierPairs, gradeColumn, bonusRow, weightsRow, scaleRow: weightsRow + 1,
    teamRows: [weightsRow + 2, weightsRow + 3], headerRow, keyRow: headerRow + 1, firstAgentRow: headerRow + 2,
    previousColumn, deltaColumn: withPrevious ? previousColumn + 1 : 0,
    firstValueColumn, firstScoreColumn, firstManualColumn, remarkColumn, keyColumn: remarkColumn + retired + 1,
    width: Math.max(remarkColumn + retired + 1, gradeColumn + 3),
    height: headerRow + 1 + rows,
  };
}

/** A metric value as the tab shows it: a finite number, or blank (no basis, or nothing a sheet could hold). */
export function metricValue(values: Record<string, unknown> | undefined, metric: string): number | '' {
  const value = own(values, metric);
  return typeof value === 'number' && Number.isFinite(value) ? value : '';
}

const metricName = (id: string, locale: Locale) => (locale === 'en' ? catalogueEntry(id)?.name.en ?? id : shortName(id));

/** `2026-12-01T02:03:04.000Z` → `2026-12-01 02:03 UTC`; other text as given. */
function shownTime(now: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::[\d.]+)?(Z)?/.exec(now);
  return m ? `${m[1]} ${m[2]}${m[3] ? ' UTC' : ''}` : now;
}

function paramCellsOf(row: number, tierCount: number): ParamCells {
  const at = (column: number) => a1(row, column, true);
  return {
    weight: at(PARAM.weight), floor: at(PARAM.floor), target: at(PARAM.target), cap: at(PARAM.cap),
    points: at(PARAM.points), max: at(PARAM.max),
    tiers: Array.from({ length: tierCount }, (_, k) => ({ threshold: at(PARAM.tiers + 2 * k), score: at(PARAM.tiers + 2 * k + 1) })),
  };
}

/** The parameter block and the grade bands; returns the parameter cells of each item, in template order. */
function writeParameters(canvas: Canvas, template: Template, g: Geometry, locale: Locale, noData: readonly string[]): ParamCells[] {
  const L = (m: Msg) => pick(m, locale);
  const h = g.paramHeaderRow;
  const head = { bold: true, background: COLOURS.header };
  [LABELS.item, LABELS.metric, LABELS.weight, LABELS.floor, LABELS.target, LABELS.method, LABELS.cap, LABELS.points, LABELS.max]
    .forEach((label, i) => canvas.text(h, i + 1, L(label), head));
  for (let k = 0; k < g.tierPairs; k++) {
    canvas.text(h, PARAM.tiers + 2 * k, locale === 'en' ? `Tier ${k + 1} threshold` : `档${k + 1}门槛`, head);
    canvas.text(h, PARAM.tiers + 2 * k + 1, locale === 'en' ? `Tier ${k + 1} score` : `档${k + 1}得分`, head);
  }
  const cells = template.items.map((item, i) => {
    const row = h + 1 + i;
    canvas.set(row, PARAM.weight, item.weight);
    if (isManual(item)) {
      canvas.text(row, PARAM.name, item.manual);
      canvas.text(row, PARAM.id, L(LABELS.manual));
      canvas.set(row, PARAM.max, item.max);
      return paramCellsOf(row, 0);
    }
    writeMetricParameters(canvas, item, row, locale);
    if (noData.includes(item.metric)) {
      canvas.set(row, PARAM.weight, 0, { note: noDataNote(item.weight) });
      canvas.text(row, PARAM.name, `${metricName(item.metric, locale)}${L(noDataLabel)}`, { note: noDataNote(item.weight) });
    }
    return paramCellsOf(row, item.tiers?.length ?? 0);
  });
  const gc = g.gradeColumn;
  [LABELS.gradeMin, LABELS.grade, LABELS.coefficient].forEach((label, i) => canvas.text(h, gc + i, L(label), head));
  [...template.grades].sort((a, b) => a.min - b.min).forEach((band, i) => {
    canvas.set(h + 1 + i, gc, band.min);
    canvas.text(h + 1 + i, gc + 1, band.grade);
    canvas.set(h + 1 + i, gc + 2, band.coefficient, { format: FORMATS.coefficient });
  });
  canvas.text(g.bonusRow, gc, L(LABELS.bonusBase), { bold: true });
  canvas.set(g.bonusRow, gc + 1, template.bonusBase ?? null, { format: FORMATS.yuan });
  return cells;
}

function writeMetricParameters(canvas: Canvas, item: MetricItem, row: number, locale: Locale): void {
  const format = unitFormat(item.metric);
  canvas.text(row, PARAM.name, metricName(item.metric, locale));
  canvas.text(row, PARAM.id, item.metric);
  canvas.set(row, PARAM.floor, item.floor ?? null, { format });
  canvas.set(row, PARAM.target, item.target ?? null, { format });
  canvas.text(row, PARAM.method, pick(METHOD_LABELS[item.method], locale), { note: NOTES.methodChange });
  if (item.method === 'linear' || item.method === 'ratio') canvas.set(row, PARAM.cap, item.cap ?? DEFAULT_CAP);
  if (item.method === 'deduction') canvas.set(row, PARAM.points, item.points ?? null);
  (item.tiers ?? []).forEach(([threshold, score], k) => {
    canvas.set(row, PARAM.tiers + 2 * k, threshold, { format });
    canvas.set(row, PARAM.tiers + 2 * k + 1, score);
  });
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

  const seen = new Set<string>();
  const current = input.agents.filter((a) => !seen.has(a.agent) && seen.add(a.agent));
  // Typed values follow the agent whatever the spelling (rule 8: `Amy` on the tab is `amy` in the data).
  const existing = alignInputs(input.existing, current);
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
  const canvas = new Canvas(g.width, g.height, locale);
  canvas.text(1, 1, `${L(LABELS.title)} ${input.month} · ${template.name}`, { bold: true });
  canvas.text(2, 1, `${L(LABELS.built)} ${shownTime(input.now)}　${L(LABELS.help)}`);
  const noData = input.noData ?? [];
  const params = writeParameters(canvas, template, g, locale, noData);
  if (noData.length) canvas.text(3, 1, L(noDataBanner(metricItems.filter((i) => noData.includes(i.metric)))), { bold: true });
  const paramOf = (item: MetricItem | ManualItem) => params[template.items.indexOf(item)]!;

  const valueColumns: Record<string, number> = {};
  const scoreColumns: Record<string, number> = {};
  const manualColumns: Record<string, number> = {};
  metricItems.forEach((item, i) => {
    valueColumns[item.metric] = g.firstValueColumn + i;
    scoreColumns[item.metric] = g.firstScoreColumn + i;
  });
  manualItems.forEach((item, i) => { manualColumns[item.manual] = g.firstManualColumn + i; });
  retired.forEach((item, i) => { manualColumns[item] = g.remarkColumn + 1 + i; });

  const firstCounted = g.firstScoreColumn;
  const lastCounted = g.firstManualColumn + manualItems.length - 1;
  writeWeightsAndScale(canvas, g, metricItems, manualItems, scoreColumns, manualColumns, paramOf, locale);
  writeHeader(canvas, g, input, metricItems, manualItems, retired, valueColumns, scoreColumns, manualColumns, locale);

  const lastAgentRow = g.firstAgentRow + current.length - 1;
  const totals = a1Range(g.firstAgentRow, TABLE.total, lastAgentRow, TABLE.total, true);
  const grades = a1Range(g.paramHeaderRow + 1, g.gradeColumn, g.paramHeaderRow + template.grades.length, g.gradeColumn + 2, true);
  const weightRange = a1Range(g.weightsRow, firstCounted, g.weightsRow, lastCounted, true);
  const scaleRange = a1Range(g.scaleRow, firstCounted, g.scaleRow, lastCounted, true);
  const lowestMin = a1(g.paramHeaderRow + 1, g.gradeColumn, true);
  const bonusBase = a1(g.bonusRow, g.gradeColumn + 1, true);

  current.forEach((agent, i) => {
    const row = g.firstAgentRow + i;
    const at = (column: number) => a1(row, column);
    canvas.text(row, TABLE.agent, agent.agent);
    canvas.text(row, g.keyColumn, agentKeyCell(agent.agent));
    metricItems.forEach((item) => {
      const value = metricValue(agent.values, item.metric);
      canvas.set(row, valueColumns[item.metric]!, value === '' ? null : value, { format: unitFormat(item.metric) });
      canvas.formula(row, scoreColumns[item.metric]!, scoreFormula(item, at(valueColumns[item.metric]!), paramOf(item)), { format: FORMATS.score });
    });
    const total = at(TABLE.total);
    const sum = roundFormula(`SUMPRODUCT(${weightRange},${scaleRange},${a1Range(row, firstCounted, row, lastCounted)})/SUM(${weightRange})`, 2);
    // A manual score that is text or outside 0 … max makes the total a visible flag, never a number (manual-check.ts).
    const bad = manualItems.map((item) => invalidManualFormula(at(manualColumns[item.manual]!), paramOf(item).max));
    const flagged = bad.length ? `=IF(OR(${bad.join(',')}),"${L(LABELS.fixManual)}",${sum})` : `=${sum}`;
    canvas.formula(row, TABLE.total, flagged, { format: FORMATS.total, bold: true, note: bad.length ? NOTES.fixManual : undefined });
    const counted = (formula: string) => `=IF(ISNUMBER(${total}),${formula},"")`;
    canvas.formula(row, TABLE.rank, counted(`COUNTIF(${totals},">"&${total})+1`), { format: FORMATS.rank });
    // A total below every band (a manual score typed below 0) takes the lowest band, as `gradeBand` does.
    const graded = `MAX(${total},${lowestMin})`;
    canvas.formula(row, TABLE.grade, counted(`VLOOKUP(${graded},${grades},2)`));
    canvas.formula(row, TABLE.coefficient, counted(`VLOOKUP(${graded},${grades},3)`), { format: FORMATS.coefficient });
    canvas.formula(row, TABLE.bonus, `=IF(OR(${bonusBase}="",NOT(ISNUMBER(${at(TABLE.coefficient)}))),"",${roundFormula(`${bonusBase}*${at(TABLE.coefficient)}`, 2)})`, { format: FORMATS.yuan });
    if (input.previous) {
      canvas.set(row, g.previousColumn, previousTotalFormula(input.previous, at(g.keyColumn)), { format: FORMATS.total });
      canvas.formula(row, g.deltaColumn, `=IF(AND(ISNUMBER(${total}),ISNUMBER(${at(g.previousColumn)})),${roundFormula(`${total}-${at(g.previousColumn)}`, 2)},"")`, { format: FORMATS.delta });
    }
    writeTyped(canvas, row, agent.agent, existing, manualColumns, g.remarkColumn);
  });
  vanished.forEach((name, i) => {
    const row = lastAgentRow + 1 + i;
    canvas.shade(row, 1, g.width, COLOURS.vanished);
    canvas.text(row, TABLE.agent, name, { note: NOTES.vanished });
    canvas.text(row, g.keyColumn, agentKeyCell(name));
    canvas.text(row, TABLE.rank, L(LABELS.vanished));
    writeTyped(canvas, row, name, existing, manualColumns, g.remarkColumn);
  });
  if (current.length > 0) {
    writeTeamRows(canvas, g, lastAgentRow, [TABLE.total, ...Object.values(scoreColumns), ...manualItems.map((m) => manualColumns[m.manual]!)], locale);
    writeSummary(canvas, g, template.grades.length, lastAgentRow, locale);
  }

  writeKeys(canvas, g, input.previous ? g : null, valueColumns, scoreColumns, manualColumns);

  const layout: TabLayout = {
    version: 2, month: input.month, rows: g.height, columns: g.width,
    teamRows: g.teamRows, headerRow: g.headerRow, keyRow: g.keyRow, firstAgentRow: g.firstAgentRow, agentCount: current.length, vanishedCount: vanished.length,
    agentColumn: TABLE.agent, totalColumn: TABLE.total, rankColumn: TABLE.rank, gradeColumn: TABLE.grade,
    coefficientColumn: TABLE.coefficient, bonusColumn: TABLE.bonus, remarkColumn: g.remarkColumn, keyColumn: g.keyColumn,
    manualColumns, valueColumns, scoreColumns,
  };
  const editable = [...Object.values(manualColumns), g.remarkColumn].sort((a, b) => a - b);
  return {
    sheetName: tabNameOf(input.month),
    values: canvas.values,
    numberFormats: canvas.numberFormats,
    fontWeights: canvas.fontWeights,
    backgrounds: canvas.backgrounds,
    notes: canvas.notes,
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

/** The weights row (each counted column's weight, live from the parameter block) and the scale row (1, or 100 ÷ max). */
function writeWeightsAndScale(
  canvas: Canvas, g: Geometry, metricItems: MetricItem[], manualItems: ManualItem[],
  scoreColumns: Record<string, number>, manualColumns: Record<string, number>,
  paramOf: (item: MetricItem | ManualItem) => ParamCells, locale: Locale,
): void {
  canvas.text(g.weightsRow, 1, pick(LABELS.weightsRow, locale), { bold: true });
  canvas.text(g.scaleRow, 1, pick(LABELS.scaleRow, locale), { bold: true });
  for (const item of metricItems) {
    canvas.formula(g.weightsRow, scoreColumns[item.metric]!, `=${paramOf(item).weight}`);
    canvas.set(g.scaleRow, scoreColumns[item.metric]!, 1);
  }
  for (const item of manualItems) {
    canvas.formula(g.weightsRow, manualColumns[item.manual]!, `=${paramOf(item).weight}`);
    canvas.formula(g.scaleRow, manualColumns[item.manual]!, `=100/${paramOf(item).max}`);
  }
}

function writeHeader(
  canvas: Canvas, g: Geometry, input: PlanInput, metricItems: MetricItem[], manualItems: ManualItem[], retired: string[],
  valueColumns: Record<string, number>, scoreColumns: Record<string, number>, manualColumns: Record<string, number>, locale: Locale,
): void {
  const L = (m: Msg) => pick(m, locale);
  const head = { bold: true, background: COLOURS.header };
  const row = g.headerRow;
  canvas.text(row, TABLE.agent, L(LABELS.agent), head);
  canvas.text(row, TABLE.total, L(LABELS.total), { ...head, note: NOTES.total });
  canvas.text(row, TABLE.rank, L(LABELS.rank), head);
  canvas.text(row, TABLE.grade, L(LABELS.grade), head);
  canvas.text(row, TABLE.coefficient, L(LABELS.coefficient), head);
  canvas.text(row, TABLE.bonus, L(LABELS.bonus), head);
  if (input.previous) {
    canvas.text(row, g.previousColumn, L(LABELS.previous), { ...head, note: previousNote(input.previous) });
    canvas.text(row, g.deltaColumn, L(LABELS.delta), head);
  }
  for (const item of metricItems) {
    const headers = [...new Set(input.agents.flatMap((a) => own(a.sources, item.metric) ?? []))];
    const name = metricName(item.metric, locale) + (input.noData?.includes(item.metric) ? L(noDataLabel) : '');
    const basis = input.agents.map((a) => own(a.basis, item.metric)).find((b) => b !== undefined);
    canvas.text(row, valueColumns[item.metric]!, name, { ...head, note: headers.length ? basisNote(headers, basis) : NOTES.noSource });
    canvas.text(row, scoreColumns[item.metric]!, `${name}${L(LABELS.score)}`, { ...head, note: `${L(METHOD_LABELS[item.method])}. ${L(NOTES.blankScoresZero)}` });
  }
  for (const item of manualItems) canvas.text(row, manualColumns[item.manual]!, item.manual, { ...head, note: manualNote(item.max) });
  canvas.text(row, g.remarkColumn, L(LABELS.remarks), head);
  canvas.text(row, g.keyColumn, L(LABELS.matchKey), { ...head, note: KEY_NOTE });
  for (const item of retired) canvas.text(row, manualColumns[item]!, `${item}${L(LABELS.retired)}`, head);
}

/** Manual scores and the remark the manager typed for one agent, on the editable background. */
function writeTyped(canvas: Canvas, row: number, agent: string, existing: ExistingInputs | null, manualColumns: Record<string, number>, remarkColumn: number): void {
  const typed = own(existing?.manual, agent);
  for (const [item, column] of Object.entries(manualColumns)) {
    const value: ManualValue | undefined = own(typed, item);
    if (typeof value === 'string') canvas.text(row, column, value, { background: COLOURS.editable });
    else canvas.set(row, column, value ?? null, { background: COLOURS.editable });
  }
  const remark = own(existing?.remarks, agent);
  canvas.set(row, remarkColumn, remark ? neutralise(remark) : null, { format: FORMATS.text, background: COLOURS.editable });
}

/**
 * The owner's summary beside the grade bands: how many agents each grade has and the bonus
 * payout in total, live (COUNTIFS on the totals / SUM over the table), so it follows every edit.
 */
function writeSummary(canvas: Canvas, g: Geometry, bands: number, lastAgentRow: number, locale: Locale): void {
  const countColumn = g.gradeColumn + 3;
  const totals = a1Range(g.firstAgentRow, TABLE.total, lastAgentRow, TABLE.total, true);
  const mins = Array.from({ length: bands }, (_, i) => a1(g.paramHeaderRow + 1 + i, g.gradeColumn, true));
  canvas.text(g.paramHeaderRow, countColumn, pick(LABELS.gradeCount, locale), { bold: true, background: COLOURS.header });
  for (let i = 0; i < bands; i++) {
    canvas.formula(g.paramHeaderRow + 1 + i, countColumn, gradeCountFormula(totals, mins, i), { format: FORMATS.rank });
  }
  const bonusCells = a1Range(g.firstAgentRow, TABLE.bonus, lastAgentRow, TABLE.bonus, true);
  const bonusBase = a1(g.bonusRow, g.gradeColumn + 1, true);
  canvas.text(g.bonusRow, g.gradeColumn + 2, pick(LABELS.bonusTotal, locale), { bold: true });
  canvas.formula(g.bonusRow, countColumn, `=IF(${bonusBase}="","",SUM(${bonusCells}))`, { format: FORMATS.yuan, bold: true });
}

/** Team average and median of the total and of every counted score column, above the table's header. */
function writeTeamRows(canvas: Canvas, g: Geometry, lastAgentRow: number, columns: number[], locale: Locale): void {
  const [averageRow, medianRow] = g.teamRows;
  const style = { bold: true, background: COLOURS.team };
  canvas.shade(averageRow, 1, g.width, COLOURS.team);
  canvas.shade(medianRow, 1, g.width, COLOURS.team);
  canvas.text(averageRow, 1, pick(LABELS.teamAverage, locale), style);
  canvas.text(medianRow, 1, pick(LABELS.teamMedian, locale), style);
  for (const column of columns) {
    const range = `${columnLetter(column)}$${g.firstAgentRow}:${columnLetter(column)}$${lastAgentRow}`;
    const format = column === TABLE.total ? FORMATS.total : FORMATS.score;
    canvas.formula(averageRow, column, `=IFERROR(AVERAGE(${range}),"")`, { format, bold: column === TABLE.total });
    canvas.formula(medianRow, column, `=IFERROR(MEDIAN(${range}),"")`, { format, bold: column === TABLE.total });
  }
}

/** The key row: one key per column, hidden, so a rebuild finds each column wherever it has moved (anatomy.ts). */
function writeKeys(
  canvas: Canvas, g: Geometry, withPrevious: Geometry | null,
  valueColumns: Record<string, number>, scoreColumns: Record<string, number>, manualColumns: Record<string, number>,
): void {
  const keys = new Array<string>(g.width).fill(KEYS.other);
  const put = (column: number, key: string) => { keys[column - 1] = key; };
  put(TABLE.agent, KEYS.agent); put(TABLE.total, KEYS.total); put(TABLE.rank, KEYS.rank); put(TABLE.grade, KEYS.grade);
  put(TABLE.coefficient, KEYS.coefficient); put(TABLE.bonus, KEYS.bonus); put(g.remarkColumn, KEYS.remark);
  put(g.keyColumn, MATCH_KEY);
  if (withPrevious) { put(g.previousColumn, KEYS.previous); put(g.deltaColumn, KEYS.delta); }
  for (const [metric, column] of Object.entries(valueColumns)) put(column, KEYS.value(metric));
  for (const [metric, column] of Object.entries(scoreColumns)) put(column, KEYS.score(metric));
  for (const [item, column] of Object.entries(manualColumns)) put(column, KEYS.manual(item));
  keys.forEach((key, i) => canvas.set(g.keyRow, i + 1, key, { format: HIDDEN_FORMAT }));
}
