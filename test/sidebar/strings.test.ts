import { describe, expect, it } from 'vitest';
import { SCORING_METHODS } from '../../src/metrics/scoring';
import { fill, METHOD_NAMES, STRINGS, t } from '../../src/sidebar/strings';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const CJK = /[\u3400-\u9fff]/;

describe('STRINGS', () => {
  const entries = Object.entries(STRINGS);

  it('has entries', () => {
    expect(entries.length).toBeGreaterThan(50);
  });
  it.each(entries)('%s has a Chinese and an English text', (_key, msg) => {
    expect(msg.zh.trim()).not.toBe('');
    expect(msg.en.trim()).not.toBe('');
  });
  it.each(entries)('%s is written in Chinese in zh', (_key, msg) => {
    // Every zh text but the language switch (which names the other language) has Chinese in it.
    if (msg.en === '中文') return;
    expect(msg.zh).toMatch(CJK);
  });
  it.each(entries)('%s has no Chinese in en, except names that stay Chinese', (key, msg) => {
    // The language switch shows "中文" to English users: it names the language it switches to.
    if (key === 'switchLocale') return;
    expect(msg.en).not.toMatch(CJK);
  });
  it.each(entries)('%s uses the same placeholders in both languages', (_key, msg) => {
    expect(placeholders(msg.zh)).toEqual(placeholders(msg.en));
  });
});

describe('METHOD_NAMES', () => {
  it('names every scoring method in both languages', () => {
    for (const m of SCORING_METHODS) {
      expect(METHOD_NAMES[m].zh).toMatch(CJK);
      expect(METHOD_NAMES[m].en).not.toBe('');
    }
  });
});

describe('t', () => {
  it('picks zh for zh', () => {
    expect(t('appTitle', 'zh')).toBe('客服绩效');
  });
  it('picks en for en', () => {
    expect(t('appTitle', 'en')).toBe('Kefu KPI');
  });
});

describe('fill', () => {
  it('fills placeholders in both languages', () => {
    expect(fill(STRINGS.weightTotal, { total: 95 })).toEqual({ zh: '权重合计：95 / 100', en: 'Weights: 95 / 100' });
  });
  it('leaves unknown placeholders as written', () => {
    expect(fill({ zh: '{a}{b}', en: '{b}' }, { a: 1 })).toEqual({ zh: '1{b}', en: '{b}' });
  });
  it('inserts values literally, even with $ patterns', () => {
    expect(fill({ zh: '「{name}」', en: '"{name}"' }, { name: "$& $1 <b>" })).toEqual({ zh: '「$& $1 <b>」', en: '"$& $1 <b>"' });
  });
});
