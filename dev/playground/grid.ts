/**
 * The playground page's script: the in-memory spreadsheet as tabs of HTML tables (text only,
 * via `textContent`), cells editable like Sheets (click, type, Enter), hidden rows not drawn and
 * frozen rows and columns sticky, as Sheets shows them. Columns are drawn as Sheets draws them: at
 * their set width or 100 px whatever their content; text wraps where its cell wraps (the row grows),
 * else runs on into empty cells to its right and is clipped by the first full one; refreshed whenever the sidebar's iframe
 * reports a server call. `?owner=1` (or the 店主视图 button) hides the sidebar: the shop owner
 * opens the shared tab without the add-on.
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
    b.addEventListener('click', () => {
      if (shown !== sheet.name) grid.scrollTo(0, 0);
      shown = sheet.name;
      render();
    });
    return b;
  }));
  const sheet = book.sheets.find((s) => s.name === shown);
  const t = sheet ? table(sheet) : null;
  grid.replaceChildren(t ?? el('p', '(empty book)'));
  grid.setAttribute('aria-label', shown);
  if (t && sheet) freeze(t, sheet);
}

/**
 * Frozen rows stick under the column letters and frozen columns beside the row numbers, each at the
 * height (width) of what is frozen before it; a grey edge marks where the frozen part ends, as in Sheets.
 */
function freeze(t: HTMLTableElement, sheet: SheetView): void {
  const body = t.tBodies[0]!;
  let top = t.tHead!.getBoundingClientRect().height;
  let lastFrozen: HTMLTableRowElement | null = null;
  for (let r = 0; r < Math.min(sheet.frozenRows, body.rows.length); r++) {
    const tr = body.rows[r]!;
    if (tr.hidden) continue;
    for (const c of Array.from(tr.cells)) {
      // inline, over `td[title] { position: relative }` (the note marker)
      c.style.position = 'sticky';
      c.style.top = `${top}px`;
      c.classList.add('frozen-row');
    }
    top += tr.getBoundingClientRect().height;
    lastFrozen = tr;
  }
  lastFrozen?.classList.add('frozen-edge');
  const rows = [t.tHead!.rows[0]!, ...Array.from(body.rows)];
  let left = rows[0]!.cells[0]!.getBoundingClientRect().width;
  for (let c = 1; c <= sheet.frozenColumns; c++) {
    const width = rows[0]!.cells[c]?.getBoundingClientRect().width ?? 0;
    for (const tr of rows) {
      const cell = tr.cells[c];
      if (!cell) continue;
      cell.style.position = 'sticky';
      cell.style.left = `${left}px`;
      cell.classList.add('frozen-column');
      if (c === sheet.frozenColumns) cell.classList.add('frozen-column-edge');
    }
    left += width;
  }
}

/** Sheets' row numbers column. */
const ROW_HEAD_WIDTH = 46;
/** A cell's padding, left and right (page.html). */
const CELL_PADDING = 6;

function table(sheet: SheetView): HTMLTableElement {
  const t = el('table');
  t.dataset.sheet = sheet.name;
  const width = sheet.cells.reduce((w, r) => Math.max(w, r.length), 0);
  const widths = Array.from({ length: width }, (_, c) => sheet.columnWidths[c] ?? 100);
  // Fixed layout: a column is as wide as set, never as its content.
  const columns = el('colgroup');
  for (const px of [ROW_HEAD_WIDTH, ...widths]) {
    const col = el('col');
    col.style.width = `${px}px`;
    columns.append(col);
  }
  t.append(columns);
  t.style.width = `${widths.reduce((a, b) => a + b, ROW_HEAD_WIDTH)}px`;
  const head = el('tr');
  head.append(el('th'));
  for (let c = 1; c <= width; c++) head.append(el('th', columnLetters(c)));
  t.append(el('thead'));
  t.tHead!.append(head);
  const body = el('tbody');
  const hidden = new Set(sheet.hiddenRows);
  sheet.cells.forEach((_row, r) => {
    const tr = el('tr');
    // Hidden rows stay in the table (cells keep their row numbers) but are not drawn; the row after them
    // is marked, as Sheets marks hidden rows between two row numbers.
    tr.hidden = hidden.has(r + 1);
    const rowHead = el('th', String(r + 1));
    rowHead.className = hidden.has(r) && !tr.hidden ? 'row-head below-hidden' : 'row-head';
    if (rowHead.classList.contains('below-hidden')) rowHead.title = `${hiddenRunBefore(hidden, r)} hidden`;
    tr.append(rowHead);
    for (let c = 0; c < width; c++) tr.append(cell(sheet, r, c, widths));
    body.append(tr);
  });
  t.append(body);
  return t;
}

/** `4–15`: the hidden rows right above row r + 1. */
function hiddenRunBefore(hidden: Set<number>, r: number): string {
  let first = r;
  while (hidden.has(first - 1)) first--;
  return first === r ? `row ${r}` : `rows ${first}–${r}`;
}

/**
 * How far a cell's text may run to the right, as in Sheets: over the empty cells after it, up to the
 * first full one. Only left-aligned text that neither wraps nor is a number runs on; null when it fits.
 */
function runOn(sheet: SheetView, r: number, c: number, widths: readonly number[]): number | null {
  const row = sheet.cells[r] ?? [];
  if (!row[c] || sheet.numeric[r]?.[c] || sheet.wraps[r]?.[c]) return null;
  let px = widths[c]!;
  for (let n = c + 1; n < widths.length && (row[n] ?? '') === ''; n++) px += widths[n]!;
  return px > widths[c]! ? px : null;
}

function cell(sheet: SheetView, r: number, c: number, widths: readonly number[]): HTMLTableCellElement {
  const text = sheet.cells[r]?.[c] ?? '';
  const td = el('td');
  const reach = runOn(sheet, r, c, widths);
  if (reach === null) td.textContent = text;
  else {
    // The text runs on over the empty cells, clipped where they end.
    const span = el('span', text);
    span.style.width = `${reach - CELL_PADDING}px`;
    td.append(span);
  }
  td.dataset.row = String(r + 1);
  td.dataset.col = String(c + 1);
  const classes = [
    sheet.numeric[r]?.[c] ? 'number' : '', sheet.bold[r]?.[c] ? 'bold' : '', sheet.editable ? 'editable' : '',
    sheet.wraps[r]?.[c] ? 'wrap' : '', reach === null ? '' : 'run-on',
  ];
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

/** The owner's view: no sidebar (the owner opens the shared tab without the add-on). */
const ownerButton = document.getElementById('owner-view') as HTMLButtonElement | null;
function setOwnerView(on: boolean): void {
  document.body.classList.toggle('owner', on);
  // Another person's screen: the owner opens the tab at its top left.
  grid.scrollTo(0, 0);
  ownerButton?.setAttribute('aria-pressed', String(on));
  render();
}
ownerButton?.addEventListener('click', () => setOwnerView(!document.body.classList.contains('owner')));
if (new URLSearchParams(location.search).get('owner') === '1') setOwnerView(true);

// The sidebar's shim posts this after every server call: the spreadsheet may have changed.
window.addEventListener('message', (event) => {
  if (event.origin === location.origin && (event.data as { kind?: string } | null)?.kind === 'kk-refresh') void load();
});

void load();
