/**
 * The check at the heart of the appraisal tests: a plan's formulas, evaluated by HyperFormula,
 * show for every agent what `expectedResults` computes in plain code.
 */
import { expect } from 'vitest';
import type { ExpectedResults } from '../../src/appraisal/results';
import type { TabPlan } from '../../src/appraisal/plan-types';
import { cellAt, type Evaluated } from './hf';

/** Floating-point noise allowed between the engine and plain code (both round totals to 2 decimals). */
const CLOSE = 1e-9;

function expectClose(actual: unknown, expected: number, label: string): void {
  expect(typeof actual, `${label}: ${String(actual)}`).toBe('number');
  expect(Math.abs((actual as number) - expected), `${label}: ${String(actual)} vs ${expected}`).toBeLessThan(CLOSE);
}

/** A number within noise; text (the 待修正 flag) and blanks exactly. */
function expectSame(actual: unknown, expected: number | string, label: string): void {
  if (typeof expected === 'number') expectClose(actual, expected, label);
  else expect(actual, label).toBe(expected);
}

export function expectParity(plan: TabPlan, grid: Evaluated, expected: ExpectedResults): void {
  const { layout } = plan;
  expect(layout.agentCount).toBe(expected.agents.length);
  expected.agents.forEach((agent, i) => {
    const r = layout.firstAgentRow + i;
    const label = `${agent.agent} (row ${r})`;
    expect(cellAt(grid, r, layout.agentColumn), label).toBe(agent.agent);
    expectSame(cellAt(grid, r, layout.totalColumn), agent.total, `${label} total`);
    expect(cellAt(grid, r, layout.rankColumn), `${label} rank`).toBe(agent.rank);
    expect(cellAt(grid, r, layout.gradeColumn), `${label} grade`).toBe(agent.grade);
    expectSame(cellAt(grid, r, layout.coefficientColumn), agent.coefficient, `${label} coefficient`);
    if (agent.bonus === '') expect(cellAt(grid, r, layout.bonusColumn), `${label} bonus`).toBe('');
    else expectClose(cellAt(grid, r, layout.bonusColumn), agent.bonus, `${label} bonus`);
    for (const [metric, score] of Object.entries(agent.scores)) {
      expectClose(cellAt(grid, r, layout.scoreColumns[metric]!), score, `${label} ${metric} score`);
    }
    if (agent.previousTotal !== undefined) {
      const previous = cellAt(grid, r, layout.bonusColumn + 1);
      const delta = cellAt(grid, r, layout.bonusColumn + 2);
      if (agent.previousTotal === '') expect([previous, delta], `${label} last month`).toEqual(['', '']);
      else {
        expectClose(previous, agent.previousTotal, `${label} last month`);
        expectSame(delta, agent.delta as number | string, `${label} change`);
      }
    }
  });
  if (expected.agents.length > 0) {
    const averageRow = layout.teamRows[0];
    expectSame(cellAt(grid, averageRow, layout.totalColumn), expected.team.average, 'team average');
    expectSame(cellAt(grid, averageRow + 1, layout.totalColumn), expected.team.median, 'team median');
  }
}
