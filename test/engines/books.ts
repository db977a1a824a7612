/**
 * The workbooks both engines evaluate: last month's and this month's 考核 tabs, built by the
 * add-on's own bundle in the in-memory spreadsheet (as a manager would: import, build, type
 * manual scores, build the next month, edit), then read back as formulas and values.
 */
import { expect } from 'vitest';
import { startRuntime, layoutOf, type Runtime } from '../../dev/local/appraise';
import { FIELD_ROW } from '../../samples/generate-qianniu';
import type { TabLayout } from '../../src/appraisal/plan-types';
import type { Template } from '../../src/appraisal/template';
import type { SheetContent } from './libreoffice';

export const OCTOBER = '考核 2026-10';
export const NOVEMBER = '考核 2026-11';

/** Every column the presets read: the 千牛 fields, after-sales ones and the platforms' ratings and reply counts. */
const HEADER = [
  '日期', '客服昵称', ...FIELD_ROW.slice(2), '完结笔数', '自主完结笔数', '完结总时长', '退款纠纷笔数', '订单数', '咨询退货数', '咨询退货后仍退货数', '服务态度DSR', '评价数',
  '满意评价数', '不满意评价数', '参评数', '需回复消息数', '3分钟人工回复数', '会话数', '30秒应答会话数', '有效回复会话数',
];

/** One agent's month on one row: plausible figures that differ by agent (k) and month (m). */
function figures(k: number, m: number): number[] {
  const received = 1500 + 37 * k + 11 * m;
  const inquiring = Math.round(received * 0.8);
  const paid = Math.round(inquiring * (0.28 + ((k * 7 + m) % 25) / 100));
  const sales = paid * (90 + ((k * 13 + m) % 90));
  const placed = paid + 5 + (k % 7);
  const replies = received * 6;
  const resolved = 40 + (k % 13);
  const qianniu = [
    received, received - (k % 5), received, inquiring, paid, sales, paid + (k % 5),
    received * (5 + ((k + m) % 25)), replies * (10 + ((k * 3 + m) % 50)), replies, 10 + ((k + m) % 50),
    placed, paid + 3, sales, paid, sales + 5000 * (k % 3) - 4000, Math.round(paid * (0.02 + (k % 9) / 100)),
    (k + m) % 4, (k + m) % 3, k % 2, 8 * 30,
  ];
  return [
    ...qianniu, resolved, resolved - (k % 6), resolved * (1.2 + ((k + m) % 30) / 10), k % 2, paid + 10, 20 + (k % 9), 12 + ((k + m) % 7),
    4.55 + ((k * 3 + m) % 8) / 20, 100 + k,
    // ratings (satisfied + dissatisfied ≤ rated), messages and sessions with the parts below their wholes
    60 + (k % 17), 2 + ((k + m) % 5), 80 + (k % 11), replies, replies - 7 * ((k + m) % 40), received, received - 3 * ((k * 5 + m) % 60), received - ((k + m) % 9),
  ];
}

export function exportRows(months: Record<string, readonly string[]>): (string | number)[][] {
  const rows: (string | number)[][] = [HEADER];
  Object.entries(months).forEach(([date, names], m) => names.forEach((name, k) => rows.push([date, name, ...figures(k, m)])));
  return rows;
}

export interface Book {
  rt: Runtime;
  /** The appraisal tabs, last month's first. */
  tabs: string[];
  layout(name: string): TabLayout;
  sheets(): SheetContent[];
}

/** Types manual scores (agent → item → text) into a built tab, as a manager would. */
export function typeScores(rt: Runtime, tab: string, scores: Record<string, Record<string, string>>): void {
  const layout = layoutOf(rt, tab);
  const values = rt.fake.book.values(tab);
  for (const [agent, items] of Object.entries(scores)) {
    const row = values.findIndex((r, i) => i >= layout.headerRow && r[layout.agentColumn - 1] === agent) + 1;
    expect(row, `${tab}: row of ${agent}`).toBeGreaterThan(0);
    for (const [item, text] of Object.entries(items)) rt.fake.book.typeCell(tab, row, layout.manualColumns[item]!, text);
  }
}

export interface BookSpec {
  template: Template | unknown;
  october: readonly string[];
  november: readonly string[];
  octoberScores?: Record<string, Record<string, string>>;
  novemberScores?: Record<string, Record<string, string>>;
  /** After October's first build: agents moved out of October (their rows stay grey on the rebuild). */
  leftInOctober?: readonly string[];
  /** Edits after November's build (row, column 1-based, text). */
  edits?: (rt: Runtime, layout: TabLayout) => void;
}

function mustBuild(rt: Runtime, month: string, template: unknown): void {
  const reply = rt.ctx.kk_buildAppraisal!({ sheetName: '数据', month, template });
  expect(reply.ok, JSON.stringify(reply.error ?? '')).toBe(true);
}

/** October built, typed (and rebuilt after agents left), November built on top of it, typed, edited. */
export function buildBook(spec: BookSpec): Book {
  const rt = startRuntime();
  rt.fake.book.addSheet('数据', exportRows({ '2026-10-31': spec.october, '2026-11-30': spec.november }));
  mustBuild(rt, '2026-10', spec.template);
  if (spec.octoberScores) typeScores(rt, OCTOBER, spec.octoberScores);
  if (spec.leftInOctober?.length) {
    // October's rows come first (row 2 on); moving one to September takes the agent out of October.
    spec.october.forEach((name, k) => {
      if (spec.leftInOctober!.includes(name)) rt.fake.book.typeCell('数据', k + 2, 1, '2026-09-30');
    });
    mustBuild(rt, '2026-10', spec.template);
  }
  mustBuild(rt, '2026-11', spec.template);
  if (spec.novemberScores) typeScores(rt, NOVEMBER, spec.novemberScores);
  spec.edits?.(rt, layoutOf(rt, NOVEMBER));
  const tabs = [OCTOBER, NOVEMBER];
  return {
    rt,
    tabs,
    layout: (name) => layoutOf(rt, name),
    sheets: () => tabs.map((name) => ({ name, formulas: rt.fake.book.formulas(name), values: rt.fake.book.values(name) as unknown[][] })),
  };
}
