/**
 * The fixture exports of four back-ends (samples/generate-sources.ts): each recognised column by
 * column, and one month stacked from all four with the person binding, its figures computed by
 * hand beside each expectation.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { chituXlsx, dongdongCsv, feigeCsv, peopleCsv, sycmGbk } from '../../samples/generate-sources';
import { recognise } from '../../src/appraisal/headers';
import { proposeBindings, readBindings } from '../../src/appraisal/people';
import { aggregateSources, type Source } from '../../src/appraisal/stack';
import { firstNonEmpty, readTableFile } from '../../src/files';

const FILES = ['chitu-2026-11.xlsx', 'sycm-2026-11.csv', 'feige-2026-11.csv', 'dongdong-2026-11.csv'] as const;
const bytes = (name: string) => new Uint8Array(readFileSync(`samples/${name}`));
const grids = Object.fromEntries(await Promise.all(FILES.map(async (f) => [f, firstNonEmpty(await readTableFile(f, bytes(f)))!.rows] as const)));
const fieldsOf = (f: (typeof FILES)[number]) => recognise(grids[f]!).columns.map((c) => c.field);
const sources = (names: readonly (typeof FILES)[number][]): Source[] => names.map((name) => ({ name, grid: grids[name]!, recognition: recognise(grids[name]!) }));
const people = readBindings(firstNonEmpty(await readTableFile('people-2026-11.csv', bytes('people-2026-11.csv')))!.rows);

describe('the fixture files', () => {
  test('are what the generator writes (生意参谋 in GBK, the others UTF-8 with BOM)', () => {
    expect(readFileSync('samples/feige-2026-11.csv', 'utf8')).toBe(feigeCsv());
    expect(readFileSync('samples/dongdong-2026-11.csv', 'utf8')).toBe(dongdongCsv());
    expect(readFileSync('samples/people-2026-11.csv', 'utf8')).toBe(peopleCsv());
    expect(bytes('sycm-2026-11.csv')).toEqual(sycmGbk());
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes('sycm-2026-11.csv'))).toThrow();
    expect(bytes('chitu-2026-11.xlsx').length).toBe(chituXlsx().length);
  });
});

describe('recognised column by column', () => {
  test('赤兔: all 18 columns; 退款率 (a money rate where refunds are counted in yuan) only suggested', () => {
    expect(fieldsOf('chitu-2026-11.xlsx')).toEqual([
      'agent', 'received', 'buyers_served', 'inquiring_buyers', 'next_day_paid_buyers', 'paid_buyers', 'conversion_rate', 'inquiry_sales',
      'sales', 'buyers', 'sales_units', 'aov', 'units_per_customer', 'answer_ratio', 'avg_response_seconds', 'replies', 'refund_amount', null,
    ]);
    const r = recognise(grids['chitu-2026-11.xlsx']!);
    expect(r.suggestions?.map((s) => [s.index, s.header, s.field])).toEqual([[17, '退款率', 'refund_rate']]);
    expect(r.mapping).not.toHaveProperty('refund_rate');
    // Confirming the suggestion is a correction of that column.
    expect(recognise(grids['chitu-2026-11.xlsx']!, { '17': 'refund_rate' }).mapping.refund_rate).toBe(17);
    expect(recognise(grids['chitu-2026-11.xlsx']!, { '17': 'refund_rate' }).suggestions).toBeUndefined();
  });

  test('生意参谋 (GBK, a title line above the header): all 13 columns, 支付子订单数 included', () => {
    expect(recognise(grids['sycm-2026-11.csv']!).headerRows).toBe(2);
    expect(fieldsOf('sycm-2026-11.csv')).toEqual([
      'date', 'agent', 'buyers_served', 'paid_sub_orders', 'paid_orders', 'placed_orders', 'refunds', 'disputes', 'complaints', 'bad_reviews',
      'returns', 'dsr_service', 'ratings',
    ]);
  });

  test('飞鸽: all 16 columns (客服账号, 人工接待人数, 3分钟人工回复率, 平均首响时长, 满意率, 不满意率 …)', () => {
    expect(fieldsOf('feige-2026-11.csv')).toEqual([
      'date', 'agent', 'buyers_served', 'received', 'inquiring_buyers', 'paid_buyers', 'inquiry_sales', 'reply_rate_3min', 'messages',
      'avg_first_response_seconds', 'avg_response_seconds', 'replies', 'satisfaction_rate', 'dissatisfaction_rate', 'rated', 'complaints',
    ]);
    expect(recognise(grids['feige-2026-11.csv']!).suggestions).toBeUndefined();
  });

  test('咚咚: all 13 columns (首次30秒应答率, 咨询差评率, 会话数 …)', () => {
    expect(fieldsOf('dongdong-2026-11.csv')).toEqual([
      'agent', 'received', 'buyers_served', 'inquiring_buyers', 'paid_buyers', 'inquiry_sales', 'response_rate_30s', 'sessions',
      'reply_rate_3min', 'messages', 'dissatisfaction_rate', 'rated', 'satisfaction_rate',
    ]);
  });

  test('a header that only resembles a field is suggested, not mapped', () => {
    const r = recognise([['客服', '本月买家满意率', '本月不满意率', '备注'], ['小美', '95%', '1%', 'x']]);
    expect(r.columns.map((c) => c.field)).toEqual(['agent', null, null, null]);
    expect(r.suggestions?.map((s) => [s.index, s.field])).toEqual([[1, 'satisfaction_rate'], [2, 'dissatisfaction_rate']]);
    expect(r.suggestions?.[0]!.reason.zh).toContain('请确认');
  });
});

describe('the person binding', () => {
  test('people-2026-11.csv: seven accounts of three people', () => {
    expect(people.warnings).toEqual([]);
    expect(people.bindings).toHaveLength(7);
    expect(people.bindings[1]).toEqual({ account: 'xiaomei', person: '小美', platform: '抖店' });
  });

  test('proposed from the data: same name after the shop prefix or platform tag, as keys (rule 8); the rest stays itself', () => {
    const proposed = proposeBindings([
      { source: '数据 chitu-2026-11', accounts: ['旗舰店:小美', '旗舰店:阿杰'] },
      { source: '数据 feige-2026-11', accounts: ['xiaomei', '阿杰-抖店', 'ＸＩＡＯＭＥＩ'] },
      { source: '数据 dongdong-2026-11', accounts: ['小美-京东', '小美（京东）'] },
    ]);
    expect(proposed).toEqual([
      { account: '旗舰店:小美', person: '小美', platform: '淘宝' },
      { account: '旗舰店:阿杰', person: '阿杰', platform: '淘宝' },
      { account: 'xiaomei', person: 'xiaomei', platform: '抖店' },
      { account: '阿杰-抖店', person: '阿杰', platform: '抖店' },
      { account: '小美-京东', person: '小美', platform: '京东' },
      { account: '小美（京东）', person: '小美', platform: '京东' },
    ]);
    // What the manager confirmed before is kept.
    const again = proposeBindings([{ source: 'feige', accounts: ['xiaomei'] }], [{ account: 'XiaoMei', person: '小美', platform: '抖店' }]);
    expect(again).toEqual([{ account: 'xiaomei', person: '小美', platform: '抖店' }]);
  });

  test('an account bound to two people is reported and its first binding kept', () => {
    const r = readBindings([['账号', '人员'], ['xiaomei', '小美'], ['XIAOMEI', '晓雯'], ['', ''], ['阿杰', '']]);
    expect(r.bindings).toEqual([{ account: 'xiaomei', person: '小美', platform: '' }]);
    expect(r.warnings.map((w) => w.zh)).toEqual([
      '账号「XIAOMEI」在人员对照中对应两个人（小美、晓雯），按第一行「小美」计算',
      '人员对照中「阿杰」缺少人员，这一行未使用',
    ]);
  });
});

describe('a month stacked from four exports with the binding', () => {
  const data = aggregateSources(sources(FILES), { month: '2026-11', timeZone: 'Asia/Shanghai', bindings: people.bindings });
  const of = (agent: string) => data.agents.find((a) => a.agent === agent)!;

  test('one row per person, every account merged', () => {
    expect(data.agents.map((a) => a.agent)).toEqual(['小美', '阿杰', '晓雯']);
    expect(of('小美').accounts).toEqual(['旗舰店:小美', 'xiaomei', '小美-京东']);
    expect(of('晓雯').accounts).toBeUndefined();
  });

  test('figures from whichever file holds them, Σ numerator ÷ Σ denominator across files', () => {
    const v = of('小美').values;
    expect(v.INQUIRY_CONVERSION).toBeCloseTo(148 / 310, 12); // paid 100 (赤兔) + 20 + 8 (飞鸽) + 20 (咚咚) ÷ inquiring 200 + 40 + 20 + 50
    expect(v.INQUIRY_AOV).toBeCloseTo(22000 / 148, 12); // 15000 + 3000 + 1200 + 2800 yuan ÷ 148 buyers
    expect(v.AOV).toBeCloseTo(20000 / 130, 12); // 赤兔 only: 销售额 ÷ 销售人数
    expect(v.REPLY_RATE_3MIN).toBeCloseTo(545 / 600, 12); // 0.9×200 + 0.8×100 (飞鸽) + 0.95×300 (咚咚) ÷ 600 messages
    expect(v.SATISFACTION_RATE).toBeCloseTo(103 / 115, 12); // 0.9×50 + 0.8×25 + 0.95×40 ÷ 115 rated
    expect(v.DISSATISFACTION_RATE).toBeCloseTo(2.4 / 115, 12); // 0.02×50 + 0.04×25 + 0.01×40 ÷ 115
    expect(v.RESPONSE_RATE_30S).toBeCloseTo(0.9, 12); // 咚咚 only, 90 % of 100 sessions
    expect(v.FIRST_RESPONSE_TIME).toBeCloseTo(1100 / 80, 12); // 飞鸽: 10 s × 50 + 20 s × 30 ÷ 80 served
    expect(v.AVG_RESPONSE_TIME).toBeCloseTo(22500 / 1200, 12); // 18×1000 (赤兔) + 20×150 + 30×50 (飞鸽) ÷ 1200 replies
    expect(v.REFUND_RATE_28D).toBeCloseTo(5 / 115, 12); // 生意参谋: 3 + 2 refunds ÷ 60 + 55 paid orders
    expect(v.DSR_SERVICE_180D).toBeCloseTo(4.84, 12); // (4.8×30 + 4.9×20) ÷ 50
    expect(v.COMPLAINT_COUNT_28D).toBe(2); // 飞鸽 0 + 1, 生意参谋 0 + 1 (October's 2 skipped)

    const a = of('阿杰').values;
    expect(a.INQUIRY_CONVERSION).toBeCloseTo(84 / 230, 12); // 60 + 9 + 3 + 12 ÷ 150 + 30 + 10 + 40
    expect(a.REPLY_RATE_3MIN).toBeCloseTo(0.9, 12); // 0.95×100 + 0.85×100 + 0.9×100 ÷ 300
    expect(a.SATISFACTION_RATE).toBeCloseTo(124 / 140, 12); // 0.92×50 + 0.88×50 + 0.85×40 ÷ 140
    expect(a.DISSATISFACTION_RATE).toBeCloseTo(3 / 140, 12); // 0.01×50 + 0.03×50 + 0.025×40 ÷ 140
    expect(a.RESPONSE_RATE_30S).toBeCloseTo(0.8, 12);
    expect(a.REFUND_RATE_28D).toBeCloseTo(3 / 65, 12); // 2 + 1 ÷ 35 + 30
    expect(a.DSR_SERVICE_180D).toBeCloseTo(4.75, 12); // (4.7×20 + 4.8×20) ÷ 40

    const x = of('晓雯').values;
    expect(x.INQUIRY_CONVERSION).toBeCloseTo(0.45, 12); // 45 ÷ 100
    expect(x.REPLY_RATE_3MIN).toBe(''); // no 飞鸽 / 咚咚 account: no basis, blank (never 0)
    expect(x.DSR_SERVICE_180D).toBeCloseTo(4.95, 12); // (4.9×10 + 5.0×10) ÷ 20
  });

  test('summary rows and October are skipped, each named with its file and own row', () => {
    expect(data.skipped.map((s) => s.reason.zh)).toEqual([
      '「chitu-2026-11.xlsx」第 5 行：汇总行「汇总」，已跳过',
      '「sycm-2026-11.csv」第 9 行：汇总行「合计」，已跳过',
      '「feige-2026-11.csv」第 2 行：日期 2026-10-31 不在 2026-11 内，已跳过',
    ]);
  });

  test('接待人数 of the same 淘宝 account in 赤兔 and 生意参谋 is reported as a possible double count', () => {
    const doubles = data.warnings.filter((w) => w.zh.startsWith('可能重复计算'));
    expect(doubles.map((w) => w.zh.slice(0, 60))).toEqual(['小美', '阿杰', '晓雯'].map((p) =>
      `可能重复计算：${p} 的「接待人数」同时来自「chitu-2026-11.xlsx」和「sycm-2026-11.csv」（2 天），已相加；若是同一数据，请在其中一个文件`.slice(0, 60)));
    // 飞鸽 and 咚咚 also report 接待人数, but for other platforms' accounts: summed without a word.
    expect(doubles.every((w) => !w.zh.includes('feige') && !w.zh.includes('dongdong'))).toBe(true);
  });

  test('a file whose rate column has no weight where the others have one is named', () => {
    const noWeight = sources(['feige-2026-11.csv', 'dongdong-2026-11.csv']);
    noWeight[1]!.recognition = recognise(grids['dongdong-2026-11.csv']!, { '11': null });
    const r = aggregateSources(noWeight, { month: '2026-11', timeZone: 'Asia/Shanghai', metrics: ['SATISFACTION_RATE'] });
    expect(r.warnings.map((w) => w.zh)).toContain('「dongdong-2026-11.csv」缺少「参评数」，其他文件有：这个文件的「满意率」无法与其他文件一起按 Σ/Σ 计算，结果可能不准，请检查列映射');
  });
});
