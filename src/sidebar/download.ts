/** Saving a file from the sidebar: a Blob behind a temporary `<a download>` link. */
import { h } from './dom';

export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = h('a', { attrs: { href: url, download: fileName }, hidden: true });
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoke later: some browsers read the URL after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
