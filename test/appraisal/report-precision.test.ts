/**
 * Issue #9 item 2 on the 绩效单: the card shows each metric value, and its floor, target and
 * thresholds, with the decimals the 考核 tab chose for the item (precision.ts), in its number
 * formats and in the TEXT patterns of its sentences. The issue's agents: 旺旺回复率 0.990014 and
 * 0.989993 around the 99 % tier score 80 and 60, shown 99.001 % and 98.999 % (not 99.00 % both).
 */
import { describe, expect, it } from 'vitest';
import { displayValue } from '../../dev/gas/number-format';
import { planTab } from '../../src/appraisal/plan';
import { cardDecimals, planReportCard } from '../../src/appraisal/report-card';
import { fixed, moneyText, nearBoundary, valueText } from '../../src/appraisal/report-text';
import type { MetricItem, Template } from '../../src/appraisal/template';
import { DEFAULT_GRADES } from '../../src/metrics/scoring';
import { NOW } from './fixtures';
import { evaluateSheets } from './hf';

const REPLY: MetricItem = { metric: 'REPLY_RATE', weight: 100, method: 'tiers', tiers: [[0.99, 80], [0.98, 60]] };
const template: Template = { version: 1, name: '回复率', items: [REPLY], grades: DEFAULT_GRADES.map((g) => ({ ...g })) };

/** The card of a tab built from `agents`, picked for `agent`: its value cell (row 6, B) shown, its score, its sentence (row 7). */
function cardOf(values: Record<string, number>, agent: string, strip?: (layout: Record<string, unknown>) => void) {
  const tab = planTab({ month: '2026-11', template, agents: Object.entries(values).map(([name, v]) => ({ agent: name, values: { REPLY_RATE: v } })), now: NOW });
  const layout = JSON.parse(JSON.stringify(tab.layout));
  strip?.(layout);
  const card = planReportCard({ month: '2026-11', sheetName: tab.sheetName, layout, template, firstAgent: agent, agents: Object.keys(values), history: [] });
  const v = evaluateSheets({ [tab.sheetName]: tab.values, [card.sheetName]: card.values })[card.sheetName]!;
  const format = (r: number, c: number) => card.numberFormats[r - 1]![c - 1]!;
  return {
    layout: tab.layout,
    value: displayValue(v[5]![1] as number, format(6, 2)),
    formats: [format(6, 2), format(6, 3), format(6, 4)],
    score: v[5]![4],
    sentence: v[6]![0],
  };
}

describe('the card shows the 考核 tab\'s decimals', () => {
  const issue = { 甲: 0.990014, 乙: 0.989993 };

  it('carries the chosen decimals in the layout (3 for the issue\'s two agents)', () => {
    expect(cardOf(issue, '甲').layout.valueDecimals).toEqual({ REPLY_RATE: 3 });
  });

  it("the issue's agents: 99.001 % scores 80, 98.999 % scores 60, in the value cell and in the sentence", () => {
    // 0.990014 × 100 = 99.0014 → 3 decimals: 99.001; ≥ 99 % → 80 points
    const a = cardOf(issue, '甲');
    expect([a.value, a.score]).toEqual(['99.001%', 80]);
    expect(a.formats).toEqual(['0.000%', '0.000%', '0.000%']);
    expect(a.sentence).toBe('旺旺回复率 99.001%，按阶梯（99.000%→80、98.000%→60 分）得 80.0 分');
    // 0.989993 × 100 = 98.9993 → 98.999; below 99 %, at least 98 % → 60 points
    const b = cardOf(issue, '乙');
    expect([b.value, b.score]).toEqual(['98.999%', 60]);
    expect(b.sentence).toBe('旺旺回复率 98.999%，按阶梯（99.000%→80、98.000%→60 分）得 60.0 分');
  });

  it('a tab built before the decimals were chosen: the unit\'s 2, and the sentence says the value only looks equal to the boundary', () => {
    const b = cardOf(issue, '乙', (layout) => { delete layout.valueDecimals; });
    // 98.9993 → 2 decimals: 99.00, which is the boundary 99.00 % shown, though 0.989993 < 0.99
    expect([b.value, b.score]).toEqual(['99.00%', 60]);
    expect(b.sentence).toBe('旺旺回复率 99.00%，按阶梯（99.00%→80、98.00%→60 分）得 60.0 分（⚠ 实际值略低于分界 99.00%，显示的小数位看不出差别；得分按实际值）');
  });

  it('a value no 6 decimals separate from the boundary is flagged on the card too', () => {
    // 0.99 − 10⁻¹² × 100 = 98.9999999999 → 6 decimals: 99.000000, not on the tier (60 points)
    const hair = cardOf({ 甲: 0.99 - 1e-12 }, '甲');
    expect(hair.layout.valueDecimals).toEqual({ REPLY_RATE: 6 });
    expect([hair.value, hair.score]).toEqual(['99.000000%', 60]);
    expect(hair.sentence).toBe('旺旺回复率 99.000000%，按阶梯（99.000000%→80、98.000000%→60 分）得 60.0 分（⚠ 实际值略低于分界 99.000000%，显示的小数位看不出差别；得分按实际值）');
  });

  it('decimals: the tab\'s, else the unit\'s; seconds at least a tenth; a tampered tag is not trusted', () => {
    expect(cardDecimals({ valueDecimals: { REPLY_RATE: 4 } }, 'REPLY_RATE', 'fraction')).toBe(4);
    expect(cardDecimals({}, 'REPLY_RATE', 'fraction')).toBe(2);
    expect(cardDecimals({}, 'AVG_RESPONSE_TIME', 'seconds')).toBe(1);
    expect(cardDecimals({ valueDecimals: { AVG_RESPONSE_TIME: 0 } }, 'AVG_RESPONSE_TIME', 'seconds')).toBe(1);
    expect(cardDecimals({ valueDecimals: { AVG_RESPONSE_TIME: 2 } }, 'AVG_RESPONSE_TIME', 'seconds')).toBe(2);
    expect(cardDecimals({ valueDecimals: { REPLY_RATE: 40 } }, 'REPLY_RATE', 'fraction')).toBe(2);
    expect(cardDecimals({ valueDecimals: { REPLY_RATE: 1.5 } }, 'REPLY_RATE', 'fraction')).toBe(2);
    expect(cardDecimals({ valueDecimals: JSON.parse('{"__proto__": 5}') }, 'REPLY_RATE', 'fraction')).toBe(2);
  });
});

describe('the TEXT patterns with more decimals, in HyperFormula', () => {
  const evaluate = (formulas: string[]) => evaluateSheets({ s: [formulas.map((f) => `=${f}`)] }).s![0]!;

  it('writes 0 … 6 decimals', () => {
    expect(evaluate([fixed('18.44', 0), fixed('18.44', 1), fixed('0.990014*100', 3), fixed('0.98999999*100', 6), fixed('2', 6)]))
      .toEqual(['18', '18.4', '99.001', '98.999999', '2.000000']);
  });

  it('writes values and money with the item\'s decimals', () => {
    expect(evaluate([valueText('0.990014', 'fraction', 'zh', 3), valueText('0.989993', 'fraction', 'en', 3), valueText('18.44', 'seconds', 'zh', 2), valueText('155.2', 'yuan', 'zh', 3)]))
      .toEqual(['99.001%', '98.999%', '18.44 秒', '¥155.200']);
    // thousandths: 1234.5678 → 1,234.568; 2,200 has none and shows none; 0.0004 → 0.000 (shown as 0)
    expect(evaluate([moneyText('1234.5678', 3), moneyText('2200', 3), moneyText('-1200.05', 3), moneyText('0.0004', 3), moneyText('999.5', 0)]))
      .toEqual(['1,234.568', '2,200', '-1,200.050', '0', '1,000']);
  });

  it('flags a value that only looks equal to a boundary, and nothing else', () => {
    const near = (v: string, b: string, d: number) => nearBoundary(v, b, 'fraction', d, 'zh');
    expect(evaluate([near('0.989993', '0.99', 2), near('0.990014', '0.99', 2), near('0.989993', '0.99', 3), near('0.99', '0.99', 2), near('0.989993', '""', 2)]))
      .toEqual([
        '（⚠ 实际值略低于分界 99.00%，显示的小数位看不出差别；得分按实际值）',
        '（⚠ 实际值略高于分界 99.00%，显示的小数位看不出差别；得分按实际值）',
        '', '', '',
      ]);
    expect(evaluate([nearBoundary('18.4', '18', 'seconds', 0, 'en')]))
      .toEqual([' (⚠ the actual value is just above the boundary 18 s, which the decimals shown cannot tell apart; the score uses the actual value)']);
  });
});
