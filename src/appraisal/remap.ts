/**
 * Moving the plan's formulas from the compact tab the plan draws (our columns side by side, the
 * agents one under the other) to where things really are in the manager's tab (their own columns
 * in between, the agents in their order, blank rows they inserted). Every reference to this sheet
 * is mapped cell by cell; a range becomes:
 * - inside AVERAGE / MEDIAN / SUM: the list of the runs it covers (`B21:B25,B27:B30`), so rows or
 *   columns that are not the range's (a departed agent's manual scores) are not averaged;
 * - elsewhere: the smallest range holding them all (COUNTIF over totals, SUMPRODUCT over a row,
 *   VLOOKUP over the grade bands, whose column index is mapped too). What such a range takes in
 *   besides is blank in our columns; the manager's columns inside it are checked by placement.ts.
 * References to other sheets (`'考核 2026-10'!$A:$B`) and text in quotes are left as they are.
 */
import { columnLetter } from './a1';

export type IndexMap = (compact: number) => number;

const REF = /(\$?)([A-Z]{1,3})(\$?)(\d+)(?::(\$?)([A-Z]{1,3})(\$?)(\d+))?/y;
const SPLITTING = new Set(['AVERAGE', 'MEDIAN', 'SUM']);

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Consecutive runs of a set of indexes: [[first, last], …], ascending. */
export function runsOf(indexes: Iterable<number>): [number, number][] {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const i of sorted) {
    const last = runs[runs.length - 1];
    if (last && i === last[1] + 1) last[1] = i;
    else runs.push([i, i]);
  }
  return runs;
}

const mapped = (from: number, to: number, map: IndexMap) => {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(map(i));
  return out;
};

export class FormulaMapper {
  private readonly memo = new Map<string, string>();

  constructor(private readonly rowOf: IndexMap, private readonly columnOf: IndexMap) {}

  /** One cell reference, keeping its `$` marks. */
  private cell(dc: string, column: number, dr: string, row: number): string {
    return `${dc}${columnLetter(this.columnOf(column))}${dr}${this.rowOf(row)}`;
  }

  /** A range: runs (comma-separated) when `split`, else the hull; `bands` receives the column map for VLOOKUP. */
  private range(m: RegExpExecArray, split: boolean): { text: string; columns: number[] } {
    const [, dc1, c1, dr1, r1, dc2, c2, dr2, r2] = m as unknown as string[];
    const cols = mapped(columnNumber(c1!), columnNumber(c2!), this.columnOf);
    const key = `${m[0]}|${split}`;
    const known = this.memo.get(key);
    if (known !== undefined) return { text: known, columns: cols };
    const rows = mapped(Number(r1), Number(r2), this.rowOf);
    const rowRuns = split ? runsOf(rows) : [[Math.min(...rows), Math.max(...rows)] as [number, number]];
    const colRuns = split ? runsOf(cols) : [[Math.min(...cols), Math.max(...cols)] as [number, number]];
    const parts: string[] = [];
    for (const [ra, rb] of rowRuns) {
      for (const [ca, cb] of colRuns) parts.push(`${dc1}${columnLetter(ca)}${dr1}${ra}:${dc2}${columnLetter(cb)}${dr2}${rb}`);
    }
    const text = parts.join(',');
    this.memo.set(key, text);
    return { text, columns: cols };
  }

  /** The formula with every reference to this sheet moved. */
  map(formula: string): string {
    let out = '';
    const stack: string[] = [];
    let i = 0;
    let pendingIndex: number[] | null = null;
    while (i < formula.length) {
      const ch = formula[i]!;
      if (ch === '"') {
        const end = formula.indexOf('"', i + 1);
        const stop = end < 0 ? formula.length : end + 1;
        out += formula.slice(i, stop);
        i = stop;
        continue;
      }
      if (ch === "'") {
        // A quoted sheet name: copy it, its `!` and the reference after it unchanged.
        let j = i + 1;
        while (j < formula.length && !(formula[j] === "'" && formula[j + 1] !== "'")) j += formula[j] === "'" ? 2 : 1;
        const bang = formula.slice(j + 1).match(/^!\$?[A-Z]*\$?\d*(?::\$?[A-Z]*\$?\d*)?/);
        const stop = j + 1 + (bang ? bang[0].length : 0);
        out += formula.slice(i, stop);
        i = stop;
        continue;
      }
      const prev = i > 0 ? formula[i - 1]! : '';
      if (/[A-Z$]/.test(ch) && !/[A-Za-z0-9_.]/.test(prev)) {
        const name = /^[A-Z][A-Z0-9.]*(?=\()/.exec(formula.slice(i));
        if (name) {
          stack.push(name[0]);
          out += `${name[0]}(`;
          i += name[0].length + 1;
          continue;
        }
        REF.lastIndex = i;
        const m = REF.exec(formula);
        if (m && !/[A-Za-z0-9_(!]/.test(formula[i + m[0].length] ?? '')) {
          const fn = stack[stack.length - 1] ?? '';
          if (m[5] === undefined) out += this.cell(m[1]!, columnNumber(m[2]!), m[3]!, Number(m[4]));
          else {
            const { text, columns } = this.range(m, SPLITTING.has(fn));
            out += text;
            if (fn === 'VLOOKUP') pendingIndex = columns;
          }
          i += m[0].length;
          const index = pendingIndex && /^,(\d+)/.exec(formula.slice(i));
          if (pendingIndex && index) {
            // VLOOKUP's column index counts physical columns from the range's first.
            const k = Number(index[1]);
            out += `,${pendingIndex[k - 1]! - pendingIndex[0]! + 1}`;
            i += index[0].length;
          }
          pendingIndex = null;
          continue;
        }
      }
      if (ch === '(') stack.push('');
      if (ch === ')') stack.pop();
      out += ch;
      i++;
    }
    return out;
  }
}
