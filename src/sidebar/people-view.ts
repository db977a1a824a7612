/**
 * The month's other data tabs (ticked to be read together) and the person binding table: each
 * account with the person it belongs to, proposed from the data and confirmed by the manager.
 */
import type { DataActions } from './data-actions';
import { h } from './dom';
import { renderNotice } from './notice-view';
import type { PeopleActions } from './people-actions';
import type { SectionView } from './view';

export function renderExtraSheets(app: SectionView, actions: DataActions): HTMLElement | null {
  const s = app.state;
  const others = actions.otherDataSheets();
  if (!s.dataSheet || others.length === 0) return null;
  return h('fieldset', { className: 'extra-sheets', id: 'extra-sheets' },
    h('legend', { text: app.t('extraSheetsTitle') }),
    ...others.map((name, i) => {
      const box = h('input', {
        type: 'checkbox', id: `extra-sheet-${i}`, disabled: s.busy,
        attrs: { 'data-sheet': name },
        on: { change: () => actions.toggleExtraSheet(name, box.checked) },
      });
      box.checked = s.extraSheets.includes(name);
      return h('div', { className: 'check' }, box, h('label', { htmlFor: box.id, text: name }));
    }));
}

export function renderPeople(app: SectionView, people: PeopleActions): HTMLElement | null {
  const s = app.state;
  if (!s.dataSheet) return null;
  return h('div', { className: 'people', id: 'people' },
    h('h3', { text: app.t('peopleTitle') }),
    h('p', { className: 'hint', text: app.t('peopleHelp') }),
    people.inUse() ? h('p', { id: 'people-in-use', text: app.t('peopleInUse') }) : null,
    h('div', { className: 'actions' },
      h('button', { type: 'button', id: 'propose-people', text: app.t('peoplePropose'), disabled: s.busy, on: { click: () => void people.propose() } })),
    s.people ? renderTable(app, people) : null,
    s.peopleNotice ? renderNotice(s.peopleNotice, (m) => app.text(m)) : null,
  );
}

function renderTable(app: SectionView, people: PeopleActions): HTMLElement {
  const s = app.state;
  const input = (i: number, key: 'person' | 'platform', value: string, label: string) => {
    const el = h('input', {
      type: 'text', value, disabled: s.busy, id: `people-${key}-${i}`,
      attrs: { 'aria-label': label, maxlength: '200' },
      on: { input: () => people.edit(i, key, el.value) },
    });
    return el;
  };
  return h('div', {},
    h('table', { className: 'people-table', id: 'people-table' },
      h('thead', {}, h('tr', {},
        h('th', { text: app.t('peopleAccount') }), h('th', { text: app.t('peoplePerson') }), h('th', { text: app.t('peoplePlatform') }))),
      h('tbody', {}, ...(s.people ?? []).map((b, i) => h('tr', { attrs: { 'data-account': b.account } },
        h('td', { className: 'account', text: b.account }),
        h('td', {}, input(i, 'person', b.person, `${b.account} · ${app.t('peoplePerson')}`)),
        h('td', {}, input(i, 'platform', b.platform, `${b.account} · ${app.t('peoplePlatform')}`)))))),
    h('div', { className: 'actions' },
      h('button', { type: 'button', id: 'confirm-people', className: 'primary', text: app.t('peopleConfirm'), disabled: s.busy, on: { click: () => void people.confirm() } })));
}
