/** Messages shown in a section: information (`role=status`) or a problem (`role=alert`), with details. */
import type { Msg } from '../i18n';
import { append, h } from './dom';

export interface Notice {
  kind: 'info' | 'error';
  msg: Msg;
  details?: Msg[];
}

/** A notice as DOM, its text picked by `text` (the user's language); details as a list. */
export function renderNotice(notice: Notice, text: (m: Msg) => string): HTMLElement {
  const box = h('div', {
    className: `notice notice-${notice.kind}`,
    attrs: { role: notice.kind === 'error' ? 'alert' : 'status' },
  }, h('p', { text: text(notice.msg) }));
  if (notice.details && notice.details.length > 0) {
    append(box, [h('ul', {}, ...notice.details.map((d) => h('li', { text: text(d) })))]);
  }
  return box;
}
