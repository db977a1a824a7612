/**
 * Formulas that write numbers into sentences ("响应时间 18.0 秒，目标 15.0 秒、下限 60.0 秒，按线性插值得
 * 93.3 分"), built only from what means the same in Google Sheets, Excel, LibreOffice and HyperFormula
 * 3.5: `TEXT` with the plain patterns `0`, `0.0`, `0.00`, `000`, `00` (HyperFormula reads neither `%`
 * nor `#,##0` in TEXT, and has no FIXED), `INT`, `MOD`, `ROUND`, `&`. Pure.
 */
import type { Locale } from '../i18n';
import type { ScoringMethod } from '../metrics/scoring';
import type { Unit } from '../metrics/types';
import { UNIT_WORDS } from './units';

/** A number as text with `decimals` places (0, 1 or 2). */
export const fixed = (x: string, decimals: 0 | 1 | 2) => `TEXT(${x},"${['0', '0.0', '0.00'][decimals]}")`;

/**
 * Money as `2,200` or `2,200.50`: thousands separated by hand (below a billion yuan), cents shown
 * only when there are any. `x` is evaluated as cents once per use.
 */
export function moneyText(x: string): string {
  const cents = `ROUND(ABS(${x})*100,0)`;
  const yuan = `INT(${cents}/100)`;
  const group = (k: number) => `TEXT(MOD(INT(${yuan}/${k}),1000),"000")`;
  const whole =
    `IF(${yuan}>=1000000,INT(${yuan}/1000000)&","&${group(1000)}&","&${group(1)},` +
    `IF(${yuan}>=1000,INT(${yuan}/1000)&","&${group(1)},${yuan}&""))`;
  return `IF(${x}<0,"-","")&${whole}&IF(MOD(${cents},100)=0,"","."&TEXT(MOD(${cents},100),"00"))`;
}

/** A metric value with its unit: `18.0 秒`, `45.00%`, `¥123.40`; `x` is a number. */
export function valueText(x: string, unit: Unit, locale: Locale): string {
  const word = UNIT_WORDS[unit]?.[locale];
  const withWord = (text: string) => (word ? `${text}&" ${word}"` : text);
  switch (unit) {
    case 'fraction': return `${fixed(`${x}*100`, 2)}&"%"`;
    case 'yuan': return `"¥"&${moneyText(x)}`;
    case 'seconds': case 'hours': case 'days': return withWord(fixed(x, 1));
    case 'units': return withWord(fixed(x, 2));
    case 'count': return withWord(fixed(x, 0));
    default: return fixed(x, 2);
  }
}

/** The cells one item's sentence reads (A1 references, already qualified with the sheet where needed). */
export interface SentenceCells {
  name: string;
  value: string;
  score: string;
  floor: string;
  target: string;
  cap: string;
  points: string;
  max: string;
  tiers: { threshold: string; score: string }[];
}

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * The method of a metric item as one plain sentence with the agent's own numbers, e.g.
 * `响应时间 18.0 秒，目标 15.0 秒、下限 60.0 秒，按线性插值得 93.3 分`; a blank value says it scores 0.
 */
export function metricSentence(method: ScoringMethod, unit: Unit, c: SentenceCells, locale: Locale): string {
  const zh = locale === 'zh';
  const v = valueText(c.value, unit, locale);
  const t = valueText(c.target, unit, locale);
  const f = valueText(c.floor, unit, locale);
  const s = fixed(c.score, 1);
  const head = `${q(c.name + ' ')}&${v}`;
  let body: string;
  switch (method) {
    case 'linear':
      body = zh
        ? `${head}&"，目标 "&${t}&"、下限 "&${f}&"，按线性插值得 "&${s}&" 分"`
        : `${head}&", target "&${t}&", floor "&${f}&": linear between them gives "&${s}&" points"`;
      break;
    case 'ratio':
      body = zh
        ? `${head}&"，目标 "&${t}&"，按达成率得 "&${s}&" 分（封顶 "&${c.cap}&" 分）"`
        : `${head}&", target "&${t}&": the ratio to target gives "&${s}&" points (cap "&${c.cap}&")"`;
      break;
    case 'pass_fail':
      body = zh
        ? `${head}&"，目标 "&${t}&"，"&IF(${c.score}>=100,"达标","未达标")&"，得 "&${s}&" 分"`
        : `${head}&", target "&${t}&": "&IF(${c.score}>=100,"reached","not reached")&", "&${s}&" points"`;
      break;
    case 'deduction':
      body = zh
        ? `${head}&"，每单位扣 "&${c.points}&" 分，得 "&${s}&" 分"`
        : `${head}&", "&${c.points}&" points off per unit: "&${s}&" points"`;
      break;
    case 'tiers': {
      const steps = c.tiers.map((tier) => `${valueText(tier.threshold, unit, locale)}&"→"&${tier.score}`).join(`&"${zh ? '、' : ', '}"&`);
      body = zh
        ? `${head}&"，按阶梯（"&${steps || '""'}&" 分）得 "&${s}&" 分"`
        : `${head}&", by tiers ("&${steps || '""'}&" points): "&${s}&" points"`;
      break;
    }
  }
  const blank = zh ? `${q(c.name + ' 本月无数据，按 0 分计')}` : `${q(c.name + ': no data this month, scores 0')}`;
  return `=IF(${c.value}="",${blank},${body})`;
}

/** A manual item: `工作态度：主管评分 45，满分 50，折合 90.0 分`. */
export function manualSentence(c: SentenceCells, locale: Locale): string {
  const zh = locale === 'zh';
  const s = fixed(c.score, 1);
  return zh
    ? `=IF(${c.value}="",${q(c.name + '：尚未评分，按 0 分计')},${q(c.name + '：主管评分 ')}&${c.value}&"，满分 "&${c.max}&"，折合 "&${s}&" 分")`
    : `=IF(${c.value}="",${q(c.name + ': not scored yet, counts 0')},${q(c.name + ': manager\'s score ')}&${c.value}&" of "&${c.max}&", i.e. "&${s}&" points")`;
}

/** `奖金 = 2,000 × 1.1 = ¥2,200` (or a note that no bonus base is set). */
export function bonusSentence(base: string, coefficient: string, bonus: string, locale: Locale): string {
  const zh = locale === 'zh';
  const coef = `TEXT(${coefficient},"0.0#")`;
  return `=IF(${base}="",${q(zh ? '未设奖金基数' : 'No bonus base set')},` +
    `${q(zh ? '奖金 = ' : 'Bonus = ')}&${moneyText(base)}&" × "&${coef}&" = ¥"&${moneyText(bonus)})`;
}
