import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSidebar, inline } from '../../scripts/build-sidebar';

describe('buildSidebar', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kk-sidebar-'));
  const out = join(dir, 'sidebar.html');
  let html = '';
  let bytes = 0;

  beforeAll(async () => {
    bytes = (await buildSidebar(out)).bytes;
    html = readFileSync(out, 'utf8');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports the size of the file it wrote', () => {
    expect(bytes).toBe(statSync(out).size);
  });
  it('inlines the script and the stylesheet', () => {
    expect(html).not.toContain('/*SIDEBAR_JS*/');
    expect(html).not.toContain('/*SIDEBAR_CSS*/');
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).toMatch(/<style>[^<]*\.visually-hidden/);
  });
  it('refers to nothing outside itself', () => {
    expect(html).not.toMatch(/http/i);
    expect(html).not.toMatch(/src=/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/@import|\burl\(/);
  });
  it('contains no markup-parsing DOM call', () => {
    expect(html).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });
  it('is a UTF-8 page in Chinese by default', () => {
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('lang="zh-CN"');
  });
});

describe('inline', () => {
  const page = '<style>/*SIDEBAR_CSS*/</style><script>/*SIDEBAR_JS*/</script>';
  it('escapes a closing script tag inside the code', () => {
    expect(inline(page, 'x="</script>"', '')).toBe('<style></style><script>x="<\\/script>"</script>');
  });
  it('escapes a closing style tag inside the stylesheet', () => {
    expect(inline(page, '', 'a{content:"</style>"}')).toBe('<style>a{content:"<\\/style>"}</style><script></script>');
  });
  it('inserts code with $ patterns literally', () => {
    expect(inline(page, 'a.replace(/x/,"$&")', '')).toContain('a.replace(/x/,"$&")');
  });
  it('refuses a page without the markers', () => {
    expect(() => inline('<html></html>', '', '')).toThrow('SIDEBAR_JS');
  });
});

describe('src/sidebar', () => {
  const dir = join(__dirname, '../../src/sidebar');
  it.each(readdirSync(dir))('%s parses no strings as markup', (file) => {
    expect(readFileSync(join(dir, file), 'utf8')).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser/);
  });
});
