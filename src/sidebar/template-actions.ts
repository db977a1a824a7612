/** The template section's actions: edit, check, load, save, delete, export and import templates. */
import { uncoveredItems, uncoveredLine } from '../appraisal/coverage';
import { validateTemplate } from '../appraisal/template';
import type { Msg } from '../i18n';
import { downloadText } from './download';
import { tabSource } from './state';
import { fill, STRINGS } from './strings';
import { checkDraft, weightTotal, type Issue } from './template-check';
import { draftFromTemplate, templateFromDraft } from './template-draft';
import type { Core } from './view';

export class TemplateActions {
  constructor(private readonly core: Core) {}

  /** The client's own check of the draft (mirrors the server's validation). */
  issues(): Issue[] {
    return checkDraft(this.core.state.draft, this.core.state.server.metrics);
  }

  /**
   * The template's metric items this month's data cannot score (by the analysis' coverage): the
   * template check is never green while there are any. They do not disable Build: the server
   * refuses and offers the ways out (map a column, remove the items, build them as 无数据).
   */
  coverageIssues(): Issue[] {
    const s = this.core.state;
    if (!s.analysis) return [];
    const checked = validateTemplate(this.template());
    if (!checked.ok) return [];
    return uncoveredItems(checked.template, s.analysis.coverage).map((u) => ({ path: '', msg: uncoveredLine(u) }));
  }

  /** Loads the template a month's tab was built with, when it has one on record; true when loaded. */
  async loadMonthTemplate(month: string): Promise<boolean> {
    const s = this.core.state;
    const reply = await this.core.call('kk_monthTemplate', { month });
    if (!reply.ok || !reply.value.template || s.month !== month) return false;
    s.draft = draftFromTemplate(reply.value.template);
    s.templateSource = tabSource(month);
    s.serverIssues = [];
    s.templateNotice = { kind: 'info', msg: fill(STRINGS.tabTemplateLoaded, { sheet: reply.value.sheetName }) };
    return true;
  }

  /** Removes metric items from the draft (a way out of "no data"); the weights then need sharing out. */
  removeItems(metrics: readonly string[]): void {
    const s = this.core.state;
    s.draft.items = s.draft.items.filter((i) => !(i.kind === 'metric' && metrics.includes(i.metric)));
    s.serverIssues = [];
  }

  weightTotal(): number {
    return weightTotal(this.core.state.draft);
  }

  /** The template as JSON, ready to send or export. */
  template(): Record<string, unknown> {
    return templateFromDraft(this.core.state.draft);
  }

  /** The draft changed in a way that changes which inputs exist (item added, method switched …). */
  draftReshaped(): void {
    this.core.state.serverIssues = [];
    this.core.render('template');
    this.core.render('build');
  }

  /** A keystroke in a template field: only messages, the total and the build button follow. */
  draftEdited(): void {
    this.core.state.serverIssues = [];
    this.core.refreshLive();
  }

  setTemplateSource(source: string): void {
    this.core.state.templateSource = source;
  }

  loadTemplateSource(): Promise<void> {
    return this.core.busy(async () => {
      const s = this.core.state;
      const [kind, ...rest] = s.templateSource.split(':');
      const id = rest.join(':');
      if (kind === 'preset') {
        const preset = s.server.presets.find((p) => p.id === id);
        if (preset) s.draft = draftFromTemplate(preset.template);
      } else if (kind === 'tab') {
        await this.loadMonthTemplate(id);
        return;
      } else if (kind === 'saved') {
        const reply = await this.core.call('kk_loadTemplate', { name: id });
        if (!reply.ok) {
          s.templateNotice = this.failure(reply.error, reply.details);
          return;
        }
        s.draft = draftFromTemplate(reply.value.template);
      }
      s.serverIssues = [];
      s.templateNotice = null;
    });
  }

  deleteSavedTemplate(): Promise<void> {
    return this.core.busy(async () => {
      const s = this.core.state;
      if (!s.templateSource.startsWith('saved:')) return;
      const name = s.templateSource.slice('saved:'.length);
      const reply = await this.core.call('kk_deleteTemplate', { name });
      if (!reply.ok) {
        s.templateNotice = this.failure(reply.error, reply.details);
        return;
      }
      s.server.savedTemplates = reply.value.savedTemplates;
      s.templateSource = s.server.presets[0] ? `preset:${s.server.presets[0].id}` : '';
      s.templateNotice = { kind: 'info', msg: fill(STRINGS.deleted, { name }) };
    });
  }

  checkTemplate(): Promise<void> {
    return this.core.busy(async () => {
      await this.validateOnServer();
    });
  }

  /** Asks the server to validate the template; true when it has no complaint. */
  async validateOnServer(): Promise<boolean> {
    const s = this.core.state;
    const reply = await this.core.call('kk_validateTemplate', { template: this.template() });
    if (!reply.ok) {
      s.templateNotice = this.failure(reply.error, reply.details);
      return false;
    }
    s.serverIssues = reply.value.errors;
    const uncovered = this.coverageIssues();
    s.templateNotice = reply.value.errors.length > 0
      ? null
      : uncovered.length > 0
        ? { kind: 'error', msg: STRINGS.templateOkButNoData, details: uncovered.map((i) => i.msg) }
        : { kind: 'info', msg: STRINGS.templateOk };
    return reply.value.errors.length === 0;
  }

  saveTemplate(): Promise<void> {
    return this.core.busy(async () => {
      const s = this.core.state;
      const reply = await this.core.call('kk_saveTemplate', { template: this.template() });
      if (!reply.ok) {
        s.templateNotice = this.failure(reply.error, reply.details);
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
    return this.core.busy(async () => {
      const s = this.core.state;
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

  private failure(error: Msg, details?: Msg[]) {
    return { kind: 'error' as const, msg: error, ...(details ? { details } : {}) };
  }
}
