/**
 * The template each `考核 YYYY-MM` tab was built with, so reopening the sidebar or choosing the
 * month loads it, and a rebuild with another template is a confirmed choice.
 *
 * Where it lives: the document properties, in chunks under `kk.tab.YYYY-MM` (the same chunking
 * as saved templates: 9 KB per value, 500 KB per store), and a hash of its meaning in the tab's
 * own tag (`layout.templateHash`). Why not the tab's developer metadata: Sheets allows 30,000
 * characters of it per sheet, shared with the layout tag and the per-row/column markers that find
 * the tab's parts, and a template with many tiered items would eat it. Why keyed by month: the
 * add-on finds the tab by its name `考核 YYYY-MM`, and reading the sheet's id would cost a
 * spreadsheet call per build; the hash in the tag says whether the record still belongs to the
 * tab (a tab deleted and made again by hand, a copied document), and "same template?" needs only
 * the hash, so a lost record never lets a changed template through unconfirmed.
 */
import { tabNameOf, templateHash, validateTemplate, type TabLayout, type TabPlan, type Template } from '../appraisal';
import type { MonthTemplateReply } from './api';
import { findOwnTab } from './sheet-io';
import { byteLength, chunksOf } from './store';

const headKey = (month: string) => `kk.tab.${month}`;
const chunkKey = (month: string, i: number) => `kk.tab.${month}#${i}`;

interface Head {
  hash: string;
  chunks: number;
}

function readHead(all: Record<string, string>, month: string): Head | null {
  try {
    const head = JSON.parse(all[headKey(month)] ?? 'null') as Head | null;
    return head && typeof head.hash === 'string' && Number.isInteger(head.chunks) ? head : null;
  } catch {
    return null;
  }
}

/** The template stored for the month's tab, if its record is there, whole, and of the tab's hash. */
export function loadTabTemplate(month: string, hash: string | undefined): Template | null {
  if (!hash) return null;
  const all = PropertiesService.getDocumentProperties().getProperties();
  const head = readHead(all, month);
  if (!head || head.hash !== hash) return null;
  let json = '';
  for (let i = 0; i < head.chunks; i++) json += all[chunkKey(month, i)] ?? '';
  try {
    const checked = validateTemplate(JSON.parse(json));
    return checked.ok && templateHash(checked.template) === hash ? checked.template : null;
  } catch {
    return null;
  }
}

/**
 * Records the template a tab was just built with (one batched write; stale chunks deleted).
 * Returns false when the document's property store has no room: the tab's hash still guards
 * the next rebuild, only the diff and the sidebar's reload then lack the old template.
 */
export function storeTabTemplate(month: string, template: Template, hash: string): boolean {
  const store = PropertiesService.getDocumentProperties();
  const all = store.getProperties();
  const previous = readHead(all, month);
  const parts = chunksOf(JSON.stringify(template));
  const updates: Record<string, string> = { [headKey(month)]: JSON.stringify({ hash, chunks: parts.length }) };
  parts.forEach((part, i) => (updates[chunkKey(month, i)] = part));
  const stale = Array.from({ length: previous?.chunks ?? 0 }, (_, i) => chunkKey(month, i)).filter((k) => !(k in updates));
  const total = Object.entries({ ...all, ...updates }).filter(([k]) => !stale.includes(k)).reduce((n, [k, v]) => n + byteLength(k) + byteLength(v), 0);
  if (total > 490_000) return false;
  try {
    for (const k of stale) store.deleteProperty(k);
    store.setProperties(updates);
    return true;
  } catch {
    return false;
  }
}

/** Puts the template's hash and the 无数据 items into the plan's layout, and so into the tab's tag. */
export function stampTemplate(plan: TabPlan, template: Template, noData: readonly string[]): TabPlan {
  const layout: TabLayout = { ...plan.layout, templateHash: templateHash(template), noData: [...noData] };
  return { ...plan, layout, tag: { ...plan.tag, value: JSON.stringify(layout) } };
}

export const TEMPLATE_NOT_RECORDED = {
  zh: '文档属性空间已满，未能记录本表所用的模板：下次打开侧边栏时不会自动载入它（改用其他模板时仍会提示确认）。可删除不用的已保存模板腾出空间。',
  en: 'The document\'s property store is full, so the template of this tab was not recorded: the sidebar will not load it next time (a different template still asks for confirmation). Delete saved templates you no longer use to make room.',
};

/** The month's tab: whether it exists and the template it was built with (null when new, foreign or not recorded). */
export function monthTemplate(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, month: string): MonthTemplateReply {
  const sheetName = tabNameOf(month);
  if (!ss.getSheetByName(sheetName)) return { month, sheetName, exists: false, template: null };
  let hash: string | undefined;
  try {
    hash = findOwnTab(ss, sheetName, { readLayout: true })?.layout?.templateHash;
  } catch {
    hash = undefined; // a tab of that name we did not make: the build will refuse it with its own message
  }
  return { month, sheetName, exists: true, template: loadTabTemplate(month, hash) };
}
