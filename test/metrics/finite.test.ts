/**
 * No `Infinity` or `NaN` ever leaves a sheet function: `#NUM!` (issue 8). Hand-computed
 * overflow cases first, then every function of the catalogue fed extreme values; rule 9's
 * booleans and blank totals; rule 8's keys as properties.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, aritiesOf, callFunction, finiteOut } from '../../src/metrics';
import { readDuration, readKey, readNumber } from '../../src/metrics/coerce';
import { col, zh } from './context';

const call = (id: string, ...args: unknown[]) => callFunction(id, args, zh);

describe('overflow is #NUM!', () => {
  it('AOV("1e308", "1e-308"): 1e308 ÷ 1e-308 = 1e616, beyond any number', () => {
    expect(call('AOV', '1e308', '1e-308')).toBe('#NUM!');
    expect(call('AOV', 1e308, 1e-308)).toBe('#NUM!');
  });

  it('a text number beyond 1.8e308 is #NUM!, in a number, a count and a duration', () => {
    expect(readNumber('1e309')).toBe('#NUM!');
    expect(call('AOV', '1e309', 1)).toBe('#NUM!');
    expect(call('INQUIRY_CONVERSION', 1, '1e309')).toBe('#NUM!');
    expect(readDuration('1e309', 'seconds', 'Asia/Shanghai')).toBe('#NUM!');
  });

  it('only the overflowing cell of a column: 10/4 = 2.5, 1e308/1e-308 → #NUM!, 5/"" → ""', () => {
    expect(call('AOV', col(10, 1e308, 5), col(4, 1e-308, ''))).toEqual(col(2.5, '#NUM!', ''));
  });

  it('ONLINE_HOURS and REFUND_RESOLUTION_TIME over a tiny divisor', () => {
    expect(call('ONLINE_HOURS', '1e300', '1e-300')).toBe('#NUM!');
    expect(call('REFUND_RESOLUTION_TIME', '1e300', '1e-300')).toBe('#NUM!');
  });

  it('KPI_SCORE: a span of 1e308 − (−1e308) overflows (∞ ÷ ∞) → #NUM!; a ratio beyond the cap is the cap', () => {
    expect(call('KPI_SCORE', 1e308, -1e308, 1e308)).toBe('#NUM!');
    // ratio: 100 × 1e308 ÷ 1e-308 = ∞, held to the cap 100 — a true score, not an overflow.
    expect(call('KPI_SCORE', 1e308, 0, 1e-308, 'ratio')).toBe(100);
  });

  it('WEIGHTED_SCORE: Σ score × weight overflowing, or Σ weight overflowing, is #NUM!', () => {
    // 1e308×2 + 1e308×2 = ∞
    expect(call('WEIGHTED_SCORE', [[1e308, 1e308]], [[2, 2]])).toBe('#NUM!');
    // Σ weight = 1e308 + 1e308 = ∞
    expect(call('WEIGHTED_SCORE', [[50, 100]], [[1e308, 1e308]])).toBe('#NUM!');
    // Still an ordinary mean below the limit: (50×1e305 + 100×1e305) / 2e305 = 1.5e308 / 2e305 = 75
    expect(call('WEIGHTED_SCORE', [[50, 100]], [[1e305, 1e305]])).toBeCloseTo(75, 10);
  });

  it('finiteOut turns any Infinity or NaN a function might return into #NUM!', () => {
    expect(finiteOut(Infinity)).toBe('#NUM!');
    expect(finiteOut(NaN)).toBe('#NUM!');
    expect(finiteOut([[1, -Infinity], ['', NaN]])).toEqual([[1, '#NUM!'], ['', '#NUM!']]);
    expect(finiteOut('')).toBe('');
  });
});

describe('every function, fed extreme values, returns only finite numbers, text or ""', () => {
  const extremes = [1e308, -1e308, 1e-308, '1e308', '1e-308', '1e309', 0, '', 'abc', true, -1];
  const isSheetValue = (x: unknown) => (typeof x === 'number' ? Number.isFinite(x) : typeof x === 'string');

  it.each(CATALOGUE.map((e) => [e.id, e] as const))('%s', (id, entry) => {
    const n = Math.min(...aritiesOf(entry));
    let calls = 0;
    for (const a of extremes) {
      for (const b of extremes) {
        const args: unknown[] = [a, b, a, b, a].slice(0, n);
        // Dated forms need a readable as_of (last argument) and, for the DSR, a rating date.
        if (entry.windowDays) args[n - 1] = '2026-11-28';
        if (id === 'DSR_SERVICE_180D') args[1] = '2026-11-20';
        let out: unknown;
        try {
          out = call(id, ...args);
        } catch {
          continue; // a bad call (rule 5) throws; that never reaches a cell
        }
        calls++;
        const cells = Array.isArray(out) ? out.flat() : [out];
        for (const cell of cells) expect(isSheetValue(cell), `${id}(${args.map(String).join(', ')}) = ${String(cell)}`).toBe(true);
      }
    }
    expect(calls).toBeGreaterThan(0);
  });
});

// functions.md rule 9: a boolean (TRUE, a checkbox) in a numeric argument is a mapping mistake.
describe('rule 9: booleans are #VALUE!, a blank total graded is ""', () => {
  it('in counts, amounts, durations, dates and ratings', () => {
    expect(call('INQUIRY_CONVERSION', col(true, 1), col(10, false))).toEqual(col('#VALUE!', '#VALUE!'));
    expect(call('AOV', 100, true)).toBe('#VALUE!');
    expect(call('AVG_RESPONSE_TIME', true, 3)).toBe('#VALUE!');
    expect(call('REFUND_COUNT_28D', col(true, '2026-11-28'), '2026-11-28', col('Amy', 'Bob'), col('Amy', 'Bob'))).toEqual(col('#VALUE!', 1));
    expect(call('DSR_SERVICE_180D', col(true), col('2026-11-28'), '2026-11-28')).toBe('#VALUE!');
  });

  it('in the scoring functions', () => {
    expect(call('KPI_SCORE', true, 0, 1)).toBe('#VALUE!');
    expect(call('KPI_SCORE', 0.5, false, 1)).toBe('#VALUE!');
    expect(call('WEIGHTED_SCORE', [[true, 50]], [[1, 1]])).toBe('#VALUE!');
    expect(call('WEIGHTED_SCORE', [[90, 50]], [[true, 1]])).toBe('#VALUE!');
    // 90 → A (≥ 85), blank and null → "", TRUE → #VALUE!
    expect(call('KPI_GRADE', col(90, '', null, true))).toEqual(col('A', '', '', '#VALUE!'));
  });
});

describe('rule 8 as properties of readKey', () => {
  // Full-width forms of printable ASCII are U+FF01 … U+FF5E (code + 0xFEE0); the space is U+3000.
  const fullWidth = (s: string) => s.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');
  const name = fc.stringMatching(/^[A-Za-z0-9:：_ 小美阿杰店铺]{1,12}$/);

  it('a name, its upper case, its lower case and its full-width form are one key; keys are stable', () => {
    fc.assert(fc.property(name, (n) => {
      const key = readKey(n);
      expect(readKey(n.toUpperCase())).toBe(key);
      expect(readKey(n.toLowerCase())).toBe(key);
      expect(readKey(fullWidth(n))).toBe(key);
      expect(readKey(`  ${n}\u3000`)).toBe(key);
      expect(readKey(key)).toBe(key);
    }));
  });

  it('a whole number is the key of its digits; a leading zero makes another id', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e9 }), (n) => {
      expect(readKey(n)).toBe(readKey(String(n)));
      expect(readKey(`0${n}`)).not.toBe(readKey(n));
    }));
  });
});
