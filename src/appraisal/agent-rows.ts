/**
 * The agent rows of the 考核 tab: per agent the live total (one SUMPRODUCT over the weights and
 * scale rows and the agent's counted columns), rank, grade, coefficient, bonus, last month's total
 * and the change, what each item adds to the total, the metric values (the month's snapshot) and
 * their scores, the manual scores and remark typed so far; and grey rows for agents gone from the
 * data, which keep what was typed for them.
 */
import { a1, a1Range } from './a1';
import { COLOURS, FORMATS, type Canvas } from './canvas';
import { scoreFormula, type ParamCells } from './formulas';
import { TABLE, type Geometry, type ItemColumns } from './geometry';
import { LABELS, NOTES, accountsNote } from './labels';
import { invalidManualFormula } from './manual-check';
import { own, type ExistingInputs, type ManualValue } from './manual-inputs';
import { neutralise } from './neutralise';
import { agentKeyCell, previousTotalFormula, type PreviousTab } from './previous';
import { roundFormula } from './rounding';
import type { ManualItem, MetricItem } from './template';
import { metricValue, type PlanAgent } from './agent-values';

/** Everything an agent row refers to. */
export interface RowContext {
  g: Geometry;
  metricItems: MetricItem[];
  manualItems: ManualItem[];
  columns: ItemColumns;
  formats: Record<string, string>;
  paramOf: (item: MetricItem | ManualItem) => ParamCells;
  lastAgentRow: number;
  previous: PreviousTab | null | undefined;
  existing: ExistingInputs | null;
  gradeBands: number;
}

export function writeAgentRow(canvas: Canvas, ctx: RowContext, row: number, agent: PlanAgent): void {
  const { g, columns, paramOf } = ctx;
  const at = (column: number) => a1(row, column);
  const firstCounted = g.firstScoreColumn;
  const lastCounted = g.firstManualColumn + ctx.manualItems.length - 1;
  const weights = a1Range(g.weightsRow, firstCounted, g.weightsRow, lastCounted, true);
  const scale = a1Range(g.scaleRow, firstCounted, g.scaleRow, lastCounted, true);
  const totals = a1Range(g.firstAgentRow, TABLE.total, ctx.lastAgentRow, TABLE.total, true);
  const grades = a1Range(g.paramHeaderRow + 1, g.gradeColumn, g.paramHeaderRow + ctx.gradeBands, g.gradeColumn + 2, true);
  const lowestMin = a1(g.paramHeaderRow + 1, g.gradeColumn, true);
  const bonusBase = a1(g.bonusRow, g.gradeColumn + 1, true);
  /** What a counted column adds to the total, term by term as the total's SUMPRODUCT ÷ SUM weighs it. */
  const adds = (column: number) => `${a1(g.weightsRow, column, true)}*${a1(g.scaleRow, column, true)}*${at(column)}/SUM(${weights})`;

  canvas.text(row, TABLE.agent, agent.agent, agent.accounts && agent.accounts.length > 1 ? { note: accountsNote(agent.accounts) } : {});
  canvas.text(row, g.keyColumn, agentKeyCell(agent.agent));
  for (const item of ctx.metricItems) {
    const value = metricValue(agent.values, item.metric);
    const score = columns.score[item.metric]!;
    canvas.set(row, columns.value[item.metric]!, value === '' ? null : value, { format: ctx.formats[item.metric] });
    canvas.formula(row, score, scoreFormula(item, at(columns.value[item.metric]!), paramOf(item)), { format: FORMATS.score });
    canvas.formula(row, columns.contribution[item.metric]!, `=IF(ISNUMBER(${at(score)}),${adds(score)},"")`, { format: FORMATS.total });
  }
  const total = at(TABLE.total);
  const sum = roundFormula(`SUMPRODUCT(${weights},${scale},${a1Range(row, firstCounted, row, lastCounted)})/SUM(${weights})`, 2);
  // A manual score that is text or outside 0 … max makes the total a visible flag, never a number (manual-check.ts).
  const bad = ctx.manualItems.map((item) => invalidManualFormula(at(columns.manual[item.manual]!), paramOf(item).max));
  ctx.manualItems.forEach((item, i) => {
    const column = columns.manual[item.manual]!;
    // Blank when not scored yet (it counts 0) or when it cannot count (待修正).
    canvas.formula(row, columns.manualContribution[item.manual]!, `=IF(OR(${at(column)}="",${bad[i]}),"",${adds(column)})`, { format: FORMATS.total });
  });
  const flagged = bad.length ? `=IF(OR(${bad.join(',')}),"${canvas.say(LABELS.fixManual)}",${sum})` : `=${sum}`;
  canvas.formula(row, TABLE.total, flagged, { format: FORMATS.total, bold: true, note: bad.length ? NOTES.fixManual : undefined });
  const counted = (formula: string) => `=IF(ISNUMBER(${total}),${formula},"")`;
  canvas.formula(row, TABLE.rank, counted(`COUNTIF(${totals},">"&${total})+1`), { format: FORMATS.rank });
  // A total below every band (a manual score typed below 0) takes the lowest band, as `gradeBand` does.
  const graded = `MAX(${total},${lowestMin})`;
  canvas.formula(row, TABLE.grade, counted(`VLOOKUP(${graded},${grades},2)`));
  canvas.formula(row, TABLE.coefficient, counted(`VLOOKUP(${graded},${grades},3)`), { format: FORMATS.coefficient });
  canvas.formula(row, TABLE.bonus, `=IF(OR(${bonusBase}="",NOT(ISNUMBER(${at(TABLE.coefficient)}))),"",${roundFormula(`${bonusBase}*${at(TABLE.coefficient)}`, 2)})`, { format: FORMATS.yuan });
  if (ctx.previous) {
    canvas.set(row, g.previousColumn, previousTotalFormula(ctx.previous, at(g.keyColumn)), { format: FORMATS.total });
    canvas.formula(row, g.deltaColumn, `=IF(AND(ISNUMBER(${total}),ISNUMBER(${at(g.previousColumn)})),${roundFormula(`${total}-${at(g.previousColumn)}`, 2)},"")`, { format: FORMATS.delta });
  }
  writeTyped(canvas, row, agent.agent, ctx.existing, columns.manual, g.remarkColumn);
}

/** An agent gone from this month's data: a grey row with what was typed for them, not ranked. */
export function writeVanishedRow(canvas: Canvas, ctx: RowContext, row: number, name: string): void {
  canvas.shade(row, 1, ctx.g.width, COLOURS.vanished);
  canvas.text(row, TABLE.agent, name, { note: NOTES.vanished });
  canvas.text(row, ctx.g.keyColumn, agentKeyCell(name));
  canvas.text(row, TABLE.rank, canvas.say(LABELS.vanished));
  writeTyped(canvas, row, name, ctx.existing, ctx.columns.manual, ctx.g.remarkColumn);
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
