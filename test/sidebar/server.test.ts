import { afterEach, describe, expect, it } from 'vitest';
import { callServer, isReply } from '../../src/sidebar/server';
import { STRINGS } from '../../src/sidebar/strings';

type Handler = (value: unknown) => void;

/** A stand-in for `google.script.run` that answers every call with `answer`. */
function installRunner(answer: (fn: string, arg: unknown, ok: Handler, fail: Handler) => void, seen: [string, unknown][] = []) {
  const runner = (ok: Handler = () => {}, fail: Handler = () => {}): object =>
    new Proxy({}, {
      get(_t, name: string) {
        if (name === 'withSuccessHandler') return (h: Handler) => runner(h, fail);
        if (name === 'withFailureHandler') return (h: Handler) => runner(ok, h);
        return (arg: unknown) => {
          seen.push([name, arg]);
          answer(name, arg, ok, fail);
        };
      },
    });
  (globalThis as { google?: unknown }).google = { script: { run: runner() } };
  return seen;
}

afterEach(() => {
  delete (globalThis as { google?: unknown }).google;
});

describe('isReply', () => {
  it('accepts a value reply', () => {
    expect(isReply({ ok: true, value: null })).toBe(true);
  });
  it('accepts an error reply with both languages', () => {
    expect(isReply({ ok: false, error: { zh: '错', en: 'wrong' } })).toBe(true);
  });
  it('refuses an error without English', () => {
    expect(isReply({ ok: false, error: { zh: '错' } })).toBe(false);
  });
  it('refuses anything else', () => {
    expect([isReply(null), isReply('ok'), isReply({ ok: true })]).toEqual([false, false, false]);
  });
});

describe('callServer', () => {
  it('resolves with the server\'s reply', async () => {
    installRunner((_fn, _arg, ok) => ok({ ok: true, value: { locale: 'en' } }));
    expect(await callServer('kk_setLocale', { locale: 'en' })).toEqual({ ok: true, value: { locale: 'en' } });
  });
  it('calls the named function with a plain-JSON copy of the request', async () => {
    const seen = installRunner((_fn, _arg, ok) => ok({ ok: true, value: {} }));
    const req = { sheetName: '数据', month: '2026-11', mapping: undefined };
    await callServer('kk_analyseData', req);
    expect(seen).toEqual([['kk_analyseData', { sheetName: '数据', month: '2026-11' }]]);
    expect(seen[0]![1]).not.toBe(req);
  });
  it('turns a transport failure into an error reply naming the cause', async () => {
    installRunner((_fn, _arg, _ok, fail) => fail(new Error('Exceeded maximum execution time')));
    const reply = await callServer('kk_getState', {});
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.en).toContain('Exceeded maximum execution time');
  });
  it('reports a reply that is not a Reply', async () => {
    installRunner((_fn, _arg, ok) => ok(42));
    const reply = await callServer('kk_getState', {});
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.en).toContain('kk_getState');
  });
  it('says how to recover when google.script.run is missing', async () => {
    expect(await callServer('kk_getState', {})).toEqual({ ok: false, error: STRINGS.errNoServer });
  });
});
