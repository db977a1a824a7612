/**
 * `google.script.run` for the sidebar inside the playground: each call POSTs `{ fn, arg }` to
 * `/rpc`, where the real server bundle runs in a `node:vm` context. Handlers behave as in Apps
 * Script (`withSuccessHandler` / `withFailureHandler` return a new runner). After each call the
 * parent page is told to refresh its grid.
 */
type Handler = (value: unknown) => void;

interface Handlers {
  success?: Handler;
  failure?: Handler;
}

function runner(handlers: Handlers): object {
  const base = {
    withSuccessHandler: (success: Handler) => runner({ ...handlers, success }),
    withFailureHandler: (failure: Handler) => runner({ ...handlers, failure }),
  };
  return new Proxy(base, {
    get(target, name) {
      if (name in target) return target[name as keyof typeof target];
      if (typeof name !== 'string') return undefined;
      return (arg: unknown) => {
        void call(name, arg).then(
          (value) => handlers.success?.(value),
          (error: unknown) => handlers.failure?.(error instanceof Error ? error : new Error(String(error))),
        ).finally(() => window.parent.postMessage({ kind: 'kk-refresh' }, location.origin));
      };
    },
  });
}

async function call(fn: string, arg: unknown): Promise<unknown> {
  const response = await fetch('/rpc', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fn, arg }) });
  const body = (await response.json()) as { result?: unknown; error?: string };
  if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
  return body.result;
}

(window as unknown as { google: unknown }).google = { script: { run: runner({}) } };
