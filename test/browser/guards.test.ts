/**
 * The build's refusals as a manager meets them in the sidebar (Chromium over the playground):
 * items without data (the template check is not green; Build refuses and offers the ways out),
 * a rebuild with a changed template (the diff in words, confirm or go back), and a reopened
 * sidebar on the tab loading the template the tab was built with.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Playground } from '../../scripts/playground';
import { openPlaygroundInChromium, type BrowserSession } from './session';

const MONTH = '2026-11';
const TAB = `考核 ${MONTH}`;
/** Only the inquiry columns: of the 综合 preset, only 询单转化率 (weight 20) can be scored. */
const CSV = ['客服昵称,询单人数,询单->最终付款人数', '小美,100,45', '阿强,100,50'].join('\r\n');

describe('refusals in the sidebar', () => {
  let session: BrowserSession;
  let playground: Playground;
  let page: Page;
  let sidebar: FrameLocator;

  beforeAll(async () => {
    session = await openPlaygroundInChromium();
    ({ playground, page } = session);
    sidebar = page.frameLocator('#sidebar');
    await sidebar.locator('#data-sheet').waitFor();
    await sidebar.locator('#month').fill(MONTH);
    await sidebar.locator('#import-file').setInputFiles({ name: '只有询单.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
    await sidebar.locator('#agents li').first().waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('the template check names the items the data cannot score and is not green', async () => {
    await sidebar.locator('#issues-', { hasText: '「销售计划达成率」（权重 25）：数据中没有来源列' }).waitFor();
    await sidebar.locator('#check-template').click();
    await sidebar.locator('.section-template .notice-error', { hasText: '本月数据无法为以下考核项计分' }).waitFor();
    expect(await sidebar.locator('.section-template .notice-info', { hasText: '模板检查通过' }).count()).toBe(0);
  });

  it('Build refuses, names the items with their weights, and offers the three ways out', async () => {
    await sidebar.locator('#build').click();
    await sidebar.locator('#ways-out').waitFor();
    const notice = (await sidebar.locator('.section-build .notice-error').textContent()) ?? '';
    // 综合: 25 + 10 + 10 + 10 + 5 + 5 + 5 = 70 of the weight has no column
    expect(notice).toContain('无法为 7 个考核项计分（共 70 的权重）');
    expect(notice).toContain('「平均响应时间」（权重 10）');
    expect(await sidebar.locator('#ways-out button').allTextContents()).toEqual(['去映射数据列', '从模板中移除这些项', '按无数据生成（权重分给其余各项）']);
    expect(playground.fake.book.sheetNames()).not.toContain(TAB);
  });

  it('"build as no data" builds, and the summary says which items do not count', async () => {
    await sidebar.locator('#build-as-no-data').click();
    await sidebar.locator('#build-summary').waitFor();
    expect(await sidebar.locator('#built-no-data').textContent()).toContain('销售计划达成率');
    expect(playground.fake.book.values(TAB)[2]![0]).toMatch(/^⚠ 本月无数据、不计分：/);
  });

  it('a rebuild with a changed template shows the diff and goes back to the tab\'s template on request', async () => {
    await sidebar.locator('#bonus-base').fill('2000');
    await sidebar.locator('#build').click();
    await sidebar.locator('#confirm-template-change').waitFor();
    expect(await sidebar.locator('.section-build .notice-error li').allTextContents()).toEqual(['奖金基数 1000 → 2000']);
    await sidebar.locator('#keep-tab-template').click();
    expect(await sidebar.locator('#bonus-base').inputValue()).toBe('1000');
    expect(await sidebar.locator('#template-source').inputValue()).toBe(`tab:${MONTH}`);
  });

  it('confirming applies it (the no-data choice carried along)', async () => {
    await sidebar.locator('#bonus-base').fill('2000');
    await sidebar.locator('#build').click();
    await sidebar.locator('#confirm-template-change').click();
    // the same items still lack data: the next refusal keeps the confirmation, "build as no data" finishes it
    await sidebar.locator('#build-as-no-data').click();
    await sidebar.locator('#build-summary').waitFor();
    const bonusBase = playground.fake.book.values(TAB).find((r) => r.includes('奖金基数'))!;
    expect(bonusBase[bonusBase.indexOf('奖金基数') + 1]).toBe(2000);
  });

  it('reopened on the tab, the sidebar loads the template the tab was built with, not the preset', async () => {
    await sidebar.locator('#open-sheet').click();
    await page.locator('#tabs button[aria-selected="true"]', { hasText: TAB }).waitFor();
    await page.reload();
    sidebar = page.frameLocator('#sidebar');
    await sidebar.locator('#template-source').waitFor();
    expect(await sidebar.locator('#template-source').inputValue()).toBe(`tab:${MONTH}`);
    expect(await sidebar.locator('#bonus-base').inputValue()).toBe('2000');
    expect(await sidebar.locator('#month').inputValue()).toBe(MONTH);
  });
});
