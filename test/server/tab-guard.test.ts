/**
 * The build's guards (issue #7 items 1, 2, 6), each case through the built bundle against the
 * in-memory spreadsheet: the tab remembers its template and a different one is a confirmed
 * choice; items without data stop the build unless accepted as 无数据; an unreadable tag and
 * Sheets' limits refuse before anything is written; a failed first build removes its tab.
 */
import { describe, expect, test } from 'vitest';
import { PRESETS, aggregate, coverageOf, expectedResults, inputsFromRows, recognise, withoutItems, type Template } from '../../src/appraisal';
import { TAB_TAG_KEY } from '../../src/appraisal/plan-types';
import { layoutOf, readResults, startRuntime, type Runtime } from '../../dev/local/appraise';
import { syntheticExport } from '../../scripts/synthetic';

const MONTH = '2026-11';
const TAB = '考核 2026-11';
const mixed = PRESETS.mixed.template as Template;

/** The saved template: conversion 80, 工作态度 20 scored out of 10, bonus base 2000. */
const saved: Template = {
  version: 1,
  name: '我们店的模板',
  items: [
    { metric: 'INQUIRY_CONVERSION', weight: 80, floor: 0.3, target: 0.5, method: 'linear' },
    { manual: '工作态度', weight: 20, max: 10 },
  ],
  grades: [
    { min: 90, grade: 'S', coefficient: 1.2 },
    { min: 75, grade: 'A', coefficient: 1.1 },
    { min: 0, grade: 'B', coefficient: 1 },
  ],
  bonusBase: 2000,
};

/** Only the inquiry columns: INQUIRY_CONVERSION can be computed, nothing else. */
const INQUIRIES = [
  ['客服', '询单人数', '询单->最终付款人数'],
  ['小美', 100, 40],
  ['阿杰', 100, 50],
];

function runtimeWith(rows: readonly (readonly (string | number)[])[]): Runtime {
  const rt = startRuntime();
  rt.fake.book.addSheet('数据', rows as (string | number)[][]);
  rt.fake.calls.reset();
  return rt;
}

function build(rt: Runtime, template: unknown, extra: Record<string, unknown> = {}) {
  return rt.ctx.kk_buildAppraisal!({ sheetName: '数据', month: MONTH, template, ...extra });
}

/** Everything a viewer could see of the book, and the document properties. */
function snapshot(rt: Runtime) {
  return {
    sheets: rt.fake.book.sheetNames().map((name) => ({
      name, formulas: rt.fake.book.formulas(name), values: rt.fake.book.values(name), metadata: rt.fake.book.metadata(name),
    })),
    properties: rt.fake.book.properties.document.all(),
  };
}

function typeManual(rt: Runtime, agent: string, item: string, text: string) {
  const layout = layoutOf(rt, TAB);
  const row = rt.fake.book.values(TAB).findIndex((r) => r[layout.agentColumn - 1] === agent) + 1;
  rt.fake.book.typeCell(TAB, row, layout.manualColumns[item]!, text);
}

const ss = (rt: Runtime) => (rt.fake.globals as unknown as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp }).SpreadsheetApp.getActive();

describe('the tab knows its template', () => {
  test('opening the sidebar on the tab, or choosing its month, returns the template it was built with, not a preset', () => {
    const rt = runtimeWith(INQUIRIES);
    expect(build(rt, saved).ok).toBe(true);
    rt.fake.book.activate(TAB);
    const state = rt.ctx.kk_getState!({});
    expect(state.ok).toBe(true);
    expect(state.value.tabTemplate).toEqual({ month: MONTH, template: saved });
    expect(rt.ctx.kk_monthTemplate!({ month: MONTH }).value).toEqual({ month: MONTH, sheetName: TAB, exists: true, template: saved });
    expect(rt.ctx.kk_monthTemplate!({ month: '2026-12' }).value).toEqual({ month: '2026-12', sheetName: '考核 2026-12', exists: false, template: null });
    rt.fake.book.activate('数据');
    expect(rt.ctx.kk_getState!({}).value.tabTemplate).toBeNull();
  });

  test('the template lives in the document properties and only its hash in the tab tag (metadata stays small)', () => {
    const rt = runtimeWith(INQUIRIES);
    expect(build(rt, saved).ok).toBe(true);
    const layout = layoutOf(rt, TAB);
    expect(layout.templateHash).toMatch(/^[0-9a-f]{14}$/);
    const props = rt.fake.book.properties.document.all();
    expect(JSON.parse(props['kk.tab.2026-11']!)).toEqual({ hash: layout.templateHash, chunks: 1 });
    expect(JSON.parse(props['kk.tab.2026-11#0']!)).toEqual(saved);
  });

  test("the issue's case: rebuilding with the 综合 preset after a saved template is refused with the diff in words, nothing written", () => {
    const rt = runtimeWith(INQUIRIES);
    expect(build(rt, saved).ok).toBe(true);
    typeManual(rt, '小美', '工作态度', '9');
    const preset: Template = { ...saved, name: '综合', items: [saved.items[0]!, { manual: '工作态度', weight: 20, max: 100 }], bonusBase: 1000 };
    const before = snapshot(rt);
    rt.fake.calls.reset();
    const reply = build(rt, preset);
    expect(reply.ok).toBe(false);
    expect(reply.error.zh).toMatch(/是用另一个模板生成的，本次没有写入任何内容/);
    expect(reply.error.en).toMatch(/built with a different template; nothing was written/);
    expect(reply.refusal.kind).toBe('template-change');
    expect(reply.refusal.tabTemplate).toEqual(saved);
    expect(reply.refusal.changes.map((c: { zh: string }) => c.zh)).toEqual(['「工作态度」满分 10 → 100', '奖金基数 2000 → 1000']);
    // 小美's 9 counted 100 × 9 ÷ 10 = 90 and would count 100 × 9 ÷ 100 = 9
    expect(reply.refusal.typedScores.map((c: { zh: string }) => c.zh)).toEqual(['「工作态度」满分 10 → 100：已填的 1 个分数含义改变，例如 小美 的 9 分原计 90，将计 9']);
    expect(reply.details.length).toBe(3);
    expect(snapshot(rt)).toEqual(before);
    expect(rt.fake.calls.byMethod()['Range.setValues'] ?? 0).toBe(0);
  });

  test('a lower max names the typed scores it puts out of range', () => {
    const rt = runtimeWith(INQUIRIES);
    const hundred: Template = { ...saved, items: [saved.items[0]!, { manual: '工作态度', weight: 20, max: 100 }] };
    expect(build(rt, hundred).ok).toBe(true);
    typeManual(rt, '小美', '工作态度', '58');
    typeManual(rt, '阿杰', '工作态度', '9');
    const reply = build(rt, saved);
    // The example is the tab's first row: the first build ranked 阿杰 (conversion 0.5) above 小美 (0.4).
    expect(reply.refusal.typedScores.map((c: { zh: string }) => c.zh)).toEqual([
      '「工作态度」满分 100 → 10：已填的 2 个分数含义改变，例如 阿杰 的 9 分原计 9，将计 90',
      '「工作态度」有 1 个分数超过新满分 10（小美 58），请改分',
    ]);
  });

  test('confirming the change rebuilds with the new template, keeps the typed score, and the tab then remembers the new one', () => {
    const rt = runtimeWith(INQUIRIES);
    expect(build(rt, saved).ok).toBe(true);
    typeManual(rt, '小美', '工作态度', '9');
    const preset: Template = { ...saved, items: [saved.items[0]!, { manual: '工作态度', weight: 20, max: 100 }], bonusBase: 1000 };
    const reply = build(rt, preset, { confirmTemplateChange: true });
    expect(reply.ok).toBe(true);
    const xiaomei = readResults(rt, TAB).agents.find((a) => a.agent === '小美')!;
    expect(xiaomei.manual['工作态度']).toBe(9);
    // 0.4 → linear (0.4 − 0.3) ÷ (0.5 − 0.3) × 100 = 50; total (80 × 50 + 20 × 100 × 9 ÷ 100) ÷ 100 = 41.8
    expect(xiaomei.total).toBe(41.8);
    expect(rt.ctx.kk_monthTemplate!({ month: MONTH }).value.template).toEqual(preset);
    expect(build(rt, preset).ok).toBe(true); // now the tab's own template: no question
  });

  test('the same template under another name or with its items in another order rebuilds without asking', () => {
    const rt = runtimeWith(INQUIRIES);
    expect(build(rt, saved).ok).toBe(true);
    const renamed: Template = { ...saved, name: '改了名字', items: [...saved.items].reverse(), grades: [...saved.grades].reverse() };
    expect(build(rt, renamed).ok).toBe(true);
  });

  test('a tab without a record of its template (an older version, or the record lost) refuses a different one and says so', () => {
    const rt = runtimeWith(INQUIRIES);
    expect(build(rt, saved).ok).toBe(true);
    for (const key of Object.keys(rt.fake.book.properties.document.all())) rt.fake.book.properties.document.delete(key);
    const other: Template = { ...saved, bonusBase: 1000 };
    const reply = build(rt, other);
    expect(reply.ok).toBe(false);
    expect(reply.refusal.kind).toBe('template-change');
    expect(reply.refusal.tabTemplate).toBeNull();
    expect(reply.details[0].zh).toMatch(/没有记录生成时所用的模板/);
    // the hash in the tag still recognises the tab's own template
    expect(build(rt, saved).ok).toBe(true);
  });
});

describe('no item without data passes quietly', () => {
  test('items with no source column block the build, named with their weights; nothing written', () => {
    const rt = runtimeWith(INQUIRIES);
    const before = snapshot(rt);
    const reply = build(rt, mixed);
    expect(reply.ok).toBe(false);
    expect(reply.refusal.kind).toBe('no-data');
    // mixed: every metric item but INQUIRY_CONVERSION (20) lacks a column: 25 + 10 + 10 + 10 + 5 + 5 + 5 = 70
    expect(reply.refusal.items.map((i: { metric: string; weight: number }) => [i.metric, i.weight])).toEqual([
      ['SALES_ACHIEVEMENT', 25], ['INQUIRY_AOV', 10], ['AVG_RESPONSE_TIME', 10], ['BAD_REVIEW_RATE', 10],
      ['RETURN_RATE', 5], ['ORDER_ACCURACY', 5], ['COMPLAINT_COUNT_28D', 5],
    ]);
    expect(reply.error.zh).toMatch(/无法为 7 个考核项计分（共 70 的权重）/);
    expect(reply.error.zh).toMatch(/映射来源列.*移除.*按无数据生成/);
    expect(reply.error.en).toMatch(/map their source columns.*remove them.*build as no data/);
    expect(reply.details[0].zh).toBe('「销售计划达成率」（权重 25）：数据中没有来源列，需要 「销售额」和「计划销售额」，或「销售计划达成率」');
    expect(snapshot(rt)).toEqual(before);
  });

  test('a source column that is blank for every agent this month counts as no data', () => {
    const rt = runtimeWith([['客服', '询单人数', '询单->最终付款人数', '平均响应时长（秒）'], ['小美', 100, 40, ''], ['阿杰', 100, 50, '-']]);
    const template: Template = { ...saved, items: [{ metric: 'INQUIRY_CONVERSION', weight: 80, floor: 0.3, target: 0.5, method: 'linear' }, { metric: 'AVG_RESPONSE_TIME', weight: 20, floor: 60, target: 15, method: 'linear' }] };
    const reply = build(rt, template);
    expect(reply.ok).toBe(false);
    expect(reply.refusal.items).toEqual([expect.objectContaining({ metric: 'AVG_RESPONSE_TIME', weight: 20, reason: 'blank' })]);
    expect(reply.details[0].zh).toBe('「平均响应时间」（权重 20）：来源列本月全部为空');
  });

  test('built as 无数据 when accepted: marked on the tab, weight 0 in the parameter block, and the totals share it as expectedResults says', () => {
    const template: Template = {
      ...saved,
      items: [
        { metric: 'INQUIRY_CONVERSION', weight: 60, floor: 0.3, target: 0.5, method: 'linear' },
        { metric: 'AVG_RESPONSE_TIME', weight: 20, floor: 60, target: 15, method: 'linear' },
        { manual: '工作态度', weight: 20, max: 100 },
      ],
    };
    const rt = runtimeWith(INQUIRIES);
    const reply = build(rt, template, { buildWithout: ['AVG_RESPONSE_TIME'] });
    expect(reply.ok).toBe(true);
    expect(reply.value.noData).toEqual(['AVG_RESPONSE_TIME']);
    typeManual(rt, '小美', '工作态度', '80');
    const byAgent = Object.fromEntries(readResults(rt, TAB).agents.map((a) => [a.agent, a]));
    // 小美: conversion 0.4 → 50; (60 × 50 + 0 + 20 × 80) ÷ (60 + 0 + 20) = 4600 ÷ 80 = 57.5 (scored 0 at weight 20 it would be 46)
    // 阿杰: conversion 0.5 → 100; (60 × 100 + 0 + 0) ÷ 80 = 75
    expect(byAgent['小美']!.total).toBe(57.5);
    expect(byAgent['阿杰']!.total).toBe(75);
    const recognition = recognise(INQUIRIES);
    const data = aggregate(INQUIRIES, recognition, { month: MONTH, timeZone: 'Asia/Shanghai' });
    expect(coverageOf(data.availableMetrics, data.agents)).toEqual({ INQUIRY_CONVERSION: 2 });
    const expected = expectedResults(withoutItems(template, ['AVG_RESPONSE_TIME']), data.agents, inputsFromRows([['小美', '工作态度', 80]]));
    for (const e of expected.agents) expect(byAgent[e.agent]!.total).toBe(e.total);
    // visibly: the banner, the parameter row's weight 0 with its note, the value column's header
    const shown = rt.fake.book.values(TAB);
    const notes = rt.fake.book.formats(TAB).notes;
    expect(String(shown[2]![0])).toBe('⚠ 本月无数据、不计分：「平均响应时间」（权重 20）；共 20 的权重已按比例分给其余各项。');
    const paramRow = shown.findIndex((r) => r[0] === '平均响应时间（无数据）');
    expect(notes[paramRow]![1]).toContain('AVG_RESPONSE_TIME');
    expect(shown[paramRow]![2]).toBe(0);
    expect(notes[paramRow]![2]).toMatch(/^模板权重 20。/);
    const layout = layoutOf(rt, TAB);
    expect(shown[layout.headerRow - 1]![layout.valueColumns['AVG_RESPONSE_TIME']! - 1]).toBe('平均响应时间（秒）（无数据）');
    expect(layout.noData).toEqual(['AVG_RESPONSE_TIME']);
  });

  test('accepting some of the items still refuses the others', () => {
    const rt = runtimeWith(INQUIRIES);
    const reply = build(rt, mixed, { buildWithout: ['SALES_ACHIEVEMENT', 'INQUIRY_AOV'] });
    expect(reply.ok).toBe(false);
    expect(reply.refusal.items.map((i: { metric: string }) => i.metric)).not.toContain('SALES_ACHIEVEMENT');
    expect(reply.refusal.items).toHaveLength(5);
  });

  test('when the accepted items leave nothing to score, it refuses: no total could be computed', () => {
    const rt = runtimeWith(INQUIRIES);
    const template: Template = { ...saved, items: [{ metric: 'AVG_RESPONSE_TIME', weight: 100, floor: 60, target: 15, method: 'linear' }] };
    const reply = build(rt, template, { buildWithout: ['AVG_RESPONSE_TIME'] });
    expect(reply.ok).toBe(false);
    expect(reply.error.zh).toMatch(/没有任何计分项/);
    expect(rt.fake.book.sheetNames()).not.toContain(TAB);
  });

  test('the request is checked: buildWithout must list metric ids, confirmTemplateChange must be a boolean', () => {
    const rt = runtimeWith(INQUIRIES);
    expect(build(rt, saved, { buildWithout: ['NOPE'] }).error.en).toMatch(/buildWithout must be a list of metric ids/);
    expect(build(rt, saved, { confirmTemplateChange: 'yes' }).error.en).toMatch(/confirmTemplateChange must be true or false/);
  });

  test('the data analysis reports each metric\'s coverage, so the sidebar can ask the same question', () => {
    const rt = runtimeWith([['客服', '询单人数', '询单->最终付款人数', '平均响应时长（秒）'], ['小美', 100, 40, ''], ['阿杰', 100, 50, '']]);
    const reply = rt.ctx.kk_analyseData!({ sheetName: '数据', month: MONTH });
    expect(reply.value.coverage).toEqual({ INQUIRY_CONVERSION: 2, AVG_RESPONSE_TIME: 0 });
  });
});

describe('nothing half-written', () => {
  function corruptTag(rt: Runtime, value: string) {
    const md = ss(rt).getSheetByName(TAB)!.getDeveloperMetadata().find((m) => m.getKey() === TAB_TAG_KEY)!;
    md.setValue(value);
  }

  for (const [what, value] of [['not JSON', '{"rows": 4'], ['JSON without a layout', '{}']] as const) {
    test(`an unreadable tag (${what}) refuses the rebuild with a message and keeps every manual score`, () => {
      const rt = runtimeWith(INQUIRIES);
      expect(build(rt, saved).ok).toBe(true);
      typeManual(rt, '小美', '工作态度', '9');
      corruptTag(rt, value);
      const before = snapshot(rt);
      const reply = build(rt, saved);
      expect(reply.ok).toBe(false);
      expect(reply.error.zh).toMatch(/标记.*已损坏.*没有写入任何内容.*改名/);
      expect(reply.error.en).toMatch(/tag .* cannot be read.*Nothing was written.*Rename/);
      expect(snapshot(rt)).toEqual(before);
      expect(rt.ctx.kk_prepareForOwner!({ month: MONTH }).error.zh).toMatch(/已损坏/);
    });
  }

  const manyManual = (n: number, name: (i: number) => string): Template => ({
    ...saved,
    items: [{ metric: 'INQUIRY_CONVERSION', weight: 100, floor: 0.3, target: 0.5, method: 'linear' }, ...Array.from({ length: n }, (_, i) => ({ manual: name(i), weight: 0, max: 10 }))],
  });

  const limits: { name: string; template: Template; says: RegExp[] }[] = [
    { name: 'a cell of more than 50,000 characters', template: manyManual(1, () => '长'.repeat(50_001)), says: [/50,000 个字符的上限/, /50,000 per cell/] },
    { name: 'more than 30,000 characters of developer metadata', template: manyManual(8, (i) => `${i}${'名'.repeat(4_000)}`), says: [/开发者元数据.*30,000 个字符的上限/, /30,000 per sheet/] },
  ];
  for (const limit of limits) {
    test(`a first build past Sheets' limit of ${limit.name} is refused before any write, naming the limit and the fix`, () => {
      const rt = runtimeWith(INQUIRIES);
      const before = snapshot(rt);
      const reply = build(rt, limit.template);
      expect(reply.ok).toBe(false);
      for (const said of limit.says) expect(`${reply.error.zh} ${reply.error.en}`).toMatch(said);
      expect(reply.error.zh).not.toMatch(/出现意外错误/);
      expect(snapshot(rt)).toEqual(before);
      expect(rt.fake.calls.byMethod()['Spreadsheet.insertSheet'] ?? 0).toBe(0);
    });
  }

  // The rectangle a rebuild writes covers what the last build wrote (its size is in the tag), so a
  // tag recording a huge last build makes a rebuild that would pass the limit, without a huge plan.
  const rebuilds: { name: string; size: { rows: number; columns: number }; says: RegExp[] }[] = [
    { name: 'more than 18,278 columns', size: { rows: 30, columns: 18_300 }, says: [/18,278 列的上限/, /18,278 columns per sheet/] },
    { name: 'more than 10,000,000 cells', size: { rows: 400_000, columns: 26 }, says: [/10,000,000 个单元格的上限/, /10,000,000 cells per file/] }, // 400,000 × 26 = 10.4M
  ];
  for (const limit of rebuilds) {
    test(`a rebuild whose rectangle would pass Sheets' limit of ${limit.name} is refused before any write`, () => {
      const rt = runtimeWith(INQUIRIES);
      expect(build(rt, saved).ok).toBe(true);
      const md = ss(rt).getSheetByName(TAB)!.getDeveloperMetadata().find((m) => m.getKey() === TAB_TAG_KEY)!;
      md.setValue(JSON.stringify({ ...JSON.parse(md.getValue()!), ...limit.size }));
      const before = snapshot(rt);
      const reply = build(rt, saved);
      expect(reply.ok).toBe(false);
      for (const said of limit.says) expect(`${reply.error.zh} ${reply.error.en}`).toMatch(said);
      expect(snapshot(rt)).toEqual(before);
    });
  }

  test('a first build Sheets refuses half-way (the file is full) removes the tab it made, names the limit, and the month is not blocked', () => {
    // 600 agents: the new tab is cut to their table + 50 spare rows (more than 600 rows), then widened to the
    // plan's 40-odd columns: more than 600 × 43 = 25,800, i.e. more than the 26,000 cells of a new tab.
    const agents = Array.from({ length: 600 }, (_, i) => [`客服${String(i + 1).padStart(3, '0')}`, 100, 40 + (i % 10)]);
    const rt = runtimeWith([INQUIRIES[0]!, ...agents]);
    // 工作表1 and 数据 (1,000 × 26 each) + 大表 (1,000 × 9,922 = 9,922,000) + a new tab (26,000) = 10,000,000 cells:
    // the new tab fits, widening it (after its rows are cut) does not
    rt.fake.book.addSheet('大表', []);
    rt.fake.book.typeCell('大表', 1, 9_922, 'x');
    rt.fake.book.activate('数据');
    const wide = manyManual(40, (i) => `项${i}`);
    const reply = build(rt, wide);
    expect(reply.ok).toBe(false);
    expect(rt.fake.calls.byMethod()['Spreadsheet.insertSheet']).toBe(1); // the tab was made, then removed
    expect(reply.error.zh).toMatch(/10,000,000 个单元格的上限.*已删除未写完的「考核 2026-11」/);
    expect(reply.error.en).toMatch(/limit of 10,000,000 cells.*was removed/);
    expect(rt.fake.book.sheetNames()).not.toContain(TAB);
    expect(rt.fake.book.properties.document.all()).toEqual({});
    // room made: the same build now succeeds, the month was not blocked by a half-made tab
    ss(rt).deleteSheet(ss(rt).getSheetByName('大表')!);
    expect(build(rt, wide).ok).toBe(true);
  }, 60_000);
});

describe('template save and delete under the document lock', () => {
  const named = (name: string): Template => ({ ...saved, name });

  /** Runs `during` the first time the document properties are read inside `run`, as another editor's request would interleave. */
  function interleave(rt: Runtime, run: () => unknown, during: () => void): unknown {
    const store = rt.fake.book.properties.document;
    const all = store.all.bind(store);
    let fired = false;
    store.all = () => {
      if (!fired) {
        fired = true;
        during();
      }
      return all();
    };
    try {
      return run();
    } finally {
      store.all = all;
    }
  }

  test('two editors saving at once both survive: the second waits for the lock instead of overwriting the index', () => {
    const rt = runtimeWith(INQUIRIES);
    const heldDuringSave: boolean[] = [];
    let second: { ok: boolean; error?: { zh: string } } | null = null;
    const first = interleave(rt, () => rt.ctx.kk_saveTemplate!({ template: named('甲') }), () => {
      heldDuringSave.push(rt.fake.book.lock.held);
      // editor B arrives while A is between reading and writing the index: the lock is A's
      rt.fake.book.lock.busy = true;
      second = rt.ctx.kk_saveTemplate!({ template: named('乙') });
      rt.fake.book.lock.busy = false;
    }) as { ok: boolean };
    expect(heldDuringSave).toEqual([true]);
    expect(first.ok).toBe(true);
    expect(second!.ok).toBe(false);
    expect(second!.error!.zh).toMatch(/请稍等片刻再试（您的模板尚未保存）/);
    // B's retry (Apps Script's tryLock waits up to 20 s) now reads A's index and keeps it
    expect(rt.ctx.kk_saveTemplate!({ template: named('乙') }).value.savedTemplates).toEqual(['甲', '乙']);
    expect(rt.fake.book.lock.held).toBe(false);
  });

  test('a delete while another editor saves keeps the saved template', () => {
    const rt = runtimeWith(INQUIRIES);
    expect(rt.ctx.kk_saveTemplate!({ template: named('甲') }).ok).toBe(true);
    let deleted: { ok: boolean } | null = null;
    interleave(rt, () => rt.ctx.kk_saveTemplate!({ template: named('乙') }), () => {
      rt.fake.book.lock.busy = true;
      deleted = rt.ctx.kk_deleteTemplate!({ name: '甲' });
      rt.fake.book.lock.busy = false;
    });
    expect(deleted!.ok).toBe(false);
    expect(rt.ctx.kk_deleteTemplate!({ name: '甲' }).value.savedTemplates).toEqual(['乙']);
    expect(rt.ctx.kk_getState!({}).value.savedTemplates).toEqual(['乙']);
  });
});

describe('service calls', () => {
  test('the guards add no spreadsheet call: a mixed build of 10 and of 300 agents makes the same calls, and a rebuild 20 document calls', () => {
    const counts = [10, 300].map((agents) => {
      const rt = runtimeWith(syntheticExport(agents, 'per-agent'));
      expect(build(rt, mixed).ok).toBe(true);
      const first = rt.fake.calls.byMethod();
      rt.fake.calls.reset();
      expect(build(rt, mixed).ok).toBe(true);
      return { first, rebuild: rt.fake.calls.byMethod(), rebuildCalls: { document: rt.fake.calls.document, builder: rt.fake.calls.builder } };
    });
    expect(counts[1]).toEqual(counts[0]);
    // the rebuild of test/server/build.test.ts's count, guards included: within issue #7's 25 document calls
    expect(counts[0]!.rebuildCalls).toEqual({ document: 20, builder: 0 });
    // what the guards could have cost, and do not: the sheet's id, the list of tabs, a deletion
    for (const calls of [counts[0]!.first, counts[0]!.rebuild]) {
      for (const method of ['Sheet.getSheetId', 'Spreadsheet.getSheets', 'Spreadsheet.deleteSheet', 'Sheet.getMaxRows']) expect(calls[method]).toBeUndefined();
    }
  });
});
