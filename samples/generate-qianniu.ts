/**
 * Generates `qianniu-2026-11.csv`: a 千牛 / 赤兔-style per-day export for November 2026, seven
 * sub-accounts of one shop, a two-row header (group row above the field row, merged cells
 * blank), a few `-` cells, days off, and the 汇总 row exports end with. Deterministic (seeded).
 *
 *   npx tsx samples/generate-qianniu.ts     # rewrites samples/qianniu-2026-11.csv
 *
 * Figures are plausible for a mid-size apparel shop: conversion 30–60 %, response 10–40 s,
 * 客单价 100–180 元, returns 5–10 % of orders.
 */

/** mulberry32: a tiny seeded generator, so the sample never changes unless the seed does. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Profile {
  name: string;
  /** Share of inquiring buyers who pay. */
  conversion: number;
  /** Seconds per manual reply and to the first reply. */
  response: number;
  firstResponse: number;
  aov: number;
  /** Daily sales target in yuan (about what the profile sells, so achievement lands near 100 %). */
  target: number;
  returns: number;
  daysOff: number[];
}

const SHOP = '小店旗舰店';
const PROFILES: Profile[] = [
  { name: '小美', conversion: 0.52, response: 16, firstResponse: 8, aov: 158, target: 8300, returns: 0.05, daysOff: [6, 13, 20, 27] },
  { name: '阿杰', conversion: 0.41, response: 24, firstResponse: 12, aov: 132, target: 5900, returns: 0.07, daysOff: [2, 9, 16, 23, 30] },
  { name: '晓雯', conversion: 0.47, response: 19, firstResponse: 9, aov: 141, target: 6800, returns: 0.06, daysOff: [7, 14, 21, 28] },
  { name: '大白', conversion: 0.33, response: 37, firstResponse: 21, aov: 118, target: 4800, returns: 0.09, daysOff: [1, 8, 15, 22, 29] },
  { name: '糖糖', conversion: 0.44, response: 22, firstResponse: 11, aov: 149, target: 6500, returns: 0.06, daysOff: [5, 12, 19, 26] },
  { name: '阿May', conversion: 0.58, response: 13, firstResponse: 7, aov: 171, target: 9500, returns: 0.05, daysOff: [3, 10, 17, 24] },
  { name: '橙子', conversion: 0.38, response: 29, firstResponse: 16, aov: 124, target: 5200, returns: 0.08, daysOff: [4, 11, 18, 25] },
];

const GROUP_ROW = ['日期', '客服昵称', '接待', '', '', '询单', '', '', '', '响应', '', '', '', '订单', '', '', '', '', '售后', '', '', '', '在线'];
export const FIELD_ROW = [
  '', '', '咨询人数', '已回复人数', '接待人数',
  '询单人数', '询单->最终付款人数', '询单->最终付款金额(元)', '询单->最终付款件数',
  '首次响应总时长（秒）', '人工响应总时长（秒）', '人工回复次数', '平均响应时长（秒）',
  '拍下笔数', '支付宝成交笔数', '销售额(元)', '下单人数', '计划销售额(元)',
  '退货数', '错单数', '投诉笔数', '差评数', '在线时长（小时）',
];

const csvCell = (x: string | number) => {
  const text = String(x);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The sample export as CSV text (with a BOM, as 千牛 writes it for Excel). */
export function generateQianniu(): string {
  const random = seeded(202611);
  const around = (x: number, spread: number) => x * (1 + (random() * 2 - 1) * spread);
  const rows: (string | number)[][] = [GROUP_ROW, FIELD_ROW];
  const totals = new Array<number>(FIELD_ROW.length).fill(0);
  for (let day = 1; day <= 30; day++) {
    const date = `2026-11-${String(day).padStart(2, '0')}`;
    // 11.11 brings three times the traffic.
    const traffic = day === 11 ? 3 : day >= 9 && day <= 12 ? 1.6 : 1;
    for (const p of PROFILES) {
      if (p.daysOff.includes(day)) continue;
      const received = Math.round(around(95 * traffic, 0.3));
      const replied = received - Math.floor(random() * 3);
      const served = replied;
      const inquiring = Math.round(received * around(0.82, 0.08));
      const paid = Math.min(inquiring, Math.round(inquiring * around(p.conversion, 0.15)));
      const inquirySales = Math.round(paid * around(p.aov, 0.12) * 100) / 100;
      const units = paid + Math.round(paid * around(0.3, 0.5));
      const replies = Math.round(served * around(6, 0.2));
      const firstTotal = Math.round(served * around(p.firstResponse, 0.25));
      const responseTotal = Math.round(replies * around(p.response, 0.2));
      const placed = paid + Math.round(around(paid * 0.12 + 1, 0.5));
      const paidOrders = paid + Math.round(paid * around(0.08, 0.5));
      const sales = Math.round((inquirySales + paidOrders * 0.2 * p.aov * around(1, 0.3)) * 100) / 100;
      const buyers = paid + Math.round(paid * around(0.15, 0.5));
      const returns = Math.round(paidOrders * around(p.returns, 0.6));
      const wrong = random() < 0.06 ? 1 : 0;
      const complaints = random() < 0.04 ? 1 : 0;
      // Some days the review figures have not come in yet: the export shows `-`.
      const bad: number | string = random() < 0.08 ? '-' : random() < 0.1 ? 1 : 0;
      const online = Math.round(around(8.5, 0.1) * 10) / 10;
      const average = Math.round((responseTotal / replies) * 100) / 100;
      const figures = [
        received, replied, served, inquiring, paid, inquirySales, units, firstTotal, responseTotal, replies, average,
        placed, paidOrders, sales, buyers, p.target, returns, wrong, complaints, bad, online,
      ];
      figures.forEach((x, i) => { if (typeof x === 'number') totals[i + 2]! += x; });
      rows.push([date, `${SHOP}:${p.name}`, ...figures]);
    }
  }
  const summary: (string | number)[] = totals.map((x, i) => (i < 2 ? '' : Math.round(x * 100) / 100));
  summary[0] = '汇总';
  summary[12] = '-';
  rows.push(summary);
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Manual scores for 工作态度 (agent, item, score), as a manager keeps them beside the export. */
export function generateManual(): string {
  const scores: Record<string, number> = { 小美: 95, 阿杰: 85, 晓雯: 90, 大白: 70, 糖糖: 88, 阿May: 92, 橙子: 80 };
  const lines = ['客服,考核项,分数', ...PROFILES.map((p) => `${p.name},工作态度,${scores[p.name]}`)];
  return `${lines.join('\r\n')}\r\n`;
}

const isMain = typeof process !== 'undefined' && process.argv[1] !== undefined && /generate-qianniu\.ts$/.test(process.argv[1]);
if (isMain) {
  const { writeFileSync } = await import('node:fs');
  const dir = new URL('.', import.meta.url);
  writeFileSync(new URL('qianniu-2026-11.csv', dir), generateQianniu());
  writeFileSync(new URL('manual-2026-11.csv', dir), generateManual());
}
