import { describe, expect, it } from 'vitest';
import { attribute, decodeEntities, TagScanner } from '../../src/files/xml';

const tags = (xml: string) => {
  const out: string[] = [];
  const s = new TagScanner(xml);
  for (let t = s.next(); t; t = s.next()) out.push(`${t.kind}:${t.name}`);
  return out;
};

describe('TagScanner.next', () => {
  it('reports open, close and empty tags in order', () => {
    expect(tags('<a><b x="1"/></a>')).toEqual(['open:a', 'empty:b', 'close:a']);
  });
  it('skips the declaration, comments and CDATA', () => {
    expect(tags('<?xml version="1.0"?><!-- <x/> --><a><![CDATA[<y/>]]></a>')).toEqual(['open:a', 'close:a']);
  });
  it('drops namespace prefixes', () => {
    expect(tags('<x:c r="A1"></x:c>')).toEqual(['open:c', 'close:c']);
  });
  it('is not fooled by ">" inside an attribute value', () => {
    expect(tags('<a t="1>0"/><b/>')).toEqual(['empty:a', 'empty:b']);
  });
  it('keeps the raw attribute text', () => {
    const t = new TagScanner('<c r="B2" t="s">').next()!;
    expect(t.attrs).toBe(' r="B2" t="s"');
  });
});

describe('TagScanner.text', () => {
  it('returns decoded text up to the matching close tag', () => {
    const s = new TagScanner('<t>a &amp; b</t><u/>');
    expect(s.text(s.next()!)).toBe('a & b');
    expect(s.next()!.name).toBe('u');
  });
  it('keeps the text of nested elements and CDATA', () => {
    const s = new TagScanner('<t>x<b>y</b><![CDATA[<z>]]></t>');
    expect(s.text(s.next()!)).toBe('xy<z>');
  });
  it('gives "" for an empty element', () => {
    const s = new TagScanner('<t/>');
    expect(s.text(s.next()!)).toBe('');
  });
  it('returns the rest of the text when the close tag is missing', () => {
    const s = new TagScanner('<t>unfinished');
    expect(s.text(s.next()!)).toBe('unfinished');
  });
});

describe('attribute', () => {
  it('reads double- and single-quoted values', () => {
    expect(attribute(' a="1" b=\'2\'', 'b')).toBe('2');
  });
  it('matches a prefixed attribute by its local name', () => {
    expect(attribute(' name="数据" sheetId="1" r:id="rId3"', 'id')).toBe('rId3');
  });
  it('does not take a namespace declaration for an attribute', () => {
    expect(attribute(' xmlns:r="urn:x" s="1"', 'r')).toBeNull();
  });
  it('decodes entities in values', () => {
    expect(attribute(' name="R&amp;D"', 'name')).toBe('R&D');
  });
  it('returns null when absent', () => {
    expect(attribute(' a="1"', 'b')).toBeNull();
  });
});

describe('decodeEntities', () => {
  it('decodes the five named entities', () => {
    expect(decodeEntities('&lt;&gt;&amp;&quot;&apos;')).toBe('<>&"\'');
  });
  it('decodes decimal and hex character references', () => {
    // 客 = U+5BA2 = 23458
    expect(decodeEntities('&#23458;&#x5BA2;')).toBe('客客');
  });
  it('leaves unknown entities as written', () => {
    expect(decodeEntities('&nbsp;&')).toBe('&nbsp;&');
  });
});
