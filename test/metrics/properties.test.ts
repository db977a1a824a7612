import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, callFunction, parseNumberText, readAmount } from '../../src/metrics';
import { zh } from './context';

/** What a cell may hold: numbers of any sign, number text, junk text, blanks, booleans. */
const cell = fc.oneof(
  fc.integer({ min: -5, max: 1000 }),
  fc.double({ min: -10, max: 1e6, noNaN: true }),
  fc.integer({ min: 0, max: 1e6 }).map((n) => n.toLocaleString('en-US')),
  fc.constantFrom('', ' ', '-', '暂无数据', 'N/A', 'abc', '12%', '¥5', true, null),
);
const column = (n: number) => fc.array(cell, { minLength: n, maxLength: n }).map((cells) => cells.map((c) => [c]));

const PROPORTIONS = CATALOGUE.filter((e) => e.kind === 'proportion').map((e) => e.id);
const RATIOS = CATALOGUE.filter((e) => (e.kind === 'proportion' || e.kind === 'ratio') && e.args.length >= 2).map((e) => e.id);

describe('proportions', () => {
  it('are in [0, 1], an error marker or blank, whatever the cells', () => {
    expect(PROPORTIONS).toHaveLength(13); // the thirteen proportions of functions.md
    fc.assert(fc.property(fc.constantFrom(...PROPORTIONS), cell, cell, (id, part, whole) => {
      const out = callFunction(id, [part, whole], zh);
      expect(typeof out === 'number' ? out >= 0 && out <= 1 : ['', '#VALUE!', '#NUM!'].includes(out as string)).toBe(true);
    }));
  });
});

describe('broadcasting', () => {
  it('of a single value equals the elementwise call with a column filled with it', () => {
    fc.assert(fc.property(fc.constantFrom(...RATIOS), fc.integer({ min: 2, max: 20 }).chain((n) => fc.tuple(column(n), cell)), (id, [values, single]) => {
      const filled = values.map(() => [single]);
      expect(callFunction(id, [values, single], zh)).toEqual(callFunction(id, [values, filled], zh));
      expect(callFunction(id, [single, values], zh)).toEqual(callFunction(id, [filled, values], zh));
    }));
  });
});

describe('number text', () => {
  /** Money with up to two decimals, as the property formats it. */
  const cents = fc.integer({ min: 0, max: 1e13 }).map((n) => n / 100);
  const format = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 2 });

  it('reads back a number formatted with toLocaleString("en-US")', () => {
    fc.assert(fc.property(cents, (x) => {
      expect(parseNumberText(format(x))).toBeCloseTo(x, 6);
    }));
  });

  it('reads back a negative formatted number', () => {
    fc.assert(fc.property(cents.filter((x) => x > 0), (x) => {
      expect(parseNumberText(format(-x))).toBeCloseTo(-x, 6);
    }));
  });

  it('reads back an amount with a ¥ prefix', () => {
    fc.assert(fc.property(cents, (x) => {
      expect(readAmount(`¥${format(x)}`)).toBeCloseTo(x, 6);
    }));
  });

  it('reads back a percent as the fraction', () => {
    fc.assert(fc.property(cents, (x) => {
      expect(parseNumberText(`${format(x)}%`)).toBeCloseTo(x / 100, 8);
    }));
  });
});

describe('window counts', () => {
  const AS_OF = '2026-11-28';
  /** A date cell a few weeks either side of as_of, or a blank. */
  const dateCell = fc.oneof(
    fc.integer({ min: -60, max: 10 }).map((offset) => new Date(Date.UTC(2026, 10, 28, 4) + offset * 86_400_000)),
    fc.constantFrom('', null),
  );

  it('never exceed the number of rows, nor when grouped', () => {
    const rows = fc.array(fc.tuple(dateCell, fc.constantFrom('a', 'b', 'c')), { minLength: 1, maxLength: 60 });
    fc.assert(fc.property(rows, (table) => {
      const dates = table.map(([d]) => [d]);
      const keys = table.map(([, k]) => [k]);
      const total = callFunction('REFUND_COUNT_28D', [dates, AS_OF], zh) as number;
      expect(total).toBeLessThanOrEqual(table.length);
      const perKey = callFunction('COMPLAINT_COUNT_28D', [dates, AS_OF, keys, [['a', 'b', 'c']]], zh) as number[][];
      const sum = perKey[0]!.reduce((s, n) => s + n, 0);
      expect(sum).toBe(total);
    }));
  });
});
