/**
 * Section 3, the build: one button (disabled, with the reason beside it, until the weights add up
 * to 100 and the template is clean), progress through analyse → validate → build, then the summary
 * with a button that opens the new tab, and "prepare for the owner".
 */
import { issueMessages } from '../appraisal/manual-check';
import type { BuildReply, Refusal } from '../server/api';
import type { BuildActions } from './build-actions';
import { appraisalTabName, STEPS, type StepName, type StepStatus } from './build-steps';
import { h } from './dom';
import { renderNotice } from './notice-view';
import type { StringKey } from './strings';
import type { SectionView } from './view';

const STEP_LABELS: Record<StepName, StringKey> = { analyse: 'stepAnalyse', validate: 'stepValidate', build: 'stepBuild' };
const STATUS_LABELS: Record<StepStatus, StringKey> = { pending: 'stepPending', running: 'stepRunning', done: 'stepDone', failed: 'stepFailed' };

export function renderBuildSection(app: SectionView, actions: BuildActions): HTMLElement {
  const s = app.state;
  const button = h('button', {
    type: 'button', id: 'build', className: 'primary',
    on: { click: () => void actions.build() },
  });
  const blocker = h('p', { id: 'build-blocker', className: 'blocker', attrs: { 'aria-live': 'polite' } });
  button.setAttribute('aria-describedby', blocker.id);

  app.setLive('build', () => {
    const exists = s.server.sheets.includes(appraisalTabName(s.month));
    button.textContent = app.t(exists ? 'rebuild' : 'build', { month: s.month });
    const reason = app.state.busy ? null : actions.buildBlocker();
    button.disabled = s.busy || reason !== null;
    blocker.textContent = reason ? app.text(reason) : '';
  });

  return h('div', {},
    h('h2', { text: app.t('buildTitle') }),
    h('div', { className: 'actions' }, button),
    blocker,
    s.steps ? renderSteps(app, s.steps) : null,
    s.buildNotice ? renderNotice(s.buildNotice, (m) => app.text(m)) : null,
    s.refusal ? renderWaysOut(app, actions, s.refusal) : null,
    s.built ? renderSummary(app, actions, s.built, s.reports?.reportCard ?? null) : null,
    h('div', { className: 'actions' },
      h('button', {
        type: 'button', id: 'prepare-owner', text: app.t('prepareOwner'),
        disabled: s.busy || !s.server.sheets.includes(appraisalTabName(s.month)),
        on: { click: () => void actions.prepareForOwner() },
      }),
      h('button', {
        type: 'button', id: 'refresh-reports', text: app.t('refreshReports'),
        disabled: s.busy || !s.server.sheets.includes(appraisalTabName(s.month)),
        on: { click: () => void actions.refreshReports() },
      })),
  );
}

/** The choices that resolve a refusal, as buttons under its message (which lists the diff or the items). */
function renderWaysOut(app: SectionView, actions: BuildActions, refusal: Refusal): HTMLElement {
  const button = (id: string, key: StringKey, click: () => void) =>
    h('button', { type: 'button', id, text: app.t(key), disabled: app.state.busy, on: { click } });
  if (refusal.kind === 'template-change') {
    return h('div', { className: 'actions ways-out', id: 'ways-out' },
      button('confirm-template-change', 'confirmTemplateChange', () => void actions.build({ ...actions.lastChoices, confirmTemplateChange: true })),
      refusal.tabTemplate ? button('keep-tab-template', 'keepTabTemplate', () => actions.keepTabTemplate()) : null);
  }
  const metrics = refusal.items.map((i) => i.metric);
  return h('div', { className: 'actions ways-out', id: 'ways-out' },
    button('go-to-mapping', 'goToMapping', () => actions.goToMapping()),
    button('remove-no-data', 'removeNoDataItems', () => actions.removeNoDataItems()),
    button('build-as-no-data', 'buildAsNoData', () => void actions.build({ ...actions.lastChoices, buildWithout: metrics })));
}

function renderSteps(app: SectionView, steps: Record<StepName, StepStatus>): HTMLElement {
  return h('ol', { className: 'steps', id: 'build-steps' },
    ...STEPS.map((step) => h('li', { className: `step step-${steps[step]}`, attrs: { 'data-step': step } },
      h('span', { className: 'step-name', text: app.t(STEP_LABELS[step]) }),
      h('span', { className: 'step-status', text: app.t(STATUS_LABELS[steps[step]]) }))));
}

/** Per agent, manual scores that do not count (their total shows 待修正) and blanks (counted 0). */
function manualList(app: SectionView, built: BuildReply): HTMLElement | null {
  const lines = issueMessages(built.manualIssues ?? []);
  if (lines.length === 0) return null;
  return h('div', {},
    h('h3', { text: app.t('manualIssuesTitle') }),
    h('ul', { className: 'warnings', id: 'build-manual-issues' }, ...lines.map((m) => h('li', { text: app.text(m) }))));
}

function renderSummary(app: SectionView, actions: BuildActions, built: BuildReply, card: string | null): HTMLElement {
  return h('div', { className: 'summary-box', id: 'build-summary', attrs: { role: 'status' } },
    h('h3', { text: app.t(built.rebuilt ? 'rebuiltTitle' : 'builtTitle', { sheet: built.sheetName }) }),
    h('ul', {},
      h('li', { text: app.t('builtAgents', { n: built.agents }) }),
      h('li', { text: app.t('builtSkipped', { n: built.skipped.length }) }),
      h('li', { text: app.t('builtVanished', { n: built.vanished.length }) })),
    built.ownerViewReset ? h('p', { className: 'owner-view-reset', id: 'owner-view-reset', text: app.t('ownerViewReset') }) : null,
    built.vanished.length > 0 ? h('ul', { className: 'vanished' }, ...built.vanished.map((name) => h('li', { text: name }))) : null,
    built.noData.length > 0 ? h('p', { className: 'no-data', id: 'built-no-data', text: app.t('builtNoData', { items: built.noData.map((id) => metricLabel(app, id)).join('、') }) }) : null,
    built.warnings.length > 0 ? h('h3', { text: app.t('warningsTitle') }) : null,
    built.warnings.length > 0 ? h('ul', { className: 'warnings', id: 'build-warnings' }, ...built.warnings.map((w) => h('li', { text: app.text(w) }))) : null,
    manualList(app, built),
    built.suggestions?.length ? h('h3', { text: app.t('suggestionsTitle') }) : null,
    built.suggestions?.length
      ? h('ul', { className: 'warnings', id: 'build-suggestions' }, ...built.suggestions.map((x) => h('li', { text: `${x.sheetName ?? ''}「${x.header}」: ${app.text(x.reason)}` })))
      : null,
    h('button', {
      type: 'button', id: 'open-sheet', text: app.t('openSheet', { sheet: built.sheetName }), disabled: app.state.busy,
      on: { click: () => void actions.openSheet(built.sheetName) },
    }),
    card ? h('button', {
      type: 'button', id: 'open-report-card', text: app.t('openSheet', { sheet: card }), disabled: app.state.busy,
      on: { click: () => void actions.openSheet(card) },
    }) : null);
}

const metricLabel = (app: SectionView, id: string) => {
  const m = app.state.server.metrics.find((x) => x.id === id);
  return m ? app.text(m) : id;
};
