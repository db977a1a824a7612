/** What a spreadsheet hands back after the plan is written, without evaluating formulas. */
import type { PlanValue, TabPlan } from '../../src/appraisal/plan-types';
import { unneutralise } from '../../src/appraisal/neutralise';

/** The plan's values as getValues() returns typed cells: text without the apostrophe Sheets hides, empty as ''. */
export function sheetView(plan: TabPlan): PlanValue[][] {
  return plan.values.map((row) => row.map((v) => (v === null ? '' : typeof v === 'string' && !v.startsWith('=') ? unneutralise(v) : v)));
}

/** Types a value into the cell of an agent's row and a column (1-based), as the manager would. */
export function typeInto(grid: PlanValue[][], firstAgentRow: number, agent: string, column: number, value: PlanValue): boolean {
  for (let r = firstAgentRow - 1; r < grid.length; r++) {
    if (grid[r]![0] === agent) {
      grid[r]![column - 1] = value;
      return true;
    }
  }
  return false;
}
