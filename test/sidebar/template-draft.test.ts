import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/appraisal/presets';
import {
  draftFromTemplate, fieldsOf, newManualItem, newMetricItem, numberOf, templateFromDraft, textOf,
  type MetricItemDraft,
} from '../../src/sidebar/template-draft';

describe('textOf', () => {
  it('writes numbers in full precision', () => {
    expect(textOf(0.0005)).toBe('0.0005');
  });
  it('gives "" for null, undefined and non-finite numbers', () => {
    expect([textOf(null), textOf(undefined), textOf(NaN)]).toEqual(['', '', '']);
  });
  it('keeps text as written', () => {
    expect(textOf('工作态度')).toBe('工作态度');
  });
});

describe('numberOf', () => {
  it('reads a number with spaces around it', () => {
    expect(numberOf(' 12.5 ')).toBe(12.5);
  });
  it('reads a negative number', () => {
    expect(numberOf('-3')).toBe(-3);
  });
  it('is undefined for blank text', () => {
    expect(numberOf('  ')).toBeUndefined();
  });
  it('keeps unreadable text so the server can name it', () => {
    expect(numberOf('12%')).toBe('12%');
  });
});

describe('fieldsOf', () => {
  it('linear uses floor, target and cap', () => {
    expect(fieldsOf('linear')).toEqual({ floor: true, target: true, cap: true, points: false, tiers: false });
  });
  it('tiers uses tiers, and a cap when a tier should score above 100', () => {
    expect(fieldsOf('tiers')).toEqual({ floor: false, target: false, cap: true, points: false, tiers: true });
  });
  it('deduction uses only points', () => {
    expect(fieldsOf('deduction')).toEqual({ floor: false, target: false, cap: false, points: true, tiers: false });
  });
});

describe('draftFromTemplate → templateFromDraft', () => {
  it.each(Object.values(PRESETS))('gives back the $id preset unchanged', (preset) => {
    expect(templateFromDraft(draftFromTemplate(preset.template))).toEqual(preset.template);
  });
  it('gives every item and band its own key', () => {
    const draft = draftFromTemplate(PRESETS.mixed.template);
    const keys = [...draft.items.map((i) => i.key), ...draft.grades.map((g) => g.key)];
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('draftFromTemplate', () => {
  it('turns non-objects into an empty draft', () => {
    expect(draftFromTemplate('nonsense')).toMatchObject({ name: '', items: [], grades: [], bonusBase: '' });
  });
  it('reads a manual item', () => {
    expect(draftFromTemplate({ items: [{ manual: '工作态度', weight: 15, max: 100 }] }).items[0])
      .toMatchObject({ kind: 'manual', name: '工作态度', weight: '15', max: '100' });
  });
  it('falls back to linear for an unknown method', () => {
    expect(draftFromTemplate({ items: [{ metric: 'AOV', method: 'magic' }] }).items[0]).toMatchObject({ method: 'linear' });
  });
  it('keeps an unknown metric id for the check to point at', () => {
    expect(draftFromTemplate({ items: [{ metric: 'NOPE', weight: 1, method: 'linear' }] }).items[0]).toMatchObject({ metric: 'NOPE' });
  });
  it('reads a malformed tier as an empty tier', () => {
    const item = draftFromTemplate({ items: [{ metric: 'AOV', method: 'tiers', tiers: [[1, 2], 'x'] }] }).items[0] as MetricItemDraft;
    expect(item.tiers).toEqual([{ threshold: '1', score: '2' }, { threshold: '', score: '' }]);
  });
});

describe('templateFromDraft', () => {
  it('writes only the fields of the chosen method', () => {
    const item = { ...newMetricItem('BAD_REVIEW_RATE'), weight: '100', floor: '0.1', target: '0.01', method: 'tiers' as const,
      tiers: [{ threshold: '0.002', score: '100' }] };
    const out = templateFromDraft({ name: 'x', items: [item], grades: [], bonusBase: '' });
    expect(out.items).toEqual([{ metric: 'BAD_REVIEW_RATE', weight: 100, method: 'tiers', tiers: [[0.002, 100]] }]);
  });
  it('leaves out a blank bonus base and blank optional fields', () => {
    const item = { ...newMetricItem('AOV'), weight: '100', target: '150' };
    const out = templateFromDraft({ name: ' 模板 ', items: [item], grades: [], bonusBase: ' ' });
    expect(out).toEqual({ version: 1, name: '模板', items: [{ metric: 'AOV', weight: 100, target: 150, method: 'linear' }], grades: [] });
  });
  it('sends unreadable numbers as typed', () => {
    const out = templateFromDraft({ name: 'x', items: [{ ...newManualItem(' 态度 '), weight: 'abc' }], grades: [], bonusBase: '-' });
    expect(out).toMatchObject({ items: [{ manual: '态度', weight: 'abc', max: 100 }], bonusBase: '-' });
  });
});
