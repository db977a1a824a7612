/**
 * "Prepare for the owner": the agents sorted by rank, the parameter rows hidden and the table's
 * header frozen, so the first screen is the ranked table (owner-view.ts decides; this applies it in
 * a constant number of calls), then the tab protected so that only the manual columns (scores and
 * remarks) stay editable. The shop owner is then given view access with Sheets' Share button and
 * sees exactly the manager's numbers.
 */
import { hiddenNote, type OwnerView } from '../appraisal/owner-view';
import type { TabLayout, TabPlan } from '../appraisal/plan-types';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const PROTECTION_DESCRIPTION = '客服绩效：仅手填列可编辑 · Kefu KPI: only manual columns are editable';

/** Our sheet protection, if the tab was prepared before (one call). */
export function ownProtection(sheet: Sheet): GoogleAppsScript.Spreadsheet.Protection | null {
  for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)) {
    if (p.getDescription() === PROTECTION_DESCRIPTION) return p;
  }
  return null;
}

/** Points the protection's editable holes at the plan's manual ranges (after a rebuild moved them). */
export function setEditable(sheet: Sheet, protection: GoogleAppsScript.Spreadsheet.Protection, editableRanges: readonly string[]): void {
  protection.setUnprotectedRanges(editableRanges.map((a1) => sheet.getRange(a1)));
}

/** A1 letters of a 1-based column (1 → A, 27 → AA). */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The manual score and remark columns from the first agent row down (open-ended, so new rows stay editable). */
export function editableRangesOf(layout: TabLayout): string[] {
  const cols = [...Object.values(layout.manualColumns), layout.remarkColumn].sort((a, b) => a - b);
  return cols.map((c) => `${columnLetter(c)}${layout.firstAgentRow}:${columnLetter(c)}`);
}

/**
 * Sorts the current agents by rank (every column, so the manager's own columns move with their
 * agent), hides the parameter rows and the key row, freezes through the key row (so a sort of
 * the sheet by the manager moves only the agent rows) and says on the title how to see the
 * hidden rows again.
 */
export function applyOwnerView(sheet: Sheet, view: OwnerView, english: boolean): void {
  if (view.sort) sheet.getRange(view.sort.row, 1, view.sort.numRows, view.sort.columns).sort(view.sort.keys);
  if (view.hide) sheet.hideRows(view.hide.first, view.hide.count);
  sheet.hideRows(view.keyRow, 1);
  sheet.setFrozenRows(view.frozenRows);
  sheet.setFrozenColumns(view.frozenColumns);
  if (view.hide) sheet.getRange(view.titleCell.row, view.titleCell.column).setNote(hiddenNote(view.hide, english));
}

/** A rebuild of a prepared tab: the rows 为店主准备 hid, and everything above the table, are shown again (one call). */
export function showRowsAbove(sheet: Sheet, keyRow: number): void {
  sheet.showRows(1, keyRow);
}

/** A tab built before key rows: only its header is frozen, where its tag says. */
export function freezeHeader(sheet: Sheet, layout: TabLayout): void {
  sheet.setFrozenRows(layout.keyRow ?? layout.headerRow);
  sheet.setFrozenColumns(layout.agentColumn);
}

/** Protects the tab so that only the manual score and remark columns stay editable. */
export function protectForOwner(sheet: Sheet, editableRanges: TabPlan['editableRanges']): void {
  const protection = ownProtection(sheet) ?? sheet.protect().setDescription(PROTECTION_DESCRIPTION);
  setEditable(sheet, protection, editableRanges);
  try {
    // Neither the spreadsheet's owner nor the user running this can be removed; everyone else
    // keeps editing only the manual columns.
    protection.removeEditors(protection.getEditors());
    if (protection.canDomainEdit()) protection.setDomainEdit(false);
  } catch {
    // Edit rights that come from a group cannot be removed one by one: fall back to a warning.
    protection.setWarningOnly(true);
  }
}
