/** Shared inputs of the plan tests: a small template with every scoring method, and three agents. */
import type { PlanAgent } from '../../src/appraisal/plan';
import type { Template } from '../../src/appraisal/template';
import { DEFAULT_GRADES } from '../../src/metrics/scoring';

export const NOW = '2026-12-01T02:03:04.000Z';

export const everyMethod = (): Template => ({
  version: 1,
  name: '测试模板',
  items: [
    { metric: 'INQUIRY_CONVERSION', weight: 30, floor: 0.3, target: 0.5, method: 'linear' },
    { metric: 'INQUIRY_AOV', weight: 15, floor: 80, target: 150, method: 'ratio', cap: 120 },
    { metric: 'AVG_RESPONSE_TIME', weight: 10, method: 'tiers', tiers: [[20, 100], [30, 80], [45, 60]] },
    { metric: 'COMPLAINT_COUNT_28D', weight: 10, method: 'deduction', points: 5 },
    { metric: 'ORDER_ACCURACY', weight: 5, target: 0.995, method: 'pass_fail' },
    { manual: '工作态度', weight: 20, max: 100 },
    { manual: '专业能力', weight: 10, max: 5 },
  ],
  grades: DEFAULT_GRADES.map((g) => ({ ...g })),
  bonusBase: 1000,
});

export const threeAgents = (): PlanAgent[] => [
  {
    agent: '小美',
    values: { INQUIRY_CONVERSION: 0.45, INQUIRY_AOV: 160, AVG_RESPONSE_TIME: 18, COMPLAINT_COUNT_28D: 1, ORDER_ACCURACY: 0.997 },
    sources: { INQUIRY_CONVERSION: ['询单->最终付款人数', '询单人数'], INQUIRY_AOV: ['询单->最终付款金额', '询单->最终付款人数'] },
  },
  { agent: '阿杰', values: { INQUIRY_CONVERSION: 0.35, INQUIRY_AOV: 120, AVG_RESPONSE_TIME: 33, COMPLAINT_COUNT_28D: 0, ORDER_ACCURACY: 0.99 }, sources: {} },
  { agent: '晓雯', values: { INQUIRY_CONVERSION: '', INQUIRY_AOV: 140, AVG_RESPONSE_TIME: 50, COMPLAINT_COUNT_28D: 4 }, sources: {} },
];
