/**
 * The local playground (`npm start`): a `node:http` server with one page — the in-memory
 * spreadsheet as tabs of HTML tables beside the real `dist/sidebar.html` in an iframe. The
 * sidebar's `google.script.run` is a shim that POSTs to `/rpc`, where the real `dist/` bundle
 * runs in a `node:vm` context over the Apps Script fakes, exactly the code clasp pushes.
 */
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../../src/files/csv';
import { decodeText } from '../../src/files/decode';
import { SERVER_FUNCTIONS, type ServerFunctionName } from '../../src/server/api';
import { CATALOGUE } from '../../src/metrics/catalogue';
import { callInContext, createFakeGas, customFunctionPlugin, loadGasProject, type CustomFunctionBinding, type FakeGas } from '../gas';
import { DEFAULT_COLUMN_WIDTH } from '../gas/sheet';
import { typeExamples } from './examples';
import type { BookView, SheetView, TypedCell } from './view';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
export const DEFAULT_PORT = 8787;
export const SAMPLE = join(ROOT, 'samples/qianniu-2026-11.csv');
/** The data tab the sample goes into (the name `npm run appraise` uses too). */
export const SAMPLE_TAB = '数据';
/** Requests larger than this are refused (an import of a big export is a few MB of JSON). */
const MAX_BODY = 32 * 1024 * 1024;

export interface PlaygroundOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** The built bundle (`npm run build` writes it). */
  distDir?: string;
  /** A CSV export loaded into a data tab at start; null for none. */
  sample?: string | null;
}

export interface Playground {
  url: string;
  close(): Promise<void>;
  /** The in-memory spreadsheet, for tests (uncounted access). */
  fake: FakeGas;
}

/** Starts the playground and resolves once it listens. */
export async function startPlayground(opts: PlaygroundOptions = {}): Promise<Playground> {
  const distDir = resolve(ROOT, opts.distDir ?? 'dist');
  const sidebarFile = join(distDir, 'sidebar.html');
  if (!existsSync(sidebarFile)) throw new Error(`${sidebarFile} is missing: run \`npm run build\` first.`);
  // The grid evaluates the catalogue's functions through the bundle, as Sheets runs the pushed stubs.
  const binding: CustomFunctionBinding = { context: null, timeZone: 'Asia/Shanghai' };
  const fake = createFakeGas({
    timeZone: binding.timeZone, locale: 'zh_CN', userLocale: 'zh_CN', html: { sidebar: readFileSync(sidebarFile, 'utf8') },
    functionPlugins: [customFunctionPlugin(CATALOGUE, binding)],
  });
  const ctx = loadGasProject(distDir, fake.globals);
  binding.context = ctx;
  const sample = opts.sample === undefined ? SAMPLE : opts.sample;
  if (sample) loadSample(fake, sample);

  const [gridJs, shimJs] = await Promise.all([bundle(join(HERE, 'grid.ts')), bundle(join(HERE, 'shim.ts'))]);
  const page = readFileSync(join(HERE, 'page.html'), 'utf8').replace('/*GRID_JS*/', () => scriptSafe(gridJs));

  const server = createServer((req, res) => {
    route(req, res).catch((e: unknown) => sendJson(res, 500, { error: e instanceof Error ? e.message : String(e) }));
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method === 'GET' && path === '/') return sendHtml(res, page);
    if (req.method === 'GET' && path === '/sidebar') return sendHtml(res, withShim(readFileSync(sidebarFile, 'utf8'), shimJs));
    if (req.method === 'GET' && path === '/api/book') return sendJson(res, 200, bookView(fake));
    if (req.method === 'POST' && path === '/api/cell') {
      const typed = JSON.parse(await readBody(req)) as TypedCell;
      // Typed as a user types: a data validation rule that disallows invalid input refuses it, as Sheets does.
      const typing = fake.book.typeAsUser(typed.sheet, typed.row, typed.column, String(typed.text));
      if (!typing.accepted) return sendJson(res, 422, { error: typing.message ?? '' });
      return sendJson(res, 200, bookView(fake));
    }
    if (req.method === 'POST' && path === '/rpc') {
      const { fn, arg } = JSON.parse(await readBody(req)) as { fn: string; arg: unknown };
      if (!SERVER_FUNCTIONS.includes(fn as ServerFunctionName)) return sendJson(res, 400, { error: `${fn} is not a sidebar server function` });
      return sendJson(res, 200, { result: callInContext(ctx, fn, arg ?? {}) });
    }
    sendJson(res, 404, { error: `${req.method} ${path}: not found` });
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? DEFAULT_PORT, opts.host ?? '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}/`,
    fake,
    close: () => new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    }),
  };
}

/** The sample export in the data tab, read with the same parser as the sidebar's import. */
function loadSample(fake: FakeGas, file: string): void {
  if (!existsSync(file)) {
    console.warn(`playground: ${file} not found; starting without sample data`);
    return;
  }
  const rows = parseCsv(decodeText(new Uint8Array(readFileSync(file))));
  fake.book.addSheet(SAMPLE_TAB, rows);
  typeExamples(fake, SAMPLE_TAB);
}

/** Every tab as a viewer sees it (evaluated values under their number formats) plus the formatting the grid shows. */
export function bookView(fake: FakeGas): BookView {
  const sheets: SheetView[] = fake.book.sheetNames().map((name) => {
    const values = fake.book.values(name);
    const shown = fake.book.displayValues(name);
    const formats = fake.book.formats(name);
    return {
      name,
      cells: values.map((row, r) => row.map((_, c) => shown[r]?.[c] ?? '')),
      numeric: values.map((row) => row.map((v) => typeof v === 'number')),
      bold: values.map((row, r) => row.map((_, c) => formats.fontWeights[r]?.[c] === 'bold')),
      backgrounds: values.map((row, r) => row.map((_, c) => cssColour(formats.backgrounds[r]?.[c]))),
      notes: values.map((row, r) => row.map((_, c) => formats.notes[r]?.[c] ?? '')),
      wraps: values.map((row, r) => row.map((_, c) => formats.wraps[r]?.[c] ?? false)),
      columnWidths: widthsOf(formats.columnWidths, Math.max(0, ...values.map((row) => row.length))),
      // every tab, as in Sheets: manual scores, the 绩效单's agent picker, formulas typed into the data tab
      editable: true,
      hiddenRows: fake.book.hiddenRows(name),
      frozenRows: fake.book.frozen(name).rows,
      frozenColumns: fake.book.frozen(name).columns,
    };
  });
  const active = fake.globals.SpreadsheetApp.getActive().getActiveSheet().getName();
  return { active, sheets };
}

/** Each column's width as Sheets draws it: as set, else 100 px (the fake measures no text for `autoResizeColumns`). */
function widthsOf(set: Record<number, number | 'auto'>, columns: number): number[] {
  return Array.from({ length: columns }, (_, i) => {
    const width = set[i + 1];
    return typeof width === 'number' ? width : DEFAULT_COLUMN_WIDTH;
  });
}

/** Only plain colour values reach the grid's style (`#fff`, `#e6f4ea`, `white`). */
function cssColour(value: string | null | undefined): string | null {
  return value && /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]+)$/.test(value) && !/^(white|#fff(fff)?)$/i.test(value) ? value : null;
}

async function bundle(entry: string): Promise<string> {
  const out = await build({ entryPoints: [entry], bundle: true, write: false, format: 'iife', target: 'es2019', minify: true, logLevel: 'warning' });
  return out.outputFiles[0]!.text;
}

const scriptSafe = (js: string) => js.replace(/<\/(script)/gi, '<\\/$1');

/** The sidebar page with the `google.script.run` shim running before the sidebar's own script. */
export function withShim(sidebarHtml: string, shimJs: string): string {
  const tag = `<script>${scriptSafe(shimJs)}</script>`;
  return sidebarHtml.includes('<head>') ? sidebarHtml.replace('<head>', () => `<head>${tag}`) : tag + sidebarHtml;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        fail(new Error('request too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

function sendHtml(res: ServerResponse, html: string): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
