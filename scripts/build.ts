/**
 * `npm run build`: writes `dist/`, exactly what `clasp push` sends.
 * - `00_kefu_kpi.js`: the bundle (metrics + appraisal + server) as one global, `KefuKpi`.
 * - `10_functions.js`: top-level functions generated from the catalogue (custom functions with
 *   autocomplete JSDoc, triggers, the sidebar's server calls).
 * - `sidebar.html`: the self-contained sidebar.
 * - `appsscript.json`: the manifest.
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_GLOBAL, generateStubs } from './stubs';
import { buildSidebar } from './build-sidebar';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** `KEFU_KPI_DIST` builds elsewhere (a test that runs `npm run appraise` must not rewrite the `dist/` other tests load). */
export const DIST = process.env.KEFU_KPI_DIST ? resolve(process.env.KEFU_KPI_DIST) : join(root, 'dist');
export const PUSHED_SCRIPTS = ['00_kefu_kpi.js', '10_functions.js'];

export async function buildAll(): Promise<Record<string, number>> {
  rmSync(DIST, { recursive: true, force: true });
  mkdirSync(DIST, { recursive: true });
  await build({
    entryPoints: [join(root, 'src/server/main.ts')],
    bundle: true,
    format: 'iife',
    globalName: BUNDLE_GLOBAL,
    // Apps Script's V8 runtime: modern syntax, but no Node or DOM globals.
    target: 'es2020',
    platform: 'neutral',
    // Every pushed byte is parsed on each custom-function call's cold start: minify fully.
    // Exported names (KefuKpi.api.kk_*, runCustomFunction) are properties and survive.
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    outfile: join(DIST, PUSHED_SCRIPTS[0]!),
    banner: { js: '// Kefu KPI (客服绩效) — built by scripts/build.ts from src/. Do not edit.' },
    logLevel: 'warning',
  });
  writeFileSync(join(DIST, PUSHED_SCRIPTS[1]!), generateStubs());
  copyFileSync(join(root, 'appsscript.json'), join(DIST, 'appsscript.json'));
  await buildSidebar(join(DIST, 'sidebar.html'));
  const sizes: Record<string, number> = {};
  for (const f of [...PUSHED_SCRIPTS, 'sidebar.html', 'appsscript.json']) sizes[f] = statSync(join(DIST, f)).size;
  return sizes;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sizes = await buildAll();
  const line = Object.entries(sizes).map(([f, b]) => `${f} ${(b / 1024).toFixed(1)} KiB`).join(', ');
  // stderr: `npm run -s appraise -- --json` builds first, and its stdout must be the JSON object alone.
  console.error(`dist/: ${line}`);
}
