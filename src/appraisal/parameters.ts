/**
 * The 考核 tab's parameter block: one row per template item (name, definition, weight, floor,
 * target, method, cap, points, max, tier pairs), the grade bands beside it (ascending, for
 * VLOOKUP), the bonus base, and the owner's summary (agents per grade, the bonus total). Every
 * score formula refers to these cells, so an edit here recomputes the tab.
 */
import { catalogueEntry } from '../metrics/catalogue';
import { DEFAULT_CAP } from '../metrics/scoring';
import { a1, a1Range } from './a1';
import { COLOURS, FORMATS, HEAD, type Canvas } from './canvas';
import { noDataLabel, noDataNote } from './coverage';
import { gradeCountFormula, type ParamCells } from './formulas';
import { PARAM, TABLE, type Geometry } from './geometry';
import { LABELS, METHOD_LABELS, NOTES, labelWithUnit, metricCodeNote, metricName } from './labels';
import { isManual, type MetricItem, type Template } from './template';
import { unitFormat, unitWord, withUnit } from './units';

export function paramCellsOf(row: number, tierCount: number): ParamCells {
  const at = (column: number) => a1(row, column, true);
  return {
    weight: at(PARAM.weight), floor: at(PARAM.floor), target: at(PARAM.target), cap: at(PARAM.cap),
    points: at(PARAM.points), max: at(PARAM.max),
    tiers: Array.from({ length: tierCount }, (_, k) => ({ threshold: at(PARAM.tiers + 2 * k), score: at(PARAM.tiers + 2 * k + 1) })),
  };
}

/**
 * The parameter block and the grade bands; returns the parameter cells of each item, in template
 * order. `formats`: each metric's number format (its decimals chosen so no boundary is hidden).
 */
export function writeParameters(canvas: Canvas, template: Template, g: Geometry, noData: readonly string[], formats: Record<string, string>): ParamCells[] {
  const { locale } = canvas;
  const h = g.paramHeaderRow;
  const metrics = template.items.filter((i): i is MetricItem => !isManual(i));
  // One unit for every metric item: the headers say it; else each item's name does.
  const words = new Set(metrics.map((i) => unitWord(i.metric, locale)));
  const shared = words.size === 1 ? [...words][0]! : '';
  const withShared = (label: string) => labelWithUnit(label, shared, locale);
  [LABELS.item, LABELS.definition, LABELS.weight, LABELS.floor, LABELS.target, LABELS.method, LABELS.cap, LABELS.points, LABELS.max]
    .forEach((label, i) => {
      const column = i + 1;
      const text = column === PARAM.floor || column === PARAM.target ? withShared(canvas.say(label)) : canvas.say(label);
      canvas.text(h, column, text, HEAD);
    });
  for (let k = 0; k < g.tierPairs; k++) {
    canvas.text(h, PARAM.tiers + 2 * k, withShared(locale === 'en' ? `Tier ${k + 1} threshold` : `档${k + 1}门槛`), HEAD);
    canvas.text(h, PARAM.tiers + 2 * k + 1, locale === 'en' ? `Tier ${k + 1} score` : `档${k + 1}得分`, HEAD);
  }
  const cells = template.items.map((item, i) => {
    const row = h + 1 + i;
    canvas.set(row, PARAM.weight, item.weight);
    if (isManual(item)) {
      canvas.text(row, PARAM.name, item.manual);
      canvas.text(row, PARAM.id, canvas.say(LABELS.manual));
      canvas.set(row, PARAM.max, item.max);
      return paramCellsOf(row, 0);
    }
    const name = metricName(item.metric, locale);
    writeMetricParameters(canvas, item, row, shared ? name : withUnit(name, item.metric, locale), formats[item.metric] ?? unitFormat(item.metric));
    if (noData.includes(item.metric)) {
      canvas.set(row, PARAM.weight, 0, { note: noDataNote(item.weight) });
      canvas.text(row, PARAM.name, `${name}${canvas.say(noDataLabel)}`, { note: noDataNote(item.weight) });
    }
    return paramCellsOf(row, item.tiers?.length ?? 0);
  });
  const gc = g.gradeColumn;
  [LABELS.gradeMin, LABELS.grade, LABELS.coefficient].forEach((label, i) => canvas.text(h, gc + i, canvas.say(label), HEAD));
  [...template.grades].sort((a, b) => a.min - b.min).forEach((band, i) => {
    canvas.set(h + 1 + i, gc, band.min);
    canvas.text(h + 1 + i, gc + 1, band.grade);
    canvas.set(h + 1 + i, gc + 2, band.coefficient, { format: FORMATS.coefficient });
  });
  canvas.text(g.bonusRow, gc, canvas.say(LABELS.bonusBase), { bold: true });
  canvas.set(g.bonusRow, gc + 1, template.bonusBase ?? null, { format: FORMATS.yuan });
  return cells;
}

/** A metric item's row: its name, its definition in words (the code in the note), and its numbers in the item's format. */
function writeMetricParameters(canvas: Canvas, item: MetricItem, row: number, name: string, format: string): void {
  const definition = catalogueEntry(item.metric)?.definition;
  canvas.text(row, PARAM.name, name);
  canvas.text(row, PARAM.id, definition ? canvas.say(definition) : item.metric, { note: metricCodeNote(item.metric) });
  canvas.set(row, PARAM.floor, item.floor ?? null, { format });
  canvas.set(row, PARAM.target, item.target ?? null, { format });
  canvas.text(row, PARAM.method, canvas.say(METHOD_LABELS[item.method]), { note: NOTES.methodChange });
  if (item.method === 'linear' || item.method === 'ratio') canvas.set(row, PARAM.cap, item.cap ?? DEFAULT_CAP);
  if (item.method === 'deduction') canvas.set(row, PARAM.points, item.points ?? null);
  (item.tiers ?? []).forEach(([threshold, score], k) => {
    canvas.set(row, PARAM.tiers + 2 * k, threshold, { format });
    canvas.set(row, PARAM.tiers + 2 * k + 1, score);
  });
}

/**
 * The owner's summary beside the grade bands: how many agents each grade has and the bonus
 * payout in total, live (COUNTIFS on the totals / SUM over the table), so it follows every edit.
 */
export function writeSummary(canvas: Canvas, g: Geometry, bands: number, lastAgentRow: number): void {
  const countColumn = g.gradeColumn + 3;
  const totals = a1Range(g.firstAgentRow, TABLE.total, lastAgentRow, TABLE.total, true);
  const mins = Array.from({ length: bands }, (_, i) => a1(g.paramHeaderRow + 1 + i, g.gradeColumn, true));
  canvas.text(g.paramHeaderRow, countColumn, canvas.say(LABELS.gradeCount), { bold: true, background: COLOURS.header });
  for (let i = 0; i < bands; i++) {
    canvas.formula(g.paramHeaderRow + 1 + i, countColumn, gradeCountFormula(totals, mins, i), { format: FORMATS.rank });
  }
  const bonusCells = a1Range(g.firstAgentRow, TABLE.bonus, lastAgentRow, TABLE.bonus, true);
  const bonusBase = a1(g.bonusRow, g.gradeColumn + 1, true);
  canvas.text(g.bonusRow, g.gradeColumn + 2, canvas.say(LABELS.bonusTotal), { bold: true });
  canvas.formula(g.bonusRow, countColumn, `=IF(${bonusBase}="","",SUM(${bonusCells}))`, { format: FORMATS.yuan, bold: true });
}
