/**
 * The rows of the 考核 tab between the parameter block and the agents: the weights and scale rows
 * aligned with the counted columns (one SUMPRODUCT makes each total), the team average and median,
 * the agent table's header with a note on every figure that needs one, and the hidden key row by
 * which a rebuild finds each column again (anatomy.ts).
 */
import type { Msg } from '../i18n';
import { columnLetter } from './a1';
import { HIDDEN_FORMAT, KEYS } from './anatomy';
import { basisNote, type Basis } from './basis';
import { COLOURS, FORMATS, HEAD, type Canvas } from './canvas';
import { noDataLabel } from './coverage';
import type { ParamCells } from './formulas';
import { TABLE, type Geometry, type ItemColumns } from './geometry';
import { LABELS, NOTES, manualNote, metricName } from './labels';
import { own } from './manual-inputs';
import type { Precision } from './precision';
import { KEY_NOTE, MATCH_KEY, previousNote, type PreviousTab } from './previous';
import { CONTRIBUTION_NOTE, SCALE_NOTE, WEIGHTS_NOTE, bonusNote, methodNote, unresolvedNote } from './tab-notes';
import type { ManualItem, MetricItem, Template } from './template';
import { withUnit } from './units';

/** What the header needs to know about the month's data for each metric. */
export interface HeaderFacts {
  /** Metric → the export's columns it was computed from (the value header's note). */
  sources: Record<string, string[]>;
  basis: Record<string, Basis | undefined>;
  noData: readonly string[];
  /** Metric → its decimals (precision.ts); an unresolved boundary is noted on the value header. */
  precision: Record<string, Precision | null>;
  /** The agents whose value of a metric is `value` (to name them in that note). */
  agentsWith: (metric: string, value: number) => string[];
  previous: PreviousTab | null | undefined;
}

/** The weights row (each counted column's weight, live from the parameter block) and the scale row (1, or 100 ÷ max). */
export function writeWeightsAndScale(
  canvas: Canvas, g: Geometry, metricItems: MetricItem[], manualItems: ManualItem[], columns: ItemColumns, paramOf: (item: MetricItem | ManualItem) => ParamCells,
): void {
  canvas.text(g.weightsRow, 1, canvas.say(LABELS.weightsRow), { bold: true, note: WEIGHTS_NOTE });
  canvas.text(g.scaleRow, 1, canvas.say(LABELS.scaleRow), { bold: true, note: SCALE_NOTE });
  for (const item of metricItems) {
    canvas.formula(g.weightsRow, columns.score[item.metric]!, `=${paramOf(item).weight}`);
    canvas.set(g.scaleRow, columns.score[item.metric]!, 1);
  }
  for (const item of manualItems) {
    canvas.formula(g.weightsRow, columns.manual[item.manual]!, `=${paramOf(item).weight}`);
    canvas.formula(g.scaleRow, columns.manual[item.manual]!, `=100/${paramOf(item).max}`);
  }
}

export function writeHeader(
  canvas: Canvas, g: Geometry, template: Template, metricItems: MetricItem[], manualItems: ManualItem[], retired: string[],
  columns: ItemColumns, facts: HeaderFacts,
): void {
  const L = (m: Msg) => canvas.say(m);
  const row = g.headerRow;
  canvas.text(row, TABLE.agent, L(LABELS.agent), HEAD);
  canvas.text(row, TABLE.total, L(LABELS.total), { ...HEAD, note: NOTES.total });
  canvas.text(row, TABLE.rank, L(LABELS.rank), HEAD);
  canvas.text(row, TABLE.grade, L(LABELS.grade), HEAD);
  canvas.text(row, TABLE.coefficient, L(LABELS.coefficient), HEAD);
  canvas.text(row, TABLE.bonus, L(LABELS.bonus), { ...HEAD, note: bonusNote(template.bonusBase) });
  if (facts.previous) {
    canvas.text(row, g.previousColumn, L(LABELS.previous), { ...HEAD, note: previousNote(facts.previous) });
    canvas.text(row, g.deltaColumn, L(LABELS.delta), HEAD);
  }
  for (const item of metricItems) {
    const headers = own(facts.sources, item.metric) ?? [];
    const name = metricName(item.metric, canvas.locale);
    const noData = facts.noData.includes(item.metric) ? L(noDataLabel) : '';
    const precision = own(facts.precision, item.metric) ?? null;
    const source = headers.length ? L(basisNote(headers, own(facts.basis, item.metric))) : L(NOTES.noSource);
    const unresolved = precision && precision.unresolved.length
      ? `\n${L(unresolvedNote(item, precision, (value) => facts.agentsWith(item.metric, value)))}`
      : '';
    canvas.text(row, columns.value[item.metric]!, `${withUnit(name, item.metric, canvas.locale)}${noData}`, { ...HEAD, note: `${source}${unresolved}` });
    canvas.text(row, columns.score[item.metric]!, `${name}${noData}${L(LABELS.score)}`, { ...HEAD, note: methodNote(item, precision?.decimals) });
    canvas.text(row, columns.contribution[item.metric]!, `${L(LABELS.contribution)}${name}${noData}`, { ...HEAD, note: CONTRIBUTION_NOTE });
  }
  for (const item of manualItems) {
    canvas.text(row, columns.manual[item.manual]!, item.manual, { ...HEAD, note: manualNote(item.max) });
    canvas.text(row, columns.manualContribution[item.manual]!, `${L(LABELS.contribution)}${item.manual}`, { ...HEAD, note: CONTRIBUTION_NOTE });
  }
  canvas.text(row, g.remarkColumn, L(LABELS.remarks), HEAD);
  canvas.text(row, g.keyColumn, L(LABELS.matchKey), { ...HEAD, note: KEY_NOTE });
  for (const item of retired) canvas.text(row, columns.manual[item]!, `${item}${L(LABELS.retired)}`, HEAD);
}

/**
 * Team average and median above the table's header, live: of the total, each contribution, each
 * metric value (in its own format), each score and each manual score. AVERAGE and MEDIAN pass over
 * blanks; a column with no number at all is blank, not an error.
 */
export function writeTeamRows(canvas: Canvas, g: Geometry, lastAgentRow: number, columns: { column: number; format: string }[]): void {
  const [averageRow, medianRow] = g.teamRows;
  const style = { bold: true, background: COLOURS.team };
  canvas.shade(averageRow, 1, g.width, COLOURS.team);
  canvas.shade(medianRow, 1, g.width, COLOURS.team);
  canvas.text(averageRow, 1, canvas.say(LABELS.teamAverage), style);
  canvas.text(medianRow, 1, canvas.say(LABELS.teamMedian), style);
  for (const { column, format } of columns) {
    const range = `${columnLetter(column)}$${g.firstAgentRow}:${columnLetter(column)}$${lastAgentRow}`;
    const bold = column === TABLE.total;
    canvas.formula(averageRow, column, `=IFERROR(AVERAGE(${range}),"")`, { format, bold });
    canvas.formula(medianRow, column, `=IFERROR(MEDIAN(${range}),"")`, { format, bold });
  }
}

/** The columns the team rows summarise, with their formats: total, contributions, values, scores, manual scores. */
export function teamColumns(metricItems: MetricItem[], manualItems: ManualItem[], columns: ItemColumns, formats: Record<string, string>): { column: number; format: string }[] {
  return [
    { column: TABLE.total, format: FORMATS.total },
    ...metricItems.map((i) => ({ column: columns.contribution[i.metric]!, format: FORMATS.total })),
    ...manualItems.map((i) => ({ column: columns.manualContribution[i.manual]!, format: FORMATS.total })),
    ...metricItems.map((i) => ({ column: columns.value[i.metric]!, format: formats[i.metric]! })),
    ...metricItems.map((i) => ({ column: columns.score[i.metric]!, format: FORMATS.score })),
    ...manualItems.map((i) => ({ column: columns.manual[i.manual]!, format: FORMATS.score })),
  ];
}

/** The key row: one key per column, hidden, so a rebuild finds each column wherever it has moved (anatomy.ts). */
export function writeKeys(canvas: Canvas, g: Geometry, withPrevious: boolean, columns: ItemColumns): void {
  const keys = new Array<string>(g.width).fill(KEYS.other);
  const put = (column: number, key: string) => { keys[column - 1] = key; };
  put(TABLE.agent, KEYS.agent); put(TABLE.total, KEYS.total); put(TABLE.rank, KEYS.rank); put(TABLE.grade, KEYS.grade);
  put(TABLE.coefficient, KEYS.coefficient); put(TABLE.bonus, KEYS.bonus); put(g.remarkColumn, KEYS.remark);
  put(g.keyColumn, MATCH_KEY);
  if (withPrevious) { put(g.previousColumn, KEYS.previous); put(g.deltaColumn, KEYS.delta); }
  for (const [metric, column] of Object.entries(columns.value)) put(column, KEYS.value(metric));
  for (const [metric, column] of Object.entries(columns.score)) put(column, KEYS.score(metric));
  for (const [metric, column] of Object.entries(columns.contribution)) put(column, KEYS.contribution(metric));
  for (const [item, column] of Object.entries(columns.manualContribution)) put(column, KEYS.manualContribution(item));
  for (const [item, column] of Object.entries(columns.manual)) put(column, KEYS.manual(item));
  keys.forEach((key, i) => canvas.set(g.keyRow, i + 1, key, { format: HIDDEN_FORMAT }));
}
