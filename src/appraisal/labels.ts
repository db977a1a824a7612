/** The words the appraisal tab shows, in both languages (the tab follows the user's locale). */
import type { Locale, Msg } from '../i18n';
import { catalogueEntry } from '../metrics/catalogue';
import type { ScoringMethod } from '../metrics/scoring';
import { shortName } from './template';

/**
 * A metric as the tab names it: `询单转化率` / `Inquiry conversion rate`. A unit in the catalogue's
 * name (`Average response time (s)`) is cut as `shortName` cuts `(秒)`: value headers add the unit
 * themselves, and a contribution or a score has none. A window (`(28 days)`) is part of the name.
 */
export const metricName = (id: string, locale: Locale): string =>
  (locale === 'en' ? (catalogueEntry(id)?.name.en ?? id).replace(/\s*\((?:s|days)\)$/, '') : shortName(id));

export const LABELS = {
  title: { zh: '客服绩效考核', en: 'Customer service appraisal' },
  built: { zh: '生成于', en: 'Built' },
  help: {
    zh: '修改下方参数（权重、下限、目标、阶梯）或人工评分后，得分、总分、排名、等级和奖金自动重算；指标值为空时该项计 0 分。',
    en: 'Edit the parameters below (weights, floors, targets, tiers) or the manual scores and every score, total, rank, grade and bonus recomputes; a blank metric value scores 0.',
  },
  item: { zh: '考核项', en: 'Item' },
  definition: { zh: '指标定义', en: 'Definition' },
  weight: { zh: '权重', en: 'Weight' },
  floor: { zh: '下限（0 分）', en: 'Floor (0 points)' },
  target: { zh: '目标（100 分）', en: 'Target (100 points)' },
  method: { zh: '计分方法', en: 'Method' },
  cap: { zh: '封顶分', en: 'Cap' },
  points: { zh: '每单位扣分', en: 'Points per unit' },
  max: { zh: '满分', en: 'Max' },
  manual: { zh: '人工评分', en: 'manual' },
  gradeMin: { zh: '总分下限', en: 'Lowest total' },
  grade: { zh: '等级', en: 'Grade' },
  coefficient: { zh: '系数', en: 'Coefficient' },
  bonusBase: { zh: '奖金基数', en: 'Bonus base' },
  gradeCount: { zh: '人数', en: 'Agents' },
  bonusTotal: { zh: '奖金合计', en: 'Bonus total' },
  weightsRow: { zh: '权重', en: 'Weights' },
  scaleRow: { zh: '折算百分制（人工分 ×100÷满分）', en: 'To 100 points (manual: ×100 ÷ max)' },
  contribution: { zh: '贡献·', en: 'Contribution · ' },
  teamAverage: { zh: '团队平均', en: 'Team average' },
  teamMedian: { zh: '团队中位数', en: 'Team median' },
  agent: { zh: '客服', en: 'Agent' },
  total: { zh: '总分', en: 'Total' },
  rank: { zh: '排名', en: 'Rank' },
  bonus: { zh: '奖金', en: 'Bonus' },
  previous: { zh: '上月总分', en: 'Last month' },
  delta: { zh: '环比', en: 'Change' },
  remarks: { zh: '备注', en: 'Remarks' },
  matchKey: { zh: '匹配键', en: 'Match key' },
  score: { zh: '得分', en: ' score' },
  vanished: { zh: '（本月无数据）', en: '(not in this month)' },
  fixManual: { zh: '待修正', en: 'Fix scores' },
  retired: { zh: '（已移出模板，不计分）', en: ' (removed from the template, not counted)' },
} satisfies Record<string, Msg>;

export const METHOD_LABELS: Record<ScoringMethod, Msg> = {
  linear: { zh: '线性插值 linear', en: 'linear' },
  ratio: { zh: '达成率 ratio', en: 'ratio' },
  tiers: { zh: '阶梯 tiers', en: 'tiers' },
  deduction: { zh: '扣分制 deduction', en: 'deduction' },
  pass_fail: { zh: '达标制 pass_fail', en: 'pass_fail' },
};

export const NOTES = {
  blankScoresZero: { zh: '指标值为空（无数据或无基数）时该项计 0 分。', en: 'A blank metric value (no data, or no basis) scores 0.' },
  total: {
    zh: '加权总分 = Σ 权重×得分 ÷ Σ 权重，保留两位小数；每项加了多少分见「贡献·」各列；排名、等级按此总分，总分相同名次相同。',
    en: 'Weighted total = Σ weight × score ÷ Σ weight, rounded to 2 decimals; the "Contribution ·" columns show what each item adds; rank and grade follow it, equal totals share a rank.',
  },
  vanished: { zh: '本月数据中没有该客服；保留其人工评分与备注，不参与排名。', en: 'Not in this month\'s data: manual scores and remarks are kept; not ranked.' },
  noSource: { zh: '本月数据中没有该指标的来源列，得分按 0 计。', en: 'This month\'s data has no column for this metric; it scores 0.' },
  fixManual: {
    zh: '人工评分须为 0 到满分之间的数字；有文字或超出范围时总分显示「待修正」，不计排名、等级和奖金。',
    en: 'Manual scores must be numbers from 0 to the item\'s max; text or a score out of range shows "Fix scores" here, with no rank, grade or bonus.',
  },
  methodChange: { zh: '更改计分方法请修改模板后重新生成。', en: 'To change the method, edit the template and build again.' },
} satisfies Record<string, Msg>;

/** The accounts a person binding summed into one row (人员对照). */
export const accountsNote = (accounts: readonly string[]): Msg => ({
  zh: `合并的账号（人员对照）：${accounts.join('、')}`,
  en: `Accounts merged (person binding): ${accounts.join(', ')}`,
});

/** `来源列：询单人数、询单->最终付款人数` / `From: …`. */
export const sourcesNote = (headers: readonly string[]): Msg => ({
  zh: `来源列：${headers.join('、')}（按月合计后计算）`,
  en: `From: ${headers.join(', ')} (summed over the month first)`,
});

/** The manual column note: the scale and what a blank means. */
export const manualNote = (max: number): Msg => ({
  zh: `人工评分：填 0–${max}，按 100×分数÷${max} 计入总分；空白计 0 分。`,
  en: `Manual score: type 0–${max}; it counts as 100 × score ÷ ${max}; blank counts as 0.`,
});

/** The note on a parameter row's definition: the metric's code, which is also its sheet function. */
export const metricCodeNote = (id: string): Msg => ({
  zh: `指标代码 ${id}：同名表格函数 =${id}(…) 按此定义算出整列。`,
  en: `Metric code ${id}: the sheet function =${id}(…) computes a whole column by this definition.`,
});

/** A header with its unit: `下限（0 分）` → `下限（0 分，秒）`, `档1门槛` → `档1门槛（秒）`; as it was when `word` is ''. */
export function labelWithUnit(label: string, word: string, locale: Locale): string {
  if (!word) return label;
  if (label.endsWith('）')) return `${label.slice(0, -1)}，${word}）`;
  if (label.endsWith(')')) return `${label.slice(0, -1)}, ${word})`;
  return locale === 'en' ? `${label} (${word})` : `${label}（${word}）`;
}
