/**
 * The built bundle as Apps Script loads it: every pushed .js file of dist/ in one node:vm
 * context, in push order, with no Node globals. `npm test` builds dist/ first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFakeGas, loadGasProject } from '../dev/gas';
import { CATALOGUE } from '../src/metrics/catalogue';
import { SERVER_FUNCTIONS } from '../src/server/api';
import { PUSHED_SCRIPTS } from '../scripts/build';

const DIST = join(__dirname, '..', 'dist');
type Ctx = Record<string, (...args: unknown[]) => unknown>;
let ctx: Ctx;
const stubs = () => readFileSync(join(DIST, '10_functions.js'), 'utf8');

beforeAll(() => {
  const fake = createFakeGas({ timeZone: 'Asia/Shanghai', locale: 'zh_CN' });
  ctx = loadGasProject(DIST, fake.globals) as unknown as Ctx;
});

/** A Date made inside the context's realm, as Sheets hands date cells to a custom function. */
const contextDate = (iso: string) => runInContext(`new Date(${JSON.stringify(iso)})`, ctx as object) as Date;

describe('dist/ as Apps Script loads it', () => {
  it('has no Node globals inside the context', () => {
    for (const name of ['require', 'process', 'Buffer', 'module', 'setTimeout']) {
      expect(runInContext(`typeof ${name}`, ctx as object)).toBe('undefined');
    }
  });

  it('pushes exactly the bundle and the generated functions, in that order', () => {
    const clasp = JSON.parse(readFileSync(join(__dirname, '..', '.clasp.json'), 'utf8'));
    expect(clasp.rootDir).toBe('dist');
    expect(clasp.filePushOrder).toEqual(PUSHED_SCRIPTS.map((f) => `dist/${f}`));
  });

  it.each(CATALOGUE.map((e) => [e.id, e] as const))('%s is a global function with autocomplete JSDoc right above it', (id, entry) => {
    expect(typeof ctx[id]).toBe('function');
    const text = stubs();
    const at = text.indexOf(`\nfunction ${id}(`);
    expect(at).toBeGreaterThan(0);
    const doc = text.slice(text.lastIndexOf('/**', at), at);
    expect(doc).toMatch(/\*\/\s*$/);
    expect(doc).toContain('@customfunction');
    expect(doc).toContain(entry.summary.zh);
    expect(doc).toContain(entry.summary.en);
    for (const a of entry.args) expect(doc).toMatch(new RegExp(`@param \\{[^}]+\\} \\[?${a.name}\\]?`));
  });

  it.each([...SERVER_FUNCTIONS, 'onOpen', 'onInstall', 'showSidebar'])('%s is a global function', (name) => {
    expect(typeof ctx[name]).toBe('function');
  });
});

describe('custom functions called like Sheets calls them', () => {
  it('INQUIRY_CONVERSION maps a column: 1/2, 3/4, blank denominator, part > whole', () => {
    // 1/2 = 0.5; 3/4 = 0.75; 5/"" → "" (no basis); 5/4 → #NUM! (more payers than inquirers)
    expect(ctx.INQUIRY_CONVERSION([[1], [3], [5], [5]], [[2], [4], [''], [4]])).toEqual([[0.5], [0.75], [''], ['#NUM!']]);
  });

  it('a single cell in gives a single value out', () => {
    expect(ctx.PAYMENT_RATE(9, 10)).toBe(0.9); // 9 paid of 10 placed
  });

  it('reads text numbers and money: ¥1,234.50 over 3 buyers', () => {
    // 1234.5 / 3 = 411.5
    expect(ctx.INQUIRY_AOV('¥1,234.50', 3)).toBeCloseTo(411.5, 10);
  });

  it('AVG_RESPONSE_TIME reads a Sheets duration created in the context (00:01:30 over 3 replies)', () => {
    // A duration cell arrives as a Date at 1899-12-30 00:01:30 local time: 90 s / 3 = 30 s.
    const d = runInContext(`new Date(1899, 11, 30, 0, 1, 30)`, ctx as object);
    expect(ctx.AVG_RESPONSE_TIME(d, 3)).toBeCloseTo(30, 6);
  });

  it('REFUND_COUNT_28D counts by calendar day in the sheet time zone (00:30 Shanghai is that day)', () => {
    // as_of 2026-11-28: window 2026-11-01 … 2026-11-28.
    // 2026-11-29T00:30+08:00 is the 29th → outside; 2026-11-01T00:30+08:00 (= Oct 31 in UTC) → inside;
    // 2026-10-31T23:59+08:00 → outside; 2026-11-28T23:59+08:00 → inside. Count = 2.
    const dates = [
      [contextDate('2026-11-28T16:30:00Z')],
      [contextDate('2026-10-31T16:30:00Z')],
      [contextDate('2026-10-31T15:59:00Z')],
      [contextDate('2026-11-28T15:59:00Z')],
    ];
    expect(ctx.REFUND_COUNT_28D(dates, contextDate('2026-11-27T16:00:00Z'))).toBe(2);
  });

  it('REFUND_RATE_28D dated form groups by agent', () => {
    // as_of 2026-11-28 (text). 小美: 1 refund of 2 orders = 0.5; 小王: 0 refunds of 1 order = 0.
    const refundDates = [['2026-11-10'], ['2026-10-01']];
    const refundKeys = [['小美'], ['小美']];
    const orderDates = [['2026-11-02'], ['2026-11-03'], ['2026-11-04']];
    const orderKeys = [['小美'], ['小美'], ['小王']];
    expect(ctx.REFUND_RATE_28D(refundDates, orderDates, '2026-11-28', refundKeys, orderKeys, [['小美'], ['小王']])).toEqual([[0.5], [0]]);
  });

  it('a bad call throws with the argument named', () => {
    expect(() => ctx.INQUIRY_CONVERSION([[1], [2]], [[1], [2], [3]])).toThrow(/inquiring_buyers|paid_buyers/);
  });

  it('KPI_SCORE, WEIGHTED_SCORE and KPI_GRADE follow appraisal.md', () => {
    // linear: 100 × (0.4 − 0.3) / (0.5 − 0.3) = 50
    expect(ctx.KPI_SCORE(0.4, 0.3, 0.5)).toBeCloseTo(50, 10);
    // (80×40 + 100×60) / 100 = 92
    expect(ctx.WEIGHTED_SCORE([[80, 100]], [[40, 60]])).toBeCloseTo(92, 10);
    expect(ctx.KPI_GRADE(92)).toBe('A'); // 85 ≤ 92 < 95
  });
});
