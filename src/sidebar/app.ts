/**
 * The sidebar's shell: loads the state, draws the header and the three sections, and runs actions
 * with the busy flag up. The sections receive what they need (`SectionView` and their own actions);
 * nothing imports this file back. Every server call goes through the injected `CallServer`.
 */
import { pick, UserError, type Locale } from '../i18n';
import type { Msg } from '../i18n';
import { BuildActions } from './build-actions';
import { renderBuildSection } from './build-section';
import { DataActions } from './data-actions';
import { renderDataSection } from './data-section';
import { h, replaceChildren } from './dom';
import { renderNotice, type Notice } from './notice-view';
import type { CallServer } from './server';
import { initialState, SECTIONS, type AppState, type SectionName } from './state';
import { fill, STRINGS, type StringKey } from './strings';
import { TemplateActions } from './template-actions';
import { renderTemplateSection } from './template-section';
import type { Core } from './view';

export class App implements Core {
  state!: AppState;
  readonly data: DataActions;
  readonly templates: TemplateActions;
  readonly builds: BuildActions;
  private readonly sections = new Map<SectionName, HTMLElement>();
  /** Per section: updates its live parts (totals, messages, the build button) without rebuilding inputs. */
  private readonly live = new Map<SectionName, () => void>();
  private readonly header = h('header', { className: 'app-header' });
  private readonly statusLine = h('p', { className: 'status', attrs: { role: 'status', 'aria-live': 'polite' } });
  private readonly appNotice = h('div', { className: 'app-notice' });

  constructor(private readonly root: HTMLElement, readonly call: CallServer) {
    this.data = new DataActions(this);
    this.templates = new TemplateActions(this);
    this.builds = new BuildActions(this, this.data, this.templates);
    // Choosing a month whose tab exists loads the template that tab was built with.
    this.data.monthChosen = (month) => this.busy(async () => {
      await this.templates.loadMonthTemplate(month);
      this.state.refusal = null;
    });
  }

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
    this.state = initialState(reply.value);
    for (const name of SECTIONS) this.sections.set(name, h('section', { className: `section section-${name}` }));
    replaceChildren(this.root, this.header, this.statusLine, this.appNotice, ...this.sections.values());
    this.renderAll();
    // The manager opened the sidebar on their data: show what was recognised without a click.
    if (this.state.dataSheet) await this.data.analyse();
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
    replaceChildren(section, this.view(name));
    this.refreshLive();
    if (focused) document.getElementById(focused)?.focus();
  }

  private view(name: SectionName): HTMLElement {
    switch (name) {
      case 'data': return renderDataSection(this, this.data);
      case 'template': return renderTemplateSection(this, this.templates);
      case 'build': return renderBuildSection(this, this.builds);
    }
  }

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

  showAppNotice(notice: Notice | null): void {
    replaceChildren(this.appNotice, notice ? renderNotice(notice, (m) => pick(m, this.state?.locale ?? 'zh')) : null);
  }

  // ---- running actions --------------------------------------------------------------------

  async busy(action: () => Promise<void>): Promise<void> {
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
}
