/**
 * `Range.sort`: reorders the rows of the range only (cells outside it stay), by one or more of its columns.
 *
 * What moves, as in Sheets: each cell's contents, number format, weight, background, note, wrap, alignment and
 * data validation. A moved formula behaves like a copied one: relative references shift by the distance its
 * row moved, absolute ones stay (`=A3*2` sorted from row 3 to row 1 reads `=A1*2`; shift-formula.ts). Formulas elsewhere that
 * point into the range keep pointing at the same cells, so they now see other values.
 *
 * What does not move: developer metadata on rows, like row heights, belongs to the row, not to a range of its
 * cells (a sort of B2:D9 cannot carry row 5's metadata without column A), so it stays at its row number.
 * This is the cautious reading where Sheets' documentation is silent: code that finds agents by row metadata
 * must not assume a sort carries the tag along.
 *
 * Order, as Sheets sorts ascending: numbers (and dates) by value, then text by the spreadsheet locale's
 * collation ignoring case (ICU's: in zh_CN, Han by pinyin before Latin; Sheets' own collation may differ), then booleans FALSE < TRUE; blanks always last, in both directions; equal keys keep
 * their order. Error values are read as their text (`#REF!`), an approximation.
 */
import { signatureError } from './args';
import type { SheetsValue } from './cells';
import { permutedCell } from './lines';
import { isDate } from './realm';
import type { FakeRange } from './range';

interface SortKey {
  /** 0-based column within the range. */
  offset: number;
  ascending: boolean;
}

const METHOD = 'SpreadsheetApp.Range.sort';

/** `sort(column)`, `sort({column, ascending})` or `sort([column | {column, ascending}, …])`; columns are sheet columns. */
function sortKeys(range: FakeRange, spec: unknown): SortKey[] {
  const items = Array.isArray(spec) ? spec : [spec];
  if (items.length === 0) throw signatureError(METHOD, [spec]);
  return items.map((item) => {
    let column: unknown = item;
    let ascending: unknown = true;
    if (typeof item === 'object' && item !== null) {
      ({ column, ascending = true } = item as { column?: unknown; ascending?: unknown });
    }
    if (typeof column !== 'number' || !Number.isInteger(column) || typeof ascending !== 'boolean') throw signatureError(METHOD, [spec]);
    const offset = column - range.rect.column;
    if (offset < 0 || offset >= range.rect.numColumns) {
      throw new Error(`The sort column (${column}) must be within the range ${range.getA1Notation()}.`);
    }
    return { offset, ascending };
  });
}

/** Sheets' ascending order of kinds: numbers, text, booleans; blanks are handled apart (always last). */
function kindRank(value: SheetsValue): number {
  if (typeof value === 'number' || isDate(value)) return 0;
  if (typeof value === 'string') return 1;
  return 2;
}

function comparator(keys: SortKey[], locale: string): (a: SheetsValue[], b: SheetsValue[]) => number {
  const collator = new Intl.Collator(locale.replace('_', '-'), { sensitivity: 'accent', numeric: false });
  return (a, b) => {
    for (const { offset, ascending } of keys) {
      const x = a[offset]!;
      const y = b[offset]!;
      if (x === '' || y === '') {
        if (x === y) continue;
        return x === '' ? 1 : -1;
      }
      let order = kindRank(x) - kindRank(y);
      if (order === 0) {
        if (typeof x === 'string') order = collator.compare(x, y as string);
        else order = Number(x) - Number(y);
      }
      if (order !== 0) return ascending ? order : -order;
    }
    return 0;
  };
}

/**
 * The new order of the range's rows: `order[t]` is the (0-based) row of the range that ends up at row t.
 * Stable, so rows with equal keys keep their order.
 */
export function sortOrder(range: FakeRange, spec: unknown): number[] {
  const keys = sortKeys(range, spec);
  const values = range.sheet.liveCells().values(range.rect);
  const compare = comparator(keys, range.sheet.spreadsheet.getSpreadsheetLocale());
  return values.map((_, i) => i).sort((i, j) => compare(values[i]!, values[j]!) || i - j);
}

/** Moves the range's rows into `order` (see `sortOrder`): contents through the engine, then formats with them. */
export function applySortOrder(range: FakeRange, order: number[]): void {
  const { sheet, rect } = range;
  if (order.every((source, target) => source === target)) return;
  sheet.cells.permuteRows(rect, order);
  const move = permutedCell(rect, order);
  for (const attribute of sheet.styles.all()) attribute.remap(move);
}
