/**
 * How a month's figure was made from the rows, when the export has no counts to sum: the one rule
 * for per-row rate columns (平均响应时长, 回复率, 转化率 … per day) and for ratings, and the note
 * the 考核 tab's value header carries to say it.
 *
 * The rule: a column holding the metric itself is averaged over the agent's rows, each row
 * weighted by the number of buyers behind it —
 * 1. the metric's own denominator column when the export has it (人工回复次数 for 平均响应时长,
 *    接待人数 for 首次响应, 咨询人数 for 回复率, 评价数 for the DSR …);
 * 2. else the day's conversation volume, 接待人数, else 咨询人数 (a day with 200 buyers says more
 *    about an agent than a day with 5);
 * 3. else a plain mean of the rows.
 * Only when the counts themselves are there is the figure Σ numerator ÷ Σ denominator
 * ("按月合计后计算"); the note never claims that otherwise.
 */
import type { Msg } from '../i18n';
import { fieldById } from './fields';
import { sourcesNote } from './labels';

/** The volume columns a rate is weighted by when its own denominator is missing, best first. */
export const RATE_VOLUME: readonly string[] = ['buyers_served', 'received'];

export type Basis =
  /** Σ of counts (and Σ ÷ Σ): the month summed first. */
  | { form: 'summed' }
  /** Rows' values averaged, each weighted by the column `by`; `missing` are the count fields the export lacks. */
  | { form: 'weighted'; by: string; missing: string[] }
  /** Rows' values averaged plainly: nothing to weight by. */
  | { form: 'plain'; missing: string[] };

/** The export columns a metric's counts would come from but the export lacks, as their field names. */
export function missingFields(fields: readonly string[], has: (field: string) => boolean): string[] {
  return fields.filter((f) => !has(f)).map((f) => fieldById(f)?.zh ?? f);
}

/**
 * The column to weight a rate column by, following the rule above: the first of `own` (the
 * metric's denominators, best first), else of `RATE_VOLUME`, that the export has; `undefined`
 * for a plain mean. `volume` false for a rating (weighted by its own count only).
 */
export function weightField(own: readonly string[], has: (field: string) => boolean, volume = true): string | undefined {
  return own.find(has) ?? (volume ? RATE_VOLUME.find(has) : undefined);
}

const quoted = (names: readonly string[], and: string) => names.map((n) => `「${n}」`).join(and);

/** The value header's note: its source columns and how the month's figure was made from them. */
export function basisNote(headers: readonly string[], basis: Basis | undefined): Msg {
  if (!basis || basis.form === 'summed') return sourcesNote(headers);
  const from = { zh: `来源列：${headers.join('、')}`, en: `From: ${headers.join(', ')}` };
  const lacks = basis.missing.length
    ? { zh: `数据中没有${quoted(basis.missing, '和')}，无法按月合计后计算；`, en: `the data has no ${basis.missing.join(' or ')} to sum over the month; ` }
    : { zh: '', en: '' };
  if (basis.form === 'weighted') {
    return {
      zh: `${from.zh}（${lacks.zh}按每行的「${basis.by}」加权平均各行的值）`,
      en: `${from.en} (${lacks.en}the rows' values are averaged, each weighted by its ${basis.by})`,
    };
  }
  return {
    zh: `${from.zh}（${lacks.zh}${basis.missing.length ? '也' : ''}没有可加权的人数列，取各行的值的简单平均）`,
    en: `${from.en} (${lacks.en}with no count to weight by, a plain mean of the rows' values)`,
  };
}
