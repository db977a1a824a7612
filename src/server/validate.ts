/**
 * Every argument that arrives from the sidebar is checked here before anything reads or writes
 * the spreadsheet: `google.script.run` will deliver whatever a page sends.
 */
import { validateTemplate, type Template } from '../appraisal';
import { MAX_IMPORT_CELLS } from '../files/limits';
import { UserError, type Locale } from '../i18n';
import { APPRAISAL_METRICS } from '../metrics/catalogue';

/** Sheets' own limits: a tab name has at most 100 characters, a cell at most 50,000. */
export const MAX_SHEET_NAME = 100;
export const MAX_CELL_TEXT = 50_000;
export { MAX_IMPORT_CELLS };

const bad = (zh: string, en: string) => new UserError({ zh, en });

export function requireObject(x: unknown, what: string): Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) {
    throw bad(`请求格式不对：${what} 应为对象。请刷新侧边栏后重试。`, `Bad request: ${what} must be an object. Reload the sidebar and try again.`);
  }
  return x as Record<string, unknown>;
}

export function requireSheetName(x: unknown, field = 'sheetName'): string {
  if (typeof x !== 'string' || x.trim() === '' || x.length > MAX_SHEET_NAME) {
    throw bad(`请选择一个工作表（${field}）。`, `Choose a sheet (${field}).`);
  }
  return x;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function requireMonth(x: unknown): string {
  if (typeof x !== 'string' || !MONTH.test(x)) {
    throw bad(`月份格式应为 YYYY-MM，例如 2026-11（收到：${String(x).slice(0, 20)}）。`, `The month must look like YYYY-MM, e.g. 2026-11 (got: ${String(x).slice(0, 20)}).`);
  }
  return x;
}

export function requireLocale(x: unknown): Locale {
  if (x !== 'zh' && x !== 'en') throw bad('语言只能是 zh 或 en。', 'The language must be zh or en.');
  return x;
}

/** A column mapping from the sidebar: column index → field id (one of `fields`) or null. */
export function optionalMapping(x: unknown, fields: ReadonlySet<string>): Record<string, string | null> | undefined {
  if (x === undefined || x === null) return undefined;
  const o = requireObject(x, 'mapping');
  const out: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(o)) {
    if (!/^\d{1,4}$/.test(k)) throw bad(`列映射的列号无效：${k.slice(0, 20)}`, `Invalid column number in the mapping: ${k.slice(0, 20)}`);
    if (v !== null && (typeof v !== 'string' || !fields.has(v))) {
      throw bad(`列映射中的字段无效：${String(v).slice(0, 40)}`, `Invalid field in the mapping: ${String(v).slice(0, 40)}`);
    }
    out[k] = v as string | null;
  }
  return out;
}

/** Rows of an imported file: strings, numbers or blanks, within Sheets' limits. */
export function requireRows(x: unknown): (string | number | null)[][] {
  if (!Array.isArray(x) || x.length === 0) throw bad('文件里没有数据行。', 'The file has no rows.');
  let cells = 0;
  for (const row of x) {
    if (!Array.isArray(row)) throw bad('文件数据格式不对：每行应为数组。', 'Bad file data: each row must be an array.');
    cells += row.length;
    for (const c of row) {
      const ok = c === null || (typeof c === 'number' && Number.isFinite(c)) || (typeof c === 'string' && c.length <= MAX_CELL_TEXT);
      if (!ok) throw bad('文件中有无法写入表格的单元格（过长或类型不对）。', 'The file has a cell that cannot be written to a sheet (too long or of the wrong type).');
    }
  }
  if (cells === 0) throw bad('文件里没有数据行。', 'The file has no rows.');
  if (cells > MAX_IMPORT_CELLS) {
    throw bad(`文件太大（${cells} 个单元格，上限 ${MAX_IMPORT_CELLS}）。请按月拆分后导入。`, `The file is too large (${cells} cells, limit ${MAX_IMPORT_CELLS}). Split it by month.`);
  }
  return x as (string | number | null)[][];
}

export function requireTemplateName(x: unknown): string {
  if (typeof x !== 'string' || x.trim() === '' || x.length > 100) {
    throw bad('模板名称应为 1–100 个字符。', 'A template name must have 1–100 characters.');
  }
  return x.trim();
}

export function requireFileName(x: unknown): string {
  if (typeof x !== 'string' || x.length > 255) throw bad('文件名无效。', 'Invalid file name.');
  return x;
}

/** A template that passes `validateTemplate`; otherwise every problem, the first as the message and the rest as details. */
export function requireTemplate(x: unknown): Template {
  const checked = validateTemplate(x);
  if (checked.ok) return checked.template;
  const [first, ...rest] = checked.errors;
  throw new UserError({
    zh: `模板有 ${checked.errors.length} 处需要修改，未写入任何内容：${first!.zh}`,
    en: `The template needs ${checked.errors.length} fix(es); nothing was written: ${first!.en}`,
  }, 'zh', rest);
}

/** An optional yes/no choice from the sidebar (absent means no). */
export function optionalFlag(x: unknown, field: string): boolean {
  if (x === undefined || x === null) return false;
  if (typeof x !== 'boolean') throw bad(`请求格式不对：${field} 应为 true 或 false。`, `Bad request: ${field} must be true or false.`);
  return x;
}

/** An optional list of metric ids of the catalogue (e.g. the items accepted as 无数据). */
export function optionalMetricList(x: unknown, field: string): string[] {
  if (x === undefined || x === null) return [];
  if (!Array.isArray(x) || x.length > APPRAISAL_METRICS.length || !x.every((m) => typeof m === 'string' && APPRAISAL_METRICS.some((e) => e.id === m))) {
    throw bad(`请求格式不对：${field} 应为指标代码的列表。`, `Bad request: ${field} must be a list of metric ids.`);
  }
  return x as string[];
}
