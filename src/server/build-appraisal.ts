/**
 * "Build appraisal for YYYY-MM": one batched read of the data tab, the pure plan, one batched
 * write, under the document lock. Nothing is written unless the template and data are good.
 */
import {
  aggregate, alignInputs, isManual, manualIssues, planTab, readAnatomy, recognise, tabManualIssues, type ManualIssue, type TabAnatomy, type TabLayout,
} from '../appraisal';
import { duplicateHeaderWarnings } from '../appraisal/duplicate-headers';
import { UserError, type Locale } from '../i18n';
import { wallClockMs } from '../metrics/timezone';
import type { AnalyseReply, BuildReply } from './api';
import { editableRangesOf, ownProtection, setEditable, prepareForOwner } from './owner';
import { findOwnTab, previousTab, readGrid, requireSheet } from './sheet-io';
import { writeTab } from './write-tab';
import { requireTemplate } from './validate';

export const tabName = (month: string) => `考核 ${month}`;

export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

const hasDate = (grid: unknown[][]) =>
  grid.some((row) => row.some((c) => Object.prototype.toString.call(c) === '[object Date]'));

/**
 * The spreadsheet's time zone when the data holds Date cells (their calendar day depends on
 * it); otherwise the script's (appsscript.json), which saves a spreadsheet round trip.
 */
function timeZoneFor(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, grid: unknown[][]): string {
  return (hasDate(grid) ? ss.getSpreadsheetTimeZone() : Session.getScriptTimeZone()) || 'Asia/Shanghai';
}

/** `YYYY-MM-DDTHH:mm` of an instant on the wall clock of a time zone (the tab shows when it was built). */
export function wallClock(now: Date, timeZone: string): string {
  return new Date(wallClockMs(now.getTime(), timeZone)).toISOString().slice(0, 16);
}

/** The month before the one an instant falls in, in a time zone: appraisals are built for the month just ended. */
export function defaultMonth(now: Date, timeZone: string): string {
  return previousMonth(wallClock(now, timeZone).slice(0, 7));
}

/** Runs `fn` holding the document lock, so two builds never interleave their writes. */
export function withDocumentLock<T>(fn: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(20_000)) {
    throw new UserError({
      zh: '另一位同事正在生成考核表，请稍等片刻再试。',
      en: 'Someone else is building an appraisal in this document; try again in a moment.',
    });
  }
  try {
    return fn();
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}

export function analyseData(sheetName: string, month: string, mapping?: Record<string, string | null>): AnalyseReply {
  const ss = SpreadsheetApp.getActive();
  const grid = readGrid(requireSheet(ss, sheetName));
  const timeZone = timeZoneFor(ss, grid);
  const recognition = recognise(grid, mapping, { timeZone });
  const result = aggregate(grid, recognition, { month, timeZone });
  return {
    sheetName,
    headerRows: recognition.headerRows,
    columns: recognition.columns,
    agents: result.agents.map((a) => a.agent),
    rowsUsed: result.rowsUsed,
    skipped: result.skipped,
    availableMetrics: result.availableMetrics,
    warnings: [...duplicateHeaderWarnings(recognition.columns), ...result.warnings],
  };
}

export function buildAppraisal(sheetName: string, month: string, rawTemplate: unknown, mapping?: Record<string, string | null>, locale: Locale = 'zh'): BuildReply {
  const template = requireTemplate(rawTemplate);
  return withDocumentLock(() => {
    const ss = SpreadsheetApp.getActive();
    const grid = readGrid(requireSheet(ss, sheetName));
    const recognition = recognise(grid, mapping);
    const timeZone = timeZoneFor(ss, grid);
    const data = aggregate(grid, recognition, { month, timeZone });
    if (data.agents.length === 0) {
      throw new UserError({
        zh: `「${sheetName}」中没有 ${month} 的客服数据（跳过 ${data.skipped.length} 行）。请检查月份和列映射，未写入任何内容。`,
        en: `"${sheetName}" has no agent rows for ${month} (${data.skipped.length} rows skipped). Check the month and the column mapping; nothing was written.`,
      });
    }
    const name = tabName(month);
    const previousName = tabName(previousMonth(month));
    const previous = previousTab(ss, previousName);
    const now = wallClock(new Date(), timeZone);
    const maxima = new Map(template.items.filter(isManual).map((i) => [i.manual, i.max]));
    const { sheet, plan, placement, existing, own } = writeTab(
      ss, name, (existing) => planTab({ month, template, agents: data.agents, existing, previous, now, locale }), (item) => maxima.get(item) ?? 0,
    );
    // A prepared tab's editable holes follow the manual columns; they move only when the
    // template or the table moved, so the usual monthly rebuild skips these calls.
    if (own && !sameRanges(own.layout ? editableRangesOf(own.layout) : [], placement.editableRanges)) {
      const protection = ownProtection(sheet);
      if (protection) setEditable(sheet, protection, placement.editableRanges);
    }
    return {
      sheetName: name,
      agents: data.agents.length,
      vanished: plan.layout.vanishedCount > 0 ? existing!.agents.filter((a) => !data.agents.some((d) => d.agent === a)) : [],
      skipped: data.skipped,
      warnings: [...duplicateHeaderWarnings(recognition.columns), ...data.warnings],
      rebuilt: own !== null,
      manualIssues: manualIssues(template, data.agents.map((a) => a.agent), alignInputs(existing, data.agents)),
    };
  });
}

/** Where the frozen rows end and the editable columns are in the tab as the manager left it. */
function currentParts(anatomy: TabAnatomy): Pick<TabLayout, 'headerRow' | 'keyRow' | 'firstAgentRow' | 'agentColumn' | 'manualColumns' | 'remarkColumn'> {
  const at = (key: string) => anatomy.columns.find((k) => k.key === key)?.column ?? 0;
  const manualColumns = Object.fromEntries(anatomy.columns.filter((k) => k.key.startsWith('kk:manual:')).map((k) => [k.key.slice('kk:manual:'.length), k.column]));
  return {
    headerRow: anatomy.keyRow - 1, keyRow: anatomy.keyRow, firstAgentRow: anatomy.keyRow + 1,
    agentColumn: at('kk:agent'), manualColumns, remarkColumn: at('kk:remark'),
  };
}

function sameRanges(a: readonly string[], b: readonly string[]): boolean {
  const sortedB = [...b].sort();
  return a.length === b.length && [...a].sort().every((x, i) => x === sortedB[i]);
}

export function prepareTabForOwner(month: string): { sheetName: string; manualIssues: ManualIssue[] } {
  return withDocumentLock(() => {
    const ss = SpreadsheetApp.getActive();
    const name = tabName(month);
    const own = findOwnTab(ss, name, { readLayout: true });
    if (!own || !own.layout) {
      throw new UserError({ zh: `还没有「${name}」，请先生成考核表。`, en: `There is no "${name}" yet; build the appraisal first.` });
    }
    // The tab as it is now: its key row and manual columns may have moved since the build.
    const grid = readGrid(own.sheet);
    const anatomy = readAnatomy(grid);
    const layout = anatomy ? { ...own.layout, ...currentParts(anatomy) } : own.layout;
    prepareForOwner(own.sheet, layout, editableRangesOf(layout));
    return { sheetName: name, manualIssues: tabManualIssues(grid, own.layout) };
  });
}
