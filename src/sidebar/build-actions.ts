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
      const template = this.templates.template();
      const sources = await this.data.sources();
      if (!sources) {
        progress('build', 'failed');
        s.buildNotice = s.dataNotice;
        return;
      }
      const people = this.data.people.inUse();
      const single = sources.length === 1 && !people;
      const reply = await this.core.call('kk_buildAppraisal', single
        ? { sheetName: s.dataSheet!, month: s.month, template, locale: s.server.documentLocale, ...(sources[0]!.mapping ? { mapping: sources[0]!.mapping } : {}), ...choices }
        : { sheetName: s.dataSheet!, month: s.month, template, locale: s.server.documentLocale, sources, people, ...choices });
      if (!reply.ok) {
        progress('build', 'failed');
        s.buildNotice = { kind: 'error', msg: reply.error, details: reply.details };
        s.refusal = reply.refusal ?? null;
        return;
      }
      s.built = reply.value;
      s.server.remembered = { template, month: s.month };
      if (!s.server.sheets.includes(reply.value.sheetName)) s.server.sheets.push(reply.value.sheetName);
      progress('build', 'done');
      await this.writeReports();
    });
  }

  /** The month's 绩效单 and 趋势 tabs, from the appraisal tabs as they are now. */
  private async writeReports(): Promise<void> {
    const s = this.core.state;
    s.reports = null;
    const reply = await this.core.call('kk_buildReports', { month: s.month });
    if (!reply.ok) {
      s.buildNotice = { kind: 'error', msg: reply.error, details: reply.details };
      return;
    }
    s.reports = reply.value;
    for (const name of [reply.value.reportCard, reply.value.trend]) if (name && !s.server.sheets.includes(name)) s.server.sheets.push(name);
    if (reply.value.warnings.length) s.buildNotice = { kind: 'error', msg: reply.value.warnings[0]!, details: reply.value.warnings.slice(1) };
  }

  refreshReports(): Promise<void> {
    return this.core.busy(async () => {
      this.core.state.buildNotice = null;
      await this.writeReports();
      const r = this.core.state.reports;
      if (r?.reportCard) this.core.state.buildNotice = { kind: 'info', msg: fill(STRINGS.reportsDone, { card: r.reportCard, trend: r.trend ?? '' }) };
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

  /** Sorts, hides the parameters, freezes the header and protects; the 绩效单 and 趋势 follow rows the sort moved. */
  prepareForOwner(): Promise<void> {
    return this.core.busy(async () => {
      const s = this.core.state;
      const reply = await this.core.call('kk_prepareForOwner', { month: s.month });
      if (!reply.ok) {
        s.buildNotice = { kind: 'error', msg: reply.error, details: reply.details };
        return;
      }
      const done = reply.value;
      const details: Msg[] = [
        done.sorted ? STRINGS.preparedSorted : STRINGS.preparedInOrder,
        done.hiddenRows ? fill(STRINGS.preparedHidden, { first: done.hiddenRows[0], last: done.hiddenRows[1] }) : done.notHidden!,
        fill(STRINGS.preparedFrozen, { n: done.frozenRows }),
      ];
      // The 趋势 tab points at each agent's row: after a sort it would show ⚠需刷新 until refreshed.
      if (done.sorted) {
        s.buildNotice = null;
        await this.writeReports();
        const r = s.reports;
        if (s.buildNotice) return;
        if (r?.reportCard && r.trend) details.push(fill(STRINGS.preparedReports, { card: r.reportCard, trend: r.trend }));
      }
      s.buildNotice = { kind: 'info', msg: fill(STRINGS.preparedOwner, { sheet: done.sheetName }), details: [...details, ...issueMessages(done.manualIssues ?? [])] };
    });
  }
}
