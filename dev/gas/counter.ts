/**
 * Counts calls into the Apps Script services. Every method call on `SpreadsheetApp` and on anything reached
 * through it is one spreadsheet-service call (what the add-on's "constant number of batched calls" promise is
 * measured in); the other services are counted under their own names.
 */
export type Service = 'spreadsheet' | 'lock' | 'properties' | 'html' | 'session' | 'logger' | 'script';

export interface Calls {
  /** Spreadsheet-service calls since the last `reset()`. */
  readonly spreadsheet: number;
  /** Calls per service, e.g. `{ spreadsheet: 14, lock: 2 }` (services never called are absent). */
  byService(): Partial<Record<Service, number>>;
  /** Calls per method, e.g. `{ 'Range.setValues': 1 }`. */
  byMethod(): Record<string, number>;
  reset(): void;
}

export class CallCounter implements Calls {
  private readonly services = new Map<Service, number>();
  private readonly methods = new Map<string, number>();

  count(service: Service, method: string): void {
    this.services.set(service, (this.services.get(service) ?? 0) + 1);
    this.methods.set(method, (this.methods.get(method) ?? 0) + 1);
  }

  get spreadsheet(): number {
    return this.services.get('spreadsheet') ?? 0;
  }

  byService(): Partial<Record<Service, number>> {
    return Object.fromEntries(this.services);
  }

  byMethod(): Record<string, number> {
    return Object.fromEntries(this.methods);
  }

  reset(): void {
    this.services.clear();
    this.methods.clear();
  }
}
