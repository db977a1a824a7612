/**
 * Shared types of the metrics module. Pure: no Apps Script globals, so the same
 * code runs in Node, in Apps Script and in the browser.
 */

/** One cell as Sheets hands it to a custom function (a Date for date and duration cells). */
export type Cell = number | string | boolean | Date | null | undefined;

/** A custom-function argument: one value, or a range as a 2-D array (rows of cells). */
export type Arg = Cell | Cell[][];

/** Per-cell error markers written into the output instead of killing the column (spec rule 4). */
export const VALUE_ERROR = '#VALUE!';
export const NUM_ERROR = '#NUM!';
export type CellError = typeof VALUE_ERROR | typeof NUM_ERROR;

/** A computed number as a cell may hold it: `Infinity` and `NaN` never reach a sheet, they are `#NUM!`. */
export function finiteCell(x: number): number | typeof NUM_ERROR {
  return Number.isFinite(x) ? x : NUM_ERROR;
}

/** One output cell: a number, blank (`""`, no basis for a rate), a grade letter, or an error marker. */
export type OutCell = number | string;
export type Out = OutCell | OutCell[][];

/**
 * How an input column is read.
 * - `count`: a non-negative number of things (buyers, orders, replies); negative is #NUM!
 * - `amount`: money in yuan; `¥1,234.50`, `1234元`, `RMB 12`; negative is #NUM!
 * - `seconds` / `hours` / `days`: a duration, plain numbers in that unit, text like `1分30秒`, or a Sheets duration
 * - `date`: a Date cell or date text, read as a calendar day in the spreadsheet's time zone
 * - `rating`: a 1–5 score; outside 1–5 is #NUM!
 * - `number`: any real number (scores, floors, targets, weights)
 * - `key`: a grouping key (agent name); compared as trimmed text
 * - `text`: a word such as a scoring method or a grade letter
 */
export type InputKind = 'count' | 'amount' | 'seconds' | 'hours' | 'days' | 'date' | 'rating' | 'number' | 'key' | 'text';

export type MetricKind = 'proportion' | 'ratio' | 'count' | 'mean' | 'score';
export type Direction = 'higher' | 'lower';
export type Unit = 'fraction' | 'yuan' | 'units' | 'hours' | 'seconds' | 'days' | 'count' | 'rating' | 'score' | 'grade';

export interface Bilingual {
  zh: string;
  en: string;
}

/** One argument of a sheet function, as autocomplete shows it. */
export interface ArgSpec {
  /** snake_case name used in the generated stub and its JSDoc `@param`. */
  name: string;
  kind: InputKind;
  doc: Bilingual;
  optional?: boolean;
}

export interface CatalogueEntry {
  /** The sheet function's name (fixed public contract). */
  id: string;
  name: Bilingual;
  /** One line for autocomplete. */
  summary: Bilingual;
  /** The definition as the platforms give it. */
  definition: Bilingual;
  kind: MetricKind;
  unit: Unit;
  /** Which way is better; null for the scoring helpers. */
  direction: Direction | null;
  /** Window length in calendar days for `*_28D` / `*_180D`. */
  windowDays?: 28 | 180;
  /** The arguments of the stub, in order: the elementwise form first, then the dated form's extra arguments. */
  args: ArgSpec[];
  /** For functions with two forms: the dated form's argument list, shown in docs. */
  datedForm?: ArgSpec[];
  /** Whether the function appears among the appraisal template's metrics. */
  appraisal: boolean;
}

/** What every sheet function needs besides its arguments: the spreadsheet's time zone and the user's language. */
export interface CallContext {
  /** IANA zone of the spreadsheet (`getSpreadsheetTimeZone()`), e.g. `Asia/Shanghai`. */
  timeZone: string;
  locale: 'zh' | 'en';
}

/** A coerced cell: a number, `null` for blank, or the error marker its output cell will show. */
export type Coerced = number | null | CellError;
