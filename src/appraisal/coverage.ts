/**
 * Which metric items of a template the month's data cannot score: no source column is mapped,
 * or every agent's value is blank. Such an item would score 0 for everyone and drag every total
 * down, so the build stops and names them with their weight, unless the manager accepts them as
 * 无数据 (no data): then they do not count and their weight is shared over the rest, visibly.
 * Pure: the server, the sidebar's template check and the command line ask the same question.
 */
import type { Msg } from '../i18n';
import { fieldById } from './fields';
import { METRIC_SOURCES } from './metric-sources';
import { own } from './manual-inputs';
import { isManual, shortName, type Template } from './template';

export interface UncoveredItem {
  metric: string;
  weight: number;
  /** `no-column`: the mapped columns cannot compute it; `blank`: they can, but every agent's value is blank this month. */
  reason: 'no-column' | 'blank';
  /** The fields it is computed from (labels), so the message can say which column to map. */
  needs: Msg;
}

/** The columns a metric is read from, as a manager would name them: `询单人数 + 询单->最终付款人数，或 询单转化率`. */
export function neededColumns(metric: string): Msg {
  const source = METRIC_SOURCES[metric];
  const label = (id: string): Msg => ({ zh: `「${fieldById(id)?.zh ?? id}」`, en: `"${fieldById(id)?.en ?? id}"` });
  if (!source) return { zh: '', en: '' };
  const join = (ids: string[], zh: string, en: string): Msg => ({ zh: ids.map((i) => label(i).zh).join(zh), en: ids.map((i) => label(i).en).join(en) });
  switch (source.form) {
    case 'quotient': {
      const counts = join([source.part, source.whole[0]!], '和', ' and ');
      const rate = label(source.rate);
      return { zh: `${counts.zh}，或${rate.zh}`, en: `${counts.en}, or ${rate.en}` };
    }
    case 'sum':
    case 'perAccount':
      return label(source.field);
    case 'mean':
      return label(source.field);
  }
}

/**
 * Metric → how many agents have a value for it this month, for every metric the mapped columns
 * can compute (`available`, from `aggregate`); a computable metric nobody has a value for is 0.
 * Plain JSON, so the sidebar gets it from the data analysis and asks the same question.
 */
export function coverageOf(available: readonly string[], agents: readonly { values: Record<string, number | ''> }[]): Record<string, number> {
  const coverage: Record<string, number> = {};
  for (const metric of available) coverage[metric] = agents.filter((a) => typeof own(a.values, metric) === 'number').length;
  return coverage;
}

/** The metric items of a template that no agent has a value for, by the data's `coverageOf`. */
export function uncoveredItems(template: Template, coverage: Readonly<Record<string, number>>): UncoveredItem[] {
  const out: UncoveredItem[] = [];
  for (const item of template.items) {
    if (isManual(item)) continue;
    const agents = own(coverage, item.metric);
    if (agents !== undefined && agents > 0) continue;
    out.push({ metric: item.metric, weight: item.weight, reason: agents === undefined ? 'no-column' : 'blank', needs: neededColumns(item.metric) });
  }
  return out;
}

/** `「客单价」（权重 10，无来源列：需要「销售额」和「下单人数」，或「客单价」）` — one line per item. */
export function uncoveredLine(u: UncoveredItem): Msg {
  const name = shortName(u.metric);
  return u.reason === 'no-column'
    ? { zh: `「${name}」（权重 ${u.weight}）：数据中没有来源列，需要 ${u.needs.zh}`, en: `${u.metric} (weight ${u.weight}): the data has no column for it; it needs ${u.needs.en}` }
    : { zh: `「${name}」（权重 ${u.weight}）：来源列本月全部为空`, en: `${u.metric} (weight ${u.weight}): its columns are blank for every agent this month` };
}

/**
 * The template the totals are computed with when `noData` items are built as 无数据: their
 * weight becomes 0, so SUMPRODUCT(weights, scores) ÷ SUM(weights) shares it over the rest in
 * proportion to their own weights. (For `expectedResults`; the tab keeps the template's weights
 * in its parameter block and puts 0 in its weights row.)
 */
export function withoutItems(template: Template, noData: readonly string[]): Template {
  return { ...template, items: template.items.map((i) => (!isManual(i) && noData.includes(i.metric) ? { ...i, weight: 0 } : i)) };
}

/** What the tab shows for an item built as 无数据. */
export const noDataLabel: Msg = { zh: '（无数据）', en: ' (no data)' };

export const noDataNote = (weight: number): Msg => ({
  zh: `模板权重 ${weight}。本月数据中没有这一项，按管理者的选择标为无数据：不计分，权重改为 0，原权重按比例分给其余各项（总分 = Σ 权重×得分 ÷ Σ 权重）。补上数据后重新生成即恢复。`,
  en: `Template weight ${weight}. This month's data has nothing for this item, so it was built as "no data" by the manager's choice: not scored, weight 0, its weight shared over the other items in proportion (total = Σ weight × score ÷ Σ weight). Rebuild once the data has it to restore it.`,
});

/** The line above the parameter block that says which items do not count this month. */
export function noDataBanner(items: readonly { metric: string; weight: number }[]): Msg {
  const shared = items.reduce((s, i) => s + i.weight, 0);
  return {
    zh: `⚠ 本月无数据、不计分：${items.map((i) => `「${shortName(i.metric)}」（权重 ${i.weight}）`).join('、')}；共 ${shared} 的权重已按比例分给其余各项。`,
    en: `⚠ No data this month, not scored: ${items.map((i) => `${i.metric} (weight ${i.weight})`).join(', ')}; their weight of ${shared} is shared over the other items in proportion.`,
  };
}
