/**
 * Section 1, the data: pick the data tab (or import a .csv / .xlsx / .xls), the month, and see how the
 * columns were recognised — header, field, sample values — with a select per column to correct it;
 * then the agents found, the rows skipped and why.
 */
import type { AnalyseReply, ColumnReport } from '../server/api';
import type { DataActions } from './data-actions';
import { filePicker, h, option } from './dom';
import { IssueSlots } from './issues-view';
import { renderNotice } from './notice-view';
import { STRINGS } from './strings';
import type { SectionView } from './view';

export function renderDataSection(app: SectionView, actions: DataActions): HTMLElement {
  const s = app.state;
  const text = (m: { zh: string; en: string }) => app.text(m);
  const sheets = s.server.sheets;

  const sheetSelect = h('select', {
    id: 'data-sheet', disabled: s.busy || sheets.length === 0,
    on: { change: () => void actions.setDataSheet(sheetSelect.value) },
  }, ...(sheets.length === 0 ? [option('', app.t('noSheets'))] : sheets.map((name) => option(name, name, name === s.dataSheet))));

  const monthInput = h('input', {
    id: 'month', type: 'month', value: s.month, disabled: s.busy,
    attrs: { pattern: '\\d{4}-\\d{2}', placeholder: 'YYYY-MM', required: '' },
    on: { input: () => actions.setMonth(monthInput.value), change: () => actions.setMonth(monthInput.value) },
  });
  const slots = new IssueSlots();
  const monthError = slots.slot('month', monthInput);
  app.setLive('data', () => slots.show(actions.monthValid() ? [] : [{ path: 'month', msg: STRINGS.monthInvalid }], s.locale));

  const fileInput = filePicker('import-file', '.csv,.tsv,.txt,.xlsx,.xls', s.busy, (file) => void actions.importFile(file));

  return h('div', {},
    h('h2', { text: app.t('dataTitle') }),
    h('div', { className: 'field' }, h('label', { htmlFor: 'data-sheet', text: app.t('dataSheet') }), sheetSelect),
    h('div', { className: 'field' }, h('label', { htmlFor: 'month', text: app.t('month') }), monthInput, monthError),
    h('div', { className: 'actions' },
      h('button', {
        type: 'button', id: 'analyse', text: app.t('analyse'), disabled: s.busy || !s.dataSheet,
        on: { click: () => void actions.analyse() },
      })),
    h('div', { className: 'field' }, h('label', { htmlFor: 'import-file', text: app.t('importFile') }), fileInput),
    s.dataNotice ? renderNotice(s.dataNotice, text) : null,
    s.analysis ? renderAnalysis(app, actions, s.analysis) : null,
  );
}

function renderAnalysis(app: SectionView, actions: DataActions, analysis: AnalyseReply): HTMLElement {
  const metricName = (id: string) => {
    const m = app.state.server.metrics.find((x) => x.id === id);
    return m ? app.text(m) : id;
  };
  return h('div', { className: 'analysis' },
    h('p', {
      className: 'summary',
      text: app.t('analysisSummary', {
        agents: analysis.agents.length, used: analysis.rowsUsed, skipped: analysis.skipped.length, headerRows: analysis.headerRows,
      }),
    }),
    h('h3', { text: app.t('mappingTitle') }),
    h('ol', { className: 'columns' }, ...analysis.columns.map((c) => renderColumn(app, actions, c))),
    h('h3', { text: app.t('availableTitle') }),
    analysis.availableMetrics.length > 0
      ? h('ul', { className: 'chips' }, ...analysis.availableMetrics.map((id) => h('li', { text: metricName(id) })))
      : h('p', { text: app.t('noneAvailable') }),
    analysis.warnings.length > 0 ? h('h3', { text: app.t('warningsTitle') }) : null,
    analysis.warnings.length > 0 ? h('ul', { className: 'warnings' }, ...analysis.warnings.map((w) => h('li', { text: app.text(w) }))) : null,
    h('h3', { text: app.t('agentsTitle') }),
    h('ul', { className: 'agents', id: 'agents' }, ...analysis.agents.map((a) => h('li', { text: a }))),
    analysis.skipped.length > 0 ? h('h3', { text: app.t('skippedTitle') }) : null,
    analysis.skipped.length > 0
      ? h('ul', { className: 'skipped', id: 'skipped-rows' },
        ...analysis.skipped.map((r) => h('li', {}, h('span', { className: 'row-number', text: app.t('skippedRow', { row: r.row }) }), app.text(r.reason))))
      : null,
  );
}

/** One column: its header as the label of a field select, and its sample values. */
function renderColumn(app: SectionView, actions: DataActions, column: ColumnReport): HTMLElement {
  const s = app.state;
  const id = `column-${column.index}`;
  const header = column.header.trim() === '' ? app.t('headerBlank', { n: column.index + 1 }) : column.header;
  const select = h('select', {
    id, disabled: s.busy,
    on: { change: () => void actions.correctColumn(column.index, select.value) },
  },
  option('', app.t('mappingIgnore'), column.field === null),
  ...s.server.fields.map((f) => option(f.id, app.text(f), f.id === column.field)));
  const samples = column.samples.filter((x) => x !== '');
  return h('li', { className: `column${column.field ? '' : ' column-unused'}` },
    h('label', { htmlFor: id, className: 'column-header', text: header }),
    select,
    h('p', { className: 'samples', text: app.t('samples') + (samples.length > 0 ? samples.join('、') : app.t('noSamples')) }));
}
