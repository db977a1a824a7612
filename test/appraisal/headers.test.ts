import { describe, expect, test } from 'vitest';
import { recognise } from '../../src/appraisal/headers';

const fields = (grid: unknown[][]) => recognise(grid).columns.map((c) => c.field);

describe('recognise: single-row headers', () => {
  test('a 千牛 export with title lines above the header', () => {
    const grid = [
      ['客服绩效报表', '', '', ''],
      ['统计时间：2026-11-01 ~ 2026-11-30', '', '', ''],
      ['', '', '', ''],
      ['客服昵称', '询单人数', '询单->最终付款人数', '平均响应时长（秒）'],
      ['小店:小美', 120, 60, 18.5],
      ['小店:阿杰', 98, 40, 25],
    ];
    const r = recognise(grid);
    expect(r.headerRows).toBe(4); // data starts on sheet row 5
    expect(r.columns.map((c) => c.field)).toEqual(['agent', 'inquiring_buyers', 'paid_buyers', 'avg_response_seconds']);
    expect(r.mapping).toEqual({ agent: 0, inquiring_buyers: 1, paid_buyers: 2, avg_response_seconds: 3 });
    expect(r.columns[0]!.samples).toEqual(['小店:小美', '小店:阿杰']);
    expect(r.columns[3]!.header).toBe('平均响应时长(秒)');
  });

  test('traditional headers from a 繁體 export', () => {
    expect(fields([['統計日期', '客服暱稱', '詢單人數', '詢單->最終付款人數', '平均響應時長（秒）'], ['2026-11-01', '小美', 1, 1, 1]]))
      .toEqual(['date', 'agent', 'inquiring_buyers', 'paid_buyers', 'avg_response_seconds']);
  });

  test('English headers', () => {
    expect(fields([['Date', 'Agent', 'Inquiries', 'Paid buyers', 'Conversion rate', 'Avg response time (s)']]))
      .toEqual(['date', 'agent', 'inquiring_buyers', 'paid_buyers', 'conversion_rate', 'avg_response_seconds']);
  });

  test('京麦 and 抖店 account columns, brackets and spaces of either width', () => {
    expect(fields([['咚咚账号', '询单人数（人）', '平均响应时长 ( 秒 )']])).toEqual(['agent', 'inquiring_buyers', 'avg_response_seconds']);
    expect(fields([['飞鸽账号', '日期']])).toEqual(['agent', 'date']);
  });

  test('抖店 (飞鸽) and 京麦 (咚咚) report headers: sessions, answer rate, consultation conversion', () => {
    expect(fields([['客服昵称', '接待人次', '询单人数', '询单转化率', '成交人数', '成交金额', '投诉数']]))
      .toEqual(['agent', 'buyers_served', 'inquiring_buyers', 'conversion_rate', 'paid_buyers', 'sales', 'complaints']);
    expect(fields([['客服账号', '咨询量', '接待量', '应答率', '咨询转化率', '下单人数']]))
      .toEqual(['agent', 'received', 'buyers_served', 'reply_rate', 'conversion_rate', 'buyers']);
    expect(fields([['旺旺', '退款成功笔数']])).toEqual(['agent', 'refunds']);
  });

  test('a column no field claims stays null, and a field is given to its first column only', () => {
    expect(fields([['旺旺', '客服昵称', '备注', '询单人数']])).toEqual(['agent', null, null, 'inquiring_buyers']);
  });
});

describe('recognise: two-row headers', () => {
  test('赤兔: group row above the field row, merged cells arriving blank', () => {
    const grid = [
      ['日期', '客服', '询单', '', '', '响应', ''],
      ['', '', '人数', '最终付款人数', '最终付款金额', '平均(秒)', '首次响应时长（秒）'],
      ['2026-11-01', '小美', 10, 5, 600, 20, 9],
    ];
    const r = recognise(grid);
    expect(r.headerRows).toBe(2);
    // 询单 + 人数 = 询单人数; 询单 + 最终付款人数 = 询单最终付款人数; 响应 + 平均(秒) = 响应平均;
    // 响应 + 首次响应时长 falls back to the field row alone.
    expect(r.columns.map((c) => c.field)).toEqual(['date', 'agent', 'inquiring_buyers', 'paid_buyers', 'inquiry_sales', 'avg_response_seconds', 'avg_first_response_seconds']);
    expect(r.columns[3]!.header).toBe('询单 最终付款人数');
    expect(r.columns[0]!.header).toBe('日期');
  });

  test('the sample export (samples/qianniu-2026-11.csv) shape: every column found', () => {
    const grid = [
      ['日期', '客服昵称', '接待', '', '询单', '', '售后', ''],
      ['', '', '咨询人数', '已回复人数', '询单人数', '询单->最终付款人数', '退货数', '差评数'],
      ['2026-11-01', '小店旗舰店:小美', 119, 119, 90, 44, 3, '-'],
    ];
    expect(fields(grid)).toEqual(['date', 'agent', 'received', 'replied', 'inquiring_buyers', 'paid_buyers', 'returns', 'bad_reviews']);
  });

  test('a single-row header is not mistaken for the second row of two', () => {
    const grid = [['客服', '询单人数', '询单->最终付款人数'], ['小美', 10, 5], ['阿杰', 8, 4]];
    expect(recognise(grid).headerRows).toBe(1);
  });
});

describe('recognise: the manager corrects the mapping', () => {
  const grid = [['名字', '询单人数', '付款', '备注'], ['小美', 10, 5, 'x']];

  test('a column → field correction takes the field from any other column; the leftmost of two wins', () => {
    const r = recognise(grid, { '0': 'agent', '2': 'paid_buyers', '1': 'paid_buyers' });
    expect(r.columns.map((c) => c.field)).toEqual(['agent', 'paid_buyers', null, null]);
    expect(r.mapping).toEqual({ agent: 0, paid_buyers: 1 });
  });

  test('null ignores a recognised column; unknown field ids and columns are passed over', () => {
    const r = recognise(grid, { '1': null, '0': 'no_such_field', '9': 'agent' });
    expect(r.columns.map((c) => c.field)).toEqual([null, null, null, null]);
    expect(r.mapping).toEqual({});
  });
});

describe('recognise: degenerate input never throws', () => {
  test('empty, ragged and non-array grids', () => {
    expect(recognise([])).toEqual({ headerRows: 0, columns: [], mapping: {} });
    expect(recognise([[]])).toEqual({ headerRows: 0, columns: [], mapping: {} });
    expect(recognise(null as unknown as unknown[][])).toEqual({ headerRows: 0, columns: [], mapping: {} });
    const ragged = recognise([['客服'], ['小美', 3, 4], 'oops' as unknown as unknown[]]);
    expect(ragged.columns).toHaveLength(3);
    expect(ragged.mapping).toEqual({ agent: 0 });
  });

  test('nothing recognised: the first row is the header, every column unmapped', () => {
    const r = recognise([['a', 'b'], [1, 2]]);
    expect(r.headerRows).toBe(1);
    expect(r.columns.map((c) => [c.header, c.field, c.samples])).toEqual([['a', null, ['1']], ['b', null, ['2']]]);
  });

  test('samples skip blanks and stop at three', () => {
    const r = recognise([['客服'], ['-'], ['a'], [''], ['b'], ['c'], ['d']]);
    expect(r.columns[0]!.samples).toEqual(['a', 'b', 'c']);
  });
});
