/**
 * Issue 8 items 3–5 and "no Infinity or NaN" where a user meets them: the built bundle (`dist/`, as
 * Apps Script loads it) called like Sheets calls custom functions, and the server's build of the
 * 考核 tab in the in-memory spreadsheet. `npm test` builds dist/ first. Expected values are hand-computed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutOf, readResults, startRuntime, type Runtime } from '../dev/local/appraise';
import { PRESETS } from '../src/appraisal';

const MONTH = '2026-11';
const TAB = '考核 2026-11';
const AS_OF = '2026-11-28';
let fns: Runtime['ctx'];

beforeAll(() => {
  fns = startRuntime().ctx;
});

const col = (...cells: unknown[]) => cells.map((c) => [c]);
const call = (id: string, ...args: unknown[]) => (fns[id] as unknown as (...a: unknown[]) => unknown)(...args);

describe('custom functions: keys match as a person reads them (rule 8)', () => {
  it('REFUND_COUNT_28D per agent: Amy, amy, ＡＭＹ are one agent; a blank key answers ""', () => {
    const dates = col(AS_OF, AS_OF, AS_OF, AS_OF);
    const rowKeys = col('Amy', 'amy', 'ＡＭＹ', 'Bob');
    // amy: 3 refunds; BOB: 1; blank: ""
    expect(call('REFUND_COUNT_28D', dates, AS_OF, rowKeys, col('amy', 'BOB', ''))).toEqual(col(3, 1, ''));
  });

  it('REFUND_RATE_28D per sub-account: 店铺：小美 refunds over 店铺:小美 orders', () => {
    // 1 refund ÷ 4 orders = 0.25
    expect(call('REFUND_RATE_28D', col(AS_OF), col(AS_OF, AS_OF, AS_OF, AS_OF), AS_OF, col('店铺：小美'), col('店铺:小美', '店铺:小美', '店铺：小美', '店铺:小美'), '店铺:小美')).toBe(0.25);
  });

  it('the number 123 is agent "123", but 00123 is another', () => {
    expect(call('COMPLAINT_COUNT_28D', col(AS_OF, AS_OF, AS_OF), AS_OF, col(123, '123', '00123'), col('123', '00123'))).toEqual(col(2, 1));
  });
});

describe('custom functions: WEIGHTED_SCORE forms, no Infinity, rule 9', () => {
  it('per-row weight blocks: (80×60 + 90×40) ÷ 100 = 84; (70×20 + 100×80) ÷ 100 = 94', () => {
    expect(call('WEIGHTED_SCORE', [[80, 90], [70, 100]], [[60, 40], [20, 80]])).toEqual(col(84, 94));
  });

  it('a vertical template: (100×60 + 50×40) ÷ 100 = 80 and (70×60 + 70×40) ÷ 100 = 70, one per column', () => {
    expect(call('WEIGHTED_SCORE', [[100, 70], [50, 70]], col(60, 40))).toEqual([[80, 70]]);
  });

  it('AOV("1e308", "1e-308") is #NUM!, not Infinity', () => {
    expect(call('AOV', '1e308', '1e-308')).toBe('#NUM!');
  });

  it('a checkbox in a count is #VALUE!; a blank total graded is ""', () => {
    expect(call('INQUIRY_CONVERSION', col(true, 1), col(10, 4))).toEqual(col('#VALUE!', 0.25));
    expect(call('KPI_GRADE', col(96, ''))).toEqual(col('S', ''));
  });
});

describe('the 考核 tab built by the server', () => {
  const template = PRESETS.presale.template;

  function build(rt: Runtime, sheetName: string) {
    // These exports hold a few columns only: presale's items they lack are built as 无数据 (without the
    // choice, the build refuses them; test/server/tab-guard.test.ts).
    const buildWithout = template.items.flatMap((i) => ('metric' in i ? [i.metric] : []));
    const reply = rt.ctx.kk_buildAppraisal!({ sheetName, month: MONTH, template, buildWithout });
    expect(reply.ok, JSON.stringify(reply.error ?? '')).toBe(true);
    return reply.value;
  }

  it('Amy, amy and Ａｍｙ in the export are one agent row, shown as first written, summed Σ/Σ', () => {
    const rt = startRuntime();
    rt.fake.book.addSheet('数据', [
      ['日期', '客服', '询单人数', '询单->最终付款人数'],
      ['2026-11-01', 'Amy', 10, 2],
      ['2026-11-02', 'amy', 30, 8],
      ['2026-11-03', 'Ａｍｙ', 60, 30],
      ['2026-11-01', 'Bob', 10, 5],
    ]);
    expect(build(rt, '数据').agents).toBe(2);
    const results = readResults(rt, TAB);
    // A first build ranks them: Bob's 5 ÷ 10 = 0.5 converts better than Amy's 0.4.
    expect(results.agents.map((a) => a.agent)).toEqual(['Bob', 'Amy']);
    // Amy: (2 + 8 + 30) ÷ (10 + 30 + 60) = 40 ÷ 100 = 0.4
    expect(results.agents[1]!.values.INQUIRY_CONVERSION).toBe(0.4);
  });

  it('a score typed for Amy survives a rebuild from an export spelling her ＡＭＹ; no grey row is left behind', () => {
    const rt = startRuntime();
    rt.fake.book.addSheet('数据', [['客服', '询单人数', '询单->最终付款人数'], ['Amy', 10, 4], ['Bob', 10, 5]]);
    build(rt, '数据');
    const layout = layoutOf(rt, TAB);
    const names = rt.fake.book.values(TAB).map((r) => r[layout.agentColumn - 1]);
    const row = names.indexOf('Amy') + 1;
    rt.fake.book.typeCell(TAB, row, layout.manualColumns['工作态度']!, '88');
    rt.fake.book.typeCell(TAB, row, layout.remarkColumn, '夜班');

    rt.fake.book.addSheet('数据 2', [['客服', '询单人数', '询单->最终付款人数'], ['ＡＭＹ', 20, 8], ['Bob', 10, 5]]);
    const reply = build(rt, '数据 2');
    expect(reply.vanished).toEqual([]);
    const after = layoutOf(rt, TAB);
    expect(after.vanishedCount).toBe(0);
    const results = readResults(rt, TAB);
    // This month's data spells her ＡＭＹ: the row follows the data, the typed 88 and the remark follow her.
    const amy = results.agents.find((a) => a.agent === 'ＡＭＹ')!;
    expect(amy.manual['工作态度']).toBe(88);
    const grid = rt.fake.book.values(TAB);
    const amyRow = grid.find((r) => r[after.agentColumn - 1] === 'ＡＭＹ')!;
    expect(amyRow[after.remarkColumn - 1]).toBe('夜班');
  });

  it('per-day 平均响应时长 without reply counts: weighted by 接待人数, and the header note says so', () => {
    const rt = startRuntime();
    rt.fake.book.addSheet('数据', [
      ['日期', '客服', '接待人数', '询单人数', '询单->最终付款人数', '平均响应时长'],
      ['2026-11-01', '小美', 100, 50, 20, 30],
      ['2026-11-02', '小美', 300, 50, 20, 20],
    ]);
    build(rt, '数据');
    const layout = layoutOf(rt, TAB);
    const results = readResults(rt, TAB);
    // (30×100 + 20×300) ÷ 400 = 22.5 s
    expect(results.agents[0]!.values.AVG_RESPONSE_TIME).toBe(22.5);
    const notes = rt.fake.book.formats(TAB).notes;
    const column = layout.valueColumns.AVG_RESPONSE_TIME!;
    const headerNote = notes.map((r) => r[column - 1]).find((n) => n.startsWith('来源列'));
    expect(headerNote).toBe('来源列：平均响应时长、接待人数（数据中没有「响应总时长」和「人工回复次数」，无法按月合计后计算；按每行的「接待人数」加权平均各行的值）');
    // The conversion is made of summed counts: its note may say so.
    const conversion = notes.map((r) => r[layout.valueColumns.INQUIRY_CONVERSION! - 1]).find((n) => n.startsWith('来源列'));
    expect(conversion).toBe('来源列：询单->最终付款人数、询单人数（按月合计后计算）');
  });
});
