/**
 * The user documents live in the repository: docs/functions.md is generated from the catalogue
 * (`npm run docs`), and no document links outside the repository or to a missing file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { functionsDoc } from '../scripts/functions-doc';
import { CATALOGUE } from '../src/metrics/catalogue';

const ROOT = join(__dirname, '..');
const DOCS = ['README.md', 'docs/guide.md', 'docs/functions.md', 'docs/ARCHITECTURE.md'];
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('user documents', () => {
  it('docs/functions.md is exactly what `npm run docs` generates from the catalogue', () => {
    expect(read('docs/functions.md')).toBe(functionsDoc());
  });

  it('docs/functions.md documents every catalogue function and every argument', () => {
    const doc = read('docs/functions.md');
    for (const e of CATALOGUE) {
      expect(doc).toContain(`### ${e.id} · ${e.name.zh}`);
      for (const a of e.args) expect(doc).toContain(`\`${a.name}\``);
    }
  });

  it.each(DOCS)('%s links only files inside the repository that exist', (file) => {
    const text = read(file);
    const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((l) => !/^(https?:|#|mailto:)/.test(l));
    for (const link of links) {
      const target = resolve(dirname(join(ROOT, file)), link.split('#')[0]!);
      expect(relative(ROOT, target).startsWith('..'), `${file} → ${link} leaves the repository`).toBe(false);
      expect(existsSync(target), `${file} → ${link}`).toBe(true);
    }
  });

  it('the guide walks the month in order with pictures: import, template, build, review, 绩效单, share', () => {
    const words = ['导入', '模板', '生成', '核对', '绩效单', '分享'];
    const guide = read('docs/guide.md');
    const steps = words.map((w) => guide.search(new RegExp(`^## .*${w}`, 'm')));
    for (const at of steps) expect(at).toBeGreaterThan(0);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
    expect((guide.match(/!\[[^\]]*\]\(screenshots\/[^)]+\.png\)/g) ?? []).length).toBeGreaterThanOrEqual(5);
  });
});
