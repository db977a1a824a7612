/**
 * The built-in templates. Their indicators are those of the seeds; their floors, targets and
 * tiers are the figures shops commonly use, so a new user gets a sensible first appraisal.
 * Every preset passes `validateTemplate` (tested).
 */
import type { Msg } from '../i18n';
import { DEFAULT_GRADES } from '../metrics/scoring';
import type { Template } from './template';

export type PresetId = 'presale' | 'aftersale' | 'mixed' | 'douyin' | 'jd' | 'pdd';

export interface Preset {
  id: PresetId;
  name: Msg;
  template: Template;
}

const grades = () => DEFAULT_GRADES.map((b) => ({ ...b }));

/**
 * 售前: the pre-sales indicators of seed 001 (询单转化率, 支付率, 旺旺响应速度).
 * Conversion 30 % → 50 % is the spec's example and the usual range of 赤兔 reports for apparel;
 * 支付率 (拍下 → 付款) runs 80–95 % in 生意参谋, so 75 % scores 0 and 95 % full marks;
 * response tiers follow the common shop rule "首响 ≤ 10 秒, 平响 ≤ 20 秒 full marks", losing
 * 20 points a step; 工作态度 is the seed 000 manual item, weighted low ("占权重较小").
 */
const presale: Template = {
  version: 1,
  name: '售前客服月度考核',
  items: [
    { metric: 'INQUIRY_CONVERSION', weight: 40, floor: 0.3, target: 0.5, method: 'linear' },
    { metric: 'PAYMENT_RATE', weight: 25, floor: 0.75, target: 0.95, method: 'linear' },
    { metric: 'FIRST_RESPONSE_TIME', weight: 10, method: 'tiers', tiers: [[10, 100], [20, 80], [30, 60], [45, 40]] },
    { metric: 'AVG_RESPONSE_TIME', weight: 10, method: 'tiers', tiers: [[20, 100], [30, 80], [45, 60], [60, 40]] },
    { manual: '工作态度', weight: 15, max: 100 },
  ],
  grades: grades(),
  bonusBase: 1000,
};

/**
 * 售后: the after-sales indicators of seed 001 (退款完结时长, 退款自主完结率, 退款纠纷率, 投诉笔数,
 * 服务态度DSR), seed 000's 咨询退货后的退货比例 (退货挽回率) and the service 满意率 every back-end
 * reports (千牛, 飞鸽, 咚咚): 80 % scores 0, 95 % full marks.
 * Taobao's industry reference for 纠纷率 is about 0.05–0.1 %, hence the tiers; DSR 4.8 is the
 * usual industry mean, so 4.6 scores 0 and 4.9 full marks; a refund resolved within 1.5 days
 * is good service and 4 days is the slow end; each complaint costs 10 points.
 */
const aftersale: Template = {
  version: 1,
  name: '售后客服月度考核',
  items: [
    { metric: 'REFUND_RESOLUTION_TIME', weight: 15, floor: 4, target: 1.5, method: 'linear' },
    { metric: 'REFUND_SELF_RESOLVED_RATE', weight: 15, floor: 0.85, target: 0.98, method: 'linear' },
    { metric: 'REFUND_DISPUTE_RATE_28D', weight: 15, method: 'tiers', tiers: [[0.0005, 100], [0.001, 80], [0.002, 60], [0.005, 30]] },
    { metric: 'RETURN_SAVE_RATE', weight: 15, floor: 0.1, target: 0.4, method: 'linear' },
    { metric: 'COMPLAINT_COUNT_28D', weight: 10, method: 'deduction', points: 10 },
    { metric: 'DSR_SERVICE_180D', weight: 10, floor: 4.6, target: 4.9, method: 'linear' },
    { metric: 'SATISFACTION_RATE', weight: 10, floor: 0.8, target: 0.95, method: 'linear' },
    { manual: '工作态度', weight: 10, max: 100 },
  ],
  grades: grades(),
  bonusBase: 1000,
};

/**
 * 综合: seed 000's list (销售计划达成率 "应占比较大的权重", 询单转化率, 客单价, 差评率, 退货率,
 * 工作态度 "占权重较小", then 回复时间, 出单准确率, 被投诉的单数).
 * The 客单价, response-time and 差评率 settings are the spec's example template; achievement
 * may score up to 120 for beating the plan; 出单准确率 must reach 99.5 %; returns 15 % → 5 %.
 */
const mixed: Template = {
  version: 1,
  name: '综合客服月度考核',
  items: [
    { metric: 'SALES_ACHIEVEMENT', weight: 25, floor: 0, target: 1, method: 'ratio', cap: 120 },
    { metric: 'INQUIRY_CONVERSION', weight: 20, floor: 0.3, target: 0.5, method: 'linear' },
    { metric: 'INQUIRY_AOV', weight: 10, floor: 80, target: 150, method: 'ratio', cap: 120 },
    { metric: 'AVG_RESPONSE_TIME', weight: 10, floor: 60, target: 15, method: 'linear' },
    { metric: 'BAD_REVIEW_RATE', weight: 10, method: 'tiers', tiers: [[0.002, 100], [0.005, 80], [0.01, 60]] },
    { metric: 'RETURN_RATE', weight: 5, floor: 0.15, target: 0.05, method: 'linear' },
    { metric: 'ORDER_ACCURACY', weight: 5, target: 0.995, method: 'pass_fail' },
    { metric: 'COMPLAINT_COUNT_28D', weight: 5, method: 'deduction', points: 10 },
    { manual: '工作态度', weight: 10, max: 100 },
  ],
  grades: grades(),
  bonusBase: 1000,
};

/** A monthly template with the default grades and a 1000 bonus base. */
const monthly = (name: string, items: Template['items']): Template => ({ version: 1, name, items, grades: grades(), bonusBase: 1000 });

/**
 * 抖店售前: what 抖店's 飞鸽 back-end scores a shop on (3分钟人工回复率, 满意率, IM不满意度) beside
 * conversion. 抖店 asks for a 3-minute reply rate of 85 % and more, hence 80 % → 98 %; 不满意率
 * tiers follow its 体验分 bands (≤ 1 % full marks).
 */
const douyin = monthly('抖店售前客服月度考核', [
  { metric: 'INQUIRY_CONVERSION', weight: 30, floor: 0.3, target: 0.5, method: 'linear' },
  { metric: 'REPLY_RATE_3MIN', weight: 25, floor: 0.8, target: 0.98, method: 'linear' },
  { metric: 'FIRST_RESPONSE_TIME', weight: 10, method: 'tiers', tiers: [[10, 100], [20, 80], [30, 60], [45, 40]] },
  { metric: 'SATISFACTION_RATE', weight: 10, floor: 0.8, target: 0.95, method: 'linear' },
  { metric: 'DISSATISFACTION_RATE', weight: 10, method: 'tiers', tiers: [[0.01, 100], [0.02, 80], [0.05, 60]] },
  { manual: '工作态度', weight: 15, max: 100 },
]);

/** 京东售前: 咚咚's 首次30秒应答率, 3分钟回复率 and 咨询差评率 (不满意率) beside conversion. */
const jd = monthly('京东售前客服月度考核', [
  { metric: 'INQUIRY_CONVERSION', weight: 30, floor: 0.3, target: 0.5, method: 'linear' },
  { metric: 'RESPONSE_RATE_30S', weight: 25, floor: 0.7, target: 0.95, method: 'linear' },
  { metric: 'REPLY_RATE_3MIN', weight: 10, floor: 0.8, target: 0.98, method: 'linear' },
  { metric: 'DISSATISFACTION_RATE', weight: 20, method: 'tiers', tiers: [[0.01, 100], [0.02, 80], [0.05, 60]] },
  { manual: '工作态度', weight: 15, max: 100 },
]);

/** 拼多多售前: 有效回复率 (a reply after an hour does not count) and 3分钟回复率 beside conversion. */
const pdd = monthly('拼多多售前客服月度考核', [
  { metric: 'INQUIRY_CONVERSION', weight: 35, floor: 0.3, target: 0.5, method: 'linear' },
  { metric: 'VALID_REPLY_RATE', weight: 25, floor: 0.85, target: 0.98, method: 'linear' },
  { metric: 'REPLY_RATE_3MIN', weight: 15, floor: 0.8, target: 0.98, method: 'linear' },
  { metric: 'AVG_RESPONSE_TIME', weight: 10, method: 'tiers', tiers: [[20, 100], [30, 80], [45, 60], [60, 40]] },
  { manual: '工作态度', weight: 15, max: 100 },
]);

/** The presets by id (`PRESETS.mixed.template`); `Object.values(PRESETS)` lists them in this order. */
export const PRESETS: Readonly<Record<PresetId, Preset>> = {
  presale: { id: 'presale', name: { zh: '售前', en: 'Pre-sales' }, template: presale },
  aftersale: { id: 'aftersale', name: { zh: '售后', en: 'After-sales' }, template: aftersale },
  mixed: { id: 'mixed', name: { zh: '综合', en: 'Mixed' }, template: mixed },
  douyin: { id: 'douyin', name: { zh: '抖店售前', en: 'Douyin pre-sales' }, template: douyin },
  jd: { id: 'jd', name: { zh: '京东售前', en: 'JD pre-sales' }, template: jd },
  pdd: { id: 'pdd', name: { zh: '拼多多售前', en: 'Pinduoduo pre-sales' }, template: pdd },
};

/** A fresh copy of a preset's template (callers may edit it), or undefined for an unknown id. */
export function presetTemplate(id: string): Template | undefined {
  const preset = Object.prototype.hasOwnProperty.call(PRESETS, id) ? PRESETS[id as PresetId] : undefined;
  return preset ? (JSON.parse(JSON.stringify(preset.template)) as Template) : undefined;
}
