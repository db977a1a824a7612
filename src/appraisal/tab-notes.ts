/**
 * The notes of the 考核 tab's headers that explain a figure in words with the template's own
 * numbers: each score's method ("线性插值：30.00% 得 0 分，50.00% 得 100 分，之间按比例，封顶 100 分"),
 * the bonus (base × coefficient), the contribution columns, the scale row, and values the shown
 * decimals cannot place beside a boundary. Numbers are written as the cells show them (units.ts).
 * Pure.
 */
import type { Locale, Msg } from '../i18n';
import { catalogueEntry } from '../metrics/catalogue';
import { DEFAULT_CAP } from '../metrics/scoring';
import { boundariesOf, type Precision } from './precision';
import type { MetricItem } from './template';
import { UNIT_WORDS, numberWithUnit, valueWithUnit } from './units';

const AFTER: Msg = {
  zh: '指标值为空（无数据或无基数）时该项计 0 分。以上是生成时的参数：改动上方参数表后得分随之重算，本说明在下次生成时更新。',
  en: 'A blank value (no data, or no basis) scores 0. These are the parameters at build time: edit the parameter block and the scores follow; this note is updated at the next build.',
};

/** The method of a metric item in words, with its floor, target, cap, tiers or points. */
export function methodNote(item: MetricItem, decimals: number | undefined): Msg {
  const v = (x: number | undefined, locale: Locale) => (x === undefined ? '?' : valueWithUnit(x, item.metric, locale, decimals));
  const cap = item.cap ?? DEFAULT_CAP;
  const lower = boundariesOf(item)[0]?.reaches === '<=';
  const op = lower ? '≤' : '≥';
  let zh: string;
  let en: string;
  switch (item.method) {
    case 'linear':
      zh = `线性插值：${v(item.floor, 'zh')} 得 0 分，${v(item.target, 'zh')} 得 100 分，之间按比例，封顶 ${cap} 分。`;
      en = `Linear: ${v(item.floor, 'en')} scores 0, ${v(item.target, 'en')} scores 100, in proportion between, capped at ${cap}.`;
      break;
    case 'ratio':
      zh = lower
        ? `达成率（越低越好）：得分 = 100 × 目标 ${v(item.target, 'zh')} ÷ 实际值，封顶 ${cap} 分。`
        : `达成率：得分 = 100 × 实际值 ÷ 目标 ${v(item.target, 'zh')}，封顶 ${cap} 分。`;
      en = lower
        ? `Ratio (lower is better): score = 100 × target ${v(item.target, 'en')} ÷ value, capped at ${cap}.`
        : `Ratio: score = 100 × value ÷ target ${v(item.target, 'en')}, capped at ${cap}.`;
      break;
    case 'pass_fail':
      zh = `达标制：${op} ${v(item.target, 'zh')} 得 100 分，否则 0 分。`;
      en = `Pass/fail: ${op} ${v(item.target, 'en')} scores 100, otherwise 0.`;
      break;
    case 'tiers': {
      const steps = (locale: Locale, says: string) => (item.tiers ?? []).map(([t, s]) => `${op} ${v(t, locale)} ${says} ${s}`);
      zh = `阶梯：${steps('zh', '得').map((s) => `${s} 分`).join('，')}；都未达到得 0 分。`;
      en = `Tiers: ${steps('en', 'scores').join(', ')}; none reached scores 0.`;
      break;
    }
    case 'deduction': {
      const per = UNIT_WORDS[catalogueEntry(item.metric)?.unit ?? 'score'];
      const points = item.points ?? '?';
      zh = `扣分制：每 1${per?.zh ? ` ${per.zh}` : ''}扣 ${points} 分，得分 = 100 − ${points} × 值，最低 0 分。`;
      en = `Deduction: ${points} points off per ${per?.en ? per.en.replace(/s$/, '') : 'unit'}, score = 100 − ${points} × value, at least 0.`;
      break;
    }
  }
  return { zh: `${zh}${AFTER.zh}`, en: `${en} ${AFTER.en}` };
}

/** The bonus header: base × coefficient, with the base as built. */
export function bonusNote(base: number | undefined): Msg {
  if (base === undefined) {
    return {
      zh: '奖金 = 奖金基数 × 系数。模板未设奖金基数，奖金为空；在参数表的「奖金基数」格填入金额即可。',
      en: 'Bonus = bonus base × coefficient. The template sets no bonus base, so bonuses are blank; type an amount into the parameter block\'s "Bonus base" cell.',
    };
  }
  const shown = numberWithUnit(base, 'yuan', 'zh');
  return {
    zh: `奖金 = 奖金基数（生成时 ${shown}）× 系数；系数按等级取自等级表，结果四舍五入到分。`,
    en: `Bonus = bonus base (${shown} at build time) × coefficient; the coefficient comes with the grade from the grade table, rounded to the cent.`,
  };
}

export const CONTRIBUTION_NOTE: Msg = {
  zh: '该项计入总分的分数 = 得分 × 权重 × 换算 ÷ 权重合计，与总分公式逐项相同；各项之和即总分（总分再保留两位小数）。得分为空或人工评分待修正时为空。',
  en: 'What this item adds to the total = score × weight × scale ÷ the sum of the weights, term by term as in the total; the items add up to the total (which is then rounded to 2 decimals). Blank when the score is blank or a manual score needs fixing.',
};

export const SCALE_NOTE: Msg = {
  zh: '把每项换成百分制再加权：人工评分按 100 × 分数 ÷ 满分 换算（满分 5 分的 4 分 = 80 分），指标得分本来就是百分制，换算为 1。',
  en: 'Every item is put on a 100-point scale before weighting: a manual score counts as 100 × score ÷ max (4 of 5 = 80 points); metric scores already are out of 100, so theirs is 1.',
};

export const WEIGHTS_NOTE: Msg = {
  zh: '各项的权重，取自上方参数表；总分 = Σ 权重 × 换算 × 得分 ÷ Σ 权重。',
  en: 'Each item\'s weight, from the parameter block above; total = Σ weight × scale × score ÷ Σ weight.',
};

/** How many of the values a precision note lists (a note holds at most 50,000 characters). */
const LISTED = 10;

/**
 * Added to a value header when even the most decimals show some value on the wrong side of a
 * boundary: whose value, to 12 decimals, and the boundary. `agentsOf` names the agents with a value.
 */
export function unresolvedNote(item: MetricItem, precision: Precision, agentsOf: (value: number) => string[]): Msg {
  // The value to 12 decimals, trailing zeros dropped: `98.9999999999%`.
  const full = (x: number, locale: Locale) => valueWithUnit(x, item.metric, locale, 12).replace(/(\.\d*?)0+(?=\D*$)/, '$1').replace(/\.(?=\D*$)/, '');
  const cases = precision.unresolved.flatMap((u) => agentsOf(u.value).map((agent) => ({ agent, ...u })));
  const listed = cases.slice(0, LISTED);
  const more = cases.length - listed.length;
  const list = (locale: Locale) => listed
    .map((u) => `${u.agent} ${full(u.value, locale)} / ${valueWithUnit(u.boundary, item.metric, locale, precision.decimals)}`)
    .join(locale === 'zh' ? '、' : ', ');
  return {
    zh: `注意：以下客服的值与分档界线相差太小，显示 ${precision.decimals} 位小数仍看不出在哪一边（值 / 界线）：${list('zh')}${more > 0 ? ` 等 ${cases.length} 处` : ''}。请以得分列为准。`,
    en: `Note: these agents' values lie too close to a boundary to tell its side even with ${precision.decimals} decimals (value / boundary): ${list('en')}${more > 0 ? ` and ${more} more` : ''}. The score column is what counts.`,
  };
}
