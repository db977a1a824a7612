/**
 * What the sidebar can send: every server function refuses a malformed request with a message
 * (never an exception, never a write), imports neutralise formula-like text, and templates are
 * saved in document properties within Apps Script's 9 KB-per-value quota.
 */
import { describe, expect, test } from 'vitest';
import { PRESETS } from '../../src/appraisal';
import { startRuntime, type Runtime } from '../../dev/local/appraise';
import { syntheticExport } from '../../scripts/synthetic';
import { SERVER_FUNCTIONS } from '../../src/server/api';

const mixed = PRESETS.mixed.template;

function runtime(): Runtime {
  const rt = startRuntime();
  rt.fake.book.addSheet('数据', syntheticExport(3, 'per-agent'));
  return rt;
}

describe('malformed requests', () => {
  const cases: [string, unknown, RegExp][] = [
    ['kk_buildAppraisal', null, /request must be an object/],
    ['kk_buildAppraisal', ['数据'], /request must be an object/],
    ['kk_buildAppraisal', { sheetName: 5, month: '2026-11', template: mixed }, /Choose a sheet \(sheetName\)/],
    ['kk_buildAppraisal', { sheetName: '数据', month: '2026-13', template: mixed }, /YYYY-MM.*2026-13/],
    ['kk_buildAppraisal', { sheetName: '数据', month: '2026-11', template: 'mixed' }, /template/i],
    ['kk_buildAppraisal', { sheetName: '数据', month: '2026-11', template: mixed, mapping: { x: 'agent' } }, /column number/],
    ['kk_buildAppraisal', { sheetName: '数据', month: '2026-11', template: mixed, mapping: { 1: 'no_such_field' } }, /Invalid field/],
    ['kk_buildAppraisal', { sheetName: '没有这个表', month: '2026-11', template: mixed }, /没有这个表/],
    ['kk_analyseData', { sheetName: '', month: '2026-11' }, /Choose a sheet/],
    ['kk_importRows', { fileName: 'a.csv', rows: [] }, /no rows/],
    ['kk_importRows', { fileName: 'a.csv', rows: [[], []] }, /no rows/],
    ['kk_importRows', { fileName: 'a.csv', rows: [[{ evil: 1 }]] }, /cannot be written/],
    ['kk_importRows', { fileName: 'a.csv', rows: [['x'.repeat(50_001)]] }, /cannot be written/],
    ['kk_prepareForOwner', { month: '2026-11' }, /build the appraisal first/],
    ['kk_loadTemplate', { name: '' }, /1–100 characters/],
    ['kk_setLocale', { locale: 'fr' }, /zh or en/],
    ['kk_selectSheet', { name: 'nope' }, /no sheet named "nope"/],
  ];

  test.each(cases)('%s(%j) answers with a message and writes nothing', (fn, request, message) => {
    const rt = runtime();
    const before = rt.fake.book.sheetNames().map((n) => [n, rt.fake.book.formulas(n), rt.fake.book.values(n)]);
    const reply = rt.ctx[fn]!(request);
    expect(reply.ok).toBe(false);
    expect(`${reply.error.zh}${reply.error.en}`).toMatch(message);
    expect(reply.error.zh).toMatch(/[一-龥]/);
    expect(rt.fake.book.sheetNames().map((n) => [n, rt.fake.book.formulas(n), rt.fake.book.values(n)])).toEqual(before);
  });

  test('every server function the sidebar may call exists in the bundle and refuses an empty call politely', () => {
    const rt = runtime();
    for (const fn of SERVER_FUNCTIONS) {
      expect(typeof rt.ctx[fn]).toBe('function');
      if (fn === 'kk_getState') continue;
      const reply = rt.ctx[fn]!(undefined);
      expect(reply.ok, fn).toBe(false);
    }
  });
});

describe('import', () => {
  test('writes the file into a new tab in one batch, formula-like text kept as text', () => {
    const rt = runtime();
    rt.fake.calls.reset();
    const reply = rt.ctx.kk_importRows!({
      fileName: '千牛 11月.csv',
      rows: [['客服', '询单人数'], ['=HYPERLINK("http://x")', 10], ['@me', null], ['小美']],
    });
    expect(reply.ok).toBe(true);
    expect(reply.value).toEqual({ sheetName: '数据 千牛 11月', rows: 4, columns: 2 });
    expect(rt.fake.calls.byMethod()['Range.setValues']).toBe(1);
    expect(rt.fake.book.formulas('数据 千牛 11月').flat().every((f) => f === '')).toBe(true);
    const shown = rt.fake.book.displayValues('数据 千牛 11月');
    expect(shown[1]![0]).toBe('=HYPERLINK("http://x")');
    expect(shown[2]![0]).toBe('@me');
    expect(shown[3]).toEqual(['小美', '']);
    // a second import of the same file never overwrites the first
    expect(rt.ctx.kk_importRows!({ fileName: '千牛 11月.csv', rows: [['a']] }).value.sheetName).toBe('数据 千牛 11月 (2)');
  });
});

describe('saved templates', () => {
  /** A template whose JSON is far above one property value's 9 KB: many long manual item names. */
  function bigTemplate(name: string) {
    const items = Array.from({ length: 20 }, (_, i) => ({ manual: `${'很长的手填考核项名称'.repeat(12)}${i}`, weight: 5, max: 100 }));
    return { ...structuredClone(mixed), name, items };
  }

  test('a template larger than one property value is saved in chunks and loads back equal', () => {
    const rt = runtime();
    const template = bigTemplate('大模板');
    expect(JSON.stringify(template).length * 3).toBeGreaterThan(9 * 1024);
    const saved = rt.ctx.kk_saveTemplate!({ template });
    expect(saved.ok).toBe(true);
    expect(saved.value.savedTemplates).toEqual(['大模板']);
    const stored = rt.fake.book.properties.document.all();
    const chunks = Object.keys(stored).filter((k) => k.startsWith('kk.tpl.大模板#'));
    expect(chunks.length).toBeGreaterThan(1);
    for (const k of chunks) expect(Buffer.byteLength(stored[k]!, 'utf8')).toBeLessThanOrEqual(9 * 1024);
    const loaded = rt.ctx.kk_loadTemplate!({ name: '大模板' });
    expect(loaded.ok).toBe(true);
    expect(JSON.parse(JSON.stringify(loaded.value.template))).toEqual(JSON.parse(JSON.stringify(template)));
  });

  test('saving a smaller version drops the old chunks, and a name containing # leaves its neighbour alone', () => {
    const rt = runtime();
    expect(rt.ctx.kk_saveTemplate!({ template: bigTemplate('a#1') }).ok).toBe(true);
    expect(rt.ctx.kk_saveTemplate!({ template: bigTemplate('a') }).ok).toBe(true);
    expect(rt.ctx.kk_saveTemplate!({ template: { ...structuredClone(mixed), name: 'a' } }).ok).toBe(true);
    const keys = Object.keys(rt.fake.book.properties.document.all());
    expect(keys.filter((k) => k.startsWith('kk.tpl.a#') && !k.startsWith('kk.tpl.a#1#'))).toEqual(['kk.tpl.a#0']);
    expect(rt.ctx.kk_loadTemplate!({ name: 'a#1' }).value.template.items).toHaveLength(20);
    expect(rt.ctx.kk_loadTemplate!({ name: 'a' }).value.template.items).toHaveLength(mixed.items.length);
    const deleted = rt.ctx.kk_deleteTemplate!({ name: 'a' });
    expect(deleted.value.savedTemplates).toEqual(['a#1']);
    expect(Object.keys(rt.fake.book.properties.document.all()).some((k) => k === 'kk.tpl.a#0')).toBe(false);
  });

  test('an invalid template is refused before anything is stored', () => {
    const rt = runtime();
    const bad = structuredClone(mixed);
    bad.items[0]!.weight = 35; // weights add up to 110
    const reply = rt.ctx.kk_saveTemplate!({ template: { ...bad, grades: [] } });
    expect(reply.ok).toBe(false);
    // both problems, as the build lists them: the first as the message, the other as a detail
    expect(reply.error.zh).toMatch(/^模板有 2 处需要修改/);
    expect(reply.details).toHaveLength(1);
    expect(Object.keys(rt.fake.book.properties.document.all())).toEqual([]);
  });
});
