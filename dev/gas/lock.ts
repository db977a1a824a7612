/** `LockService.getDocumentLock()`: one lock per document; tests can make "someone else" hold it. */
import { integerArg } from './args';
import { API, defineApi, type Implements } from './expose';

const LOCK_METHODS = ['tryLock', 'waitLock', 'releaseLock', 'hasLock'] as const satisfies readonly (keyof GoogleAppsScript.Lock.Lock)[];
const SERVICE_METHODS = ['getDocumentLock'] as const satisfies readonly (keyof GoogleAppsScript.Lock.LockService)[];

const LOCK_API = defineApi('Lock', 'lock', LOCK_METHODS);
const SERVICE_API = defineApi('LockService', 'lock', SERVICE_METHODS);

/** Apps Script's message when `waitLock` gives up. */
const TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

export class DocumentLockState {
  /** Test hook: another execution holds the lock, so every attempt times out. */
  busyElsewhere = false;
  holder: FakeLock | null = null;
}

export class FakeLock implements Implements<(typeof LOCK_METHODS)[number]>, GoogleAppsScript.Lock.Lock {
  get [API]() {
    return LOCK_API;
  }

  constructor(private readonly state: DocumentLockState) {}

  /** True when the lock is (now) ours; false at once when another execution holds it (no real waiting). */
  tryLock(timeoutInMillis: unknown): boolean {
    integerArg(timeoutInMillis, 'LockService.Lock.tryLock', [timeoutInMillis]);
    if (this.state.busyElsewhere) return false;
    // Locks of one execution are one lock: a second getDocumentLock() in the same run gets it too.
    this.state.holder = this;
    return true;
  }

  waitLock(timeoutInMillis: unknown): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error(TIMEOUT);
  }

  releaseLock(): void {
    if (this.state.holder === this) this.state.holder = null;
  }

  hasLock(): boolean {
    return this.state.holder === this;
  }
}

export class FakeLockService implements Implements<(typeof SERVICE_METHODS)[number]> {
  get [API]() {
    return SERVICE_API;
  }

  constructor(private readonly state: DocumentLockState) {}

  getDocumentLock(): FakeLock {
    return new FakeLock(this.state);
  }
}
