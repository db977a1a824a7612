/** The bundled sample files: reproducible, recognised in full, and enough for the 综合 preset. */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { generateManual, generateQianniu } from '../../samples/generate-qianniu';
import { aggregate } from '../../src/appraisal/aggregate';
import { recognise } from '../../src/appraisal/headers';
import { inputsFromRows } from '../../src/appraisal/manual-inputs';
import { planTab } from '../../src/appraisal/plan';
import { PRESETS } from '../../src/appraisal/presets';
import { expectedResults } from '../../src/appraisal/results';
import { isManual } from '../../src/appraisal/template';
import { parseCsv, stripBom } from '../../src/files';
import { evaluatePlan } from './hf';
import { expectParity } from './parity';
import { NOW } from './fixtures';

const exportText = readFileSync('samples/qianniu-2026-11.csv', 'utf8');
const grid = parseCsv(stripBom(exportText));
const recognition = recognise(grid);
const data = aggregate(grid, recognition, { month: '2026-11', timeZone: 'Asia/Shanghai' });
const manual = inputsFromRows(parseCsv(readFileSync('samples/manual-2026-11.csv', 'utf8')));

describe('samples/qianniu-2026-11.csv', () => {
  test('is what the seeded generator writes (UTF-8 with BOM)', () => {
    expect(exportText).toBe(generateQianniu());
    expect(exportText.charCodeAt(0)).toBe(0xfeff);
    expect(readFileSync('samples/manual-2026-11.csv', 'utf8')).toBe(generateManual());
  });

  test('a two-row header with every column recognised', () => {
    expect(recognition.headerRows).toBe(2);
    expect(recognition.columns.filter((c) => c.field === null)).toEqual([]);
  });

  test('per-day rows of seven sub-accounts for November, the 汇总 row skipped', () => {
    expect(data.agents.map((a) => a.agent).sort()).toEqual(['大白', '小美', '晓雯', '橙子', '糖糖', '阿May', '阿杰'].sort());
    expect(data.skipped).toEqual([{ row: grid.length, reason: { zh: '汇总行「汇总」，已跳过', en: 'summary row "汇总", skipped' } }]);
    expect(data.rowsUsed).toBe(grid.length - 3);
    expect(data.warnings).toEqual([]);
  });

  test('every metric of the 综合 and 售前 presets can be computed', () => {
    for (const id of ['mixed', 'presale'] as const) {
      for (const item of PRESETS[id].template.items) {
        if (!isManual(item)) expect(data.availableMetrics, `${id}: ${item.metric}`).toContain(item.metric);
      }
    }
  });

  test('plausible figures: conversion 30–60 %, response 10–40 s, 客单价 100–180 元', () => {
    for (const agent of data.agents) {
      expect(agent.values.INQUIRY_CONVERSION).toBeGreaterThan(0.3);
      expect(agent.values.INQUIRY_CONVERSION).toBeLessThan(0.6);
      expect(agent.values.AVG_RESPONSE_TIME).toBeGreaterThan(10);
      expect(agent.values.AVG_RESPONSE_TIME).toBeLessThan(40);
      expect(agent.values.INQUIRY_AOV).toBeGreaterThan(100);
      expect(agent.values.INQUIRY_AOV).toBeLessThan(180);
    }
  });
});

describe('samples/manual-2026-11.csv', () => {
  test('工作态度 for each of the seven agents', () => {
    expect(inputsFromRows(parseCsv(readFileSync('samples/manual-2026-11.csv', 'utf8'))).agents).toHaveLength(7);
    expect(manual.manual['小美']).toEqual({ 工作态度: 95 });
  });
});

describe('the sample month end to end', () => {
  test('综合 preset with the manual scores: the tab as evaluated equals the expected results', () => {
    const template = PRESETS.mixed.template;
    const plan = planTab({ month: '2026-11', template, agents: data.agents, existing: manual, now: NOW });
    expectParity(plan, evaluatePlan(plan), expectedResults(template, data.agents, manual));
  });
});
