/**
 * Google Sheets' documented limits, checked on the plan before the first write, so a build that
 * cannot fit stops with a message naming the limit and the fix instead of failing half-way:
 * 10,000,000 cells per spreadsheet, 18,278 columns per sheet, 50,000 characters per cell, and
 * 30,000 characters of developer metadata per sheet (and per spreadsheet).
 *
 * What is known without extra spreadsheet calls is checked exactly (the tab's own size, every
 * cell and note of the plan, the tag). The other tabs' sizes would cost two calls per tab, so
 * the spreadsheet-wide cell count here adds only the data tab the build read; if Sheets still
 * refuses the write, `sheetsLimitMessage` names the limit and the build removes the tab it made.
 */
import type { TabPlan } from '../appraisal';
import { UserError, type Msg } from '../i18n';
import { NEW_TAB_SIZE, SPARE_ROWS } from './fit-sheet';

export const SHEETS_LIMITS = { cells: 10_000_000, columns: 18_278, cellChars: 50_000, metadataChars: 30_000 } as const;

/**
 * The cells the tab will count, empty ones included: its table and spare rows (fit-sheet.ts), at least
 * 26 columns, and never less than the 1,000 × 26 a new tab has before it is cut to size.
 */
function tabCellsOf(rows: number, cols: number): number {
  return Math.max(NEW_TAB_SIZE.rows * NEW_TAB_SIZE.columns, (rows + SPARE_ROWS) * Math.max(cols, NEW_TAB_SIZE.columns));
}

export interface LimitContext {
  /** The size of the rectangle the previous build wrote (0 × 0 on a first build). */
  previous: { rows: number; cols: number };
  /** Cells of the other tabs the build knows of (the data tab it read). */
  otherCells: number;
}

const fmt = (n: number) => n.toLocaleString('en-US');

function refuse(zh: string, en: string): never {
  throw new UserError({ zh: `${zh}本次没有写入任何内容。`, en: `${en} Nothing was written.` });
}

/** Throws a `UserError` naming the limit and the fix when the plan cannot be written within Sheets' limits. */
export function checkSheetsLimits(plan: TabPlan, ctx: LimitContext): void {
  const rows = Math.max(plan.values.length, ctx.previous.rows);
  const cols = Math.max(plan.values[0]?.length ?? 0, ctx.previous.cols);
  if (cols > SHEETS_LIMITS.columns) {
    refuse(
      `「${plan.sheetName}」需要 ${fmt(cols)} 列，超过 Google 表格每个工作表 ${fmt(SHEETS_LIMITS.columns)} 列的上限。请减少模板中的考核项或阶梯档数。`,
      `"${plan.sheetName}" would need ${fmt(cols)} columns, above Google Sheets' limit of ${fmt(SHEETS_LIMITS.columns)} columns per sheet. Use fewer template items or tiers.`,
    );
  }
  const tabCells = tabCellsOf(rows, cols);
  if (tabCells + ctx.otherCells > SHEETS_LIMITS.cells) {
    refuse(
      `生成「${plan.sheetName}」需要约 ${fmt(tabCells)} 个单元格，加上数据表的 ${fmt(ctx.otherCells)} 个，超过 Google 表格每个文件 ${fmt(SHEETS_LIMITS.cells)} 个单元格的上限。请删除不用的工作表或其中的空行空列，或把数据按月拆到新文件中。`,
      `"${plan.sheetName}" needs about ${fmt(tabCells)} cells; with the data tab's ${fmt(ctx.otherCells)} that is above Google Sheets' limit of ${fmt(SHEETS_LIMITS.cells)} cells per file. Delete unused tabs or their empty rows and columns, or move the data into a new file by month.`,
    );
  }
  const tooLong = longestCell(plan);
  if (tooLong) {
    refuse(
      `「${plan.sheetName}」第 ${tooLong.row} 行第 ${tooLong.column} 列的${tooLong.what.zh}有 ${fmt(tooLong.length)} 个字符，超过 Google 表格每个单元格 ${fmt(SHEETS_LIMITS.cellChars)} 个字符的上限。请缩短该处的文字（客服名、备注或列标题）。`,
      `The ${tooLong.what.en} at row ${tooLong.row}, column ${tooLong.column} of "${plan.sheetName}" has ${fmt(tooLong.length)} characters, above Google Sheets' limit of ${fmt(SHEETS_LIMITS.cellChars)} per cell. Shorten that text (agent name, remark or column header).`,
    );
  }
  const tagChars = plan.tag.key.length + plan.tag.value.length;
  if (tagChars > SHEETS_LIMITS.metadataChars) {
    refuse(
      `「${plan.sheetName}」的标记（开发者元数据）需要 ${fmt(tagChars)} 个字符，超过 Google 表格每个工作表 ${fmt(SHEETS_LIMITS.metadataChars)} 个字符的上限。请缩短人工项的名称或减少考核项。`,
      `The tag (developer metadata) of "${plan.sheetName}" needs ${fmt(tagChars)} characters, above Google Sheets' limit of ${fmt(SHEETS_LIMITS.metadataChars)} per sheet. Shorten the manual items' names or use fewer items.`,
    );
  }
}

function longestCell(plan: TabPlan): { row: number; column: number; length: number; what: Msg } | null {
  for (const [grid, what] of [[plan.values, { zh: '内容', en: 'cell' }], [plan.notes, { zh: '批注', en: 'note' }]] as const) {
    for (let r = 0; r < grid.length; r++) {
      const row = grid[r]!;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v === 'string' && v.length > SHEETS_LIMITS.cellChars) return { row: r + 1, column: c + 1, length: v.length, what };
      }
    }
  }
  return null;
}

/** Sheets' own refusals, recognised by their English text, as a message that names the limit and the fix. */
export function sheetsLimitMessage(error: unknown, sheetName: string): Msg | null {
  const text = error instanceof Error ? error.message : String(error);
  if (/number of cells in the workbook|above the limit of 10000000 cells/i.test(text)) {
    return {
      zh: `Google 表格拒绝写入「${sheetName}」：文件已达到 ${fmt(SHEETS_LIMITS.cells)} 个单元格的上限。请删除不用的工作表或其中的空行空列，或把数据按月拆到新文件中，然后再生成。`,
      en: `Google Sheets refused to write "${sheetName}": the file has reached its limit of ${fmt(SHEETS_LIMITS.cells)} cells. Delete unused tabs or their empty rows and columns, or move the data into a new file by month, then build again.`,
    };
  }
  if (/maximum of 50000 characters in a single cell/i.test(text)) {
    return {
      zh: `Google 表格拒绝写入「${sheetName}」：有单元格超过 ${fmt(SHEETS_LIMITS.cellChars)} 个字符。请缩短过长的客服名、备注或列标题后再生成。`,
      en: `Google Sheets refused to write "${sheetName}": a cell has more than ${fmt(SHEETS_LIMITS.cellChars)} characters. Shorten the long agent name, remark or header, then build again.`,
    };
  }
  if (/metadata/i.test(text) && /30,?000|exceed|quota|limit/i.test(text)) {
    return {
      zh: `Google 表格拒绝写入「${sheetName}」的标记：开发者元数据超过每个工作表 ${fmt(SHEETS_LIMITS.metadataChars)} 个字符的上限。请缩短人工项名称或减少考核项后再生成。`,
      en: `Google Sheets refused the tag of "${sheetName}": developer metadata is limited to ${fmt(SHEETS_LIMITS.metadataChars)} characters per sheet. Shorten the manual items' names or use fewer items, then build again.`,
    };
  }
  if (/outside the dimensions of the sheet|columns/i.test(text) && /limit|dimensions/i.test(text)) {
    return {
      zh: `Google 表格拒绝写入「${sheetName}」：超出了工作表的行列上限（每个工作表最多 ${fmt(SHEETS_LIMITS.columns)} 列）。请减少考核项后再生成。`,
      en: `Google Sheets refused to write "${sheetName}": it would exceed a sheet's size (at most ${fmt(SHEETS_LIMITS.columns)} columns). Use fewer items, then build again.`,
    };
  }
  return null;
}

/**
 * After a first build failed: removes the tab it had made, if any, so the month is not left
 * blocked by a half-made tab ("not made by 客服绩效"), and returns the error to show, in words.
 */
export function removeHalfMadeTab(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, sheetName: string, error: unknown): unknown {
  const made = ss.getSheetByName(sheetName);
  if (made) ss.deleteSheet(made);
  if (error instanceof UserError && !made) return error; // refused before anything was written
  const removed: Msg = made
    ? { zh: `已删除未写完的「${sheetName}」，可以直接重新生成。`, en: `The unfinished "${sheetName}" was removed; you can build again straight away.` }
    : { zh: '', en: '' };
  const text = error instanceof Error ? error.message : String(error);
  const cause = error instanceof UserError
    ? error.msg
    : sheetsLimitMessage(error, sheetName) ?? { zh: `Google 表格在写入「${sheetName}」时出错：${text}。`, en: `Google Sheets failed while writing "${sheetName}": ${text}.` };
  return new UserError({ zh: `${cause.zh}${removed.zh}`, en: `${cause.en} ${removed.en}`.trim() });
}
