/**
 * The playground page's script: the in-memory spreadsheet as tabs of HTML tables (text only,
 * via `textContent`), cells editable like Sheets (click, type, Enter),
 * refreshed whenever the sidebar's iframe reports a server call.
 */
import type { BookView, SheetView, TypedCell } from './view';

const grid = document.getElementById('grid')!;
const tabs = document.getElementById('tabs')!;
const status = document.getElementById('book-status')!;

let book: BookView | null = null;
let shown = '';
let lastActive = '';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** `1 → A`, `27 → AA`. */
function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

async function load(): Promise<void> {
  const response = await fetch('/api/book');
  show((await response.json()) as BookView);
}

function show(next: BookView): void {
  book = next;
  // Follow the spreadsheet's active tab when it changes (e.g. after a build or "open sheet").
  if (next.active !== lastActive || !next.sheets.some((s) => s.name === shown)) shown = next.active;
  lastActive = next.active;
  render();
}

function render(): void {
  if (!book) return;
  tabs.replaceChildren(...book.sheets.map((sheet) => {
    const b = el('button', sheet.name);
    b.type = 'button';
    b.setAttribute('role', 'tab');
    b.setAttribute('aria-selected', String(sheet.name === shown));
    b.addEventListener('click', () => { shown = sheet.name; render(); });
    return b;
  }));
  const sheet = book.sheets.find((s) => s.name === shown);
  grid.replaceChildren(sheet ? table(sheet) : el('p', '(empty book)'));
  grid.setAttribute('aria-label', shown);
}

function table(sheet: SheetView): HTMLTableElement {
  const t = el('table');
  t.dataset.sheet = sheet.name;
  const width = sheet.cells.reduce((w, r) => Math.max(w, r.length), 0);
  const head = el('tr');
  head.append(el('th'));
  for (let c = 1; c <= width; c++) head.append(el('th', columnLetters(c)));
  t.append(el('thead'));
  t.tHead!.append(head);
  const body = el('tbody');
  sheet.cells.forEach((_row, r) => {
    const tr = el('tr');
    const rowHead = el('th', String(r + 1));
    rowHead.className = 'row-head';
    tr.append(rowHead);
    for (let c = 0; c < width; c++) tr.append(cell(sheet, r, c));
    body.append(tr);
  });
  t.append(body);
  return t;
}

function cell(sheet: SheetView, r: number, c: number): HTMLTableCellElement {
  const td = el('td', sheet.cells[r]?.[c] ?? '');
  td.dataset.row = String(r + 1);
  td.dataset.col = String(c + 1);
  const classes = [sheet.numeric[r]?.[c] ? 'number' : '', sheet.bold[r]?.[c] ? 'bold' : '', sheet.editable ? 'editable' : ''];
  td.className = classes.filter(Boolean).join(' ');
  const background = sheet.backgrounds[r]?.[c];
  if (background) td.style.backgroundColor = background;
  const note = sheet.notes[r]?.[c];
  if (note) td.title = note;
  if (sheet.editable) {
    td.tabIndex = 0;
    td.addEventListener('click', () => edit(td, sheet.name, r + 1, c + 1));
    td.addEventListener('keydown', (e) => { if (e.key === 'Enter') edit(td, sheet.name, r + 1, c + 1); });
  }
  return td;
}

/** Swaps the cell for an input; Enter (or leaving the cell) types the text into the spreadsheet, Escape cancels. */
function edit(td: HTMLTableCellElement, sheet: string, row: number, column: number): void {
  if (td.querySelector('input')) return;
  const input = el('input');
  input.value = td.textContent ?? '';
  input.setAttribute('aria-label', `${sheet}!${columnLetters(column)}${row}`);
  let done = false;
  const finish = (commit: boolean) => {
    if (done) return;
    done = true;
    if (commit) void type({ sheet, row, column, text: input.value });
    else render();
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); finish(true); }
    if (e.key === 'Escape') finish(false);
  });
  input.addEventListener('blur', () => finish(true));
  td.replaceChildren(input);
  input.focus();
  input.select();
}

async function type(typed: TypedCell): Promise<void> {
  status.textContent = '…';
  const response = await fetch('/api/cell', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(typed) });
  const body = (await response.json()) as BookView | { error: string };
  if ('error' in body) {
    status.textContent = body.error;
    render();
    return;
  }
  status.textContent = '';
  show(body);
}

// The sidebar's shim posts this after every server call: the spreadsheet may have changed.
window.addEventListener('message', (event) => {
  if (event.origin === location.origin && (event.data as { kind?: string } | null)?.kind === 'kk-refresh') void load();
});

void load();
