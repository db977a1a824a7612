/**
 * Last month's total and the change, evaluated by HyperFormula over two planned tabs: names
 * matched by rule 8 through the match keys, never by wildcard, label or grey row.
 */
import { describe, expect, test } from 'vitest';
import { readPreviousTotals } from '../../src/appraisal/existing';
import { inputsFromRows } from '../../src/appraisal/manual-inputs';
import { planTab, type PlanAgent } from '../../src/appraisal/plan';
import { agentKeyCell, previousNote, previousRowsOf, previousTotalFormula } from '../../src/appraisal/previous';
import { expectedResults } from '../../src/appraisal/results';
import type { Template } from '../../src/appraisal/template';
import { cellAt, evaluateSheets } from './hf';
import { NOW } from './fixtures';
import { expectParity } from './parity';

/** One manual item out of 100 at weight 100: the total is the typed score. */
const template: Template = {
  version: 1, name: '上月', items: [{ manual: '工作态度', weight: 100, max: 100 }],
  grades: [{ min: 0, grade: 'D', coefficient: 0.5 }, { min: 60, grade: 'C', coefficient: 1 }],
};
const agents = (names: string[]): PlanAgent[] => names.map((agent) => ({ agent, values: {} }));

describe('match keys', () => {
  test('rule 8 folded, then wildcards and comparison signs spelled full-width', () => {
    expect(agentKeyCell(' Ａｍｙ ')).toBe('k:amy');
    expect(agentKeyCell('店铺：小美')).toBe('k:店铺:小美');
    expect(agentKeyCell('阿?')).toBe('k:阿？');
    expect(agentKeyCell('*')).toBe('k:＊');
    expect(agentKeyCell('a~b')).toBe('k:a～b');
    expect(agentKeyCell('<b>x</b>')).toBe('k:＜b＞x＜/b＞');
    expect(agentKeyCell('=1')).toBe('k:＝1');
    expect(agentKeyCell('00123')).toBe('k:00123');
  });
});

describe("last month's total, looked up live", () => {
  // October: Ａｍｙ 80, 阿杰 70, a<b 66, 老王 kept as a grey row (typed 50 while in the data, then gone).
  const octoberTyped = inputsFromRows([['Ａｍｙ', '工作态度', 80], ['阿杰', '工作态度', 70], ['a<b', '工作态度', 66], ['老王', '工作态度', 50]]);
  const october = planTab({ month: '2026-10', template, agents: agents(['Ａｍｙ', '阿杰', 'a<b']), existing: octoberTyped, now: NOW });
  // November: amy 90, 阿? 75, 老王 65, 权重 60 (a label of October's tab), * 55, a<b 70.
  const novemberTyped = inputsFromRows([['amy', '工作态度', 90], ['阿?', '工作态度', 75], ['老王', '工作态度', 65], ['权重', '工作态度', 60], ['*', '工作态度', 55], ['a<b', '工作态度', 70]]);
  const november = planTab({
    month: '2026-11', template, agents: agents(['amy', '阿?', '老王', '权重', '*', 'a<b']), existing: novemberTyped,
    previous: { sheetName: october.sheetName, layout: previousRowsOf(october.values) }, now: NOW,
  });
  const sheets = evaluateSheets({ [october.sheetName]: october.values, [november.sheetName]: november.values });
  const grid = sheets[november.sheetName]!;
  const { firstAgentRow, bonusColumn } = november.layout;
  const shown = (i: number) => [cellAt(grid, firstAgentRow + i, 1), cellAt(grid, firstAgentRow + i, bonusColumn + 1), cellAt(grid, firstAgentRow + i, bonusColumn + 2)];

  test('October really has 老王 as a grey row without a total', () => {
    expect(october.layout).toMatchObject({ agentCount: 3, vanishedCount: 1 });
    expect(cellAt(sheets[october.sheetName]!, october.layout.firstAgentRow + 3, 1)).toBe('老王');
    expect(cellAt(sheets[october.sheetName]!, october.layout.firstAgentRow + 3, 2)).toBeNull();
  });

  test('each agent: last month and the change, by hand', () => {
    expect([0, 1, 2, 3, 4, 5].map(shown)).toEqual([
      ['amy', 80, 10], // Ａｍｙ is amy (full-width, case): 90 − 80 = 10
      ['阿?', '', ''], // ? is no wildcard: 阿杰's 70 is not hers
      ['老王', '', ''], // his October row has no total: blank, not 0 and not a change of 65
      ['权重', '', ''], // October's 权重 row (the weights, above the table) is not an agent row
      ['*', '', ''], // * matches only an agent named *
      ['a<b', 66, 4], // < inside a name is no comparison: 70 − 66 = 4
    ]);
  });

  test('and as plain code computes it', () => {
    const previous = readPreviousTotals(sheets[october.sheetName]!, october.layout);
    expect(previous).toEqual({ Ａｍｙ: 80, 阿杰: 70, 'a<b': 66 });
    const expected = expectedResults(template, agents(['amy', '阿?', '老王', '权重', '*', 'a<b']), novemberTyped, previous);
    expect(expected.agents.map((a) => [a.previousTotal, a.delta])).toEqual([[80, 10], ['', ''], ['', ''], ['', ''], ['', ''], [66, 4]]);
    expectParity(november, grid, expected);
  });
});

describe('a match-key column out of step with the names', () => {
  // A manager sorts every column of October's table but the key column: Ａｍｙ's row then carries
  // 阿杰's key. Looked up, November's amy would show 阿杰's 70 — so nothing is looked up at all.
  const typed = inputsFromRows([['Ａｍｙ', '工作态度', 80], ['阿杰', '工作态度', 70]]);
  const october = planTab({ month: '2026-10', template, agents: agents(['Ａｍｙ', '阿杰']), existing: typed, now: NOW });
  const aligned = previousRowsOf(october.values)!;
  const keyIndex = aligned.keyColumn! - 1;
  const first = october.layout.firstAgentRow; // 1-based: Ａｍｙ's row, 阿杰's below it
  const sorted = october.values.map((row) => [...row]);
  [sorted[first - 1]![keyIndex], sorted[first]![keyIndex]] = [sorted[first]![keyIndex]!, sorted[first - 1]![keyIndex]!];

  test('the tab as built is in step: the look-up is written', () => {
    expect(aligned.misaligned).toBeUndefined();
    expect(previousTotalFormula({ sheetName: october.sheetName, layout: aligned }, 'Z9')).toMatch(/^=IF\(COUNTIFS\(/);
  });

  test('two keys swapped: both rows named, no look-up, the note says why and what to do', () => {
    const rows = previousRowsOf(sorted)!;
    expect(rows.misaligned).toEqual([first, first + 1]);
    const previous = { sheetName: october.sheetName, layout: rows };
    expect(previousTotalFormula(previous, 'Z9')).toBeNull();
    expect(previousNote(previous).zh).toContain(`第 ${first}、${first + 1} 行的匹配键与客服名不一致`);
    expect(previousNote(previous).en).toContain('Build last month');
  });
});
