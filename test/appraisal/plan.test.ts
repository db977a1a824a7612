import { describe, expect, test } from 'vitest';
import { columnLetter } from '../../src/appraisal/a1';
import { planTab, type PlanInput } from '../../src/appraisal/plan';
import { previousRowsOf } from '../../src/appraisal/previous';
import { TAB_TAG_KEY, type TabPlan } from '../../src/appraisal/plan-types';
import { inputsFromRows } from '../../src/appraisal/manual-inputs';
import { PRESETS } from '../../src/appraisal/presets';
import { UserError } from '../../src/i18n';
import { NOW, everyMethod, threeAgents } from './fixtures';
import { evaluatePlan } from './hf';

const plan = (overrides: Partial<PlanInput> = {}): TabPlan =>
  planTab({ month: '2026-11', template: everyMethod(), agents: threeAgents(), now: NOW, ...overrides });

/** The cell at 1-based row and column. */
const at = (p: TabPlan, row: number, column: number) => p.values[row - 1]![column - 1];
const row = (p: TabPlan, r: number) => p.values[r - 1]!;
const isFormula = (v: unknown) => typeof v === 'string' && v.startsWith('=');

describe('the rectangle', () => {
  const p = plan();

  test('every grid has the layout\'s size and every row the same length', () => {
    for (const grid of [p.values, p.numberFormats, p.fontWeights, p.backgrounds, p.notes]) {
      expect(grid).toHaveLength(p.layout.rows);
      for (const r of grid) expect(r).toHaveLength(p.layout.columns);
    }
  });

  test('the tab name, the tag and the layout it carries', () => {
    expect(p.sheetName).toBe('考核 2026-11');
    expect(p.tag).toEqual({ key: TAB_TAG_KEY, value: JSON.stringify(p.layout) });
    expect(p.layout).toMatchObject({ version: 2, month: '2026-11', agentColumn: 1, totalColumn: 2, agentCount: 3, vanishedCount: 0 });
  });

  test('the agent table is last, under the hidden key row: agents in A, totals in B, the chart reads only the agent rows', () => {
    const { headerRow, keyRow, firstAgentRow, agentCount, rows } = p.layout;
    expect([keyRow, firstAgentRow]).toEqual([headerRow + 1, headerRow + 2]);
    expect(rows).toBe(headerRow + 1 + agentCount);
    expect([at(p, headerRow, 1), at(p, headerRow, 2)]).toEqual(['客服', '总分']);
    // One key per column, hidden by the ;;; format (anatomy.ts finds the columns by them).
    expect(row(p, keyRow!).slice(0, 3)).toEqual(['kk:agent', 'kk:total', 'kk:rank']);
    expect(new Set(p.numberFormats[keyRow! - 1])).toEqual(new Set([';;;']));
    expect(p.chart).toEqual({ title: '总分 2026-11', range: `A${firstAgentRow}:B${firstAgentRow + agentCount - 1}`, anchorRow: headerRow, anchorColumn: p.layout.columns + 2 });
    expect(p.frozenRows).toBe(keyRow);
    expect(p.frozenColumns).toBe(1);
  });

  test('the same input gives the same plan (deterministic)', () => {
    expect(JSON.stringify(plan())).toBe(JSON.stringify(p));
  });
});

describe('the parameter block', () => {
  const p = plan();

  test('one row per item with weight, floor, target, method, cap, points, max and tier pairs', () => {
    expect(row(p, 4).slice(0, 15)).toEqual(['考核项', '指标定义', '权重', '下限（0 分）', '目标（100 分）', '计分方法', '封顶分', '每单位扣分', '满分', '档1门槛', '档1得分', '档2门槛', '档2得分', '档3门槛', '档3得分']);
    // Names with their unit (the items' units differ), the definition in words where the code was.
    expect(row(p, 5).slice(0, 9)).toEqual(['询单转化率（%）', '询单后成交人数 ÷ 询单人数', 30, 0.3, 0.5, '线性插值 linear', 100, null, null]);
    expect(row(p, 6).slice(0, 7)).toEqual(['询单客单价（元）', '询单成交金额 ÷ 询单成交人数（按买家计，同生意参谋、赤兔的客单价）', 15, 80, 150, '达成率 ratio', 120]);
    expect(row(p, 7).slice(0, 15)).toEqual(['平均响应时间（秒）', '响应总时长 ÷ 人工回复次数（不含自动回复）', 10, null, null, '阶梯 tiers', null, null, null, 20, 100, 30, 80, 45, 60]);
    expect(row(p, 8).slice(0, 8)).toEqual(['投诉笔数（笔）', '28天内用户发起投诉子订单数', 10, null, null, '扣分制 deduction', null, 5]);
    expect(row(p, 9).slice(0, 6)).toEqual(['出单准确率（%）', '1 − 错单数 ÷ 订单数', 5, null, 0.995, '达标制 pass_fail']);
    // The code, which users of the sheet functions want, is in the definition's note.
    expect(p.notes[4]![1]).toBe('指标代码 INQUIRY_CONVERSION：同名表格函数 =INQUIRY_CONVERSION(…) 按此定义算出整列。');
    expect(row(p, 10).slice(0, 9)).toEqual(['工作态度', '人工评分', 20, null, null, null, null, null, 100]);
    expect(row(p, 11).slice(0, 9)).toEqual(['专业能力', '人工评分', 10, null, null, null, null, null, 5]);
  });

  test('one unit for every metric item: the floor, target and threshold headers say it, the names do not', () => {
    const template = {
      ...everyMethod(),
      items: [
        { metric: 'INQUIRY_CONVERSION', weight: 50, floor: 0.3, target: 0.5, method: 'linear' as const },
        { metric: 'REPLY_RATE', weight: 30, method: 'tiers' as const, tiers: [[0.99, 100], [0.95, 60]] as [number, number][] },
        { manual: '工作态度', weight: 20, max: 100 },
      ],
    };
    const q = plan({ template });
    expect(row(q, 4).slice(0, 11)).toEqual(['考核项', '指标定义', '权重', '下限（0 分，%）', '目标（100 分，%）', '计分方法', '封顶分', '每单位扣分', '满分', '档1门槛（%）', '档1得分']);
    expect([at(q, 5, 1), at(q, 6, 1), at(q, 7, 1)]).toEqual(['询单转化率', '旺旺回复率', '工作态度']);
    const en = plan({ template, locale: 'en' });
    expect(row(en, 4).slice(3, 5)).toEqual(['Floor (0 points, %)', 'Target (100 points, %)']);
    expect(at(en, 4, 10)).toBe('Tier 1 threshold (%)');
  });

  test('grade bands ascending by minimum (for VLOOKUP), then the bonus base', () => {
    const c = 16; // after 9 parameter columns and 3 tier pairs
    expect([4, 5, 6, 7, 8, 9, 10].map((r) => row(p, r).slice(c, c + 3))).toEqual([
      ['总分下限', '等级', '系数'], [0, 'D', 0.5], [60, 'C', 0.8], [75, 'B', 1], [85, 'A', 1.1], [95, 'S', 1.2], ['奖金基数', 1000, '奖金合计'],
    ]);
  });

  test("the owner's summary: agents per grade beside each band, and the bonus total", () => {
    const c = 16; // count column = grade block (Q, R, S) + 1 = T
    const { firstAgentRow, agentCount } = p.layout;
    const last = firstAgentRow + agentCount - 1;
    expect(row(p, 4)[c + 3]).toBe('人数');
    // Counted on the totals (B) between the band's minimum and the next one (Q5 … Q9, ascending), as the
    // grade's VLOOKUP assigns them, never by the grade's text: D (row 5) is everything below C's 60,
    // B (row 7) is 75 ≤ total < 85, S (row 9) is 95 and above.
    const totals = `$B$${firstAgentRow}:$B$${last}`;
    expect(row(p, 5)[c + 3]).toBe(`=COUNTIF(${totals},"<"&$Q$6)`);
    expect(row(p, 7)[c + 3]).toBe(`=COUNTIFS(${totals},">="&$Q$7,${totals},"<"&$Q$8)`);
    expect(row(p, 9)[c + 3]).toBe(`=COUNTIF(${totals},">="&$Q$9)`);
    expect(row(p, 10)[c + 3]).toBe(`=IF($R$10="","",SUM($F$${firstAgentRow}:$F$${last}))`);
  });

  test('number formats follow the unit: percent for fractions, yuan, seconds', () => {
    expect(p.numberFormats[4]![3]).toBe('0.00%'); // conversion floor
    expect(p.numberFormats[5]![4]).toBe('¥#,##0.00'); // 客单价 target
    expect(p.numberFormats[6]![9]).toBe('0'); // response tier threshold, seconds
  });
});

describe('the agent table', () => {
  const p = plan();
  const { headerRow, firstAgentRow, valueColumns, scoreColumns, manualColumns, remarkColumn } = p.layout;

  test('columns: agent, total, rank, grade, coefficient, bonus, contributions, values (with units), scores, manual items, remarks', () => {
    expect(row(p, headerRow)).toEqual([
      '客服', '总分', '排名', '等级', '系数', '奖金',
      '贡献·询单转化率', '贡献·询单客单价', '贡献·平均响应时间', '贡献·投诉笔数', '贡献·出单准确率', '贡献·工作态度', '贡献·专业能力',
      '询单转化率（%）', '询单客单价（元）', '平均响应时间（秒）', '投诉笔数（笔）', '出单准确率（%）',
      '询单转化率得分', '询单客单价得分', '平均响应时间得分', '投诉笔数得分', '出单准确率得分',
      '工作态度', '专业能力', '备注', '匹配键',
    ]);
    expect(p.layout.keyColumn).toBe(27);
    expect(p.layout.contributionColumns).toEqual({ INQUIRY_CONVERSION: 7, INQUIRY_AOV: 8, AVG_RESPONSE_TIME: 9, COMPLAINT_COUNT_28D: 10, ORDER_ACCURACY: 11 });
    expect(p.layout.manualContributionColumns).toEqual({ 工作态度: 12, 专业能力: 13 });
    expect(valueColumns).toEqual({ INQUIRY_CONVERSION: 14, INQUIRY_AOV: 15, AVG_RESPONSE_TIME: 16, COMPLAINT_COUNT_28D: 17, ORDER_ACCURACY: 18 });
    expect(scoreColumns.INQUIRY_CONVERSION).toBe(19);
    expect(manualColumns).toEqual({ 工作态度: 24, 专业能力: 25 });
    expect(remarkColumn).toBe(26);
    // Each contribution column carries a key of its own in the key row, so a rebuild finds it.
    expect(row(p, p.layout.keyRow!).slice(6, 13)).toEqual([
      'kk:contrib:INQUIRY_CONVERSION', 'kk:contrib:INQUIRY_AOV', 'kk:contrib:AVG_RESPONSE_TIME', 'kk:contrib:COMPLAINT_COUNT_28D', 'kk:contrib:ORDER_ACCURACY',
      'kk:contrib:manual:工作态度', 'kk:contrib:manual:专业能力',
    ]);
  });

  test('metric values are the snapshot; a blank value is an empty cell', () => {
    expect(row(p, firstAgentRow).slice(13, 18)).toEqual([0.45, 160, 18, 1, 0.997]);
    expect(row(p, firstAgentRow + 2).slice(13, 18)).toEqual([null, 140, 50, 4, null]);
  });

  test('live formulas: SUMPRODUCT total, COUNTIF rank, VLOOKUP grade and coefficient, bonus', () => {
    const r = firstAgentRow;
    // Manual items in X (max $I$10) and Y (max $I$11): text or a score outside 0 … max shows 待修正 instead of a total.
    const bad = (c: string, max: string) => `IF(ISNUMBER(${c}${r}),OR(${c}${r}<0,${c}${r}>${max}),${c}${r}<>"")`;
    // Scores in S … W, manual scores in X, Y: the weights row 13 and the scale row 14 over the same span.
    const total = `SUMPRODUCT($S$13:$Y$13,$S$14:$Y$14,S${r}:Y${r})/SUM($S$13:$Y$13)`;
    // rounding.ts: snap total × 100 to 15 significant digits, then to a whole number, then ÷ 100
    const rounded = `ROUND(ROUND((${total})*100,14-INT(LOG10(MAX(ABS((${total})*100),1)))),0)/100`;
    expect(at(p, r, 2)).toBe(`=IF(OR(${bad('X', '$I$10')},${bad('Y', '$I$11')}),"待修正",${rounded})`);
    expect(at(p, r, 3)).toBe(`=IF(ISNUMBER(B${r}),COUNTIF($B$${r}:$B$${r + 2},">"&B${r})+1,"")`);
    // MAX with the lowest band's minimum: a total below it still gets the lowest band.
    expect(at(p, r, 4)).toBe(`=IF(ISNUMBER(B${r}),VLOOKUP(MAX(B${r},$Q$5),$Q$5:$S$9,2),"")`);
    expect(at(p, r, 5)).toBe(`=IF(ISNUMBER(B${r}),VLOOKUP(MAX(B${r},$Q$5),$Q$5:$S$9,3),"")`);
    expect(at(p, r, 6)).toBe(`=IF(OR($R$10="",NOT(ISNUMBER(E${r}))),"",ROUND(ROUND(($R$10*E${r})*100,14-INT(LOG10(MAX(ABS(($R$10*E${r})*100),1)))),0)/100)`);
    expect(at(p, r, 19)).toBe(`=IF(N${r}="",0,MAX(0,MIN($G$5,100*(N${r}-$D$5)/($E$5-$D$5))))`);
  });

  test('contributions: weight × scale × score ÷ Σ weights, term by term as the total; blank when a manual score is blank or cannot count', () => {
    const r = firstAgentRow;
    // 询单转化率: its score in S, weight S13, scale S14.
    expect(at(p, r, 7)).toBe(`=IF(ISNUMBER(S${r}),$S$13*$S$14*S${r}/SUM($S$13:$Y$13),"")`);
    // 专业能力: typed in Y (max $I$11), weight Y13, scale Y14 (= 100 ÷ max).
    expect(at(p, r, 13)).toBe(`=IF(OR(Y${r}="",IF(ISNUMBER(Y${r}),OR(Y${r}<0,Y${r}>$I$11),Y${r}<>"")),"",$Y$13*$Y$14*Y${r}/SUM($S$13:$Y$13))`);
    expect(p.numberFormats[r - 1]![6]).toBe('0.00');
    expect(p.notes[headerRow - 1]![6]).toContain('得分 × 权重 × 换算 ÷ 权重合计');
  });

  test('a weights row and a scale row aligned with the counted columns', () => {
    // 7 items in rows 5–11, a blank row, then weights (13) and scale (14).
    expect(row(p, 13).slice(0, 25)).toEqual(['权重', ...Array(17).fill(null), '=$C$5', '=$C$6', '=$C$7', '=$C$8', '=$C$9', '=$C$10', '=$C$11']);
    expect(row(p, 14).slice(18, 25)).toEqual([1, 1, 1, 1, 1, '=100/$I$10', '=100/$I$11']);
    // The scale row says what it does.
    expect(at(p, 14, 1)).toBe('折算百分制（人工分 ×100÷满分）');
    expect(p.notes[13]![0]).toContain('人工评分按 100 × 分数 ÷ 满分 换算');
  });

  test('team rows above the header: average and median of totals, contributions, metric values, scores and manual items', () => {
    expect([at(p, 15, 1), at(p, 16, 1), headerRow]).toEqual(['团队平均', '团队中位数', 17]);
    expect(at(p, 15, 2)).toBe(`=IFERROR(AVERAGE(B$${firstAgentRow}:B$${firstAgentRow + 2}),"")`);
    expect(at(p, 15, 7)).toBe(`=IFERROR(AVERAGE(G$${firstAgentRow}:G$${firstAgentRow + 2}),"")`);
    // The values (询单转化率 in N), in the values' own format.
    expect(at(p, 15, 14)).toBe(`=IFERROR(AVERAGE(N$${firstAgentRow}:N$${firstAgentRow + 2}),"")`);
    expect(at(p, 16, 16)).toBe(`=IFERROR(MEDIAN(P$${firstAgentRow}:P$${firstAgentRow + 2}),"")`);
    expect([p.numberFormats[14]![13], p.numberFormats[14]![14], p.numberFormats[15]![15]]).toEqual(['0.00%', '¥#,##0.00', '0']);
    expect(at(p, 16, 19)).toBe(`=IFERROR(MEDIAN(S$${firstAgentRow}:S$${firstAgentRow + 2}),"")`);
    expect(at(p, 16, 25)).toBe(`=IFERROR(MEDIAN(Y$${firstAgentRow}:Y$${firstAgentRow + 2}),"")`);
  });

  test('formulas use nothing that differs between Sheets and HyperFormula', () => {
    const formulas = p.values.flat().filter(isFormula) as string[];
    expect(formulas.length).toBeGreaterThan(40);
    for (const f of formulas) {
      expect(f, f).not.toMatch(/\bRANK\(|(?<!V)LOOKUP\(|\{|KPI_|WEIGHTED_SCORE/);
      expect(f.replace(/TRUE\(\)|FALSE\(\)/g, ''), f).not.toMatch(/\bTRUE\b|\bFALSE\b/);
    }
  });

  test('formats: percent values, 0.0 scores, 0.00 totals, yuan bonus, seconds 0; manual cells editable', () => {
    const f = p.numberFormats[firstAgentRow - 1]!;
    expect([f[13], f[14], f[15], f[18], f[1], f[5]]).toEqual(['0.00%', '¥#,##0.00', '0', '0.0', '0.00', '¥#,##0.00']);
    expect(p.backgrounds[firstAgentRow - 1]![23]).toBe('#fff8e1');
    expect(p.editableRanges).toEqual([`X${firstAgentRow}:X`, `Y${firstAgentRow}:Y`, `Z${firstAgentRow}:Z`]);
  });

  test('notes: the source columns of each value, each score\'s method with its numbers, that a blank value scores 0, the bonus', () => {
    const notes = p.notes[headerRow - 1]!;
    expect(notes[13]).toBe('来源列：询单->最终付款人数、询单人数（按月合计后计算）');
    expect(notes[15]).toBe('本月数据中没有该指标的来源列，得分按 0 计。');
    // Floor 0.3 and target 0.5 shown as the cells show them (0.00%); the default cap 100.
    expect(notes[18]).toMatch(/^线性插值：30\.00% 得 0 分，50\.00% 得 100 分，之间按比例，封顶 100 分。/);
    expect(notes[18]).toContain('指标值为空（无数据或无基数）时该项计 0 分');
    expect(notes[19]).toMatch(/^达成率：得分 = 100 × 实际值 ÷ 目标 ¥150\.00，封顶 120 分。/);
    // 平均响应时间 is lower-is-better: a tier is reached at or below its threshold.
    expect(notes[20]).toMatch(/^阶梯：≤ 20 秒 得 100 分，≤ 30 秒 得 80 分，≤ 45 秒 得 60 分；都未达到得 0 分。/);
    expect(notes[21]).toMatch(/^扣分制：每 1 笔扣 5 分，得分 = 100 − 5 × 值，最低 0 分。/);
    expect(notes[22]).toMatch(/^达标制：≥ 99\.50% 得 100 分，否则 0 分。/);
    expect(notes[23]).toBe('人工评分：填 0–100，按 100×分数÷100 计入总分；空白计 0 分。');
    expect(notes[5]).toBe('奖金 = 奖金基数（生成时 ¥1,000.00）× 系数；系数按等级取自等级表，结果四舍五入到分。');
  });

  test('English labels for an English-speaking user', () => {
    const en = plan({ locale: 'en' });
    expect(row(en, en.layout.headerRow).slice(0, 7)).toEqual(['Agent', 'Total', 'Rank', 'Grade', 'Coefficient', 'Bonus', 'Contribution · Inquiry conversion rate']);
    // Units: the catalogue's `(s)` is cut from the name (labels.ts metricName) and added back once as the unit.
    expect(row(en, en.layout.headerRow).slice(13, 18)).toEqual([
      'Inquiry conversion rate (%)', 'Inquiry average order value (¥)', 'Average response time (s)', 'Complaints (28 days) (count)', 'Order accuracy (%)',
    ]);
    // A score or a contribution has no unit: `Average response time (s)` is named without its `(s)` there.
    expect(row(en, en.layout.headerRow)).toContain('Average response time score');
    expect(row(en, en.layout.headerRow)).toContain('Contribution · Average response time');
    expect(row(en, en.layout.headerRow).filter((h) => String(h).includes('(s) '))).toEqual([]);
    expect(row(en, 4).slice(0, 2)).toEqual(['Item', 'Definition']);
    expect(row(en, 5).slice(0, 2)).toEqual(['Inquiry conversion rate (%)', 'buyers who paid after inquiring ÷ inquiring buyers']);
    expect(at(en, 14, 1)).toBe('To 100 points (manual: ×100 ÷ max)');
    const notes = en.notes[en.layout.headerRow - 1]!;
    expect(notes[18]).toMatch(/^Linear: 30\.00% scores 0, 50\.00% scores 100, in proportion between, capped at 100\./);
    expect(notes[20]).toMatch(/^Tiers: ≤ 20 s scores 100, ≤ 30 s scores 80, ≤ 45 s scores 60; none reached scores 0\./);
    expect(notes[5]).toMatch(/^Bonus = bonus base \(¥1,000\.00 at build time\) × coefficient/);
    expect(notes[6]).toMatch(/^What this item adds to the total/);
    expect(en.sheetName).toBe('考核 2026-11');
  });
});

describe('user text lands as plain text', () => {
  const nasty = ['=HYPERLINK("http://x")', '+1', '-2', '@x', '\tTab', '\rCR', '\nLF', '<img src=x onerror=alert(1)>'];
  const p = plan({
    agents: nasty.map((agent) => ({ agent, values: {} })),
    template: { ...everyMethod(), name: '=cmd|"/c calc"!A1' },
    existing: inputsFromRows(nasty.map((agent) => [agent, '工作态度', '=1+1'])),
  });
  const { firstAgentRow, manualColumns } = p.layout;

  test('agent names starting with = + - @ tab CR LF get an apostrophe; HTML stays as typed', () => {
    expect(nasty.map((_, i) => at(p, firstAgentRow + i, 1))).toEqual([
      '\'=HYPERLINK("http://x")', "'+1", "'-2", "'@x", "'\tTab", "'\rCR", "'\nLF", '<img src=x onerror=alert(1)>',
    ]);
  });

  test('a spreadsheet shows each name exactly as typed, as text, not as a formula', () => {
    const grid = evaluatePlan(p);
    expect(nasty.map((_, i) => grid[firstAgentRow - 1 + i]![0])).toEqual(nasty);
    expect(grid[firstAgentRow - 1]![manualColumns['工作态度']! - 1]).toBe('=1+1');
  });

  test('manual text and template names too; only the plan\'s own formulas start with =', () => {
    expect(at(p, firstAgentRow, manualColumns['工作态度']!)).toBe("'=1+1");
    expect(at(p, 1, 1)).toBe('客服绩效考核 2026-11 · =cmd|"/c calc"!A1');
    const ownFormulas = p.values.flat().filter(isFormula) as string[];
    for (const f of ownFormulas) expect(f).not.toMatch(/HYPERLINK|cmd|=1\+1/);
  });
});

describe('rebuilds and other months', () => {
  test('agents gone from the data keep a marked row below the others, manual scores and remarks kept', () => {
    const existing = inputsFromRows([['老王', '工作态度', 88], ['小美', '工作态度', 90]]);
    existing.remarks['老王'] = '已离职';
    const p = plan({ existing });
    const last = p.layout.firstAgentRow + 3;
    expect(p.layout).toMatchObject({ agentCount: 3, vanishedCount: 1, rows: last });
    expect(row(p, last).slice(0, 3)).toEqual(['老王', null, '（本月无数据）']);
    expect(at(p, last, p.layout.manualColumns['工作态度']!)).toBe(88);
    expect(at(p, last, p.layout.remarkColumn)).toBe('已离职');
    expect(at(p, last, p.layout.scoreColumns.INQUIRY_CONVERSION!)).toBeNull();
    expect(p.backgrounds[last - 1]![0]).toBe('#f1f3f4');
    expect(p.notes[last - 1]![0]).toContain('本月数据中没有该客服');
    expect(at(p, p.layout.firstAgentRow, p.layout.manualColumns['工作态度']!)).toBe(90);
    // Ranks cover the current agents only.
    expect(at(p, p.layout.firstAgentRow, 3)).toBe(`=IF(ISNUMBER(B${p.layout.firstAgentRow}),COUNTIF($B$${p.layout.firstAgentRow}:$B$${last - 1},">"&B${p.layout.firstAgentRow})+1,"")`);
  });

  test('a manual item dropped from the template keeps its scores in a column that does not count', () => {
    const existing = inputsFromRows([['小美', '服务意识', 7]]);
    const p = plan({ existing });
    const column = p.layout.manualColumns['服务意识']!;
    expect(column).toBe(p.layout.remarkColumn + 1);
    expect(at(p, p.layout.headerRow, column)).toBe('服务意识（已移出模板，不计分）');
    expect(at(p, p.layout.firstAgentRow, column)).toBe(7);
    expect(at(p, p.layout.firstAgentRow, 2)).toContain('$S$13:$Y$13'); // the total still ends at the last template item
  });

  test('last month\'s tab: its total looked up live, and the change', () => {
    const october = plan({ month: '2026-10', existing: inputsFromRows([['老王', '工作态度', 88]]) });
    // October: key row 18, 3 agents from row 19 and 老王's kept row 22; its match keys in column AA (27).
    expect(october.layout).toMatchObject({ keyRow: 18, firstAgentRow: 19, agentCount: 3, vanishedCount: 1, keyColumn: 27, totalColumn: 2 });
    const rows = previousRowsOf(october.values);
    expect(rows).toEqual({ keyColumn: 27, totalColumn: 2, firstRow: 19, lastRow: 22 });
    const p = plan({ previous: { sheetName: '考核 2026-10', layout: rows } });
    const r = p.layout.firstAgentRow;
    const key = `${columnLetter(p.layout.keyColumn!)}${r}`;
    expect(row(p, p.layout.headerRow).slice(6, 8)).toEqual(['上月总分', '环比']);
    // Only October's agent region (below its key row 18: rows 19–22, 老王's grey row last), by match key;
    // a row without a total (老王's) gives a blank.
    const keys = "'考核 2026-10'!$AA$19:$AA$22";
    const totals = "'考核 2026-10'!$B$19:$B$22";
    expect(at(p, r, 7)).toBe(`=IF(COUNTIFS(${keys},${key},${totals},"<>")=1,SUMIF(${keys},${key},${totals}),"")`);
    expect(at(p, r, 8)).toBe(`=IF(AND(ISNUMBER(B${r}),ISNUMBER(G${r})),ROUND(ROUND((B${r}-G${r})*100,14-INT(LOG10(MAX(ABS((B${r}-G${r})*100),1)))),0)/100,"")`);
    expect(p.layout.valueColumns.INQUIRY_CONVERSION).toBe(16); // after 上月总分, 环比 and the 7 contributions
    expect(p.notes[p.layout.headerRow - 1]![6]).toContain('取自「考核 2026-10」');
  });

  test('last month\'s tab built before match keys, or unreadable: blank, and the header says what to do', () => {
    // October's key row without the match-key column (a tab built before match keys).
    const october = plan({ month: '2026-10' });
    const old = october.values.map((r) => r.map((v) => (v === 'kk:match' ? 'kk:col' : v)));
    expect(previousRowsOf(old)).toEqual({ totalColumn: 2, firstRow: 19, lastRow: 21 });
    for (const layout of [previousRowsOf(old), null]) {
      const p = plan({ previous: { sheetName: '考核 2026-10', layout } });
      const r = p.layout.firstAgentRow;
      expect(at(p, r, 7)).toBeNull();
      expect(at(p, r, 8)).toBe(`=IF(AND(ISNUMBER(B${r}),ISNUMBER(G${r})),ROUND(ROUND((B${r}-G${r})*100,14-INT(LOG10(MAX(ABS((B${r}-G${r})*100),1)))),0)/100,"")`);
      expect(p.notes[p.layout.headerRow - 1]![6]).toContain('请重新生成上月考核表');
    }
  });

  test('no agents: header only, no team formulas', () => {
    const p = plan({ agents: [] });
    expect(p.layout).toMatchObject({ agentCount: 0, rows: p.layout.headerRow + 1 });
    expect(p.values.flat().filter((v) => typeof v === 'string' && /AVERAGE|COUNTIF/.test(v))).toEqual([]);
  });

  test('a value that is not a finite number is written blank', () => {
    const p = plan({ agents: [{ agent: '小美', values: { INQUIRY_CONVERSION: NaN, INQUIRY_AOV: Infinity, AVG_RESPONSE_TIME: '12' as unknown as number } }] });
    expect(row(p, p.layout.firstAgentRow).slice(13, 16)).toEqual([null, null, null]);
  });

  test('a duplicated agent gets one row', () => {
    expect(plan({ agents: [...threeAgents(), threeAgents()[0]!] }).layout.agentCount).toBe(3);
  });

  test('every preset plans', () => {
    for (const preset of Object.values(PRESETS)) {
      expect(plan({ template: preset.template }).layout.agentCount, preset.id).toBe(3);
    }
  });
});

describe('refusals', () => {
  test('a malformed month or a template that does not validate', () => {
    expect(() => plan({ month: '2026/11' })).toThrow(UserError);
    const broken = everyMethod();
    broken.items[0]!.weight = 0;
    expect(() => plan({ template: broken })).toThrow('模板未通过检查：权重合计必须为 100');
  });
});
