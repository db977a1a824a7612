/**
 * Evaluates a plan's rectangle with HyperFormula, as a viewer's spreadsheet would: strings
 * starting with `=` are formulas, `'text` is text, null is an empty cell.
 */
import { HyperFormula } from 'hyperformula';
import type { PlanValue, TabPlan } from '../../src/appraisal/plan-types';

export type Evaluated = (number | string | boolean | null)[][];

/** Every sheet's values after evaluation, by sheet name. `others` are extra tabs (e.g. last month's). */
export function evaluateSheets(sheets: Record<string, PlanValue[][]>): Record<string, Evaluated> {
  const hf = HyperFormula.buildFromSheets(sheets as Record<string, (string | number | boolean | null)[][]>, {
    licenseKey: 'gpl-v3',
    smartRounding: false,
  });
  const out: Record<string, Evaluated> = {};
  for (const name of Object.keys(sheets)) {
    const id = hf.getSheetId(name)!;
    out[name] = hf.getSheetValues(id).map((row) => row.map((v) => (typeof v === 'object' && v !== null ? `#ERR:${(v as { type: string }).type}` : v)));
  }
  hf.destroy();
  return out;
}

export function evaluatePlan(plan: TabPlan, others: Record<string, PlanValue[][]> = {}): Evaluated {
  return evaluateSheets({ ...others, [plan.sheetName]: plan.values })[plan.sheetName]!;
}

/** The evaluated cell at 1-based row and column. */
export const cellAt = (grid: Evaluated, row: number, column: number) => grid[row - 1]?.[column - 1] ?? null;
