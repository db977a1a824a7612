/** The document lock: builds, template saves and deletes never interleave their reads and writes. */
import { UserError, type Msg } from '../i18n';

const BUILDING: Msg = {
  zh: '另一位同事正在生成考核表，请稍等片刻再试。',
  en: 'Someone else is building an appraisal in this document; try again in a moment.',
};

/**
 * Runs `fn` holding the document lock (waiting up to 20 s for another execution to finish), so
 * two editors never read the same state and then overwrite each other's writes.
 */
export function withDocumentLock<T>(fn: () => T, busy: Msg = BUILDING): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(20_000)) throw new UserError(busy);
  try {
    return fn();
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
