/**
 * The sheet functions the playground's data tab opens with, to the right of the sample export (one
 * blank column between, so the export's header is read as before: these columns map to no field).
 * Each is an ordinary formula the manager can edit; the grid evaluates it through the bundle.
 */
import type { FakeGas } from '../gas';

export interface ExampleFormula {
  /** 1-based row and column of the formula. */
  row: number;
  column: number;
  /** The label above it (row 2, the export's field row). */
  label: string;
  formula: string;
}

const letter = (column: number): string =>
  column <= 26 ? String.fromCharCode(64 + column) : letter(Math.floor((column - 1) / 26)) + letter(((column - 1) % 26) + 1);

/**
 * The examples for an export whose field row is row 2, data rows 3 … `lastRow` (an export's own total
 * row, 汇总, left out), `width` columns, with the sample's column order.
 */
export function exampleFormulas(lastRow: number, width: number): ExampleFormula[] {
  const col = (offset: number) => width + 1 + offset;
  const range = (c: string) => `${c}3:${c}${lastRow}`;
  return [
    { row: 3, column: col(1), label: '每行询单转化率 INQUIRY_CONVERSION', formula: `=INQUIRY_CONVERSION(${range('G')},${range('F')})` },
    { row: 3, column: col(2), label: '每行平均响应(秒) AVG_RESPONSE_TIME', formula: `=AVG_RESPONSE_TIME(${range('K')},${range('L')})` },
    { row: 3, column: col(3), label: '响应得分 KPI_SCORE(值,下限60,目标15)', formula: `=KPI_SCORE(${range(letter(col(2)))},60,15)` },
    { row: 3, column: col(5), label: '全店本月询单转化率', formula: `=INQUIRY_CONVERSION(SUM(${range('G')}),SUM(${range('F')}))` },
    { row: 3, column: col(6), label: '全店转化得分 KPI_SCORE', formula: `=KPI_SCORE(${letter(col(5))}3,0.3,0.5)` },
    { row: 3, column: col(7), label: '等级 KPI_GRADE', formula: `=KPI_GRADE(${letter(col(6))}3)` },
  ];
}

/** Types the examples into the data tab as a manager would (labels in row 2, a title in row 1). */
export function typeExamples(fake: FakeGas, tab: string): void {
  const values = fake.book.values(tab);
  const width = Math.max(0, ...values.map((r) => r.length));
  let lastRow = values.length;
  while (lastRow > 2 && /^(汇总|合计|总计)/.test(String(values[lastRow - 1]?.[0] ?? ''))) lastRow--;
  const examples = exampleFormulas(lastRow, width);
  fake.book.typeCell(tab, 1, examples[0]!.column, '函数示例（可改，公式由插件计算）');
  for (const e of examples) {
    fake.book.typeCell(tab, 2, e.column, e.label);
    fake.book.typeCell(tab, e.row, e.column, e.formula);
  }
}
