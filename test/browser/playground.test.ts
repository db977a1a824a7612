/**
 * The sidebar and the playground in a real browser: Debian's Chromium driven by playwright-core,
 * against the playground (the built `dist/` bundle in a vm over the in-memory spreadsheet).
 * The steps run in order on one page, as a manager would: import, correct a column, fix the
 * weights, build, type a manual score, rebuild. Screenshots go to docs/screenshots/ for the README.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TAB_TAG_KEY, type TabLayout } from '../../src/appraisal/plan-types';
import type { Playground } from '../../scripts/playground';
import { openPlaygroundInChromium, SCREENSHOTS, type BrowserSession } from './session';
import { columnLetter } from '../../src/appraisal/a1';

const MONTH = '2026-11';
const TAB = `考核 ${MONTH}`;

const IMG_AGENT = '<img src=x onerror=alert(1)>';
const FORMULA_AGENT = '=HYPERLINK("http://x")';
/**
 * One row per agent. `成交客户数` is no header the recogniser knows: the manager maps it to
 * 询单->最终付款人数 (paid buyers) by hand. Conversion = paid ÷ inquiring buyers.
 */
const CSV = [
  '客服昵称,询单人数,成交客户数',
  '小美,100,45',
  `"${IMG_AGENT}",100,40`,
  `"${FORMULA_AGENT.replace(/"/g, '""')}",100,35`,
  '阿强,100,50',
].join('\r\n');
/** Conversion scored linearly from 30 % (0 points) to 50 % (100 points), weight 60; a manual item, weight 40. */
const TEMPLATE = {
  version: 1,
  name: '浏览器测试模板',
  items: [
    { metric: 'INQUIRY_CONVERSION', weight: 60, floor: 0.3, target: 0.5, method: 'linear' },
    { manual: '工作态度', weight: 40, max: 100 },
  ],
  grades: [
    { min: 95, grade: 'S', coefficient: 1.2 },
    { min: 85, grade: 'A', coefficient: 1.1 },
    { min: 75, grade: 'B', coefficient: 1.0 },
    { min: 60, grade: 'C', coefficient: 0.8 },
    { min: 0, grade: 'D', coefficient: 0.5 },
  ],
  bonusBase: 1000,
};

describe('the sidebar and the playground in Chromium', () => {
  let session: BrowserSession;
  let playground: Playground;
  let page: Page;
  let sidebar: FrameLocator;
  let dialogs: string[];
  let pageErrors: string[];

  beforeAll(async () => {
    session = await openPlaygroundInChromium();
    ({ playground, page, dialogs, pageErrors } = session);
    sidebar = page.frameLocator('#sidebar');
  });

  afterAll(async () => {
    await session?.close();
  });

  /** The grid cell at a 1-based row and column of a tab. */
  const cell = (sheet: string, row: number, column: number): Locator =>
    page.locator(`table[data-sheet="${sheet}"] td[data-row="${row}"][data-col="${column}"]`);

  /** The layout the build stored in the tab's developer metadata. */
  const layout = (): TabLayout => {
    const tag = playground.fake.book.metadata(TAB).find((m) => m.key === TAB_TAG_KEY);
    if (!tag?.value) throw new Error(`${TAB} has no ${TAB_TAG_KEY} metadata`);
    return JSON.parse(tag.value) as TabLayout;
  };

  /** The 1-based row of an agent in the appraisal tab. */
  const agentRow = (agent: string): number => {
    const l = layout();
    const values = playground.fake.book.values(TAB);
    for (let r = l.firstAgentRow; r < l.firstAgentRow + l.agentCount + l.vanishedCount; r++) {
      if (values[r - 1]?.[l.agentColumn - 1] === agent) return r;
    }
    throw new Error(`${agent} is not in ${TAB}`);
  };

  /** Retries an assertion about server-side state until it holds (the sidebar's calls are asynchronous). */
  const eventually = async (check: () => void): Promise<void> => {
    for (let attempt = 0; ; attempt++) {
      try {
        check();
        return;
      } catch (e) {
        if (attempt >= 50) throw e;
        await page.waitForTimeout(100);
      }
    }
  };

  const numberIn = async (locator: Locator): Promise<number> => Number.parseFloat((await locator.textContent()) ?? '');

  it('shows the sidebar beside the spreadsheet, with the sample data tab', async () => {
    await sidebar.locator('#data-sheet').waitFor();
    expect(await sidebar.locator('#data-sheet').inputValue()).toBe('数据');
    await page.locator('#tabs button', { hasText: '数据' }).waitFor();
    expect(await page.locator('table[data-sheet="数据"] td').count()).toBeGreaterThan(100);
  });

  it('reads the columns of the tab the manager picks, and says what is missing in an empty one', async () => {
    await sidebar.locator('#month').fill(MONTH);
    await sidebar.locator('#data-sheet').selectOption('工作表1');
    await sidebar.locator('.warnings li', { hasText: '没有识别出客服列' }).waitFor();
    expect(await sidebar.locator('#agents li').count()).toBe(0);
    await sidebar.locator('#data-sheet').selectOption('数据');
    await sidebar.locator('#agents li').first().waitFor();
    // the sample's sub-accounts `小店旗舰店:小美` are read as the agent 小美
    expect(await sidebar.locator('#agents li').allTextContents()).toContain('小美');
    expect(await sidebar.locator('.warnings li', { hasText: '没有识别出客服列' }).count()).toBe(0);
  });

  it('imports a CSV file and shows the columns it recognised', async () => {
    await sidebar.locator('#month').fill(MONTH);
    await sidebar.locator('#import-file').setInputFiles({ name: '浏览器导入.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
    // 1 header row + 4 agents, 3 columns, written in one server call; the analysis follows in the same action
    await sidebar.locator('.section-data .notice-info', { hasText: '已导入 5 行 × 3 列到工作表「数据 浏览器导入」' }).waitFor();
    expect(await sidebar.locator('#data-sheet').inputValue()).toBe('数据 浏览器导入');
    expect(await sidebar.locator('#agents li').count()).toBe(4);
    expect(await sidebar.locator('#column-0').inputValue()).toBe('agent');
    expect(await sidebar.locator('#column-1').inputValue()).toBe('inquiring_buyers');
    // 成交客户数 is not a known header: not used until the manager says what it is.
    expect(await sidebar.locator('#column-2').inputValue()).toBe('');
  });

  it('lets the manager correct a column, and re-analyses with it', async () => {
    await sidebar.locator('#column-2').selectOption('paid_buyers');
    // With paid buyers mapped, the conversion rate can be computed.
    await sidebar.locator('.chips li', { hasText: '询单转化率' }).waitFor();
    expect(await sidebar.locator('#column-2').inputValue()).toBe('paid_buyers');
    await sidebar.locator('.section-data').screenshot({ path: join(SCREENSHOTS, 'sidebar-data.png') });
  });

  it('imports a JSON template', async () => {
    await sidebar.locator('#import-template').setInputFiles({
      name: 'template.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(TEMPLATE), 'utf8'),
    });
    await sidebar.locator('.section-template .notice-info', { hasText: '已导入模板「浏览器测试模板」' }).waitFor();
    expect(await sidebar.locator('#template-name').inputValue()).toBe('浏览器测试模板');
    expect(await sidebar.locator('fieldset.item').count()).toBe(2);
    expect(await sidebar.locator('#weight-total').textContent()).toBe('权重合计：100 / 100');
  });

  it('keeps Build disabled, with the reason shown, until the weights add up to 100', async () => {
    const firstWeight = sidebar.locator('fieldset.item').nth(0).getByLabel('权重', { exact: true });
    await firstWeight.fill('50');
    // 50 + 40 = 90
    expect(await sidebar.locator('#weight-total').textContent()).toBe('权重合计：90 / 100');
    expect(await sidebar.locator('#build').isDisabled()).toBe(true);
    expect(await sidebar.locator('#build-blocker').textContent()).toBe('权重合计须为 100 才能生成（当前 90）。');
    const alert = sidebar.locator('#issues-weights [role="alert"]');
    expect(await alert.textContent()).toBe('权重合计为 90，还差 10，需正好为 100。');
    await sidebar.locator('#weight-total').scrollIntoViewIfNeeded();
    await page.locator('#sidebar').screenshot({ path: join(SCREENSHOTS, 'sidebar-weights.png') });
    await sidebar.locator('.section-build').screenshot({ path: join(SCREENSHOTS, 'sidebar-build-blocked.png') });

    await firstWeight.fill('60');
    expect(await sidebar.locator('#build').isDisabled()).toBe(false);
    expect(await sidebar.locator('#build-blocker').textContent()).toBe('');
    expect(await sidebar.locator('#issues-weights [role="alert"]').count()).toBe(0);
  });

  it('saves the template with the document and exports it as JSON', async () => {
    await sidebar.locator('#save-template').click();
    await sidebar.locator('.section-template .notice-info', { hasText: '已保存模板「浏览器测试模板」' }).waitFor();
    expect(await sidebar.locator('#template-source').inputValue()).toBe('saved:浏览器测试模板');
    const [download] = await Promise.all([page.waitForEvent('download'), sidebar.locator('#export-template').click()]);
    expect(download.suggestedFilename()).toBe('浏览器测试模板.json');
    const exported: unknown = JSON.parse(readFileSync(await download.path(), 'utf8'));
    // the weights are back at 60 + 40, so the export is the imported template again
    expect(exported).toEqual(TEMPLATE);
  });

  it('builds the appraisal tab step by step and opens it', async () => {
    await sidebar.locator('#build').click();
    await sidebar.locator('#build-summary').waitFor();
    expect(await sidebar.locator('#build-steps .step-done').count()).toBe(3);
    const summary = (await sidebar.locator('#build-summary').textContent()) ?? '';
    expect(summary).toContain(`已生成「${TAB}」`);
    expect(summary).toContain('客服：4 位');
    await sidebar.locator('#open-sheet').click();
    await page.locator('#tabs button[aria-selected="true"]', { hasText: TAB }).waitFor();
    await page.locator(`table[data-sheet="${TAB}"]`).waitFor();
    await sidebar.locator('.section-build').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'playground.png') });
  });

  it('recomputes the total and the rank when a manual score is typed in the grid', async () => {
    const l = layout();
    const xiaomei = agentRow('小美');
    const aqiang = agentRow('阿强');
    const manualColumn = l.manualColumns['工作态度']!;
    // 小美: conversion 45/100 = 0.45 → 100 × (0.45 − 0.3) ÷ (0.5 − 0.3) = 75 points; manual blank = 0
    //   total = (60 × 75 + 40 × 0) ÷ 100 = 45
    // 阿强: 50/100 = 0.5 → 100 points; total = 60 × 100 ÷ 100 = 60, ahead of 小美
    expect(await numberIn(cell(TAB, xiaomei, l.totalColumn))).toBe(45);
    expect(await numberIn(cell(TAB, xiaomei, l.rankColumn))).toBe(2);
    expect(await numberIn(cell(TAB, aqiang, l.rankColumn))).toBe(1);

    await cell(TAB, xiaomei, manualColumn).click();
    await cell(TAB, xiaomei, manualColumn).locator('input').fill('90');
    await cell(TAB, xiaomei, manualColumn).locator('input').press('Enter');
    // 90 of 100 → 90 points; total = (60 × 75 + 40 × 90) ÷ 100 = 45 + 36 = 81, now ahead of 阿强's 60
    await page.locator(`table[data-sheet="${TAB}"] td[data-row="${xiaomei}"][data-col="${l.totalColumn}"]`, { hasText: '81' }).waitFor();
    expect(await numberIn(cell(TAB, xiaomei, l.totalColumn))).toBe(81);
    expect(await numberIn(cell(TAB, xiaomei, l.rankColumn))).toBe(1);
    expect(await numberIn(cell(TAB, aqiang, l.rankColumn))).toBe(2);
    await page.screenshot({ path: join(SCREENSHOTS, 'playground-manual-score.png') });
  });

  it('keeps the manual score when the tab is rebuilt', async () => {
    expect(await sidebar.locator('#build').textContent()).toContain('重新生成');
    await sidebar.locator('#build').click();
    await sidebar.locator('#build-summary', { hasText: `已更新「${TAB}」` }).waitFor();
    await page.locator(`table[data-sheet="${TAB}"]`).waitFor();
    const l = layout();
    const xiaomei = agentRow('小美');
    expect(await numberIn(cell(TAB, xiaomei, l.manualColumns['工作态度']!))).toBe(90);
    // unchanged data and template: total still (60 × 75 + 40 × 90) ÷ 100 = 81
    expect(await numberIn(cell(TAB, xiaomei, l.totalColumn))).toBe(81);
  });

  it('prepares the tab for the owner: protected, manual columns left editable', async () => {
    await sidebar.locator('#prepare-owner').click();
    await sidebar.locator('.section-build .notice-info', { hasText: `「${TAB}」已保护` }).waitFor();
    const sheetProtection = playground.fake.book.protections(TAB).find((p) => p.type === 'SHEET');
    // the manual score column (e.g. I17:I20) stays editable for the manager
    const manualLetter = columnLetter(layout().manualColumns['工作态度']!);
    expect(sheetProtection?.unprotected.some((range) => new RegExp(`^${manualLetter}\\d+(:${manualLetter}\\d+)?$`).test(range))).toBe(true);
  });

  it('switches the sidebar to English and back, remembering the choice on the server', async () => {
    await sidebar.locator('#switch-locale').click();
    await sidebar.locator('h2', { hasText: '1. Data' }).waitFor();
    expect(await sidebar.locator('h1').textContent()).toBe('Kefu KPI');
    expect(await sidebar.locator('#build').textContent()).toBe(`Rebuild ${MONTH} (keeps manual scores and remarks)`);
    expect(await sidebar.locator('html').getAttribute('lang')).toBe('en');
    await eventually(() => expect(Object.values(playground.fake.book.properties.user.all())).toContain('en'));
    await sidebar.locator('#switch-locale').click();
    await sidebar.locator('h2', { hasText: '1. 数据' }).waitFor();
    expect(await sidebar.locator('html').getAttribute('lang')).toBe('zh-CN');
    await eventually(() => expect(Object.values(playground.fake.book.properties.user.all())).toContain('zh'));
  });

  it('shows hostile agent names as plain text in the sidebar and the grid, and runs nothing', async () => {
    const agents = await sidebar.locator('#agents li').allTextContents();
    expect(agents).toContain(IMG_AGENT);
    expect(agents).toContain(FORMULA_AGENT);
    expect(await sidebar.locator('img').count()).toBe(0);

    const l = layout();
    expect(await cell(TAB, agentRow(IMG_AGENT), l.agentColumn).textContent()).toBe(IMG_AGENT);
    expect(await cell(TAB, agentRow(FORMULA_AGENT), l.agentColumn).textContent()).toBe(FORMULA_AGENT);
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
