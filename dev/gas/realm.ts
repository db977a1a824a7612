/**
 * A realm is one set of JavaScript built-ins. The add-on's bundle runs in a `node:vm` context (its own realm),
 * so arrays and dates the fakes hand it must be made with that context's `Array` and `Date`, otherwise
 * `x instanceof Array` inside the bundle would be false where Apps Script says true.
 */
import vm from 'node:vm';

export interface Realm {
  Array: ArrayConstructor;
  Date: DateConstructor;
  Object: ObjectConstructor;
  Error: ErrorConstructor;
}

export const OUTER_REALM: Realm = { Array, Date, Object, Error };

/** The built-ins of a vm context. */
export function realmOf(context: vm.Context): Realm {
  return vm.runInContext('({ Array: Array, Date: Date, Object: Object, Error: Error })', context) as Realm;
}

/**
 * The key under which `createFakeGas()` leaves (non-enumerable) a function on its globals that
 * `loadGasProject()` calls with the new context's realm, so the fakes answer in that realm.
 */
export const BIND_REALM = Symbol.for('fakegas.bindRealm');

/** A Date from any realm (never `instanceof Date`, which is false across realms). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** `{…}` from any realm: its prototype is some realm's `Object.prototype` (whose own prototype is null), or null. */
function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * Deep copy of arrays, plain objects and dates into `realm`; other values pass through. `substitute` may
 * replace an object (e.g. a fake by its proxy) before it is copied: return `undefined` to copy it.
 */
export function copyIntoRealm(value: unknown, realm: Realm, substitute?: (object: object) => unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const replaced = substitute?.(value);
  if (replaced !== undefined) return replaced;
  if (Array.isArray(value)) {
    const copy: unknown[] = new realm.Array(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = copyIntoRealm(value[i], realm, substitute);
    return copy;
  }
  if (isDate(value)) return new realm.Date(value.getTime());
  if (!isPlainObject(value)) return value;
  const copy = new realm.Object() as Record<string, unknown>;
  for (const [key, item] of Object.entries(value)) copy[key] = copyIntoRealm(item, realm, substitute);
  return copy;
}

/** The same error as an `Error` of `realm`, so `e instanceof Error` holds inside the context. */
export function errorInRealm(error: unknown, realm: Realm): unknown {
  if (realm === OUTER_REALM || !(error instanceof Error)) return error;
  const copy = new realm.Error(error.message);
  copy.name = error.name;
  if (error.stack !== undefined) copy.stack = error.stack;
  return copy;
}
