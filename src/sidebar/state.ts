/** The sidebar's state: what the server said, what the manager chose, and what each section shows. */
import type { Locale, Msg } from '../i18n';
import type { AnalyseReply, BuildReply, StateReply, ReportsReply } from '../server/api';
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
  /** The month's 绩效单 and 趋势 tabs, written after each build or by the refresh button. */
  reports: ReportsReply | null;
  buildNotice: Notice | null;
  busy: boolean;
}

export type SectionName = 'data' | 'template' | 'build';
export const SECTIONS: readonly SectionName[] = ['data', 'template', 'build'];

/** The state a freshly opened sidebar starts from: the server's suggestions, the 综合 preset. */
export function initialState(server: StateReply): AppState {
  const preset = server.presets.find((p) => p.id === 'mixed') ?? server.presets[0];
  return {
    locale: server.locale,
    server,
    month: server.defaultMonth,
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
    reports: null,
    buildNotice: null,
    busy: false,
  };
}
