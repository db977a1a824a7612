/**
 * The shop owner's first screen, in Chromium at 1366 × 768 (a common laptop): the manager builds the
 * sample (samples/qianniu-2026-11.csv, 综合 preset), types the sample's manual scores
 * (samples/manual-2026-11.csv) into the grid, presses 为店主准备; the owner opens the 考核 tab without
 * the sidebar and sees all seven agents ranked, each with total, grade and bonus, and what each item
 * contributed, without scrolling: the columns are drawn at the widths the build set, as Sheets draws them.
 *
 * Expected figures, by hand from the month's sums of the sample (Σ over each agent's daily rows) and
 * the 综合 preset (weights 达成 25, 转化 20, 客单价 10, 响应 10, 差评 10, 退货 5, 准确 5, 投诉 5, 工作态度 10;
 * 达成 ratio to 100 %, cap 120; 转化 linear 30 % → 50 %; 客单价 ratio to 150 元, cap 120; 响应 linear 60 s → 15 s;
 * 差评率 tiers ≤ 0.2 % 100, ≤ 0.5 % 80, ≤ 1 % 60; 退货率 linear 15 % → 5 %; 准确率 pass at 99.5 %; 投诉 −10 each;
 * grades S ≥ 95 ×1.2, A ≥ 85 ×1.1, B ≥ 75 ×1.0, C ≥ 60 ×0.8, D ×0.5; bonus base 1,000):
 *
 * 阿May: 284367.94 ÷ 247000 = 1.15129 → 115.13; 1332 ÷ 2326 = 57.27 % → 100; 231658.09 ÷ 1332 = 173.92 元 → 115.94;
 *        221976 ÷ 16849 = 13.17 s → 100; 差评 1 ÷ 1436 = 0.07 % → 100; 退货 71 ÷ 1436 = 4.94 % → 100; 错单 0 → 100;
 *        投诉 2 → 80; 工作态度 92. (25·115.129 + 20·100 + 10·115.945 + 10·100 + 10·100 + 5·100 + 5·100 + 5·80 + 10·92) ÷ 100
 *        = 103.58 → S → 1,000 × 1.2 = ¥1,200.
 * 小美:  92.86 without the manual score (test/browser/report-card.test.ts, item by item) + 10 × 95 ÷ 100 = 102.36 → S, ¥1,200.
 * 晓雯: 179157.71 ÷ 176800 = 1.01334 → 101.33; 1052 ÷ 2299 = 45.76 % → 100 × (0.45759 − 0.3) ÷ 0.2 = 78.79;
 *        147962.56 ÷ 1052 = 140.65 → 93.77; 306437 ÷ 16310 = 18.79 s → 100 × (18.788 − 60) ÷ (15 − 60) = 91.58;
 *        差评 4 ÷ 1134 = 0.35 % → 80; 退货 63 ÷ 1134 = 5.556 % → 94.44; 错单 2 ÷ 1134 → 99.82 % → 100; 投诉 1 → 90; 工作态度 90.
 *        (25·101.334 + 20·78.795 + 10·93.766 + 10·91.582 + 10·80 + 5·94.444 + 5·100 + 5·90 + 10·90) ÷ 100 = 90.85 → A, ¥1,100.
 * 糖糖: 175058.05 ÷ 169000 = 1.03585 → 103.58; 974 ÷ 2183 = 44.62 % → 73.09; 144722.81 ÷ 974 = 148.59 → 99.06;
 *        347638 ÷ 16485 = 21.09 s → 86.47; 差评 3 ÷ 1051 = 0.29 % → 80; 退货 52 ÷ 1051 = 4.95 % → 100; 错单 1 → 99.90 % → 100;
 *        投诉 1 → 90; 工作态度 88. (25·103.585 + 20·73.087 + 10·99.057 + 10·86.471 + 10·80 + 5·100 + 5·100 + 5·90 + 10·88) ÷ 100
 *        = 90.37 → A, ¥1,100.
 * 阿杰: 149147.02 ÷ 147500 = 1.01117 → 101.12; 951 ÷ 2315 = 41.08 % → 55.40; 122790.58 ÷ 951 = 129.12 → 86.08;
 *        399206 ÷ 17455 = 22.87 s → 82.51; 差评 3 ÷ 1038 = 0.29 % → 80; 退货 74 ÷ 1038 = 7.13 % → 78.71; 错单 1 → 99.90 % → 100;
 *        投诉 1 → 90; 工作态度 85. (25·101.117 + 20·55.400 + 10·86.078 + 10·82.510 + 10·80 + 5·78.709 + 5·100 + 5·90 + 10·85) ÷ 100
 *        = 83.15 → B, ¥1,000.
 * 橙子: 120977.61 ÷ 135200 = 0.89480 → 89.48; 813 ÷ 2149 = 37.83 % → 39.16; 98174.38 ÷ 813 = 120.76 → 80.50;
 *        448363 ÷ 16084 = 27.88 s → 71.39; 差评 2 ÷ 873 = 0.23 % → 80; 退货 73 ÷ 873 = 8.36 % → 66.38; 错单 3 → 99.66 % → 100;
 *        投诉 0 → 100; 工作态度 80. (25·89.480 + 20·39.158 + 10·80.504 + 10·71.386 + 10·80 + 5·66.380 + 5·100 + 5·100 + 10·80) ÷ 100
 *        = 74.71 → C, ¥800.
 * 大白:  60.79 without the manual score (test/browser/report-card.test.ts) + 10 × 70 ÷ 100 = 67.79 → C, ¥800.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnLetter } from '../../src/appraisal/a1';
import { TAB_TAG_KEY, type TabLayout } from '../../src/appraisal/plan-types';
import { buildSampleFromSidebar, openPlaygroundInChromium, SCREENSHOTS, type BrowserSession } from './session';

const TAB = '考核 2026-11';
const VIEWPORT = { width: 1366, height: 768 };
/** samples/manual-2026-11.csv: 工作态度 of each agent. */
const MANUAL: Record<string, number> = { 小美: 95, 阿杰: 85, 晓雯: 90, 大白: 70, 糖糖: 88, 阿May: 92, 橙子: 80 };

/** What the owner must see on each agent's row, best first; a further column is one more entry per agent. */
const RANKED: { agent: string; shown: Partial<Record<'total' | 'rank' | 'grade' | 'bonus', string>> }[] = [
  { agent: '阿May', shown: { total: '103.58', rank: '1', grade: 'S', bonus: '¥1,200.00' } },
  { agent: '小美', shown: { total: '102.36', rank: '2', grade: 'S', bonus: '¥1,200.00' } },
  { agent: '晓雯', shown: { total: '90.85', rank: '3', grade: 'A', bonus: '¥1,100.00' } },
  { agent: '糖糖', shown: { total: '90.37', rank: '4', grade: 'A', bonus: '¥1,100.00' } },
  { agent: '阿杰', shown: { total: '83.15', rank: '5', grade: 'B', bonus: '¥1,000.00' } },
  { agent: '橙子', shown: { total: '74.71', rank: '6', grade: 'C', bonus: '¥800.00' } },
  { agent: '大白', shown: { total: '67.79', rank: '7', grade: 'C', bonus: '¥800.00' } },
];

describe('the owner’s first screen at 1366 × 768', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await openPlaygroundInChromium();
    page = session.page;
    await page.setViewportSize(VIEWPORT);
  });
  afterAll(async () => {
    await session?.close();
  });

  const layout = (): TabLayout => JSON.parse(session.playground.fake.book.metadata(TAB).find((m) => m.key === TAB_TAG_KEY)!.value!) as TabLayout;
  const table = () => page.locator(`table[data-sheet="${TAB}"]`);
  const cell = (row: number, column: number) => table().locator(`td[data-row="${row}"][data-col="${column}"]`);
  /** The row the agent is on now (the grid numbers rows as Sheets does). */
  const rowOf = async (agent: string): Promise<number> =>
    Number(await table().locator(`td[data-col="${layout().agentColumn}"]`).filter({ hasText: new RegExp(`^${agent}$`) }).first().getAttribute('data-row'));

  /** Wholly inside the window: nothing to scroll to see it. */
  async function expectInView(locator: Locator, what: string): Promise<{ y: number }> {
    await expect.poll(() => locator.isVisible(), { message: what }).toBe(true);
    const box = (await locator.boundingBox())!;
    expect(box.x, what).toBeGreaterThanOrEqual(0);
    expect(box.y, what).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, what).toBeLessThanOrEqual(VIEWPORT.width);
    expect(box.y + box.height, what).toBeLessThanOrEqual(VIEWPORT.height);
    return box;
  }

  it('shows all seven agents ranked, with total, grade and bonus, without the sidebar and without scrolling', async () => {
    const sidebar = page.frameLocator('#sidebar');
    await buildSampleFromSidebar(page);
    await sidebar.locator('#open-sheet').click();
    await table().waitFor();

    // the manager types the month's manual scores, as in the grid of Sheets
    const manual = layout().manualColumns['工作态度']!;
    for (const [agent, score] of Object.entries(MANUAL)) {
      const target = cell(await rowOf(agent), manual);
      await target.click();
      await target.locator('input').fill(String(score));
      await target.locator('input').press('Enter');
      await expect.poll(async () => (await target.textContent())?.trim()).toBe(String(score));
    }

    // A first build ranks the agents already; the manager has since sorted the table by name (as in
    // Sheets' Data › Sort range), so 为店主准备 has the rows to put back in rank order.
    const l0 = layout();
    session.playground.fake.book.sortRange(TAB, `A${l0.firstAgentRow}:${columnLetter(l0.columns)}${l0.firstAgentRow + 6}`, { column: l0.agentColumn, ascending: true });
    await sidebar.locator('#prepare-owner').click();
    await sidebar.locator('.section-build .notice-info', { hasText: '已按排名排序' }).waitFor();
    const notice = (await sidebar.locator('.section-build .notice-info').textContent()) ?? '';
    expect(notice).toContain('已冻结第 1–');
    expect(notice).toContain('（参数、权重与换算）');
    // the sort moved rows: the 趋势 tab, which points at each agent's row, was refreshed with it
    expect(notice).toContain('已随之刷新「绩效单 2026-11」和「趋势」');

    // the owner: no sidebar, the tab shared with them
    await page.locator('#owner-view').click();
    await expect.poll(() => page.locator('#sidebar').isVisible()).toBe(false);
    await page.locator('#tabs button', { hasText: TAB }).click();
    await table().waitFor();

    const l = layout();
    const columns = { total: l.totalColumn, rank: l.rankColumn, grade: l.gradeColumn, bonus: l.bonusColumn };
    // the table's header is on screen, the parameter block is not
    for (const [key, column] of Object.entries(columns)) await expectInView(cell(l.headerRow, column), `header of ${key}`);
    expect(await cell(4, 1).isVisible()).toBe(false);
    let above = -1;
    for (const { agent, shown } of RANKED) {
      const row = await rowOf(agent);
      const name = await expectInView(cell(row, l.agentColumn), agent);
      expect(name.y, `${agent} below the one ranked before`).toBeGreaterThan(above);
      above = name.y;
      for (const [key, text] of Object.entries(shown)) {
        const target = cell(row, columns[key as keyof typeof columns]);
        await expectInView(target, `${agent} ${key}`);
        expect((await target.textContent())?.trim(), `${agent} ${key}`).toBe(text);
      }
    }
    // … and what each item added to the total: every contribution column's header, whole (it wraps in its
    // column as in Sheets, nothing clipped), and each agent's contribution, all without scrolling
    const contributions = [...Object.values(l.contributionColumns ?? {}), ...Object.values(l.manualContributionColumns ?? {})];
    expect(contributions).toHaveLength(9); // 8 metric items of 综合 + 工作态度
    for (const column of contributions) {
      const header = cell(l.headerRow, column);
      await expectInView(header, `header of contribution column ${column}`);
      const text = (await header.textContent())?.trim() ?? '';
      expect(text, `header of column ${column}`).toMatch(/^贡献·/);
      const { scrollWidth, clientWidth } = await header.evaluate((e) => ({ scrollWidth: e.scrollWidth, clientWidth: e.clientWidth }));
      expect(scrollWidth, `header "${text}" clipped`).toBeLessThanOrEqual(clientWidth);
      for (const { agent } of RANKED) {
        const target = cell(await rowOf(agent), column);
        await expectInView(target, `${agent} contribution in column ${column}`);
        expect((await target.textContent())?.trim(), `${agent} contribution in column ${column}`).toMatch(/^-?\d+\.\d+$/);
      }
    }
    // 工作态度 adds weight × score ÷ 100 (the 综合 preset: weight 10): 阿May 10 × 92 ÷ 100 = 9.2
    const attitude = cell(await rowOf('阿May'), l.manualContributionColumns!['工作态度']!);
    expect(Number((await attitude.textContent())?.trim())).toBeCloseTo(9.2, 2);
    expect(session.pageErrors).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'owner-view.png') });

    // 趋势 shows this month's sorted rows, not ⚠需刷新
    await page.locator('#tabs button', { hasText: '趋势' }).click();
    const trend = (await page.locator('table[data-sheet="趋势"]').textContent()) ?? '';
    expect(trend).toContain('103.58');
    expect(trend).not.toContain('⚠');
  });
});
