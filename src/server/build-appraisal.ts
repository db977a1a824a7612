/**
 * "Build appraisal for YYYY-MM": one batched read of the data tab, the pure plan, one batched
 * write, under the document lock. Nothing is written unless the template and data are good.
 */
import {
  aggregate, alignInputs, conflictingSpellings, coverageOf, isManual, manualIssues, planTab, readAnatomy, recognise, tabManualIssues, type ExistingInputs, type TabAnatomy, type TabLayout,
} from '../appraisal';
import { duplicateHeaderWarnings } from '../appraisal/duplicate-headers';
import { aggregateSources } from '../appraisal/stack';
import { UserError, type Locale, type Msg } from '../i18n';
import { wallClockMs } from '../metrics/timezone';
import type { AnalyseReply, BuildReply, PrepareReply, SourceRequest } from './api';
import { correctionsFor, rememberChoice, rememberCorrections } from './memory';
import { readPeople, readSources, suggestionsOf } from './sources';
import { ownerView, tabIsEnglish } from '../appraisal/owner-view';
import { applyOwnerView, editableRangesOf, freezeHeader, ownProtection, protectForOwner, setEditable, showRowsAbove } from './owner';
import { withDocumentLock } from './lock';
import { checkSheetsLimits, removeHalfMadeTab } from './limits';
import { findOwnTab, previousTab, readGrid, requireSheet, type OwnTab } from './sheet-io';
import { requireCoverage, requireReadableTag, requireSameTemplate } from './tab-guard';
import { stampTemplate, storeTabTemplate, TEMPLATE_NOT_RECORDED } from './tab-template';
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

/**
 * The sidebar's analysis of one data tab. Without corrections the ones remembered for this kind
 * of export apply; corrections sent are remembered for the next time.
 */
export function analyseData(sheetName: string, month: string, mapping?: Record<string, string | null>): AnalyseReply {
  const ss = SpreadsheetApp.getActive();
  const grid = readGrid(requireSheet(ss, sheetName));
  const timeZone = timeZoneFor(ss, grid);
  const guessed = recognise(grid, {}, { timeZone });
  const corrections = mapping ?? correctionsFor(guessed.columns);
  if (mapping) rememberCorrections(guessed.columns, mapping);
  const recognition = corrections ? recognise(grid, corrections, { timeZone }) : guessed;
  const result = aggregate(grid, recognition, { month, timeZone });
  const accounts = [...new Set(recognition.mapping.agent === undefined ? [] : grid.slice(recognition.headerRows).map((row) => String(row[recognition.mapping.agent!] ?? '').trim()).filter(Boolean))];
  return {
    accounts,
    ...(recognition.suggestions ? { suggestions: recognition.suggestions } : {}),
    ...(corrections ? { corrections } : {}),
    sheetName,
    headerRows: recognition.headerRows,
    columns: recognition.columns,
    agents: result.agents.map((a) => a.agent),
    rowsUsed: result.rowsUsed,
    skipped: result.skipped,
    availableMetrics: result.availableMetrics,
    coverage: coverageOf(result.availableMetrics, result.agents),
    warnings: [...duplicateHeaderWarnings(recognition.columns), ...result.warnings],
  };
}

/** The manager's explicit choices that let a build through a guard (tab-guard.ts). */
export interface BuildChoices {
  confirmTemplateChange?: boolean;
  buildWithout?: readonly string[];
}

export interface BuildOptions extends BuildChoices {
  /** The month's data tabs (one or several), each with its corrections. */
  sources: SourceRequest[];
  /** Merge accounts into people with the 人员对照 tab. */
  people?: boolean;
  /** The language of the tab's labels and notes (the document's). */
  locale?: Locale;
}

export function buildAppraisal(month: string, rawTemplate: unknown, options: BuildOptions): BuildReply {
  const template = requireTemplate(rawTemplate);
  return withDocumentLock(() => {
    const ss = SpreadsheetApp.getActive();
    const sources = readSources(ss, options.sources);
    const sheetName = sources.map((s) => s.name).join('」「');
    const people = options.people ? readPeople(ss) : null;
    const timeZone = timeZoneFor(ss, sources.flatMap((s) => s.grid as unknown[][]));
    const metrics = template.items.flatMap((i) => ('metric' in i ? [i.metric] : []));
    const data = aggregateSources(sources, { month, timeZone, bindings: people?.bindings, metrics });
    if (people) data.warnings.unshift(...people.warnings);
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
    // The guards run inside the plan step, after the tab was read and before anything is written.
    const coverage = coverageOf(data.availableMetrics, data.agents);
    let firstBuild = false;
    let noData: string[] = [];
    const guardedPlan = (existing: ExistingInputs | null, tab: OwnTab | null) => {
      firstBuild = tab === null;
      const layout = tab ? requireReadableTag(name, tab.layout) : null;
      if (layout) requireSameTemplate(name, month, layout, template, existing, options.confirmTemplateChange === true);
      noData = requireCoverage(template, coverage, options.buildWithout ?? []);
      const plan = stampTemplate(planTab({ month, template, agents: data.agents, existing, previous, now, noData, locale: options.locale ?? 'zh' }), template, noData);
      checkSheetsLimits(plan, { previous: layout ? { rows: layout.rows, cols: layout.columns } : { rows: 0, cols: 0 }, otherCells: sources.reduce((n, s) => n + s.grid.length * (s.grid[0]?.length ?? 0), 0) });
      return plan;
    };
    let written;
    try {
      written = writeTab(ss, name, guardedPlan, (item) => maxima.get(item) ?? 0);
    } catch (e) {
      throw firstBuild ? removeHalfMadeTab(ss, name, e) : e;
    }
    const { sheet, plan, placement, existing, own } = written;
    const recorded = storeTabTemplate(month, template, plan.layout.templateHash!);
    // A prepared tab's editable holes follow the manual columns; they move only when the
    // template or the table moved, so the usual monthly rebuild skips these calls.
    if (own && !sameRanges(own.layout ? editableRangesOf(own.layout) : [], placement.editableRanges)) {
      const protection = ownProtection(sheet);
      if (protection) setEditable(sheet, protection, placement.editableRanges);
    }
    // 为店主准备 hid the parameter rows: the manager building again sees them (and prepares again for the owner).
    const ownerViewReset = own?.layout?.ownerView !== undefined;
    if (ownerViewReset) showRowsAbove(sheet, placement.layout.keyRow ?? placement.layout.headerRow);
    rememberChoice(template, month);
    const aligned = alignInputs(existing, data.agents);
    return {
      sheetName: name,
      agents: data.agents.length,
      vanished: plan.layout.vanishedCount > 0 ? existing!.agents.filter((a) => !data.agents.some((d) => d.agent === a)) : [],
      skipped: data.skipped,
      warnings: [...sources.flatMap((s) => duplicateHeaderWarnings(s.recognition.columns)), ...data.warnings, ...conflictingSpellings(aligned, data.agents), ...(recorded ? [] : [TEMPLATE_NOT_RECORDED])],
      rebuilt: own !== null,
      manualIssues: manualIssues(template, data.agents.map((a) => a.agent), aligned),
      noData,
      ...(ownerViewReset ? { ownerViewReset } : {}),
      ...(suggestionsOf(sources).length ? { suggestions: suggestionsOf(sources) } : {}),
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

const OLD_TAB: Msg = {
  zh: '该表由旧版本生成（没有列标记行），只冻结了表头，没有排序、没有隐藏参数行。重新生成后再按「为店主准备」即可。',
  en: 'This tab was built by an older version (no key row): only its header was frozen, nothing sorted or hidden. Build again, then prepare for the owner.',
};

function sameRanges(a: readonly string[], b: readonly string[]): boolean {
  const sortedB = [...b].sort();
  return a.length === b.length && [...a].sort().every((x, i) => x === sortedB[i]);
}

export function prepareTabForOwner(month: string): PrepareReply {
  return withDocumentLock(() => {
    const ss = SpreadsheetApp.getActive();
    const name = tabName(month);
    const own = findOwnTab(ss, name, { readLayout: true });
    if (!own) {
      throw new UserError({ zh: `还没有「${name}」，请先生成考核表。`, en: `There is no "${name}" yet; build the appraisal first.` });
    }
    // The tab as it is now: its key row and manual columns may have moved since the build.
    const grid = readGrid(own.sheet);
    const anatomy = readAnatomy(grid);
    const tagged = requireReadableTag(name, own.layout);
    const layout = anatomy ? { ...tagged, ...currentParts(anatomy) } : tagged;
    const view = anatomy ? ownerView(grid, tagged, anatomy) : null;
    if (view) {
      applyOwnerView(own.sheet, view, tabIsEnglish(grid, view.titleCell.column));
      // The next build shows the hidden rows again (the manager is at work on the tab).
      own.tag.setValue(JSON.stringify({ ...tagged, ownerView: { hidden: view.hide ? [view.hide.first, view.hide.first + view.hide.count - 1] : null, keyRow: view.keyRow } }));
    } else {
      freezeHeader(own.sheet, layout);
    }
    protectForOwner(own.sheet, editableRangesOf(layout));
    return {
      sheetName: name,
      // Issues are read before the sort; they name agents, not rows.
      manualIssues: tabManualIssues(grid, tagged),
      sorted: view?.sort != null,
      hiddenRows: view?.hide ? [view.hide.first, view.hide.first + view.hide.count - 1] : null,
      ...(view?.notHidden ? { notHidden: view.notHidden } : !view ? { notHidden: OLD_TAB } : {}),
      frozenRows: view?.frozenRows ?? layout.keyRow ?? layout.headerRow,
    };
  });
}
