/** The build section's actions: build (analyse → validate → build), open the tab, prepare it for the owner. */
import { issueMessages } from '../appraisal/manual-check';
import type { Msg } from '../i18n';
import type { StepName, StepStatus } from './build-steps';
import type { DataActions } from './data-actions';
import { tabSource } from './state';
import { draftFromTemplate } from './template-draft';
import { fill, STRINGS } from './strings';
import { weightsComplete, weightTotal } from './template-check';
import type { TemplateActions } from './template-actions';
import type { Core } from './view';

export class BuildActions {
  /** The choices of the last build call: a way out of its refusal adds to them (confirm, then build as no data). */
  lastChoices: { confirmTemplateChange?: boolean; buildWithout?: string[] } = {};

  constructor(private readonly core: Core, private readonly data: DataActions, private readonly templates: TemplateActions) {}

  /** Why Build is disabled, or null when it may run. Weights first: that is the rule managers meet most. */
  buildBlocker(): Msg | null {
    const s = this.core.state;
    if (!s.dataSheet) return STRINGS.blockedSheet;
    if (!this.data.monthValid()) return STRINGS.blockedMonth;
    if (!weightsComplete(s.draft)) return fill(STRINGS.blockedWeights, { total: weightTotal(s.draft) });
    if (this.templates.issues().length > 0) return STRINGS.blockedIssues;
    return null;
  }

  /**
   * Build: analyse → validate → build, each its own server call, with progress between them.
   * `choices` carry what the manager chose after a refusal: apply a changed template, or build
   * the items without data as 无数据.
   */
  build(choices: { confirmTemplateChange?: boolean; buildWithout?: string[] } = {}): Promise<void> {
    return this.core.busy(async () => {
      const s = this.core.state;
      if (this.buildBlocker()) return;
      s.steps = { analyse: 'running', validate: 'pending', build: 'pending' };
      s.built = null;
      s.buildNotice = null;
      s.refusal = null;
      this.lastChoices = choices;
      const progress = (step: StepName, status: StepStatus) => {
        s.steps![step] = status;
        this.core.render('build');
      };
      this.core.render('build');
      const analysis = await this.data.runAnalysis();
      this.core.render('data');
      if (!analysis) {
        progress('analyse', 'failed');
        s.buildNotice = s.dataNotice?.kind === 'error' ? s.dataNotice : null;
        return;
      }
      progress('analyse', 'done');
      progress('validate', 'running');
      if (!(await this.templates.validateOnServer())) {
        progress('validate', 'failed');
        s.buildNotice = { kind: 'error', msg: STRINGS.blockedIssues, details: s.serverIssues };
        return;
      }
      progress('validate', 'done');
      progress('build', 'running');
      const mapping = Object.keys(s.mapping).length > 0 ? { ...s.mapping } : undefined;
      const template = this.templates.template();
      const reply = await this.core.call('kk_buildAppraisal', { sheetName: s.dataSheet!, month: s.month, template, ...(mapping ? { mapping } : {}), ...choices });
      if (!reply.ok) {
        progress('build', 'failed');
        s.buildNotice = { kind: 'error', msg: reply.error, details: reply.details };
        s.refusal = reply.refusal ?? null;
        return;
      }
      s.built = reply.value;
      if (!s.server.sheets.includes(reply.value.sheetName)) s.server.sheets.push(reply.value.sheetName);
      progress('build', 'done');
    });
  }

  /** After a template-change refusal: go back to the tab's own template (when on record). */
  keepTabTemplate(): void {
    const s = this.core.state;
    if (s.refusal?.kind !== 'template-change' || !s.refusal.tabTemplate) return;
    s.draft = draftFromTemplate(s.refusal.tabTemplate);
    s.templateSource = tabSource(s.month);
    s.refusal = null;
    s.buildNotice = null;
    s.steps = null;
    this.core.render('template');
    this.core.render('build');
  }

  /** After a no-data refusal: remove those items from the draft (the weights then need sharing out). */
  removeNoDataItems(): void {
    const s = this.core.state;
    if (s.refusal?.kind !== 'no-data') return;
    const items = s.refusal.items;
    this.templates.removeItems(items.map((i) => i.metric));
    s.templateNotice = { kind: 'info', msg: fill(STRINGS.removedNoDataItems, { n: items.length, weight: items.reduce((n, i) => n + i.weight, 0) }) };
    s.refusal = null;
    s.buildNotice = null;
    s.steps = null;
    this.core.render('template');
    this.core.render('build');
    document.getElementById('weight-total')?.scrollIntoView({ block: 'center' });
  }

  /** After a no-data refusal: jump to the column mapping, focusing its first select. */
  goToMapping(): void {
    const first = document.querySelector<HTMLSelectElement>('.section-data select[id^="column-"]');
    first?.scrollIntoView({ block: 'center' });
    first?.focus();
  }

  openSheet(name: string): Promise<void> {
    return this.core.busy(async () => {
      const reply = await this.core.call('kk_selectSheet', { name });
      this.core.state.buildNotice = reply.ok ? null : { kind: 'error', msg: reply.error, details: reply.details };
    });
  }

  prepareForOwner(): Promise<void> {
    return this.core.busy(async () => {
      const s = this.core.state;
      const reply = await this.core.call('kk_prepareForOwner', { month: s.month });
      s.buildNotice = reply.ok
        ? { kind: 'info', msg: fill(STRINGS.preparedOwner, { sheet: reply.value.sheetName }), details: issueMessages(reply.value.manualIssues ?? []) }
        : { kind: 'error', msg: reply.error, details: reply.details };
    });
  }
}
