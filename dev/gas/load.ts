/**
 * Runs the built Apps Script project (`dist/*.js`: plain global functions) the way Apps Script does: every
 * file in push order in ONE V8 context whose only globals are the given services, in the script's time zone.
 * There is no `require`, `process`, `Buffer`, `module`, `setTimeout` or `fetch` in there, as in Apps Script.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import vm from 'node:vm';
import { BIND_REALM, copyIntoRealm, OUTER_REALM, realmOf, type Realm } from './realm';

/**
 * The files clasp would push, in order: `.clasp.json`'s `filePushOrder` (paths relative to the project root,
 * the folder holding `.clasp.json`, which is `distDir`'s parent) first, then every other `.js` file of
 * `distDir` alphabetically; without a push order, all of them alphabetically.
 */
export function pushOrder(distDir: string): string[] {
  const dist = resolve(distDir);
  const root = dirname(dist);
  const claspFile = join(root, '.clasp.json');
  const listed: string[] = [];
  if (existsSync(claspFile)) {
    const clasp = JSON.parse(readFileSync(claspFile, 'utf8')) as { filePushOrder?: unknown };
    if (Array.isArray(clasp.filePushOrder)) {
      for (const path of clasp.filePushOrder) {
        const file = resolve(root, String(path));
        if (!existsSync(file)) throw new Error(`FakeGas: .clasp.json pushes ${String(path)}, which does not exist (run the build first)`);
        listed.push(file);
      }
    }
  }
  const rest = readdirSync(dist).filter((f) => f.endsWith('.js')).sort().map((f) => join(dist, f));
  return [...listed, ...rest.filter((f) => !listed.includes(f))];
}

/**
 * Apps Script runs the project in the script's time zone (`timeZone` of `appsscript.json`, pushed with the
 * code), so `new Date(1899, 11, 30, 0, 1, 30)` there means 00:01:30 in that zone. A vm context cannot have a
 * time zone of its own, so the process takes the script's: Node applies a new `process.env.TZ` at once.
 * (vitest runs each test file in its own worker process, so this stays within the file that loads a project.)
 */
function adoptScriptTimeZone(dist: string): void {
  const manifest = join(dist, 'appsscript.json');
  if (!existsSync(manifest)) return;
  const { timeZone } = JSON.parse(readFileSync(manifest, 'utf8')) as { timeZone?: unknown };
  if (timeZone === undefined || process.env.TZ === timeZone) return;
  try {
    new Intl.DateTimeFormat('en', { timeZone: String(timeZone) });
  } catch {
    throw new Error(`FakeGas: appsscript.json names the time zone ${JSON.stringify(timeZone)}, which does not exist`);
  }
  process.env.TZ = String(timeZone);
}

const realms = new WeakMap<vm.Context, Realm>();

function contextRealm(context: vm.Context): Realm {
  let realm = realms.get(context);
  if (!realm) {
    realm = realmOf(context);
    realms.set(context, realm);
  }
  return realm;
}

/**
 * Loads the project into a new context and returns it: its global functions are properties of the
 * context (`context.kk_buildAppraisal(...)`). Fakes made by `createFakeGas()` answer in this context's realm
 * (in the last one's, if the same globals are loaded more than once).
 */
export function loadGasProject(distDir: string, globals: object): vm.Context {
  const files = pushOrder(distDir);
  if (files.length === 0) throw new Error(`FakeGas: no .js files in ${resolve(distDir)} (run the build first)`);
  adoptScriptTimeZone(resolve(distDir));
  const sandbox: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(globals)) sandbox[name] = value;
  const context = vm.createContext(sandbox, { name: `Apps Script project ${resolve(distDir)}` });
  const bind = (globals as { [BIND_REALM]?: (realm: Realm) => void })[BIND_REALM];
  bind?.(contextRealm(context));
  for (const file of files) new vm.Script(readFileSync(file, 'utf8'), { filename: file }).runInContext(context);
  return context;
}

/**
 * Calls a global function of the project as Sheets or `google.script.run` would: the arguments are copied
 * into the context's realm first (arrays, plain objects and Dates; everything JSON can carry comes out as
 * `JSON.parse(JSON.stringify(x))` would, but Dates stay Dates), so `instanceof Array` inside holds.
 */
export function callInContext(context: vm.Context, name: string, ...args: unknown[]): unknown {
  const fn = (context as Record<string, unknown>)[name];
  if (typeof fn !== 'function') throw new Error(`FakeGas: the project has no global function ${name}`);
  const realm = contextRealm(context);
  return (fn as (...a: unknown[]) => unknown)(...args.map((arg) => copyIntoRealm(arg, realm)));
}

/** A Date of the context's realm (as Sheets hands date cells to a custom function). */
export function makeContextDate(context: vm.Context, iso: string): Date {
  const date = new (contextRealm(context).Date)(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`FakeGas: ${iso} is not a date`);
  return date;
}

/** A value from the context copied into this realm (arrays, plain objects, Dates), e.g. to compare in tests. */
export function fromContext(value: unknown): unknown {
  return copyIntoRealm(value, OUTER_REALM);
}
