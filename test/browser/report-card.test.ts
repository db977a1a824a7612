/**
 * The 绩效单 in Chromium on the playground: the sample (samples/qianniu-2026-11.csv, 综合 preset)
 * is built from the sidebar, which writes 绩效单 2026-11 and 趋势 with it; the page is read for 小美,
 * then 大白 is picked in B2 and every figure follows. Each expected figure is computed by hand below
 * from the month's sums of the sample (Σ over the agent's daily rows), never read from the code.
 *
 * 小美: 询单人数 2417, 成交人数 1272, 成交金额 197457.43, 响应总时长 287539 s, 回复 17265, 成交笔数 1371,
 *       销售额 240798.83, 计划 215800, 退货 69, 错单 4, 投诉 0, 差评 1.
 * 大白: 询单人数 2118, 成交人数 713, 成交金额 84690.38, 响应总时长 572297 s, 回复 15539, 成交笔数 765,
 *       销售额 103840.26, 计划 120000, 退货 70, 错单 0, 投诉 1, 差评 0.
 * Weights (综合): 达成 25, 转化 20, 客单价 10, 响应 10, 差评 10, 退货 5, 准确 5, 投诉 5, 工作态度 10 (blank → 0).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSampleFromSidebar, openPlaygroundInChromium, SCREENSHOTS, type BrowserSession } from './session';

const CARD = '绩效单 2026-11';

interface Row {
  item: string;
  score: number;
  contribution: number;
  short: number;
  average: number;
  place: number;
  sentence?: string;
}

/**
 * Team averages over the seven agents' item scores (each score computed the same way for every agent):
 * 达成 101.25, 转化 66.39, 客单价 94.00, 响应 82.82, 差评 88.57, 退货 85.39, 准确 100, 投诉 91.43.
 */
const XIAOMEI: { total: number; rank: string; grade: string; coefficient: number; bonus: string; rows: Row[] } = {
  // Σ w·s ÷ 100 = (25·111.584 + 20·100 + 10·103.489 + 10·96.324 + 10·100 + 5·99.672 + 5·100 + 5·100 + 10·0) ÷ 100 = 92.86
  total: 92.86, rank: '2 / 7', grade: 'A', coefficient: 1.1, bonus: '奖金 = 1,000 × 1.1 = ¥1,100',
  rows: [
    // 240798.83 ÷ 215800 = 1.115843 → ratio 111.58 (cap 120); 111.584 × 25 ÷ 100 = 27.90; 阿May 115.13 is above
    { item: '销售计划达成率', score: 111.6, contribution: 27.9, short: 0, average: 101.3, place: 2 },
    // 1272 ÷ 2417 = 0.52627 ≥ 50 % → 100 (linear, clamped); 100 × 20 ÷ 100 = 20
    { item: '询单转化率', score: 100, contribution: 20, short: 0, average: 66.4, place: 1, sentence: '询单转化率 52.63%，目标 50.00%、下限 30.00%，按线性插值得 100.0 分' },
    // 197457.43 ÷ 1272 = 155.23 → 100 × 155.23 ÷ 150 = 103.49
    { item: '询单客单价', score: 103.5, contribution: 10.35, short: 0, average: 94.0, place: 2 },
    // 287539 ÷ 17265 = 16.654 s → 100 × (16.654 − 60) ÷ (15 − 60) = 96.32; short (100 − 96.32) × 10 ÷ 100 = 0.37
    { item: '平均响应时间', score: 96.3, contribution: 9.63, short: 0.37, average: 82.8, place: 2, sentence: '平均响应时间 16.7 秒，目标 15.0 秒、下限 60.0 秒，按线性插值得 96.3 分' },
    // 1 ÷ 1371 = 0.073 % ≤ 0.2 % → 100
    { item: '差评率', score: 100, contribution: 10, short: 0, average: 88.6, place: 1 },
    // 69 ÷ 1371 = 5.033 % → 100 × (0.05033 − 0.15) ÷ (0.05 − 0.15) = 99.67; 99.67 × 5 ÷ 100 = 4.98
    { item: '退货率', score: 99.7, contribution: 4.98, short: 0.02, average: 85.4, place: 3 },
    // 1 − 4 ÷ 1371 = 99.71 % ≥ 99.5 % → 100
    { item: '出单准确率', score: 100, contribution: 5, short: 0, average: 100, place: 1, sentence: '出单准确率 99.71%，目标 99.50%，达标，得 100.0 分' },
    // 0 complaints → 100 − 10 × 0 = 100
    { item: '投诉笔数', score: 100, contribution: 5, short: 0, average: 91.4, place: 1 },
  ],
};

const DABAI: typeof XIAOMEI = {
  // (25·86.534 + 20·18.319 + 10·79.187 + 10·51.490 + 10·100 + 5·58.497 + 5·100 + 5·90 + 0) ÷ 100 = 60.79 → C (≥ 60), 0.8
  total: 60.79, rank: '7 / 7', grade: 'C', coefficient: 0.8, bonus: '奖金 = 1,000 × 0.8 = ¥800',
  rows: [
    // 103840.26 ÷ 120000 = 0.86534 → 86.53; 86.53 × 25 ÷ 100 = 21.63; short (100 − 86.53) × 25 ÷ 100 = 3.37
    { item: '销售计划达成率', score: 86.5, contribution: 21.63, short: 3.37, average: 101.3, place: 7 },
    // 713 ÷ 2118 = 0.33664 → 100 × (0.33664 − 0.3) ÷ 0.2 = 18.32; 18.32 × 20 ÷ 100 = 3.66; short 81.68 × 0.2 = 16.34
    { item: '询单转化率', score: 18.3, contribution: 3.66, short: 16.34, average: 66.4, place: 7, sentence: '询单转化率 33.66%，目标 50.00%、下限 30.00%，按线性插值得 18.3 分' },
    // 84690.38 ÷ 713 = 118.78 → 100 × 118.78 ÷ 150 = 79.19
    { item: '询单客单价', score: 79.2, contribution: 7.92, short: 2.08, average: 94.0, place: 7 },
    // 572297 ÷ 15539 = 36.83 s → 100 × (36.83 − 60) ÷ (15 − 60) = 51.49
    { item: '平均响应时间', score: 51.5, contribution: 5.15, short: 4.85, average: 82.8, place: 7, sentence: '平均响应时间 36.8 秒，目标 15.0 秒、下限 60.0 秒，按线性插值得 51.5 分' },
    // 0 ÷ 765 = 0 → 100 (shares first place with 小美 and 阿May)
    { item: '差评率', score: 100, contribution: 10, short: 0, average: 88.6, place: 1 },
    // 70 ÷ 765 = 9.150 % → 100 × (0.0915 − 0.15) ÷ (−0.1) = 58.50; 58.50 × 5 ÷ 100 = 2.92; short 2.08
    { item: '退货率', score: 58.5, contribution: 2.92, short: 2.08, average: 85.4, place: 7 },
    { item: '出单准确率', score: 100, contribution: 5, short: 0, average: 100, place: 1 },
    // 1 complaint → 100 − 10 × 1 = 90; 90 × 5 ÷ 100 = 4.5; 小美, 橙子 (100) are above, so third
    { item: '投诉笔数', score: 90, contribution: 4.5, short: 0.5, average: 91.4, place: 3, sentence: '投诉笔数 1 笔，每单位扣 10 分，得 90.0 分' },
  ],
};

describe('the 绩效单 of the sample in Chromium', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await openPlaygroundInChromium();
    page = session.page;
  });
  afterAll(async () => {
    await session?.close();
  });

  const cell = (row: number, column: number) => page.locator(`table[data-sheet="${CARD}"] td[data-row="${row}"][data-col="${column}"]`);
  const text = async (row: number, column: number) => ((await cell(row, column).textContent()) ?? '').trim();
  const num = async (row: number, column: number) => Number.parseFloat((await text(row, column)).replace(/[¥,%]/g, ''));

  async function expectCard(agent: string, want: typeof XIAOMEI): Promise<void> {
    expect(await text(2, 2)).toBe(agent);
    expect(await num(2, 5)).toBeCloseTo(want.total, 2);
    expect(await text(2, 7)).toBe(want.rank);
    expect(await text(2, 9)).toBe(want.grade);
    expect(await num(3, 2)).toBeCloseTo(want.coefficient, 2);
    expect(await text(3, 5)).toBe(want.bonus);
    for (const [i, row] of want.rows.entries()) {
      const r = 6 + 2 * i;
      expect(await text(r, 1)).toBe(row.item);
      expect(await num(r, 5), `${agent} ${row.item} score`).toBeCloseTo(row.score, 1);
      expect(await num(r, 7), `${agent} ${row.item} contribution`).toBeCloseTo(row.contribution, 2);
      expect(await num(r, 8), `${agent} ${row.item} short of full`).toBeCloseTo(row.short, 2);
      expect(await num(r, 9), `${agent} ${row.item} team average`).toBeCloseTo(row.average, 1);
      expect(await num(r, 10), `${agent} ${row.item} place`).toBe(row.place);
      if (row.sentence) expect(await text(r + 1, 1)).toBe(row.sentence);
    }
    // the manual item, not scored in the sample: said in words, counted 0
    expect(await text(23, 1)).toBe('工作态度：尚未评分，按 0 分计');
    // the history: this month's total again, from the same tab
    expect(await text(27, 1)).toBe('2026-11');
    expect(await num(27, 2)).toBeCloseTo(want.total, 2);
  }

  it('is built with the month from the sidebar and explains 小美, then 大白 when picked', async () => {
    const sidebar = page.frameLocator('#sidebar');
    await buildSampleFromSidebar(page);
    await sidebar.locator('#open-report-card').click();
    await page.locator(`table[data-sheet="${CARD}"]`).waitFor();
    await expectCard('小美', XIAOMEI);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-card.png') });

    await cell(2, 2).click();
    await cell(2, 2).locator('input').fill('大白');
    await cell(2, 2).locator('input').press('Enter');
    await expect.poll(() => text(2, 5)).toBe('60.79');
    await expectCard('大白', DABAI);

    // refreshing from the sidebar rebuilds both tabs and keeps the agent the manager picked
    await sidebar.locator('#refresh-reports').click();
    await sidebar.locator('.notice', { hasText: '已刷新' }).waitFor();
    await expect.poll(() => text(2, 2)).toBe('大白');
    await expectCard('大白', DABAI);

    // 趋势: this month's totals across (小美 92.86 … 大白 60.79, as on the cards above)
    await page.locator('#tabs button', { hasText: '趋势' }).click();
    const trend = page.locator('table[data-sheet="趋势"]');
    await trend.waitFor();
    const trendText = (await trend.textContent()) ?? '';
    expect(trendText).toContain('92.86');
    expect(trendText).toContain('60.79');
    expect(trendText).toContain('2026 全年平均');
    await page.screenshot({ path: join(SCREENSHOTS, 'trend.png') });
    expect(session.pageErrors).toEqual([]);
  });
});
