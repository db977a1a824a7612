/**
 * What the sections and the actions receive from the sidebar's shell, instead of importing
 * `app.ts` back: read the state and the words (`SectionView`), and for actions also call the
 * server, run a step with the busy flag up and redraw (`Core`).
 */
import type { Msg } from '../i18n';
import type { Notice } from './notice-view';
import type { CallServer } from './server';
import type { AppState, SectionName } from './state';
import type { StringKey } from './strings';

export interface SectionView {
  readonly state: AppState;
  t(key: StringKey, values?: Record<string, string | number>): string;
  text(msg: Msg): string;
  /** Registers the live updater of a section (called by the section while it renders). */
  setLive(name: SectionName, update: () => void): void;
}

export interface Core extends SectionView {
  readonly call: CallServer;
  /** Runs an action with the busy flag up (buttons disabled); unexpected errors become a notice. */
  busy(action: () => Promise<void>): Promise<void>;
  render(name: SectionName): void;
  refreshLive(): void;
  showAppNotice(notice: Notice | null): void;
}
