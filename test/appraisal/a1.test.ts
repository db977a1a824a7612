import { describe, expect, test } from 'vitest';
import { a1, a1Range, columnLetter, quoteSheetName } from '../../src/appraisal/a1';

describe('A1 notation', () => {
  test('column letters past Z', () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  test('cells and ranges, relative or absolute', () => {
    expect(a1(7, 2)).toBe('B7');
    expect(a1(7, 2, true)).toBe('$B$7');
    expect(a1Range(7, 2, 7, 6, true)).toBe('$B$7:$F$7');
  });

  test('sheet names are quoted, inner quotes doubled', () => {
    expect(quoteSheetName('考核 2026-10')).toBe("'考核 2026-10'");
    expect(quoteSheetName("Bob's")).toBe("'Bob''s'");
  });
});
