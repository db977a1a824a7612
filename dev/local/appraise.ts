/**
 * The local command's engine: load export files into the in-memory spreadsheet, run the
 * add-on's own built server code (`dist/`, as Apps Script runs it) to build the appraisal,
 * type manual scores as a manager would, and read the tab back as a viewer sees it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { PRESETS, tabManualIssues, uncoveredItems, validateTemplate, type ManualIssue } from '../../src/appraisal';
import { LABELS } from '../../src/appraisal/labels';
import { PEOPLE_TAB } from '../../src/appraisal/people';
import { TAB_TAG_KEY, type TabLayout } from '../../src/appraisal/plan-types';
import { readKey } from '../../src/metrics/coerce';
import { firstNonEmpty, IMPORT_LIMITS, readTableFile, sendImport } from '../../src/files';
import type { Msg } from '../../src/i18n';
import { createFakeGas, loadGasProject } from '../gas';
import { loadBookFile, saveBookFile } from './book-file';

export interface AppraiseOptions {
  data: string[];
  template: string;
  month: string;
  manual?: string;
  /** A person binding file: account, person[, platform]. */
  people?: string;
  distDir?: string;
  /** Extra in-memory spreadsheet setup before the build (tests: previous months, foreign tabs). */
  timeZone?: string;
  /** A JSON file keeping the spreadsheet between runs (book-file.ts): its tabs are the existing tabs of this build. */
  book?: string;
  /** Rebuild an existing tab with this template although it was built with another (the diff was seen). */
  acceptTemplateChange?: boolean;
  /** Metric ids to build as 无数据 when the data has nothing for them. */
  buildWithout?: string[];
  /** Build every item the data has nothing for as 无数据 (their weight shared over the rest). */
  shareMissingWeight?: boolean;
  /** The spreadsheet's language (zh default): an English document gets English tabs, as in Sheets. */
  locale?: 'zh' | 'en';
}

/** What a refused build tells the command's user to add, by the kind of refusal. */
const FLAG_HINTS: Record<string, string> = {
  'template-change': '命令行：确认改用新模板请加 --accept-template-change · on the command line: add --accept-template-change to apply the new template',
  'no-data': '命令行：加 --build-without 指标代码… 或 --share-missing-weight 可按无数据生成 · on the command line: add --build-without METRIC… or --share-missing-weight to build them as no data',
};

export interface AgentResult {
  agent: string;
  values: Record<string, number | string>;
  scores: Record<string, number | string>;
  manual: Record<string, number | string>;
  total: number | string;
  rank: number | string;
  grade: string;
  coefficient: number | string;
  bonus: number | string;
  previousTotal?: number | string;
  vanished?: boolean;
}

export interface AppraiseResult {
  sheet: string;
  agents: AgentResult[];
  team: { total: number | string; median?: number | string };
  skipped: { row: number; reason: { zh: string; en: string } }[];
  warnings: { zh: string; en: string }[];
  /** Metric items built as 无数据 (not scored, weight shared over the rest). */
  noData: string[];
  /** Per agent, manual scores blank or not counting (text, outside 0 … max), read from the tab after --manual was typed. */
  manualIssues: ManualIssue[];
  /** Columns that only loosely match a field: listed, never applied. */
  suggestions: { sheetName?: string; header: string; field: string; reason: { zh: string; en: string } }[];
  /**
   * `serviceCalls`: every spreadsheet-service call (the spec's figure), the sum of `documentCalls` (they
   * read or write the spreadsheet) and `builderCalls` (they only assemble a chart or rule: dev/gas/counter.ts).
   */
  stats: { serviceCalls: number; documentCalls: number; builderCalls: number; ms: number; byMethod: Record<string, number> };
}

/**
 * The export files, each read as the sidebar reads it. Several files of one month are imported
 * into one data tab each and the build reads them together (Σ/Σ per person, double counts named).
 */
export async function readDataFiles(paths: readonly string[]): Promise<{ file: string; rows: string[][] }[]> {
  const tables: { file: string; rows: string[][] }[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new Error(`--data: 找不到文件 ${p} · no such file: ${p}`);
    const grid = firstNonEmpty(await readTableFile(basename(p), new Uint8Array(readFileSync(p)), IMPORT_LIMITS));
    if (!grid) throw new Error(`${p}: no rows`);
    tables.push({ file: basename(p), rows: grid.rows });
  }
  return tables;
}

/** The person binding file (account, person[, platform]) as rows for the 人员对照 tab. */
export async function readPeopleFile(path: string): Promise<string[][]> {
  if (!existsSync(path)) throw new Error(`--people: 找不到文件 ${path} · no such file: ${path}`);
  const grid = firstNonEmpty(await readTableFile(basename(path), new Uint8Array(readFileSync(path))));
  if (!grid) throw new Error(`--people ${path}: 没有内容 · no rows`);
  return grid.rows;
}

export function readTemplate(spec: string): unknown {
  if (spec in PRESETS) return PRESETS[spec as keyof typeof PRESETS].template;
  if (!existsSync(spec)) {
    throw new Error(`--template: 找不到文件 ${spec}，也不是预设（${Object.keys(PRESETS).join(' / ')}）· no such file, nor a preset name`);
  }
  try {
    return JSON.parse(readFileSync(spec, 'utf8'));
  } catch (e) {
    throw new Error(`--template ${spec}: 不是有效的模板 JSON · not valid template JSON (${(e as Error).message})`);
  }
}

/** Manual scores file: `agent,item,score` rows (a header row is recognised and skipped). */
export async function readManualScores(path: string): Promise<{ agent: string; item: string; score: string }[]> {
  const grid = firstNonEmpty(await readTableFile(basename(path), new Uint8Array(readFileSync(path))));
  const rows = grid?.rows ?? [];
  const body = rows.length && Number.isNaN(Number(rows[0]![2])) ? rows.slice(1) : rows;
  return body.filter((r) => r[0]?.trim()).map((r) => ({ agent: r[0]!.trim(), item: (r[1] ?? '').trim(), score: (r[2] ?? '').trim() }));
}

export type Runtime = ReturnType<typeof startRuntime>;

/** A fresh in-memory spreadsheet with the built bundle loaded into a vm context, as Apps Script would. */
export function startRuntime(opts: { distDir?: string; timeZone?: string; html?: Record<string, string>; locale?: 'zh' | 'en' } = {}) {
  const fake = createFakeGas({ timeZone: opts.timeZone ?? 'Asia/Shanghai', locale: opts.locale === 'en' ? 'en_US' : 'zh_CN', html: opts.html });
  const ctx = loadGasProject(opts.distDir ?? process.env.KEFU_KPI_DIST ?? 'dist', fake.globals) as unknown as Record<string, (req: unknown) => any>;
  return { fake, ctx };
}

export function layoutOf(rt: Runtime, sheetName: string): TabLayout {
  const md = rt.fake.book.metadata(sheetName).find((m: { key: string }) => m.key === TAB_TAG_KEY);
  if (!md) throw new Error(`${sheetName} carries no ${TAB_TAG_KEY} metadata`);
  return JSON.parse(md.value ?? '') as TabLayout;
}

/** The tab as a viewer sees it, per agent, keyed by the layout the build stored. */
export function readResults(rt: Runtime, sheetName: string): Omit<AppraiseResult, 'skipped' | 'warnings' | 'noData' | 'suggestions' | 'stats' | 'manualIssues'> {
  const layout = layoutOf(rt, sheetName);
  const grid = rt.fake.book.values(sheetName) as unknown[][];
  const at = (r: number, c: number) => grid[r - 1]?.[c - 1] as number | string;
  const agents: AgentResult[] = [];
  const vanishedLabels = [LABELS.vanished.zh, LABELS.vanished.en];
  // Agents keep the rows the tab has for them (blank rows the manager inserted are passed over).
  for (let r = layout.firstAgentRow; r <= Math.max(layout.rows, grid.length); r++) {
    if (at(r, layout.agentColumn) === '' || at(r, layout.agentColumn) === undefined) continue;
    const pick = (cols: Record<string, number>) => Object.fromEntries(Object.entries(cols).map(([k, c]) => [k, at(r, c)]));
    const row: AgentResult = {
      agent: String(at(r, layout.agentColumn)),
      values: pick(layout.valueColumns),
      scores: pick(layout.scoreColumns),
      manual: pick(layout.manualColumns),
      total: at(r, layout.totalColumn),
      rank: at(r, layout.rankColumn),
      grade: String(at(r, layout.gradeColumn)),
      coefficient: at(r, layout.coefficientColumn),
      bonus: at(r, layout.bonusColumn),
    };
    if (vanishedLabels.includes(String(row.rank))) row.vanished = true;
    agents.push(row);
  }
  // The team row's total as the tab shows it (its formula averages the current agents; the cell shows 2 places).
  const shownTeamTotal = rt.fake.book.displayValues(sheetName)[layout.teamRows[0] - 1]?.[layout.totalColumn - 1] ?? '';
  return { sheet: sheetName, agents, team: { total: shownTeamTotal === '' ? '' : Number(shownTeamTotal) } };
}

const failure = (error: Msg, details: Msg[] = []) =>
  new Error(`${error.zh}${details.map((d) => `\n  - ${d.zh}`).join('')}\n${error.en}`);

/**
 * Writes the rows into a new tab exactly as the sidebar's import does: the bundle's
 * `kk_importRows`, in the same parts, with the same column kinds and neutralising.
 */
export async function importData(rt: Runtime, fileName: string, rows: string[][]): Promise<string> {
  const reply = await sendImport({ importRows: (req) => rt.ctx.kk_importRows(req), discardImport: (req) => rt.ctx.kk_discardImport(req) }, fileName, rows);
  if (!reply.ok) throw failure(reply.error, reply.details);
  return reply.value.sheetName;
}

/**
 * The template's metric items no data tab has anything for this month (the sidebar's question,
 * through the same analysis): an item any tab covers is not missing.
 */
function missingItems(rt: Runtime, tabs: readonly string[], month: string, template: unknown): string[] {
  const checked = validateTemplate(template);
  if (!checked.ok) return []; // the build itself then refuses with the reason
  let missing: string[] | null = null;
  for (const sheetName of tabs) {
    const analysis = rt.ctx.kk_analyseData({ sheetName, month });
    if (!analysis.ok) return [];
    const here = uncoveredItems(checked.template, analysis.value.coverage).map((u) => u.metric);
    missing = missing === null ? here : missing.filter((m) => here.includes(m));
  }
  return missing ?? [];
}

export async function appraise(opts: AppraiseOptions): Promise<AppraiseResult> {
  const tables = await readDataFiles(opts.data);
  const template = readTemplate(opts.template);
  const people = opts.people ? await readPeopleFile(opts.people) : null;
  const rt = startRuntime({ distDir: opts.distDir, timeZone: opts.timeZone, locale: opts.locale });
  if (opts.book) loadBookFile(rt, opts.book);
  const tabs: string[] = [];
  for (const t of tables) tabs.push(await importData(rt, t.file, t.rows));
  if (people) rt.fake.book.addSheet(PEOPLE_TAB, people);
  const choices = { confirmTemplateChange: opts.acceptTemplateChange === true, buildWithout: [...(opts.buildWithout ?? [])] };
  // The sidebar builds in the document's language (kk_getState's documentLocale); so does the command.
  const state = rt.ctx.kk_getState({});
  if (!state.ok) throw failure(state.error);
  const locale = state.value.documentLocale;
  if (opts.shareMissingWeight) choices.buildWithout.push(...missingItems(rt, tabs, opts.month, template));
  rt.fake.calls.reset();
  const t0 = performance.now();
  const reply = rt.ctx.kk_buildAppraisal(tabs.length === 1 && !people
    ? { sheetName: tabs[0], month: opts.month, template, locale, ...choices }
    : { sheetName: tabs[0], sources: tabs.map((sheetName) => ({ sheetName })), people: people !== null, month: opts.month, template, locale, ...choices });
  const ms = performance.now() - t0;
  const { spreadsheet: serviceCalls, document: documentCalls, builder: builderCalls } = rt.fake.calls;
  const byMethod = rt.fake.calls.byMethod();
  if (!reply.ok) {
    const refused = failure(reply.error, reply.details);
    if (reply.refusal) refused.message += `\n${FLAG_HINTS[reply.refusal.kind]}`;
    throw refused;
  }
  const sheetName: string = reply.value.sheetName;
  if (opts.manual) {
    const layout = layoutOf(rt, sheetName);
    // Names match as rule 8 says (`amy` in the file is `Amy` on the tab).
    const names = (rt.fake.book.values(sheetName) as unknown[][]).map((r) => readKey(r[layout.agentColumn - 1]));
    for (const m of await readManualScores(opts.manual)) {
      const col = layout.manualColumns[m.item];
      const row = names.indexOf(readKey(m.agent), layout.firstAgentRow - 1) + 1;
      if (!col) throw new Error(`--manual: "${m.item}" is not a manual item of the template (${Object.keys(layout.manualColumns).join(', ')})`);
      if (row < layout.firstAgentRow) throw new Error(`--manual: no agent "${m.agent}" in ${sheetName}`);
      rt.fake.book.typeCell(sheetName, row, col, m.score);
    }
  }
  if (opts.book) saveBookFile(rt, opts.book);
  const manualIssues = tabManualIssues(rt.fake.book.values(sheetName) as unknown[][], layoutOf(rt, sheetName));
  return {
    ...readResults(rt, sheetName), skipped: reply.value.skipped, warnings: reply.value.warnings, noData: reply.value.noData, manualIssues,
    suggestions: reply.value.suggestions ?? [], stats: { serviceCalls, documentCalls, builderCalls, ms: Math.round(ms), byMethod },
  };
}
