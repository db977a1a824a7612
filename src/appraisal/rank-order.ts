/**
 * The order of the agent rows on a first build: by total, highest first, as the tab's formulas
 * will show it (the pure `expectedResults`, with the 无数据 items' weight 0 as the tab has it);
 * equal totals keep the data's order, and a total that cannot count (待修正) goes last. A rebuild
 * never reorders: the rows stay where the manager has them (placement.ts).
 */
import type { PlanAgent } from './agent-values';
import { withoutItems } from './coverage';
import type { ExistingInputs } from './manual-inputs';
import { expectedResults } from './results';
import type { Template } from './template';

export function rankOrder<A extends PlanAgent>(template: Template, agents: readonly A[], noData: readonly string[], typed: ExistingInputs | null): A[] {
  const totals = expectedResults(withoutItems(template, noData), agents, typed).agents.map((a) => a.total);
  const key = (i: number) => (typeof totals[i] === 'number' ? (totals[i] as number) : -Infinity);
  return agents.map((agent, i) => ({ agent, i })).sort((a, b) => key(b.i) - key(a.i) || a.i - b.i).map((x) => x.agent);
}
