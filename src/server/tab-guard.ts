/**
 * The build's guards: what stops it, before anything is written, when a number on the tab would
 * otherwise be wrong without a word. A tab whose tag cannot be read; a template that differs from
 * the one the tab was built with (unless the call confirms the change); metric items the month's
 * data cannot score (unless the call accepts them as 无数据). Each refusal says what to do, in
 * both languages, and carries what the sidebar needs to offer the way out.
 */
import {
  diffTemplates, isManual, templateHash, uncoveredItems, uncoveredLine, type ExistingInputs, type TabLayout, type Template, type UncoveredItem,
} from '../appraisal';
import { UserError, type Msg } from '../i18n';
import type { Refusal } from './api';
import { loadTabTemplate } from './tab-template';

/** A `UserError` that also tells the sidebar which choice resolves it. */
export class RefusalError extends UserError {
  constructor(msg: Msg, readonly refusal: Refusal, details?: Msg[]) {
    super(msg, 'zh', details);
  }
}

const isCount = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The layout a tag holds, or null when it is not one the build can place manual scores by. */
export function readableLayout(raw: unknown): TabLayout | null {
  if (!isRecord(raw)) return null;
  const counts = ['rows', 'columns', 'headerRow', 'firstAgentRow', 'agentColumn', 'remarkColumn'];
  if (!counts.every((k) => isCount(raw[k]))) return null;
  if (!isRecord(raw.manualColumns) || !Object.values(raw.manualColumns).every(isCount)) return null;
  return raw as unknown as TabLayout;
}

/**
 * Refuses to rebuild a tab of ours whose tag cannot be read: treating it as empty would write
 * the new table over every manual score and remark.
 */
export function requireReadableTag(sheetName: string, layout: TabLayout | null): TabLayout {
  if (layout && readableLayout(layout)) return layout;
  throw new UserError({
    zh: `「${sheetName}」是客服绩效生成的，但它的标记（记录人工评分位置的开发者元数据）已损坏，无法确定您填的分数在哪里。为免覆盖，本次没有写入任何内容。请将「${sheetName}」改名（例如「${sheetName} 旧」）后重新生成，再把人工评分和备注从旧表抄到新表。`,
    en: `"${sheetName}" was made by Kefu KPI, but its tag (the developer metadata recording where the manual scores are) cannot be read, so the build cannot tell where your typed scores are. Nothing was written. Rename "${sheetName}" (e.g. "${sheetName} old"), build again, then copy the manual scores and remarks from the old tab.`,
  });
}

/**
 * A rebuild applies the tab's own template unless the call confirms another: the first refusal
 * lists every difference and the typed scores whose meaning changes.
 */
export function requireSameTemplate(
  sheetName: string, month: string, layout: TabLayout, template: Template, existing: ExistingInputs | null, confirmed: boolean,
): void {
  const hash = templateHash(template);
  if (confirmed || layout.templateHash === hash) return;
  const before = loadTabTemplate(month, layout.templateHash);
  const diff = before ? diffTemplates(before, template, existing) : null;
  if (diff?.same) return; // only the name or the order of the items differs: no number changes
  const changes: Msg[] = diff ? diff.changes.map((c) => c.msg) : [{
    zh: `这张表没有记录生成时所用的模板（由旧版本生成，或记录已丢失），无法列出差异；请对照表中的参数区确认`,
    en: 'this tab has no record of the template it was built with (an older version made it, or the record was lost), so the differences cannot be listed; compare with the tab\'s parameter block',
  }];
  const typedScores = diff?.typedScores ?? [];
  throw new RefusalError({
    zh: `「${sheetName}」是用另一个模板生成的，本次没有写入任何内容。要沿用原模板，请在侧边栏重新选择这个月份（会载入原模板）；要改用新模板，请确认以下 ${changes.length} 处改动后再生成。`,
    en: `"${sheetName}" was built with a different template; nothing was written. To keep its template, choose this month again in the sidebar (it loads that template); to apply the new one, confirm the ${changes.length} change(s) below and build again.`,
  }, { kind: 'template-change', sheetName, changes, typedScores, tabTemplate: before }, [...changes, ...typedScores]);
}

/**
 * Metric items no agent has data for block the build unless the call names them as accepted
 * 无数据; returns the ones to build that way. Refuses too when they would leave nothing to score.
 */
export function requireCoverage(template: Template, coverage: Readonly<Record<string, number>>, accepted: readonly string[]): string[] {
  const uncovered = uncoveredItems(template, coverage);
  const open = uncovered.filter((u) => !accepted.includes(u.metric));
  if (open.length > 0) {
    const weight = open.reduce((s, u) => s + u.weight, 0);
    throw new RefusalError({
      zh: `本月数据无法为 ${open.length} 个考核项计分（共 ${weight} 的权重），若照常生成，这些项人人 0 分。本次没有写入任何内容。请任选其一：在「数据」中为它们映射来源列；从模板中移除它们并重新分配权重；或选择「按无数据生成」：这些项在表中标为无数据、不计分，权重按比例分给其余各项。`,
      en: `This month's data cannot score ${open.length} item(s) (weight ${weight} in all); built as they are, everyone would get 0 for them. Nothing was written. Either map their source columns under Data; remove them from the template and share out their weight; or choose "build as no data": they are marked no data on the tab, not scored, and their weight is shared over the other items in proportion.`,
    }, { kind: 'no-data', items: open.map((u) => ({ metric: u.metric, weight: u.weight, reason: u.reason, line: uncoveredLine(u) })) }, open.map(uncoveredLine));
  }
  const noData = uncovered.map((u: UncoveredItem) => u.metric);
  const left = template.items.filter((i) => isManual(i) || !noData.includes(i.metric)).reduce((s, i) => s + i.weight, 0);
  if (noData.length > 0 && left <= 0) {
    throw new UserError({
      zh: '按无数据生成后没有任何计分项（其余各项权重为 0），总分无从计算。本次没有写入任何内容。请映射数据列或换一个模板。',
      en: 'Built as no data, nothing would be left to score (the other items weigh 0), so there would be no total. Nothing was written. Map the data columns or choose another template.',
    });
  }
  return noData;
}
