/**
 * `npm run docs`: rewrites the generated documents from the catalogue, the function reference in
 * README.md and docs/functions.md. (The screenshots are refreshed by the browser tests that the
 * `docs` npm script runs next, with KK_SCREENSHOTS=docs.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { withFunctionReference } from './function-reference';
import { functionsDoc } from './functions-doc';

function rewrite(file: string, next: (before: string) => string): void {
  const path = new URL(`../${file}`, import.meta.url);
  let before = '';
  try {
    before = readFileSync(path, 'utf8');
  } catch {
    // a new file
  }
  const after = next(before);
  if (before !== after) writeFileSync(path, after);
  console.log(`${file}: ${before === after ? 'up to date' : 'regenerated'}.`);
}

rewrite('README.md', withFunctionReference);
rewrite('docs/functions.md', () => functionsDoc());
