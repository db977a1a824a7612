/**
 * "Prepare for the owner": freeze the headers and protect the tab so that only the manual
 * columns (scores and remarks) stay editable. The shop owner is then given view access with
 * Sheets' Share button and sees exactly the manager's numbers.
 */
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

export function prepareForOwner(sheet: Sheet, layout: TabLayout, editableRanges: TabPlan['editableRanges'] = editableRangesOf(layout)): void {
  // Through the hidden key row: sorting the sheet then moves only the agent rows.
  sheet.setFrozenRows(layout.keyRow ?? layout.headerRow);
  sheet.setFrozenColumns(layout.agentColumn);
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
