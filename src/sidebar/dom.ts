/**
 * The only way the sidebar makes DOM: `createElement` plus `textContent`. No string is ever
 * parsed as markup anywhere in the sidebar (a test greps for it), so sheet names, headers,
 * samples and agent names (`<img src=x onerror=…>` is a legal 旺旺 nickname) show as text.
 */

export type Child = Node | string | null | undefined | false;

type Handlers = { [E in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[E]) => void };

export interface Props {
  id?: string;
  className?: string;
  /** Text content (never parsed as markup). */
  text?: string;
  type?: string;
  value?: string;
  name?: string;
  htmlFor?: string;
  accept?: string;
  placeholder?: string;
  disabled?: boolean;
  selected?: boolean;
  hidden?: boolean;
  /** Other attributes: `role`, `aria-*`, `inputmode`, `autocomplete`, `data-*`. */
  attrs?: Record<string, string>;
  on?: Handlers;
}

/** Creates an element with properties, attributes, event handlers and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  const { text, attrs, on, ...properties } = props;
  for (const [key, value] of Object.entries(properties)) {
    if (value !== undefined) (el as unknown as Record<string, unknown>)[key] = value;
  }
  if (attrs) for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value);
  if (on) {
    for (const [event, handler] of Object.entries(on)) el.addEventListener(event, handler as EventListener);
  }
  if (text !== undefined) el.textContent = text;
  append(el, children);
  return el;
}

/** Appends children, skipping null / false, turning strings into text nodes. */
export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

/** An `<option>` showing `label` as text. */
export function option(value: string, label: string, selected = false): HTMLOptionElement {
  return h('option', { value, text: label, selected });
}

/**
 * A file picker that hands over the chosen file and then clears itself, so choosing the same
 * file again (after fixing it) fires again.
 */
export function filePicker(id: string, accept: string, disabled: boolean, onFile: (file: File) => void): HTMLInputElement {
  const input = h('input', {
    id, type: 'file', accept, disabled,
    on: {
      change: () => {
        const file = input.files?.[0];
        input.value = '';
        if (file) onFile(file);
      },
    },
  });
  return input;
}
