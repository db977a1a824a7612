/**
 * The import through the built bundle, as the sidebar and the command line call it: the cells
 * keep what the file says, large files arrive in parts, and a failed import leaves no tab.
 */
import { describe, expect, test } from 'vitest';
import { importData, startRuntime } from '../../dev/local/appraise';
import { sendImport, splitRows } from '../../src/files';

const TAB = '数据 导出';

describe('the import keeps what the file says', () => {
  test('numbers stay numbers, ids stay text as written, formula-like text stays text', async () => {
    const rt = startRuntime();
    const rows = [
      ['客服', '工号', '调整', '订单号', '备注'],
      ['小美', '00123', '-12.5', '1234567890123456789', '=HYPERLINK("http://x")'],
      ['阿杰', '0123', '1,234.50', '12', '@me'],
      ['=1+1', '123', '0', '7', 'TRUE'],
    ];
    expect(await importData(rt, '导出.csv', rows)).toBe(TAB);
    const values = rt.fake.book.values(TAB);
    expect(values[1]).toEqual(['小美', '00123', -12.5, '1234567890123456789', '=HYPERLINK("http://x")']);
    expect(values[2]).toEqual(['阿杰', '0123', 1234.5, 12, '@me']);
    expect(values[3]).toEqual(['=1+1', 123, 0, 7, 'TRUE']);
    expect(rt.fake.book.formulas(TAB).flat().every((f) => f === '')).toBe(true);
    // the user's own SUM over the imported column adds the negative number: -12.5 + 1234.5 + 0 = 1222
    rt.fake.book.typeCell(TAB, 5, 3, '=SUM(C2:C4)');
    expect(rt.fake.book.values(TAB)[4]![2]).toBe(1222);
  });

  test('a date column is written as dates; a date-like id in another column stays its text', async () => {
    const rt = startRuntime({ timeZone: 'Asia/Shanghai' });
    await importData(rt, '导出.csv', [
      ['日期', '客服', '编号'],
      ['2026-11-01', '小美', '2026-11-01'],
      ['2026-11-02', '阿杰', 'A17'],
    ]);
    const shown = rt.fake.book.displayValues(TAB);
    expect(shown.map((r) => r[0])).toEqual(['日期', '2026-11-01', '2026-11-02']);
    expect(shown.map((r) => r[2])).toEqual(['编号', '2026-11-01', 'A17']);
    const values = rt.fake.book.values(TAB);
    // the date cell reads back as a Date: midnight of 2026-11-01 in Shanghai = 2026-10-31T16:00Z
    expect((values[1]![0] as Date).toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(values[1]![2]).toBe('2026-11-01');
  });

  test('a file over the import cap is refused before a tab is made', () => {
    const rt = startRuntime();
    const before = rt.fake.book.sheetNames();
    const reply = rt.ctx.kk_importRows({ fileName: 'big.csv', rows: [['a']], part: { sheetName: null, startRow: 1, last: false, totalCells: 2_000_001 } });
    expect(reply.ok).toBe(false);
    expect(reply.error.zh).toContain('2000001 个单元格');
    expect(rt.fake.book.sheetNames()).toEqual(before);
  });
});

describe('a large import in parts', () => {
  const rows = [['客服', '询单人数'], ...Array.from({ length: 999 }, (_, i) => [`客服${i}`, String(i)])];

  test('splitRows cuts by bytes and keeps every row in order', () => {
    // each row is at most 2 + (3·len+3) + (3·len+3) bytes; 200 bytes hold only a few rows
    const parts = splitRows(rows, 200);
    expect(parts.length).toBeGreaterThan(10);
    expect(parts.flat()).toEqual(rows);
  });

  test('parts append to the tab the first one made; progress reaches every row', async () => {
    const rt = startRuntime();
    const seen: number[] = [];
    const reply = await sendImport(
      { importRows: (r) => rt.ctx.kk_importRows(r), discardImport: (r) => rt.ctx.kk_discardImport(r) },
      '大文件.csv', rows, (sent) => seen.push(sent), 2_000,
    );
    expect(reply.ok).toBe(true);
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.at(-1)).toBe(1000);
    const values = rt.fake.book.values('数据 大文件');
    expect(values.length).toBe(1000);
    expect(values[999]).toEqual(['客服998', 998]);
    // the finished tab carries no pending mark: a discard leaves it alone
    expect(rt.ctx.kk_discardImport({ sheetName: '数据 大文件' }).value).toEqual({ removed: false });
    expect(rt.fake.book.sheetNames()).toContain('数据 大文件');
  });

  test('a part that fails removes the tab: nothing half-written', async () => {
    const rt = startRuntime();
    const before = rt.fake.book.sheetNames();
    let calls = 0;
    const reply = await sendImport(
      {
        importRows: (r) => {
          calls++;
          // the third part carries a cell Sheets cannot hold
          return rt.ctx.kk_importRows(calls === 3 ? { ...r, rows: [['x'.repeat(50_001)]] } : r);
        },
        discardImport: (r) => rt.ctx.kk_discardImport(r),
      },
      '坏文件.csv', rows, undefined, 2_000,
    );
    expect(reply.ok).toBe(false);
    expect(calls).toBe(3);
    expect(rt.fake.book.sheetNames()).toEqual(before);
  });

  test('a part out of order, or for a tab that is not being imported, is refused', () => {
    const rt = startRuntime();
    const first = rt.ctx.kk_importRows({ fileName: 'a.csv', rows: [['a'], ['b']], part: { sheetName: null, startRow: 1, last: false, totalCells: 4 } });
    expect(first.ok).toBe(true);
    const gap = rt.ctx.kk_importRows({ fileName: 'a.csv', rows: [['c']], part: { sheetName: first.value.sheetName, startRow: 5, last: true, totalCells: 4 } });
    expect(gap.ok).toBe(false);
    expect(rt.fake.book.sheetNames()).not.toContain(first.value.sheetName);
    rt.fake.book.addSheet('手工表', [['x']]);
    const foreign = rt.ctx.kk_importRows({ fileName: 'a.csv', rows: [['c']], part: { sheetName: '手工表', startRow: 2, last: true, totalCells: 4 } });
    expect(foreign.ok).toBe(false);
    expect(rt.fake.book.values('手工表')).toEqual([['x']]);
    expect(rt.ctx.kk_discardImport({ sheetName: '手工表' }).value).toEqual({ removed: false });
  });
});

describe('duplicate headers', () => {
  test('two columns named 询单人数 are reported with the one used, in the analysis and the build', async () => {
    const rt = startRuntime();
    const tab = await importData(rt, '导出.csv', [
      ['客服', '询单人数', '询单->最终付款人数', '询单人数'],
      ['小美', '10', '5', '100'],
    ]);
    const analysis = rt.ctx.kk_analyseData({ sheetName: tab, month: '2026-11' });
    expect(analysis.ok).toBe(true);
    // B and D hold 询单人数; recognition gives the field to B, the leftmost
    expect(analysis.value.warnings).toContainEqual({
      zh: '表头「询单人数」出现在 2 列（第 B、D 列）：只用了第 B 列。请确认是否正确，必要时在列对应中改选。',
      en: 'The header "询单人数" appears in 2 columns (B, D): only column B is used. Check this, and correct the column mapping if needed.',
    });
  });
});
