/**
 * What the manager typed into a tab: manual scores and remarks by agent. A rebuild reads them
 * back and writes them again, so nothing typed is ever lost. Keyed by user text (agent and item
 * names), hence objects without a prototype: an agent called `__proto__` is just a name.
 */

export type ManualValue = number | string;

export interface ExistingInputs {
  /** Every agent row of the tab, in row order (rows of agents gone from the data included). */
  agents: string[];
  /** Agent → manual item → what was typed (a number, or text kept as text). */
  manual: Record<string, Record<string, ManualValue>>;
  /** Agent → remark. */
  remarks: Record<string, string>;
}

/** A record safe for any key. */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

export function emptyInputs(): ExistingInputs {
  return { agents: [], manual: dict(), remarks: dict() };
}

/** Own-property lookup, so inherited names (`constructor`, `__proto__`) are never found by accident. */
export function own<T>(record: Record<string, T> | undefined | null, key: string): T | undefined {
  return record && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Records one manual value (creating the agent's entry). */
export function setManual(inputs: ExistingInputs, agent: string, item: string, value: ManualValue): void {
  if (!own(inputs.manual, agent)) {
    inputs.manual[agent] = dict();
    if (!inputs.agents.includes(agent)) inputs.agents.push(agent);
  }
  inputs.manual[agent]![item] = value;
}

/**
 * Manual scores from `agent, item, score` rows (the `--manual` file of the local command, or
 * scores pasted from another sheet). A header row and blank rows are passed over; a score that
 * reads as a number is kept as one, anything else as text.
 */
export function inputsFromRows(rows: readonly unknown[][]): ExistingInputs {
  const inputs = emptyInputs();
  for (const row of rows) {
    const agent = String(row[0] ?? '').trim();
    const item = String(row[1] ?? '').trim();
    const raw = row[2];
    const text = typeof raw === 'number' ? String(raw) : String(raw ?? '').trim();
    if (!agent || !item || text === '') continue;
    const n = Number(text);
    if (Number.isNaN(n) && /^(score|分数|得分|评分)$/i.test(text)) continue; // the header row
    setManual(inputs, agent, item, Number.isFinite(n) ? n : text);
  }
  return inputs;
}
