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
});
