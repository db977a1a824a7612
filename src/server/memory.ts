/**
 * What the sidebar remembers per document (document properties): the column corrections of
 * each kind of export, recognised by its set of headers, the last template and the last month.
 * Each is one small property (under the 9 KB value limit); the oldest corrections go first.
 */
import type { ColumnGuess, MappingOverrides } from '../appraisal';
import { headerKey } from '../appraisal/fields';

const CORRECTIONS_KEY = 'kk.memory.corrections';
const TEMPLATE_KEY = 'kk.memory.template';
const MONTH_KEY = 'kk.memory.month';
/** Stays under Apps Script's 9 KB per value (UTF-8, 3 bytes a character at most). */
const MAX_VALUE_CHARS = 2800;

/** Header key → field id, or null for a column the manager ignores. */
type ByHeader = Record<string, string | null>;

/** An export kind: its header keys, sorted, so a reordered export of the same back-end matches too. */
export function headerSignature(columns: readonly Pick<ColumnGuess, 'header'>[]): string {
  return [...new Set(columns.map((c) => headerKey(c.header)).filter(Boolean))].sort().join('|');
}

function readCorrections(): { sig: string; byHeader: ByHeader }[] {
  try {
    const parsed = JSON.parse(PropertiesService.getDocumentProperties().getProperty(CORRECTIONS_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((e) => e && typeof e.sig === 'string' && e.byHeader && typeof e.byHeader === 'object') : [];
  } catch {
    return [];
  }
}

/** The remembered corrections for these columns, as column index → field; undefined when none. */
export function correctionsFor(columns: readonly ColumnGuess[]): MappingOverrides | undefined {
  const sig = headerSignature(columns);
  const entry = readCorrections().find((e) => e.sig === sig);
  if (!entry) return undefined;
  const out: MappingOverrides = {};
  for (const c of columns) {
    const key = headerKey(c.header);
    if (Object.prototype.hasOwnProperty.call(entry.byHeader, key)) out[String(c.index)] = entry.byHeader[key]!;
  }
  return Object.keys(out).length ? out : undefined;
}

/** Remembers the manager's corrections for this kind of export (none: forgets them). */
export function rememberCorrections(columns: readonly ColumnGuess[], mapping: MappingOverrides): void {
  const sig = headerSignature(columns);
  const byHeader: ByHeader = {};
  for (const [index, field] of Object.entries(mapping)) {
    const column = columns[Number(index)];
    if (column && headerKey(column.header)) byHeader[headerKey(column.header)] = field;
  }
  let entries = readCorrections().filter((e) => e.sig !== sig);
  if (Object.keys(byHeader).length) entries.push({ sig, byHeader });
  while (entries.length > 1 && JSON.stringify(entries).length > MAX_VALUE_CHARS) entries = entries.slice(1);
  const json = JSON.stringify(entries);
  if (json.length <= MAX_VALUE_CHARS) PropertiesService.getDocumentProperties().setProperty(CORRECTIONS_KEY, json);
}

export interface Remembered {
  template: unknown;
  month: string | null;
}

/** The last template and month this document built with. */
export function recall(): Remembered {
  const props = PropertiesService.getDocumentProperties();
  let template: unknown = null;
  try {
    template = JSON.parse(props.getProperty(TEMPLATE_KEY) ?? 'null');
  } catch {
    template = null;
  }
  const month = props.getProperty(MONTH_KEY);
  return { template, month: month && /^\d{4}-\d{2}$/.test(month) ? month : null };
}

/** Remembers the template and month (a template too large for one property is not remembered). */
export function rememberChoice(template: unknown, month: string): void {
  const json = JSON.stringify(template);
  const updates: Record<string, string> = { [MONTH_KEY]: month };
  if (json.length <= MAX_VALUE_CHARS) updates[TEMPLATE_KEY] = json;
  PropertiesService.getDocumentProperties().setProperties(updates);
}
