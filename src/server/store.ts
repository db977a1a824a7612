/**
 * Templates saved with the document (document properties) and the user's language choice
 * (user properties). Apps Script allows 9 KB per value and 500 KB per store, so a template is
 * stored in chunks, and the store refuses politely before the service would throw.
 */
import { UserError, type Locale } from '../i18n';

const INDEX_KEY = 'kk.templates';
const chunkKey = (name: string, i: number) => `kk.tpl.${name}#${i}`;
/** 2,500 UTF-16 units are at most 7,500 UTF-8 bytes: under the 9 KB value limit. */
const CHUNK = 2500;
/** Leave room below the 500 KB store limit for other keys. */
const STORE_BUDGET = 450_000;
const LOCALE_KEY = 'kk.locale';

interface IndexEntry {
  name: string;
  chunks: number;
}

function readIndex(all: Record<string, string>): IndexEntry[] {
  try {
    const parsed = JSON.parse(all[INDEX_KEY] ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((e) => e && typeof e.name === 'string' && Number.isInteger(e.chunks)) : [];
  } catch {
    return [];
  }
}

export function byteLength(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Splits text into chunks of at most CHUNK units without cutting a surrogate pair in two. */
export function chunksOf(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length || out.length === 0; ) {
    let end = Math.min(text.length, i + CHUNK);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

export function listTemplates(): string[] {
  const all = PropertiesService.getDocumentProperties().getProperties();
  return readIndex(all).map((e) => e.name);
}

export function loadTemplate(name: string): unknown {
  const all = PropertiesService.getDocumentProperties().getProperties();
  const entry = readIndex(all).find((e) => e.name === name);
  if (!entry) throw new UserError({ zh: `找不到模板「${name}」。`, en: `No template named "${name}".` });
  let json = '';
  for (let i = 0; i < entry.chunks; i++) json += all[chunkKey(name, i)] ?? '';
  try {
    return JSON.parse(json);
  } catch {
    throw new UserError({ zh: `模板「${name}」已损坏，请重新导入。`, en: `Template "${name}" is damaged; import it again.` });
  }
}

/** Saves (or replaces) a template under its name, in one batched write. */
export function saveTemplate(name: string, template: unknown): string[] {
  const store = PropertiesService.getDocumentProperties();
  const all = store.getProperties();
  const previous = readIndex(all).find((e) => e.name === name);
  const index = readIndex(all).filter((e) => e.name !== name);
  const json = JSON.stringify(template);
  const updates: Record<string, string> = {};
  const parts = chunksOf(json);
  parts.forEach((part, i) => (updates[chunkKey(name, i)] = part));
  index.push({ name, chunks: parts.length });
  updates[INDEX_KEY] = JSON.stringify(index);
  // Chunk keys of this name only (a name may itself contain `#`, so no prefix matching).
  const stale = new Set(Array.from({ length: previous?.chunks ?? 0 }, (_, i) => chunkKey(name, i)));
  const kept = Object.entries(all).filter(([k]) => !stale.has(k) && k !== INDEX_KEY);
  const total = [...kept, ...Object.entries(updates)].reduce((n, [k, v]) => n + byteLength(k) + byteLength(v), 0);
  if (total > STORE_BUDGET) {
    throw new UserError({
      zh: '本文档保存的模板太多，空间已满。请先删除不用的模板。',
      en: 'This document has too many saved templates; delete some you no longer use first.',
    });
  }
  for (const k of stale) if (!(k in updates)) store.deleteProperty(k);
  store.setProperties(updates);
  return index.map((e) => e.name);
}

export function deleteTemplate(name: string): string[] {
  const store = PropertiesService.getDocumentProperties();
  const all = store.getProperties();
  const index = readIndex(all);
  const entry = index.find((e) => e.name === name);
  if (!entry) throw new UserError({ zh: `找不到模板「${name}」。`, en: `No template named "${name}".` });
  for (let i = 0; i < entry.chunks; i++) store.deleteProperty(chunkKey(name, i));
  const rest = index.filter((e) => e.name !== name);
  store.setProperty(INDEX_KEY, JSON.stringify(rest));
  return rest.map((e) => e.name);
}

export function savedLocale(): Locale | null {
  const v = PropertiesService.getUserProperties().getProperty(LOCALE_KEY);
  return v === 'zh' || v === 'en' ? v : null;
}

export function saveLocale(locale: Locale): void {
  PropertiesService.getUserProperties().setProperty(LOCALE_KEY, locale);
}
