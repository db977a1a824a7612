import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { callInContext, createFakeGas, loadGasProject, makeContextDate } from '../../dev/gas';
import { pushOrder } from '../../dev/gas/load';

const roots: string[] = [];
const hostTimeZone = process.env.TZ;
afterAll(() => {
  roots.forEach((root) => rmSync(root, { recursive: true, force: true }));
  if (hostTimeZone === undefined) delete process.env.TZ;
  else process.env.TZ = hostTimeZone;
});

/** A project folder with `dist/` holding `files`, and `.clasp.json` when a push order is given. */
function project(files: Record<string, string>, filePushOrder?: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'fakegas-'));
  roots.push(root);
  mkdirSync(join(root, 'dist'));
  for (const [name, code] of Object.entries(files)) writeFileSync(join(root, 'dist', name), code);
  if (filePushOrder) writeFileSync(join(root, '.clasp.json'), JSON.stringify({ rootDir: 'dist', filePushOrder }));
  return join(root, 'dist');
}

type Ctx = Record<string, (...args: unknown[]) => unknown>;

const TWO_FILES = {
  // Pushed first although it sorts last: it starts the list the other file appends to.
  '10_first.js': 'var loaded = ["first"];\nfunction fails() { throw new Error("boom"); }',
  '00_second.js': 'loaded.push("second");\nfunction isNested(x) { return x instanceof Array && x[0] instanceof Array; }\nfunction isDate(d) { return d instanceof Date; }',
};

describe('loadGasProject', () => {
  it('runs the files in .clasp.json push order in one context', () => {
    const dist = project({ ...TWO_FILES, 'zz_extra.js': 'loaded.push("extra");' }, ['dist/10_first.js', 'dist/00_second.js']);
    const ctx = loadGasProject(dist, createFakeGas().globals);
    // listed files first, in their order, then the unlisted one
    expect(vm.runInContext('loaded.join(",")', ctx)).toBe('first,second,extra');
  });

  it('runs every .js file alphabetically without a push order', () => {
    const dist = project({ 'b.js': 'var order = (typeof order === "undefined" ? [] : order).concat("b");', 'a.js': 'var order = ["a"];' });
    expect(pushOrder(dist).map((f) => f.slice(-4))).toEqual(['a.js', 'b.js']);
    expect(vm.runInContext('order.join(",")', loadGasProject(dist, {}))).toBe('a,b');
  });

  it('says which pushed file is missing', () => {
    const dist = project({ 'a.js': '' }, ['dist/00_kefu_kpi.js']);
    expect(() => loadGasProject(dist, {})).toThrow(/dist\/00_kefu_kpi\.js, which does not exist/);
  });

  it('has no Node globals inside, only the given ones', () => {
    const ctx = loadGasProject(project(TWO_FILES, ['dist/10_first.js', 'dist/00_second.js']), createFakeGas().globals);
    for (const name of ['require', 'process', 'Buffer', 'module', 'exports', 'setTimeout', 'setImmediate', 'fetch', '__dirname']) {
      expect(vm.runInContext(`typeof ${name}`, ctx), name).toBe('undefined');
    }
    for (const name of ['SpreadsheetApp', 'LockService', 'PropertiesService', 'HtmlService', 'Session', 'ScriptApp', 'Logger']) {
      expect(vm.runInContext(`typeof ${name}`, ctx), name).toBe('object');
    }
  });

  it('runs in the script time zone of appsscript.json', () => {
    const dist = project({ 'a.js': 'function midnight() { return new Date(2026, 10, 28).toISOString(); }' });
    writeFileSync(join(dist, 'appsscript.json'), JSON.stringify({ timeZone: 'Asia/Shanghai' }));
    const ctx = loadGasProject(dist, {});
    // 2026-11-28 00:00 in Shanghai (+08:00) = 2026-11-27 16:00 UTC
    expect(callInContext(ctx, 'midnight')).toBe('2026-11-27T16:00:00.000Z');
    writeFileSync(join(dist, 'appsscript.json'), JSON.stringify({ timeZone: 'Mars/Olympus' }));
    expect(() => loadGasProject(dist, {})).toThrow(/Mars\/Olympus/);
  });

  it('names the file in stack traces', () => {
    const ctx = loadGasProject(project(TWO_FILES, ['dist/10_first.js', 'dist/00_second.js']), {}) as unknown as Ctx;
    expect(() => ctx.fails!()).toThrow('boom');
    let stack = '';
    try {
      ctx.fails!();
    } catch (error) {
      stack = String((error as Error).stack);
    }
    expect(stack).toContain('10_first.js:2');
  });
});

describe('realms', () => {
  const ctx = loadGasProject(project(TWO_FILES, ['dist/10_first.js', 'dist/00_second.js']), {});

  it('a Date made in the context is a Date by its tag but not instanceof the outer Date', () => {
    const inside = makeContextDate(ctx, '2026-11-28T16:30:00Z');
    expect(Object.prototype.toString.call(inside)).toBe('[object Date]');
    expect(inside instanceof Date).toBe(false);
    expect(inside.getTime()).toBe(Date.parse('2026-11-28T16:30:00Z'));
    expect(() => makeContextDate(ctx, 'nonsense')).toThrow(/not a date/);
  });

  it('callInContext copies arguments into the context, so instanceof holds inside', () => {
    expect((ctx as unknown as Ctx).isNested!([[1]])).toBe(false); // an outer array, passed as is
    expect(callInContext(ctx, 'isNested', [[1]])).toBe(true);
    expect(callInContext(ctx, 'isDate', new Date())).toBe(true);
  });

  it('callInContext refuses a name that is not a global function', () => {
    expect(() => callInContext(ctx, 'nothing')).toThrow('FakeGas: the project has no global function nothing');
  });
});

describe('the fakes inside the context', () => {
  const code = `
    function roundTrip() {
      var range = SpreadsheetApp.getActive().getActiveSheet().getRange('A1:B1');
      range.setValues([[new Date(Date.UTC(2026, 10, 28)), 'x']]);
      var values = range.getValues();
      var error = null;
      try { range.setValues([[1]]); } catch (e) { error = e; }
      return [values instanceof Array, values[0] instanceof Array, values[0][0] instanceof Date, error instanceof Error];
    }`;

  it('answer in the context’s realm: arrays, Dates and errors pass instanceof there', () => {
    const fake = createFakeGas();
    const ctx = loadGasProject(project({ 'a.js': code }), fake.globals);
    expect(callInContext(ctx, 'roundTrip')).toEqual([true, true, true, true]);
    // and the test side still reads plain values of this realm
    expect((fake.book.values(fake.book.activeSheetName())[0]![0] as Date).toISOString()).toBe('2026-11-28T00:00:00.000Z');
  });

  it('the script’s console writes to book.logs', () => {
    const fake = createFakeGas();
    vm.runInContext('console.error("写入失败", 3)', loadGasProject(project({ 'a.js': '' }), fake.globals));
    expect(fake.book.logs).toEqual([{ source: 'console', level: 'error', text: '写入失败 3' }]);
  });

  it('user-edit APIs work from inside the context: inserts, metadata finders, validation grids, sort', () => {
    const fake = createFakeGas();
    const script = `function edit() {
      var sheet = SpreadsheetApp.getActive().getActiveSheet();
      sheet.getRange('A1:B3').setValues([['n', 's'], ['b', 2], ['a', 1]]);
      sheet.getRange('3:3').addDeveloperMetadata('agent', 'a');
      sheet.insertRowBefore(2); // a's row 3 → 4
      var found = sheet.createDeveloperMetadataFinder().withKey('agent')
        .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.ROW).find();
      var rule = SpreadsheetApp.newDataValidation().requireNumberBetween(0, 10).build();
      sheet.getRange('B3:B4').setDataValidations([[rule], [null]]); // on b's score
      sheet.getRange('A3:B4').sort(2); // a (1) → row 3, b (2) → row 4, its rule with it
      var rules = sheet.getRange('B3:B4').getDataValidations();
      return [found[0].getLocation().getRow().getRow(), rules instanceof Array, rules[0][0] === null,
        rules[1][0].getCriteriaType() == SpreadsheetApp.DataValidationCriteria.NUMBER_BETWEEN];
    }`;
    const ctx = loadGasProject(project({ 'a.js': script }), fake.globals);
    expect(callInContext(ctx, 'edit')).toEqual([4, true, true, true]);
  });
});
