/**
 * Manual scores must be numbers from 0 to the item's max. Sheets' data validation refuses
 * anything else as it is typed (server), the total formula shows a flag instead of a number when
 * something slipped through (pasted values, a lowered max), and these pure functions list the
 * offending cells per agent for the build reply, 为店主准备 and a template change's diff.
 *
 * Decision: a BLANK manual score still counts as 0 (the tab says so in the column's note) but is
 * listed; TEXT or a number outside 0 … max never counts: the agent's total shows 待修正 / Fix
 * scores and the agent gets no rank, grade or bonus until it is fixed.
 */
import { readAnatomy, textOf } from './anatomy';
import { LABELS } from './labels';
import type { Msg } from '../i18n';
import { own, type ExistingInputs, type ManualValue } from './manual-inputs';
import type { TabLayout } from './plan-types';
import { isManual, type ManualItem, type Template } from './template';

/** The tab's condition "this manual cell cannot count": text (not blank), below 0 or above the max cell. */
export function invalidManualFormula(cell: string, max: string): string {
  return `IF(ISNUMBER(${cell}),OR(${cell}<0,${cell}>${max}),${cell}<>"")`;
}

/** Whether a typed value can count for an item of this max. */
export function isValidManual(value: ManualValue | undefined, max: number): boolean {
  return value === undefined || (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= max);
}

export interface ManualIssue {
  agent: string;
  /** Manual items left blank (they count as 0). */
  blank: string[];
  /** Typed values that do not count: text, or a number outside 0 … max. */
  invalid: { item: string; value: ManualValue; max: number }[];
}

const manualItemsOf = (template: Template): ManualItem[] => template.items.filter(isManual);

/** The issues of every agent still in the data (not the greyed rows) of a tab as it is now (为店主准备). */
export function tabManualIssues(grid: readonly unknown[][], layout: TabLayout): ManualIssue[] {
  const anatomy = readAnatomy(grid);
  const maxima = layout.manualMax;
  if (!anatomy || !maxima) return [];
  const rank = anatomy.columns.find((k) => k.key === 'kk:rank')?.column ?? 0;
  const gone = new Set([LABELS.vanished.zh, LABELS.vanished.en]);
  const current = anatomy.agentRows.filter((a) => !gone.has(textOf(grid[a.row - 1]?.[rank - 1]))).map((a) => a.name);
  const items: ManualItem[] = Object.entries(maxima).map(([manual, max]) => ({ manual, max, weight: 0 }));
  return issuesOf(items, current, anatomy.inputs);
}

/**
 * Per agent (in the order given), the blank and the invalid manual scores of a template's manual
 * items. Agents with neither are left out; an empty list means every manual score counts.
 */
export function manualIssues(template: Template, agents: readonly string[], inputs: ExistingInputs | null | undefined): ManualIssue[] {
  return issuesOf(manualItemsOf(template), agents, inputs);
}

function issuesOf(items: readonly ManualItem[], agents: readonly string[], inputs: ExistingInputs | null | undefined): ManualIssue[] {
  const out: ManualIssue[] = [];
  for (const agent of agents) {
    const typed = own(inputs?.manual, agent);
    const issue: ManualIssue = { agent, blank: [], invalid: [] };
    for (const item of items) {
      const value = own(typed, item.manual);
      if (value === undefined) issue.blank.push(item.manual);
      else if (!isValidManual(value, item.max)) issue.invalid.push({ item: item.manual, value, max: item.max });
    }
    if (issue.blank.length || issue.invalid.length) out.push(issue);
  }
  return out;
}

export interface AffectedScore {
  agent: string;
  item: string;
  value: number;
  /** The item's max before and after the change. */
  from: number;
  to: number;
}

/**
 * For a template change: the typed scores that were within 0 … max under `before` and are out
 * of range under `after` (an item's max lowered). Items not in both templates are not listed
 * (a removed item's scores stay in a column that does not count).
 */
export function scoresOutOfRangeAfter(before: Template, after: Template, inputs: ExistingInputs | null | undefined): AffectedScore[] {
  const oldMax = new Map(manualItemsOf(before).map((i) => [i.manual, i.max]));
  const out: AffectedScore[] = [];
  for (const item of manualItemsOf(after)) {
    const from = oldMax.get(item.manual);
    if (from === undefined || item.max >= from) continue;
    for (const agent of inputs?.agents ?? []) {
      const value = own(own(inputs?.manual, agent), item.manual);
      if (typeof value === 'number' && isValidManual(value, from) && !isValidManual(value, item.max)) {
        out.push({ agent, item: item.manual, value, from, to: item.max });
      }
    }
  }
  return out;
}

/**
 * One line per agent for the manager: the scores that do not count (the total shows 待修正 until they
 * are fixed) and, unless `invalidOnly`, the items left blank (counted as 0).
 */
export function issueMessages(issues: readonly ManualIssue[], invalidOnly = false): Msg[] {
  const out: Msg[] = [];
  for (const i of issues) {
    const parts = { zh: [] as string[], en: [] as string[] };
    for (const v of i.invalid) {
      parts.zh.push(`${v.item} = ${String(v.value)}（不计分，应为 0–${v.max}）`);
      parts.en.push(`${v.item} = ${String(v.value)} (does not count; must be 0–${v.max})`);
    }
    if (!invalidOnly && i.blank.length) {
      parts.zh.push(`未填：${i.blank.join('、')}（按 0 分计）`);
      parts.en.push(`blank: ${i.blank.join(', ')} (counted as 0)`);
    }
    if (parts.zh.length) out.push({ zh: `${i.agent}：${parts.zh.join('；')}`, en: `${i.agent}: ${parts.en.join('; ')}` });
  }
  return out;
}
