/**
 * What changes when a tab built with one template is rebuilt with another: items added and
 * removed, weights, floors, targets, methods, caps, tiers, points, manual maxima, grade bands,
 * the bonus base, and which typed manual scores change meaning. Pure: the server refuses a
 * changed template unless the call confirms it, and shows these lines; the sidebar and the
 * command line print them as they are.
 *
 * The template's name and the order of its items are not part of its meaning (they change no
 * number), so they are left out of the comparison and of the hash.
 */
import type { Msg } from '../i18n';
import { catalogueEntry } from '../metrics/catalogue';
import { DEFAULT_CAP } from '../metrics/scoring';
import { scoresOutOfRangeAfter, type AffectedScore } from './manual-check';
import { own, type ExistingInputs } from './manual-inputs';
import { isManual, shortName, type ManualItem, type MetricItem, type Template, type TemplateItem } from './template';

/** One difference, in words, and the item it concerns (`metric:ID` / `manual:NAME`), if any. */
export interface TemplateChange {
  item: string | null;
  msg: Msg;
}

export interface TemplateDiff {
  /** True when nothing that changes a number differs. */
  same: boolean;
  changes: TemplateChange[];
  /** Typed manual scores whose meaning changes (another max, or no longer counted), per item. */
  typedScores: Msg[];
}

const keyOf = (item: TemplateItem) => (isManual(item) ? `manual:${item.manual}` : `metric:${item.metric}`);

function nameOf(item: TemplateItem): Msg {
  if (isManual(item)) return { zh: `「${item.manual}」`, en: `"${item.manual}"` };
  return { zh: `「${shortName(item.metric)}」`, en: `"${catalogueEntry(item.metric)?.name.en ?? item.metric}"` };
}

const show = (x: unknown): string => (x === undefined || x === null ? '—' : Array.isArray(x) ? x.map((t) => `${t[0]}→${t[1]}`).join(', ') : String(x));

/** The fields of an item that change its score, with their labels; defaults made explicit. */
function fieldsOf(item: TemplateItem): [Msg, unknown][] {
  if (isManual(item)) return [[{ zh: '权重', en: 'weight' }, item.weight], [{ zh: '满分', en: 'max' }, item.max]];
  const m: MetricItem = item;
  const capped = m.method === 'linear' || m.method === 'ratio' || m.method === 'tiers';
  return [
    [{ zh: '权重', en: 'weight' }, m.weight],
    [{ zh: '计分方法', en: 'method' }, m.method],
    [{ zh: '下限', en: 'floor' }, m.floor],
    [{ zh: '目标', en: 'target' }, m.target],
    [{ zh: '封顶分', en: 'cap' }, capped ? m.cap ?? DEFAULT_CAP : m.cap],
    [{ zh: '阶梯', en: 'tiers' }, m.tiers?.map((t) => [t[0], t[1]])],
    [{ zh: '每单位扣分', en: 'points per unit' }, m.points],
  ];
}

/** The meaning of a template as canonical text: items by key (sorted), bands by minimum, bonus base. */
export function templateMeaning(t: Template): string {
  const items = [...t.items].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1)).map((i) => [keyOf(i), fieldsOf(i).map(([, v]) => v ?? null)]);
  const grades = [...t.grades].sort((a, b) => a.min - b.min).map((g) => [g.min, g.grade, g.coefficient]);
  return JSON.stringify({ items, grades, bonusBase: t.bonusBase ?? null });
}

/** A short hash of the template's meaning (cyrb53, hex): stored in the tab's tag, so "same template?" needs no other read. */
export function templateHash(t: Template): string {
  const text = templateMeaning(t);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

const bandsText = (t: Template) =>
  [...t.grades].sort((a, b) => b.min - a.min).map((g) => `${g.grade}≥${g.min}×${g.coefficient}`).join(' ');

function typedOf(existing: ExistingInputs | null | undefined, item: string): { agent: string; value: number | string }[] {
  const out: { agent: string; value: number | string }[] = [];
  for (const agent of existing?.agents ?? []) {
    const typed = own(own(existing?.manual, agent), item);
    if (typed !== undefined && typed !== '') out.push({ agent, value: typed });
  }
  return out;
}

const examples = (list: readonly { agent: string; value: number | string }[]) =>
  list.slice(0, 3).map((x) => `${x.agent} ${x.value}`).join('、') + (list.length > 3 ? ' …' : '');

/** What happens to the scores typed for a manual item when its max changes or it leaves the template. */
function typedScoreLines(
  before: ManualItem, after: ManualItem | undefined, existing: ExistingInputs | null | undefined, outOfRange: readonly AffectedScore[],
): Msg[] {
  const typed = typedOf(existing, before.manual);
  if (typed.length === 0) return [];
  const name = nameOf(before);
  if (!after) {
    return [{
      zh: `${name.zh}已填的 ${typed.length} 个分数（${examples(typed)}）将不再计入总分，保留在「已移出模板」列中`,
      en: `${typed.length} score(s) typed for ${name.en} (${examples(typed)}) will no longer count; they are kept in a "removed from the template" column`,
    }];
  }
  if (after.max === before.max) return [];
  const first = typed.find((x) => typeof x.value === 'number');
  const example = first && typeof first.value === 'number'
    ? {
      zh: `，例如 ${first.agent} 的 ${first.value} 分原计 ${+(100 * first.value / before.max).toFixed(2)}，将计 ${+(100 * first.value / after.max).toFixed(2)}`,
      en: `; e.g. ${first.agent}'s ${first.value} counted ${+(100 * first.value / before.max).toFixed(2)} and will count ${+(100 * first.value / after.max).toFixed(2)}`,
    }
    : { zh: '', en: '' };
  const lines: Msg[] = [{
    zh: `${name.zh}满分 ${before.max} → ${after.max}：已填的 ${typed.length} 个分数含义改变${example.zh}`,
    en: `${name.en} max ${before.max} → ${after.max}: the meaning of ${typed.length} typed score(s) changes${example.en}`,
  }];
  const above = outOfRange.filter((x) => x.item === before.manual);
  if (above.length) {
    const list = above.map((x) => ({ agent: x.agent, value: x.value }));
    lines.push({
      zh: `${name.zh}有 ${above.length} 个分数超过新满分 ${after.max}（${examples(list)}），请改分`,
      en: `${name.en}: ${above.length} score(s) exceed the new max ${after.max} (${examples(list)}); correct them`,
    });
  }
  return lines;
}

/** Every difference between the tab's template (`before`) and the one a rebuild would apply (`after`). */
export function diffTemplates(before: Template, after: Template, existing?: ExistingInputs | null): TemplateDiff {
  const changes: TemplateChange[] = [];
  const typedScores: Msg[] = [];
  // tab-anatomy's rule for "out of range after": valid under the old max, not under the new one
  const outOfRange = scoresOutOfRangeAfter(before, after, existing);
  const oldItems = new Map(before.items.map((i) => [keyOf(i), i]));
  const newItems = new Map(after.items.map((i) => [keyOf(i), i]));
  for (const [key, item] of oldItems) {
    const name = nameOf(item);
    const next = newItems.get(key);
    if (!next) {
      changes.push({ item: key, msg: { zh: `移除 ${name.zh}（权重 ${item.weight}）`, en: `removed ${name.en} (weight ${item.weight})` } });
    } else {
      const was = fieldsOf(item);
      const now = fieldsOf(next);
      was.forEach(([label, value], i) => {
        const other = now[i]![1];
        if (JSON.stringify(value ?? null) !== JSON.stringify(other ?? null)) {
          changes.push({ item: key, msg: { zh: `${name.zh}${label.zh} ${show(value)} → ${show(other)}`, en: `${name.en} ${label.en} ${show(value)} → ${show(other)}` } });
        }
      });
    }
    if (isManual(item)) typedScores.push(...typedScoreLines(item, next as ManualItem | undefined, existing, outOfRange));
  }
  for (const [key, item] of newItems) {
    if (oldItems.has(key)) continue;
    const name = nameOf(item);
    changes.push({ item: key, msg: { zh: `新增 ${name.zh}（权重 ${item.weight}）`, en: `added ${name.en} (weight ${item.weight})` } });
  }
  if (bandsText(before) !== bandsText(after)) {
    changes.push({ item: null, msg: { zh: `等级档位 ${bandsText(before)} → ${bandsText(after)}`, en: `grade bands ${bandsText(before)} → ${bandsText(after)}` } });
  }
  if ((before.bonusBase ?? null) !== (after.bonusBase ?? null)) {
    changes.push({ item: null, msg: { zh: `奖金基数 ${show(before.bonusBase)} → ${show(after.bonusBase)}`, en: `bonus base ${show(before.bonusBase)} → ${show(after.bonusBase)}` } });
  }
  return { same: changes.length === 0, changes, typedScores };
}
