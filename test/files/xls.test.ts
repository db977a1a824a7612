/**
 * `.xls` as back-ends download it, told apart by content: real BIFF8 workbooks (written by
 * LibreOffice and by SheetJS), HTML tables and tab-separated text saved under that name.
 * The fixtures come from scripts/format-fixtures.ts; each is compared with the same export in
 * another format, or with its cells written out by hand.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { IMPORT_LIMITS, parseHtmlTables, readTableFile } from '../../src/files';
import { UserError } from '../../src/i18n';
import { LONG_NOTE } from '../../scripts/format-fixtures';

const read = async (path: string) => readTableFile(path.replace(/^.*\//, ''), new Uint8Array(readFileSync(path)));

describe('BIFF8 workbooks', () => {
  it('the 赤兔 export as LibreOffice writes it to .xls reads exactly as the .xlsx', async () => {
    const xls = await read('samples/chitu-2026-11.xls');
    const xlsx = await read('samples/chitu-2026-11.xlsx');
    expect(xls).toEqual(xlsx);
    expect(xls[0]!.rows[1]!.slice(0, 4)).toEqual(['旗舰店:小美', '400', '380', '200']);
  });

  it('keeps every kind of cell: dates, date-times, durations, ids, numbers, formula results, long text, every sheet', async () => {
    const [november, notes] = await read('samples/formats-2026-11.xls');
    expect(november!.name).toBe('十一月');
    // serial 46327 = 2026-11-01; 35 s and 65 s as [h]:mm:ss; 46327.75 = 18:00; E2/D2 = 40/100 = 0.4, E3/D3 = 20/80 = 0.25
    expect(november!.rows).toEqual([
      ['日期', '客服', '工号', '询单人数', '付款人数', '调整', '平均响应时长', '最后在线', '转化率', '标签', '达标', '备注'],
      ['2026-11-01', '小美', '00123', '100', '40', '-12.5', '0:00:35', '2026-11-01 18:00:00', '0.4', '小美-00123', 'TRUE', LONG_NOTE],
      ['2026-11-02', '阿杰', '0123', '80', '20', '1234.56', '0:01:05', '2026-11-02 12:00:00', '0.25', '阿杰-0123', 'FALSE', '=HYPERLINK("http://x")'],
    ]);
    expect(notes).toEqual({ name: '说明', rows: [['第二个表'], ['1']] });
  });

  it('reads what SheetJS writes as BIFF8 too (another writer: LABEL / NUMBER records, no SST)', async () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['客服', '询单人数', '金额'], ['小美', 3, -12.5], ['0123', 0.1 + 0.2, 1e21]]), '数据');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'biff8' }) as ArrayBuffer);
    // 0.1 + 0.2 is stored as 0.30000000000000004 and shown with Excel's 15 digits: 0.3
    expect(await readTableFile('a.xls', bytes)).toEqual([{ name: '数据', rows: [['客服', '询单人数', '金额'], ['小美', '3', '-12.5'], ['0123', '0.3', '1e+21']] }]);
  });

  it('a sheet whose DIMENSIONS exceed the import cap is refused before its cells are read', async () => {
    // the LibreOffice workbook with its sheet's DIMENSIONS record (type 0x0200, 14 bytes) set to 65,536 rows × 256 columns
    const bytes = new Uint8Array(readFileSync('samples/chitu-2026-11.xls'));
    let at = -1;
    for (let i = 0; i + 4 < bytes.length && at < 0; i++) if (bytes[i] === 0x00 && bytes[i + 1] === 0x02 && bytes[i + 2] === 14 && bytes[i + 3] === 0) at = i + 4;
    expect(at).toBeGreaterThan(0);
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    view.setUint32(at + 4, 65_536, true);
    view.setUint16(at + 10, 256, true);
    // 65,536 rows × 256 columns = 16,777,216 cells
    await expect(readTableFile('big.xls', bytes, IMPORT_LIMITS)).rejects.toThrow('16777216 个单元格');
  });

  it('an Excel 95 (BIFF5) workbook is refused with advice, not misread', async () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['x']]), 'S');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'biff5' }) as ArrayBuffer);
    await expect(readTableFile('old.xls', bytes)).rejects.toThrow('Excel 95');
  });

  it('a truncated workbook is refused as damaged', async () => {
    const bytes = new Uint8Array(readFileSync('samples/chitu-2026-11.xls')).subarray(0, 3000);
    const e = await readTableFile('cut.xls', bytes).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).msg.en).toContain('damaged');
  });
});

describe('.xls that are not workbooks', () => {
  it('the 生意参谋 HTML table (GBK) reads exactly as its .csv', async () => {
    expect((await read('samples/sycm-2026-11.xls'))[0]!.rows).toEqual((await read('samples/sycm-2026-11.csv'))[0]!.rows);
  });
  it('tab-separated UTF-16 text saved as .xls reads exactly as the .csv', async () => {
    expect((await read('samples/feige-2026-11-tab.xls'))[0]!.rows).toEqual((await read('samples/feige-2026-11.csv'))[0]!.rows);
  });
  it('HTML cells: entities, <br>, nested tags, colspan, header cells, one table per grid', () => {
    const html = '<html><head><title>x</title><style>td{}</style></head><body><!-- <table> -->'
      + '<table><tr><th>客服</th><th colspan=2>金额&amp;笔数</th><th>备注</th></tr>'
      + '<tr><td><span>小&nbsp;美</span></td><td>1,234</td><td>3</td><td>a<br>b &lt;c&gt; &#x5c0f;&#32654;</td></tr></table>'
      + '<table><tr><td>第二</td></tr></table></body></html>';
    expect(parseHtmlTables(html, '导出')).toEqual([
      { name: '导出', rows: [['客服', '金额&笔数', '', '备注'], ['小 美', '1,234', '3', 'a\nb <c> 小美']] },
      { name: '导出 (2)', rows: [['第二']] },
    ]);
  });
});
