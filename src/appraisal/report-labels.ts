/** The words of the 绩效单 and 趋势 tabs, in both languages (the tabs follow the document's locale). */
import type { Msg } from '../i18n';

export const REPORT = {
  title: { zh: '绩效单', en: 'Report card' },
  pickHelp: { zh: '在 B2 选择客服，整页随之更新；文件 › 下载 › PDF 可发给本人。', en: 'Pick an agent in B2 and the page follows; File › Download › PDF to send it.' },
  helper: { zh: '辅助列（选人用，勿改）', en: 'Helper (finds the agent; do not edit)' },
  item: { zh: '考核项', en: 'Item' },
  value: { zh: '本月值', en: 'This month' },
  score: { zh: '得分', en: 'Score' },
  contribution: { zh: '计入总分', en: 'Adds to total' },
  short: { zh: '离满分差', en: 'Short of full' },
  teamAverage: { zh: '团队平均', en: 'Team average' },
  place: { zh: '本项名次', en: 'Place' },
  month: { zh: '月份', en: 'Month' },
  historyChart: { zh: '近 12 个月总分', en: 'Totals, last 12 months' },
} satisfies Record<string, Msg>;

export const TREND = {
  title: { zh: '趋势：各月总分、等级、奖金', en: 'Trend: monthly total, grade and bonus' },
  help: { zh: '每次生成考核表都会刷新本页；数字是对各月考核表的实时公式。', en: 'Refreshed with every build; every figure is a live formula over the monthly tabs.' },
  totals: { zh: '总分', en: 'Total' },
  grades: { zh: '等级', en: 'Grade' },
  bonuses: { zh: '奖金', en: 'Bonus' },
  yearAverage: { zh: '全年平均', en: 'Year average' },
  yearBonus: { zh: '全年奖金', en: 'Year bonus' },
  quarter: { zh: '季度平均', en: 'Quarter average' },
  chart: { zh: '各月总分', en: 'Monthly totals' },
} satisfies Record<string, Msg>;
