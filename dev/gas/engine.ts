/**
 * The formula engine behind the in-memory spreadsheet: HyperFormula 3.5 under its GPL v3 licence key, which is
 * fine here because nothing under `dev/` ships with the add-on.
 */
import { HyperFormula, type FunctionPluginDefinition } from 'hyperformula';

/** Sheets' own ceiling is 10 million cells per spreadsheet; rows alone never exceed it. */
export const MAX_ROWS = 10_000_000;
/** Sheets' column limit (`ZZZ`), which is also HyperFormula's default. */
export const MAX_COLUMNS = 18_278;

/**
 * Dates typed as text that Sheets reads as dates: ISO forms everywhere, and the locale's own order
 * (`11/28/2026` in en_US, `28/11/2026` in most others; zh/ja/ko write year first, so ISO covers them).
 */
export function dateFormatsFor(locale: string): string[] {
  const iso = ['YYYY-MM-DD', 'YYYY/MM/DD'];
  if (/^(zh|ja|ko)/i.test(locale)) return iso;
  return /^en[_-]US$/i.test(locale) || /^en$/i.test(locale) ? [...iso, 'MM/DD/YYYY'] : [...iso, 'DD/MM/YYYY'];
}

/** `plugins`: extra functions for this engine only (the add-on's custom functions in the playground). */
export function createEngine(locale: string, plugins: readonly FunctionPluginDefinition[] = []): HyperFormula {
  return HyperFormula.buildEmpty({
    ...(plugins.length ? { functionPlugins: [...HyperFormula.getAllFunctionPlugins(), ...plugins] } : {}),
    licenseKey: 'gpl-v3',
    maxRows: MAX_ROWS,
    maxColumns: MAX_COLUMNS,
    dateFormats: dateFormatsFor(locale),
    timeFormats: ['hh:mm', 'hh:mm:ss.sss'],
    // Sheets hands out full doubles (=0.1+0.2 gives 0.30000000000000004); HyperFormula's default rounding to
    // 14 digits would also move a date-time by milliseconds.
    smartRounding: false,
  });
}
