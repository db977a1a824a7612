/** The sidebar's state: what the server said, what the manager chose, and what each section shows. */
import type { Locale, Msg } from '../i18n';
import type { AnalyseReply, BuildReply, PersonBinding, Refusal, ReportsReply, StateReply } from '../server/api';
import type { StepName, StepStatus } from './build-steps';
import type { Notice } from './notice-view';
import { draftFromTemplate, type TemplateDraft } from './template-draft';

export interface AppState {
  locale: Locale;
  server: StateReply;
  month: string;
  dataSheet: string | null;
  /** The manager's corrections to the column mapping (column index → field, or null to ignore). */
  mapping: Record<string, string | null>;
  analysis: AnalyseReply | null;
  dataNotice: Notice | null;
  /** Corrections per data tab, kept when the manager switches between the month's tabs. */
  mappings: Record<string, Record<string, string | null>>;
  /** Further data tabs of the same month, read together with the data tab (Σ/Σ per person). */
  extraSheets: string[];
  /** The person binding being confirmed (null: not open). */
  people: PersonBinding[] | null;
  peopleNotice: Notice | null;
  draft: TemplateDraft;
  /** The picked starting point: `preset:<id>` or `saved:<name>`. */
  templateSource: string;
  templateNotice: Notice | null;
  /** Messages from the server's `kk_validateTemplate` (the client check mirrors it, the server decides). */
  serverIssues: Msg[];
  steps: Record<StepName, StepStatus> | null;
  built: BuildReply | null;
  /** The month's 绩效单 and 趋势 tabs, written after each build or by the refresh button. */
  reports: ReportsReply | null;
  buildNotice: Notice | null;
  /** The server's last refusal that a choice resolves (confirm a template change, items without data). */
  refusal: Refusal | null;
  busy: boolean;
}

/** The template-source choice that stands for the template of the last build. */
export const LAST_TEMPLATE = 'last:';

export type SectionName = 'data' | 'template' | 'build';
export const SECTIONS: readonly SectionName[] = ['data', 'template', 'build'];

/**
 * The state a freshly opened sidebar starts from: the server's suggestions and the 综合 preset,
 * or, opened on a 考核 tab, that tab's month and the template it was built with.
 */
export function initialState(server: StateReply): AppState {
  const preset = server.presets.find((p) => p.id === 'mixed') ?? server.presets[0];
  const tab = server.tabTemplate;
  if (tab?.template) {
    return { ...initialState({ ...server, tabTemplate: null }), server, month: tab.month, draft: draftFromTemplate(tab.template), templateSource: tabSource(tab.month) };
  }
  // What this document built with last time is where the manager left off.
  const last = server.remembered?.template ?? null;
  return {
    locale: server.locale,
    server,
    month: tab?.month ?? server.remembered?.month ?? server.defaultMonth,
    dataSheet: server.suggestedDataSheet,
    mapping: {},
    analysis: null,
    dataNotice: null,
    mappings: {},
    extraSheets: [],
    people: null,
    peopleNotice: null,
    draft: draftFromTemplate(last ?? preset?.template ?? {}),
    templateSource: last ? LAST_TEMPLATE : preset ? `preset:${preset.id}` : '',
    templateNotice: null,
    serverIssues: [],
    steps: null,
    built: null,
    reports: null,
    buildNotice: null,
    refusal: null,
    busy: false,
  };
}

/** The template source of a month's tab: `tab:<month>`. */
export const tabSource = (month: string) => `tab:${month}`;
