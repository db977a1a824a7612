import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { firstNonEmpty, readTableFile } from '../../src/files';
import { UserError } from '../../src/i18n';

describe('readTableFile', () => {
  it('reads CSV text as one table named after the file', async () => {
    const grids = await readTableFile('C:\\exports\\千牛-2026-11.csv', new TextEncoder().encode('客服,询单人数\n小美,3\n'));
    expect(grids).toEqual([{ name: '千牛-2026-11', rows: [['客服', '询单人数'], ['小美', '3']] }]);
  });
  it('reads GBK CSV', async () => {
    // GBK: 客 = BF CD, 服 = B7 FE
    const grids = await readTableFile('a.csv', new Uint8Array([0xbf, 0xcd, 0xb7, 0xfe, 0x0a, 0x31]));
    expect(grids[0]!.rows).toEqual([['客服'], ['1']]);
  });
  it('reads an .xlsx by its bytes even when the name says .csv', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['客服'], ['小美']]), 'S1');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    expect(await readTableFile('renamed.csv', bytes)).toEqual([{ name: 'S1', rows: [['客服'], ['小美']] }]);
  });
  it('refuses a damaged legacy .xls (an OLE2 signature and nothing else) with advice to save as .xlsx', async () => {
    const ole2 = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(readTableFile('old.xls', ole2)).rejects.toBeInstanceOf(UserError);
    await expect(readTableFile('old.xls', ole2)).rejects.toThrow('损坏');
  });
  it('stops reading a CSV as soon as it outgrows the limits, naming the count so far', async () => {
    // 4 records × 3 columns = 12 cells > 10: refused when the 4th record is read
    const csv = new TextEncoder().encode('a,b,c\n1,2,3\n4,5,6\n7,8,9\n10,11,12\n');
    await expect(readTableFile('big.csv', csv, { maxCells: 10, maxColumns: 5 })).rejects.toThrow('至少 12 个单元格');
    await expect(readTableFile('wide.csv', csv, { maxCells: 100, maxColumns: 2 })).rejects.toThrow('3 列');
  });
});

describe('firstNonEmpty', () => {
  it('skips empty sheets', () => {
    expect(firstNonEmpty([{ name: 'cover', rows: [] }, { name: 'data', rows: [['x']] }])?.name).toBe('data');
  });
  it('is null when every sheet is empty', () => {
    expect(firstNonEmpty([{ name: 'cover', rows: [] }])).toBeNull();
  });
});
