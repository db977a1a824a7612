/**
 * The person binding and the sidebar's memory through the server functions, as Apps Script runs
 * them (the built bundle over the in-memory spreadsheet).
 */
import { describe, expect, test } from 'vitest';
import { PRESETS } from '../../src/appraisal';
import { startRuntime } from '../../dev/local/appraise';

const FEIGE = [
  ['日期', '客服账号', '询单人数', '成交人数', '投诉数'],
  ['2026-11-01', 'xiaomei', 40, 20, 1],
  ['2026-11-01', '旗舰店:阿杰', 30, 9, 0],
];
const QIANNIU = [['客服', '询单人数', '询单->最终付款人数'], ['旗舰店:小美', 100, 50], ['阿杰', 80, 20]];

function runtime() {
  const rt = startRuntime();
  rt.fake.book.addSheet('飞鸽', FEIGE);
  rt.fake.book.addSheet('千牛', QIANNIU);
  return rt;
}

describe('kk_proposePeople / kk_savePeople', () => {
  test('proposes every account, saves the confirmed binding to 人员对照, and keeps it on the next proposal', () => {
    const rt = runtime();
    const proposed = rt.ctx.kk_proposePeople!({ sources: [{ sheetName: '千牛' }, { sheetName: '飞鸽' }] });
    expect(proposed.ok).toBe(true);
    expect(proposed.value.saved).toBe(false);
    expect(proposed.value.bindings).toEqual([
      { account: '旗舰店:小美', person: '小美', platform: '淘宝' }, // 千牛 → 淘宝
      { account: '阿杰', person: '阿杰', platform: '淘宝' },
      { account: 'xiaomei', person: 'xiaomei', platform: '抖店' }, // 飞鸽 → 抖店; pinyin: the manager decides
      { account: '旗舰店:阿杰', person: '阿杰', platform: '抖店' },
    ]);
    const confirmed = proposed.value.bindings.map((b: { account: string }) => (b.account === 'xiaomei' ? { ...b, person: '小美' } : b));
    const saved = rt.ctx.kk_savePeople!({ bindings: [...confirmed, { account: '=HYPERLINK("x")', person: '某人', platform: '' }] });
    expect(saved.value).toEqual({ sheetName: '人员对照', rows: 5 });
    const tab = rt.fake.book.values('人员对照');
    expect(tab[3]).toEqual(['xiaomei', '小美', '抖店']);
    expect(rt.fake.book.formulas('人员对照').flat().every((f: string) => f === '')).toBe(true); // text stays text
    const again = rt.ctx.kk_proposePeople!({ sources: [{ sheetName: '飞鸽' }] });
    expect(again.value.saved).toBe(true);
    expect(again.value.bindings[0]).toEqual({ account: 'xiaomei', person: '小美', platform: '抖店' });
    expect(again.value.bindings).toHaveLength(5); // the other accounts' rows stay in the tab
  });

  test('a binding longer than a new tab (1,500 accounts) is saved whole: the tab is grown first, as Sheets needs', () => {
    const rt = runtime();
    const bindings = Array.from({ length: 1500 }, (_, i) => ({ account: `店:客服${i}`, person: `客服${i}`, platform: '淘宝' }));
    const saved = rt.ctx.kk_savePeople!({ bindings });
    expect(saved.value).toEqual({ sheetName: '人员对照', rows: 1500 });
    const tab = rt.fake.book.values('人员对照');
    expect(tab).toHaveLength(1501); // the header and every binding
    expect(tab[1500]).toEqual(['店:客服1499', '客服1499', '淘宝']);
    // Saved again over the tab now 1,501 rows long: nothing to grow, the rows replaced.
    expect(rt.ctx.kk_savePeople!({ bindings: bindings.slice(0, 3) }).value.rows).toBe(3);
    expect(rt.fake.book.values('人员对照')[3]).toEqual(['店:客服2', '客服2', '淘宝']);
  });

  test('refuses a binding row without a person, and bad source lists', () => {
    const rt = runtime();
    expect(rt.ctx.kk_savePeople!({ bindings: [{ account: 'a', person: '' }] }).error.zh).toContain('人员对照第 1 行的人员无效');
    expect(rt.ctx.kk_proposePeople!({ sources: [] }).error.zh).toContain('请选择 1–20 个数据表');
    expect(rt.ctx.kk_proposePeople!({ sources: [{ sheetName: '千牛' }, { sheetName: '千牛' }] }).error.zh).toContain('选了两次');
    expect(rt.fake.book.sheetNames()).not.toContain('人员对照');
  });

  test('a build with people: true sums the bound accounts of both tabs into one row per person', () => {
    const rt = runtime();
    rt.fake.book.addSheet('人员对照', [['账号', '人员'], ['xiaomei', '小美']]);
    const template = { ...PRESETS.presale.template, items: [{ metric: 'INQUIRY_CONVERSION', weight: 100, floor: 0.3, target: 0.5, method: 'linear' }] };
    const reply = rt.ctx.kk_buildAppraisal!({ sheetName: '千牛', sources: [{ sheetName: '千牛' }, { sheetName: '飞鸽' }], people: true, month: '2026-11', template });
    expect(reply.ok, JSON.stringify(reply.error)).toBe(true);
    expect(reply.value.agents).toBe(2); // 小美 (旗舰店:小美 + xiaomei), 阿杰 (阿杰 + 旗舰店:阿杰 by the shop prefix)
  });
});

describe('what the sidebar remembers per document', () => {
  test('corrections per kind of export (by its headers), the last template and month', () => {
    const rt = runtime();
    const first = rt.ctx.kk_analyseData!({ sheetName: '飞鸽', month: '2026-11' });
    expect(first.value.corrections).toBeUndefined();
    expect(first.value.columns[4].field).toBe('complaints');
    rt.ctx.kk_analyseData!({ sheetName: '飞鸽', month: '2026-11', mapping: { '4': null } });
    // Another tab with the same headers in another order: the correction follows the header.
    rt.fake.book.addSheet('飞鸽 12月', [['客服账号', '投诉数', '日期', '成交人数', '询单人数'], ['xiaomei', 1, '2026-12-01', 2, 4]]);
    const other = rt.ctx.kk_analyseData!({ sheetName: '飞鸽 12月', month: '2026-12' });
    expect(other.value.corrections).toEqual({ '1': null });
    expect(other.value.columns[1].field).toBeNull();
    // 千牛's headers are another kind: nothing remembered for it.
    expect(rt.ctx.kk_analyseData!({ sheetName: '千牛', month: '2026-11' }).value.corrections).toBeUndefined();

    expect(rt.ctx.kk_getState!({}).value.remembered).toEqual({ template: null, month: null });
    const template = PRESETS.mixed.template;
    expect(rt.ctx.kk_buildAppraisal!({ sheetName: '千牛', month: '2026-10', template: { ...template, items: [{ metric: 'INQUIRY_CONVERSION', weight: 100, floor: 0.3, target: 0.5, method: 'linear' }] } }).ok).toBe(true);
    const remembered = rt.ctx.kk_getState!({}).value.remembered;
    expect(remembered.month).toBe('2026-10');
    expect(remembered.template.items).toEqual([{ metric: 'INQUIRY_CONVERSION', weight: 100, floor: 0.3, target: 0.5, method: 'linear' }]);
  });
});
