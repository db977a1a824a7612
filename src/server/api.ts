/**
 * The contract between the sidebar and the server: every function the sidebar calls through
 * `google.script.run`, its one plain-JSON argument and its plain-JSON result. No Date objects
 * cross it (months are `YYYY-MM`). The server validates every argument (`validate.ts`).
 */
import type { Locale, Msg } from '../i18n';
import type { ManualIssue } from '../appraisal/manual-check';

/** What every server call returns: a result, or a bilingual message saying what is wrong and where. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: Msg; details?: Msg[]; refusal?: Refusal };

/**
 * A build refused for a reason the manager resolves by a choice, with what the sidebar needs to
 * offer it: confirm a template change (the diff in words), or deal with items the data cannot
 * score (map a column, remove the item, or build them as 无数据).
 */
export type Refusal =
  | { kind: 'template-change'; sheetName: string; changes: Msg[]; typedScores: Msg[]; tabTemplate: unknown | null }
  | { kind: 'no-data'; items: { metric: string; weight: number; reason: 'no-column' | 'blank'; line: Msg }[] };

export interface MetricChoice {
  id: string;
  zh: string;
  en: string;
  unit: string;
  direction: 'higher' | 'lower';
}

export interface StateReply {
  locale: Locale;
  /** The spreadsheet's own language (its locale): the tabs the add-on builds speak it. */
  documentLocale: Locale;
  sheets: string[];
  activeSheet: string;
  /** The data tab the sidebar should offer first (the active one unless it is one of our tabs). */
  suggestedDataSheet: string | null;
  defaultMonth: string;
  metrics: MetricChoice[];
  presets: { id: string; name: Msg; template: unknown }[];
  savedTemplates: string[];
  /** The field names the column mapping may use, with labels. */
  fields: { id: string; zh: string; en: string }[];
  /** When the active sheet is a 考核 tab we built: its month and the template it was built with (null if not recorded). */
  tabTemplate: { month: string; template: unknown | null } | null;
  /** What this document last built with (the sidebar starts from it). */
  remembered?: { template: unknown; month: string | null };
}

/** The tab of a month: whether it exists, and the template it was built with (null when new, or not recorded). */
export interface MonthTemplateReply {
  month: string;
  sheetName: string;
  exists: boolean;
  template: unknown | null;
}

export interface ColumnReport {
  index: number;
  header: string;
  field: string | null;
  samples: string[];
}

export interface SkippedRow {
  /** 1-based sheet row. */
  row: number;
  reason: Msg;
}

export interface AnalyseRequest {
  sheetName: string;
  month: string;
  /** Manager's corrections: column index → field id (or null to ignore the column). */
  mapping?: Record<string, string | null>;
}

export interface AnalyseReply {
  sheetName: string;
  headerRows: number;
  columns: ColumnReport[];
  agents: string[];
  rowsUsed: number;
  skipped: SkippedRow[];
  /** The metrics that can be computed from the mapped columns. */
  availableMetrics: string[];
  /** Metric → agents with a value this month (computable metrics only): 0 means its columns are blank (`coverageOf`). */
  coverage: Record<string, number>;
  warnings: Msg[];
  /** The accounts as the data writes them (`旗舰店:小美`), for the person binding. */
  accounts?: string[];
  /** Columns that only loosely match a field: shown to confirm, not applied. */
  suggestions?: HeaderSuggestionReport[];
  /** The corrections in force: the ones sent, or those remembered for this kind of export. */
  corrections?: Record<string, string | null>;
}

export interface HeaderSuggestionReport {
  index: number;
  header: string;
  field: string;
  reason: Msg;
  /** The data tab, when a build names the suggestions of several. */
  sheetName?: string;
}

/** One data tab of the month and the manager's corrections of its columns. */
export interface SourceRequest {
  sheetName: string;
  mapping?: Record<string, string | null>;
}

export interface PersonBinding {
  account: string;
  person: string;
  platform: string;
}

export interface ImportRequest {
  fileName: string;
  rows: (string | number | null)[][];
  /** Per column, from `columnKinds` over the whole file: date columns are written as dates. Absent: every column `auto`. */
  columns?: ('date' | 'datetime' | 'auto')[];
  /** A large file comes in parts (`src/files/import-parts.ts`); absent for a file sent whole. */
  part?: ImportPart;
}

export interface ImportPart {
  /** null for the first part (which creates the tab), then the tab it created. */
  sheetName: string | null;
  /** The tab row this part's first row goes to (1 for the first part). */
  startRow: number;
  last: boolean;
  /** Cells of the whole file (rows × columns), checked against the import cap before anything is written. */
  totalCells: number;
}

export interface ImportReply {
  sheetName: string;
  rows: number;
  columns: number;
}

export interface BuildRequest {
  sheetName: string;
  month: string;
  template: unknown;
  mapping?: Record<string, string | null>;
  /** The manager saw the diff and chooses to rebuild the tab with this template instead of the one it was built with. */
  confirmTemplateChange?: boolean;
  /** Metric ids the manager accepts as 无数据 this month (not scored, weight shared over the rest). */
  buildWithout?: string[];
  /** Several data tabs for the month (each with its corrections); replaces sheetName / mapping. */
  sources?: SourceRequest[];
  /** Merge accounts into people with the 人员对照 tab. */
  people?: boolean;
  /** The language of the tab's labels and notes: the document's, as kk_getState reported it (zh by default). */
  locale?: Locale;
}

export interface BuildReply {
  sheetName: string;
  agents: number;
  vanished: string[];
  skipped: SkippedRow[];
  /** What the data made doubtful (unreadable cells, a part above its whole …), named by column and row. */
  warnings: Msg[];
  rebuilt: boolean;
  /** Per agent, manual scores left blank (count as 0) and typed values that do not count (text, outside 0 … max). */
  manualIssues: ManualIssue[];
  /** Metric items built as 无数据 (the ones accepted in `buildWithout` that had no data). */
  noData: string[];
  /** Columns that only loosely match a field, not applied. */
  suggestions?: HeaderSuggestionReport[];
  /** The tab had been prepared for the owner: its hidden parameter rows are shown again (prepare again before sharing). */
  ownerViewReset?: boolean;
}

/** 为店主准备: what it did to the tab. */
export interface PrepareReply {
  sheetName: string;
  /** Per agent, manual scores to fix (their total shows 待修正) and blanks. */
  manualIssues: ManualIssue[];
  /** The agents' rows were sorted by rank (false: they already were in rank order). */
  sorted: boolean;
  /** The parameter rows hidden, first and last (1-based), or null (`notHidden` says why). */
  hiddenRows: [number, number] | null;
  notHidden?: Msg;
  /** Rows frozen: through the table's header (and the hidden key row under it). */
  frozenRows: number;
}

export interface TemplateSaveRequest {
  template: unknown;
}

/** Names of the server functions the sidebar may call, with their request and reply types. */
export interface ServerApi {
  kk_getState(req: Record<string, never>): Reply<StateReply>;
  kk_analyseData(req: AnalyseRequest): Reply<AnalyseReply>;
  kk_importRows(req: ImportRequest): Reply<ImportReply>;
  kk_discardImport(req: { sheetName: string }): Reply<{ removed: boolean }>;
  kk_validateTemplate(req: { template: unknown }): Reply<{ errors: Msg[] }>;
  kk_buildAppraisal(req: BuildRequest): Reply<BuildReply>;
  kk_prepareForOwner(req: { month: string }): Reply<PrepareReply>;
  kk_saveTemplate(req: TemplateSaveRequest): Reply<{ name: string; savedTemplates: string[] }>;
  kk_loadTemplate(req: { name: string }): Reply<{ template: unknown }>;
  kk_deleteTemplate(req: { name: string }): Reply<{ savedTemplates: string[] }>;
  kk_selectSheet(req: { name: string }): Reply<{ name: string }>;
  kk_setLocale(req: { locale: Locale }): Reply<{ locale: Locale }>;
  kk_monthTemplate(req: { month: string }): Reply<MonthTemplateReply>;
  kk_proposePeople(req: { sources: SourceRequest[] }): Reply<{ bindings: PersonBinding[]; saved: boolean }>;
  kk_savePeople(req: { bindings: PersonBinding[] }): Reply<{ sheetName: string; rows: number }>;
  kk_buildReports(req: { month: string }): Reply<ReportsReply>;
}

/** The 绩效单 and 趋势 tabs of a month (null: not written; a warning says why). */
export interface ReportsReply {
  reportCard: string | null;
  trend: string | null;
  warnings: Msg[];
}

export type ServerFunctionName = keyof ServerApi;
export const SERVER_FUNCTIONS: readonly ServerFunctionName[] = [
  'kk_getState', 'kk_analyseData', 'kk_importRows', 'kk_discardImport', 'kk_validateTemplate', 'kk_buildAppraisal',
  'kk_prepareForOwner', 'kk_saveTemplate', 'kk_loadTemplate', 'kk_deleteTemplate', 'kk_selectSheet', 'kk_setLocale',
  'kk_monthTemplate', 'kk_proposePeople', 'kk_savePeople', 'kk_buildReports',
];
