/**
 * The sidebar's check of a template draft. It mirrors the server's `validateTemplate`
 * (`src/appraisal/template.ts`) rule by rule, but says *which field* is wrong, so each message
 * sits next to its input and updates on every keystroke. As a safety net, a draft that passes
 * these field checks is also run through `validateTemplate` itself (it is pure, so it runs here
 * too): anything the field checks missed shows in the general slot, and Build stays disabled for
 * every template the server would refuse. The server still has the last word (`kk_validateTemplate`).
 * Pure: no DOM.
 */
import { itemLabel, validateTemplate } from '../appraisal/template';
import type { Msg } from '../i18n';
import { catalogueEntry } from '../metrics/catalogue';
import type { MetricChoice } from '../server/api';
import { fieldsOf, needsFloor, numberOf, templateFromDraft, type ItemDraft, type MetricItemDraft, type TemplateDraft } from './template-draft';

/** Where a message belongs: `name`, `weights`, `bonusBase`, `grades`, `grades.<key>.<field>`, `items.<key>.<field>`, or `''` (general). */
export interface Issue {
  path: string;
  msg: Msg;
}

/** Weights must add up to this (appraisal.md: "Weights must add up to 100 before a build is allowed"). */
export const WEIGHT_TOTAL = 100;
/** The server's slack for sums such as 33.3 + 33.3 + 33.4. */
export const WEIGHT_TOLERANCE = 1e-6;

/** Shows a float without binary noise: 100 − 95.1 as 4.9. */
const tidy = (x: number): number => Math.round(x * 1e6) / 1e6;

/** The sum of the weights that read as numbers (blank or unreadable weights count 0). */
export function weightTotal(draft: TemplateDraft): number {
  let sum = 0;
  for (const item of draft.items) {
    const w = numberOf(item.weight);
    if (typeof w === 'number') sum += w;
  }
  return tidy(sum);
}

/** Whether the weights add up to 100. */
export function weightsComplete(draft: TemplateDraft): boolean {
  return Math.abs(weightTotal(draft) - WEIGHT_TOTAL) <= WEIGHT_TOLERANCE;
}

/** Every problem of the draft, each with the path of the field it concerns; empty when the server would accept it. */
export function checkDraft(draft: TemplateDraft, metrics: readonly MetricChoice[]): Issue[] {
  const issues = fieldIssues(draft, metrics);
  if (issues.length > 0) return issues;
  const server = validateTemplate(templateFromDraft(draft));
  return server.ok ? [] : server.errors.map((msg) => ({ path: '', msg }));
}

/** The field-by-field checks. */
export function fieldIssues(draft: TemplateDraft, metrics: readonly MetricChoice[]): Issue[] {
  const issues: Issue[] = [];
  if (draft.name.trim() === '') {
    issues.push({ path: 'name', msg: { zh: '请填写模板名称。', en: 'Give the template a name.' } });
  }
  if (draft.items.length === 0) {
    issues.push({ path: 'weights', msg: { zh: '模板至少需要一个考核项。', en: 'The template needs at least one item.' } });
  } else if (!weightsComplete(draft)) {
    const total = weightTotal(draft);
    const gap = tidy(WEIGHT_TOTAL - total);
    issues.push({
      path: 'weights',
      msg: gap > 0
        ? { zh: `权重合计为 ${total}，还差 ${gap}，需正好为 100。`, en: `The weights add up to ${total}; add ${gap} to make exactly 100.` }
        : { zh: `权重合计为 ${total}，多了 ${-gap}，需正好为 100。`, en: `The weights add up to ${total}; remove ${-gap} to make exactly 100.` },
    });
  }
  const seen = new Set<string>();
  draft.items.forEach((item, i) => checkItem(item, i + 1, metrics, seen, issues));
  checkGrades(draft, issues);
  const bonus = readNumber(draft.bonusBase);
  if (bonus.ok === false) issues.push({ path: 'bonusBase', msg: bonus.msg });
  else if (bonus.ok === true && bonus.value < 0) {
    issues.push({ path: 'bonusBase', msg: { zh: '奖金基数不能为负数（不发奖金可留空）。', en: 'The bonus base cannot be negative (leave it blank for no bonus).' } });
  }
  return issues;
}

type Reading = { ok: true; value: number } | { ok: false; msg: Msg } | { ok: 'blank' };

/** Reads one number field: blank, a number, or a message naming the unreadable text. */
function readNumber(text: string): Reading {
  const v = numberOf(text);
  if (v === undefined) return { ok: 'blank' };
  if (typeof v === 'number') return { ok: true, value: v };
  return { ok: false, msg: { zh: `「${v}」不是数字。`, en: `"${v}" is not a number.` } };
}

type At = (field: string, msg: Msg) => void;

/** A required number: its value, or null after reporting it blank or unreadable. */
function requireNumber(text: string, field: string, name: Msg, at: At): number | null {
  const r = readNumber(text);
  if (r.ok === true) return r.value;
  at(field, r.ok === 'blank' ? { zh: `请填写${name.zh}。`, en: `enter the ${name.en}.` } : r.msg);
  return null;
}

/** An optional number: its value, undefined when blank, null after reporting it unreadable. */
function optionalNumber(text: string, field: string, at: At): number | undefined | null {
  const r = readNumber(text);
  if (r.ok === 'blank') return undefined;
  if (r.ok === false) { at(field, r.msg); return null; }
  return r.value;
}

function requirePositive(text: string, field: string, name: Msg, at: At): void {
  const v = requireNumber(text, field, name, at);
  if (v !== null && v <= 0) at(field, { zh: `${name.zh}须大于 0。`, en: `the ${name.en} must be greater than 0.` });
}

function checkItem(item: ItemDraft, position: number, metrics: readonly MetricChoice[], seen: Set<string>, issues: Issue[]): void {
  const label = itemLabel(position, item.kind === 'manual' ? { manual: item.name.trim() } : { metric: item.metric });
  const at: At = (field, msg) => issues.push({ path: `items.${item.key}.${field}`, msg: { zh: `${label.zh}：${msg.zh}`, en: `${label.en}: ${msg.en}` } });
  const identity = item.kind === 'manual' ? `manual:${item.name.trim()}` : `metric:${item.metric}`;
  if (seen.has(identity)) {
    at(item.kind === 'manual' ? 'name' : 'metric', { zh: '与前面的考核项重复，请删除其中一项。', en: 'repeats an earlier item; remove one of them.' });
  }
  seen.add(identity);

  const weight = readNumber(item.weight);
  if (weight.ok === 'blank') at('weight', { zh: '请填写权重。', en: 'enter a weight.' });
  else if (weight.ok === false) at('weight', weight.msg);
  else if (weight.value < 0) at('weight', { zh: '权重不能为负数。', en: 'the weight cannot be negative.' });

  if (item.kind === 'manual') {
    if (item.name.trim() === '') at('name', { zh: '请填写手工项名称（如「工作态度」）。', en: 'name the manual item (e.g. "Attitude").' });
    requirePositive(item.max, 'max', { zh: '满分', en: 'maximum' }, at);
    return;
  }
  const metric = metrics.find((m) => m.id === item.metric);
  if (!metric) at('metric', { zh: `未知指标「${item.metric}」，请从列表中选择。`, en: `unknown metric "${item.metric}"; choose one from the list.` });
  checkMethodFields(item, metric, at);
}

const FLOOR = { zh: '下限（0 分）', en: 'floor (0 points)' };
const TARGET = { zh: '目标（100 分）', en: 'target (100 points)' };

/** The fields of the item's scoring method. */
function checkMethodFields(item: MetricItemDraft, metric: MetricChoice | undefined, at: At): void {
  const used = fieldsOf(item.method);
  const proportion = catalogueEntry(item.metric)?.kind === 'proportion';
  const inUnitRange = (value: number | null | undefined, field: string) => {
    if (proportion && typeof value === 'number' && (value < 0 || value > 1)) {
      at(field, {
        zh: `该指标是 0–1 之间的比例：${value}% 请写成 ${tidy(value / 100)}。`,
        en: `this metric is a proportion between 0 and 1: write ${value}% as ${tidy(value / 100)}.`,
      });
    }
  };
  if (used.floor && used.target) {
    const floor = needsFloor(item.method) ? requireNumber(item.floor, 'floor', FLOOR, at) : optionalNumber(item.floor, 'floor', at);
    const target = requireNumber(item.target, 'target', TARGET, at);
    if (item.method === 'linear' && floor !== null && target !== null && floor === target) {
      at('target', { zh: '线性插值的目标不能等于下限。', en: 'for linear scoring the target must differ from the floor.' });
    }
    if (item.method === 'ratio' && target !== null && target <= 0) {
      at('target', { zh: '达成率计分的目标须大于 0。', en: 'the ratio method needs a target above 0.' });
    }
    inUnitRange(floor, 'floor');
    inUnitRange(target, 'target');
  }
  if (used.cap && item.cap.trim() !== '') requirePositive(item.cap, 'cap', { zh: '封顶分', en: 'cap' }, at);
  if (used.points) requirePositive(item.points, 'points', { zh: '每单位扣分', en: 'points per unit' }, at);
  if (used.tiers) checkTiers(item, metric?.direction ?? 'higher', at, inUnitRange);
}

/**
 * Tiers are listed best first: higher-is-better thresholds descending (`≥ 50 % → 100, ≥ 40 % → 80`),
 * lower-is-better thresholds ascending (`≤ 0.2 % → 100, ≤ 0.5 % → 80`), scores never rising.
 */
function checkTiers(
  item: MetricItemDraft, direction: 'higher' | 'lower', at: At, inUnitRange: (v: number | null, field: string) => void,
): void {
  if (item.tiers.length === 0) {
    at('tiers', { zh: '阶梯计分至少需要一档（门槛值与得分）。', en: 'tiered scoring needs at least one tier (threshold and score).' });
    return;
  }
  // Every method yields 0 … cap; an unreadable cap is reported at the cap field, so 100 stands in.
  const typedCap = numberOf(item.cap);
  const cap = typedCap === undefined ? 100 : typeof typedCap === 'number' && typedCap > 0 ? typedCap : Infinity;
  let previous: { threshold: number; score: number } | null = null;
  item.tiers.forEach((tier, i) => {
    const n = i + 1;
    const field = `tiers.${i}`;
    const threshold = requireNumber(tier.threshold, field, { zh: `第 ${n} 档门槛值`, en: `threshold of tier ${n}` }, at);
    const score = requireNumber(tier.score, field, { zh: `第 ${n} 档得分`, en: `score of tier ${n}` }, at);
    if (score !== null && score < 0) at(field, { zh: `第 ${n} 档得分不能为负数。`, en: `tier ${n}'s score cannot be negative.` });
    if (score !== null && score > cap) {
      at(field, { zh: `第 ${n} 档得分 ${score} 超过封顶分 ${cap}：降低得分，或把封顶分设为 ${score}。`, en: `tier ${n} scores ${score}, above the cap of ${cap}: lower it, or set the cap to ${score}.` });
    }
    inUnitRange(threshold, field);
    if (threshold === null || score === null) { previous = null; return; }
    if (previous !== null) {
      const ordered = direction === 'higher' ? threshold < previous.threshold : threshold > previous.threshold;
      if (!ordered) {
        at(field, direction === 'higher'
          ? { zh: `第 ${n} 档门槛须低于上一档（越高越好的指标从最高门槛写起）。`, en: `tier ${n}'s threshold must be below the one before (higher is better: list the highest first).` }
          : { zh: `第 ${n} 档门槛须高于上一档（越低越好的指标从最低门槛写起）。`, en: `tier ${n}'s threshold must be above the one before (lower is better: list the lowest first).` });
      }
      if (score > previous.score) {
        at(field, { zh: `第 ${n} 档得分不能高于上一档。`, en: `tier ${n}'s score cannot be above the one before.` });
      }
    }
    previous = { threshold, score };
  });
}

/** Grade bands: a grade, a minimum (≥ 0) and a coefficient (≥ 0) each; no two alike; one starting at 0. */
function checkGrades(draft: TemplateDraft, issues: Issue[]): void {
  if (draft.grades.length === 0) {
    issues.push({ path: 'grades', msg: { zh: '至少需要一个等级（最低分 0）。', en: 'Add at least one grade band (with minimum 0).' } });
    return;
  }
  const mins = new Set<number>();
  const names = new Set<string>();
  let lowest = Infinity;
  draft.grades.forEach((g, i) => {
    const at: At = (field, msg) =>
      issues.push({ path: `grades.${g.key}.${field}`, msg: { zh: `第 ${i + 1} 个等级：${msg.zh}`, en: `Grade band ${i + 1}: ${msg.en}` } });
    const grade = g.grade.trim();
    if (grade === '') at('grade', { zh: '请填写等级名称（如 A）。', en: 'name the grade (e.g. A).' });
    else if (names.has(grade)) at('grade', { zh: `等级名「${grade}」重复。`, en: `the grade "${grade}" repeats.` });
    names.add(grade);
    const min = requireNumber(g.min, 'min', { zh: '最低分', en: 'minimum' }, at);
    if (min !== null) {
      if (min < 0) at('min', { zh: '最低分不能为负数。', en: 'the minimum cannot be negative.' });
      else if (mins.has(min)) at('min', { zh: `最低分 ${min} 与其他等级重复。`, en: `minimum ${min} repeats another band's.` });
      mins.add(min);
      lowest = Math.min(lowest, min);
    }
    const coefficient = requireNumber(g.coefficient, 'coefficient', { zh: '系数', en: 'coefficient' }, at);
    if (coefficient !== null && coefficient < 0) at('coefficient', { zh: '系数不能为负数。', en: 'the coefficient cannot be negative.' });
  });
  if (lowest > 0 && lowest !== Infinity) {
    issues.push({
      path: 'grades',
      msg: { zh: `需要一个最低分为 0 的等级，否则低于 ${lowest} 的总分没有等级。`, en: `Add a band with minimum 0, or totals below ${lowest} get no grade.` },
    });
  }
}
