/**
 * Rule 8 on the rebuild: what the manager typed (manual scores, remarks, read back from the tab or
 * from a `--manual` file) follows the agent whatever the spelling, `Amy` on the tab and `amy`
 * or `Ａｍｙ` in this month's data being one person (`readKey`).
 *
 * Which spelling is shown: this month's data decides (the first spelling met in it, see
 * `aggregate`); typed values written under another spelling move onto that row. Agents gone from
 * the data keep the first spelling the tab or file has. Nothing typed is ever dropped: when two
 * spellings of one key hold different values for the same item (or different remarks), the later
 * one stays a row of its own rather than overwrite the other.
 */
import type { Msg } from '../i18n';
import { readKey } from '../metrics/coerce';
import { dict, emptyInputs, own, type ExistingInputs } from './manual-inputs';

/** Whether `from`'s typed values can join `into`'s without replacing a different value. */
function mergeable(inputs: ExistingInputs, from: string, into: ExistingInputs, target: string): boolean {
  const typed = own(inputs.manual, from) ?? {};
  const already = own(into.manual, target) ?? {};
  for (const item of Object.keys(typed)) {
    const held = own(already, item);
    if (held !== undefined && held !== typed[item]) return false;
  }
  const remark = own(inputs.remarks, from);
  const heldRemark = own(into.remarks, target);
  return !(remark && heldRemark && remark !== heldRemark);
}

/** `from`'s typed values and remark onto `target` (the agent order is set once at the end). */
function copy(inputs: ExistingInputs, from: string, into: ExistingInputs, target: string): void {
  const typed = own(inputs.manual, from);
  if (typed) {
    const row = own(into.manual, target) ?? (into.manual[target] = dict());
    for (const item of Object.keys(typed)) row[item] = typed[item]!;
  }
  const remark = own(inputs.remarks, from);
  if (remark) into.remarks[target] = remark;
}

/**
 * `existing` re-keyed onto this month's agents by `readKey`: a typed name whose key matches an
 * agent of `agents` is renamed to that agent's spelling; other spellings of one key merge into the
 * first. Order is kept. Returns the same shape, so the plan and the pure results match names
 * exactly afterwards; `null` stays `null`.
 */
export function alignInputs(existing: ExistingInputs | null | undefined, agents: readonly { agent: string }[]): ExistingInputs | null {
  if (!existing) return null;
  const shown = new Map<string, string>();
  for (const a of agents) {
    const key = readKey(a.agent);
    if (key && !shown.has(key)) shown.set(key, a.agent);
  }
  // Agents gone from the data: the first spelling on the tab is theirs.
  for (const name of existing.agents) {
    const key = readKey(name);
    if (key && !shown.has(key)) shown.set(key, name);
  }
  const out = emptyInputs();
  const targetOf = new Map<string, string>();
  // Rows already spelled as shown go first, so a differently spelled row can never overwrite them.
  for (const name of existing.agents) {
    if (shown.get(readKey(name)) === name || !readKey(name)) {
      copy(existing, name, out, name);
      targetOf.set(name, name);
    }
  }
  for (const name of existing.agents) {
    if (targetOf.has(name)) continue;
    const target = shown.get(readKey(name))!;
    const into = mergeable(existing, name, out, target) ? target : name;
    copy(existing, name, out, into);
    targetOf.set(name, into);
  }
  out.agents = [...new Set(existing.agents.map((name) => targetOf.get(name)!))];
  return out;
}

/**
 * The rows `alignInputs` had to keep apart: a spelling of one of this month's agents whose typed
 * values differ from those on the agent's own row. Their scores do not count for the agent (the
 * row is greyed as gone), so the manager is told which to reconcile.
 */
export function conflictingSpellings(aligned: ExistingInputs | null, agents: readonly { agent: string }[]): Msg[] {
  if (!aligned) return [];
  const current = new Map(agents.map((a) => [readKey(a.agent), a.agent]));
  const names = new Set(agents.map((a) => a.agent));
  return aligned.agents
    .filter((name) => !names.has(name) && current.has(readKey(name)))
    .map((name) => {
      const agent = current.get(readKey(name))!;
      return {
        zh: `「${name}」和本月的「${agent}」是同一人，但两行手填的分数或备注不同，「${name}」一行保留为灰色、不计分。请核对后把分数填到「${agent}」一行，再删除「${name}」一行的内容。`,
        en: `"${name}" is the same person as this month's "${agent}", but the two rows hold different typed scores or remarks; the "${name}" row is kept grey and does not count. Check them, type the right scores on "${agent}"'s row, then clear the "${name}" row.`,
      };
    });
}
