/**
 * A month stacked from four exports (赤兔 .xlsx, 生意参谋 GBK .csv, 飞鸽 and 咚咚 .csv) with the
 * person binding, built by the bundle as Apps Script runs it; the tab's figures against hand
 * computations. The per-file figures are in samples/generate-sources.ts.
 */
import { describe, expect, test } from 'vitest';
import { appraise, importData, layoutOf, readDataFiles, readPeopleFile, readResults, startRuntime } from '../../dev/local/appraise';
import { PEOPLE_TAB } from '../../src/appraisal/people';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FILES = ['chitu-2026-11.xlsx', 'sycm-2026-11.csv', 'feige-2026-11.csv', 'dongdong-2026-11.csv'].map((f) => `samples/${f}`);
const TEMPLATE = {
  version: 1, name: '四平台', bonusBase: 1000,
  items: [
    { metric: 'INQUIRY_CONVERSION', weight: 30, floor: 0.3, target: 0.5, method: 'linear' },
    { metric: 'REPLY_RATE_3MIN', weight: 20, floor: 0.8, target: 0.98, method: 'linear' },
    { metric: 'SATISFACTION_RATE', weight: 15, floor: 0.8, target: 0.95, method: 'linear' },
    { metric: 'DISSATISFACTION_RATE', weight: 10, method: 'tiers', tiers: [[0.01, 100], [0.02, 80], [0.05, 60]] },
    { metric: 'REFUND_RATE_28D', weight: 10, floor: 0.1, target: 0.02, method: 'linear' },
    { metric: 'DSR_SERVICE_180D', weight: 15, floor: 4.6, target: 4.9, method: 'linear' },
  ],
  grades: [
    { min: 95, grade: 'S', coefficient: 1.2 }, { min: 85, grade: 'A', coefficient: 1.1 }, { min: 75, grade: 'B', coefficient: 1 },
    { min: 60, grade: 'C', coefficient: 0.8 }, { min: 0, grade: 'D', coefficient: 0.5 },
  ],
};

async function built(people: boolean) {
  const rt = startRuntime();
  // Each file imported as the sidebar imports it: one data tab each (数据 chitu-2026-11 …).
  const tabs: string[] = [];
  for (const t of await readDataFiles(FILES)) tabs.push(await importData(rt, t.file, t.rows));
  if (people) rt.fake.book.addSheet(PEOPLE_TAB, await readPeopleFile('samples/people-2026-11.csv'));
  const reply = rt.ctx.kk_buildAppraisal!({ sheetName: tabs[0], sources: tabs.map((sheetName) => ({ sheetName })), people, month: '2026-11', template: TEMPLATE });
  return { rt, reply };
}

describe('four exports, one month, one row per person', async () => {
  const { rt, reply } = await built(true);
  const results = readResults(rt, '考核 2026-11');
  const of = (agent: string) => results.agents.find((a) => a.agent === agent)!;

  test('builds, names each data tab as 数据 <file>, one row per person', () => {
    expect(reply.ok, JSON.stringify(reply.error)).toBe(true);
    expect(results.agents.map((a) => a.agent).sort()).toEqual(['小美', '晓雯', '阿杰'].sort());
  });

  test('the values written are the Σ/Σ across files and platforms', () => {
    const v = of('小美').values;
    expect(v.INQUIRY_CONVERSION).toBeCloseTo(148 / 310, 12); // (100 + 20 + 8 + 20) ÷ (200 + 40 + 20 + 50)
    expect(v.REPLY_RATE_3MIN).toBeCloseTo(545 / 600, 12); // 0.9×200 + 0.8×100 + 0.95×300 ÷ 600
    expect(v.SATISFACTION_RATE).toBeCloseTo(103 / 115, 12); // 45 + 20 + 38 ÷ 50 + 25 + 40
    expect(v.DISSATISFACTION_RATE).toBeCloseTo(2.4 / 115, 12); // 1 + 1 + 0.4 ÷ 115
    expect(v.REFUND_RATE_28D).toBeCloseTo(5 / 115, 12); // 3 + 2 ÷ 60 + 55
    expect(v.DSR_SERVICE_180D).toBeCloseTo(4.84, 12); // (144 + 98) ÷ 50
    expect(of('晓雯').values.REPLY_RATE_3MIN).toBe(''); // no basis: blank, never 0
  });

  test('scores and totals evaluated in the tab match the hand computation', () => {
    const s = of('小美').scores;
    expect(s.INQUIRY_CONVERSION).toBeCloseTo(88.71, 2); // 100 × (0.477419 − 0.3) ÷ 0.2 = 88.7097
    expect(s.REPLY_RATE_3MIN).toBeCloseTo(60.19, 2); // 100 × (0.908333 − 0.8) ÷ 0.18 = 60.1852
    expect(s.SATISFACTION_RATE).toBeCloseTo(63.77, 2); // 100 × (0.895652 − 0.8) ÷ 0.15 = 63.7681
    expect(s.DISSATISFACTION_RATE).toBe(60); // 2.09 % > 2 %, ≤ 5 % → 60
    expect(s.REFUND_RATE_28D).toBeCloseTo(70.65, 2); // 100 × (0.043478 − 0.1) ÷ (0.02 − 0.1) = 70.6522
    expect(s.DSR_SERVICE_180D).toBeCloseTo(80, 6); // 100 × (4.84 − 4.6) ÷ 0.3
    // (30×88.7097 + 20×60.1852 + 15×63.7681 + 10×60 + 10×70.6522 + 15×80) ÷ 100 = 73.2804 → 73.28
    expect(of('小美').total).toBe(73.28);
    // 阿杰: conversion 84/230 = 0.365217 → 32.61; 3-min 0.9 → 55.56; satisfied 124/140 = 0.885714 → 57.14;
    // dissatisfied 3/140 = 2.14 % → 60; refunds 3/65 = 0.046154 → 67.31; DSR 4.75 → 50;
    // (30×32.6087 + 20×55.5556 + 15×57.1429 + 10×60 + 10×67.3077 + 15×50) ÷ 100 = 49.7034 → 49.70
    expect(of('阿杰').total).toBe(49.7);
    expect(of('小美').rank).toBe(1);
  });

  test('the person\'s name carries a note listing the accounts merged', () => {
    const layout = layoutOf(rt, '考核 2026-11');
    const notes = rt.fake.book.formats('考核 2026-11').notes;
    const names = rt.fake.book.values('考核 2026-11').map((r) => r[layout.agentColumn - 1]);
    const row = names.indexOf('小美');
    expect(notes[row]![layout.agentColumn - 1]).toBe('合并的账号（人员对照）：旗舰店:小美、xiaomei、小美-京东');
    expect(notes[names.indexOf('晓雯')]![layout.agentColumn - 1]).toBe('');
  });

  test('the reply warns of the possible double count and lists 赤兔\'s 退款率 as a suggestion, not applied', () => {
    const doubles = reply.value.warnings.filter((w: { zh: string }) => w.zh.startsWith('可能重复计算'));
    expect(doubles).toHaveLength(3); // 接待人数 of 小美, 阿杰, 晓雯 in 赤兔 and 生意参谋
    expect(reply.value.suggestions.map((s: { sheetName: string; header: string }) => [s.sheetName, s.header])).toEqual([['数据 chitu-2026-11', '退款率']]);
  });

  test('without the binding every account is its own row', async () => {
    const plain = await built(false);
    expect(plain.reply.ok).toBe(true);
    const agents = readResults(plain.rt, '考核 2026-11').agents.map((a) => a.agent);
    expect(agents).toHaveLength(7); // 小美, 阿杰, 晓雯 (shop prefix cut), xiaomei, 阿杰-抖店, 小美-京东, ajie_jd
    expect(agents).toContain('xiaomei');
  });
});

describe('npm run appraise --people', () => {
  test('takes account, person[, platform] and prints the suggestions on stderr, never applying them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kk-people-'));
    const template = join(dir, 't.json');
    writeFileSync(template, JSON.stringify(TEMPLATE));
    const result = await appraise({ data: FILES, template, month: '2026-11', people: 'samples/people-2026-11.csv' });
    rmSync(dir, { recursive: true, force: true });
    expect(result.agents.map((a) => a.agent).sort()).toEqual(['小美', '晓雯', '阿杰'].sort());
    expect(result.suggestions.map((s) => [s.header, s.field])).toEqual([['退款率', 'refund_rate']]);
    // 小美's refund rate is 生意参谋's counts (5 ÷ 115), not 赤兔's money 退款率 (3.00 %).
    expect(result.agents.find((a) => a.agent === '小美')!.values.REFUND_RATE_28D).toBeCloseTo(5 / 115, 12);
  });
});
