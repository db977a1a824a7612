import { describe, expect, test } from 'vitest';
import { readExisting, readPreviousTotals } from '../../src/appraisal/existing';
import { inputsFromRows, emptyInputs } from '../../src/appraisal/manual-inputs';
import { planTab, type PlanInput } from '../../src/appraisal/plan';
import type { PlanValue } from '../../src/appraisal/plan-types';
import { evaluatePlan } from './hf';
import { NOW, everyMethod, threeAgents } from './fixtures';
import { sheetView, typeInto } from './sheet-view';

const typed = () => {
  const inputs = inputsFromRows([['小美', '工作态度', 90], ['小美', '专业能力', 4.5], ['晓雯', '工作态度', '优秀'], ['老王', '工作态度', 60]]);
  inputs.remarks['小美'] = '双十一表现突出';
  inputs.remarks['老王'] = '=已离职';
  return inputs;
};
const plan = (overrides: Partial<PlanInput> = {}) =>
  planTab({ month: '2026-11', template: everyMethod(), agents: threeAgents(), existing: typed(), now: NOW, ...overrides });

describe('readExisting', () => {
  test('reads back every manual score and remark the plan wrote, rows of vanished agents included', () => {
    const p = plan();
    const back = readExisting(evaluatePlan(p), p.layout);
    expect(back.agents).toEqual(['小美', '阿杰', '晓雯', '老王']);
    expect(JSON.parse(JSON.stringify(back.manual))).toEqual({ 小美: { 工作态度: 90, 专业能力: 4.5 }, 晓雯: { 工作态度: '优秀' }, 老王: { 工作态度: 60 } });
    expect({ ...back.remarks }).toEqual({ 小美: '双十一表现突出', 老王: '=已离职' });
  });

  test('reads the plan\'s own values too (apostrophes not yet dropped)', () => {
    const p = plan({ agents: [{ agent: '=HYPERLINK("x")', values: {} }], existing: inputsFromRows([['=HYPERLINK("x")', '工作态度', '=SUM(9)']]) });
    const back = readExisting(p.values, p.layout);
    expect(back.agents).toEqual(['=HYPERLINK("x")']);
    expect(back.manual['=HYPERLINK("x")']).toEqual({ 工作态度: '=SUM(9)' });
  });

  test('what the manager typed after the build', () => {
    const p = plan({ existing: null });
    const grid = sheetView(p);
    typeInto(grid, p.layout.firstAgentRow, '阿杰', p.layout.manualColumns['专业能力']!, 3);
    typeInto(grid, p.layout.firstAgentRow, '阿杰', p.layout.remarkColumn, '请假 2 天');
    const back = readExisting(grid, p.layout);
    expect({ ...back.manual }).toEqual({ 阿杰: { 专业能力: 3 } });
    expect({ ...back.remarks }).toEqual({ 阿杰: '请假 2 天' });
  });

  test('after the manager inserted rows above the table and a column before the manual items', () => {
    const p = plan();
    const grid: PlanValue[][] = sheetView(p).map((row) => {
      const copy = row.slice();
      copy.splice(p.layout.manualColumns['工作态度']! - 1, 0, '插入的列');
      return copy;
    });
    grid.splice(2, 0, ['说明'], []);
    const back = readExisting(grid, p.layout);
    expect(back.manual['小美']).toEqual({ 工作态度: 90, 专业能力: 4.5 });
    expect(back.remarks['小美']).toBe('双十一表现突出');
  });

  test('after the manager sorted the table or blanked a row: matched by name, nothing below is lost', () => {
    const p = plan();
    const grid = sheetView(p);
    const first = p.layout.firstAgentRow - 1;
    const rows = grid.splice(first, 4);
    grid.push(rows[3]!, rows[2]!, new Array(p.layout.columns).fill(''), rows[1]!, rows[0]!);
    const back = readExisting(grid, p.layout);
    expect(back.agents).toEqual(['老王', '晓雯', '阿杰', '小美']);
    expect(back.manual['小美']).toEqual({ 工作态度: 90, 专业能力: 4.5 });
  });

  test('a grid that is not ours or is empty reads as nothing, never throws', () => {
    const p = plan();
    expect(readExisting([], p.layout)).toEqual(emptyInputs());
    expect(readExisting([['a', 'b'], [1, 2]], p.layout).agents).toEqual([]);
    expect(readExisting(null as unknown as unknown[][], p.layout).agents).toEqual([]);
  });
});

describe('readPreviousTotals', () => {
  test('the total of every current agent of an evaluated tab; vanished rows have none', () => {
    const p = plan();
    const totals = readPreviousTotals(evaluatePlan(p), p.layout);
    // 晓雯's 工作态度 is the text 优秀: her total shows 待修正, not a number.
    expect(Object.keys(totals)).toEqual(['小美', '阿杰']);
    for (const total of Object.values(totals)) expect(typeof total).toBe('number');
  });

  test('formulas not evaluated are not totals', () => {
    const p = plan();
    expect({ ...readPreviousTotals(p.values, p.layout) }).toEqual({});
  });
});

describe('inputsFromRows', () => {
  test('agent, item, score rows: a header row and blank rows passed over, numbers as numbers', () => {
    const inputs = inputsFromRows([['客服', '考核项', '分数'], ['小美', '工作态度', '95'], [], ['', '工作态度', 3], ['阿杰', '工作态度', ' 良好 '], ['阿杰', '专业能力', 4]]);
    expect(inputs.agents).toEqual(['小美', '阿杰']);
    expect(JSON.parse(JSON.stringify(inputs.manual))).toEqual({ 小美: { 工作态度: 95 }, 阿杰: { 工作态度: '良好', 专业能力: 4 } });
  });

  test('an agent or item named __proto__ is stored like any other', () => {
    const inputs = inputsFromRows([['__proto__', 'constructor', 5]]);
    expect(Object.getPrototypeOf(inputs.manual)).toBeNull();
    expect(inputs.manual['__proto__']!['constructor']).toBe(5);
  });
});
