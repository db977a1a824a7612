/**
 * The sidebar's one door to the server: `google.script.run` as a Promise, typed by `ServerApi`.
 * Every call resolves to a `Reply` — a transport failure (network, timeout, a server exception
 * that escaped) becomes `{ ok: false, error }` too — so the UI has a single path for problems.
 * Requests go through JSON first: only plain JSON crosses (no Dates, no undefined).
 */
import type { Msg } from '../i18n';
import type { Reply, ServerApi, ServerFunctionName } from '../server/api';
import { fill, STRINGS } from './strings';

export type RequestOf<K extends ServerFunctionName> = Parameters<ServerApi[K]>[0];
export type ReplyOf<K extends ServerFunctionName> = ReturnType<ServerApi[K]>;
export type ValueOf<K extends ServerFunctionName> = Extract<ReplyOf<K>, { ok: true }>['value'];

/** What the sidebar's modules depend on, so tests and the playground can pass their own. */
export type CallServer = <K extends ServerFunctionName>(fn: K, req: RequestOf<K>) => Promise<ReplyOf<K>>;

/** The slice of `google.script.run` we use. */
interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
}

function scriptRunner(): ScriptRunner | null {
  const g = (globalThis as { google?: { script?: { run?: ScriptRunner } } }).google;
  return g?.script?.run ?? null;
}

/** Whether a value has the shape of a `Reply` (anything else from the server is a bug, reported as such). */
export function isReply(value: unknown): value is Reply<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as { ok?: unknown; error?: { zh?: unknown; en?: unknown } };
  if (r.ok === true) return 'value' in r;
  return r.ok === false && typeof r.error?.zh === 'string' && typeof r.error?.en === 'string';
}

const failure = (error: Msg): Reply<never> => ({ ok: false, error });

/** Calls a server function through `google.script.run`. */
export const callServer: CallServer = <K extends ServerFunctionName>(fn: K, req: RequestOf<K>) =>
  new Promise<ReplyOf<K>>((resolve) => {
    const run = scriptRunner();
    if (!run) {
      resolve(failure(STRINGS.errNoServer) as ReplyOf<K>);
      return;
    }
    const plain: unknown = JSON.parse(JSON.stringify(req ?? {}));
    const runner = run
      .withSuccessHandler((value) => resolve((isReply(value) ? value : failure(fill(STRINGS.errBadReply, { fn }))) as ReplyOf<K>))
      .withFailureHandler((error) => {
        const detail = error instanceof Error ? error.message : String(error);
        resolve(failure(fill(STRINGS.errServerFailed, { detail })) as ReplyOf<K>);
      }) as unknown as Record<string, (arg: unknown) => void>;
    const target = runner[fn];
    if (typeof target !== 'function') {
      resolve(failure(fill(STRINGS.errBadReply, { fn })) as ReplyOf<K>);
      return;
    }
    target.call(runner, plain);
  });
