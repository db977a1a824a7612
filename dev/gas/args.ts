/** Argument checks that fail the way Apps Script fails, so a wrong call is as loud here as it is there. */
import type { Rect } from './a1';

function typeName(value: unknown): string {
  if (Array.isArray(value)) return `${value.length ? typeName(value[0]) : 'Object'}[]`;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Boolean';
  return typeof value === 'number' ? 'number' : 'Object';
}

/** `The parameters (String,number) don't match the method signature for SpreadsheetApp.Range.setValues.` */
export function signatureError(method: string, args: readonly unknown[]): Error {
  return new Error(`The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`);
}

/** A whole number, or the signature error of `method`. */
export function integerArg(value: unknown, method: string, args: readonly unknown[]): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw signatureError(method, args);
  return value;
}

export function stringArg(value: unknown, method: string, args: readonly unknown[]): string {
  if (typeof value !== 'string') throw signatureError(method, args);
  return value;
}

/**
 * Checks that `grid` is a 2-D array of exactly the range's shape, with Sheets' messages:
 * "The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3."
 */
export function checkGrid(grid: unknown, rect: Rect, method: string): asserts grid is ArrayLike<ArrayLike<unknown>> {
  if (!Array.isArray(grid) || grid.some((row) => !Array.isArray(row))) throw signatureError(method, [grid]);
  if (grid.length !== rect.numRows) {
    throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${grid.length} but the range has ${rect.numRows}.`);
  }
  for (const row of grid as unknown[][]) {
    if (row.length !== rect.numColumns) {
      throw new Error(`The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${rect.numColumns}.`);
    }
  }
}

/** A `numRows × numColumns` grid of one value. */
export function filledGrid<T>(rect: Rect, value: T): T[][] {
  return Array.from({ length: rect.numRows }, () => new Array<T>(rect.numColumns).fill(value));
}
