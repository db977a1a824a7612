/**
 * An .xlsx whose cells lie outside what a sheet can hold is refused from its cell references,
 * before a grid is allocated; dates and durations are told by the cell's number format.
 */
import { describe, expect, it } from 'vitest';
import { readTableFile } from '../../src/files';
import { IMPORT_LIMITS } from '../../src/files/limits';
import { UserError } from '../../src/i18n';
import { makeZip } from './zip-fixture';

const WORKBOOK = '<workbook><workbookPr/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>';
const RELS = '<Relationships><Relationship Id="rId1" Type="http://x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';

function xlsx(sheetXml: string, extra: { name: string; text: string }[] = [], workbook = WORKBOOK): Uint8Array {
  return makeZip([
    { name: 'xl/workbook.xml', text: workbook },
    { name: 'xl/_rels/workbook.xml.rels', text: RELS },
    { name: 'xl/worksheets/sheet1.xml', text: `<worksheet><sheetData>${sheetXml}</sheetData></worksheet>`, deflate: true },
    ...extra,
  ]);
}

async function refusal(bytes: Uint8Array, limits = IMPORT_LIMITS): Promise<UserError> {
  try {
    await readTableFile('big.xlsx', bytes, limits);
  } catch (e) {
    return e as UserError;
  }
  throw new Error('not refused');
}

describe('cells outside the grid', () => {
  it('a lone cell at XFD1048000 is refused at once (16,384 columns × 1,048,000 rows)', async () => {
    const bytes = xlsx('<row r="1048000"><c r="XFD1048000"><v>1</v></c></row>');
    expect(bytes.length).toBeLessThan(1500);
    const heapBefore = process.memoryUsage().heapUsed;
    const e = await refusal(bytes);
    expect(e).toBeInstanceOf(UserError);
    // 16,384 × 1,048,000 = 17,170,432,000 cells
    expect(e.msg.zh).toContain('17170432000 个单元格');
    expect(e.msg.en).toContain('17170432000 cells');
    // nothing near a grid of that size was allocated (a million empty rows alone take ~40 MB)
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(20_000_000);
  });
  it('a cell in column ZZZZZZ is refused by its column (ZZZZZZ is column 321,272,406)', async () => {
    // ZZZZZZ = 26·(26^5+26^4+26^3+26^2+26+1) = 26 · 12,356,631 = 321,272,406
    const e = await refusal(xlsx('<row r="4"><c r="ZZZZZZ4"><v>1</v></c></row>'));
    expect(e.msg.zh).toContain('321272406 列');
    expect(e.msg.en).toContain('321272406 columns');
  });
  it('the import cap counts the rectangle: A1 and Z80000 make 26 × 80,000 = 2,080,000 cells > 2,000,000', async () => {
    const e = await refusal(xlsx('<row r="1"><c r="A1"><v>1</v></c></row><row r="80000"><c r="Z80000"><v>2</v></c></row>'));
    expect(e.msg.en).toContain('2080000 cells');
  });
  it('a sheet within the grid reads as before', async () => {
    const [grid] = await readTableFile('ok.xlsx', xlsx('<row r="2"><c r="C2"><v>5</v></c></row>'), IMPORT_LIMITS);
    expect(grid!.rows).toEqual([['', '', ''], ['', '', '5']]);
  });
});

describe('dates and durations by number format', () => {
  const styles = {
    name: 'xl/styles.xml',
    text: '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="[h]:mm:ss"/><numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>'
      + '<numFmt numFmtId="166" formatCode="0.00&quot;天&quot;"/></numFmts>'
      + '<cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>'
      + '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="22"/><xf numFmtId="166"/></cellXfs></styleSheet>',
  };
  const RELS_WITH_STYLES = RELS.replace('</Relationships>', '<Relationship Id="rId2" Type="http://x/styles" Target="styles.xml"/></Relationships>');
  it('a date, a duration, a custom date, a date-time and a number with a unit', async () => {
    const cells = '<row r="1"><c r="A1" s="1"><v>46327</v></c><c r="B1" s="2"><v>0.0009606481481481481</v></c>'
      + '<c r="C1" s="3"><v>46328</v></c><c r="D1" s="4"><v>46327.5</v></c><c r="E1" s="5"><v>46327</v></c><c r="F1" s="0"><v>46327</v></c></row>';
    const bytes = makeZip([
      { name: 'xl/workbook.xml', text: WORKBOOK },
      { name: 'xl/_rels/workbook.xml.rels', text: RELS_WITH_STYLES },
      { name: 'xl/worksheets/sheet1.xml', text: `<worksheet><sheetData>${cells}</sheetData></worksheet>` },
      styles,
    ]);
    const [grid] = await readTableFile('d.xlsx', bytes);
    // 46327 = 2026-11-01; 0.00096064… day × 86,400 = 83 s = 0:01:23; 46327.5 = noon; "0.00天" is no date
    expect(grid!.rows).toEqual([['2026-11-01', '0:01:23', '2026-11-02', '2026-11-01 12:00:00', '46327', '46327']]);
  });
  it('the 1904 date system adds 1,462 days', async () => {
    const bytes = makeZip([
      { name: 'xl/workbook.xml', text: WORKBOOK.replace('<workbookPr/>', '<workbookPr date1904="1"/>') },
      { name: 'xl/_rels/workbook.xml.rels', text: RELS_WITH_STYLES },
      { name: 'xl/worksheets/sheet1.xml', text: '<worksheet><sheetData><row r="1"><c r="A1" s="1"><v>44865</v></c></row></sheetData></worksheet>' },
      styles,
    ]);
    // 44865 + 1462 = 46327 = 2026-11-01
    expect((await readTableFile('d.xlsx', bytes))[0]!.rows).toEqual([['2026-11-01']]);
  });
});
