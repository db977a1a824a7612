/**
 * Last month's total beside this month's, looked up live in last month's tab.
 *
 * Names match as people read them (functions.md rule 8: trimmed, full-width folded, case
 * ignored), which no formula can do in every engine (Sheets has no full-width fold). So every
 * agent row carries a match key written by the add-on: `k:` + `readKey(name)`, with `* ? ~ < > =`
 * spelled full-width (`readKey` folds every full-width form away, so this stays one key per
 * person). The key never looks like a number or date and holds no wildcard and no comparison
 * sign (HyperFormula reads `<`, `>`, `=` anywhere in a criterion as an operator), so
 * COUNTIFS/SUMIF compare it as plain text in Sheets, Excel, LibreOffice and HyperFormula alike. The lookup covers last month's agent rows only (team rows and labels
 * above the table are outside it), and a kept grey row (no total) gives a blank, not 0.
 */
import type { Msg } from '../i18n';
import { readKey } from '../metrics/coerce';
import { a1Range, quoteSheetName } from './a1';
import { KEYS, readAnatomy } from './anatomy';

/** The key-row key of the match-key column (`anatomy.ts`: every column the add-on owns carries one). */
export const MATCH_KEY = 'kk:match';

/** Where last month's tab keeps what the look-up reads, found from its key row (so after any edits). */
export interface PreviousRows {
  /** Absent when last month's tab was built before match keys. */
  keyColumn?: number;
  totalColumn: number;
  /** The agent region: every row below the key row (current agents and kept grey rows). */
  firstRow: number;
  lastRow: number;
  /**
   * Rows whose match key is not their agent's (the manager sorted or edited some columns and not
   * the key column): looked up, they would show another agent's total, so nothing is looked up.
   */
  misaligned?: number[];
}

/** Last month's tab: its name and where its parts are (null when it has no key row to read). */
export interface PreviousTab {
  sheetName: string;
  layout?: PreviousRows | null;
}

const WIDE: Record<string, string> = { '*': '＊', '?': '？', '~': '～', '<': '＜', '>': '＞', '=': '＝' };

/** The match key written in an agent's row. */
export function agentKeyCell(name: string): string {
  return `k:${readKey(name).replace(/[*?~<>=]/g, (c) => WIDE[c]!)}`;
}

/** Last month's parts from its values (one `getValues` from A1), or null when it has no key row. */
export function previousRowsOf(grid: readonly unknown[][]): PreviousRows | null {
  const anatomy = readAnatomy(grid);
  const column = (key: string) => anatomy?.columns.find((k) => k.key === key)?.column;
  const totalColumn = column(KEYS.total);
  if (!anatomy || !totalColumn) return null;
  const keyColumn = column(MATCH_KEY);
  const agentColumn = column(KEYS.agent);
  const misaligned: number[] = [];
  if (keyColumn && agentColumn) {
    for (let r = anatomy.keyRow; r < grid.length; r++) {
      const name = grid[r]?.[agentColumn - 1];
      const key = grid[r]?.[keyColumn - 1];
      const blank = (x: unknown) => x === null || x === undefined || x === '';
      if (blank(name) && blank(key)) continue;
      if (blank(name) || key !== agentKeyCell(String(name))) misaligned.push(r + 1);
    }
  }
  return {
    ...(keyColumn ? { keyColumn } : {}), totalColumn, firstRow: anatomy.keyRow + 1, lastRow: anatomy.rows,
    ...(misaligned.length > 0 ? { misaligned } : {}),
  };
}

/**
 * The formula of last month's total for the row whose match key is in `keyCell`, or null when
 * last month's tab cannot be searched (no key row, no agent rows, or built before match keys:
 * `previousNote` says what to do).
 */
export function previousTotalFormula(previous: PreviousTab, keyCell: string): string | null {
  const rows = previous.layout;
  if (!rows?.keyColumn || rows.lastRow < rows.firstRow || rows.misaligned) return null;
  const sheet = quoteSheetName(previous.sheetName);
  const keys = `${sheet}!${a1Range(rows.firstRow, rows.keyColumn, rows.lastRow, rows.keyColumn, true)}`;
  const totals = `${sheet}!${a1Range(rows.firstRow, rows.totalColumn, rows.lastRow, rows.totalColumn, true)}`;
  return `=IF(COUNTIFS(${keys},${keyCell},${totals},"<>")=1,SUMIF(${keys},${keyCell},${totals}),"")`;
}

/** The note on the 上月总分 header: where the figures come from, or why they are blank. */
export function previousNote(previous: PreviousTab): Msg {
  const layout = previous.layout;
  if (!layout) {
    return {
      zh: `无法读取「${previous.sheetName}」的结构（找不到隐藏的列标记行），上月总分留空。请重新生成上月考核表，再生成本月。`,
      en: `The layout of "${previous.sheetName}" cannot be read (its hidden key row is missing), so last month stays blank. Build last month's appraisal again, then this month's.`,
    };
  }
  if (!layout.keyColumn) {
    return {
      zh: `「${previous.sheetName}」由旧版本生成，没有匹配键列，上月总分留空。请重新生成上月考核表，再生成本月。`,
      en: `"${previous.sheetName}" was built by an older version without a match-key column, so last month stays blank. Build last month's appraisal again, then this month's.`,
    };
  }
  if (layout.misaligned) {
    const rows = layout.misaligned.slice(0, 5).join('、') + (layout.misaligned.length > 5 ? ' …' : '');
    return {
      zh: `「${previous.sheetName}」第 ${rows} 行的匹配键与客服名不一致（可能只排序或改动了部分列），按它查会得到别人的总分，所以上月总分留空。请重新生成上月考核表，再生成本月。`,
      en: `In "${previous.sheetName}", the match key of row ${rows} is not its agent's (some columns were sorted or edited without the key column); a lookup would show another agent's total, so last month stays blank. Build last month's appraisal again, then this month's.`,
    };
  }
  return {
    zh: `取自「${previous.sheetName}」中同名客服的总分（名字不分大小写、全角半角、首尾空格）；上月无总分或无此人时留空。`,
    en: `From "${previous.sheetName}": the total of the agent of the same name (ignoring case, full-/half-width forms and outer spaces); blank when last month has no total for them.`,
  };
}

export const KEY_NOTE: Msg = {
  zh: '匹配键：客服名统一大小写、全角半角、首尾空格后的写法，下个月据此查找本月总分。由插件生成，请勿修改。',
  en: 'Match key: the agent name with case, full-/half-width forms and outer spaces made uniform; next month finds this month\'s total by it. Written by the add-on; do not edit.',
};
