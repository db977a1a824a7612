/**
 * `PropertiesService` document and user stores, with Apps Script's quotas: 9 KB per value and 500 KB per
 * store (keys and values, UTF-8), refused with Apps Script's own messages.
 */
import { signatureError, stringArg } from './args';
import { API, defineApi, type Implements } from './expose';

const PROPERTIES_METHODS = ['getProperty', 'setProperty', 'setProperties', 'deleteProperty', 'getProperties', 'getKeys'] as const satisfies readonly (keyof GoogleAppsScript.Properties.Properties)[];
const SERVICE_METHODS = ['getDocumentProperties', 'getUserProperties'] as const satisfies readonly (keyof GoogleAppsScript.Properties.PropertiesService)[];

const PROPERTIES_API = defineApi('Properties', 'properties', PROPERTIES_METHODS);
const SERVICE_API = defineApi('PropertiesService', 'properties', SERVICE_METHODS);

export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;
const VALUE_TOO_LARGE = 'Argument too large: value';
const STORE_FULL = 'You have exceeded the property storage quota. Please remove some properties and try again.';

const utf8 = new TextEncoder();
const bytes = (text: string) => utf8.encode(text).length;

/** One store. `get`/`set`/`all` are the uncounted test-side access. */
export class PropertyStore {
  private readonly entries = new Map<string, string>();

  get(key: string): string | null {
    return this.entries.get(key) ?? null;
  }

  /** Test-side seeding: no quota checks. */
  set(key: string, value: string): void {
    this.entries.set(key, value);
  }

  all(): Record<string, string> {
    return Object.fromEntries(this.entries);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Applies `updates` (and the deletion of every other key when `replaceAll`) if the quotas allow, else throws. */
  apply(updates: ReadonlyMap<string, string>, replaceAll: boolean): void {
    for (const value of updates.values()) if (bytes(value) > MAX_VALUE_BYTES) throw new Error(VALUE_TOO_LARGE);
    const next = new Map(replaceAll ? [] : this.entries);
    for (const [key, value] of updates) next.set(key, value);
    let total = 0;
    for (const [key, value] of next) total += bytes(key) + bytes(value);
    if (total > MAX_STORE_BYTES) throw new Error(STORE_FULL);
    this.entries.clear();
    for (const [key, value] of next) this.entries.set(key, value);
  }
}

export class FakeProperties implements Implements<(typeof PROPERTIES_METHODS)[number]>,
  Pick<GoogleAppsScript.Properties.Properties, 'getProperty' | 'getProperties' | 'getKeys'> {
  get [API]() {
    return PROPERTIES_API;
  }

  constructor(private readonly store: PropertyStore) {}

  getProperty(key: unknown): string | null {
    return this.store.get(stringArg(key, 'PropertiesService.Properties.getProperty', [key]));
  }

  setProperty(key: unknown, value: unknown): FakeProperties {
    const name = stringArg(key, 'PropertiesService.Properties.setProperty', [key, value]);
    if (value === null || value === undefined) throw signatureError('PropertiesService.Properties.setProperty', [key, value]);
    this.store.apply(new Map([[name, String(value)]]), false);
    return this;
  }

  /** Sets every property of `properties` (values as strings); with `deleteAllOthers`, removes the rest. */
  setProperties(properties: unknown, deleteAllOthers?: unknown): FakeProperties {
    if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) {
      throw signatureError('PropertiesService.Properties.setProperties', [properties, deleteAllOthers]);
    }
    const updates = new Map(Object.entries(properties).map(([k, v]) => [k, String(v)] as [string, string]));
    this.store.apply(updates, deleteAllOthers === true);
    return this;
  }

  deleteProperty(key: unknown): FakeProperties {
    this.store.delete(stringArg(key, 'PropertiesService.Properties.deleteProperty', [key]));
    return this;
  }

  getProperties(): Record<string, string> {
    return this.store.all();
  }

  getKeys(): string[] {
    return Object.keys(this.store.all());
  }
}

export class FakePropertiesService implements Implements<(typeof SERVICE_METHODS)[number]> {
  get [API]() {
    return SERVICE_API;
  }

  constructor(private readonly document: PropertyStore, private readonly user: PropertyStore) {}

  getDocumentProperties(): FakeProperties {
    return new FakeProperties(this.document);
  }

  getUserProperties(): FakeProperties {
    return new FakeProperties(this.user);
  }
}
