/**
 * Text that a sheet would read as a formula (or that splits a cell) is prefixed with an
 * apostrophe, which Sheets shows as plain text: `=HYPERLINK(...)` stays the agent's name.
 */
const FORMULA_START = /^[=+\-@\t\r\n]/;

export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undo `neutralise` when reading back a cell we wrote (Sheets itself drops the apostrophe). */
export function unneutralise(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
