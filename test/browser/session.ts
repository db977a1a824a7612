/**
 * One browser session on a fresh playground: Debian's Chromium (never a downloaded browser)
 * driven by playwright-core, the page opened on the playground, dialogs and page errors recorded.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startPlayground, type Playground } from '../../scripts/playground';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync',
];
/**
 * Where the pictures go: docs/screenshots/ when `npm run docs` refreshes them (KK_SCREENSHOTS=docs),
 * a temporary folder otherwise, so `npm test` leaves the working tree as it found it.
 */
export const SCREENSHOTS = process.env.KK_SCREENSHOTS === 'docs'
  ? resolve(__dirname, '../../docs/screenshots')
  : join(tmpdir(), 'kk-screenshots');

export interface BrowserSession {
  playground: Playground;
  page: Page;
  /** Every alert()/confirm() the page raised (each was dismissed): an agent name running script would show here. */
  dialogs: string[];
  pageErrors: string[];
  close(): Promise<void>;
}

export async function openPlaygroundInChromium(): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The browser tests need Chromium at ${CHROMIUM}. Install it with: apt-get update && apt-get install -y chromium`);
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  const playground = await startPlayground({ port: 0 });
  const userDataDir = mkdtempSync(join(tmpdir(), 'kk-chromium-'));
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close();
    await playground.close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 860 },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(30_000);
    const dialogs: string[] = [];
    const pageErrors: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(playground.url);
    return { playground, page, dialogs, pageErrors, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** The newcomer's build from the sidebar: the bundled sample (already in 数据), month 2026-11, the 综合 preset. */
export async function buildSampleFromSidebar(page: Page): Promise<void> {
  const sidebar = page.frameLocator('#sidebar');
  await sidebar.locator('#data-sheet').waitFor();
  await sidebar.locator('#month').fill('2026-11');
  await sidebar.locator('#template-source').selectOption('preset:mixed');
  await sidebar.locator('#agents li').first().waitFor();
  await sidebar.locator('#build').click();
}
