/** `Logger` and `console`: what the add-on logs is kept (and echoed only on request) so tests stay quiet. */
import { API, defineApi, type Implements } from './expose';

const LOGGER_METHODS = ['log', 'getLog', 'clear'] as const satisfies readonly (keyof GoogleAppsScript.Base.Logger)[];
const LOGGER_API = defineApi('Logger', 'logger', LOGGER_METHODS);

export interface LogEntry {
  source: 'Logger' | 'console';
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  text: string;
}

/** `Logger.log('%s of %s', a, b)` substitution, and plain joining for `console.log(a, b)`. */
function render(args: readonly unknown[]): string {
  const show = (v: unknown) => (typeof v === 'string' ? v : v instanceof Error ? String(v.stack ?? v) : JSON.stringify(v) ?? String(v));
  const [first, ...rest] = args;
  if (typeof first === 'string' && /%[sdifoO]/.test(first)) {
    let i = 0;
    const text = first.replace(/%[sdifoO]/g, (m) => (i < rest.length ? show(rest[i++]) : m));
    return [text, ...rest.slice(i).map(show)].join(' ');
  }
  return args.map(show).join(' ');
}

export class LogBook {
  readonly entries: LogEntry[] = [];

  constructor(private readonly echo: boolean) {}

  add(source: LogEntry['source'], level: LogEntry['level'], args: readonly unknown[]): void {
    const entry = { source, level, text: render(args) };
    this.entries.push(entry);
    if (this.echo) globalThis.console[level](`[${source}] ${entry.text}`);
  }
}

export class FakeLogger implements Implements<(typeof LOGGER_METHODS)[number]>, Pick<GoogleAppsScript.Base.Logger, 'getLog' | 'clear'> {
  get [API]() {
    return LOGGER_API;
  }

  constructor(private readonly book: LogBook) {}

  log(...args: unknown[]): FakeLogger {
    this.book.add('Logger', 'log', args);
    return this;
  }

  getLog(): string {
    return this.book.entries.filter((e) => e.source === 'Logger').map((e) => e.text).join('\n');
  }

  clear(): void {
    for (let i = this.book.entries.length - 1; i >= 0; i--) if (this.book.entries[i]!.source === 'Logger') this.book.entries.splice(i, 1);
  }
}

/** The script's `console` (a plain object: it is not a service and its calls are not counted). */
export function makeConsole(book: LogBook): Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'> {
  return {
    log: (...args: unknown[]) => book.add('console', 'log', args),
    info: (...args: unknown[]) => book.add('console', 'info', args),
    warn: (...args: unknown[]) => book.add('console', 'warn', args),
    error: (...args: unknown[]) => book.add('console', 'error', args),
    debug: (...args: unknown[]) => book.add('console', 'debug', args),
  };
}
