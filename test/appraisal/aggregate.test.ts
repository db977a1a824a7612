import { describe, expect, test } from 'vitest';
import { aggregate, monthDays, subAccountName, type AggregateOptions } from '../../src/appraisal/aggregate';
import { recognise } from '../../src/appraisal/headers';
import { UserError } from '../../src/i18n';
import { daysFromCivil } from '../../src/metrics/timezone';

const NOV: AggregateOptions = { month: '2026-11', timeZone: 'Asia/Shanghai' };
const run = (grid: unknown[][], options: Partial<AggregateOptions> = {}) => aggregate(grid, recognise(grid), { ...NOV, ...options });
const valuesOf = (grid: unknown[][], options: Partial<AggregateOptions> = {}) =>
  Object.fromEntries(run(grid, options).agents.map((a) => [a.agent, a.values]));

describe('Σ numerator ÷ Σ denominator', () => {
  test('per-day rows: 1 of 2, then 1 of 98, is 2/100 = 2 %, not the 25.5 % mean of the days', () => {
    const grid = [
      ['日期', '客服', '询单人数', '询单->最终付款人数'],
      ['2026-11-01', '小美', 2, 1],
      ['2026-11-02', '小美', 98, 1],
    ];
    expect(valuesOf(grid).小美!.INQUIRY_CONVERSION).toBe(0.02); // (1 + 1) / (2 + 98)
  });

  test('per-agent rows (no date column): one value each, in order of first appearance', () => {
    const grid = [
      ['客服昵称', '询单人数', '询单->最终付款人数', '询单->最终付款金额'],
      ['阿杰', 80, 20, 2600],
      ['小美', 100, 50, 7500],
    ];
    const result = run(grid);
    expect(result.agents.map((a) => a.agent)).toEqual(['阿杰', '小美']);
    expect(result.agents[1]!.values).toEqual({ INQUIRY_CONVERSION: 0.5, INQUIRY_AOV: 150 }); // 50/100; 7500/50
    expect(result.rowsUsed).toBe(2);
  });

  test('`-` and `暂无数据` in a count column are blank: nothing added', () => {
    const grid = [['客服', '询单人数', '询单->最终付款人数'], ['小美', 10, 2], ['小美', '-', '暂无数据'], ['小美', '暂无数据', 3]];
    expect(valuesOf(grid).小美!.INQUIRY_CONVERSION).toBe(0.5); // (2 + 3) / 10
  });

  test('agents interleaved day by day are each summed on their own', () => {
    const grid = [
      ['日期', '客服', '询单人数', '询单->最终付款人数'],
      ['2026-11-01', '小美', 10, 5], ['2026-11-01', '阿杰', 10, 1],
      ['2026-11-02', '小美', 30, 5], ['2026-11-02', '阿杰', 10, 3],
    ];
    expect(valuesOf(grid)).toEqual({ 小美: { INQUIRY_CONVERSION: 0.25 }, 阿杰: { INQUIRY_CONVERSION: 0.2 } }); // 10/40; 4/20
  });

  test('no basis (denominator 0) is blank, not 0', () => {
    expect(valuesOf([['客服', '询单人数', '询单->最终付款人数'], ['小美', 0, 0]]).小美!.INQUIRY_CONVERSION).toBe('');
  });

  test('more paying than inquiring buyers cannot be a proportion: blank, with a warning', () => {
    const result = run([['客服', '询单人数', '询单->最终付款人数'], ['小美', 10, 12]]);
    expect(result.agents[0]!.values.INQUIRY_CONVERSION).toBe('');
    expect(result.warnings[0]!.en).toBe('小美: INQUIRY_CONVERSION cannot be computed: 询单->最终付款人数 adds up to 12, more than 询单人数 (10)');
  });

  test('1 − part ÷ whole for order accuracy, with 支付宝成交笔数 standing in for 订单数', () => {
    const grid = [['客服', '支付宝成交笔数', '错单数'], ['小美', 200, 1], ['小美', 200, 0]];
    const result = run(grid);
    expect(result.agents[0]!.values.ORDER_ACCURACY).toBe(1 - 1 / 400);
    expect(result.agents[0]!.sources.ORDER_ACCURACY).toEqual(['错单数', '支付宝成交笔数']);
  });

  test('durations summed from text and numbers: total response seconds ÷ replies', () => {
    const grid = [['客服', '响应总时长', '人工回复次数'], ['小美', '1分30秒', 3], ['小美', 30, 1]];
    expect(valuesOf(grid).小美!.AVG_RESPONSE_TIME).toBe(30); // (90 + 30) s / (3 + 1)
  });

  test('counts of the month: complaints summed; online hours ÷ accounts', () => {
    const grid = [
      ['客服', '投诉笔数', '在线时长(分钟)'],
      ['店:小美', 1, 480],
      ['店:小美2', '', 240],
      ['店:小美', 2, 480],
    ];
    // 小美2 is bound to 小美: two accounts, 1200 min = 20 h in all, 10 h per account.
    const values = valuesOf(grid, { aliases: { 小美2: '小美' } });
    expect(values).toEqual({ 小美: { COMPLAINT_COUNT_28D: 3, ONLINE_HOURS: 10 } });
  });
});

describe('rate and average columns, used only when their counts are missing', () => {
  test('a rate held as 0.9971, 99.71% or 99.71 is the proportion 0.9971', () => {
    for (const cell of [0.9971, '99.71%', '99.71％']) {
      expect(valuesOf([['客服', '旺旺回复率'], ['小美', cell]]).小美!.REPLY_RATE, String(cell)).toBeCloseTo(0.9971, 12);
    }
    const percentNumbers = run([['客服', '旺旺回复率'], ['小美', 99.71], ['阿杰', 0.5]]);
    // One cell above 1 shows the column holds percent numbers: 0.5 there is 0.5 %.
    expect(percentNumbers.agents.map((a) => a.values.REPLY_RATE)).toEqual([0.9971, 0.005]);
    expect(percentNumbers.warnings[0]!.zh).toBe('「旺旺回复率」列的数字按百分数读取（99.71 即 99.71%）');
  });

  test('refund, dispute and complaint rates written as percent numbers (2.5 = 2.5 %) are not read as 250 %', () => {
    // These are rates of bad events per order: a value above 1 can only be a percent number.
    expect(run([['客服', '退款率'], ['小美', 2.5], ['阿杰', 1.2]]).agents.map((a) => a.values.REFUND_RATE_28D)).toEqual([0.025, 0.012]); // 2.5 / 100; 1.2 / 100
    expect(run([['客服', '纠纷率'], ['小美', 1.5]]).agents[0]!.values.REFUND_DISPUTE_RATE_28D).toBe(0.015); // 1.5 / 100
    expect(run([['客服', '投诉率'], ['小美', 2]]).agents[0]!.values.COMPLAINT_RATE_28D).toBe(0.02); // 2 / 100
    // As fractions they stay as they are.
    expect(run([['客服', '退款率'], ['小美', 0.025]]).agents[0]!.values.REFUND_RATE_28D).toBe(0.025);
    // A sales achievement may beat the plan: 1.2 is 120 %, not 1.2 %.
    expect(run([['客服', '销售计划达成率'], ['小美', 1.2], ['阿杰', 0.95]]).agents.map((a) => a.values.SALES_ACHIEVEMENT)).toEqual([1.2, 0.95]);
  });

  test('a percent sign in the header says the plain numbers are percents', () => {
    expect(valuesOf([['客服', '差评率(%)'], ['小美', 0.5]]).小美!.BAD_REVIEW_RATE).toBe(0.005);
  });

  test('weighted by the denominator column when it exists', () => {
    const grid = [['客服', '询单人数', '询单转化率'], ['小美', 10, '50%'], ['小美', 90, 0.1]];
    const result = run(grid);
    expect(result.agents[0]!.values.INQUIRY_CONVERSION).toBeCloseTo(0.14, 12); // (10×0.5 + 90×0.1) / 100
    expect(result.agents[0]!.sources.INQUIRY_CONVERSION).toEqual(['询单转化率', '询单人数']);
  });

  test('a plain mean over the agent\'s rows when it does not; blank days do not count', () => {
    const grid = [['日期', '客服', '询单转化率'], ['2026-11-01', '小美', 0.5], ['2026-11-02', '小美', 0.1], ['2026-11-03', '小美', '-']];
    expect(valuesOf(grid).小美!.INQUIRY_CONVERSION).toBeCloseTo(0.3, 12); // (0.5 + 0.1) / 2
  });

  test('ignored when the counts are there', () => {
    const grid = [['客服', '询单人数', '询单->最终付款人数', '询单转化率'], ['小美', 100, 30, '99%']];
    const result = run(grid);
    expect(result.agents[0]!.values.INQUIRY_CONVERSION).toBe(0.3);
    expect(result.agents[0]!.sources.INQUIRY_CONVERSION).toEqual(['询单->最终付款人数', '询单人数']);
  });

  test('average response time weighted by replies when the total time is missing', () => {
    const grid = [['客服', '平均响应时长（秒）', '人工回复次数'], ['小美', 20, 100], ['小美', '40秒', 300]];
    expect(valuesOf(grid).小美!.AVG_RESPONSE_TIME).toBe(35); // (20×100 + 40×300) / 400
  });

  test('an average stated in minutes is converted to seconds', () => {
    expect(valuesOf([['客服', '首次响应时长(分钟)'], ['小美', 0.5]]).小美!.FIRST_RESPONSE_TIME).toBe(30);
  });

  test('service DSR: a mean weighted by 评价数, else a plain mean', () => {
    const weighted = [['客服', '服务态度DSR', '评价数'], ['小美', 4.8, 10], ['小美', 4.9, 30]];
    expect(valuesOf(weighted).小美!.DSR_SERVICE_180D).toBeCloseTo(4.875, 12); // (48 + 147) / 40
    const plain = [['客服', '服务态度DSR'], ['小美', 4.8], ['小美', 4.9], ['小美', '暂无数据']];
    expect(valuesOf(plain).小美!.DSR_SERVICE_180D).toBeCloseTo(4.85, 12);
  });

  test('no rated rows at all: blank', () => {
    expect(valuesOf([['客服', '服务态度DSR'], ['小美', '-']]).小美!.DSR_SERVICE_180D).toBe('');
  });
});

describe('rows that are skipped, with the sheet row and a reason', () => {
  test('summary rows of every kind', () => {
    const words = ['汇总', '合计', '总计', '均值', '平均值', '店铺汇总值', '同行同层均值', 'Total', 'Average', '總計'];
    const grid = [['客服', '询单人数', '询单->最终付款人数'], ['小美', 10, 5], ...words.map((w) => [w, 1000, 500])];
    const result = run(grid);
    expect(result.agents.map((a) => a.agent)).toEqual(['小美']);
    expect(result.skipped.map((s) => s.row)).toEqual(words.map((_, i) => i + 3));
    expect(result.skipped[0]!.reason).toEqual({ zh: '汇总行「汇总」，已跳过', en: 'summary row "汇总", skipped' });
  });

  test('a summary word in the date or first column, the agent cell blank', () => {
    const grid = [['日期', '客服', '询单人数'], ['2026-11-01', '小美', 3], ['合计', '', 3], ['', '同行同层均值', 9]];
    const result = run(grid);
    expect(result.skipped.map((s) => [s.row, s.reason.en])).toEqual([[3, 'summary row "合计", skipped'], [4, 'summary row "同行同层均值", skipped']]);
  });

  test('a per-agent subtotal row (summary word in the first column) is skipped whether or not the agent came before', () => {
    const header = ['序号', '客服', '询单人数', '询单->最终付款人数'];
    const day = [1, '小美', 10, 5];
    const subtotal = ['小计', '小美', 10, 5];
    // Only the real row counts: 5 / 10 = 0.5, from 10 inquiries (not 20); the subtotal row is row 3 or row 2.
    for (const [grid, skippedRow] of [[[header, day, subtotal], 3], [[header, subtotal, day], 2]] as const) {
      const result = run(grid.map((r) => [...r]));
      expect(result.agents.map((a) => [a.agent, a.values.INQUIRY_CONVERSION])).toEqual([['小美', 0.5]]);
      expect(result.rowsUsed).toBe(1);
      expect(result.skipped.map((s) => [s.row, s.reason.en])).toEqual([[skippedRow, 'summary row "小计", skipped']]);
    }
    // Telling: 1 real row of 10 inquiries / 5 paid, and a subtotal restating 10 / 1 after it → still 5 / 10 = 0.5, not 6 / 20 = 0.3.
    const restated = run([header, day, ['小计', '小美', 10, 1]]);
    expect(restated.agents[0]!.values.INQUIRY_CONVERSION).toBe(0.5);
  });

  test('rows without an agent; blank rows pass silently', () => {
    const grid = [['客服', '询单人数'], ['小美', 3], ['', 5], ['-', 2], ['', ''], [null, null]];
    const result = run(grid);
    expect(result.skipped.map((s) => [s.row, s.reason.en])).toEqual([[3, 'no agent name, skipped'], [4, 'no agent name, skipped']]);
    expect(result.rowsUsed).toBe(1);
  });

  test('dates outside the month, blank or unreadable', () => {
    const grid = [
      ['统计日期', '客服', '询单人数', '询单->最终付款人数'],
      ['2026-10-31', '小美', 50, 50],
      ['2026-11-01', '小美', 10, 5],
      [new Date(Date.UTC(2026, 10, 30, 15, 59)), '小美', 10, 5], // 23:59 on the 30th in Shanghai
      [new Date(Date.UTC(2026, 10, 30, 16, 0)), '小美', 50, 50], // 00:00 on 1 December in Shanghai
      [20261115, '小美', 20, 10],
      ['', '小美', 1, 1],
      ['soon', '小美', 1, 1],
    ];
    const result = run(grid);
    expect(result.agents[0]!.values.INQUIRY_CONVERSION).toBe(0.5); // (5 + 5 + 10) / (10 + 10 + 20)
    expect(result.skipped.map((s) => [s.row, s.reason.en])).toEqual([
      [2, 'the date 2026-10-31 is outside 2026-11, skipped'],
      [5, 'the date 2026-12-01 is outside 2026-11, skipped'],
      [7, 'no date, skipped'],
      [8, 'the date "soon" cannot be read, skipped'],
    ]);
  });

  test('without a date column no row is skipped for its month', () => {
    expect(run([['客服', '询单人数'], ['小美', 3]], { month: '1999-01' }).skipped).toEqual([]);
  });

  test('row numbers count the header rows above the data', () => {
    const grid = [['报表'], ['日期', '客服', '询单', ''], ['', '', '人数', '最终付款人数'], ['2026-11-01', '', 1, 1]];
    expect(run(grid).skipped[0]!.row).toBe(4);
  });
});

describe('agent names', () => {
  test('a sub-account `店铺名:小美` (half- or full-width colon) is 小美', () => {
    const grid = [['旺旺', '询单人数', '询单->最终付款人数'], ['小店旗舰店:小美', 10, 5], ['小店旗舰店：小美', 30, 5], ['小美', 60, 10]];
    expect(valuesOf(grid)).toEqual({ 小美: { INQUIRY_CONVERSION: 0.2 } }); // 20 / 100
  });

  test('a bound alias maps an account or a nickname to one person', () => {
    const grid = [['客服', '询单人数'], ['小店:meimei', 1], ['阿美', 2]];
    const result = run(grid, { aliases: { meimei: '小美', 阿美: '小美' } });
    expect(result.agents.map((a) => a.agent)).toEqual(['小美']);
  });

  test('subAccountName keeps a name that is only a colon', () => {
    expect(subAccountName('店:')).toBe('店:');
    expect(subAccountName('a:b:小美')).toBe('小美');
    expect(subAccountName('小美')).toBe('小美');
  });

  test('subAccountName leaves formula-like and link-like names whole', () => {
    // The colon in a URL is not a shop separator: cutting there would invent a name.
    expect(subAccountName('=HYPERLINK("http://x")')).toBe('=HYPERLINK("http://x")');
    expect(subAccountName('http://x')).toBe('http://x');
    expect(subAccountName('+shop:小美')).toBe('+shop:小美');
    expect(subAccountName('ABC Store:Amy')).toBe('Amy');
    expect(subAccountName('小店旗舰店：小美')).toBe('小美');
  });

  // Rule 8: names match as a person reads them; the agent is shown as first written.
  test('Amy, amy, ＡＭＹ and Ａｍｙ are one agent, shown as the first spelling met', () => {
    const grid = [['客服', '询单人数', '询单->最终付款人数'], ['Amy', 10, 5], ['amy', 30, 5], ['ＡＭＹ', 40, 5], ['Ａｍｙ　', 20, 5]];
    const result = run(grid);
    expect(result.agents.map((a) => a.agent)).toEqual(['Amy']);
    expect(result.agents[0]!.values.INQUIRY_CONVERSION).toBe(0.2); // (5+5+5+5) / (10+30+40+20) = 20/100
  });

  test('工号 123 as a number and as text are one agent; 00123 is another', () => {
    const result = run([['客服', '询单人数'], [123, 1], ['123', 2], ['00123', 4]]);
    expect(result.agents.map((a) => a.agent)).toEqual(['123', '00123']);
  });

  test('店铺：小美 and 店铺:小美 are one account: ONLINE_HOURS divides by 1 account, not 2', () => {
    const grid = [['日期', '旺旺', '在线时长'], ['2026-11-01', '店铺：小美', 8], ['2026-11-02', '店铺:小美', 8]];
    expect(valuesOf(grid).小美!.ONLINE_HOURS).toBe(16); // (8 + 8) hours ÷ 1 account
    // Two shops' accounts of one person are two accounts: (8 + 8) ÷ 2.
    const two = [['日期', '旺旺', '在线时长'], ['2026-11-01', '店铺A:小美', 8], ['2026-11-01', '店铺B:小美', 8]];
    expect(valuesOf(two).小美!.ONLINE_HOURS).toBe(8);
  });

  test('aliases match by key too: an alias written MeiMei binds ｍｅｉｍｅｉ and 小店：meimei', () => {
    const grid = [['客服', '询单人数'], ['ｍｅｉｍｅｉ', 1], ['小店：meimei', 2], ['小美', 4]];
    const result = run(grid, { aliases: { MeiMei: '小美' } });
    expect(result.agents.map((a) => a.agent)).toEqual(['小美']);
  });

  test('numeric agent ids (工号) are names too', () => {
    expect(run([['客服', '询单人数'], [1001, 3]]).agents[0]!.agent).toBe('1001');
  });

  test('an agent called __proto__ is just a name', () => {
    const result = run([['客服', '投诉笔数'], ['__proto__', 2], ['constructor', 1]], { aliases: {} });
    expect(result.agents.map((a) => [a.agent, a.values.COMPLAINT_COUNT_28D])).toEqual([['__proto__', 2], ['constructor', 1]]);
  });
});

describe('bad input never throws', () => {
  test('sums beyond what a number holds give no figure and a warning, never Infinity', () => {
    // 1e308 + 1e308 = ∞ complaints; 1 / (1e308 + 1e308) orders … the count itself overflows
    const result = run([['客服', '投诉笔数', '订单数'], ['小美', 1e308, 10], ['小美', 1e308, 10], ['阿杰', 1, 10]]);
    expect(result.agents.map((a) => a.values.COMPLAINT_COUNT_28D)).toEqual(['', 1]);
    // ∞ ÷ 20 orders is no rate either
    expect(result.agents[0]!.values.COMPLAINT_RATE_28D).toBe('');
    expect(result.warnings.map((w) => w.zh)).toEqual([
      '小美 的「投诉笔数(近28天)」无法计算：数值超出可计算范围，请检查来源列（投诉笔数）',
      '小美 的「投诉率(近28天)」无法计算：数值超出可计算范围，请检查来源列（投诉笔数、订单数）',
    ]);
  });

  test('unreadable and negative cells count as blank, reported once per column with their rows', () => {
    const grid = [['客服', '询单人数', '询单->最终付款人数'], ['小美', 'abc', 1], ['小美', 10, -2], ['小美', 10, 4]];
    const result = run(grid);
    expect(result.agents[0]!.values.INQUIRY_CONVERSION).toBe(0.25); // (1 + 4) / (10 + 10)
    expect(result.warnings.map((w) => w.en)).toEqual([
      'column "询单人数": 1 cell cannot be read as numbers (rows 2); counted as blank',
      'column "询单->最终付款人数": 1 negative or out-of-range value (rows 3); counted as blank',
    ]);
  });

  test('no agent column: one warning, no rows', () => {
    const result = run([['询单人数'], [3]]);
    expect(result.agents).toEqual([]);
    expect(result.skipped).toEqual([]);
    expect(result.warnings[0]!.en).toMatch(/^no agent column was recognised/);
  });

  test('no metric column: a warning, agents listed without values', () => {
    const result = run([['客服', '备注'], ['小美', 'x']]);
    expect(result.agents).toEqual([{ agent: '小美', values: {}, sources: {} }]);
    expect(result.availableMetrics).toEqual([]);
    expect(result.warnings[0]!.en).toMatch(/^no metric can be computed/);
  });

  test('a malformed month is a UserError naming the format', () => {
    expect(() => run([['客服'], ['小美']], { month: '2026-13' })).toThrow(UserError);
    try {
      run([['客服'], ['小美']], { month: 'Nov' });
      expect.unreachable();
    } catch (e) {
      expect((e as UserError).msg.en).toBe('the month must be YYYY-MM (e.g. 2026-11), got "Nov"');
    }
  });

  test('ragged rows and non-array rows', () => {
    const grid = [['客服', '询单人数', '询单->最终付款人数'], ['小美'], 'junk' as unknown as unknown[], ['小美', 4, 1]];
    expect(valuesOf(grid).小美!.INQUIRY_CONVERSION).toBe(0.25);
  });

  test('a very long listing of skipped rows is capped and counted', () => {
    const grid: unknown[][] = [['日期', '客服', '询单人数']];
    for (let i = 0; i < 1005; i++) grid.push(['2026-10-01', '小美', 1]);
    const result = run(grid);
    expect(result.skipped).toHaveLength(1000);
    expect(result.warnings[0]!.en).toBe('5 more rows were skipped and are not listed one by one');
  });
});

describe('availableMetrics and sources', () => {
  test('only the metrics whose columns are mapped, in catalogue order', () => {
    const grid = [['客服', '差评数', '订单数', '询单人数', '询单->最终付款人数', '退货数']];
    expect(run(grid).availableMetrics).toEqual(['INQUIRY_CONVERSION', 'BAD_REVIEW_RATE', 'RETURN_RATE']);
  });

  test('a bare mapping without headers names its sources by column number', () => {
    const grid = [['小美', 10, 4]];
    expect(aggregate(grid, { headerRows: 0, mapping: { agent: 0, inquiring_buyers: 1, paid_buyers: 2 } }, NOV).agents[0]!.sources)
      .toEqual({ INQUIRY_CONVERSION: ['#3', '#2'] });
  });

  test('a correction of the mapping changes what is computed', () => {
    const grid = [['名字', '人数', '成交'], ['小美', 10, 4]];
    const recognition = recognise(grid, { '0': 'agent', '1': 'inquiring_buyers', '2': 'paid_buyers' });
    expect(aggregate(grid, recognition, NOV).agents).toEqual([
      { agent: '小美', values: { INQUIRY_CONVERSION: 0.4 }, sources: { INQUIRY_CONVERSION: ['成交', '人数'] } },
    ]);
  });
});

describe('monthDays', () => {
  test('first and last calendar day, December and February included', () => {
    expect(monthDays('2026-11')).toEqual({ first: daysFromCivil(2026, 11, 1), last: daysFromCivil(2026, 11, 30) });
    expect(monthDays('2026-12').last).toBe(daysFromCivil(2026, 12, 31));
    expect(monthDays('2028-02').last).toBe(daysFromCivil(2028, 2, 29));
  });
});
