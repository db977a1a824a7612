import { describe, expect, it } from 'vitest';
import { AUTOMATIC_FORMAT, displayValue, isAutomaticFormat, isDateFormat } from '../../dev/gas/number-format';

// Serial numbers count days from 1899-12-30: 46354 is 2026-11-28 (a Saturday).
const NOV_28 = 46354;

describe('displayValue: automatic format', () => {
  it('shows integers as they are and other numbers to 10 significant digits', () => {
    expect(displayValue(42, undefined)).toBe('42');
    expect(displayValue(1 / 3, AUTOMATIC_FORMAT)).toBe('0.3333333333'); // 10 threes
    expect(displayValue(0.1 + 0.2, 'General')).toBe('0.3'); // 0.30000000000000004 to 10 digits
  });

  it('shows booleans, text and blanks as Sheets does', () => {
    expect(displayValue(true, undefined)).toBe('TRUE');
    expect(displayValue(false, '0.00')).toBe('FALSE');
    expect(displayValue('小美', '0.00')).toBe('小美');
    expect(displayValue(null, '0.00')).toBe('');
  });
});

describe('displayValue: number patterns', () => {
  it('pads and rounds decimals', () => {
    expect(displayValue(3.14159, '0.00')).toBe('3.14');
    expect(displayValue(2, '0.0')).toBe('2.0');
    expect(displayValue(7.6, '0')).toBe('8');
  });

  it('groups thousands', () => {
    expect(displayValue(1234567.891, '#,##0.00')).toBe('1,234,567.89');
    expect(displayValue(999, '#,##0')).toBe('999');
  });

  it('scales percentages by 100', () => {
    expect(displayValue(0.1234, '0.0%')).toBe('12.3%'); // 12.34 → 12.3
    expect(displayValue(0.5, '0%')).toBe('50%');
  });

  it('keeps quoted and bare literals around the number', () => {
    expect(displayValue(12, '"¥"#,##0.00')).toBe('¥12.00');
    expect(displayValue(87.25, '0.0"分"')).toBe('87.3分'); // 87.25 rounds half up to 87.3
  });

  it('drops optional digits (#) that are zero', () => {
    expect(displayValue(0.5, '#.##')).toBe('.5');
    expect(displayValue(2.1, '0.0#')).toBe('2.1');
  });

  it('uses the negative and zero sections when given', () => {
    expect(displayValue(-5, '0;(0)')).toBe('(5)');
    expect(displayValue(0, '0;-0;"—"')).toBe('—');
    expect(displayValue(-3.14159, '0.00')).toBe('-3.14'); // one section: minus sign added
    expect(displayValue(-0.001, '0.00')).toBe('0.00'); // rounds to zero: no minus
  });

  it('writes scientific notation', () => {
    // 1234567.891 = 1.234567891 × 10^6 → 1.23E+06
    expect(displayValue(1234567.891, '0.00E+00')).toBe('1.23E+06');
  });

  it('applies the text section to text', () => {
    expect(displayValue('abc', '0;0;0;"<"@">"')).toBe('<abc>');
    expect(displayValue('#1 客服', '0;0;0;"<"@">"')).toBe('<#1 客服>'); // text, not an error
    expect(displayValue(12, '@')).toBe('12');
  });
});

describe('displayValue: dates, times and durations', () => {
  it('writes dates from their serial number', () => {
    expect(displayValue(NOV_28, 'yyyy-mm-dd')).toBe('2026-11-28');
    expect(displayValue(NOV_28, 'mmm d, yyyy dddd')).toBe('Nov 28, 2026 Saturday');
    expect(displayValue(NOV_28, 'yy/m/d')).toBe('26/11/28');
  });

  it('reads m as minutes after an hour and before a second', () => {
    // 0.6041666… of a day = 14.5 h = 14:30
    expect(displayValue(NOV_28 + 14.5 / 24, 'yyyy-mm-dd hh:mm:ss')).toBe('2026-11-28 14:30:00');
    expect(displayValue(NOV_28 + 14.5 / 24, 'm/d/yyyy h:mm am/pm')).toBe('11/28/2026 2:30 PM');
  });

  it('shows fractions of a second', () => {
    // 1.25 s = 1.25 / 86400 of a day
    expect(displayValue(1.25 / 86_400, 'hh:mm:ss.00')).toBe('00:00:01.25');
  });

  it('counts whole hours in a duration', () => {
    // 1.5 days = 36 h; 90 s = 00:01:30
    expect(displayValue(1.5, '[h]:mm:ss')).toBe('36:00:00');
    expect(displayValue(90 / 86_400, 'hh:mm:ss')).toBe('00:01:30');
  });
});

describe('isDateFormat / isAutomaticFormat', () => {
  it('tells date, time and duration formats from number formats', () => {
    expect(['yyyy-mm-dd', 'h:mm:ss', '[h]:mm', 'mmm yyyy'].map(isDateFormat)).toEqual([true, true, true, true]);
    expect(['0.00%', '#,##0', '"d"0', '@', 'General', undefined].map(isDateFormat)).toEqual([false, false, false, false, false, false]);
  });

  it('counts unset, General and Sheets’ default as automatic', () => {
    expect([undefined, '', 'General', AUTOMATIC_FORMAT].every(isAutomaticFormat)).toBe(true);
    expect(isAutomaticFormat('0.00')).toBe(false);
  });
});
