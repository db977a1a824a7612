/**
 * Places validation messages next to the fields they concern. Each field registers a slot under
 * its issue path (`items.3.weight`); `show` fills the slots and marks the inputs
 * `aria-invalid`. A slot is rewritten only when its messages change, so a screen reader does not
 * hear the same alert again on every keystroke.
 */
import { pick, type Locale, type Msg } from '../i18n';
import { h, replaceChildren } from './dom';
import type { Issue } from './template-check';

interface Slot {
  element: HTMLElement;
  input: HTMLElement | null;
  shown: string;
}

/** A DOM id made from an issue path (`items.3.weight` → `issues-items-3-weight`). */
export const slotId = (path: string) => `issues-${path.replace(/[^\w-]/g, '-')}`;

export class IssueSlots {
  private readonly slots = new Map<string, Slot>();

  /** A container for the messages of `path`; `input` (if any) is described by it and marked invalid. */
  slot(path: string, input: HTMLElement | null = null): HTMLElement {
    const element = h('div', { id: slotId(path), className: 'issues' });
    if (input) input.setAttribute('aria-describedby', element.id);
    this.slots.set(path, { element, input, shown: '' });
    return element;
  }

  /**
   * Shows each issue in the slot of its path, or of the nearest registered parent path
   * (`items.3.tiers.2` → `items.3.tiers` → `items.3`), or in the `''` slot as a last resort.
   */
  show(issues: readonly Issue[], locale: Locale): void {
    const byPath = new Map<string, Msg[]>();
    for (const issue of issues) {
      const path = this.nearestSlot(issue.path);
      if (path === null) continue;
      const list = byPath.get(path) ?? [];
      list.push(issue.msg);
      byPath.set(path, list);
    }
    for (const [path, slot] of this.slots) {
      const msgs = byPath.get(path) ?? [];
      const texts = msgs.map((m) => pick(m, locale));
      const shown = texts.join('\n');
      if (slot.input) {
        if (texts.length > 0) slot.input.setAttribute('aria-invalid', 'true');
        else slot.input.removeAttribute('aria-invalid');
      }
      if (shown === slot.shown) continue;
      slot.shown = shown;
      replaceChildren(slot.element, ...texts.map((text) => h('p', { className: 'error', text, attrs: { role: 'alert' } })));
    }
  }

  private nearestSlot(path: string): string | null {
    for (let p = path; ; p = p.slice(0, p.lastIndexOf('.'))) {
      if (this.slots.has(p)) return p;
      if (!p.includes('.')) break;
    }
    return this.slots.has('') ? '' : null;
  }
}
