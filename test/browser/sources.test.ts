/**
 * Several exports of one month in the sidebar, in Chromium: import the 飞鸽 and 咚咚 fixture
 * exports, correct a column, read both tabs together, confirm the proposed person binding, build;
 * then reopen the sidebar and find the correction, the template and the month as left.
 */
import { readFileSync } from 'node:fs';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TAB_TAG_KEY, type TabLayout } from '../../src/appraisal/plan-types';
import type { Playground } from '../../scripts/playground';
import { openPlaygroundInChromium, type BrowserSession } from './session';

/** October: 飞鸽 has one day of it (xiaomei, 10-31); 咚咚's rows carry no date and count for the month built. */
const MONTH = '2026-10';
const TAB = `考核 ${MONTH}`;
const FEIGE = '数据 feige-2026-11';
const DONGDONG = '数据 dongdong-2026-11';
/** 投诉数, the 16th column of the 飞鸽 export: the manager sets it to "not used". */
const COMPLAINTS = 15;

describe('two exports, one month, one row per person (Chromium)', () => {
  let session: BrowserSession;
  let playground: Playground;
  let page: Page;
  let sidebar: FrameLocator;

  beforeAll(async () => {
    session = await openPlaygroundInChromium();
    ({ playground, page } = session);
    sidebar = page.frameLocator('#sidebar');
  });

  afterAll(async () => {
    await session?.close();
  });

  const importFile = async (name: string) => {
    await sidebar.locator('#import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: readFileSync(`samples/${name}`) });
    await sidebar.locator('.section-data .notice-info', { hasText: '已导入' }).waitFor();
  };

  it('imports the 飞鸽 export and remembers the manager\'s correction of a column', async () => {
    await sidebar.locator('#data-sheet').waitFor();
    await sidebar.locator('#month').fill(MONTH);
    await importFile('feige-2026-11.csv');
    expect(await sidebar.locator('#data-sheet').inputValue()).toBe(FEIGE);
    expect(await sidebar.locator(`#column-${COMPLAINTS}`).inputValue()).toBe('complaints');
    await sidebar.locator(`#column-${COMPLAINTS}`).selectOption('');
    await sidebar.locator(`li.column-unused #column-${COMPLAINTS}`).waitFor();
  });

  it('imports the 咚咚 export, reads both tabs together and confirms the proposed binding', async () => {
    await importFile('dongdong-2026-11.csv');
    expect(await sidebar.locator('#data-sheet').inputValue()).toBe(DONGDONG);
    await sidebar.locator(`#extra-sheets input[data-sheet="${FEIGE}"]`).check();
    await sidebar.locator('#propose-people').click();
    await sidebar.locator('#people-table').waitFor();
    const person = (account: string) => sidebar.locator(`#people-table tr[data-account="${account}"] input[id^="people-person"]`);
    // Same name once the platform tag is cut: proposed; a pinyin account is left for the manager.
    expect(await person('小美-京东').inputValue()).toBe('小美');
    expect(await person('阿杰-抖店').inputValue()).toBe('阿杰');
    expect(await person('xiaomei').inputValue()).toBe('xiaomei');
    await person('xiaomei').fill('小美');
    await person('ajie_jd').fill('阿杰');
    await sidebar.locator('#confirm-people').click();
    await sidebar.locator('#people-in-use').waitFor();
    const tab = playground.fake.book.values('人员对照');
    expect(tab[0]).toEqual(['账号', '人员', '平台']);
    expect(tab.slice(1).map((r) => [r[0], r[1]])).toEqual([['小美-京东', '小美'], ['ajie_jd', '阿杰'], ['xiaomei', '小美'], ['阿杰-抖店', '阿杰']]);
  });

  it('builds with the 抖店 preset: one row per person, summed across both exports', async () => {
    await sidebar.locator('#template-source').selectOption('preset:douyin');
    await sidebar.locator('#load-template').click();
    await expect.poll(() => sidebar.locator('#template-name').inputValue()).toBe('抖店售前客服月度考核');
    await sidebar.locator('#build').click();
    await sidebar.locator('#build-summary').waitFor();
    const tag = playground.fake.book.metadata(TAB).find((m) => m.key === TAB_TAG_KEY)!;
    const layout = JSON.parse(tag.value!) as TabLayout;
    const values = playground.fake.book.values(TAB);
    const rows = values.slice(layout.firstAgentRow - 1, layout.firstAgentRow - 1 + layout.agentCount);
    const byAgent = Object.fromEntries(rows.map((r) => [r[layout.agentColumn - 1], r]));
    expect(Object.keys(byAgent).sort()).toEqual(['小美', '阿杰'].sort());
    const conversion = layout.valueColumns.INQUIRY_CONVERSION! - 1;
    expect(byAgent['小美']![conversion]).toBeCloseTo(32 / 80, 12); // (12 飞鸽 10-31 + 20 咚咚) ÷ (30 + 50)
    expect(byAgent['阿杰']![conversion]).toBeCloseTo(12 / 40, 12); // 咚咚 only (阿杰-抖店 has no October row)
  });

  it('reopened, the sidebar has the month, the template and the correction as left', async () => {
    await page.reload();
    await sidebar.locator('#data-sheet').waitFor();
    expect(await sidebar.locator('#month').inputValue()).toBe(MONTH);
    expect(await sidebar.locator('#template-source').inputValue()).toBe('last:');
    expect(await sidebar.locator('#template-name').inputValue()).toBe('抖店售前客服月度考核');
    await sidebar.locator('#data-sheet').selectOption(FEIGE);
    await sidebar.locator(`#column-${COMPLAINTS}`).waitFor();
    await expect.poll(() => sidebar.locator(`#column-${COMPLAINTS}`).inputValue()).toBe('');
    expect(await sidebar.locator('#people-in-use').count()).toBe(1);
    expect(session.pageErrors).toEqual([]);
  });

  it('shows a loose header match under its column, applied only when the manager confirms it', async () => {
    await sidebar.locator('#import-file').setInputFiles({
      name: 'chitu-2026-11.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: readFileSync('samples/chitu-2026-11.xlsx'),
    });
    // 赤兔 counts refunds in yuan: its bare 退款率 (column 18) is offered, not used.
    const suggestion = sidebar.locator('.suggestion[data-column="17"]');
    await suggestion.waitFor();
    expect(await suggestion.textContent()).toContain('确认后才使用');
    expect(await sidebar.locator('#column-17').inputValue()).toBe('');
    await sidebar.locator('#confirm-17').click();
    await expect.poll(() => sidebar.locator('#column-17').inputValue()).toBe('refund_rate');
    expect(await sidebar.locator('.suggestion[data-column="17"]').count()).toBe(0);
  });
});
