/**
 * Moves a formula as Sheets moves a copied (or sorted) cell: every relative row reference shifts by `delta`
 * rows, `$`-anchored rows stay. Works on HyperFormula's normalised formula text: string literals and quoted
 * sheet names are skipped; `A5`, `$A5`, `'Tab'!A5:B9` and row ranges `5:9` are references; names followed by
 * `(` (LOG10, ATAN2) or `!` (an unquoted sheet name such as T1!A1) are not. A reference pushed above row 1
 * becomes #REF!, as in Sheets. Doing this in text lets a sort rewrite a whole block in one engine write.
 */

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)/;
const ROWS = /^(\$?)(\d+):(\$?)(\d+)/;
/** A reference cannot start right after these (it would be the middle of a name or a number). */
const WORD_BEFORE = /[A-Za-z0-9_.$]/;
/** … nor be followed by these (then it is a name, a function or a sheet). */
const WORD_AFTER = /[A-Za-z0-9_(!.]/;

function shiftRow(anchored: string, row: string, delta: number): string | null {
  if (anchored) return row;
  const moved = Number(row) + delta;
  return moved >= 1 ? String(moved) : null;
}

/** One reference (`A5`, `$A$5`, `A5:B9`, `5:9`) at the start of `text`, shifted; null when there is none. */
function reference(text: string, delta: number): { length: number; out: string } | null {
  const rows = ROWS.exec(text);
  if (rows && !WORD_AFTER.test(text[rows[0].length] ?? '')) {
    const a = shiftRow(rows[1]!, rows[2]!, delta);
    const b = shiftRow(rows[3]!, rows[4]!, delta);
    return { length: rows[0].length, out: a && b ? `${rows[1]}${a}:${rows[3]}${b}` : '#REF!' };
  }
  const first = CELL.exec(text);
  if (!first) return null;
  let length = first[0].length;
  const second = text[length] === ':' ? CELL.exec(text.slice(length + 1)) : null;
  const parts = [first];
  if (second) {
    parts.push(second);
    length += 1 + second[0].length;
  }
  if (WORD_AFTER.test(text[length] ?? '') || (!second && text[length] === ':')) return null;
  const shifted = parts.map(([, c$, column, r$, row]) => {
    const moved = shiftRow(r$!, row!, delta);
    return moved === null ? null : `${c$}${column}${r$}${moved}`;
  });
  return { length, out: shifted.includes(null) ? '#REF!' : shifted.join(':') };
}

export function shiftFormulaRows(formula: string, delta: number): string {
  if (delta === 0) return formula;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"' || ch === "'") {
      // A string literal or a quoted sheet name: up to the closing quote (a doubled quote is an escaped one).
      let j = i + 1;
      while (j < formula.length && !(formula[j] === ch && formula[j + 1] !== ch)) j += formula[j] === ch ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const found = WORD_BEFORE.test(formula[i - 1] ?? '') ? null : reference(formula.slice(i), delta);
    if (found) {
      out += found.out;
      i += found.length;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}
