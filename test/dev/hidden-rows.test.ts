/**
 * `Sheet.hideRows` / `showRows` / `isRowHiddenByUser`, against Sheets' behaviour worked out by hand: hiding
 * keeps the values (a read sees them), the state belongs to the row (it moves when rows are inserted, deleted
 * or dragged above it, and goes with a deleted row), a `Range.sort` leaves it where it is, and each call is
 * counted once.
 */
import { describe, expect, it } from 'vitest';
import { setup } from './fixtures';

function book() {
  const fake = setup();
  fake.book.addSheet('t', [['name'], ['a'], ['b'], ['c'], ['d'], ['e']]);
  return { ...fake, t: fake.ss.getSheetByName('t')! };
}

describe('hidden rows', () => {
  it('hides and shows spans of rows, values still read, one call each', () => {
    const { t, book: b, calls } = book();
    calls.reset();
    t.hideRows(2, 3);
    t.hideRows(6);
    expect(calls.byMethod()).toEqual({ 'Sheet.hideRows': 2 });
    expect(b.hiddenRows('t')).toEqual([2, 3, 4, 6]);
    expect(t.isRowHiddenByUser(3)).toBe(true);
    expect(t.isRowHiddenByUser(5)).toBe(false);
    expect(t.getRange('A1:A6').getValues().map((r) => r[0])).toEqual(['name', 'a', 'b', 'c', 'd', 'e']);
    t.showRows(3, 1);
    expect(b.hiddenRows('t')).toEqual([2, 4, 6]);
    t.showRows(1, 6);
    expect(b.hiddenRows('t')).toEqual([]);
  });

  it('refuses rows outside the sheet and counts below 1, as Sheets does', () => {
    const { t } = book();
    expect(() => t.hideRows(0, 1)).toThrow('Those rows are out of bounds.');
    expect(() => t.hideRows(1000, 2)).toThrow('Those rows are out of bounds.');
    expect(() => t.showRows(2, 0)).toThrow('The number of rows must be at least 1.');
  });

  it('moves with inserted, deleted and dragged rows; a sort leaves it at its row', () => {
    const { t, book: b } = book();
    t.hideRows(3, 2); // b, c
    t.insertRowsBefore(2, 1);
    expect(b.hiddenRows('t')).toEqual([4, 5]);
    t.deleteRows(4, 1); // b's row goes, and its hidden state with it
    expect(b.hiddenRows('t')).toEqual([4]);
    expect(b.values('t')[3]![0]).toBe('c');
    b.moveRows('t', 4, 1, 2); // c dragged before row 2: hidden still
    expect(b.hiddenRows('t')).toEqual([2]);
    expect(b.values('t')[1]![0]).toBe('c');
    b.sortRange('t', 'A2:A6', 1); // contents move, the hidden row stays row 2
    expect(b.hiddenRows('t')).toEqual([2]);
  });
});
