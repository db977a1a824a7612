/**
 * The in-memory Apps Script services the add-on's built bundle runs against in tests, `npm run appraise`
 * and the playground. `createFakeGas()` gives the globals to put into a vm context, the call counts, and
 * test-side access to the spreadsheet; `loadGasProject()` runs `dist/` in such a context.
 */
import type { FunctionPluginDefinition } from 'hyperformula';
import { FakeBook } from './book';
import { FakeCharts } from './chart';
import { CallCounter, type Calls } from './counter';
import { Boundary, type Exposable } from './expose';
import { FakeHtmlService } from './html';
import { DocumentLockState, FakeLockService } from './lock';
import { FakeLogger, LogBook, makeConsole } from './logging';
import { FakePropertiesService, PropertyStore } from './properties';
import { BIND_REALM, type Realm } from './realm';
import { FakeScriptApp, FakeSession } from './session';
import { FakeSpreadsheet, FakeSpreadsheetApp } from './spreadsheet';

export { callInContext, loadGasProject, makeContextDate } from './load';
export { customFunctionPlugin, type CustomFunctionBinding } from './custom-functions';
export type { Calls, Service } from './counter';
export type { CellInput, ChartView, FakeBook, FormatsView, LockStateView, ProtectionView } from './book';
export type { LogEntry } from './logging';
export type { UiState, MenuEntry, MenuView, AlertView, ShownHtml } from './ui';

export interface FakeGasOptions {
  /** The spreadsheet's time zone (`getSpreadsheetTimeZone`); default `Asia/Shanghai`. */
  timeZone?: string;
  /** The spreadsheet's locale (`getSpreadsheetLocale`); default `zh_CN`. */
  locale?: string;
  /** `Session.getActiveUserLocale()`; default `zh_CN`. */
  userLocale?: string;
  /** `Session.getScriptTimeZone()` (appsscript.json); default `Asia/Shanghai`. */
  scriptTimeZone?: string;
  /** The project's HTML files by name, for `HtmlService.createHtmlOutputFromFile(name)`. */
  html?: Record<string, string>;
  /** The spreadsheet's name; default `客服绩效`. */
  name?: string;
  /** Extra HyperFormula function plugins for this spreadsheet's engine (see `custom-functions.ts`). */
  functionPlugins?: readonly FunctionPluginDefinition[];
  /** Also print what the script logs (it is always kept in `book.logs`). */
  echoLogs?: boolean;
}

export interface FakeGlobals {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  LockService: GoogleAppsScript.Lock.LockService;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  Session: GoogleAppsScript.Base.Session;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  Logger: GoogleAppsScript.Base.Logger;
  Charts: GoogleAppsScript.Charts.Charts;
  console: Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'>;
}

export interface FakeGas {
  /** The globals of an Apps Script project bound to the spreadsheet (typed as Apps Script's; only the implemented methods work). */
  globals: FakeGlobals;
  calls: Calls;
  book: FakeBook;
}

export function createFakeGas(options: FakeGasOptions = {}): FakeGas {
  const counter = new CallCounter();
  const boundary = new Boundary(counter);
  const spreadsheet = new FakeSpreadsheet({
    timeZone: options.timeZone ?? 'Asia/Shanghai',
    locale: options.locale ?? 'zh_CN',
    name: options.name ?? '客服绩效',
    id: 'fake-spreadsheet-id',
    functionPlugins: options.functionPlugins,
  });
  const properties = { document: new PropertyStore(), user: new PropertyStore() };
  const lockState = new DocumentLockState();
  const logBook = new LogBook(options.echoLogs ?? false);
  const expose = <T>(fake: Exposable): T => boundary.expose(fake) as T;
  const globals: FakeGlobals = {
    SpreadsheetApp: expose(new FakeSpreadsheetApp(spreadsheet)),
    LockService: expose(new FakeLockService(lockState)),
    PropertiesService: expose(new FakePropertiesService(properties.document, properties.user)),
    HtmlService: expose(new FakeHtmlService(options.html ?? {})),
    Session: expose(new FakeSession(options.userLocale ?? 'zh_CN', options.scriptTimeZone ?? 'Asia/Shanghai')),
    ScriptApp: expose(new FakeScriptApp()),
    Logger: expose(new FakeLogger(logBook)),
    Charts: expose(new FakeCharts()),
    console: makeConsole(logBook),
  };
  Object.defineProperty(globals, BIND_REALM, { value: (realm: Realm) => boundary.bindRealm(realm), enumerable: false });
  return { globals, calls: counter, book: new FakeBook(spreadsheet, properties, lockState, logBook) };
}
