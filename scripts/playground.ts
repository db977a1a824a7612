/**
 * `npm start`: the local playground — the in-memory spreadsheet beside the real sidebar, both
 * running the built `dist/` bundle. Port from `PORT` (default 8787).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PORT, startPlayground } from '../dev/playground/server';

export { startPlayground, type Playground, type PlaygroundOptions } from '../dev/playground/server';

/** `PORT` as a TCP port, or the default; a bad value is an error, not a silent fallback. */
export function portFrom(env: string | undefined): number {
  if (env === undefined || env.trim() === '') return DEFAULT_PORT;
  const port = Number(env);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (0–65535), got "${env}"`);
  return port;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const playground = await startPlayground({ port: portFrom(process.env.PORT) });
  console.log(`Kefu KPI playground: ${playground.url}  (Ctrl+C to stop)`);
}
