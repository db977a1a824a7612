/**
 * Builds the sidebar into one self-contained HTML file: `src/sidebar/main.ts` bundled by esbuild
 * (iife, minified, es2019 for the browsers Sheets supports) and `style.css`, both inlined into
 * `index.html`. Nothing is fetched at run time: no external script, stylesheet, font or image.
 */
import { build, transform } from 'esbuild';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SIDEBAR = join(root, 'src/sidebar');
const JS_MARK = '/*SIDEBAR_JS*/';
const CSS_MARK = '/*SIDEBAR_CSS*/';

/** Bundles, inlines and writes the sidebar; returns the size of the written file in bytes. */
export async function buildSidebar(outFile: string): Promise<{ bytes: number }> {
  const bundled = await build({
    entryPoints: [join(SIDEBAR, 'main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
  });
  const css = await transform(readFileSync(join(SIDEBAR, 'style.css'), 'utf8'), { loader: 'css', minify: true, charset: 'utf8' });
  const html = inline(readFileSync(join(SIDEBAR, 'index.html'), 'utf8'), bundled.outputFiles[0]!.text, css.code);
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, html);
  return { bytes: Buffer.byteLength(html) };
}

/**
 * Puts the script and the stylesheet into the page. `</script` and `</style` inside them would end
 * the element early, so they are escaped (`<\/script` means the same to JavaScript and CSS strings).
 */
export function inline(page: string, js: string, css: string): string {
  if (!page.includes(JS_MARK) || !page.includes(CSS_MARK)) throw new Error(`index.html must contain ${JS_MARK} and ${CSS_MARK}`);
  const safeJs = js.trim().replace(/<\/(script)/gi, '<\\/$1');
  const safeCss = css.trim().replace(/<\/(style)/gi, '<\\/$1');
  // Function replacers: `$&` and friends in the code must not be read as replacement patterns.
  return page.replace(CSS_MARK, () => safeCss).replace(JS_MARK, () => safeJs);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ?? join(root, 'dist/sidebar.html');
  const { bytes } = await buildSidebar(out);
  console.log(`${out}: ${(bytes / 1024).toFixed(1)} KiB`);
}
