/**
 * The appraisal template (appraisal.md, "Template JSON") and its validation.
 * A template that fails is refused with one message per problem, each naming the item
 * and saying the fix, so the manager can repair an imported JSON without guessing.
 */
import type { Msg } from '../i18n';
import { APPRAISAL_METRICS, catalogueEntry } from '../metrics/catalogue';
import { readKey } from '../metrics/coerce';
import { DEFAULT_GRADES, SCORING_METHODS, type GradeBand, type ScoringMethod, type Tier } from '../metrics/scoring';
import type { Direction } from '../metrics/types';

export const TEMPLATE_VERSION = 1;

/** A metric scored by a method. `points` is the deduction per unit for `deduction`. */
export interface MetricItem {
  metric: string;
  weight: number;
  method: ScoringMethod;
  floor?: number;
  target?: number;
  cap?: number;
  /** Best tier first: [threshold, score]. */
  tiers?: Tier[];
  points?: number;
}

/** An item the manager scores by hand on 0 … max; it counts as 100 × entered ÷ max. */
export interface ManualItem {
  manual: string;
  weight: number;
  max: number;
}

export type TemplateItem = MetricItem | ManualItem;

export interface Template {
  version: typeof TEMPLATE_VERSION;
  name: string;
  items: TemplateItem[];
  grades: GradeBand[];
  bonusBase?: number;
}

export type Validation = { ok: true; template: Template } | { ok: false; errors: Msg[] };

export const isManual = (item: TemplateItem): item is ManualItem => 'manual' in item;

/** Weights must add up to 100; this much rounding slack lets 33.3 + 33.3 + 33.4 pass. */
const WEIGHT_TOLERANCE = 1e-6;

/** The metric's Chinese name without its unit suffix: `平均响应时间(秒)` → `平均响应时间`. */
export function shortName(metricId: string): string {
  const zh = catalogueEntry(metricId)?.name.zh ?? metricId;
  return zh.replace(/[（(][^（）()]*[)）]$/, '');
}

/** How messages name an item: `第 2 项「平均响应时间」` / `item 2 (AVG_RESPONSE_TIME)`. */
export function itemLabel(position: number, item: { metric?: unknown; manual?: unknown }): Msg {
  if (typeof item.metric === 'string' && catalogueEntry(item.metric)) {
    return { zh: `第 ${position} 项「${shortName(item.metric)}」`, en: `item ${position} (${item.metric})` };
  }
  const name = typeof item.metric === 'string' ? item.metric : typeof item.manual === 'string' ? item.manual : '';
  return name ? { zh: `第 ${position} 项「${name}」`, en: `item ${position} (${name})` } : { zh: `第 ${position} 项`, en: `item ${position}` };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const show = (x: unknown): string => (typeof x === 'string' ? `"${x}"` : JSON.stringify(x) ?? String(x));
/** Sums and differences without float noise: 100 − 95.1 shows as 4.9. */
const tidy = (x: number): string => String(Math.round(x * 1e6) / 1e6);

/** Levenshtein distance, for "did you mean" suggestions. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Metric ids close to what was typed: a near spelling (`INQUIRY_CONVERTION`), a fragment
 * (`CONVERSION`), a lower-case id, or the Chinese name (`询单转化率`). At most three.
 */
export function suggestMetrics(typed: string): string[] {
  const upper = typed.trim().toUpperCase().replace(/[\s-]+/g, '_');
  if (!upper) return [];
  const scored = APPRAISAL_METRICS.map((e) => {
    const byName = typed.trim() === e.name.zh || typed.trim() === shortName(e.id) || typed.trim().toLowerCase() === e.name.en.toLowerCase();
    const distance = byName || e.id.includes(upper) ? 0 : editDistance(upper, e.id);
    return { id: e.id, distance };
  });
  const limit = Math.max(2, Math.floor(upper.length / 3));
  return scored.filter((s) => s.distance <= limit).sort((a, b) => a.distance - b.distance).slice(0, 3).map((s) => s.id);
}

const METHOD_LIST = SCORING_METHODS.join(', ');

/** Collects messages while one template is checked. */
class Problems {
  readonly list: Msg[] = [];
  add(where: Msg | null, zh: string, en: string): void {
    this.list.push(where ? { zh: `${where.zh}：${zh}`, en: `${where.en}: ${en}` } : { zh, en });
  }
}

function checkWeight(raw: Record<string, unknown>, where: Msg, problems: Problems): number | null {
  const weight = raw.weight;
  if (!isNumber(weight)) {
    problems.add(where, `权重必须是数字（现在是 ${show(weight)}），例如 "weight": 20`, `the weight must be a number (got ${show(weight)}), e.g. "weight": 20`);
    return null;
  }
  if (weight < 0) {
    problems.add(where, `权重不能为负数（现在是 ${weight}），请改为 0 或正数`, `the weight cannot be negative (got ${weight}); use 0 or more`);
    return null;
  }
  return weight;
}

/** An optional number field; null when present but not a number (a message is added). */
function optionalNumber(raw: Record<string, unknown>, key: string, zhName: string, where: Msg, problems: Problems): number | undefined | null {
  const x = raw[key];
  if (x === undefined || x === null) return undefined;
  if (isNumber(x)) return x;
  problems.add(where, `${zhName}（${key}）必须是数字，现在是 ${show(x)}`, `${key} must be a number (got ${show(x)})`);
  return null;
}

/** Proportions live in 0…1: a target of 30 almost always means 30 %, which is 0.3. */
function checkProportion(metric: string, value: number, key: string, where: Msg, problems: Problems): void {
  if (catalogueEntry(metric)?.kind === 'proportion' && (value > 1 || value < 0)) {
    problems.add(where, `${key} 为 ${value}，但该指标是 0–1 之间的比例：${value}% 请写成 ${tidy(value / 100)}`,
      `${key} is ${value} but this metric is a proportion between 0 and 1: write ${value}% as ${tidy(value / 100)}`);
  }
}

function checkTiers(raw: unknown, direction: Direction, where: Msg, problems: Problems): Tier[] | null {
  const order = direction === 'higher'
    ? { zh: '越高越好的指标请从最高门槛写起（门槛从高到低）', en: 'for a higher-is-better metric list the highest threshold first (thresholds descending)' }
    : { zh: '越低越好的指标请从最低门槛写起（门槛从低到高）', en: 'for a lower-is-better metric list the lowest threshold first (thresholds ascending)' };
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.add(where, `阶梯计分需要 tiers：[[门槛, 得分], …]，${order.zh}`, `the tiers method needs tiers: [[threshold, score], …]; ${order.en}`);
    return null;
  }
  const tiers: Tier[] = [];
  raw.forEach((pair, i) => {
    if (!Array.isArray(pair) || pair.length !== 2 || !isNumber(pair[0]) || !isNumber(pair[1]) || pair[1] < 0) {
      problems.add(where, `第 ${i + 1} 档应为 [门槛, 得分]，得分不小于 0，现在是 ${show(pair)}`, `tier ${i + 1} must be [threshold, score] with a score of 0 or more (got ${show(pair)})`);
    } else tiers.push([pair[0], pair[1]]);
  });
  if (tiers.length !== raw.length) return null;
  for (let i = 1; i < tiers.length; i++) {
    const [prevThreshold, prevScore] = tiers[i - 1]!;
    const [threshold, score] = tiers[i]!;
    const ordered = direction === 'higher' ? threshold < prevThreshold : threshold > prevThreshold;
    if (!ordered || score > prevScore) {
      problems.add(where, `阶梯顺序不对（第 ${i} 档 ${show(tiers[i - 1])}，第 ${i + 1} 档 ${show(tiers[i])}）：${order.zh}，得分逐档不增，门槛不重复`,
        `tiers out of order (tier ${i} ${show(tiers[i - 1])}, tier ${i + 1} ${show(tiers[i])}): ${order.en}, scores never rising and no threshold repeated`);
      return null;
    }
  }
  return tiers;
}

function checkMetricItem(raw: Record<string, unknown>, position: number, problems: Problems): MetricItem | null {
  const where = itemLabel(position, raw);
  const metric = raw.metric;
  const entry = typeof metric === 'string' ? APPRAISAL_METRICS.find((e) => e.id === metric) : undefined;
  if (!entry) {
    const close = typeof metric === 'string' ? suggestMetrics(metric) : [];
    const hint = close.length ? { zh: `，是不是 ${close.join(' / ')}？`, en: `; did you mean ${close.join(' / ')}?` } : { zh: '，请从指标列表中选择', en: '; pick one from the metric list' };
    problems.add(where, `未知指标 ${show(metric)}${hint.zh}`, `unknown metric ${show(metric)}${hint.en}`);
  }
  const weight = checkWeight(raw, where, problems);
  const method = raw.method;
  if (typeof method !== 'string' || !(SCORING_METHODS as readonly string[]).includes(method)) {
    if (method === undefined) problems.add(where, `缺少计分方法（method），可选：${METHOD_LIST}`, `the scoring method (method) is missing; use one of ${METHOD_LIST}`);
    else problems.add(where, `计分方法 ${show(method)} 无效，可选：${METHOD_LIST}`, `scoring method ${show(method)} is not valid; use one of ${METHOD_LIST}`);
    return null;
  }
  const floor = optionalNumber(raw, 'floor', '下限', where, problems);
  const target = optionalNumber(raw, 'target', '目标', where, problems);
  const cap = optionalNumber(raw, 'cap', '封顶分', where, problems);
  const points = optionalNumber(raw, 'points', '每单位扣分', where, problems);
  if (cap !== undefined && cap !== null && cap <= 0) {
    problems.add(where, `封顶分（cap）必须大于 0，现在是 ${cap}；不填则默认 100`, `cap must be above 0 (got ${cap}); leave it out for the default 100`);
  }
  const item: MetricItem = { metric: typeof metric === 'string' ? metric : '', weight: weight ?? 0, method: method as ScoringMethod };
  let fine = entry !== undefined && weight !== null && floor !== null && target !== null && cap !== null && points !== null && !(cap !== undefined && cap <= 0);
  if (method === 'linear' || method === 'ratio' || method === 'pass_fail') {
    const needsFloor = method === 'linear';
    if (target === undefined || (needsFloor && floor === undefined)) {
      const missing = needsFloor ? '下限（floor，得 0 分）和目标（target，得 100 分）' : '目标（target）';
      const missingEn = needsFloor ? 'a floor (scores 0) and a target (scores 100)' : 'a target';
      problems.add(where, `${method} 计分需要${missing}；越低越好的指标下限写得比目标高`, `the ${method} method needs ${missingEn}; for lower-is-better metrics put the floor above the target`);
      fine = false;
    }
    if (method === 'linear' && isNumber(floor) && isNumber(target) && floor === target) {
      problems.add(where, `下限与目标相同（都是 ${floor}），线性插值无法计算：请让下限（0 分）与目标（100 分）不同`, `floor equals target (${floor}), so linear scoring divides by zero: make the floor (0 points) differ from the target (100 points)`);
      fine = false;
    }
    if (method === 'ratio' && isNumber(target) && target <= 0) {
      problems.add(where, `达成率计分的目标必须大于 0（现在是 ${target}）`, `the ratio method needs a target above 0 (got ${target})`);
      fine = false;
    }
    if (entry && isNumber(floor)) checkProportion(entry.id, floor, 'floor', where, problems);
    if (entry && isNumber(target)) checkProportion(entry.id, target, 'target', where, problems);
  }
  if (method === 'tiers') {
    const tiers = entry ? checkTiers(raw.tiers, entry.direction ?? 'higher', where, problems) : null;
    if (tiers && entry) tiers.forEach(([threshold]) => checkProportion(entry.id, threshold, 'tiers', where, problems));
    if (tiers) item.tiers = tiers;
    else fine = false;
    // Every method yields 0 … cap (appraisal.md): a tier may not score above it.
    const top = isNumber(cap) ? cap : 100;
    const over = tiers?.find(([, score]) => score > top);
    if (over) {
      problems.add(where, `阶梯得分 ${over[1]} 超过封顶分 ${top}：各档得分应在 0 … ${top} 之间；确要给到 ${over[1]} 分，请把封顶分（cap）设为 ${over[1]}`,
        `a tier scores ${over[1]}, above the cap of ${top}: tier scores stay within 0 … ${top}; to give ${over[1]}, set the cap to ${over[1]}`);
      fine = false;
    }
  }
  if ((method === 'deduction' || method === 'pass_fail') && isNumber(cap) && cap < 100) {
    problems.add(where, `${method} 的得分最高为 100，封顶分 ${cap} 会被超过：请去掉封顶分（cap），用权重调整这一项的分量`,
      `the ${method} method scores up to 100, above the cap of ${cap}: leave the cap out and use the weight to set this item's share`);
    fine = false;
  }
  if (method === 'deduction' && (points === undefined || (isNumber(points) && points <= 0))) {
    problems.add(where, `扣分制需要每单位扣分 points（大于 0），例如每次投诉扣 5 分写 "points": 5`, `the deduction method needs points above 0, e.g. "points": 5 for 5 points off per complaint`);
    fine = false;
  }
  if (isNumber(floor)) item.floor = floor;
  if (isNumber(target)) item.target = target;
  if (isNumber(cap)) item.cap = cap;
  if (isNumber(points)) item.points = points;
  return fine ? item : null;
}

function checkManualItem(raw: Record<string, unknown>, position: number, problems: Problems): ManualItem | null {
  const where = itemLabel(position, raw);
  const name = typeof raw.manual === 'string' ? raw.manual.trim() : '';
  if (!name) problems.add(where, '人工评分项需要名称，例如 "manual": "工作态度"', 'a manual item needs a name, e.g. "manual": "Attitude"');
  const weight = checkWeight(raw, where, problems);
  const max = raw.max;
  if (!isNumber(max) || max <= 0) {
    problems.add(where, `满分（max）必须是大于 0 的数字（现在是 ${show(max)}），例如 "max": 100`, `max must be a number above 0 (got ${show(max)}), e.g. "max": 100`);
    return null;
  }
  return name && weight !== null ? { manual: name, weight, max } : null;
}

function checkItems(raw: unknown, problems: Problems): TemplateItem[] | null {
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.add(null, '模板没有考核项（items）：至少添加一个指标或人工评分项', 'the template has no items: add at least one metric or manual item');
    return null;
  }
  const items: TemplateItem[] = [];
  const seen = new Map<string, number>();
  let fine = true;
  raw.forEach((rawItem, i) => {
    const position = i + 1;
    if (!isObject(rawItem) || ('metric' in rawItem) === ('manual' in rawItem)) {
      problems.add(itemLabel(position, isObject(rawItem) ? rawItem : {}), '每项必须是对象，且只能有 "metric"（指标）或 "manual"（人工评分）之一',
        'each item must be an object with exactly one of "metric" or "manual"');
      fine = false;
      return;
    }
    const item = 'metric' in rawItem ? checkMetricItem(rawItem, position, problems) : checkManualItem(rawItem, position, problems);
    if (!item) { fine = false; return; }
    const key = isManual(item) ? `manual:${item.manual}` : `metric:${item.metric}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.add(itemLabel(position, rawItem), `与第 ${first} 项重复：同一指标或人工项只能出现一次，请删除其中一项`, `duplicates item ${first}: each metric or manual item may appear once; remove one`);
      fine = false;
    } else seen.set(key, position);
    items.push(item);
  });
  // The sum is checked whenever every weight is readable, so one pass reports both kinds of mistake.
  const weights = raw.map((item) => (isObject(item) ? item.weight : undefined));
  if (!weights.every((w) => isNumber(w) && w >= 0)) return null;
  const sum = (weights as number[]).reduce((s, w) => s + w, 0);
  if (Math.abs(sum - 100) > WEIGHT_TOLERANCE) {
    const gap = 100 - sum;
    problems.add(null, `权重合计必须为 100：当前合计 ${tidy(sum)}，${gap > 0 ? `还差 ${tidy(gap)}` : `多出 ${tidy(-gap)}`}`,
      `weights must add up to 100: they add up to ${tidy(sum)}, ${gap > 0 ? `${tidy(gap)} short` : `${tidy(-gap)} over`}`);
    return null;
  }
  return fine ? items : null;
}

/**
 * A grade name a spreadsheet reads as plain text: not `* ? ~` (wildcards in COUNTIF, MATCH and
 * VLOOKUP, in the manager's own formulas too) and not starting with `= < >` (a condition there).
 */
function gradeNameFits(grade: string, where: Msg, problems: Problems): boolean {
  const wild = [...new Set(grade.match(/[*?~]/g) ?? [])];
  if (wild.length > 0) {
    problems.add(where, `等级名「${grade}」含有 ${wild.join(' ')}：表格公式会把它当作通配符，计数和查找会出错；请去掉这些符号（例如用「A加」代替「A*」）`,
      `the grade "${grade}" contains ${wild.join(' ')}, which spreadsheet formulas read as wildcards, so counts and lookups go wrong; remove them (e.g. "A plus" instead of "A*")`);
    return false;
  }
  if (/^[=<>]/.test(grade)) {
    problems.add(where, `等级名「${grade}」以 ${grade[0]} 开头：表格公式会把它当作比较条件；请换一个以字母或汉字开头的名字`,
      `the grade "${grade}" starts with ${grade[0]}, which spreadsheet formulas read as a condition; start it with a letter or a word instead`);
    return false;
  }
  return true;
}

function checkGrades(raw: unknown, problems: Problems): GradeBand[] | null {
  if (raw === undefined) return DEFAULT_GRADES.map((b) => ({ ...b }));
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.add(null, '等级（grades）必须是非空列表：[{ "min": 95, "grade": "S", "coefficient": 1.2 }, …]', 'grades must be a non-empty list: [{ "min": 95, "grade": "S", "coefficient": 1.2 }, …]');
    return null;
  }
  const bands: GradeBand[] = [];
  raw.forEach((band, i) => {
    const where = { zh: `等级第 ${i + 1} 档`, en: `grade band ${i + 1}` };
    if (!isObject(band) || !isNumber(band.min) || typeof band.grade !== 'string' || !band.grade.trim() || !isNumber(band.coefficient) || band.coefficient < 0) {
      problems.add(where, `应为 { "min": 分数下限, "grade": "等级", "coefficient": 不小于 0 的系数 }，现在是 ${show(band)}`,
        `must be { "min": lowest total, "grade": "letter", "coefficient": 0 or more } (got ${show(band)})`);
      return;
    }
    if (band.min < 0) {
      problems.add(where, `下限不能为负数（现在是 ${band.min}）：最低一档的下限写 0`, `the minimum cannot be negative (got ${band.min}); the lowest band starts at 0`);
      return;
    }
    bands.push({ min: band.min, grade: band.grade.trim(), coefficient: band.coefficient });
  });
  if (bands.length !== raw.length) return null;
  let fine = true;
  bands.forEach((band, i) => {
    const where = { zh: `等级第 ${i + 1} 档`, en: `grade band ${i + 1}` };
    if (!gradeNameFits(band.grade, where, problems)) fine = false;
    const twin = bands.findIndex((other, j) => j < i && (other.min === band.min || other.grade === band.grade));
    const lookalike = bands.findIndex((other, j) => j < i && readKey(other.grade) === readKey(band.grade));
    if (twin >= 0) {
      problems.add(where, `与第 ${twin + 1} 档重复（下限或等级名相同）：每档的下限和等级名都要不同`,
        `duplicates band ${twin + 1} (same minimum or grade): give every band its own minimum and name`);
      fine = false;
    } else if (lookalike >= 0) {
      const other = bands[lookalike]!.grade;
      problems.add(where, `等级名「${band.grade}」与第 ${lookalike + 1} 档的「${other}」只差大小写或全角/半角，表格比较文字时不分这些，会把两者当成同一个等级；请换一个明显不同的名字`,
        `the grade "${band.grade}" differs from band ${lookalike + 1}'s "${other}" only in letter case or full-/half-width forms, which a spreadsheet does not tell apart; give it a clearly different name`);
      fine = false;
    }
  });
  const lowest = Math.min(...bands.map((b) => b.min));
  if (lowest > 0) {
    problems.add(null, `等级有缺口：总分低于 ${lowest} 不属于任何等级，请添加下限为 0 的一档（例如 { "min": 0, "grade": "D", "coefficient": 0.5 }）`,
      `the grade bands leave a gap: a total below ${lowest} has no grade; add a band with min 0 (e.g. { "min": 0, "grade": "D", "coefficient": 0.5 })`);
    fine = false;
  }
  return fine ? bands : null;
}

/** Checks an imported or edited template; returns a clean copy (defaults filled in) or every problem found. */
export function validateTemplate(raw: unknown): Validation {
  const problems = new Problems();
  if (!isObject(raw)) {
    problems.add(null, `模板必须是 JSON 对象（{ "version": 1, "name": …, "items": […] }），现在是 ${Array.isArray(raw) ? '数组' : show(raw)}`,
      `a template must be a JSON object ({ "version": 1, "name": …, "items": […] }), got ${Array.isArray(raw) ? 'an array' : show(raw)}`);
    return { ok: false, errors: problems.list };
  }
  if (raw.version !== TEMPLATE_VERSION) {
    problems.add(null, `不支持的模板版本 ${show(raw.version)}：请使用 "version": 1`, `unsupported template version ${show(raw.version)}: use "version": 1`);
  }
  const name = typeof raw.name === 'string' ? raw.name.trim() : '';
  if (!name) problems.add(null, '模板需要名称，例如 "name": "售前客服月度考核"', 'the template needs a name, e.g. "name": "Pre-sales monthly appraisal"');
  const items = checkItems(raw.items, problems);
  const grades = checkGrades(raw.grades, problems);
  const bonusBase = raw.bonusBase;
  if (bonusBase !== undefined && bonusBase !== null && (!isNumber(bonusBase) || bonusBase < 0)) {
    problems.add(null, `奖金基数（bonusBase）必须是不小于 0 的数字（现在是 ${show(bonusBase)}），不发奖金可省略`, `bonusBase must be a number of 0 or more (got ${show(bonusBase)}); leave it out for no bonus`);
  }
  if (problems.list.length > 0 || !items || !grades) return { ok: false, errors: problems.list };
  const template: Template = { version: TEMPLATE_VERSION, name, items, grades };
  if (isNumber(bonusBase)) template.bonusBase = bonusBase;
  return { ok: true, template };
}
