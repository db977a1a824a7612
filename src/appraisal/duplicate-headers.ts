/**
 * Two columns with the same header (two 接待人数, say) cannot both feed one field: header
 * recognition gives the field to the leftmost and leaves the other unused. That choice is
 * reported, never made silently, so the manager can check it and correct the mapping.
 */
import type { Msg } from '../i18n';
import { columnLetter } from './a1';

export interface HeaderColumn {
  index: number;
  header: string;
  field: string | null;
}

/** One warning per header text found in more than one column (blank headers aside). */
export function duplicateHeaderWarnings(columns: readonly HeaderColumn[]): Msg[] {
  const byHeader = new Map<string, HeaderColumn[]>();
  for (const c of columns) {
    const key = c.header.trim();
    if (key === '') continue;
    byHeader.set(key, [...(byHeader.get(key) ?? []), c]);
  }
  const out: Msg[] = [];
  for (const [header, same] of byHeader) {
    if (same.length < 2) continue;
    const letters = same.map((c) => columnLetter(c.index + 1));
    const used = same.filter((c) => c.field !== null).map((c) => columnLetter(c.index + 1));
    const zhUse = used.length ? `只用了第 ${used.join('、')} 列` : '都没有用于计算';
    const enUse = used.length ? `only column ${used.join(', ')} is used` : 'none of them is used';
    out.push({
      zh: `表头「${header}」出现在 ${same.length} 列（第 ${letters.join('、')} 列）：${zhUse}。请确认是否正确，必要时在列对应中改选。`,
      en: `The header "${header}" appears in ${same.length} columns (${letters.join(', ')}): ${enUse}. Check this, and correct the column mapping if needed.`,
    });
  }
  return out;
}
