import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { UserError } from '../../src/i18n';
import { columnIndex, listSheets, parseXlsx, readSharedStrings, readWorksheet, unescapeOoxml } from '../../src/files/xlsx';
import { makeZip } from './zip-fixture';

/** An .xlsx written by the `xlsx` package (stored entries unless `compression`). */
function workbook(sheets: Record<string, unknown[][]>, opts: { compression?: boolean; bookSST?: boolean } = {}): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', ...opts }) as Buffer);
}

describe('columnIndex', () => {
  it('reads single letters', () => {
    expect(columnIndex('A1')).toBe(0);
  });
  it('reads two letters', () => {
    // AB = 1×26 + 2 = 28th column, index 27
    expect(columnIndex('AB12')).toBe(27);
  });
  it('is case-insensitive', () => {
    expect(columnIndex('c3')).toBe(2);
  });
  it('is -1 without letters', () => {
    expect(columnIndex('12')).toBe(-1);
  });
});

describe('unescapeOoxml', () => {
  it('decodes _xHHHH_ escapes', () => {
    expect(unescapeOoxml('a_x000D_b')).toBe('a\rb');
  });
  it('keeps a literal _x written as _x005F_x', () => {
    expect(unescapeOoxml('_x005F_x0041_')).toBe('_x0041_');
  });
});

describe('readSharedStrings', () => {
  it('joins rich-text runs and leaves out phonetic guides', () => {
    const xml = '<sst><si><t>plain</t></si><si><r><t>小</t></r><r><rPr><b/></rPr><t>美</t></r><rPh><t>xiao</t></rPh></si><si/></sst>';
    expect(readSharedStrings(xml)).toEqual(['plain', '小美', '']);
  });
  it('keeps significant spaces', () => {
    expect(readSharedStrings('<sst><si><t xml:space="preserve"> a </t></si></sst>')).toEqual([' a ']);
  });
});

describe('readWorksheet', () => {
  it('reads inline strings, shared strings, numbers, booleans and errors', () => {
    const xml =
      '<worksheet><sheetData><row r="1">' +
      '<c r="A1" t="inlineStr"><is><t>客服</t></is></c><c r="B1" t="s"><v>1</v></c><c r="C1"><v>0.25</v></c>' +
      '<c r="D1" t="b"><v>0</v></c><c r="E1" t="e"><v>#DIV/0!</v></c>' +
      '</row></sheetData></worksheet>';
    expect(readWorksheet(xml, ['zero', 'one'])).toEqual([['客服', 'one', '0.25', 'FALSE', '#DIV/0!']]);
  });
  it('places cells by reference, leaving gaps empty', () => {
    const xml = '<sheetData><row r="2"><c r="C2"><v>5</v></c></row></sheetData>';
    expect(readWorksheet(xml, [])).toEqual([['', '', ''], ['', '', '5']]);
  });
  it('places cells without references one after another', () => {
    const xml = '<sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row></sheetData>';
    expect(readWorksheet(xml, [])).toEqual([['1', '2'], ['3', '']]);
  });
  it('keeps a formula cell\'s cached value, not the formula', () => {
    const xml = '<sheetData><row r="1"><c r="A1" t="str"><f>A2&amp;"x"</f><v>yx</v></c></row></sheetData>';
    expect(readWorksheet(xml, [])).toEqual([['yx']]);
  });
  it('reads tags with a namespace prefix', () => {
    const xml = '<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c></x:row></x:sheetData>';
    expect(readWorksheet(xml, [])).toEqual([['a']]);
  });
  it('drops styled but empty cells and trailing empty rows', () => {
    const xml = '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1" s="3"/></row><row r="2"><c r="A2" s="3"/></row></sheetData>';
    expect(readWorksheet(xml, [])).toEqual([['1']]);
  });
  it('ignores a shared-string index that does not exist', () => {
    expect(readWorksheet('<row r="1"><c r="A1" t="s"><v>9</v></c><c r="B1"><v>2</v></c></row>', ['x'])).toEqual([['', '2']]);
  });
});

describe('listSheets', () => {
  it('lists names and relationship ids in tab order', () => {
    const xml = '<workbook><sheets><sheet name="数据" sheetId="2" r:id="rId2"/><sheet name="封面" sheetId="1" r:id="rId1"/></sheets></workbook>';
    expect(listSheets(xml)).toEqual([{ name: '数据', relationId: 'rId2' }, { name: '封面', relationId: 'rId1' }]);
  });
});

describe('parseXlsx', () => {
  const rows = [
    ['客服昵称', '询单人数', '日期', '备注'],
    ['店铺:小美', 100, new Date(2026, 10, 1), 'a&b<c>'],
    ['<img src=x onerror=alert(1)>', 0.25, 46328, true],
    ['=HYPERLINK("http://x")', -3, '', '"quoted"'],
  ];
  // a local-midnight Date: the xlsx package writes serial 46327 (2026-11-01 is 46327 days after Excel's day 0,
  // 1899-12-30: Date.UTC(2026,10,1) − Date.UTC(1899,11,30) = 46327 × 86 400 000 ms) with a date format (id 14),
  // so it reads back as the date; the bare number 46328 has no date format and stays a number.
  const expected = [
    ['客服昵称', '询单人数', '日期', '备注'],
    ['店铺:小美', '100', '2026-11-01', 'a&b<c>'],
    ['<img src=x onerror=alert(1)>', '0.25', '46328', 'TRUE'],
    ['=HYPERLINK("http://x")', '-3', '', '"quoted"'],
  ];

  it('reads a workbook with inline-style strings and stored entries', async () => {
    const grids = await parseXlsx(workbook({ 数据: rows }));
    expect(grids).toEqual([{ name: '数据', rows: expected }]);
  });
  it('reads a workbook with shared strings and deflated entries', async () => {
    const grids = await parseXlsx(workbook({ 数据: rows }, { compression: true, bookSST: true }));
    expect(grids).toEqual([{ name: '数据', rows: expected }]);
  });
  it('reads every sheet in tab order', async () => {
    const grids = await parseXlsx(workbook({ 封面: [], 十一月: [['客服'], ['小美']], 十月: [['x']] }));
    expect(grids.map((g) => [g.name, g.rows.length])).toEqual([['封面', 0], ['十一月', 2], ['十月', 1]]);
  });
  it('reads a large deflated sheet completely', async () => {
    const big = [['客服', '询单人数']];
    for (let i = 1; i <= 3000; i++) big.push([`客服${i}`, String(i)]);
    const grids = await parseXlsx(workbook({ big }, { compression: true, bookSST: true }));
    expect(grids[0]!.rows.length).toBe(3001);
    expect(grids[0]!.rows[3000]).toEqual(['客服3000', '3000']);
  });
  it('refuses a zip without a workbook, bilingually', async () => {
    let caught: unknown;
    try { await parseXlsx(makeZip([{ name: 'readme.txt', text: 'hi' }])); } catch (e) { caught = e; }
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as UserError).msg.en).toContain('no workbook');
  });
  it('refuses bytes that are not a zip', async () => {
    await expect(parseXlsx(new TextEncoder().encode('客服,询单人数'))).rejects.toBeInstanceOf(UserError);
  });
});
