/** `npm run docs`: rewrites the function reference in README.md from the catalogue. */
import { readFileSync, writeFileSync } from 'node:fs';
import { withFunctionReference } from './function-reference';

const path = new URL('../README.md', import.meta.url);
const before = readFileSync(path, 'utf8');
const after = withFunctionReference(before);
writeFileSync(path, after);
console.log(before === after ? 'README.md function reference is up to date.' : 'README.md function reference regenerated.');
