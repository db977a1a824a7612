/**
 * The sidebar's state and its actions. Views (`*-section.ts`) render from `app.state` and call
 * these actions; every server call goes through the injected `CallServer`, one call per step.
 */
import { readTableFile, firstNonEmpty } from '../files';
import { pick, UserError, type Locale, type Msg } from '../i18n';
import type { AnalyseReply, BuildReply, StateReply } from '../server/api';
import { h, replaceChildren } from './dom';
import { renderBuildSection, type StepName, type StepStatus } from './build-section';
import { renderDataSection } from './data-section';
import { downloadText } from './download';
import { renderNotice, type Notice } from './notice-view';
import type { CallServer, ValueOf } from './server';
import { fill, STRINGS, type StringKey } from './strings';
import { checkDraft, weightsComplete, weightTotal, type Issue } from './template-check';
import { draftFromTemplate, templateFromDraft, type TemplateDraft } from './template-draft';
import { renderTemplateSection } from './template-section';

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
  busy: boolean;
}

type SectionName = 'data' | 'template' | 'build';
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class App {
  state!: AppState;
  private readonly sections = new Map<SectionName, HTMLElement>();
  /** Per section: updates its live parts (totals, messages, the build button) without rebuilding inputs. */
  private readonly live = new Map<SectionName, () => void>();
  private readonly header = h('header', { className: 'app-header' });
  private readonly statusLine = h('p', { className: 'status', attrs: { role: 'status', 'aria-live': 'polite' } });
  private readonly appNotice = h('div', { className: 'app-notice' });

  constructor(private readonly root: HTMLElement, private readonly call: CallServer) {}

  /** Loads the spreadsheet's state and draws the sidebar. */
  async start(): Promise<void> {
    this.statusLine.textContent = pick(STRINGS.loading, 'zh');
    replaceChildren(this.root, this.header, this.statusLine, this.appNotice);
    const reply = await this.call('kk_getState', {});
    if (!reply.ok) {
      // No state, no sections: say what went wrong and offer to try again (e.g. after a timeout).
      const notice = renderNotice({ kind: 'error', msg: reply.error, ...(reply.details ? { details: reply.details } : {}) }, (m) => pick(m, 'zh'));
      const retry = h('button', { type: 'button', id: 'retry', text: `${STRINGS.retry.zh} / ${STRINGS.retry.en}`, on: { click: () => void this.start() } });
      replaceChildren(this.appNotice, notice, retry);
      this.statusLine.textContent = '';
      return;
    }
    const server = reply.value;
    const preset = server.presets.find((p) => p.id === 'mixed') ?? server.presets[0];
    this.state = {
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
      buildNotice: null,
      busy: false,
    };
    for (const name of ['data', 'template', 'build'] as const) this.sections.set(name, h('section', { className: `section section-${name}` }));
    replaceChildren(this.root, this.header, this.statusLine, this.appNotice, ...this.sections.values());
    this.renderAll();
    // The manager opened the sidebar on their data: show what was recognised without a click.
    if (this.state.dataSheet) await this.analyse();
  }

  // ---- text -------------------------------------------------------------------------------

  t(key: StringKey, values?: Record<string, string | number>): string {
    return pick(values ? fill(STRINGS[key], values) : STRINGS[key], this.state.locale);
  }

  text(msg: Msg): string {
    return pick(msg, this.state.locale);
  }

  // ---- rendering --------------------------------------------------------------------------

  renderAll(): void {
    document.documentElement.lang = this.state.locale === 'zh' ? 'zh-CN' : 'en';
    this.renderHeader();
    for (const name of this.sections.keys()) this.render(name);
  }

  /** Rebuilds one section, keeping keyboard focus on the element with the same id. */
  render(name: SectionName): void {
    const section = this.sections.get(name);
    if (!section) return;
    const focused = document.activeElement instanceof HTMLElement && section.contains(document.activeElement) ? document.activeElement.id : '';
    this.live.delete(name);
    const view = name === 'data' ? renderDataSection(this) : name === 'template' ? renderTemplateSection(this) : renderBuildSection(this);
    replaceChildren(section, view);
    this.refreshLive();
    if (focused) document.getElementById(focused)?.focus();
  }

  /** Registers the live updater of a section (called by the section while it renders). */
  setLive(name: SectionName, update: () => void): void {
    this.live.set(name, update);
  }

  /** Re-runs every live updater: after a keystroke in the template, a month change … */
  refreshLive(): void {
    for (const update of this.live.values()) update();
  }

  private renderHeader(): void {
    const other: Locale = this.state.locale === 'zh' ? 'en' : 'zh';
    replaceChildren(
      this.header,
      h('h1', { text: this.t('appTitle') }),
      h('button', {
        type: 'button', id: 'switch-locale', className: 'link-button', text: this.t('switchLocale'),
        attrs: { 'aria-label': this.t('switchLocaleLabel'), lang: other === 'zh' ? 'zh-CN' : 'en' },
        on: { click: () => void this.setLocale(other) },
      }),
    );
    this.statusLine.textContent = this.state.busy ? this.t('working') : '';
  }

  private showAppNotice(notice: Notice | null): void {
    replaceChildren(this.appNotice, notice ? renderNotice(notice, (m) => pick(m, this.state?.locale ?? 'zh')) : null);
  }

  // ---- derived state ----------------------------------------------------------------------

  issues(): Issue[] {
    return checkDraft(this.state.draft, this.state.server.metrics);
  }

  weightTotal(): number {
    return weightTotal(this.state.draft);
  }

  /** Why Build is disabled, or null when it may run. Weights first: that is the rule managers meet most. */
  buildBlocker(): Msg | null {
    const s = this.state;
    if (!s.dataSheet) return STRINGS.blockedSheet;
    if (!MONTH.test(s.month)) return STRINGS.blockedMonth;
    if (!weightsComplete(s.draft)) return fill(STRINGS.blockedWeights, { total: weightTotal(s.draft) });
    if (this.issues().length > 0) return STRINGS.blockedIssues;
    return null;
  }

  monthValid(): boolean {
    return MONTH.test(this.state.month);
  }

  /** The template as JSON, ready to send or export. */
  template(): Record<string, unknown> {
    return templateFromDraft(this.state.draft);
  }

  // ---- actions ----------------------------------------------------------------------------

  /** Runs an action with the busy flag up (buttons disabled, "Working…" shown); unexpected errors become a notice. */
  private async busy(action: () => Promise<void>): Promise<void> {
    if (this.state.busy) return;
    // Controls are disabled (and so lose focus) while busy: give focus back to the same control afterwards.
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement.id : '';
    this.state.busy = true;
    this.renderAll();
    try {
      await action();
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      this.showAppNotice({ kind: 'error', msg: e instanceof UserError ? e.msg : fill(STRINGS.errUnexpected, { detail }) });
    } finally {
      this.state.busy = false;
      this.renderAll();
      if (focused && (document.activeElement === null || document.activeElement === document.body)) document.getElementById(focused)?.focus();
    }
  }

  async setLocale(locale: Locale): Promise<void> {
    this.state.locale = locale;
    this.renderAll();
    const reply = await this.call('kk_setLocale', { locale });
    this.showAppNotice(reply.ok ? null : { kind: 'error', msg: reply.error });
  }

  setMonth(month: string): void {
    this.state.month = month.trim();
    this.refreshLive();
  }

  /** Another data tab: the manager's corrections belonged to the old one; its columns are read at once. */
  setDataSheet(name: string): Promise<void> {
    this.state.dataSheet = name || null;
    this.state.mapping = {};
    this.state.analysis = null;
    this.state.dataNotice = null;
    return this.analyse();
  }

  analyse(): Promise<void> {
    return this.busy(async () => {
      await this.runAnalysis();
    });
  }

  /** A manager's correction of one column (`''` = not used), then a fresh analysis with it. */
  correctColumn(index: number, field: string): Promise<void> {
    this.state.mapping[String(index)] = field === '' ? null : field;
    return this.analyse();
  }

  private async runAnalysis(): Promise<ValueOf<'kk_analyseData'> | null> {
    const s = this.state;
    if (!s.dataSheet) return null;
    if (!this.monthValid()) {
      s.dataNotice = { kind: 'error', msg: STRINGS.monthInvalid };
      return null;
    }
    const mapping = Object.keys(s.mapping).length > 0 ? { ...s.mapping } : undefined;
    const reply = await this.call('kk_analyseData', { sheetName: s.dataSheet, month: s.month, ...(mapping ? { mapping } : {}) });
    if (!reply.ok) {
      s.analysis = null;
      s.dataNotice = { kind: 'error', msg: reply.error, details: reply.details };
      return null;
    }
    s.analysis = reply.value;
    if (s.dataNotice?.kind === 'error') s.dataNotice = null;
    return reply.value;
  }

  /** Reads a .csv / .xlsx in the browser, writes it to a new tab in one server call, then analyses it. */
  importFile(file: File): Promise<void> {
    return this.busy(async () => {
      const s = this.state;
      s.dataNotice = { kind: 'info', msg: fill(STRINGS.importReading, { name: file.name }) };
      this.render('data');
      let grids;
      try {
        grids = await readTableFile(file.name, new Uint8Array(await file.arrayBuffer()));
      } catch (e) {
        const detail = e instanceof Error ? e.message : String(e);
        s.dataNotice = { kind: 'error', msg: e instanceof UserError ? e.msg : fill(STRINGS.errUnexpected, { detail }) };
        return;
      }
      const grid = firstNonEmpty(grids);
      if (!grid) {
        s.dataNotice = { kind: 'error', msg: fill(STRINGS.importEmpty, { name: file.name }) };
        return;
      }
      const reply = await this.call('kk_importRows', { fileName: file.name, rows: grid.rows });
      if (!reply.ok) {
        s.dataNotice = { kind: 'error', msg: reply.error, details: reply.details };
        return;
      }
      const imported = reply.value;
      if (!s.server.sheets.includes(imported.sheetName)) s.server.sheets.push(imported.sheetName);
      s.dataSheet = imported.sheetName;
      s.mapping = {};
      const details = grids.length > 1 ? [fill(STRINGS.importSheetUsed, { name: grid.name })] : undefined;
      s.dataNotice = {
        kind: 'info',
        msg: fill(STRINGS.importDone, { rows: imported.rows, columns: imported.columns, sheet: imported.sheetName }),
        ...(details ? { details } : {}),
      };
      const notice = s.dataNotice;
      await this.runAnalysis();
      if (!s.dataNotice) s.dataNotice = notice;
    });
  }

  /** The draft changed in a way that changes which inputs exist (item added, method switched …). */
  draftReshaped(): void {
    this.state.serverIssues = [];
    this.render('template');
    this.render('build');
  }

  /** A keystroke in a template field: only messages, the total and the build button follow. */
  draftEdited(): void {
    this.state.serverIssues = [];
    this.refreshLive();
  }

  setTemplateSource(source: string): void {
    this.state.templateSource = source;
  }

  loadTemplateSource(): Promise<void> {
    return this.busy(async () => {
      const s = this.state;
      const [kind, ...rest] = s.templateSource.split(':');
      const id = rest.join(':');
      if (kind === 'preset') {
        const preset = s.server.presets.find((p) => p.id === id);
        if (preset) s.draft = draftFromTemplate(preset.template);
      } else if (kind === 'saved') {
        const reply = await this.call('kk_loadTemplate', { name: id });
        if (!reply.ok) {
          s.templateNotice = { kind: 'error', msg: reply.error, details: reply.details };
          return;
        }
        s.draft = draftFromTemplate(reply.value.template);
      }
      s.serverIssues = [];
      s.templateNotice = null;
    });
  }

  deleteSavedTemplate(): Promise<void> {
    return this.busy(async () => {
      const s = this.state;
      if (!s.templateSource.startsWith('saved:')) return;
      const name = s.templateSource.slice('saved:'.length);
      const reply = await this.call('kk_deleteTemplate', { name });
      if (!reply.ok) {
        s.templateNotice = { kind: 'error', msg: reply.error, details: reply.details };
        return;
      }
      s.server.savedTemplates = reply.value.savedTemplates;
      s.templateSource = s.server.presets[0] ? `preset:${s.server.presets[0].id}` : '';
      s.templateNotice = { kind: 'info', msg: fill(STRINGS.deleted, { name }) };
    });
  }

  checkTemplate(): Promise<void> {
    return this.busy(async () => {
      await this.validateOnServer();
    });
  }

  /** Asks the server to validate the template; true when it has no complaint. */
  private async validateOnServer(): Promise<boolean> {
    const s = this.state;
    const reply = await this.call('kk_validateTemplate', { template: this.template() });
    if (!reply.ok) {
      s.templateNotice = { kind: 'error', msg: reply.error, details: reply.details };
      return false;
    }
    s.serverIssues = reply.value.errors;
    s.templateNotice = reply.value.errors.length === 0 ? { kind: 'info', msg: STRINGS.templateOk } : null;
    return reply.value.errors.length === 0;
  }

  saveTemplate(): Promise<void> {
    return this.busy(async () => {
      const s = this.state;
      const reply = await this.call('kk_saveTemplate', { template: this.template() });
      if (!reply.ok) {
        s.templateNotice = { kind: 'error', msg: reply.error, details: reply.details };
        return;
      }
      s.server.savedTemplates = reply.value.savedTemplates;
      s.templateSource = `saved:${reply.value.name}`;
      s.templateNotice = { kind: 'info', msg: fill(STRINGS.saved, { name: reply.value.name }) };
    });
  }

  exportTemplate(): void {
    const template = this.template();
    const name = typeof template.name === 'string' && template.name !== '' ? template.name : 'template';
    downloadText(`${name}.json`, `${JSON.stringify(template, null, 2)}\n`, 'application/json');
  }

  importTemplate(file: File): Promise<void> {
    return this.busy(async () => {
      const s = this.state;
      let raw: unknown;
      try {
        raw = JSON.parse(await file.text());
      } catch (e) {
        const detail = e instanceof Error ? e.message : String(e);
        s.templateNotice = { kind: 'error', msg: fill(STRINGS.importJsonBad, { name: file.name, detail }) };
        return;
      }
      s.draft = draftFromTemplate(raw);
      s.serverIssues = [];
      s.templateNotice = { kind: 'info', msg: fill(STRINGS.importJsonDone, { name: s.draft.name || file.name }) };
    });
  }

  /** Build: analyse → validate → build, each its own server call, with progress between them. */
  build(): Promise<void> {
    return this.busy(async () => {
      const s = this.state;
      if (this.buildBlocker()) return;
      s.steps = { analyse: 'running', validate: 'pending', build: 'pending' };
      s.built = null;
      s.buildNotice = null;
      const progress = (step: StepName, status: StepStatus) => {
        s.steps![step] = status;
        this.render('build');
      };
      this.render('build');
      const analysis = await this.runAnalysis();
      this.render('data');
      if (!analysis) {
        progress('analyse', 'failed');
        s.buildNotice = s.dataNotice?.kind === 'error' ? s.dataNotice : null;
        return;
      }
      progress('analyse', 'done');
      progress('validate', 'running');
      if (!(await this.validateOnServer())) {
        progress('validate', 'failed');
        s.buildNotice = { kind: 'error', msg: STRINGS.blockedIssues, details: s.serverIssues };
        return;
      }
      progress('validate', 'done');
      progress('build', 'running');
      const mapping = Object.keys(s.mapping).length > 0 ? { ...s.mapping } : undefined;
      const template = this.template();
      const reply = await this.call('kk_buildAppraisal', { sheetName: s.dataSheet!, month: s.month, template, ...(mapping ? { mapping } : {}) });
      if (!reply.ok) {
        progress('build', 'failed');
        s.buildNotice = { kind: 'error', msg: reply.error, details: reply.details };
        return;
      }
      s.built = reply.value;
      if (!s.server.sheets.includes(reply.value.sheetName)) s.server.sheets.push(reply.value.sheetName);
      progress('build', 'done');
    });
  }

  openSheet(name: string): Promise<void> {
    return this.busy(async () => {
      const reply = await this.call('kk_selectSheet', { name });
      this.state.buildNotice = reply.ok ? null : { kind: 'error', msg: reply.error, details: reply.details };
    });
  }

  prepareForOwner(): Promise<void> {
    return this.busy(async () => {
      const s = this.state;
      const reply = await this.call('kk_prepareForOwner', { month: s.month });
      s.buildNotice = reply.ok
        ? { kind: 'info', msg: fill(STRINGS.preparedOwner, { sheet: reply.value.sheetName }) }
        : { kind: 'error', msg: reply.error, details: reply.details };
    });
  }
}
