import { describe, expect, it } from 'vitest';
import { setup } from './fixtures';

describe('developer metadata', () => {
  it('adds key/value pairs and reads them back', () => {
    const { sheet, book, sheetName } = setup();
    sheet.addDeveloperMetadata('kefu-kpi/appraisal', '{"version":1}').addDeveloperMetadata('flag');
    const [tag, flag] = sheet.getDeveloperMetadata();
    expect([tag!.getKey(), tag!.getValue(), String(tag!.getVisibility())]).toEqual(['kefu-kpi/appraisal', '{"version":1}', 'DOCUMENT']);
    expect(flag!.getValue()).toBeNull();
    expect(book.metadata(sheetName)).toEqual([
      { key: 'kefu-kpi/appraisal', value: '{"version":1}', visibility: 'DOCUMENT' },
      { key: 'flag', value: null, visibility: 'DOCUMENT' },
    ]);
  });

  it('tells a visibility from a value in the two-argument form', () => {
    const { sheet, globals } = setup();
    sheet.addDeveloperMetadata('a', globals.SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
    sheet.addDeveloperMetadata('b', 'PROJECT');
    const [a, b] = sheet.getDeveloperMetadata();
    expect([a!.getValue(), String(a!.getVisibility())]).toEqual([null, 'PROJECT']);
    expect([b!.getValue(), String(b!.getVisibility())]).toEqual(['PROJECT', 'DOCUMENT']);
  });

  it('updates and removes', () => {
    const { sheet, book, sheetName } = setup();
    sheet.addDeveloperMetadata('k', 'v1');
    sheet.getDeveloperMetadata()[0]!.setValue('v2');
    expect(book.metadata(sheetName)[0]!.value).toBe('v2');
    sheet.getDeveloperMetadata()[0]!.remove();
    expect(book.metadata(sheetName)).toEqual([]);
  });

  it('refuses more than 30,000 characters per sheet', () => {
    const { sheet } = setup();
    sheet.addDeveloperMetadata('k', 'x'.repeat(29_999)); // 1 + 29,999 = 30,000: allowed
    expect(() => sheet.addDeveloperMetadata('k2', 'y')).toThrow(/30000 characters per sheet/);
  });
});

describe('protections', () => {
  it('protects a sheet with editable holes, removing editors but the owner', () => {
    const { sheet, globals, book, sheetName } = setup();
    const protection = sheet.protect().setDescription('仅手填列可编辑');
    protection.addEditor('colleague@example.com');
    protection.setUnprotectedRanges([sheet.getRange('E5:E'), sheet.getRange('G5:G')]);
    protection.removeEditors(protection.getEditors());
    if (protection.canDomainEdit()) protection.setDomainEdit(false);
    expect(book.protections(sheetName)).toEqual([{
      type: 'SHEET', range: null, description: '仅手填列可编辑', warningOnly: false,
      unprotected: ['E5:E1000', 'G5:G1000'], editors: ['owner@example.com'], domainEdit: false,
    }]);
    const [found] = sheet.getProtections(globals.SpreadsheetApp.ProtectionType.SHEET);
    expect(found!.getDescription()).toBe('仅手填列可编辑');
    expect(found!.getUnprotectedRanges().map((r) => r.getA1Notation())).toEqual(['E5:E1000', 'G5:G1000']);
    expect(found!.getRange().getA1Notation()).toBe('A1:Z1000');
  });

  it('gives back the existing sheet protection instead of a second one', () => {
    const { sheet, book, sheetName } = setup();
    sheet.protect().setDescription('first');
    expect(sheet.protect().getDescription()).toBe('first');
    expect(book.protections(sheetName)).toHaveLength(1);
  });

  it('keeps range protections apart from the sheet protection', () => {
    const { sheet, globals } = setup();
    sheet.getRange('A1:B2').protect().setWarningOnly(true);
    const { ProtectionType } = globals.SpreadsheetApp;
    expect(sheet.getProtections(ProtectionType.SHEET)).toHaveLength(0);
    const [range] = sheet.getProtections(ProtectionType.RANGE);
    expect(range!.getRange().getA1Notation()).toBe('A1:B2');
    expect(() => range!.setUnprotectedRanges([sheet.getRange('A1')])).toThrow(/sheet protection/);
    range!.remove();
    expect(sheet.getProtections(ProtectionType.RANGE)).toHaveLength(0);
  });

  it('refuses holes on another sheet', () => {
    const { sheet, ss } = setup();
    const other = ss.insertSheet('other');
    expect(() => sheet.protect().setUnprotectedRanges([other.getRange('A1')])).toThrow(/not on the protected sheet/);
  });
});

describe('charts', () => {
  it('builds a bar chart over a range and inserts it', () => {
    const { sheet, book, sheetName } = setup();
    const chart = sheet.newChart().asBarChart().addRange(sheet.getRange('A20:B')).setPosition(2, 8, 0, 0).setOption('title', '总分').build();
    expect(chart.getChartId()).toBeNull();
    sheet.insertChart(chart);
    expect(book.charts(sheetName)).toEqual([{
      id: 1, type: 'BAR', ranges: ['A20:B1000'], position: { anchorRow: 2, anchorColumn: 8, offsetX: 0, offsetY: 0 }, options: { title: '总分' },
    }]);
    expect(sheet.getCharts()[0]!.getRanges().map((r) => r.getA1Notation())).toEqual(['A20:B1000']);
  });

  it('updates a chart through modify() and removes it', () => {
    const { sheet, book, sheetName, globals } = setup();
    sheet.insertChart(sheet.newChart().addRange(sheet.getRange('A1:B5')).build());
    const [chart] = sheet.getCharts();
    sheet.updateChart(chart!.modify().clearRanges().addRange(sheet.getRange('A1:B9')).setChartType(globals.Charts.ChartType.LINE).build());
    expect(book.charts(sheetName)).toMatchObject([{ id: 1, type: 'LINE', ranges: ['A1:B9'] }]);
    sheet.removeChart(sheet.getCharts()[0]!);
    expect(book.charts(sheetName)).toEqual([]);
  });

  it('names ranges of other sheets with their sheet', () => {
    const { sheet, ss, book, sheetName } = setup();
    const data = ss.insertSheet('考核 2026-10');
    sheet.insertChart(sheet.newChart().addRange(data.getRange('A1:B3')).build());
    expect(book.charts(sheetName)[0]!.ranges).toEqual(["'考核 2026-10'!A1:B3"]);
  });

  it('refuses to insert the same chart twice', () => {
    const { sheet } = setup();
    const chart = sheet.newChart().build();
    sheet.insertChart(chart);
    expect(() => sheet.insertChart(sheet.getCharts()[0]!)).toThrow(/already inserted/);
  });
});
