/**
 * The scoring sheet functions `KPI_SCORE`, `WEIGHTED_SCORE` and `KPI_GRADE`: the arithmetic of
 * `scoring.ts` (the appraisal tab's own rules) over single values and ranges.
 */
import { UserError, type Msg } from '../i18n';
import { commonShape, describeShape, isGrid, map2, mapN, normaliseArg, shapeOf, type Grid, type Shape } from './broadcast';
import { keyText, readKey, readNumber } from './coerce';
import { entryOf } from './functions';
import { DEFAULT_CAP, DEFAULT_GRADES, directionOf, gradeBand, linearScore, passFailScore, ratioScore, weightedTotal } from './scoring';
import type { GradeMin } from './scoring';
import { NUM_ERROR, finiteCell } from './types';
import type { CallContext, CellError, Out, OutCell } from './types';

/** The methods `KPI_SCORE` takes; `tiers` and `deduction` need thresholds or points, which only a template holds. */
export type KpiMethod = 'linear' | 'ratio' | 'pass_fail';

/** Method words, English as in appraisal.md and Chinese as its table names them; blank is the default. */
const METHOD_WORDS = new Map<string, KpiMethod>([
  ['', 'linear'], ['linear', 'linear'], ['线性', 'linear'], ['线性插值', 'linear'],
  ['ratio', 'ratio'], ['达成率', 'ratio'],
  ['pass_fail', 'pass_fail'], ['pass-fail', 'pass_fail'], ['达标', 'pass_fail'], ['达标制', 'pass_fail'],
]);
const TEMPLATE_ONLY = new Set(['tiers', '阶梯', 'deduction', '扣分制']);

/** The method a cell names; throws a `UserError` naming `method` for any other word (rule 5). */
export function kpiMethod(cell: unknown, ctx: CallContext): KpiMethod {
  const word = readKey(cell);
  const method = METHOD_WORDS.get(word);
  if (method) return method;
  const msg: Msg = TEMPLATE_ONLY.has(word)
    ? {
      zh: `KPI_SCORE：method "${word}" 需要阶梯或扣分参数，只能在考核模板中使用；这里可用 linear、ratio 或 pass_fail。`,
      en: `KPI_SCORE: method "${word}" needs tiers or points, which only an appraisal template holds; use linear, ratio or pass_fail here.`,
    }
    : {
      zh: `KPI_SCORE：未知的 method "${keyText(cell)}"；可用 linear（默认）、ratio 或 pass_fail。`,
      en: `KPI_SCORE: unknown method "${keyText(cell)}"; use linear (the default), ratio or pass_fail.`,
    };
  throw new UserError(msg, ctx.locale);
}

/**
 * One score: a blank value scores 0, as on the appraisal tab (no figure earns no points, even
 * for a lower-is-better metric, where reading it as the value 0 would earn full marks); a blank floor or target is 0 and a blank cap
 * 100; `linear` with floor = target has no scale (`#NUM!`), as has a negative cap. `pass_fail`
 * is held to the cap too, so every method stays within 0 … cap.
 */
export function kpiScoreCell(value: unknown, floor: unknown, target: unknown, method: KpiMethod, cap: unknown): OutCell {
  const v = readNumber(value);
  if (v === null) return 0;
  if (typeof v === 'string') return v;
  const f = readNumber(floor);
  if (typeof f === 'string') return f;
  const t = readNumber(target);
  if (typeof t === 'string') return t;
  const c = readNumber(cap);
  if (typeof c === 'string') return c;
  const lo = f ?? 0;
  const hi = t ?? 0;
  const top = c ?? DEFAULT_CAP;
  if (top < 0) return NUM_ERROR;
  // Extreme inputs (a span of 1e308 − −1e308) overflow to Infinity or NaN: #NUM!, never a number a sheet cannot hold.
  switch (method) {
    case 'linear': return lo === hi ? NUM_ERROR : finiteCell(linearScore(v, lo, hi, top));
    case 'ratio': return finiteCell(ratioScore(v, hi, directionOf(lo, hi), top));
    case 'pass_fail': return Math.min(top, passFailScore(v, hi, directionOf(lo, hi)));
  }
}

/** `KPI_SCORE(value, floor, target[, method, cap])`: 0 … cap points, elementwise over ranges. */
export function KPI_SCORE(ctx: CallContext, value: unknown, floor: unknown, target: unknown, method?: unknown, cap?: unknown): Out {
  const id = 'KPI_SCORE';
  const args = [value, floor, target, method, cap].map(normaliseArg);
  const shape = commonShape(id, entryOf(id).args.map((a) => a.name), args, ctx);
  // The method is usually one word for the whole column: read it once.
  const fixed = isGrid(args[3]) ? null : kpiMethod(args[3], ctx);
  return mapN(args, shape, (c) => kpiScoreCell(c[0], c[1], c[2], fixed ?? kpiMethod(c[3], ctx), c[4]));
}

/** The weights as numbers: blank is 0; the first unreadable (`#VALUE!`) or negative (`#NUM!`) weight spoils them all. */
function readWeights(cells: readonly unknown[], count: number): number[] | CellError {
  const weights = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    const w = readNumber(cells[i]);
    if (typeof w === 'string') return w;
    if (w !== null && w < 0) return NUM_ERROR;
    weights[i] = w ?? 0;
  }
  return weights;
}

/** Σ score × weight ÷ Σ weight of one row: a blank score counts 0, an unreadable one shows its marker, Σ weight = 0 is `""`. */
function weightedCell(scores: readonly unknown[], weights: number[] | CellError): OutCell {
  if (typeof weights === 'string') return weights;
  const values = new Array<number>(weights.length);
  for (let i = 0; i < weights.length; i++) {
    const s = readNumber(scores[i]);
    if (typeof s === 'string') return s;
    values[i] = s ?? 0;
  }
  let weightSum = 0;
  for (const w of weights) weightSum += w;
  if (weightSum === 0) return '';
  // Weights so large that their sum overflows cannot be divided by: #NUM!, as is an overflowing Σ score × weight.
  return Number.isFinite(weightSum) ? finiteCell(weightedTotal(values, weights)) : NUM_ERROR;
}

const ONE_CELL: Shape = { rows: 1, cols: 1 };
const asRows = (arg: unknown): Grid => (isGrid(arg) ? arg : [[arg]]);
const isVector = (s: Shape) => s.rows === 1 || s.cols === 1;

/** Column `c` of a grid as a list of cells. */
const columnOf = (grid: Grid, c: number): unknown[] => grid.map((row) => row[c]);
const sameShape = (a: Shape, b: Shape) => a.rows === b.rows && a.cols === b.cols;

/**
 * `WEIGHTED_SCORE(scores, weights)`: Σ score × weight ÷ Σ weight. The weights may be
 * - one row as wide as the scores: applied to every row, one result per row (a column; a single
 *   value for a single row);
 * - a range of the same shape as the scores: each row its own weights (pre- and after-sales agents
 *   in one table), one result per row;
 * - one column as tall as the scores (a vertical template, items down the rows): each column of
 *   scores is one agent, one result per column (a row; a single value for one column of scores).
 * A column of scores with a row of weights of the same length (or the reverse) is one total.
 * A shared weight that is unreadable or negative spoils every result it enters; a per-row one only its row.
 */
export function WEIGHTED_SCORE(ctx: CallContext, scores: unknown, weights: unknown): Out {
  const s = normaliseArg(scores);
  const w = normaliseArg(weights);
  const sShape = shapeOf(s) ?? ONE_CELL;
  const wShape = shapeOf(w) ?? ONE_CELL;
  const scoreRows = asRows(s);
  const weightRows = asRows(w);
  const perRow = (weightsOf: (r: number) => number[] | CellError): Out => {
    const totals = scoreRows.map((row, r) => weightedCell(row, weightsOf(r)));
    return totals.length === 1 ? totals[0]! : totals.map((t) => [t]);
  };
  if (wShape.rows === 1 && wShape.cols === sShape.cols) {
    const shared = readWeights(weightRows[0]!, wShape.cols);
    return perRow(() => shared);
  }
  if (wShape.cols === 1 && wShape.rows === sShape.rows) {
    const shared = readWeights(columnOf(weightRows, 0), wShape.rows);
    const totals = Array.from({ length: sShape.cols }, (_, c) => weightedCell(columnOf(scoreRows, c), shared));
    return totals.length === 1 ? totals[0]! : [totals];
  }
  if (sameShape(sShape, wShape)) return perRow((r) => readWeights(weightRows[r]!, wShape.cols));
  const length = sShape.rows * sShape.cols;
  if (isVector(sShape) && isVector(wShape) && length === wShape.rows * wShape.cols) {
    const flatScores = scoreRows.flatMap((row) => Array.from({ length: sShape.cols }, (_, i) => row[i]));
    const flatWeights = weightRows.flatMap((row) => Array.from({ length: wShape.cols }, (_, i) => row[i]));
    return weightedCell(flatScores, readWeights(flatWeights, length));
  }
  const a = describeShape(sShape);
  const b = describeShape(wShape);
  throw new UserError({
    zh: `WEIGHTED_SCORE：scores 是 ${a.zh}，weights 是 ${b.zh}；weights 应为与 scores 同宽的一行、与 scores 形状相同的区域（每行各自的权重），或与 scores 同高的一列（竖排模板）。`,
    en: `WEIGHTED_SCORE: scores is ${a.en} but weights is ${b.en}; weights must be one row as wide as scores, a range of the same shape (each row its own weights), or one column as tall as scores (a vertical template).`,
  }, ctx.locale);
}

/** A grade band of `KPI_GRADE`'s `bands` argument. */
export interface BandRow extends GradeMin {
  grade: string;
}

/**
 * `bands` as grade bands: a range of at least two columns (minimum, grade; further columns such
 * as the coefficient are ignored), rows in any order, blank rows skipped. A row that is not a
 * number and a grade throws a `UserError` naming `bands` and the row, as does an empty range.
 */
export function readBands(bands: unknown, ctx: CallContext): BandRow[] {
  const b = normaliseArg(bands);
  const shape = shapeOf(b);
  if (!isGrid(b) || shape!.cols < 2) {
    const got = describeShape(shape);
    throw new UserError({
      zh: `KPI_GRADE：bands 应为两列区域（下限, 等级），而不是 ${got.zh}。`,
      en: `KPI_GRADE: bands must be a two-column range (minimum, grade), not ${got.en}.`,
    }, ctx.locale);
  }
  const rows: BandRow[] = [];
  b.forEach((row, i) => {
    const min = readNumber(row[0]);
    const grade = keyText(row[1]);
    if (min === null && grade === '') return;
    if (typeof min !== 'number' || grade === '') {
      const shown = `${String(row[0] ?? '')}, ${String(row[1] ?? '')}`;
      throw new UserError({
        zh: `KPI_GRADE：bands 第 ${i + 1} 行（${shown}）应为一个下限数字和一个等级。`,
        en: `KPI_GRADE: row ${i + 1} of bands (${shown}) must be a minimum number and a grade.`,
      }, ctx.locale);
    }
    rows.push({ min, grade });
  });
  if (rows.length === 0) {
    throw new UserError({ zh: 'KPI_GRADE：bands 里没有任何等级。', en: 'KPI_GRADE: bands holds no grade.' }, ctx.locale);
  }
  return rows;
}

/** `KPI_GRADE(total[, bands])`: the grade of the highest band minimum each total reaches; blank total `""`. */
export function KPI_GRADE(ctx: CallContext, total: unknown, bands?: unknown): Out {
  const table: readonly BandRow[] = bands === undefined ? DEFAULT_GRADES : readBands(bands, ctx);
  const t = normaliseArg(total);
  return map2(t, undefined, shapeOf(t), (x) => {
    const v = readNumber(x);
    if (v === null) return '';
    return typeof v === 'string' ? v : gradeBand(v, table).grade;
  });
}
