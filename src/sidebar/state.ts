/** The sidebar's state: what the server said, what the manager chose, and what each section shows. */
import type { Locale, Msg } from '../i18n';
import type { AnalyseReply, BuildReply, Refusal, StateReply } from '../server/api';
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
  draft: TemplateDraft;
  /** The picked starting point: `preset:<id>` or `saved:<name>`. */
  templateSource: string;
  templateNotice: Notice | null;
  /** Messages from the server's `kk_validateTemplate` (the client check mirrors it, the server decides). */
  serverIssues: Msg[];
  steps: Record<StepName, StepStatus> | null;
  built: BuildReply | null;
  buildNotice: Notice | null;
  /** The server's last refusal that a choice resolves (confirm a template change, items without data). */
  refusal: Refusal | null;
  busy: boolean;
}

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
  return {
    locale: server.locale,
    server,
    month: tab?.month ?? server.defaultMonth,
    dataSheet: server.suggestedDataSheet,
    mapping: {},
    analysis: null,
    dataNotice: null,
    draft: draftFromTemplate(preset?.template ?? {}),
    templateSource: preset ? `preset:${preset.id}` : '',
    templateNotice: null,
    serverIssues: [],
    steps: null,
    built: null,
    buildNotice: null,
    refusal: null,
    busy: false,
  };
}

/** The template source of a month's tab: `tab:<month>`. */
export const tabSource = (month: string) => `tab:${month}`;
