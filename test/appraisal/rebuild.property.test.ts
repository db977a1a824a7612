/**
 * Build → the manager types → rebuild with new data or a new template, again and again: every
 * manual score and remark ever typed is still in the tab (agents who left the data keep a
 * marked row; items dropped from the template keep a column that does not count).
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { readExisting } from '../../src/appraisal/existing';
import { planTab } from '../../src/appraisal/plan';
import type { PlanValue, TabPlan } from '../../src/appraisal/plan-types';
import type { Template } from '../../src/appraisal/template';
import { DEFAULT_GRADES } from '../../src/metrics/scoring';
import { NOW } from './fixtures';
import { sheetView, typeInto } from './sheet-view';

const AGENTS = ['小美', '阿杰', '晓雯', '大白', '=HYPERLINK("x")', '<img src=x onerror=alert(1)>', '__proto__'];
const ITEMS = ['工作态度', '专业能力', '应变能力', '+规则制度'];

/** One metric and the chosen manual items, 10 points each. */
function templateWith(items: readonly string[]): Template {
  return {
    version: 1,
    name: '轮次',
    items: [
      { metric: 'INQUIRY_CONVERSION', weight: 100 - 10 * items.length, floor: 0.3, target: 0.5, method: 'linear' },
      ...items.map((manual) => ({ manual, weight: 10, max: 10 })),
    ],
    grades: DEFAULT_GRADES.map((g) => ({ ...g })),
  };
}

const edit = fc.record({
  agent: fc.constantFrom(...AGENTS),
  /** An item index, or -1 for the remark. */
  item: fc.integer({ min: -1, max: ITEMS.length - 1 }),
  value: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constantFrom('优秀', '=1+1', '-', '+3', '  ')),
});

const round = fc.record({
  agents: fc.subarray(AGENTS),
  items: fc.subarray(ITEMS),
  edits: fc.array(edit, { maxLength: 8 }),
});

/** What the manager typed last into each (agent, item) and each remark: what the tab must still show. */
interface Truth {
  manual: Map<string, PlanValue>;
  remarks: Map<string, string>;
}
const key = (agent: string, item: string) => JSON.stringify([agent, item]);

function expectKept(plan: TabPlan, grid: PlanValue[][], truth: Truth): void {
  const back = readExisting(grid, plan.layout);
  for (const [k, value] of truth.manual) {
    const [agent, item] = JSON.parse(k) as [string, string];
    expect(back.manual[agent]?.[item], `${agent} / ${item}`).toBe(value);
  }
  for (const [agent, remark] of truth.remarks) expect(back.remarks[agent], `${agent} remark`).toBe(remark);
}

describe('rebuilding never loses a manual score or a remark', () => {
  test('random sequences of build → manual edits → rebuild (agents appearing and vanishing, the template changing)', () => {
    fc.assert(fc.property(fc.array(round, { minLength: 1, maxLength: 6 }), (rounds) => {
      const truth: Truth = { manual: new Map(), remarks: new Map() };
      let previous: { plan: TabPlan; grid: PlanValue[][] } | null = null;
      for (const r of rounds) {
        const existing = previous ? readExisting(previous.grid, previous.plan.layout) : null;
        const agents = r.agents.map((agent) => ({ agent, values: { INQUIRY_CONVERSION: 0.4 } }));
        const plan = planTab({ month: '2026-11', template: templateWith(r.items), agents, existing, now: NOW });
        const grid = sheetView(plan);
        expectKept(plan, grid, truth);
        for (const e of r.edits) {
          const column = e.item < 0 ? plan.layout.remarkColumn : plan.layout.manualColumns[ITEMS[e.item]!];
          // The manager can only type into the rows and columns the tab has.
          if (column === undefined || !typeInto(grid, plan.layout.firstAgentRow, e.agent, column, e.value)) continue;
          const blank = typeof e.value === 'string' && e.value.trim() === '';
          if (e.item < 0) {
            if (blank) truth.remarks.delete(e.agent);
            else truth.remarks.set(e.agent, String(e.value));
          } else if (blank) truth.manual.delete(key(e.agent, ITEMS[e.item]!));
          else truth.manual.set(key(e.agent, ITEMS[e.item]!), e.value);
        }
        previous = { plan, grid };
      }
      // One last rebuild with nobody in the data and no manual items: everything typed is still there.
      const last = planTab({
        month: '2026-11', template: templateWith([]), agents: [], now: NOW,
        existing: previous ? readExisting(previous.grid, previous.plan.layout) : null,
      });
      expectKept(last, sheetView(last), truth);
    }), { numRuns: 150 });
  });
});

describe('a rebuild by hand', () => {
  test('plan → read back → plan again with changed data and template: the same manual scores', () => {
    const first = planTab({
      month: '2026-11', template: templateWith(['工作态度', '专业能力']), now: NOW,
      agents: [{ agent: '小美', values: { INQUIRY_CONVERSION: 0.5 } }, { agent: '阿杰', values: { INQUIRY_CONVERSION: 0.3 } }],
    });
    const grid = sheetView(first);
    typeInto(grid, first.layout.firstAgentRow, '小美', first.layout.manualColumns['工作态度']!, 9);
    typeInto(grid, first.layout.firstAgentRow, '阿杰', first.layout.manualColumns['专业能力']!, 7);
    typeInto(grid, first.layout.firstAgentRow, '阿杰', first.layout.remarkColumn, '新人');
    // New data: 阿杰 gone, 晓雯 new. New template: 专业能力 dropped, 应变能力 added.
    const second = planTab({
      month: '2026-11', template: templateWith(['工作态度', '应变能力']), now: NOW, existing: readExisting(grid, first.layout),
      agents: [{ agent: '晓雯', values: { INQUIRY_CONVERSION: 0.4 } }, { agent: '小美', values: { INQUIRY_CONVERSION: 0.45 } }],
    });
    const back = readExisting(sheetView(second), second.layout);
    expect(back.agents).toEqual(['晓雯', '小美', '阿杰']);
    expect(JSON.parse(JSON.stringify(back.manual))).toEqual({ 小美: { 工作态度: 9 }, 阿杰: { 专业能力: 7 } });
    expect(back.remarks['阿杰']).toBe('新人');
    expect(second.layout.vanishedCount).toBe(1);
    expect(Object.keys(second.layout.manualColumns)).toEqual(['工作态度', '应变能力', '专业能力']);
  });
});
