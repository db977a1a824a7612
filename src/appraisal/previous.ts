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
import type { TabLayout } from './plan-types';

/** Last month's tab: its name and its layout (null when its tag cannot be read). */
export interface PreviousTab {
  sheetName: string;
  layout?: TabLayout | null;
}

const WIDE: Record<string, string> = { '*': '＊', '?': '？', '~': '～', '<': '＜', '>': '＞', '=': '＝' };

/** The match key written in an agent's row. */
export function agentKeyCell(name: string): string {
  return `k:${readKey(name).replace(/[*?~<>=]/g, (c) => WIDE[c]!)}`;
}

/** Last month's agent rows (current and kept) as 1-based [first, last], or null when it has none. */
function agentRows(layout: TabLayout): [number, number] | null {
  const count = (layout.agentCount ?? 0) + (layout.vanishedCount ?? 0);
  return count > 0 ? [layout.firstAgentRow, layout.firstAgentRow + count - 1] : null;
}

/**
 * The formula of last month's total for the row whose match key is in `keyCell`, or null when
 * last month's tab cannot be searched (no layout, no agent rows, or built before match keys:
 * `previousNote` says what to do).
 */
export function previousTotalFormula(previous: PreviousTab, keyCell: string): string | null {
  const layout = previous.layout;
  const rows = layout?.keyColumn ? agentRows(layout) : null;
  if (!layout?.keyColumn || !rows) return null;
  const sheet = quoteSheetName(previous.sheetName);
  const keys = `${sheet}!${a1Range(rows[0], layout.keyColumn, rows[1], layout.keyColumn, true)}`;
  const totals = `${sheet}!${a1Range(rows[0], layout.totalColumn, rows[1], layout.totalColumn, true)}`;
  return `=IF(COUNTIFS(${keys},${keyCell},${totals},"<>")=1,SUMIF(${keys},${keyCell},${totals}),"")`;
}

/** The note on the 上月总分 header: where the figures come from, or why they are blank. */
export function previousNote(previous: PreviousTab): Msg {
  const layout = previous.layout;
  if (!layout) {
    return {
      zh: `无法读取「${previous.sheetName}」的结构，上月总分留空。请重新生成上月考核表，再生成本月。`,
      en: `The layout of "${previous.sheetName}" cannot be read, so last month stays blank. Build last month's appraisal again, then this month's.`,
    };
  }
  if (!layout.keyColumn) {
    return {
      zh: `「${previous.sheetName}」由旧版本生成，没有匹配键列，上月总分留空。请重新生成上月考核表，再生成本月。`,
      en: `"${previous.sheetName}" was built by an older version without a match-key column, so last month stays blank. Build last month's appraisal again, then this month's.`,
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
