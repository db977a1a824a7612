/**
 * Importing files in the sidebar, in Chromium against the playground: dates shown on the
 * spreadsheet's calendar, a real BIFF8 `.xls`, an `.xlsx` far outside the grid refused without
 * crashing the page, and a file larger than one `google.script.run` call sent in parts.
 */
import { readFileSync } from 'node:fs';
import type { FrameLocator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeZip } from '../files/zip-fixture';
import { openPlaygroundInChromium, type BrowserSession } from './session';

describe('importing files in the sidebar', () => {
  let session: BrowserSession;
  let sidebar: FrameLocator;

  beforeAll(async () => {
    session = await openPlaygroundInChromium();
    sidebar = session.page.frameLocator('#sidebar');
    await sidebar.locator('#month').fill('2026-11');
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  });

  const importFile = (name: string, buffer: Buffer) => sidebar.locator('#import-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });

  it('a date column shows its dates as the sheet does (11-01 stays 11-01 in Shanghai)', async () => {
    await importFile('日期.csv', Buffer.from('日期,客服昵称,询单人数\r\n2026-11-01,小美,10\r\n2026-11-02,阿杰,8\r\n'));
    await sidebar.locator('.section-data .notice-info', { hasText: '已导入 3 行 × 3 列' }).waitFor();
    const samples = await sidebar.locator('.samples').first().textContent();
    expect(samples).toContain('2026-11-01、2026-11-02');
    expect(samples).not.toContain('10-31');
  });

  it('a real BIFF8 .xls (LibreOffice) is imported', async () => {
    await importFile('赤兔.xls', readFileSync('samples/chitu-2026-11.xls'));
    // 1 header row + 3 agents + 汇总, 18 columns
    await sidebar.locator('.section-data .notice-info', { hasText: '已导入 5 行 × 18 列到工作表「数据 赤兔」' }).waitFor();
  });

  it('an .xlsx whose only cell is at XFD1048000 is refused at once, and the page lives on', async () => {
    const bytes = makeZip([
      { name: 'xl/workbook.xml', text: '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>' },
      { name: 'xl/_rels/workbook.xml.rels', text: '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' },
      { name: 'xl/worksheets/sheet1.xml', text: '<worksheet><sheetData><row r="1048000"><c r="XFD1048000"><v>1</v></c></row></sheetData></worksheet>' },
    ]);
    await importFile('炸弹.xlsx', Buffer.from(bytes));
    await sidebar.locator('.section-data .notice-error', { hasText: '17170432000 个单元格' }).waitFor();
    expect(session.pageErrors).toEqual([]);
  });

  it('a file larger than one call goes in parts, with progress, into one tab', async () => {
    // 4,000 rows, each with a 备注 of 200 Chinese characters (600 bytes of UTF-8): over 2.4 MB of JSON, more than one 2 MB part
    const note = '这一行的备注用来让文件超过一次调用的大小'.repeat(10);
    const lines = ['客服昵称,询单人数,询单->最终付款人数,备注'];
    for (let i = 0; i < 4_000; i++) lines.push(`客服${i % 50},${10 + (i % 7)},${i % 5},${note}${i}`);
    session.playground.fake.calls.reset();
    await importFile('大文件.csv', Buffer.from(lines.join('\r\n')));
    await sidebar.locator('.section-data .notice-info', { hasText: '已导入 4001 行 × 4 列到工作表「数据 大文件」' }).waitFor({ timeout: 120_000 });
    const values = session.playground.fake.book.values('数据 大文件');
    expect(values.length).toBe(4_001);
    expect(values[4_000]).toEqual(['客服49', 10 + (3_999 % 7), 3_999 % 5, `${note}3999`]);
    // one setValues per part
    expect(session.playground.fake.calls.byMethod()['Range.setValues']).toBeGreaterThanOrEqual(2);
  }, 180_000);
});
