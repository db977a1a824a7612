/**
 * Rule 8 on the rebuild: typed values follow the agent whatever the spelling; nothing typed is lost.
 */
import { describe, expect, test } from 'vitest';
import { alignInputs, conflictingSpellings } from '../../src/appraisal/agent-keys';
import { emptyInputs, setManual, type ExistingInputs } from '../../src/appraisal/manual-inputs';
import { expectedResults } from '../../src/appraisal/results';
import { planTab } from '../../src/appraisal/plan';
import type { Template } from '../../src/appraisal/template';

/** Inputs as a tab would read back: agent → { item: value }, remarks. */
function typed(rows: [string, Record<string, number | string>, string?][]): ExistingInputs {
  const inputs = emptyInputs();
  for (const [agent, items, remark] of rows) {
    if (!inputs.agents.includes(agent)) inputs.agents.push(agent);
    for (const [item, value] of Object.entries(items)) setManual(inputs, agent, item, value);
    if (remark) inputs.remarks[agent] = remark;
  }
  return inputs;
}
const plain = (x: unknown) => JSON.parse(JSON.stringify(x));

describe('alignInputs', () => {
  test('a score typed for amy on the tab goes to Amy of the data, with the remark', () => {
    const out = alignInputs(typed([['amy', { 工作态度: 90 }, '请假两天']]), [{ agent: 'Amy' }]);
    expect(plain(out)).toEqual({ agents: ['Amy'], manual: { Amy: { 工作态度: 90 } }, remarks: { Amy: '请假两天' } });
  });

  test('full-width and sub-account spellings match too (Ａｍｙ, 店铺：小美)', () => {
    const out = alignInputs(typed([['Ａｍｙ', { a: 1 }], ['店铺：小美', { a: 2 }]]), [{ agent: 'amy' }, { agent: '店铺:小美' }]);
    expect(out!.agents).toEqual(['amy', '店铺:小美']);
    expect(plain(out!.manual)).toEqual({ amy: { a: 1 }, '店铺:小美': { a: 2 } });
  });

  test('two spellings with different items merge into one agent', () => {
    const out = alignInputs(typed([['Amy', { a: 90 }], ['amy', { b: 5 }]]), [{ agent: 'AMY' }]);
    expect(plain(out)).toEqual({ agents: ['AMY'], manual: { AMY: { a: 90, b: 5 } }, remarks: {} });
  });

  test('two spellings with different values for one item: the second keeps a row of its own, nothing is overwritten', () => {
    const out = alignInputs(typed([['Amy', { a: 90 }], ['amy', { a: 80 }]]), [{ agent: 'AMY' }]);
    expect(out!.agents).toEqual(['AMY', 'amy']);
    expect(plain(out!.manual)).toEqual({ AMY: { a: 90 }, amy: { a: 80 } });
  });

  test('the row spelled as the data spells it is never overwritten by another spelling above it', () => {
    const out = alignInputs(typed([['amy', { a: 80 }, '旧'], ['Amy', { a: 90 }, '新']]), [{ agent: 'Amy' }]);
    expect(plain(out!.manual)).toEqual({ amy: { a: 80 }, Amy: { a: 90 } });
    expect(plain(out!.remarks)).toEqual({ amy: '旧', Amy: '新' });
    expect(out!.agents).toEqual(['amy', 'Amy']);
  });

  test('agents gone from the data keep the first spelling on the tab; their other spellings merge into it', () => {
    const out = alignInputs(typed([['Bob', { a: 1 }], ['BOB', { b: 2 }], ['小美', { a: 3 }]]), [{ agent: '小美' }]);
    expect(plain(out)).toEqual({ agents: ['Bob', '小美'], manual: { Bob: { a: 1, b: 2 }, 小美: { a: 3 } }, remarks: {} });
  });

  test('00123 on the tab is not agent 123', () => {
    const out = alignInputs(typed([['00123', { a: 1 }]]), [{ agent: '123' }]);
    expect(out!.agents).toEqual(['00123']);
  });

  test('null stays null', () => {
    expect(alignInputs(null, [{ agent: 'Amy' }])).toBeNull();
  });
});

const template: Template = {
  version: 1,
  name: 'keys',
  items: [
    { metric: 'INQUIRY_CONVERSION', weight: 50, method: 'linear', floor: 0, target: 0.5 },
    { manual: '工作态度', weight: 50, max: 100 },
  ],
  grades: [{ min: 0, grade: 'D', coefficient: 1 }],
} as unknown as Template;

describe('the plan and the pure results match typed scores by key', () => {
  const agents = [{ agent: 'Amy', values: { INQUIRY_CONVERSION: 0.5 }, sources: {} }];
  const existing = typed([['ａｍｙ', { 工作态度: 80 }, '好']]);

  test('expectedResults: Amy gets the 80 typed for ａｍｙ: (50×100 + 50×80) / 100 = 90', () => {
    const results = expectedResults(template, agents, existing);
    expect(results.agents.map((a) => [a.agent, a.manual['工作态度'], a.total])).toEqual([['Amy', 80, 90]]);
  });

  test('planTab: one agent row, no vanished row, the 80 and the remark on Amy\'s row', () => {
    const plan = planTab({ month: '2026-11', template, agents, existing, previous: null, now: '2026-12-01T00:00:00Z' });
    expect(plan.layout.vanishedCount).toBe(0);
    const rows = plan.values.filter((row) => row[plan.layout.agentColumn - 1] === 'Amy');
    expect(rows).toHaveLength(1);
    expect(rows[0]![plan.layout.manualColumns['工作态度']! - 1]).toBe(80);
    expect(rows[0]![plan.layout.remarkColumn - 1]).toBe('好');
    expect(plan.values.flat()).not.toContain('ａｍｙ');
  });
});

describe('conflictingSpellings', () => {
  test('the row kept apart is named with the agent it belongs to; a merge or a gone agent is not', () => {
    // Amy 90 and amy 80 for item a: amy stays apart (see alignInputs above), so it is reported.
    // 小美 and 小美 (full-width space padded) merge: nothing to say. 老王 is gone from the data: not a conflict.
    const inputs = typed([['Amy', { a: 90 }], ['amy', { a: 80 }], ['小美', { a: 70 }], ['　小美', { b: 1 }], ['老王', { a: 60 }]]);
    const agents = [{ agent: 'AMY' }, { agent: '小美' }];
    const out = conflictingSpellings(alignInputs(inputs, agents), agents);
    expect(out.map((m) => m.zh)).toEqual([
      '「amy」和本月的「AMY」是同一人，但两行手填的分数或备注不同，「amy」一行保留为灰色、不计分。请核对后把分数填到「AMY」一行，再删除「amy」一行的内容。',
    ]);
    expect(out[0]!.en).toContain('"amy" row is kept grey and does not count');
  });
});
