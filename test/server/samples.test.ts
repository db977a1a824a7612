/**
 * The column samples the sidebar shows come from the server: dates in the spreadsheet's time
 * zone (a row of 11-01 in Shanghai is 2026-10-31T16:00Z) and durations as durations.
 */
import { describe, expect, test } from 'vitest';
import { importData, startRuntime } from '../../dev/local/appraise';

describe('samples of date and duration columns', () => {
  test.each(['Asia/Shanghai', 'America/Los_Angeles'])('in %s: 11-01 shows 11-01, 35 seconds shows 0:00:35', async (timeZone) => {
    const rt = startRuntime({ timeZone });
    const tab = await importData(rt, '导出.csv', [
      ['日期', '客服昵称', '询单人数'],
      ['2026-11-01', '小美', '10'],
      ['2026-11-02', '阿杰', '8'],
    ]);
    // a duration typed into the sheet: Sheets hands it to the script as a Date on 1899-12-30
    rt.fake.book.addSheet('手填', [['日期', '客服昵称', '平均响应时长'], ['2026-11-01 09:30:00', '小美', '0:00:35'], ['2026-11-01', '阿杰', '1:02:03']]);
    expect(Object.prototype.toString.call(rt.fake.book.values('手填')[1]![2])).toBe('[object Date]');
    const imported = rt.ctx.kk_analyseData({ sheetName: tab, month: '2026-11' });
    expect(imported.ok, JSON.stringify(imported)).toBe(true);
    expect(imported.value.columns[0].samples).toEqual(['2026-11-01', '2026-11-02']);
    const typed = rt.ctx.kk_analyseData({ sheetName: '手填', month: '2026-11' });
    expect(typed.value.columns[0].samples).toEqual(['2026-11-01 09:30:00', '2026-11-01']);
    expect(typed.value.columns[2].samples).toEqual(['0:00:35', '1:02:03']);
  });
});
