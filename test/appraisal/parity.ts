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

/** The 1-based row of an agent among the current agents (a first build puts them in rank order). */
export function rowOfAgent(plan: TabPlan, grid: Evaluated, agent: string): number {
  const { firstAgentRow, agentCount, agentColumn } = plan.layout;
  for (let r = firstAgentRow; r < firstAgentRow + agentCount; r++) if (cellAt(grid, r, agentColumn) === agent) return r;
  throw new Error(`${agent} has no row`);
}

/**
 * What each item adds to the total, shown in its contribution column, equals weight × scale ×
 * score ÷ Σ weights (blank for a manual score not typed or not counting), and the contributions
 * add up to the total before its rounding to 2 decimals.
 */
function expectContributions(plan: TabPlan, grid: Evaluated, r: number, agent: ExpectedResults['agents'][number], label: string): void {
  const { contributionColumns = {}, manualContributionColumns = {} } = plan.layout;
  const shown = [
    ...Object.entries(contributionColumns).map(([item, c]) => [item, cellAt(grid, r, c)] as const),
    ...Object.entries(manualContributionColumns).map(([item, c]) => [item, cellAt(grid, r, c)] as const),
  ];
  expect(shown.length, `${label} contribution columns`).toBe(Object.keys(agent.contributions).length);
  let sum = 0;
  for (const [item, value] of shown) {
    const want = agent.contributions[item];
    if (want === '' || want === undefined) expect(value, `${label} ${item} contribution`).toBe('');
    else {
      expectClose(value, want, `${label} ${item} contribution`);
      sum += value as number;
    }
  }
  if (typeof agent.total === 'number') expect(Math.abs(sum - agent.total), `${label}: Σ contributions ${sum} vs total ${agent.total}`).toBeLessThanOrEqual(0.005 + CLOSE);
}

export function expectParity(plan: TabPlan, grid: Evaluated, expected: ExpectedResults): void {
  const { layout } = plan;
  expect(layout.agentCount).toBe(expected.agents.length);
  expected.agents.forEach((agent) => {
    const r = rowOfAgent(plan, grid, agent.agent);
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
    expectContributions(plan, grid, r, agent, label);
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
