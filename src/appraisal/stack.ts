/**
 * Several exports of one month (a 赤兔 export, a 售后 export, a 飞鸽 export …) read as one: each
 * file's columns are read in its own units (`（分钟）`, `99.71` meaning 99.71 %) into plain numbers
 * under one column per field, then summed per person by `aggregate` (Σ numerator ÷ Σ denominator
 * across files and platforms), so every metric is filled from whichever file holds it.
 *
 * The same column from two files for the same person and day is most likely one figure exported
 * twice (赤兔 and 生意参谋 both report 接待人数): it is summed, as the data says, but reported
 * as a possible double count so the manager can drop one file's column.
 */
import type { Msg } from '../i18n';
import { catalogueEntry } from '../metrics/catalogue';
import { readDay } from '../metrics/coerce';
import type { Coerced } from '../metrics/types';
import {
  aggregate, monthDays, percentNumbers, readAsOfKind, readAsOfUnit, subAccountName, type Aggregation,
} from './aggregate';
import { hasPercentSign, readKey, readerFor } from './cells';
import { FIELDS, fieldById, headerUnit } from './fields';
import type { Recognition } from './headers';
import { METRIC_SOURCES } from './metric-sources';
import { aliasesFor, personKey, platformOf, type Binding } from './people';

export interface Source {
  /** The tab (or file) name, used in messages and to guess the platform. */
  name: string;
  grid: readonly unknown[][];
  /** `recognise(grid, corrections)` of this source. */
  recognition: Pick<Recognition, 'headerRows' | 'mapping' | 'columns'>;
}

export interface StackOptions {
  month: string;
  timeZone: string;
  bindings?: readonly Binding[];
  /** The metrics the template scores: only their bases are checked across files (all when absent). */
  metrics?: readonly string[];
}

/** Rows named in a warning. */
const MAX_LISTED_ROWS = 5;

/** The metric whose own value a rate field holds (`satisfaction_rate` → SATISFACTION_RATE). */
const RATE_METRIC = new Map<string, string>();
for (const [metric, source] of Object.entries(METRIC_SOURCES)) if (source.form === 'quotient') RATE_METRIC.set(source.rate, metric);

/** A header as the tab's source notes show it: without the unit the values no longer carry. */
const bareHeader = (header: string) => header.normalize('NFKC').replace(/[(\[【〔][^)\]】〕]*[)\]】〕]/g, '').replace(/[%％]/g, '').trim() || header;

/** How one source column becomes plain numbers: its reader and whether plain numbers are percents. */
function columnReader(source: Source, field: string, column: number, timeZone: string, warnings: Msg[]): (cell: unknown) => Coerced {
  const header = source.recognition.columns?.[column]?.header ?? '';
  const kind = fieldById(field)!.kind;
  const metric = RATE_METRIC.get(field);
  if (kind === 'rate' && metric) {
    const read = readerFor(readAsOfUnit(catalogueEntry(metric)!.unit), headerUnit(header), timeZone);
    const percent = percentNumbers(source.grid as unknown[][], source.recognition.headerRows, column, metric, header);
    if (percent) warnings.push({ zh: `「${source.name}」的「${header}」列的数字按百分数读取（99.71 即 99.71%）`, en: `"${source.name}", column "${header}" is read as percent numbers (99.71 means 99.71 %)` });
    return percent ? (cell) => { const v = read(cell); return typeof v === 'number' && !hasPercentSign(cell) ? v / 100 : v; } : read;
  }
  if (kind === 'rating') return readerFor('rating', null, timeZone);
  return readerFor(readAsOfKind(kind), headerUnit(header), timeZone);
}

interface Origin {
  source: number;
  /** 0-based row in the source grid. */
  row: number;
}

/** Stacks the sources into one grid of plain values (one header row) and remembers where each row came from. */
function stack(sources: readonly Source[], month: string, timeZone: string, warnings: Msg[]) {
  const fields = FIELDS.map((f) => f.id).filter((id) => sources.some((s) => Object.prototype.hasOwnProperty.call(s.recognition.mapping, id)));
  // Column 0 keeps each row's own first cell, so a subtotal row (`小计 | 小美 | …`) is still seen as one.
  const mapping: Record<string, number> = {};
  fields.forEach((id, i) => (mapping[id] = i + 1));
  const headers = fields.map((id) => {
    const names = sources.flatMap((s) => (id in s.recognition.mapping ? [bareHeader(s.recognition.columns?.[s.recognition.mapping[id]!]?.header ?? id)] : []));
    return [...new Set(names)].join(' / ');
  });
  const grid: unknown[][] = [['', ...headers]];
  const origins: (Origin | null)[] = [null];
  const columns = [{ index: 0, header: '', field: null, samples: [] }, ...headers.map((header, i) => ({ index: i + 1, header, field: fields[i]!, samples: [] as string[] }))];
  sources.forEach((source, s) => {
    const { headerRows, mapping: own } = source.recognition;
    const readers = fields.map((id) => {
      if (!(id in own)) return null;
      const kind = fieldById(id)!.kind;
      return kind === 'agent' || kind === 'date' ? 'raw' as const : columnReader(source, id, own[id]!, timeZone, warnings);
    });
    // A file without dates holds the month's totals: its rows stand on the month's first day,
    // so the month filter keeps them while the other files' daily rows are filtered by date.
    const undated = 'date' in mapping && !('date' in own) ? `${month}-01` : null;
    const bad = new Map<number, number[]>();
    for (let r = headerRows; r < source.grid.length; r++) {
      const row = Array.isArray(source.grid[r]) ? source.grid[r]! : [];
      const out: unknown[] = [row[0] ?? ''];
      fields.forEach((id, i) => {
        const reader = readers[i];
        if (id === 'date' && undated) { out.push(undated); return; }
        const cell = reader ? row[own[id]!] : '';
        if (!reader || reader === 'raw') { out.push(cell ?? ''); return; }
        const value = reader(cell);
        if (typeof value === 'number') out.push(value);
        else {
          out.push('');
          if (value !== null) {
            const rows = bad.get(own[id]!) ?? [];
            rows.push(r + 1);
            bad.set(own[id]!, rows);
          }
        }
      });
      grid.push(out);
      origins.push({ source: s, row: r });
    }
    for (const [column, rows] of bad) {
      const header = source.recognition.columns?.[column]?.header ?? `#${column + 1}`;
      const listed = rows.slice(0, MAX_LISTED_ROWS);
      const more = rows.length > listed.length ? '…' : '';
      warnings.push({
        zh: `「${source.name}」的「${header}」列有 ${rows.length} 个单元格无法读取或为负数（第 ${listed.join('、')}${more} 行），按空白计算`,
        en: `"${source.name}", column "${header}": ${rows.length} cell(s) unreadable or negative (rows ${listed.join(', ')}${more}); counted as blank`,
      });
    }
  });
  return { grid, origins, recognition: { headerRows: 1, mapping, columns } };
}

/**
 * The same field, person and day from two files: possible double counts, one message per field,
 * person and pair of files. Accounts on two known, different platforms are different accounts
 * (小美 on 淘宝 and on 京东) and are summed without a word.
 */
function doubleCounts(sources: readonly Source[], aliases: Record<string, string>, options: StackOptions): Msg[] {
  const { first, last } = monthDays(options.month);
  type Seen = Map<number, Set<number | 'month'>>;
  const seen = new Map<string, Seen>();
  const platforms = sources.map((s) => platformOf(s.name));
  sources.forEach((source, s) => {
    const { mapping, headerRows } = source.recognition;
    const agentColumn = mapping.agent;
    if (agentColumn === undefined) return;
    const dateColumn = mapping.date;
    const measured = Object.keys(mapping).filter((id) => id !== 'agent' && id !== 'date');
    for (let r = headerRows; r < source.grid.length; r++) {
      const row = source.grid[r] ?? [];
      const raw = readKey(row[agentColumn]);
      if (!raw) continue;
      let day: number | 'month' = 'month';
      if (dateColumn !== undefined) {
        const d = readDay(row[dateColumn], options.timeZone);
        if (typeof d !== 'number' || d < first || d > last) continue;
        day = d;
      }
      const person = aliases[raw] ?? subAccountName(raw);
      for (const id of measured) {
        const cell = row[mapping[id]!];
        if (cell === null || cell === undefined || cell === '' || cell === '-') continue;
        const key = `${person}\u0000${personKey(raw)}\u0000${id}`;
        let bySource = seen.get(key);
        if (!bySource) seen.set(key, (bySource = new Map()));
        let days = bySource.get(s);
        if (!days) bySource.set(s, (days = new Set()));
        days.add(day);
      }
    }
  });
  const out: Msg[] = [];
  for (const [key, bySource] of seen) {
    if (bySource.size < 2) continue;
    const [person, , id] = key.split('\u0000') as [string, string, string];
    const list = [...bySource];
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, daysA] = list[i]!;
        const [b, daysB] = list[j]!;
        if (platforms[a] && platforms[b] && platforms[a] !== platforms[b]) continue;
        const overlap = daysA.has('month') || daysB.has('month') ? Math.max(daysA.size, daysB.size) : [...daysA].filter((d) => daysB.has(d)).length;
        if (overlap === 0) continue;
        const field = fieldById(id)!;
        out.push({
          zh: `可能重复计算：${person} 的「${field.zh}」同时来自「${sources[a]!.name}」和「${sources[b]!.name}」（${overlap} 天），已相加；若是同一数据，请在其中一个文件的列映射中忽略该列`,
          en: `possible double count: ${person}'s "${field.en}" comes from both "${sources[a]!.name}" and "${sources[b]!.name}" (${overlap} day(s)) and was summed; if it is the same figure, ignore the column in one file's mapping`,
        });
      }
    }
  }
  return out;
}

/**
 * A metric whose part and whole come from different files would divide one back-end's figure
 * by another's (飞鸽's 满意人数 by 生意参谋's 评价数), and a rate column weighted by a count
 * another file holds loses the rows without it. Each such file is named.
 */
function unevenBases(sources: readonly Source[], metrics?: readonly string[]): Msg[] {
  const all = new Set(sources.flatMap((s) => Object.keys(s.recognition.mapping)));
  const out: Msg[] = [];
  for (const [metric, source] of Object.entries(METRIC_SOURCES)) {
    if (source.form !== 'quotient' || (metrics && !metrics.includes(metric))) continue;
    const whole = source.whole.find((id) => all.has(id));
    const byCounts = all.has(source.part) && whole !== undefined;
    const needed = byCounts ? [source.part, whole!] : all.has(source.rate) && whole ? [source.rate, whole] : [];
    if (needed.length === 0) continue;
    for (const s of sources) {
      const has = needed.map((id) => id in s.recognition.mapping);
      // Counts: a part without its whole (or the reverse) skews the sums, and a rate column is
      // then passed over. A weighted rate: only a rate without its weight loses rows.
      const harmful = byCounts ? has.some(Boolean) || source.rate in s.recognition.mapping : has[0];
      if (has.every(Boolean) || !harmful) continue;
      const missing = needed.filter((_, i) => !has[i]).map((id) => fieldById(id)!);
      const name = catalogueEntry(metric)!.name;
      out.push({
        zh: `「${s.name}」缺少「${missing.map((f) => f.zh).join('」「')}」，其他文件有：这个文件的「${name.zh}」无法与其他文件一起按 Σ/Σ 计算，结果可能不准，请检查列映射`,
        en: `"${s.name}" lacks ${missing.map((f) => f.en).join(', ')}, which another file has: its ${name.en} cannot be summed with the other files' (Σ/Σ); the result may be wrong, check the mapping`,
      });
    }
  }
  return out;
}

/**
 * One month's figures per person from several exports, with the person binding applied: every
 * account of a person summed into one row. One source goes straight to `aggregate` (its rows
 * and messages as they were); several are stacked first, and skipped rows then name their file.
 */
export function aggregateSources(sources: readonly Source[], options: StackOptions): Aggregation {
  const accounts = new Set<string>();
  for (const source of sources) {
    const column = source.recognition.mapping.agent;
    if (column === undefined) continue;
    for (let r = source.recognition.headerRows; r < source.grid.length; r++) accounts.add(readKey(source.grid[r]?.[column]));
  }
  const aliases = aliasesFor(options.bindings ?? [], accounts);
  if (sources.length === 1) {
    const only = sources[0]!;
    return aggregate(only.grid as unknown[][], only.recognition, { month: options.month, timeZone: options.timeZone, aliases });
  }
  const warnings: Msg[] = [];
  const stacked = stack(sources, options.month, options.timeZone, warnings);
  const result = aggregate(stacked.grid, stacked.recognition, { month: options.month, timeZone: options.timeZone, aliases });
  const skipped = result.skipped.map((skip) => {
    const origin = stacked.origins[skip.row - 1];
    if (!origin) return skip;
    const name = sources[origin.source]!.name;
    return { row: origin.row + 1, reason: { zh: `「${name}」第 ${origin.row + 1} 行：${skip.reason.zh}`, en: `"${name}" row ${origin.row + 1}: ${skip.reason.en}` } };
  });
  for (const source of sources) {
    if (source.recognition.mapping.agent === undefined) {
      warnings.push({ zh: `「${source.name}」没有识别出客服列，这个文件的行未计入`, en: `"${source.name}" has no agent column recognised; its rows were not counted` });
    }
  }
  return { ...result, skipped, warnings: [...warnings, ...unevenBases(sources, options.metrics), ...result.warnings, ...doubleCounts(sources, aliases, options)] };
}
