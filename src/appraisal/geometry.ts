/**
 * Where each part of the 考核 tab goes as the plan draws it (compact, from A1; placement.ts then
 * fits it into the tab as the manager left it). Top to bottom: title rows, the parameter block
 * (one row per item) with the grade bands beside it, the weights and scale rows, the team rows,
 * the header, the hidden key row, the agents. Left to right in the agent table: agent, total,
 * rank, grade, coefficient, bonus, [last month, change], each counted item's contribution, the
 * metric values, the metric scores and the manual scores (side by side: one SUMPRODUCT over the
 * weights and scale rows makes the total), remarks, retired manual columns, the match keys.
 */
import { isManual, type Template } from './template';

/** 1-based rows and columns of the parts. */
export interface Geometry {
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
  /** Contributions: the metric items', then the manual items', in the order of their score columns. */
  firstContributionColumn: number;
  firstValueColumn: number;
  firstScoreColumn: number;
  firstManualColumn: number;
  remarkColumn: number;
  keyColumn: number;
  width: number;
  height: number;
}

/** Columns of the parameter block. */
export const PARAM = { name: 1, id: 2, weight: 3, floor: 4, target: 5, method: 6, cap: 7, points: 8, max: 9, tiers: 10 } as const;
/** The agent table's first columns. */
export const TABLE = { agent: 1, total: 2, rank: 3, grade: 4, coefficient: 5, bonus: 6 } as const;

export function geometry(template: Template, metrics: number, manual: number, retired: number, rows: number, withPrevious: boolean): Geometry {
  const paramHeaderRow = 4;
  const tierPairs = Math.max(0, ...template.items.map((i) => (isManual(i) ? 0 : i.tiers?.length ?? 0)));
  const gradeColumn = PARAM.tiers + 2 * tierPairs + 1;
  const bonusRow = paramHeaderRow + template.grades.length + 1;
  const paramBottom = Math.max(paramHeaderRow + template.items.length, bonusRow);
  const weightsRow = paramBottom + 2;
  const headerRow = weightsRow + 4;
  const previousColumn = withPrevious ? TABLE.bonus + 1 : 0;
  const firstContributionColumn = TABLE.bonus + (withPrevious ? 3 : 1);
  const firstValueColumn = firstContributionColumn + metrics + manual;
  const firstScoreColumn = firstValueColumn + metrics;
  const firstManualColumn = firstScoreColumn + metrics;
  const remarkColumn = firstManualColumn + manual;
  return {
    paramHeaderRow, tierPairs, gradeColumn, bonusRow, weightsRow, scaleRow: weightsRow + 1,
    teamRows: [weightsRow + 2, weightsRow + 3], headerRow, keyRow: headerRow + 1, firstAgentRow: headerRow + 2,
    previousColumn, deltaColumn: withPrevious ? previousColumn + 1 : 0,
    firstContributionColumn, firstValueColumn, firstScoreColumn, firstManualColumn, remarkColumn, keyColumn: remarkColumn + retired + 1,
    width: Math.max(remarkColumn + retired + 1, gradeColumn + 3),
    height: headerRow + 1 + rows,
  };
}

/** The agent table's item columns, 1-based, by metric id or manual item name. */
export interface ItemColumns {
  value: Record<string, number>;
  score: Record<string, number>;
  /** Manual items of the template, then retired ones (after the remarks, not counted). */
  manual: Record<string, number>;
  contribution: Record<string, number>;
  manualContribution: Record<string, number>;
}

/** Where each item's columns go. */
export function itemColumns(g: Geometry, metrics: readonly string[], manual: readonly string[], retired: readonly string[]): ItemColumns {
  const out: ItemColumns = { value: {}, score: {}, manual: {}, contribution: {}, manualContribution: {} };
  metrics.forEach((metric, i) => {
    out.contribution[metric] = g.firstContributionColumn + i;
    out.value[metric] = g.firstValueColumn + i;
    out.score[metric] = g.firstScoreColumn + i;
  });
  manual.forEach((item, i) => {
    out.manualContribution[item] = g.firstContributionColumn + metrics.length + i;
    out.manual[item] = g.firstManualColumn + i;
  });
  retired.forEach((item, i) => { out.manual[item] = g.remarkColumn + 1 + i; });
  return out;
}
