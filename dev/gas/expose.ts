/**
 * The boundary between the add-on's code and the fakes. Every fake object reaches the script as a Proxy that
 * (1) lets through exactly the methods its type declares, throwing `FakeGas: Range.foo is not implemented` for
 * anything else, so a missing method is loud; (2) counts each call; (3) hands back results in the script's
 * realm and turns fakes into fresh proxies (Apps Script returns a new wrapper on every call, so `===` between
 * two `getActiveSheet()` results is false there too); (4) unwraps proxies passed back in as arguments.
 */
import { CallCounter, type Service } from './counter';
import { copyIntoRealm, errorInRealm, OUTER_REALM, type Realm } from './realm';

export const API = Symbol('fakegas.api');

export interface ApiSpec {
  /** The Apps Script class name used in counts and messages: `Range`, `Sheet`, `SpreadsheetApp` … */
  readonly type: string;
  readonly service: Service;
  readonly methods: ReadonlySet<string>;
  /** Non-method properties such as enums (`ProtectionType`, `Button`). */
  readonly props: Readonly<Record<string, unknown>>;
  /** Methods whose first argument is a grid that may hold fakes anywhere (`setDataValidations(rules[][])`). */
  readonly gridMethods: ReadonlySet<string>;
}

/** A fake that can cross the boundary: it names its API. */
export interface Exposable {
  readonly [API]: ApiSpec;
}

/** Each listed name must be a method of the fake. */
export type Implements<M extends string> = { [K in M]: (...args: never[]) => unknown };

export function defineApi(
  type: string,
  service: Service,
  methods: readonly string[],
  props: Readonly<Record<string, unknown>> = {},
  gridMethods: readonly string[] = [],
): ApiSpec {
  return { type, service, methods: new Set(methods), props, gridMethods: new Set(gridMethods) };
}

function isExposable(value: object): value is Exposable {
  return API in value;
}

/**
 * Names that test runners, `await` and string conversion probe on any object. They read as `undefined`
 * instead of throwing, as they would on a real Apps Script object. No Apps Script method starts with `_`,
 * `@@` or `$$`, so those (library markers such as `@@__IMMUTABLE_ITERABLE__@@`) read as `undefined` too.
 */
const PROBES = new Set(['then', 'toJSON', 'valueOf', 'constructor', 'asymmetricMatch', 'nodeType', 'tagName']);
const isProbe = (prop: string) => PROBES.has(prop) || prop.startsWith('_') || prop.startsWith('@@') || prop.startsWith('$$');

export class Boundary {
  private realm: Realm = OUTER_REALM;
  private readonly fakes = new WeakMap<object, Exposable>();

  constructor(private readonly counter: CallCounter) {}

  /** From now on, answer in this realm (the vm context the add-on runs in). */
  bindRealm(realm: Realm): void {
    this.realm = realm;
  }

  /** A new proxy for `fake`. */
  expose(fake: Exposable): object {
    const spec = fake[API];
    const proxy = new Proxy(Object.create(null) as object, {
      get: (_target, prop) => this.read(fake, spec, prop),
      has: (_target, prop) => typeof prop === 'string' && (spec.methods.has(prop) || prop in spec.props),
      set: (_target, prop) => {
        throw errorInRealm(new Error(`FakeGas: ${spec.type}.${String(prop)} cannot be assigned`), this.realm);
      },
    });
    this.fakes.set(proxy, fake);
    return proxy;
  }

  private read(fake: Exposable, spec: ApiSpec, prop: string | symbol): unknown {
    if (typeof prop === 'symbol' || isProbe(prop)) return undefined;
    if (spec.methods.has(prop)) return (...args: unknown[]) => this.call(fake, spec, prop, args);
    if (Object.prototype.hasOwnProperty.call(spec.props, prop)) return spec.props[prop];
    if (prop === 'toString') return () => spec.type;
    throw errorInRealm(new Error(`FakeGas: ${spec.type}.${prop} is not implemented`), this.realm);
  }

  private call(fake: Exposable, spec: ApiSpec, method: string, args: unknown[]): unknown {
    this.counter.count(spec.service, `${spec.type}.${method}`);
    try {
      const implementation = (fake as unknown as Record<string, (...a: unknown[]) => unknown>)[method];
      const unwrapped = spec.gridMethods.has(method) ? this.unwrapGrid(args) : args.map((arg) => this.unwrap(arg));
      const result = implementation.apply(fake, unwrapped);
      return copyIntoRealm(result, this.realm, (object) => (isExposable(object) ? this.expose(object) : undefined));
    } catch (error) {
      throw errorInRealm(error, this.realm);
    }
  }

  /** A proxy (or an array of proxies, e.g. `setUnprotectedRanges([r1, r2])`) back to the fake(s). */
  private unwrap(arg: unknown): unknown {
    if (typeof arg !== 'object' || arg === null) return arg;
    const fake = this.fakes.get(arg);
    if (fake) return fake;
    // Only the first element is looked at: a value grid (`setValues`) may hold thousands of rows.
    if (Array.isArray(arg) && arg.length > 0 && this.fakes.has(arg[0] as object)) {
      return arg.map((item) => this.fakes.get(item as object) ?? item);
    }
    return arg;
  }

  /** A grid argument (and the rest as usual) with every proxy in it back to its fake. */
  private unwrapGrid([grid, ...rest]: unknown[]): unknown[] {
    const cells = Array.isArray(grid) ? grid.map((row: unknown) => (Array.isArray(row) ? row.map((cell) => this.unwrap(cell)) : row)) : grid;
    return [cells, ...rest.map((arg) => this.unwrap(arg))];
  }

  /** The fake behind a proxy, or undefined (for test-side tools). */
  fakeOf(proxy: unknown): Exposable | undefined {
    return typeof proxy === 'object' && proxy !== null ? this.fakes.get(proxy) : undefined;
  }
}
