/**
 * Broadcasting (functions.md rules 1 and 5): each argument is one value or a range (rows of
 * cells); all ranges of one call have the same shape, single values repeat against them, and
 * the result has that shape. A single value in, a single value out.
 */
import { UserError, type Locale, type Msg } from '../i18n';
import type { Out, OutCell } from './types';

/** Rows × columns of a range. */
export interface Shape {
  rows: number;
  cols: number;
}

/** A range after `normaliseArg`: at least two cells, every row an array. */
export type Grid = readonly (readonly unknown[])[];

/** Whether a normalised argument is a range (anything else is one value). */
export function isGrid(arg: unknown): arg is Grid {
  return Array.isArray(arg);
}

/**
 * An argument as the functions use it: a range with more than one cell stays a grid; a
 * one-cell range becomes its cell (Sheets passes those as single values anyway); an empty
 * array becomes blank. A 1-D array (never from Sheets, possible from code) is read as a column.
 */
export function normaliseArg(arg: unknown): unknown {
  if (!Array.isArray(arg)) return arg;
  if (arg.length === 0) return undefined;
  let cols = 0;
  let flat = false;
  for (const row of arg) {
    if (Array.isArray(row)) cols = Math.max(cols, row.length);
    else flat = true;
  }
  const grid: unknown[][] = flat ? arg.map((row: unknown) => (Array.isArray(row) ? row : [row])) : arg;
  if (flat) cols = Math.max(cols, 1);
  if (cols === 0) return undefined;
  return grid.length === 1 && cols === 1 ? grid[0]![0] : grid;
}

/** The shape of a normalised argument; `null` for a single value. Ragged rows count at their longest. */
export function shapeOf(arg: unknown): Shape | null {
  if (!isGrid(arg)) return null;
  let cols = 0;
  for (const row of arg) cols = Math.max(cols, row.length);
  return { rows: arg.length, cols };
}

/** `500 行 × 1 列` / `500 rows × 1 column`, or "a single value". */
export function describeShape(shape: Shape | null): Msg {
  if (!shape) return { zh: '单个值', en: 'a single value' };
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return { zh: `${shape.rows} 行 × ${shape.cols} 列`, en: `${plural(shape.rows, 'row')} × ${plural(shape.cols, 'column')}` };
}

/**
 * The error of two arguments that should have the same shape, naming both (rule 5). `table`:
 * columns of one table (dates and their keys), where a single value does not repeat.
 */
export function shapeMismatch(
  fn: string, first: string, firstShape: Shape | null, other: string, otherShape: Shape | null, locale: Locale, table = false,
): UserError {
  const a = describeShape(firstShape);
  const b = describeShape(otherShape);
  return new UserError({
    zh: `${fn}：参数 ${first} 是 ${a.zh}，而 ${other} 是 ${b.zh}；`
      + (table ? '同一表格的各列必须等大。' : '区域参数必须大小相同（单个值可与任何区域搭配）。'),
    en: `${fn}: argument ${first} is ${a.en} but ${other} is ${b.en}; `
      + (table ? 'the columns of one table must have the same size.' : 'range arguments must have the same size (a single value goes with any range).'),
  }, locale);
}

/**
 * The shape all range arguments share, or `null` when every argument is a single value.
 * Throws a `UserError` naming the first range and the first one that differs from it.
 * `args` are normalised; `names[i]` is the name of `args[i]` in the catalogue. `ctx.locale` is
 * read only to throw (the custom-function context fetches it lazily).
 */
export function commonShape(fn: string, names: readonly string[], args: readonly unknown[], ctx: { readonly locale: Locale }): Shape | null {
  let shape: Shape | null = null;
  let first = '';
  for (let i = 0; i < args.length; i++) {
    const s = shapeOf(args[i]);
    if (!s) continue;
    if (!shape) {
      shape = s;
      first = names[i]!;
    } else if (s.rows !== shape.rows || s.cols !== shape.cols) {
      throw shapeMismatch(fn, first, shape, names[i]!, s, ctx.locale);
    }
  }
  return shape;
}

/**
 * Like `commonShape`, but a single value does not repeat: the columns of one table (dates,
 * ratings, row keys) must all be single values or all ranges of one shape.
 */
export function tableShape(fn: string, names: readonly string[], args: readonly unknown[], ctx: { readonly locale: Locale }): Shape | null {
  const shape = shapeOf(args[0]);
  for (let i = 1; i < args.length; i++) {
    const s = shapeOf(args[i]);
    if (s?.rows !== shape?.rows || s?.cols !== shape?.cols) throw shapeMismatch(fn, names[0]!, shape, names[i]!, s, ctx.locale, true);
  }
  return shape;
}

/**
 * `f` of the cells at the same place in `a` and `b`, over `shape` (from `commonShape`);
 * single values repeat. The hot loop of every ratio: no allocation but the output rows.
 */
export function map2(a: unknown, b: unknown, shape: Shape | null, f: (x: unknown, y: unknown) => OutCell): Out {
  if (!shape) return f(a, b);
  const ga = isGrid(a) ? a : null;
  const gb = isGrid(b) ? b : null;
  const out: OutCell[][] = new Array(shape.rows);
  for (let r = 0; r < shape.rows; r++) {
    const ra = ga ? ga[r]! : null;
    const rb = gb ? gb[r]! : null;
    const row: OutCell[] = new Array(shape.cols);
    for (let c = 0; c < shape.cols; c++) row[c] = f(ra ? ra[c] : a, rb ? rb[c] : b);
    out[r] = row;
  }
  return out;
}

/**
 * `f` of the cells at the same place in every argument. `f` receives one reused buffer
 * (so no array per cell): it must read it, not keep it.
 */
export function mapN(args: readonly unknown[], shape: Shape | null, f: (cells: readonly unknown[]) => OutCell): Out {
  const n = args.length;
  const cells: unknown[] = new Array(n);
  const grids = args.map((a) => (isGrid(a) ? a : null));
  for (let i = 0; i < n; i++) cells[i] = args[i];
  if (!shape) return f(cells);
  const out: OutCell[][] = new Array(shape.rows);
  for (let r = 0; r < shape.rows; r++) {
    const row: OutCell[] = new Array(shape.cols);
    for (let c = 0; c < shape.cols; c++) {
      for (let i = 0; i < n; i++) {
        const g = grids[i];
        if (g) cells[i] = g[r]![c];
      }
      row[c] = f(cells);
    }
    out[r] = row;
  }
  return out;
}
