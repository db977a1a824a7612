/**
 * Formulas that write numbers into sentences ("响应时间 18.0 秒，目标 15.0 秒、下限 60.0 秒，按线性插值得
 * 93.3 分"), built only from what means the same in Google Sheets, Excel, LibreOffice and HyperFormula
 * 3.5: `TEXT` with the plain patterns `0`, `0.0` … `0.000000` and `000`, `00` … (HyperFormula reads
 * neither `%` nor `#,##0` in TEXT, and has no FIXED), `INT`, `MOD`, `ROUND`, `ABS`, `&`. A value is
 * written with the decimals the 考核 tab chose for its item (precision.ts), so a sentence never shows
 * 99.00% for a value below a 99 % tier. Pure.
 */
import type { Locale } from '../i18n';
import type { ScoringMethod } from '../metrics/scoring';
import type { Unit } from '../metrics/types';
import { UNIT_WORDS } from './units';

/** The most decimals a sentence writes (the 考核 tab's cap, precision.ts). */
const MOST = 6;
/** A whole number of decimals within 0 … 6 (a tag read back from the document is not trusted). */
const places = (decimals: number) => (Number.isInteger(decimals) ? Math.min(MOST, Math.max(0, decimals)) : 2);

/** A number as text with `decimals` places (0 … 6): `TEXT(x,"0.000")`. */
export const fixed = (x: string, decimals: number) => {
  const d = places(decimals);
  return `TEXT(${x},"${d > 0 ? `0.${'0'.repeat(d)}` : '0'}")`;
};

/**
 * Money as `2,200` or `2,200.50`: thousands separated by hand (below a billion yuan), the fraction
 * (`decimals` places, cents by default) shown only when there is any. `x` is evaluated as
 * hundredths (or thousandths …) once per use.
 */
export function moneyText(x: string, decimals = 2): string {
  const d = places(decimals);
  const unit = 10 ** d;
  const parts = `ROUND(ABS(${x})*${unit},0)`;
  const yuan = d > 0 ? `INT(${parts}/${unit})` : parts;
  const group = (k: number) => `TEXT(MOD(INT(${yuan}/${k}),1000),"000")`;
  const whole =
    `IF(${yuan}>=1000000,INT(${yuan}/1000000)&","&${group(1000)}&","&${group(1)},` +
    `IF(${yuan}>=1000,INT(${yuan}/1000)&","&${group(1)},${yuan}&""))`;
  const fraction = d > 0 ? `&IF(MOD(${parts},${unit})=0,"","."&TEXT(MOD(${parts},${unit}),"${'0'.repeat(d)}"))` : '';
  return `IF(${x}<0,"-","")&${whole}${fraction}`;
}

/** The decimals a sentence writes a unit with when the tab chose none (the card's own: seconds to a tenth). */
export function sentenceDecimals(unit: Unit): number {
  switch (unit) {
    case 'seconds': case 'hours': case 'days': return 1;
    case 'count': return 0;
    default: return 2;
  }
}

/** What a unit's shown number is, × the value: 100 for a percentage. */
export const unitScale = (unit: Unit) => (unit === 'fraction' ? 100 : 1);

/** A metric value with its unit: `18.0 秒`, `45.00%`, `¥123.40`; `x` is a number, `decimals` the item's (default the unit's). */
export function valueText(x: string, unit: Unit, locale: Locale, decimals = sentenceDecimals(unit)): string {
  const word = UNIT_WORDS[unit]?.[locale];
  const withWord = (text: string) => (word ? `${text}&" ${word}"` : text);
  switch (unit) {
    case 'fraction': return `${fixed(`${x}*100`, decimals)}&"%"`;
    case 'yuan': return `"¥"&${moneyText(x, decimals)}`;
    case 'seconds': case 'hours': case 'days': case 'units': case 'count': return withWord(fixed(x, decimals));
    default: return fixed(x, decimals);
  }
}

/**
 * `（⚠ 实际值略低于分界 99.000000%，…）` when the value is not the boundary `b` yet its shown
 * decimals make it look equal (only a value no 6 decimals separate, or a tab built before the
 * decimals were chosen); '' otherwise, and for a blank boundary. Within half a shown unit, the
 * exact half included: engines round it either way.
 */
export function nearBoundary(v: string, b: string, unit: Unit, decimals: number, locale: Locale): string {
  const shownUnit = unitScale(unit) * 10 ** places(decimals);
  const side = locale === 'zh' ? `IF(${v}<${b},"略低于","略高于")` : `IF(${v}<${b},"below","above")`;
  const text = locale === 'zh'
    ? `"（⚠ 实际值"&${side}&"分界 "&${valueText(b, unit, locale, decimals)}&"，显示的小数位看不出差别；得分按实际值）"`
    : `" (⚠ the actual value is just "&${side}&" the boundary "&${valueText(b, unit, locale, decimals)}&", which the decimals shown cannot tell apart; the score uses the actual value)"`;
  return `IF(ISNUMBER(${b}),IF(AND(${v}<>${b},ABS(${v}-${b})*${shownUnit}<=0.5),${text},""),"")`;
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

/** The cells of an item's boundaries, as its score compares them (precision.ts `boundariesOf`). */
function boundaryCells(method: ScoringMethod, c: SentenceCells): string[] {
  switch (method) {
    case 'linear': case 'ratio': return [c.floor, c.target];
    case 'pass_fail': return [c.target];
    case 'tiers': return c.tiers.map((t) => t.threshold);
    case 'deduction': return [];
  }
}

/**
 * The method of a metric item as one plain sentence with the agent's own numbers, e.g.
 * `响应时间 18.0 秒，目标 15.0 秒、下限 60.0 秒，按线性插值得 93.3 分`; a blank value says it scores 0.
 * Numbers are written with `decimals` (the item's on the 考核 tab; default the unit's), and a value
 * that still looks equal to a boundary it is not says so.
 */
export function metricSentence(method: ScoringMethod, unit: Unit, c: SentenceCells, locale: Locale, decimals = sentenceDecimals(unit)): string {
  const zh = locale === 'zh';
  const v = valueText(c.value, unit, locale, decimals);
  const t = valueText(c.target, unit, locale, decimals);
  const f = valueText(c.floor, unit, locale, decimals);
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
      const steps = c.tiers.map((tier) => `${valueText(tier.threshold, unit, locale, decimals)}&"→"&${tier.score}`).join(`&"${zh ? '、' : ', '}"&`);
      body = zh
        ? `${head}&"，按阶梯（"&${steps || '""'}&" 分）得 "&${s}&" 分"`
        : `${head}&", by tiers ("&${steps || '""'}&" points): "&${s}&" points"`;
      break;
    }
  }
  const near = boundaryCells(method, c).filter((b) => b !== '').map((b) => `&${nearBoundary(c.value, b, unit, decimals, locale)}`).join('');
  const blank = zh ? `${q(c.name + ' 本月无数据，按 0 分计')}` : `${q(c.name + ': no data this month, scores 0')}`;
  return `=IF(${c.value}="",${blank},${body}${near})`;
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
