/**
 * The one place that reads and writes cells. Every read is one batched `getValues`, every write
 * one batched call per kind of content over one rectangle: the number of service calls never
 * depends on the number of agents or rows.
 */
import { TAB_TAG_KEY, type TabLayout } from '../appraisal/plan-types';
import { previousRowsOf, type PreviousTab } from '../appraisal/previous';
import { UserError } from '../i18n';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** All values of a tab (one batched read). */
export function readGrid(sheet: Sheet): unknown[][] {
  // One call where getDataRange().getValues() takes two: -1 rows and columns reach the last row and
  // column with data. A tab with no data has no such rows; then the two calls read its one blank cell.
  try {
    return sheet.getSheetValues(1, 1, -1, -1);
  } catch {
    return sheet.getDataRange().getValues();
  }
}

export function requireSheet(ss: Spreadsheet, name: string): Sheet {
  const sheet = ss.getSheetByName(name);
  if (!sheet) {
    throw new UserError({ zh: `找不到工作表「${name}」。请在侧边栏重新选择数据表。`, en: `There is no sheet named "${name}". Choose the data sheet again in the sidebar.` });
  }
  return sheet;
}

export interface OwnTab {
  sheet: Sheet;
  tag: GoogleAppsScript.Spreadsheet.DeveloperMetadata;
  layout: TabLayout | null;
}

/** Our tag on a sheet, or null when the sheet carries none (a tab the add-on did not make). */
function ownTag(sheet: Sheet): GoogleAppsScript.Spreadsheet.DeveloperMetadata | null {
  for (const md of sheet.getDeveloperMetadata()) if (md.getKey() === TAB_TAG_KEY) return md;
  return null;
}

/**
 * The tab of that name if the add-on made it; null if there is no such tab. A tab of that name
 * that we did not make is never touched: the build stops with a message instead.
 */
export function findOwnTab(ss: Spreadsheet, name: string, { readLayout }: { readLayout: boolean }): OwnTab | null {
  const sheet = ss.getSheetByName(name);
  if (!sheet) return null;
  const tag = ownTag(sheet);
  if (!tag) {
    throw new UserError({
      zh: `已有一个名为「${name}」的工作表，但不是客服绩效生成的。为免覆盖您的数据，本次没有写入任何内容。请先将它改名后再生成。`,
      en: `A sheet named "${name}" already exists and was not made by Kefu KPI. Nothing was written, so your data is safe. Rename that sheet, then build again.`,
    });
  }
  let layout: TabLayout | null = null;
  if (readLayout) {
    try {
      layout = JSON.parse(tag.getValue() ?? '') as TabLayout;
    } catch {
      layout = null;
    }
  }
  return { sheet, tag, layout };
}

/**
 * Last month's tab for the look-up of its totals: where its match keys, totals and agent rows are
 * now, read from its key row (one `getValues`; the manager may have moved things since it was
 * built). Null when there is no such tab or it has no key row (not one the add-on built).
 */
export function previousTab(ss: Spreadsheet, name: string): PreviousTab | null {
  const sheet = ss.getSheetByName(name);
  const rows = sheet ? previousRowsOf(readGrid(sheet)) : null;
  return rows ? { sheetName: name, layout: rows } : null;
}
