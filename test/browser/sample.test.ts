/**
 * A newcomer's first minute in the playground (`npm start`): the bundled sample export is already
 * loaded, so picking the 综合 preset and pressing Build gives the month's appraisal of its seven
 * agents. Takes the README's first screenshot.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPlaygroundInChromium, SCREENSHOTS, type BrowserSession } from './session';

const TAB = '考核 2026-11';
/** The sub-accounts of samples/qianniu-2026-11.csv, shop prefix cut. */
const AGENTS = ['小美', '阿杰', '晓雯', '大白', '糖糖', '阿May', '橙子'];

describe('the bundled sample in the playground', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openPlaygroundInChromium();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('builds 考核 2026-11 for the seven agents of the sample with the 综合 preset', async () => {
    const { page, pageErrors } = session;
    const sidebar = page.frameLocator('#sidebar');
    await sidebar.locator('#data-sheet').waitFor();
    expect(await sidebar.locator('#data-sheet').inputValue()).toBe('数据');
    await sidebar.locator('#month').fill('2026-11');
    await sidebar.locator('#template-source').selectOption('preset:mixed');
    await sidebar.locator('#agents li').first().waitFor();
    expect((await sidebar.locator('#agents li').allTextContents()).sort()).toEqual([...AGENTS].sort());

    await sidebar.locator('#build').click();
    await sidebar.locator('#build-summary').waitFor();
    expect(await sidebar.locator('#build-summary').textContent()).toContain('客服：7 位');
    await sidebar.locator('#open-sheet').click();
    const grid = page.locator(`table[data-sheet="${TAB}"]`);
    await grid.waitFor();
    const text = (await grid.textContent()) ?? '';
    for (const agent of AGENTS) expect(text).toContain(agent);
    // every formula of the tab evaluates: no error value anywhere a viewer looks
    expect(text).not.toMatch(/#(DIV\/0|NUM|VALUE|REF|NAME|N\/A|ERROR)/);
    expect(pageErrors).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'sample-appraisal.png') });
  });

  it('evaluates a sheet function typed into the data tab, through the bundle', async () => {
    const { page, pageErrors } = session;
    await page.locator('#tabs button', { hasText: '数据' }).click();
    const grid = page.locator('table[data-sheet="数据"]');
    await grid.waitFor();
    const cell = (row: number, column: number) => grid.locator(`td[data-row="${row}"][data-col="${column}"]`);
    // the example block opens with values already (column Y: INQUIRY_CONVERSION per row; 44 ÷ 90 = 0.4888…)
    expect(Number.parseFloat((await cell(3, 25).textContent()) ?? '')).toBeCloseTo(44 / 90, 6);
    // an empty cell of the example block (AC5), then the first seven rows' conversion, one per row:
    // G3:G9 ÷ F3:F9 = 44/90, 39/89, 37/86, 28/63, 33/62, 28/85, 37/67 (samples/qianniu-2026-11.csv)
    await cell(5, 29).click();
    await cell(5, 29).locator('input').fill('=INQUIRY_CONVERSION(G3:G9,F3:F9)');
    await cell(5, 29).locator('input').press('Enter');
    await expect.poll(async () => Number.parseFloat((await cell(5, 29).textContent()) ?? '')).toBeCloseTo(44 / 90, 6);
    const expected = [44 / 90, 39 / 89, 37 / 86, 28 / 63, 33 / 62, 28 / 85, 37 / 67];
    for (const [i, value] of expected.entries()) {
      expect(Number.parseFloat((await cell(5 + i, 29).textContent()) ?? '')).toBeCloseTo(value, 6);
    }
    // a scoring function: linear from floor 60 s to target 15 s, 18 s → 100 × (18 − 60) ÷ (15 − 60) = 93.33
    await cell(14, 29).click();
    await cell(14, 29).locator('input').fill('=KPI_SCORE(18,60,15)');
    await cell(14, 29).locator('input').press('Enter');
    await expect.poll(async () => Number.parseFloat((await cell(14, 29).textContent()) ?? '')).toBeCloseTo(93.333, 2);
    expect(pageErrors).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'playground-functions.png') });
  });
});
