/** The build section's actions: build (analyse → validate → build), open the tab, prepare it for the owner. */
import { issueMessages } from '../appraisal/manual-check';
import type { Msg } from '../i18n';
import type { StepName, StepStatus } from './build-steps';
import type { DataActions } from './data-actions';
import { fill, STRINGS } from './strings';
import { weightsComplete, weightTotal } from './template-check';
import type { TemplateActions } from './template-actions';
import type { Core } from './view';

export class BuildActions {
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

  /** Build: analyse → validate → build, each its own server call, with progress between them. */
  build(): Promise<void> {
    return this.core.busy(async () => {
      const s = this.core.state;
      if (this.buildBlocker()) return;
      s.steps = { analyse: 'running', validate: 'pending', build: 'pending' };
      s.built = null;
      s.buildNotice = null;
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
      const reply = await this.core.call('kk_buildAppraisal', { sheetName: s.dataSheet!, month: s.month, template, locale: s.server.documentLocale, ...(mapping ? { mapping } : {}) });
      if (!reply.ok) {
        progress('build', 'failed');
        s.buildNotice = { kind: 'error', msg: reply.error, details: reply.details };
        return;
      }
      s.built = reply.value;
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
