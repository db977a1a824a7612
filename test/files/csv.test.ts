import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/i18n';
import { parseCsv, sniffDelimiter, stripBom } from '../../src/files/csv';

describe('stripBom', () => {
  it('drops a leading U+FEFF', () => {
    expect(stripBom('\uFEFF客服,询单人数')).toBe('客服,询单人数');
  });
  it('leaves text without a BOM alone', () => {
    expect(stripBom('客服')).toBe('客服');
  });
});

describe('sniffDelimiter', () => {
  it('picks commas', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3')).toBe(',');
  });
  it('picks tabs (Excel "Unicode text")', () => {
    expect(sniffDelimiter('客服\t询单人数\t日期\n小美\t3\t2026-11-01')).toBe('\t');
  });
  it('picks semicolons (European Excel)', () => {
    expect(sniffDelimiter('a;b;c\n1,5;2,5;3')).toBe(';');
  });
  it('ignores separators inside quotes', () => {
    // the first record has one `;` outside quotes and three `,` inside them
    expect(sniffDelimiter('"a,b,c,d";e\n1;2')).toBe(';');
  });
  it('skips a leading title line without separators', () => {
    expect(sniffDelimiter('客服绩效报表\na\tb\tc')).toBe('\t');
  });
  it('falls back to commas for one column', () => {
    expect(sniffDelimiter('客服\n小美')).toBe(',');
  });
});

describe('parseCsv', () => {
  it('reads plain rows', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });
  it('reads CRLF line ends as one break', () => {
    expect(parseCsv('a,b\r\n1,2\r\n')).toEqual([['a', 'b'], ['1', '2']]);
  });
  it('reads lone CR line ends (old Mac Excel)', () => {
    expect(parseCsv('a,b\r1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });
  it('drops the BOM so the first header matches', () => {
    expect(parseCsv('\uFEFF客服,询单人数\n小美,3')[0]![0]).toBe('客服');
  });
  it('keeps separators and line breaks inside quotes', () => {
    expect(parseCsv('name,note\n"小美","a,b\r\nc"')).toEqual([['name', 'note'], ['小美', 'a,b\r\nc']]);
  });
  it('reads a doubled quote as one quote', () => {
    expect(parseCsv('"say ""hi""",x')).toEqual([['say "hi"', 'x']]);
  });
  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsv('a,,c,\n1,2,3,4')).toEqual([['a', '', 'c', ''], ['1', '2', '3', '4']]);
  });
  it('pads short rows to the widest row', () => {
    expect(parseCsv('a,b,c\n1')).toEqual([['a', 'b', 'c'], ['1', '', '']]);
  });
  it('drops blank lines', () => {
    expect(parseCsv('a\n\nb\n')).toEqual([['a'], ['b']]);
  });
  it('refuses an unterminated quote, naming the line it opens on (zh and en)', () => {
    // line 1 "客服,询单", line 2 "小美,3", line 3 opens `"阿杰` and the file ends without its closing quote.
    const text = '客服,询单\r\n小美,3\r\n"阿杰,4\r\n小王,5\r\n';
    const error = (() => { try { parseCsv(text); } catch (e) { return e as UserError; } return null; })();
    expect(error).toBeInstanceOf(UserError);
    expect(error!.msg.zh).toContain('第 3 行');
    expect(error!.msg.en).toContain('Line 3 ');
    // a quoted line break before it moves the count on: the quote opens on line 4
    expect(() => parseCsv('a,b\n"x\ny",1\nc,"d')).toThrow('第 4 行');
  });
  it('keeps text after a closing quote instead of dropping it', () => {
    expect(parseCsv('"12"34,x')).toEqual([['1234', 'x']]);
  });
  it('keeps a quote inside an unquoted field as a character', () => {
    expect(parseCsv('5" screen,x')).toEqual([['5" screen', 'x']]);
  });
  it('does not evaluate or alter formula-like text', () => {
    expect(parseCsv('=HYPERLINK("http://x"),<img src=x onerror=alert(1)>')).toEqual([
      ['=HYPERLINK("http://x")', '<img src=x onerror=alert(1)>'],
    ]);
  });
  it('reads tab-separated text with commas in values', () => {
    expect(parseCsv('金额\t客服\n1,234.50\t小美')).toEqual([['金额', '客服'], ['1,234.50', '小美']]);
  });
  it('accepts an explicit delimiter', () => {
    expect(parseCsv('a;b,c', ',')).toEqual([['a;b', 'c']]);
  });
  it('returns no rows for empty text', () => {
    expect(parseCsv('')).toEqual([]);
  });
});
