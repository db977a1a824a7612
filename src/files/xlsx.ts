/**
 * .xlsx to rows of text: every worksheet in workbook order, cells as the file stores them —
 * shared and inline strings as text, numbers as their digits (`0.25`, `1234.5`), booleans as
 * `TRUE` / `FALSE`, errors as `#DIV/0!` …, formulas as their cached value. A number whose
 * cell format shows a date becomes `2026-11-01` (`dates.ts`), a duration `0:01:23`: the
 * import then writes dates as dates. Cell references beyond `limits` are refused as soon as
 * they are met, before any row is allocated for them.
 */
import { UserError } from '../i18n';
import { formatIdKind, serialText, type SerialKind } from './dates';
import { GridBuilder, type SheetGrid } from './grid';
import { SHEETS_LIMITS, type ReadLimits } from './limits';
import { attribute, TagScanner, type XmlTag } from './xml';
import { readZipDirectory, readZipEntry, type ZipEntry } from './zip';

/** Reads every worksheet of an .xlsx file. Throws a `UserError` for a file that is not one. */
export async function parseXlsx(bytes: Uint8Array, limits: ReadLimits = SHEETS_LIMITS): Promise<SheetGrid[]> {
  const entries = readZipDirectory(bytes);
  const text = async (path: string): Promise<string | null> => {
    const entry: ZipEntry | undefined = entries.get(path);
    return entry ? new TextDecoder('utf-8').decode(await readZipEntry(bytes, entry)) : null;
  };
  const root = readRelationships((await text('_rels/.rels')) ?? '', '');
  const workbookPath = root.find((r) => r.type === 'officeDocument')?.path ?? 'xl/workbook.xml';
  const workbook = await text(workbookPath);
  if (workbook === null) {
    throw new UserError({
      zh: '文件里没有工作簿（不是 Excel .xlsx 文件）；请在 Excel 中另存为 .xlsx 或 .csv 后再导入。',
      en: 'The file holds no workbook (it is not an Excel .xlsx file); save it as .xlsx or .csv in Excel and import that.',
    });
  }
  const folder = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
  const parts = readRelationships((await text(`${folder}_rels/${workbookPath.slice(folder.length)}.rels`)) ?? '', folder);
  const sharedPath = parts.find((r) => r.type === 'sharedStrings')?.path ?? `${folder}sharedStrings.xml`;
  const shared = readSharedStrings((await text(sharedPath)) ?? '');
  const stylesPath = parts.find((r) => r.type === 'styles')?.path ?? `${folder}styles.xml`;
  const styles: CellStyles = { kinds: readCellKinds((await text(stylesPath)) ?? ''), date1904: usesDate1904(workbook) };
  const sheets = listSheets(workbook);
  const grids: SheetGrid[] = [];
  for (let i = 0; i < sheets.length; i++) {
    const sheet = sheets[i]!;
    const path = parts.find((r) => r.id === sheet.relationId)?.path ?? `${folder}worksheets/sheet${i + 1}.xml`;
    const xml = await text(path);
    grids.push({ name: sheet.name, rows: xml === null ? [] : readWorksheet(xml, shared, { styles, limits }) });
  }
  return grids;
}

/** The sheets of `workbook.xml` in tab order: name and relationship id. */
export function listSheets(workbookXml: string): { name: string; relationId: string }[] {
  const out: { name: string; relationId: string }[] = [];
  const scanner = new TagScanner(workbookXml);
  for (let tag = scanner.next(); tag; tag = scanner.next()) {
    if (tag.name === 'sheet' && tag.kind !== 'close') {
      out.push({ name: attribute(tag.attrs, 'name') ?? `Sheet${out.length + 1}`, relationId: attribute(tag.attrs, 'id') ?? '' });
    }
  }
  return out;
}

interface Relationship {
  id: string;
  /** The last segment of the relationship type, e.g. `officeDocument`, `worksheet`. */
  type: string;
  /** The zip path of the target part. */
  path: string;
}

/** A `.rels` part's relationships, targets resolved against the folder of the part that owns them. */
function readRelationships(relsXml: string, folder: string): Relationship[] {
  const out: Relationship[] = [];
  const scanner = new TagScanner(relsXml);
  for (let tag = scanner.next(); tag; tag = scanner.next()) {
    if (tag.name !== 'Relationship' || tag.kind === 'close') continue;
    const type = attribute(tag.attrs, 'Type') ?? '';
    const target = attribute(tag.attrs, 'Target');
    if (target) out.push({ id: attribute(tag.attrs, 'Id') ?? '', type: type.slice(type.lastIndexOf('/') + 1), path: resolvePart(folder, target) });
  }
  return out;
}

/** A relationship target to a zip path: absolute targets start at the root, others at `folder`; `..` is resolved. */
function resolvePart(folder: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : folder + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** `sharedStrings.xml` → the strings by index (rich-text runs joined, phonetic guides left out). */
export function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const scanner = new TagScanner(xml);
  for (let tag = scanner.next(); tag; tag = scanner.next()) {
    if (tag.name === 'si' && tag.kind !== 'close') out.push(readStringItem(scanner, tag));
  }
  return out;
}

/** The text of an `<si>` or `<is>` element: its `<t>` pieces, without `<rPh>` phonetic runs. */
function readStringItem(scanner: TagScanner, open: XmlTag): string {
  if (open.kind === 'empty') return '';
  let out = '';
  for (let tag = scanner.next(); tag; tag = scanner.next()) {
    if (tag.kind === 'close' && tag.name === open.name) break;
    if (tag.name === 'rPh' && tag.kind === 'open') scanner.text(tag);
    else if (tag.name === 't') out += scanner.text(tag);
  }
  return unescapeOoxml(out);
}

/** OOXML writes control characters as `_xHHHH_` (and a literal `_x` as `_x005F_x`). */
export function unescapeOoxml(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A cell reference's column (`A1` → 0, `AB12` → 27); -1 when it has no letters. */
export function columnIndex(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower-case
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  return i === 0 ? -1 : col - 1;
}

/** How a workbook shows numbers: the date / time kind of each cell style (`s`), and its date system. */
export interface CellStyles {
  kinds: readonly (SerialKind | null)[];
  date1904: boolean;
}

/** Whether the workbook counts dates from 1904 (`<workbookPr date1904="1"/>`). */
function usesDate1904(workbookXml: string): boolean {
  const scanner = new TagScanner(workbookXml);
  for (let tag = scanner.next(); tag; tag = scanner.next()) {
    if (tag.name === 'workbookPr') return /^(1|true)$/.test(attribute(tag.attrs, 'date1904') ?? '');
  }
  return false;
}

/** `styles.xml` → for each cell style (`<cellXfs>`'s `<xf>` in order) whether it shows a date, a time, or neither. */
export function readCellKinds(xml: string): (SerialKind | null)[] {
  const custom = new Map<number, string>();
  const kinds: (SerialKind | null)[] = [];
  const scanner = new TagScanner(xml);
  let inCellXfs = false;
  for (let tag = scanner.next(); tag; tag = scanner.next()) {
    if (tag.name === 'numFmt' && tag.kind !== 'close') custom.set(Number(attribute(tag.attrs, 'numFmtId')), attribute(tag.attrs, 'formatCode') ?? '');
    else if (tag.name === 'cellXfs') inCellXfs = tag.kind === 'open';
    else if (tag.name === 'xf' && inCellXfs && tag.kind !== 'close') kinds.push(formatIdKind(Number(attribute(tag.attrs, 'numFmtId') ?? 0), custom));
  }
  return kinds;
}

/** A worksheet's cells as a rectangle of text (empty cells `""`, trailing empty rows dropped). */
export function readWorksheet(
  xml: string,
  shared: readonly string[],
  options: { styles?: CellStyles; limits?: ReadLimits } = {},
): string[][] {
  const kinds = options.styles?.kinds ?? [];
  const grid = new GridBuilder(options.limits ?? SHEETS_LIMITS);
  const scanner = new TagScanner(xml);
  let row = -1;
  let col = -1;
  for (let tag = scanner.next(); tag; tag = scanner.next()) {
    if (tag.kind === 'close') continue;
    if (tag.name === 'row') {
      const r = Number(attribute(tag.attrs, 'r'));
      row = r >= 1 ? r - 1 : row + 1;
      col = -1;
    } else if (tag.name === 'c') {
      const ref = attribute(tag.attrs, 'r');
      const refCol = ref ? columnIndex(ref) : -1;
      col = refCol >= 0 ? refCol : col + 1;
      if (tag.kind === 'empty') continue;
      const type = attribute(tag.attrs, 't');
      let value = readCell(scanner, type, shared);
      const kind = type === null || type === 'n' ? kinds[Number(attribute(tag.attrs, 's') ?? 0)] : null;
      if (kind && value !== '' && Number.isFinite(Number(value))) value = serialText(Number(value), kind, options.styles?.date1904);
      // Refused before a single row is allocated: `XFD1048000` alone would otherwise fill memory.
      grid.put(Math.max(row, 0), col, value);
    }
  }
  return grid.grid();
}

/** Reads one `<c>` element's content (up to `</c>`) as text, by its type attribute `t`. */
function readCell(scanner: TagScanner, type: string | null, shared: readonly string[]): string {
  let raw = '';
  let inline = '';
  for (let tag = scanner.next(); tag; tag = scanner.next()) {
    if (tag.kind === 'close' && tag.name === 'c') break;
    if (tag.name === 'v') raw = scanner.text(tag);
    else if (tag.name === 'is') inline = readStringItem(scanner, tag);
    else if (tag.name === 'f') scanner.text(tag); // the formula itself: we keep its cached value
  }
  switch (type) {
    case 's': return shared[Number(raw)] ?? '';
    case 'inlineStr': return inline;
    case 'b': return raw === '1' ? 'TRUE' : raw === '0' ? 'FALSE' : raw;
    case 'str': return unescapeOoxml(raw);
    default: return raw;
  }
}
