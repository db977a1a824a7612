/**
 * The playground's HTTP side without a browser: the page, the sidebar with its shim, the grid's
 * book view, typing a cell, and `/rpc` limited to the sidebar's server functions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portFrom, startPlayground, type Playground } from '../../scripts/playground';
import { SAMPLE_TAB, withShim } from '../../dev/playground/server';
import type { BookView } from '../../dev/playground/view';

describe('playground server', () => {
  let playground: Playground;
  const post = (path: string, body: unknown) =>
    fetch(new URL(path, playground.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    playground = await startPlayground({ port: 0 });
  });
  afterAll(async () => {
    await playground?.close();
  });

  it('serves the page with the grid script and the sidebar iframe', async () => {
    const html = await (await fetch(playground.url)).text();
    expect(html).toContain('<iframe id="sidebar"');
    expect(html).not.toContain('/*GRID_JS*/');
  });

  it('serves the built sidebar with the google.script.run shim before its own script', async () => {
    const html = await (await fetch(new URL('/sidebar', playground.url))).text();
    const shim = html.indexOf('/rpc');
    expect(shim).toBeGreaterThan(0);
    expect(shim).toBeLessThan(html.indexOf('<main id="app">'));
  });

  it('loads the sample export into the data tab', async () => {
    const book = (await (await fetch(new URL('/api/book', playground.url))).json()) as BookView;
    const data = book.sheets.find((s) => s.name === SAMPLE_TAB)!;
    expect(data.cells.length).toBeGreaterThan(2);
    expect(data.editable).toBe(true);
    // the sample opens with the add-on's functions already in it, evaluated through the bundle
    const shown = data.cells.flat();
    expect(shown.some((t) => /^0\.4888/.test(t))).toBe(true); // INQUIRY_CONVERSION of the first row: 44 ÷ 90
  });

  it('answers a sidebar server function through /rpc', async () => {
    const response = await post('/rpc', { fn: 'kk_getState', arg: {} });
    const body = (await response.json()) as { result: { ok: boolean; value: { sheets: string[] } } };
    expect(body.result.ok).toBe(true);
    expect(body.result.value.sheets).toContain(SAMPLE_TAB);
  });

  it('refuses anything but the sidebar server functions', async () => {
    // a custom function and an Apps Script trigger are globals of the bundle, but not for the sidebar
    for (const fn of ['INQUIRY_CONVERSION', 'onOpen', 'constructor']) {
      const response = await post('/rpc', { fn, arg: {} });
      expect(response.status).toBe(400);
    }
  });

  it('types a cell as a user would and answers with the recomputed book', async () => {
    playground.fake.book.addSheet('考核 试算', [['1', '2', '=A1+B1']]);
    const response = await post('/api/cell', { sheet: '考核 试算', row: 1, column: 1, text: '40' });
    const book = (await response.json()) as BookView;
    const sheet = book.sheets.find((s) => s.name === '考核 试算')!;
    // 40 + 2 = 42
    expect(sheet.cells[0]).toEqual(['40', '2', '42']);
    expect(sheet.editable).toBe(true);
  });

  it('refuses what the cell’s data validation refuses, as Sheets does when a user types it', async () => {
    playground.fake.book.addSheet('考核 校验', [['9']]);
    const app = playground.fake.globals.SpreadsheetApp;
    const rule = app.newDataValidation().requireNumberBetween(0, 10).setAllowInvalid(false).setHelpText('请输入 0 到 10 的分数').build();
    app.getActive().getSheetByName('考核 校验')!.getRange('A1').setDataValidation(rule);
    const refused = await post('/api/cell', { sheet: '考核 校验', row: 1, column: 1, text: '12' });
    expect([refused.status, await refused.json()]).toEqual([422, { error: '请输入 0 到 10 的分数' }]);
    expect(playground.fake.book.values('考核 校验')).toEqual([[9]]);
    const accepted = (await (await post('/api/cell', { sheet: '考核 校验', row: 1, column: 1, text: '7' })).json()) as BookView;
    expect(accepted.sheets.find((s) => s.name === '考核 校验')!.cells).toEqual([['7']]);
  });

  it('answers 404 for unknown paths', async () => {
    expect((await fetch(new URL('/nope', playground.url))).status).toBe(404);
  });
});

describe('withShim', () => {
  it('puts the shim first in the head', () => {
    expect(withShim('<html><head><title>x</title></head></html>', 'var a=1')).toBe('<html><head><script>var a=1</script><title>x</title></head></html>');
  });
  it('escapes a closing script tag in the shim', () => {
    expect(withShim('<head>', 'x="</script>"')).toBe('<head><script>x="<\\/script>"</script>');
  });
});

describe('portFrom', () => {
  it('defaults to 8787', () => {
    expect(portFrom(undefined)).toBe(8787);
  });
  it('reads PORT', () => {
    expect(portFrom('9000')).toBe(9000);
  });
  it('refuses a value that is not a port', () => {
    expect(() => portFrom('http')).toThrow('PORT must be a port number');
  });
});
