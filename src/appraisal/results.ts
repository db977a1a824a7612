/**
 * The appraisal computed in plain code, with the scoring methods of `src/metrics/scoring.ts`:
 * what the tab's formulas must show once a spreadsheet evaluates them. Tests evaluate the plan
 * with HyperFormula and compare every agent with this; the local command prints it.
 *
 * The arithmetic follows the formulas' order where floating point could tell them apart:
 * the total is SUMPRODUCT(weights, scale, scores) ÷ SUM(weights), rounded to 2 decimals as the
 * tab's formulas round (`rounding.ts`: 15 significant digits, then half away from zero), and the
 * bonus is rounded likewise.
 */
import { catalogueEntry } from '../metrics/catalogue';
import { readKey } from '../metrics/coerce';
import {
  DEFAULT_CAP, deductionScore, directionOf, gradeBand, linearScore, passFailScore, rankOf, ratioScore, tierScore,
} from '../metrics/scoring';
import type { Direction } from '../metrics/types';
import { LABELS } from './labels';
import { isValidManual } from './manual-check';
import { alignInputs } from './agent-keys';
import { own, type ExistingInputs } from './manual-inputs';
import { metricValue, type PlanAgent } from './agent-values';
import { roundLikeSheets } from './rounding';
import { isManual, type MetricItem, type Template } from './template';

export interface ExpectedAgent {
  agent: string;
  values: Record<string, number | ''>;
  /** Metric id → 0 … cap. */
  scores: Record<string, number>;
  /** Manual item → the score entered (blank counts as 0, as in the tab; text or out of range flags the total). */
  manual: Record<string, number>;
  /**
   * Metric id or manual item → what it adds to the total: weight × scale × score ÷ Σ weights, as the
   * tab's contribution columns show it; '' for a manual score not typed yet or one that cannot count.
   */
  contributions: Record<string, number | ''>;
  /** The total, or the flag text (待修正) when a manual score is text or outside 0 … max (manual-check.ts). */
  total: number | string;
  rank: number | '';
  grade: string;
  coefficient: number | '';
  /** `''` when the template has no bonus base. */
  bonus: number | '';
  /** Last month's total and the change, when last month's totals are given and hold this agent. */
  previousTotal?: number | '';
  delta?: number | '';
}

export interface ExpectedResults {
  agents: ExpectedAgent[];
  team: { average: number | ''; median: number | '' };
}

export { roundLikeSheets };

/** What the total shows when a manual score cannot count (the plan writes the zh label by default). */
const FLAG = LABELS.fixManual.zh;

const catalogueDirection = (metric: string): Direction => catalogueEntry(metric)?.direction ?? 'higher';

/** ratio and pass_fail: lower-is-better when the floor lies above the target, else the metric's own direction. */
const directionOfItem = (item: MetricItem): Direction =>
  item.floor !== undefined && item.target !== undefined ? directionOf(item.floor, item.target) : catalogueDirection(item.metric);

/** The 0 … cap score of one metric item for a value; a blank value scores 0 (as the tab says). */
export function itemScore(item: MetricItem, value: number | '' | undefined): number {
  if (value === '' || value === undefined) return 0;
  const cap = item.cap ?? DEFAULT_CAP;
  switch (item.method) {
    case 'linear': return linearScore(value, item.floor!, item.target!, cap);
    case 'ratio': return ratioScore(value, item.target!, directionOfItem(item), cap);
    case 'pass_fail': return passFailScore(value, item.target!, directionOfItem(item));
    case 'tiers': return tierScore(value, item.tiers ?? [], catalogueDirection(item.metric));
    case 'deduction': return deductionScore(value, item.points ?? 0);
  }
}

/**
 * Last month's totals by rule-8 key, as the tab's match keys find them (`previous.ts`): a key
 * that more than one of last month's names share finds nothing (null).
 */
function totalsByKey(previousTotals: Record<string, number>): Map<string, number | null> {
  const byKey = new Map<string, number | null>();
  for (const [name, total] of Object.entries(previousTotals)) {
    const key = readKey(name);
    byKey.set(key, byKey.has(key) ? null : total);
  }
  return byKey;
}

function median(sorted: readonly number[]): number | '' {
  if (sorted.length === 0) return '';
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Every agent's scores, total, rank, grade, coefficient and bonus for a (validated) template,
 * the agents' metric values and the manual scores typed so far. `previousTotals` (agent →
 * last month's total, agents with a total only) adds the comparison.
 */
export function expectedResults(
  template: Template, agents: readonly PlanAgent[], manual?: ExistingInputs | null, previousTotals?: Record<string, number> | null,
): ExpectedResults {
  const seen = new Set<string>();
  const current = agents.filter((a) => !seen.has(a.agent) && seen.add(a.agent));
  const typedInputs = alignInputs(manual, current);
  // The tab's column order: metric scores, then manual items (SUMPRODUCT adds in that order).
  const counted = [...template.items.filter((i) => !isManual(i)), ...template.items.filter(isManual)];
  const weightSum = counted.reduce((s, item) => s + item.weight, 0);
  const rows = current.map((agent) => {
    const scores: Record<string, number> = {};
    const entered: Record<string, number> = {};
    const contributions: Record<string, number | ''> = {};
    let weighted = 0;
    let flagged = false;
    for (const item of counted) {
      if (isManual(item)) {
        const typed = own(own(typedInputs?.manual, agent.agent), item.manual);
        if (!isValidManual(typed, item.max)) flagged = true;
        entered[item.manual] = typeof typed === 'number' ? typed : 0;
        const term = item.weight * (100 / item.max) * entered[item.manual]!;
        weighted += term;
        contributions[item.manual] = typed === undefined || !isValidManual(typed, item.max) ? '' : term / weightSum;
      } else {
        scores[item.metric] = itemScore(item, metricValue(agent.values, item.metric));
        const term = item.weight * 1 * scores[item.metric]!;
        weighted += term;
        contributions[item.metric] = term / weightSum;
      }
    }
    const total = roundLikeSheets(weighted / weightSum, 2);
    return { agent: agent.agent, values: { ...agent.values }, scores, manual: entered, contributions, total: flagged ? FLAG : total };
  });
  const totals = rows.flatMap((r) => (typeof r.total === 'number' ? [r.total] : []));
  const previousByKey = previousTotals ? totalsByKey(previousTotals) : null;
  const results = rows.map((row): ExpectedAgent => {
    if (typeof row.total !== 'number') {
      const out: ExpectedAgent = { ...row, rank: '', grade: '', coefficient: '', bonus: '' };
      if (previousByKey) {
        out.previousTotal = previousByKey.get(readKey(row.agent)) ?? '';
        out.delta = '';
      }
      return out;
    }
    const band = gradeBand(row.total, template.grades);
    const out: ExpectedAgent = {
      ...row,
      rank: rankOf(row.total, totals),
      grade: band.grade,
      coefficient: band.coefficient,
      bonus: template.bonusBase === undefined ? '' : roundLikeSheets(template.bonusBase * band.coefficient, 2),
    };
    if (previousByKey) {
      const previous = previousByKey.get(readKey(row.agent)) ?? undefined;
      out.previousTotal = previous ?? '';
      out.delta = previous === undefined ? '' : roundLikeSheets(row.total - previous, 2);
    }
    return out;
  });
  const sorted = [...totals].sort((a, b) => a - b);
  const average = totals.length ? totals.reduce((s, t) => s + t, 0) / totals.length : '';
  return { agents: results, team: { average, median: median(sorted) } };
}
