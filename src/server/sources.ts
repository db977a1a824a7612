/**
 * The month's data tabs, the person binding (`人员对照` tab) and what the sidebar remembers per
 * document. Every read is one batched `getValues`; the binding tab is read only when the request
 * asks for it, so a build without it makes the same calls as before.
 */
import { recognise, type MappingOverrides } from '../appraisal';
import { type Source } from '../appraisal/stack';
import { bindingRows, PEOPLE_TAB, proposeBindings, readBindings, type Binding, type BindingTable } from '../appraisal/people';
import { neutralise } from '../appraisal/neutralise';
import { keyText } from '../metrics/coerce';
import { readGrid, requireSheet } from './sheet-io';
import { fitSheet, NEW_TAB_SIZE, UNKNOWN_SIZE } from './fit-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SourceRequest {
  sheetName: string;
  mapping?: MappingOverrides;
}

/** Each data tab read once and recognised with the manager's corrections (as sent: the sidebar holds them). */
export function readSources(ss: Spreadsheet, requests: readonly SourceRequest[]): Source[] {
  return requests.map(({ sheetName, mapping }) => {
    const grid = readGrid(requireSheet(ss, sheetName));
    return { name: sheetName, grid, recognition: recognise(grid, mapping) };
  });
}

/** The 人员对照 tab's bindings, or null when the document has none. */
export function readPeople(ss: Spreadsheet): BindingTable | null {
  const sheet = ss.getSheetByName(PEOPLE_TAB);
  return sheet ? readBindings(readGrid(sheet)) : null;
}

/** The accounts of a data tab as written (distinct, in order). */
function accountsOf(source: Source): string[] {
  const column = source.recognition.mapping.agent;
  if (column === undefined) return [];
  const seen = new Set<string>();
  for (let r = source.recognition.headerRows; r < source.grid.length; r++) {
    const account = keyText(source.grid[r]?.[column]);
    if (account) seen.add(account);
  }
  return [...seen];
}

/** The binding the sidebar shows for confirmation: the tab's rows kept, the data's new accounts proposed. */
export function proposePeople(ss: Spreadsheet, requests: readonly SourceRequest[]): { bindings: Binding[]; saved: boolean } {
  const sources = readSources(ss, requests);
  const saved = readPeople(ss);
  const proposed = proposeBindings(sources.map((s) => ({ source: s.name, accounts: accountsOf(s) })), saved?.bindings ?? []);
  // Bindings of accounts not in these tabs (another month's, another shop's) stay in the tab.
  const keys = new Set(proposed.map((b) => b.account));
  const others = (saved?.bindings ?? []).filter((b) => !keys.has(b.account));
  return { bindings: [...proposed, ...others], saved: saved !== null };
}

/** Writes the confirmed binding into the 人员对照 tab (made when missing), replacing its rows. */
export function savePeople(ss: Spreadsheet, bindings: readonly Binding[]): { sheetName: string; rows: number } {
  const rows = bindingRows(bindings).map((row) => row.map((cell) => neutralise(cell)));
  let sheet = ss.getSheetByName(PEOPLE_TAB);
  const known = sheet ? UNKNOWN_SIZE : NEW_TAB_SIZE;
  if (!sheet) sheet = ss.insertSheet(PEOPLE_TAB);
  else sheet.clearContents();
  // A large team across platforms can pass a new tab's 1,000 rows: Sheets never grows a tab on write.
  fitSheet(sheet, rows.length, 3, known);
  sheet.getRange(1, 1, rows.length, 3).setNumberFormat('@').setValues(rows);
  return { sheetName: PEOPLE_TAB, rows: bindings.length };
}

/** The sources' loose header matches, named by tab, for the reply (never applied). */
export function suggestionsOf(sources: readonly Source[]) {
  return sources.flatMap((s) => {
    const r = s.recognition as ReturnType<typeof recognise>;
    return (r.suggestions ?? []).map((sug) => ({ sheetName: s.name, ...sug }));
  });
}
