/**
 * A tiny forward-only XML tag scanner for the parts of .xlsx we read (workbook, relationships,
 * shared strings, worksheets). No DOMParser, so it runs in Node too. It understands tags,
 * attributes, entities, comments, processing instructions and CDATA — not DTDs, which
 * spreadsheet files do not use.
 */

export interface XmlTag {
  /** Local name: the namespace prefix is dropped (`x:c` → `c`), since some writers prefix every tag. */
  name: string;
  kind: 'open' | 'close' | 'empty';
  /** The raw attribute text, read with `attribute()`. */
  attrs: string;
}

export class TagScanner {
  private pos = 0;
  constructor(private readonly xml: string) {}

  /** The next tag, skipping comments, declarations and text; null at the end. */
  next(): XmlTag | null {
    const xml = this.xml;
    for (;;) {
      const lt = xml.indexOf('<', this.pos);
      if (lt < 0) { this.pos = xml.length; return null; }
      const c = xml.charCodeAt(lt + 1);
      if (c === 0x21 /* ! */ || c === 0x3f /* ? */) {
        this.pos = skipSpecial(xml, lt);
        continue;
      }
      const gt = findTagEnd(xml, lt + 1);
      const closing = c === 0x2f; // </name>
      const selfClosing = xml.charCodeAt(gt - 1) === 0x2f; // <name/>
      const nameStart = closing ? lt + 2 : lt + 1;
      let nameEnd = nameStart;
      while (nameEnd < gt && !isSpaceOrSlash(xml.charCodeAt(nameEnd))) nameEnd++;
      const qualified = xml.slice(nameStart, nameEnd);
      const colon = qualified.indexOf(':');
      this.pos = gt + 1;
      return {
        name: colon >= 0 ? qualified.slice(colon + 1) : qualified,
        kind: closing ? 'close' : selfClosing ? 'empty' : 'open',
        attrs: closing ? '' : xml.slice(nameEnd, selfClosing ? gt - 1 : gt),
      };
    }
  }

  /**
   * The decoded text content of the element just opened by `tag`, up to its closing tag
   * (child tags are skipped, their text kept). Moves past the closing tag.
   */
  text(tag: XmlTag): string {
    if (tag.kind !== 'open') return '';
    const xml = this.xml;
    let out = '';
    let depth = 1;
    for (;;) {
      const lt = xml.indexOf('<', this.pos);
      if (lt < 0) { out += decodeEntities(xml.slice(this.pos)); this.pos = xml.length; return out; }
      out += decodeEntities(xml.slice(this.pos, lt));
      if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        out += xml.slice(lt + 9, end < 0 ? xml.length : end);
        this.pos = end < 0 ? xml.length : end + 3;
        continue;
      }
      this.pos = lt;
      const inner = this.next();
      if (!inner) return out;
      if (inner.kind === 'open') depth++;
      else if (inner.kind === 'close' && --depth === 0) return out;
    }
  }
}

const isSpaceOrSlash = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f || c === 0x3e;

/** Index of the `>` ending a tag, ignoring `>` inside quoted attribute values. */
function findTagEnd(xml: string, from: number): number {
  let quote = 0;
  for (let i = from; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote) { if (c === quote) quote = 0; }
    else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return i;
  }
  return xml.length;
}

/** Past a comment, CDATA section, processing instruction or declaration starting at `lt`. */
function skipSpecial(xml: string, lt: number): number {
  const close = xml.startsWith('<!--', lt) ? '-->' : xml.startsWith('<![CDATA[', lt) ? ']]>' : '>';
  const end = xml.indexOf(close, lt + 2);
  return end < 0 ? xml.length : end + close.length;
}

/** The decoded value of one attribute (matched by local name, so `r:id` is found as `id`), or null. */
export function attribute(attrs: string, name: string): string | null {
  const re = /([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(attrs))) {
    const qualified = m[1]!;
    const colon = qualified.indexOf(':');
    // `xmlns:r` declares a prefix; it is not an attribute named `r`.
    const local = colon >= 0 && !qualified.startsWith('xmlns') ? qualified.slice(colon + 1) : qualified;
    if (qualified === name || local === name) return decodeEntities(m[3] ?? m[4] ?? '');
  }
  return null;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML entities (`&lt;`, `&#20013;`, `&#x4E2D;`) to characters; unknown entities stay as written. */
export function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body] ?? whole;
  });
}
