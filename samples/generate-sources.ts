/**
 * Generates the small fixture exports of one month from four back-ends, the figures chosen by
 * hand so a stacked month can be checked on paper (test/appraisal/sources.test.ts):
 *
 * - `chitu-2026-11.xlsx`   赤兔 (千牛) 客服绩效, one row per sub-account for the month, a 汇总 row
 * - `sycm-2026-11.csv`     生意参谋, GBK, a title line, per-day rows (8-digit dates), a 合计 row
 * - `feige-2026-11.csv`    抖店 飞鸽, per-day rows (one from October, to be skipped)
 * - `dongdong-2026-11.csv` 京东 咚咚, one row per account for the month
 * - `people-2026-11.csv`   the person binding: account, person, platform
 *
 * 小美 is `旗舰店:小美` on 千牛, `xiaomei` on 飞鸽 and `小美-京东` on 咚咚; 阿杰 likewise.
 *
 *   npx tsx samples/generate-sources.ts     # rewrites the files above
 */
import * as XLSX from 'xlsx';
import cptable from 'xlsx/dist/cpexcel.js';

type Row = (string | number)[];

const csvCell = (x: string | number) => {
  const text = String(x);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const csv = (rows: Row[]) => rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

export const CHITU: Row[] = [
  ['客服', '咨询人数', '接待人数', '询单人数', '询单->次日付款人数', '询单->最终付款人数', '询单->最终付款成功率', '询单->最终付款金额',
    '销售额', '销售人数', '销售件数', '客单价', '客件数', '答问比', '平均响应时长(秒)', '人工回复次数', '退款金额', '退款率'],
  ['旗舰店:小美', 400, 380, 200, 60, 100, '50.00%', 15000, 20000, 130, 180, 153.85, 1.38, 1.2, 18, 1000, 600, '3.00%'],
  ['旗舰店:阿杰', 300, 290, 150, 40, 60, '40.00%', 7800, 10000, 80, 100, 125, 1.25, 1.1, 25, 800, 500, '5.00%'],
  ['旗舰店:晓雯', 200, 195, 100, 30, 45, '45.00%', 6300, 9000, 60, 75, 150, 1.25, 1.3, 20, 600, 300, '3.33%'],
  ['汇总', 900, 865, 450, 130, 205, '45.56%', 29100, 39000, 270, 355, 144.44, 1.31, 1.2, 20.6, 2400, 1400, '3.59%'],
];

export const SYCM: Row[] = [
  ['生意参谋 客服数据 2026-11-01 ~ 2026-11-30'],
  ['统计日期', '旺旺', '接待人数', '支付子订单数', '支付宝成交笔数', '拍下笔数', '退款笔数', '退款纠纷笔数', '投诉笔数', '差评数', '退货数', '服务态度评分', '评价数'],
  [20261101, '旗舰店:小美', 190, 70, 60, 65, 3, 0, 0, 1, 2, 4.8, 30],
  [20261102, '旗舰店:小美', 190, 65, 55, 60, 2, 0, 1, 0, 1, 4.9, 20],
  [20261101, '旗舰店:阿杰', 145, 40, 35, 40, 2, 1, 0, 1, 2, 4.7, 20],
  [20261102, '旗舰店:阿杰', 145, 38, 30, 35, 1, 0, 0, 0, 1, 4.8, 20],
  [20261101, '旗舰店:晓雯', 100, 30, 25, 28, 1, 0, 0, 0, 1, 4.9, 10],
  [20261102, '旗舰店:晓雯', 95, 28, 25, 27, 0, 0, 0, 0, 0, 5.0, 10],
  ['合计', '', 865, 271, 230, 255, 9, 1, 1, 2, 7, 4.83, 110],
];

export const FEIGE: Row[] = [
  ['日期', '客服账号', '人工接待人数', '咨询人数', '询单人数', '成交人数', '询单成交金额', '3分钟人工回复率', '需回复消息数',
    '平均首响时长(秒)', '平均响应时长(秒)', '人工回复次数', '满意率', '不满意率', '参评人数', '投诉数'],
  ['2026-10-31', 'xiaomei', 45, 50, 30, 12, 1800, '70.00%', 150, 30, 40, 100, '70.00%', '10.00%', 20, 2],
  ['2026-11-01', 'xiaomei', 50, 60, 40, 20, 3000, '90.00%', 200, 10, 20, 150, '90.00%', '2.00%', 50, 0],
  ['2026-11-02', 'xiaomei', 30, 40, 20, 8, 1200, '80.00%', 100, 20, 30, 50, '80.00%', '4.00%', 25, 1],
  ['2026-11-01', '阿杰-抖店', 40, 45, 30, 9, 1350, '95.00%', 100, 12, 22, 100, '92.00%', '1.00%', 50, 0],
  ['2026-11-02', '阿杰-抖店', 20, 25, 10, 3, 450, '85.00%', 100, 16, 26, 60, '88.00%', '3.00%', 50, 0],
];

export const DONGDONG: Row[] = [
  ['客服账号', '咨询量', '接待量', '询单人数', '成交人数', '询单成交金额', '首次30秒应答率', '会话数', '3分钟回复率', '需回复消息数',
    '咨询差评率', '评价会话数', '满意度'],
  ['小美-京东', 80, 70, 50, 20, 2800, '90.00%', 100, '95.00%', 300, '1.00%', 40, '95.00%'],
  ['ajie_jd', 60, 50, 40, 12, 1560, '80.00%', 50, '90.00%', 100, '2.50%', 40, '85.00%'],
];

export const PEOPLE: Row[] = [
  ['账号', '人员', '平台'],
  ['旗舰店:小美', '小美', '淘宝'],
  ['xiaomei', '小美', '抖店'],
  ['小美-京东', '小美', '京东'],
  ['旗舰店:阿杰', '阿杰', '淘宝'],
  ['阿杰-抖店', '阿杰', '抖店'],
  ['ajie_jd', '阿杰', '京东'],
  ['旗舰店:晓雯', '晓雯', '淘宝'],
];

/** The 赤兔 workbook: one sheet, numbers as numbers, rates as the text 赤兔 writes. */
export function chituXlsx(): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(CHITU), '客服绩效');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

/** 生意参谋's csv in GBK (code page 936), as older downloads come. */
export function sycmGbk(): Uint8Array {
  return new Uint8Array((cptable as { utils: { encode: (cp: number, s: string) => number[] } }).utils.encode(936, csv(SYCM)));
}

export const feigeCsv = () => `\ufeff${csv(FEIGE)}`;
export const dongdongCsv = () => `\ufeff${csv(DONGDONG)}`;
export const peopleCsv = () => `\ufeff${csv(PEOPLE)}`;

const isMain = typeof process !== 'undefined' && process.argv[1] !== undefined && /generate-sources\.ts$/.test(process.argv[1]);
if (isMain) {
  const { writeFileSync } = await import('node:fs');
  const dir = new URL('.', import.meta.url);
  writeFileSync(new URL('chitu-2026-11.xlsx', dir), chituXlsx());
  writeFileSync(new URL('sycm-2026-11.csv', dir), sycmGbk());
  writeFileSync(new URL('feige-2026-11.csv', dir), feigeCsv());
  writeFileSync(new URL('dongdong-2026-11.csv', dir), dongdongCsv());
  writeFileSync(new URL('people-2026-11.csv', dir), peopleCsv());
}
