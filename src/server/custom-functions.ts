/**
 * The custom-function entry: every generated stub calls `runCustomFunction(id, arguments)`.
 * The spreadsheet's time zone and locale are read lazily, at most once per call, and only when
 * needed (dated windows, error messages): each read is a round trip in Apps Script.
 */
import { localeFrom, type Locale } from '../i18n';
import { callFunction } from '../metrics';

export function runCustomFunction(id: string, args: unknown[]): unknown {
  let timeZone: string | undefined;
  let locale: Locale | undefined;
  const ctx = {
    get timeZone(): string {
      return (timeZone ??= SpreadsheetApp.getActive().getSpreadsheetTimeZone() || 'Asia/Shanghai');
    },
    get locale(): Locale {
      return (locale ??= localeFrom(SpreadsheetApp.getActive().getSpreadsheetLocale()));
    },
  };
  return callFunction(id, args, ctx);
}
