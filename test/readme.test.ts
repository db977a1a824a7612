/** The README's function reference is generated from the catalogue; this fails when they drift. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { END, functionReference, START } from '../scripts/function-reference';
import { CATALOGUE } from '../src/metrics/catalogue';

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

describe('README.md', () => {
  it('carries the function reference exactly as `npm run docs` generates it', () => {
    const block = readme.slice(readme.indexOf(START), readme.indexOf(END) + END.length);
    expect(block).toBe(functionReference());
  });

  it('lists every catalogue function once', () => {
    for (const e of CATALOGUE) expect(readme.split(`\`${e.id}(`).length - 1).toBeGreaterThanOrEqual(1);
  });

  it('starts with the two set-up commands: the main job and all tests', () => {
    const firstBlock = readme.slice(readme.indexOf('```bash'), readme.indexOf('```', readme.indexOf('```bash') + 7));
    expect(firstBlock).toContain('npm ci && npm start');
    expect(firstBlock).toContain('npm ci && npm test');
  });

  it('links only files that exist (screenshots, BENCHMARKS.md, docs)', () => {
    const links = [...readme.matchAll(/\]\(((?!https?:|#|\.\.\/)[^)]+)\)/g)].map((m) => m[1]!);
    expect(links).toContain('docs/screenshots/sample-appraisal.png');
    for (const link of links) expect(existsSync(join(__dirname, '..', link)), link).toBe(true);
  });
});
