/** One agent of the month as the plan receives it (from `aggregate`), and a value as the tab shows it. Pure. */
import type { Basis } from './basis';
import { own } from './manual-inputs';

export interface PlanAgent {
  agent: string;
  values: Record<string, number | ''>;
  sources?: Record<string, string[]>;
  /** How each figure was made when it was not summed (`aggregate`'s basis): the value header's note says it. */
  basis?: Record<string, Basis>;
  /** Accounts a person binding merged into this row (noted on the name). */
  accounts?: string[];
}

/** A metric value as the tab shows it: a finite number, or blank (no basis, or nothing a sheet could hold). */
export function metricValue(values: Record<string, unknown> | undefined, metric: string): number | '' {
  const value = own(values, metric);
  return typeof value === 'number' && Number.isFinite(value) ? value : '';
}
