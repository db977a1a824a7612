/**
 * Section 2, the template: start from a preset or a saved template, edit the items (metric,
 * weight, scoring method and its parameters; manual items), grade bands and bonus base. The
 * weight total and every validation message update as the manager types; messages sit next to
 * the field they concern.
 */
import type { Msg } from '../i18n';
import { SCORING_METHODS, type ScoringMethod } from '../metrics/scoring';
import type { TemplateActions } from './template-actions';
import { filePicker, h, option, type Child } from './dom';
import { IssueSlots } from './issues-view';
import { renderNotice } from './notice-view';
import { METHOD_NAMES } from './strings';
import {
  fieldsOf, newGrade, newManualItem, newMetricItem, newTier,
  type GradeDraft, type ItemDraft, type ManualItemDraft, type MetricItemDraft,
} from './template-draft';
import { WEIGHT_TOTAL } from './template-check';
import type { SectionView } from './view';

interface FieldOptions {
  id: string;
  label: string;
  value: string;
  /** The issue path whose messages show under this field. */
  path: string;
  numeric?: boolean;
  /** Visually hidden label (rows of a table-like block, whose columns are titled once). */
  hiddenLabel?: boolean;
  onInput: (value: string) => void;
}

export function renderTemplateSection(app: SectionView, actions: TemplateActions): HTMLElement {
  const s = app.state;
  const slots = new IssueSlots();

  /** A labelled text input whose messages sit right below it. */
  const field = (o: FieldOptions): HTMLElement => {
    const input = h('input', {
      id: o.id, type: 'text', value: o.value, disabled: s.busy,
      attrs: o.numeric ? { inputmode: 'decimal', autocomplete: 'off' } : { autocomplete: 'off' },
      on: { input: () => { o.onInput(input.value); actions.draftEdited(); } },
    });
    return h('div', { className: 'field' },
      h('label', { htmlFor: o.id, text: o.label, className: o.hiddenLabel ? 'visually-hidden' : undefined }),
      input,
      slots.slot(o.path, input));
  };

  const draft = s.draft;
  const weightTotal = h('p', { id: 'weight-total', className: 'weight-total', attrs: { 'aria-live': 'polite' } });
  const serverIssues = h('div', { className: 'server-issues' });

  app.setLive('template', () => {
    const total = actions.weightTotal();
    weightTotal.textContent = app.t('weightTotal', { total });
    weightTotal.classList.toggle('complete', Math.abs(total - WEIGHT_TOTAL) < 1e-9);
    slots.show([...actions.issues(), ...actions.coverageIssues()], s.locale);
  });

  if (s.serverIssues.length > 0) {
    serverIssues.append(renderNotice({ kind: 'error', msg: s.serverIssues[0]!, details: s.serverIssues.slice(1) }, (m) => app.text(m)));
  }

  return h('div', {},
    h('h2', { text: app.t('templateTitle') }),
    renderSourcePicker(app, actions),
    field({ id: 'template-name', label: app.t('templateName'), value: draft.name, path: 'name', onInput: (v) => { draft.name = v; } }),
    h('h3', { text: app.t('itemsTitle') }),
    slots.slot(''),
    ...draft.items.map((item, i) => renderItem(app, actions, item, i, field, slots)),
    h('div', { className: 'actions' },
      h('button', {
        type: 'button', id: 'add-metric-item', text: app.t('addMetricItem'), disabled: s.busy,
        on: { click: () => { draft.items.push(newMetricItem(firstUnusedMetric(app))); actions.draftReshaped(); } },
      }),
      h('button', {
        type: 'button', id: 'add-manual-item', text: app.t('addManualItem'), disabled: s.busy,
        on: { click: () => { draft.items.push(newManualItem(app.t('newManualName'))); actions.draftReshaped(); } },
      })),
    weightTotal,
    slots.slot('weights'),
    h('h3', { text: app.t('gradesTitle') }),
    renderGrades(app, actions, field, slots),
    field({ id: 'bonus-base', label: app.t('bonusBase'), value: draft.bonusBase, path: 'bonusBase', numeric: true, onInput: (v) => { draft.bonusBase = v; } }),
    serverIssues,
    s.templateNotice ? renderNotice(s.templateNotice, (m) => app.text(m)) : null,
    renderTemplateActions(app, actions),
  );
}

type Field = (o: FieldOptions) => HTMLElement;

function renderSourcePicker(app: SectionView, actions: TemplateActions): HTMLElement {
  const s = app.state;
  const select = h('select', {
    id: 'template-source', disabled: s.busy,
    on: { change: () => { actions.setTemplateSource(select.value); deleteButton.disabled = s.busy || !select.value.startsWith('saved:'); } },
  },
  s.templateSource.startsWith('tab:')
    ? option(s.templateSource, app.t('tabTemplateOption', { sheet: `考核 ${s.templateSource.slice(4)}` }), true)
    : null,
  h('optgroup', { attrs: { label: app.t('presetsGroup') } },
    ...s.server.presets.map((p) => option(`preset:${p.id}`, app.text(p.name), s.templateSource === `preset:${p.id}`))),
  s.server.savedTemplates.length > 0
    ? h('optgroup', { attrs: { label: app.t('savedGroup') } },
      ...s.server.savedTemplates.map((name) => option(`saved:${name}`, name, s.templateSource === `saved:${name}`)))
    : null);
  const deleteButton = h('button', {
    type: 'button', id: 'delete-template', text: app.t('deleteSaved'), disabled: s.busy || !s.templateSource.startsWith('saved:'),
    on: { click: () => void actions.deleteSavedTemplate() },
  });
  return h('div', { className: 'field' },
    h('label', { htmlFor: 'template-source', text: app.t('templateSource') }),
    select,
    h('div', { className: 'actions' },
      h('button', { type: 'button', id: 'load-template', text: app.t('load'), disabled: s.busy, on: { click: () => void actions.loadTemplateSource() } }),
      deleteButton));
}

/** The first catalogue metric the template does not use yet (a new item starts there). */
function firstUnusedMetric(app: SectionView): string {
  const used = new Set(app.state.draft.items.map((i) => (i.kind === 'metric' ? i.metric : '')));
  const metrics = app.state.server.metrics;
  return (metrics.find((m) => !used.has(m.id)) ?? metrics[0])?.id ?? '';
}

function renderItem(app: SectionView, actions: TemplateActions, item: ItemDraft, index: number, field: Field, slots: IssueSlots): HTMLElement {
  const s = app.state;
  const n = index + 1;
  const base = `item-${item.key}`;
  const path = `items.${item.key}`;
  const remove = h('button', {
    type: 'button', id: `${base}-remove`, className: 'remove', text: app.t('removeItem', { n }), disabled: s.busy,
    on: { click: () => { s.draft.items.splice(s.draft.items.indexOf(item), 1); actions.draftReshaped(); } },
  });
  const kind = item.kind === 'metric' ? app.t('metricItem') : app.t('manualItem');
  const weight = field({
    id: `${base}-weight`, label: app.t('weight'), value: item.weight, path: `${path}.weight`, numeric: true,
    onInput: (v) => { item.weight = v; },
  });
  const body: Child[] = item.kind === 'metric'
    ? renderMetricFields(app, actions, item, base, path, weight, field, slots)
    : renderManualFields(app, item, base, path, weight, field);
  return h('fieldset', { className: 'item', id: base },
    h('legend', { text: `${app.t('itemLegend', { n })} · ${kind}` }),
    ...body,
    slots.slot(path),
    remove);
}

function renderManualFields(app: SectionView, item: ManualItemDraft, base: string, path: string, weight: HTMLElement, field: Field): Child[] {
  return [
    field({ id: `${base}-name`, label: app.t('manualName'), value: item.name, path: `${path}.name`, onInput: (v) => { item.name = v; } }),
    h('div', { className: 'row' },
      weight,
      field({ id: `${base}-max`, label: app.t('manualMax'), value: item.max, path: `${path}.max`, numeric: true, onInput: (v) => { item.max = v; } })),
  ];
}

function renderMetricFields(
  app: SectionView, actions: TemplateActions, item: MetricItemDraft, base: string, path: string, weight: HTMLElement, field: Field, slots: IssueSlots,
): Child[] {
  const s = app.state;
  const known = s.server.metrics.some((m) => m.id === item.metric);
  const metricSelect = h('select', {
    id: `${base}-metric`, disabled: s.busy,
    on: { change: () => { item.metric = metricSelect.value; actions.draftReshaped(); } },
  },
  // An unknown id (from an imported file) stays visible so the manager sees what to replace.
  known ? null : option(item.metric, item.metric, true),
  ...s.server.metrics.map((m) => option(m.id, app.text(m), m.id === item.metric)));
  const methodSelect = h('select', {
    id: `${base}-method`, disabled: s.busy,
    on: { change: () => { item.method = methodSelect.value as ScoringMethod; actions.draftReshaped(); } },
  }, ...SCORING_METHODS.map((m) => option(m, app.text(METHOD_NAMES[m]), m === item.method)));
  const missing = s.analysis !== null && known && !s.analysis.availableMetrics.includes(item.metric);
  const used = fieldsOf(item.method);
  const number = (name: 'floor' | 'target' | 'cap' | 'points', label: Msg | string) =>
    field({
      id: `${base}-${name}`, label: typeof label === 'string' ? label : app.text(label), value: item[name], path: `${path}.${name}`, numeric: true,
      onInput: (v) => { item[name] = v; },
    });
  return [
    h('div', { className: 'field' },
      h('label', { htmlFor: metricSelect.id, text: app.t('metric') }),
      metricSelect,
      missing ? h('p', { className: 'hint', text: app.t('metricNotInData') }) : null,
      slots.slot(`${path}.metric`, metricSelect)),
    h('div', { className: 'row' },
      weight,
      h('div', { className: 'field' }, h('label', { htmlFor: methodSelect.id, text: app.t('method') }), methodSelect)),
    used.floor || used.target ? h('div', { className: 'row' }, used.floor ? number('floor', app.t('floor')) : null, used.target ? number('target', app.t('target')) : null) : null,
    used.cap ? number('cap', app.t('cap')) : null,
    used.points ? number('points', app.t('points')) : null,
    used.tiers ? renderTiers(app, actions, item, base, path, field, slots) : null,
  ];
}

function renderTiers(app: SectionView, actions: TemplateActions, item: MetricItemDraft, base: string, path: string, field: Field, slots: IssueSlots): HTMLElement {
  const s = app.state;
  return h('div', { className: 'tiers' },
    h('h4', { text: app.t('tiersTitle') }),
    ...item.tiers.map((tier, i) => h('div', { className: 'tier' },
      h('div', { className: 'row' },
        field({
          id: `${base}-tier-${i}-threshold`, label: app.t('tierThreshold', { n: i + 1 }), value: tier.threshold,
          path: `${path}.tiers.${i}.threshold`, numeric: true, onInput: (v) => { tier.threshold = v; },
        }),
        field({
          id: `${base}-tier-${i}-score`, label: app.t('tierScore', { n: i + 1 }), value: tier.score,
          path: `${path}.tiers.${i}.score`, numeric: true, onInput: (v) => { tier.score = v; },
        }),
        smallRemove(app, `${base}-tier-${i}-remove`, app.t('removeTier', { n: i + 1 }), () => { item.tiers.splice(i, 1); actions.draftReshaped(); })),
      slots.slot(`${path}.tiers.${i}`))),
    h('button', {
      type: 'button', id: `${base}-add-tier`, text: app.t('addTier'), disabled: s.busy,
      on: { click: () => { item.tiers.push(newTier()); actions.draftReshaped(); } },
    }),
    slots.slot(`${path}.tiers`));
}

function renderGrades(app: SectionView, actions: TemplateActions, field: Field, slots: IssueSlots): HTMLElement {
  const s = app.state;
  const grades = s.draft.grades;
  const cell = (g: GradeDraft, i: number, name: 'grade' | 'min' | 'coefficient', title: string) =>
    field({
      id: `grade-${g.key}-${name}`, label: app.t('gradeLabel', { n: i + 1, field: title }), value: g[name],
      path: `grades.${g.key}.${name}`, numeric: name !== 'grade', hiddenLabel: true, onInput: (v) => { g[name] = v; },
    });
  return h('div', { className: 'grades' },
    h('div', { className: 'grade-row grade-head', attrs: { 'aria-hidden': 'true' } },
      h('span', { text: app.t('gradeName') }), h('span', { text: app.t('gradeMin') }), h('span', { text: app.t('gradeCoefficient') }), h('span')),
    ...grades.map((g, i) => h('div', { className: 'grade-row' },
      cell(g, i, 'grade', app.t('gradeName')),
      cell(g, i, 'min', app.t('gradeMin')),
      cell(g, i, 'coefficient', app.t('gradeCoefficient')),
      smallRemove(app, `grade-${g.key}-remove`, app.t('removeGrade', { n: i + 1 }), () => { grades.splice(grades.indexOf(g), 1); actions.draftReshaped(); }))),
    h('button', {
      type: 'button', id: 'add-grade', text: app.t('addGrade'), disabled: s.busy,
      on: { click: () => { grades.push(newGrade()); actions.draftReshaped(); } },
    }),
    slots.slot('grades'));
}

/** A short "Remove" button for a row; its accessible name says which row (and contains the visible word). */
function smallRemove(app: SectionView, id: string, name: string, onClick: () => void): HTMLButtonElement {
  return h('button', {
    type: 'button', id, className: 'remove small', text: app.t('remove'), disabled: app.state.busy,
    attrs: { 'aria-label': name, title: name },
    on: { click: onClick },
  });
}

function renderTemplateActions(app: SectionView, actions: TemplateActions): HTMLElement {
  const s = app.state;
  const jsonInput = filePicker('import-template', '.json,application/json', s.busy, (file) => void actions.importTemplate(file));
  return h('div', {},
    h('div', { className: 'actions' },
      h('button', { type: 'button', id: 'check-template', text: app.t('checkTemplate'), disabled: s.busy, on: { click: () => void actions.checkTemplate() } }),
      h('button', { type: 'button', id: 'save-template', text: app.t('saveTemplate'), disabled: s.busy, on: { click: () => void actions.saveTemplate() } }),
      h('button', { type: 'button', id: 'export-template', text: app.t('exportJson'), disabled: s.busy, on: { click: () => actions.exportTemplate() } })),
    h('div', { className: 'field' }, h('label', { htmlFor: 'import-template', text: app.t('importJson') }), jsonInput));
}
