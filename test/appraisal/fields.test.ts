import { describe, expect, test } from 'vitest';
import { APPRAISAL_METRICS } from '../../src/metrics/catalogue';
import { FIELDS, fieldById, fieldOfHeader, headerKey, headerUnit } from '../../src/appraisal/fields';
import { METRIC_SOURCES } from '../../src/appraisal/metric-sources';

const fieldOf = (header: string) => fieldOfHeader(header)?.id ?? null;

describe('FIELDS', () => {
  test('ids are unique and every field has both labels', () => {
    expect(new Set(FIELDS.map((f) => f.id)).size).toBe(FIELDS.length);
    for (const f of FIELDS) expect(f.zh && f.en, f.id).toBeTruthy();
  });

  test('every alias leads back to its own field (no alias claimed twice)', () => {
    for (const f of FIELDS) for (const alias of f.aliases) expect(fieldOf(alias), `${alias} → ${f.id}`).toBe(f.id);
  });

  test('every appraisal metric has a source, and every column it names is a field', () => {
    for (const entry of APPRAISAL_METRICS) {
      const source = METRIC_SOURCES[entry.id];
      expect(source, entry.id).toBeDefined();
      const named = source!.form === 'quotient' ? [source!.part, ...source!.whole, source!.rate]
        : source!.form === 'mean' ? [source!.field, source!.weight] : [source!.field];
      for (const id of named) expect(fieldById(id), `${entry.id} → ${id}`).toBeDefined();
    }
  });

  test('a rate fallback column is a rate field; counts are counts, amounts or durations', () => {
    for (const [metric, source] of Object.entries(METRIC_SOURCES)) {
      if (source.form !== 'quotient') continue;
      expect(fieldById(source.rate)!.kind, metric).toBe('rate');
      expect(['count', 'amount', 'seconds', 'days'], metric).toContain(fieldById(source.part)!.kind);
    }
  });
});

describe('headerKey', () => {
  test('drops spaces, both widths of brackets and case', () => {
    expect(headerKey(' 平均响应时长（秒） ')).toBe('平均响应时长秒');
    expect(headerKey('平均响应时长 (秒)')).toBe('平均响应时长秒');
    expect(headerKey('Avg Response  Time')).toBe('avgresponsetime');
  });

  test('folds traditional characters to simplified', () => {
    expect(headerKey('詢單人數')).toBe('询单人数');
    expect(headerKey('平均響應時長（秒）')).toBe('平均响应时长秒');
  });

  test('writes every arrow as ->', () => {
    expect(headerKey('询单→最终付款人数')).toBe('询单->最终付款人数');
    expect(headerKey('询单－＞最终付款人数')).toBe('询单->最终付款人数');
    expect(headerKey('询单-->最终付款人数')).toBe('询单->最终付款人数');
  });
});

describe('fieldOfHeader', () => {
  test('simplified headers of 千牛 / 赤兔 / 生意参谋', () => {
    expect(fieldOf('询单人数')).toBe('inquiring_buyers');
    expect(fieldOf('询单->最终付款人数')).toBe('paid_buyers');
    expect(fieldOf('客服昵称')).toBe('agent');
    expect(fieldOf('旺旺')).toBe('agent');
    expect(fieldOf('客服账号')).toBe('agent');
    expect(fieldOf('统计日期')).toBe('date');
    expect(fieldOf('日期')).toBe('date');
    expect(fieldOf('平均响应时长（秒）')).toBe('avg_response_seconds');
    expect(fieldOf('询单->最终付款成功率')).toBe('conversion_rate');
  });

  test('traditional headers', () => {
    expect(fieldOf('詢單人數')).toBe('inquiring_buyers');
    expect(fieldOf('詢單->最終付款人數')).toBe('paid_buyers');
    expect(fieldOf('客服暱稱')).toBe('agent');
    expect(fieldOf('平均響應時長（秒）')).toBe('avg_response_seconds');
    expect(fieldOf('退款糾紛率')).toBe('dispute_rate');
  });

  test('English headers, any case', () => {
    expect(fieldOf('Inquiries')).toBe('inquiring_buyers');
    expect(fieldOf('PAID BUYERS')).toBe('paid_buyers');
    expect(fieldOf('Agent')).toBe('agent');
    expect(fieldOf('Avg response time (s)')).toBe('avg_response_seconds');
  });

  test('a unit or note in brackets does not get in the way', () => {
    expect(fieldOf('询单人数（人）')).toBe('inquiring_buyers');
    expect(fieldOf('差评率(%)')).toBe('bad_review_rate');
    expect(fieldOf('退款率(近28天)')).toBe('refund_rate');
    expect(fieldOf('销售额【元】')).toBe('sales');
  });

  test('look-alike headers that mean something else are not taken', () => {
    // 次日付款 is a part of the final figure: its own field (赤兔), never paid_buyers.
    expect(fieldOf('询单->次日付款人数')).toBe('next_day_paid_buyers');
    expect(fieldOf('询单->当日付款人数')).toBeNull();
    expect(fieldOf('')).toBeNull();
    expect(fieldOf('   ')).toBeNull();
  });
});

describe('headerUnit', () => {
  test('reads the unit in brackets at the end', () => {
    expect(headerUnit('平均响应时长（秒）')).toBe('seconds');
    expect(headerUnit('在线时长(分钟)')).toBe('minutes');
    expect(headerUnit('在线时长（小时）')).toBe('hours');
    expect(headerUnit('Online time (h)')).toBe('hours');
    expect(headerUnit('退款完结时长(天)')).toBe('days');
    expect(headerUnit('转化率(%)')).toBe('percent');
    expect(headerUnit('转化率%')).toBe('percent');
  });

  test('null when the brackets hold no unit', () => {
    expect(headerUnit('退款率(近28天)')).toBeNull();
    expect(headerUnit('询单人数')).toBeNull();
  });
});
