/**
 * Writing the 考核 tab of a month where the manager left it: read the tab once, find its parts by
 * their keys (anatomy.ts), plan, place the plan around the manager's own rows and columns
 * (placement.ts), read the tab again just before writing and start over if anything changed in
 * between (someone typed a score: it is kept, never overwritten), then write one rectangle per
 * run of our columns. Every step is a constant number of calls, whatever the number of agents.
 */
import { placeFresh, placeInto, type Placement } from '../appraisal/placement';
import { readAnatomy, unplaceableMessage, type TabAnatomy } from '../appraisal/anatomy';
import { readExisting } from '../appraisal/existing';
import type { ExistingInputs } from '../appraisal/manual-inputs';
import type { TabLayout, TabPlan } from '../appraisal/plan-types';
import { UserError } from '../i18n';
import { fitSheet, sizeNewTab, sizeOfGrid, type KnownSize } from './fit-sheet';
import { findOwnTab, readGrid, type OwnTab } from './sheet-io';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** How many times the tab is read again when it changed under the rebuild, before giving up. */
const ATTEMPTS = 3;

export interface TabWrite {
  sheet: Sheet;
  plan: TabPlan;
  placement: Placement;
  /** What the manager had typed (null on a first build). */
  existing: ExistingInputs | null;
  own: OwnTab | null;
}

/** What a rebuild reads of the tab: the values, and the parts found in them. */
interface Reading {
  grid: unknown[][];
  anatomy: TabAnatomy | null;
  existing: ExistingInputs | null;
}

function readTab(own: OwnTab, sheetName: string): Reading {
  const grid = readGrid(own.sheet);
  const anatomy = readAnatomy(grid);
  if (anatomy) {
    if (anatomy.unplaceable.length) throw new UserError(unplaceableMessage(sheetName, anatomy.unplaceable));
    return { grid, anatomy, existing: anatomy.inputs };
  }
  if (own.layout?.version === 2) {
    throw new UserError({
      zh: `「${sheetName}」表头下方那一行（隐藏的列标记行）被删除了，无法确定每一列是什么。为免放错分数，本次没有写入任何内容。请用「撤销」恢复那一行后再生成。`,
      en: `The hidden key row under the table's header in "${sheetName}" was deleted, so its columns cannot be told apart. Nothing was written, so no score is misplaced. Undo the deletion, then build again.`,
    });
  }
  // A tab built before key rows: its layout and header texts say where things are.
  return { grid, anatomy: null, existing: own.layout ? readExisting(grid, own.layout) : null };
}

function sameGrid(a: unknown[][], b: unknown[][]): boolean {
  if (a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) {
    const x = a[r]!;
    const y = b[r]!;
    if (x.length !== y.length) return false;
    for (let c = 0; c < x.length; c++) {
      const u = x[c];
      const v = y[c];
      if (u !== v && !(u instanceof Object && v instanceof Object && String(u) === String(v))) return false;
    }
  }
  return true;
}

/**
 * Plans and writes the tab `sheetName` (made by `plan(existing)`), first build or rebuild. The
 * caller holds the document lock.
 */
export function writeTab(
  ss: Spreadsheet, sheetName: string, plan: (existing: ExistingInputs | null, own: OwnTab | null) => TabPlan, maxOf: (item: string) => number,
): TabWrite {
  const own = findOwnTab(ss, sheetName, { readLayout: true });
  if (!own) {
    const made = plan(null, null);
    const placement = placeFresh(made);
    placement.layout.validated = validationOf(placement, maxOf);
    placement.layout.manualMax = maximaOf(made, maxOf);
    const sheet = ss.insertSheet(sheetName);
    sheet.addDeveloperMetadata(made.tag.key, JSON.stringify(placement.layout));
    const [rows, columns] = extentOf(placement);
    // Sized once per dimension to the table, its chart's anchor and a margin, whatever the number
    // of agents: the same calls for 10 agents as for 1,000.
    const anchor = chartAnchor(made, placement);
    const size = sizeNewTab(sheet, Math.max(rows, anchor?.row ?? 0), Math.max(columns, anchor?.column ?? 0));
    writeBlocks(sheet, placement);
    // Widths on the tab's first build only: a rebuild keeps what the manager resized.
    for (const run of made.columnWidths) sheet.setColumnWidths(run.column, run.count, run.px);
    writeChart(sheet, made, placement, null, size);
    writeValidation(sheet, placement.layout.validated, {});
    return { sheet, plan: made, placement, existing: null, own: null };
  }
  // The tag as read, before anything could touch the parsed layout: compared before rewriting it.
  const storedTag = own.layout ? JSON.stringify(own.layout) : null;
  let reading = readTab(own, sheetName);
  for (let attempt = 1; ; attempt++) {
    const made = plan(reading.existing, own);
    const placement = reading.anatomy
      ? placeInto(made, reading.anatomy, reading.grid)
      : placeFresh(made, own.layout ? { rows: own.layout.rows, columns: own.layout.columns } : { rows: 0, columns: 0 });
    if (placement.conflicts.length) throw new UserError(unplaceableMessage(sheetName, placement.conflicts));
    placement.layout.validated = validationOf(placement, maxOf);
    placement.layout.manualMax = maximaOf(made, maxOf);
    // Just before writing: has anyone typed since the read? Then plan again from what is there now.
    const now = readTab(own, sheetName);
    if (!sameGrid(reading.grid, now.grid)) {
      if (attempt >= ATTEMPTS) {
        throw new UserError({
          zh: `「${sheetName}」在生成过程中一直有人在编辑。为免覆盖刚填写的内容，本次没有写入任何内容。请稍后再生成。`,
          en: `"${sheetName}" kept changing while it was being rebuilt. Nothing was written, so nothing just typed is lost. Build again in a moment.`,
        });
      }
      reading = now;
      continue;
    }
    if (placement.insertRows) own.sheet.insertRowsBefore(placement.insertRows.before, placement.insertRows.count);
    if (placement.insertColumns) own.sheet.insertColumnsBefore(placement.insertColumns.before, placement.insertColumns.count);
    // The tag is rewritten only when the layout changed (the usual rebuild of a month moves nothing).
    const tag = JSON.stringify(placement.layout);
    if (tag !== storedTag) own.tag.setValue(tag);
    // The grid just read, plus what was inserted, is a size the tab has at least: usually no read is needed.
    const read = sizeOfGrid(now.grid);
    const known = { ...read, rows: read.rows + (placement.insertRows?.count ?? 0), columns: read.columns + (placement.insertColumns?.count ?? 0) };
    const size = fitSheet(own.sheet, ...extentOf(placement), known);
    writeBlocks(own.sheet, placement);
    writeChart(own.sheet, made, placement, own.layout, size);
    writeValidation(own.sheet, placement.layout.validated, own.layout?.validated ?? {});
    return { sheet: own.sheet, plan: made, placement, existing: reading.existing, own };
  }
}

/** The last row and column the blocks write. */
function extentOf(placement: Placement): [rows: number, columns: number] {
  let rows = 0;
  let columns = 0;
  for (const block of placement.blocks) {
    rows = Math.max(rows, block.row + block.values.length - 1);
    columns = Math.max(columns, block.column + block.values[0]!.length - 1);
  }
  return [rows, columns];
}

/** One rectangle per run of our columns: formats first (so text stays text), then values, weights, colours, notes, wraps. */
function writeBlocks(sheet: Sheet, placement: Placement): void {
  for (const block of placement.blocks) {
    const range = sheet.getRange(block.row, block.column, block.values.length, block.values[0]!.length);
    range.setNumberFormats(block.numberFormats);
    range.setValues(block.values as unknown[][]);
    range.setFontWeights(block.fontWeights);
    range.setBackgrounds(block.backgrounds as string[][]);
    range.setNotes(block.notes);
    range.setWraps(block.wraps);
  }
}

/** Where a new chart goes (right of the table, level with its header), or null when there is none. */
function chartAnchor(plan: TabPlan, placement: Placement): { row: number; column: number } | null {
  if (!plan.chart || placement.chartRanges.length === 0) return null;
  return { row: placement.layout.headerRow, column: placement.layout.columns + 2 };
}

/** The chart over the current agents' names and totals: made on the first build, re-pointed when the table moved. */
function writeChart(sheet: Sheet, plan: TabPlan, placement: Placement, before: TabLayout | null, size: KnownSize): void {
  const anchor = chartAnchor(plan, placement);
  if (!anchor) return;
  const ranges = placement.chartRanges;
  if (before) {
    const chart = sheet.getCharts()[0];
    if (chart) {
      if (sameList(before.chartRanges ?? [], ranges)) return;
      let builder = chart.modify().clearRanges();
      for (const a1 of ranges) builder = builder.addRange(sheet.getRange(a1));
      sheet.updateChart(builder.build());
      return;
    }
  }
  let builder: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder = sheet.newChart().asBarChart();
  for (const a1 of ranges) builder = builder.addRange(sheet.getRange(a1));
  fitSheet(sheet, anchor.row, anchor.column, size);
  sheet.insertChart(builder.setPosition(anchor.row, anchor.column, 0, 0).build());
}

function maximaOf(plan: TabPlan, maxOf: (item: string) => number): Record<string, number> {
  const L = plan.layout;
  return Object.fromEntries(Object.entries(L.manualColumns).filter(([, c]) => c < L.remarkColumn).map(([item]) => [item, maxOf(item)]));
}

function validationOf(placement: Placement, maxOf: (item: string) => number): Record<string, number> {
  return Object.fromEntries(placement.manualRanges.map(({ item, range }) => [range, maxOf(item)]));
}

/**
 * Sheets refuses a manual score that is not a number from 0 to the item's max as it is typed,
 * with help text saying so. Set on the first build and again only when the manual columns or
 * their maxima changed (rows below are covered: the ranges are open-ended).
 */
function writeValidation(sheet: Sheet, wanted: Record<string, number>, before: Record<string, number>): void {
  const same = Object.keys(wanted).length === Object.keys(before).length && Object.entries(wanted).every(([r, max]) => before[r] === max);
  if (same) return;
  for (const range of Object.keys(before)) if (!(range in wanted)) sheet.getRange(range).clearDataValidations();
  const rules = new Map<number, GoogleAppsScript.Spreadsheet.DataValidation>();
  for (const [range, max] of Object.entries(wanted)) {
    if (before[range] === max) continue;
    let rule = rules.get(max);
    if (!rule) {
      rule = SpreadsheetApp.newDataValidation()
        .requireNumberBetween(0, max)
        .setAllowInvalid(false)
        .setHelpText(`请填写 0 到 ${max} 之间的数字（该项满分 ${max}）。Enter a number from 0 to ${max} (the item's max).`)
        .build();
      rules.set(max, rule);
    }
    sheet.getRange(range).setDataValidation(rule);
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
