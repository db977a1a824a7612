/**
 * One month's figures per agent from a pasted export (one row per agent, or per agent per day).
 *
 * Rows are summed per agent before any rate is taken: a rate is Σ numerator ÷ Σ denominator
 * (1 of 2, then 1 of 98 → 2/100 = 2 %, never the 25.5 % mean of the daily rates). A column
 * holding the rate itself is used only when its counts are missing; it is then averaged by the
 * one rule of `basis.ts` (weighted by its denominator, else by the day's 接待人数 / 咨询人数, else
 * plainly), which the tab's header note states. The DSR is weighted by 评价数 likewise.
 * Agents are matched by `readKey` (rule 8) and shown as first written.
 */
import { UserError, type Msg } from '../i18n';
import { APPRAISAL_METRICS, catalogueEntry } from '../metrics/catalogue';
import { daysFromCivil, isCivilDate, isoDay } from '../metrics/timezone';
import { NUM_ERROR, type Coerced, type Unit } from '../metrics/types';
import { readCount } from '../metrics/coerce';
import type { CellRule } from '../metrics/functions';
import { readDay } from '../metrics/coerce';
import { hasPercentSign, isBlankLike, keyText, readKey, readerFor, type ReadAs } from './cells';
import { fieldById, headerKeyWithoutUnits, headerUnit, type FieldKind } from './fields';
import type { ColumnGuess, Recognition } from './headers';
import { METRIC_SOURCES } from './metric-sources';
import { missingFields, weightField, type Basis } from './basis';

export interface AggregateOptions {
  /** `YYYY-MM`: rows dated outside it are skipped (when there is a date column). */
  month: string;
  /** The spreadsheet's zone, for Date cells. */
  timeZone: string;
  /** Bound names: account or nickname → the person it belongs to. */
  aliases?: Record<string, string>;
}

export interface AgentValues {
  agent: string;
  /** Metric id → the month's value, or `''` when there is no basis (no inquiries, no orders …). */
  values: Record<string, number | ''>;
  /** Metric id → the headers of the columns it was computed from. */
  sources: Record<string, string[]>;
  /** Metric id → how the figure was made when it was not summed (rate or rating columns averaged). */
  basis?: Record<string, Basis>;
  /** The accounts summed into this agent as the data wrote them (first spelling), when several were merged. */
  accounts?: string[];
}

export interface SkippedRow {
  /** 1-based sheet row. */
  row: number;
  reason: Msg;
}

export interface Aggregation {
  agents: AgentValues[];
  skipped: SkippedRow[];
  /** Data rows that counted towards some agent. */
  rowsUsed: number;
  /** Metrics the mapped columns can compute, in catalogue order. */
  availableMetrics: string[];
  warnings: Msg[];
}

/** Rows that restate the others (totals, averages, peer benchmarks), compared as header keys. */
const SUMMARY_WORDS = new Set([
  '汇总', '合计', '总计', '小计', '总和', '均值', '平均', '平均值', '中位数', '店铺汇总', '店铺汇总值', '店铺均值', '同行同层均值', '同行同层平均',
  '同行均值', '同行平均', '行业均值', '行业平均', '团队平均', '团队均值', '团队中位数', '团队汇总', '全店', '全店汇总', '全部', '总体', '整体',
  'total', 'totals', 'grandtotal', 'sum', 'subtotal', 'average', 'avg', 'mean', 'median', 'overall', 'all',
].map((w) => headerKeyWithoutUnits(w)));

/** Only this many skipped rows are listed one by one; the rest are counted in a warning. */
const MAX_LISTED_SKIPS = 1000;
/** Rows named in a bad-cell warning. */
const MAX_LISTED_ROWS = 5;

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

const summaryReason = (word: string): Msg => ({ zh: `汇总行「${word}」，已跳过`, en: `summary row "${word}", skipped` });

function summaryWord(cell: unknown): string | null {
  if (typeof cell !== 'string' || cell.length > 20) return null;
  return SUMMARY_WORDS.has(headerKeyWithoutUnits(cell).replace(/[:：]$/, '')) ? cell.trim() : null;
}

/** The first and last calendar day of `YYYY-MM`. */
export function monthDays(month: string): { first: number; last: number } {
  const m = /^(\d{4})-(\d{2})$/.exec(typeof month === 'string' ? month : '');
  if (!m || !isCivilDate(Number(m[1]), Number(m[2]), 1)) {
    throw new UserError({ zh: `月份格式应为 YYYY-MM（例如 2026-11），收到 "${String(month)}"`, en: `the month must be YYYY-MM (e.g. 2026-11), got "${String(month)}"` });
  }
  const year = Number(m[1]);
  const monthNo = Number(m[2]);
  const first = daysFromCivil(year, monthNo, 1);
  const next = monthNo === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, monthNo + 1, 1);
  return { first, last: next - 1 };
}

/**
 * `店铺名:小美` (half- or full-width colon) → `小美`: sub-accounts are named after their shop.
 * Only a prefix that can be a shop name is cut, so `=HYPERLINK("http://x")` or `http://x`
 * stays whole (a name is never mangled into something the manager did not type).
 */
export function subAccountName(raw: string): string {
  const parts = raw.split(/[:：]/u);
  const name = parts[parts.length - 1]!.trim();
  const shopLike = parts.slice(0, -1).every((part) => PLAIN_SEGMENT.test(part));
  return parts.length > 1 && shopLike && name !== '' && !name.startsWith('/') ? name : raw;
}

/** A shop or group name: does not open like a formula, holds no quotes, brackets or slashes. */
const PLAIN_SEGMENT = /^[^\s=+\-@"'()<>/\\][^"'()<>/\\]*$/u;

export const readAsOfKind = (kind: FieldKind): ReadAs => (kind === 'weight' ? 'count' : kind === 'rate' || kind === 'agent' ? 'number' : kind);

/** A rate column is read in its metric's unit: seconds and days as durations, yuan as money. */
export function readAsOfUnit(unit: Unit): ReadAs {
  if (unit === 'seconds' || unit === 'hours' || unit === 'days') return unit;
  return unit === 'yuan' ? 'amount' : 'number';
}

/** How one metric is computed from the columns this export has. */
type Plan =
  | { metric: string; form: 'counts'; part: number; whole: number; rule: CellRule }
  | { metric: string; form: 'sum'; slot: number }
  | { metric: string; form: 'perAccount'; slot: number }
  | { metric: string; form: 'mean'; mean: number };

/** A column averaged per agent: a rate column (fallback) or a rating. */
interface MeanColumn {
  column: number;
  read: (cell: unknown) => Coerced;
  /** Column of the weights, or -1 for a plain mean. */
  weightColumn: number;
  /** Plain numbers are percents (`99.71` = 99.71 %), decided for the whole column. */
  percentNumbers: boolean;
  /** Rows with a value but no readable weight: left out, and said so. */
  unweighted: number;
}

interface AgentState {
  agent: string;
  /** Account key → its first spelling. */
  accounts: Map<string, string>;
  sums: Float64Array;
  weighted: Float64Array;
  weights: Float64Array;
}

/** Bad cells of one column, reported once per column, not once per cell. */
interface BadCells {
  unreadable: number;
  negative: number;
  rows: number[];
  lastRow: number;
}

/**
 * Largest plain value of a fraction column that can still be a fraction: proportions never
 * exceed 1, nor do the rates of bad events per order (退款率, 纠纷率, 投诉率: 2.5 there is
 * 2.5 %); a sales achievement may (120 %), but not 300 %, so above 3 it is a percent number.
 */
const fractionCeiling = (metric: string) => {
  const entry = catalogueEntry(metric);
  return entry?.kind === 'proportion' || entry?.direction === 'lower' ? 1 : 3;
};

export function percentNumbers(rows: readonly unknown[][], start: number, column: number, metric: string, header: string): boolean {
  if (catalogueEntry(metric)?.unit !== 'fraction') return false;
  if (headerUnit(header) === 'percent') return true;
  const ceiling = fractionCeiling(metric);
  for (let r = start; r < rows.length; r++) {
    const cell = rows[r]![column];
    if (hasPercentSign(cell)) continue;
    const n = typeof cell === 'number' ? cell : typeof cell === 'string' ? Number(cell.replace(/[,\s]/g, '')) : NaN;
    if (n > ceiling) return true;
  }
  return false;
}

/** Where the data starts and which column holds which field; the column headers name the sources. */
export type ColumnMapping = Pick<Recognition, 'headerRows' | 'mapping'> & { columns?: readonly ColumnGuess[] };

/**
 * Sums an export per agent for one month and computes every metric its columns allow.
 * `recognition` is `recognise(grid, corrections)` (or any header-row count and field → column
 * mapping); bad cells are counted as blank and reported, never thrown. Throws a `UserError`
 * only for a malformed month.
 */
export function aggregate(grid: readonly unknown[][], recognition: ColumnMapping, options: AggregateOptions): Aggregation {
  const { first, last } = monthDays(options.month);
  const rows = Array.isArray(grid) ? grid.map((row) => (Array.isArray(row) ? row : [])) : [];
  const { mapping, headerRows } = recognition;
  const headerOf = (column: number) => recognition.columns?.[column]?.header || `#${column + 1}`;
  const columnOf = (field: string): number => (Object.prototype.hasOwnProperty.call(mapping, field) ? mapping[field]! : -1);
  const warnings: Msg[] = [];
  const agentColumn = columnOf('agent');
  const dateColumn = columnOf('date');

  // Columns summed per agent: one slot each.
  const slotColumns: number[] = [];
  const slotReaders: ((cell: unknown) => Coerced)[] = [];
  const slotOf = (field: string): number => {
    const column = columnOf(field);
    const existing = slotColumns.indexOf(column);
    if (existing >= 0) return existing;
    slotColumns.push(column);
    slotReaders.push(readerFor(readAsOfKind(fieldById(field)!.kind), headerUnit(headerOf(column)), options.timeZone));
    return slotColumns.length - 1;
  };
  const means: MeanColumn[] = [];
  const plans: Plan[] = [];
  const sources: Record<string, string[]> = {};
  const basis: Record<string, Basis> = {};

  for (const entry of APPRAISAL_METRICS) {
    const metric = entry.id;
    const source = METRIC_SOURCES[metric];
    if (!source) continue;
    if (source.form === 'quotient') {
      const whole = source.whole.find((f) => columnOf(f) >= 0);
      if (columnOf(source.part) >= 0 && whole) {
        plans.push({ metric, form: 'counts', part: slotOf(source.part), whole: slotOf(whole), rule: source.rule });
        sources[metric] = [headerOf(columnOf(source.part)), headerOf(columnOf(whole))];
      } else if (columnOf(source.rate) >= 0) {
        const column = columnOf(source.rate);
        const header = headerOf(column);
        // The one rule for rate columns without counts (basis.ts): weighted by the metric's own
        // denominator, else by the day's 接待人数 / 咨询人数, else a plain mean; the note says which.
        const has = (f: string) => columnOf(f) >= 0;
        const by = weightField(source.whole, has);
        const weightColumn = by ? columnOf(by) : -1;
        const missing = missingFields(whole ? [source.part] : [source.part, source.whole[0]!], has);
        basis[metric] = by ? { form: 'weighted', by: headerOf(weightColumn), missing } : { form: 'plain', missing };
        const mean: MeanColumn = {
          column, weightColumn, read: readerFor(readAsOfUnit(entry.unit), headerUnit(header), options.timeZone),
          percentNumbers: percentNumbers(rows, headerRows, column, metric, header), unweighted: 0,
        };
        if (mean.percentNumbers) {
          warnings.push({ zh: `「${header}」列的数字按百分数读取（99.71 即 99.71%）`, en: `column "${header}" is read as percent numbers (99.71 means 99.71 %)` });
        }
        plans.push({ metric, form: 'mean', mean: means.push(mean) - 1 });
        sources[metric] = weightColumn >= 0 ? [header, headerOf(weightColumn)] : [header];
      }
    } else if (columnOf(source.field) >= 0) {
      const column = columnOf(source.field);
      if (source.form === 'mean') {
        const weightColumn = columnOf(source.weight);
        basis[metric] = weightColumn >= 0 ? { form: 'weighted', by: headerOf(weightColumn), missing: [] } : { form: 'plain', missing: [] };
        const mean = { column, weightColumn, read: readerFor('rating', null, options.timeZone), percentNumbers: false, unweighted: 0 };
        plans.push({ metric, form: 'mean', mean: means.push(mean) - 1 });
        sources[metric] = weightColumn >= 0 ? [headerOf(column), headerOf(weightColumn)] : [headerOf(column)];
      } else {
        plans.push({ metric, form: source.form, slot: slotOf(source.field) });
        sources[metric] = [headerOf(column)];
      }
    }
  }

  const skipped: SkippedRow[] = [];
  let unlisted = 0;
  const skip = (r: number, reason: Msg) => {
    if (skipped.length < MAX_LISTED_SKIPS) skipped.push({ row: r + 1, reason });
    else unlisted++;
  };
  const bad = new Map<number, BadCells>();
  const noteBad = (column: number, r: number, read: Coerced) => {
    let b = bad.get(column);
    if (!b) bad.set(column, (b = { unreadable: 0, negative: 0, rows: [], lastRow: -1 }));
    if (b.lastRow === r) return;
    b.lastRow = r;
    if (read === NUM_ERROR) b.negative++;
    else b.unreadable++;
    if (b.rows.length < MAX_LISTED_ROWS) b.rows.push(r + 1);
  };

  const states: AgentState[] = [];
  const byRawName = new Map<string, AgentState>();
  const byAgent = new Map<string, AgentState>();
  // Names are matched by `readKey` (rule 8: `Amy` = `amy` = `Ａｍｙ`, `店铺：小美` = `店铺:小美`); an agent
  // is shown as the first spelling met (the first row's, or the alias table's target).
  const aliasByKey = new Map<string, string>();
  for (const [name, target] of Object.entries(options.aliases ?? {})) {
    const key = readKey(name);
    const shown = keyText(target);
    if (key && shown && !aliasByKey.has(key)) aliasByKey.set(key, shown);
  }
  const alias = (name: string): string | undefined => aliasByKey.get(readKey(name));
  const stateOf = (raw: string, rawKey: string): AgentState => {
    const agent = alias(raw) ?? alias(subAccountName(raw)) ?? subAccountName(raw);
    const agentKey = readKey(agent);
    let state = byAgent.get(agentKey);
    if (!state) {
      state = {
        agent, accounts: new Map(), sums: new Float64Array(slotColumns.length),
        weighted: new Float64Array(means.length), weights: new Float64Array(means.length),
      };
      byAgent.set(agentKey, state);
      states.push(state);
    }
    // Accounts are counted by key too: `店铺：小美` and `店铺:小美` are one account (ONLINE_HOURS ÷ accounts).
    if (!state.accounts.has(rawKey)) state.accounts.set(rawKey, raw);
    byRawName.set(rawKey, state);
    return state;
  };

  // The first column repeats (dates, serial numbers): each distinct text is looked up once.
  const firstColumnWords = new Map<string, string | null>();
  const firstColumnSummary = (cell: unknown): string | null => {
    if (typeof cell !== 'string') return null;
    let word = firstColumnWords.get(cell);
    if (word === undefined) firstColumnWords.set(cell, (word = summaryWord(cell)));
    return word;
  };

  let rowsUsed = 0;
  if (agentColumn < 0) {
    warnings.push({ zh: '没有识别出客服列（如「客服昵称」「旺旺」）：请在列映射中指定哪一列是客服', en: 'no agent column was recognised (e.g. 客服昵称, 旺旺): pick it in the column mapping' });
  } else {
    for (let r = headerRows; r < rows.length; r++) {
      const row = rows[r]!;
      const agentCell = row[agentColumn];
      const rawKey = readKey(agentCell);
      // Known agents take the fast path: their name is no summary word, but a subtotal row
      // (`小计 | 小美 | …`) can still say so in the first column, so that is checked every time.
      let state = rawKey ? byRawName.get(rawKey) : undefined;
      if (!state) {
        if (!rawKey && row.every(isBlankLike)) continue;
        const summary = summaryWord(agentCell) ?? firstColumnSummary(row[0]) ?? (dateColumn >= 0 ? summaryWord(row[dateColumn]) : null);
        if (summary) { skip(r, summaryReason(summary)); continue; }
        if (!rawKey) { skip(r, { zh: '没有客服名称，已跳过', en: 'no agent name, skipped' }); continue; }
      } else if (agentColumn !== 0) {
        const summary = firstColumnSummary(row[0]);
        if (summary) { skip(r, summaryReason(summary)); continue; }
      }
      if (dateColumn >= 0) {
        const dateCell = row[dateColumn];
        const day = readDay(dateCell, options.timeZone);
        if (day === null) { skip(r, { zh: '日期为空，已跳过', en: 'no date, skipped' }); continue; }
        if (typeof day !== 'number') {
          const summary = summaryWord(dateCell);
          const text = String(dateCell);
          skip(r, summary ? summaryReason(summary) : { zh: `日期「${text}」无法识别，已跳过`, en: `the date "${text}" cannot be read, skipped` });
          continue;
        }
        if (day < first || day > last) {
          skip(r, { zh: `日期 ${isoDay(day)} 不在 ${options.month} 内，已跳过`, en: `the date ${isoDay(day)} is outside ${options.month}, skipped` });
          continue;
        }
      }
      state ??= stateOf(keyText(agentCell), rawKey);
      rowsUsed++;
      for (let s = 0; s < slotColumns.length; s++) {
        const read = slotReaders[s]!(row[slotColumns[s]!]);
        if (typeof read === 'number') state.sums[s]! += read;
        else if (read !== null) noteBad(slotColumns[s]!, r, read);
      }
      for (let m = 0; m < means.length; m++) {
        const mean = means[m]!;
        const cell = row[mean.column];
        const read = mean.read(cell);
        if (typeof read !== 'number') {
          if (read !== null) noteBad(mean.column, r, read);
          continue;
        }
        let weight = 1;
        if (mean.weightColumn >= 0) {
          const w = readCount(row[mean.weightColumn]);
          if (typeof w !== 'number') { mean.unweighted++; continue; }
          weight = w;
        }
        const value = mean.percentNumbers && !hasPercentSign(cell) ? read / 100 : read;
        state.weighted[m]! += value * weight;
        state.weights[m]! += weight;
      }
    }
  }
  for (const mean of means) {
    if (mean.unweighted === 0) continue;
    const [value, weight] = [headerOf(mean.column), headerOf(mean.weightColumn)];
    warnings.push({
      zh: `「${value}」有 ${mean.unweighted} 行没有可读的「${weight}」，无法加权，这些行未计入`,
      en: `column "${value}": ${plural(mean.unweighted, 'row')} without a readable ${weight} to weight by, left out`,
    });
  }
  if (unlisted > 0) warnings.push({ zh: `另有 ${unlisted} 行被跳过，未逐行列出`, en: `${unlisted} more rows were skipped and are not listed one by one` });
  for (const [column, b] of bad) {
    const where = `${b.rows.join('、')}${b.unreadable + b.negative > b.rows.length ? '…' : ''}`;
    const whereEn = `${b.rows.join(', ')}${b.unreadable + b.negative > b.rows.length ? '…' : ''}`;
    if (b.unreadable) warnings.push({ zh: `「${headerOf(column)}」列有 ${b.unreadable} 个单元格无法读取为数字（第 ${where} 行），按空白计算`, en: `column "${headerOf(column)}": ${plural(b.unreadable, 'cell')} cannot be read as numbers (rows ${whereEn}); counted as blank` });
    if (b.negative) warnings.push({ zh: `「${headerOf(column)}」列有 ${b.negative} 个负数或超出范围的值（第 ${where} 行），按空白计算`, en: `column "${headerOf(column)}": ${plural(b.negative, 'negative or out-of-range value')} (rows ${whereEn}); counted as blank` });
  }

  const agents = states.map((state): AgentValues => {
    const values: Record<string, number | ''> = {};
    const agentSources: Record<string, string[]> = {};
    for (const plan of plans) {
      let value: number | '' = '';
      if (plan.form === 'counts') {
        const part = state.sums[plan.part]!;
        const whole = state.sums[plan.whole]!;
        const out = plan.rule(part, whole);
        if (typeof out === 'number') value = out;
        else if (!Number.isFinite(part + whole)) value = Infinity; // overflow: said below, not as part > whole
        else if (out === NUM_ERROR) {
          const [partHeader, wholeHeader] = sources[plan.metric]!;
          warnings.push({
            zh: `${state.agent} 的「${catalogueEntry(plan.metric)!.name.zh}」无法计算：${partHeader} 合计 ${state.sums[plan.part]} 大于 ${wholeHeader} 合计 ${state.sums[plan.whole]}`,
            en: `${state.agent}: ${plan.metric} cannot be computed: ${partHeader} adds up to ${state.sums[plan.part]}, more than ${wholeHeader} (${state.sums[plan.whole]})`,
          });
        }
      } else if (plan.form === 'sum') value = state.sums[plan.slot]!;
      else if (plan.form === 'perAccount') value = state.sums[plan.slot]! / state.accounts.size;
      else value = state.weights[plan.mean]! > 0 ? state.weighted[plan.mean]! / state.weights[plan.mean]! : '';
      if (typeof value === 'number' && !Number.isFinite(value)) {
        // Sums beyond what a number holds (1e308 + 1e308): no figure rather than Infinity, said out loud.
        value = '';
        const name = catalogueEntry(plan.metric)!.name;
        warnings.push({
          zh: `${state.agent} 的「${name.zh}」无法计算：数值超出可计算范围，请检查来源列（${sources[plan.metric]!.join('、')}）`,
          en: `${state.agent}: ${name.en} cannot be computed: the figures are too large to compute with; check the columns ${sources[plan.metric]!.join(', ')}`,
        });
      }
      values[plan.metric] = value;
      agentSources[plan.metric] = sources[plan.metric]!.slice();
    }
    const agent: AgentValues = { agent: state.agent, values, sources: agentSources };
    if (Object.keys(basis).length) agent.basis = { ...basis };
    if (state.accounts.size > 1) agent.accounts = [...state.accounts.values()];
    return agent;
  });
  if (agentColumn >= 0 && plans.length === 0) {
    warnings.push({ zh: '没有可计算的指标：请检查列映射（例如「询单人数」「询单->最终付款人数」）', en: 'no metric can be computed from these columns: check the column mapping (e.g. inquiring buyers, paid buyers)' });
  }
  return { agents, skipped, rowsUsed, availableMetrics: plans.map((p) => p.metric), warnings };
}
