/**
 * Sending a file's rows to the server's import (`kk_importRows`), shared by the sidebar and the
 * command line so both write the same cells the same way. The column kinds are decided once
 * over the whole file; a large file goes in parts of at most `PART_BYTES` of JSON each (far
 * below `google.script.run`'s payload limit), in order, with progress; a part that fails
 * makes the server drop the tab, and a failed send asks it to (`kk_discardImport`).
 */
import type { Msg } from '../i18n';
import type { ImportReply, ImportRequest, Reply } from '../server/api';
import { columnKinds } from './cell-types';

/** At most 2 MB of JSON per call: well under what one `google.script.run` call carries (tens of MB). */
export const PART_BYTES = 2_000_000;

type Row = (string | number | null)[];

/** Upper bound of a row's JSON bytes: UTF-8 (3 bytes for a non-ASCII unit), an escape's 6 for a control character, quotes and commas. */
function rowBytes(row: readonly (string | number | null)[]): number {
  let n = 2;
  for (const c of row) {
    if (typeof c !== 'string') {
      n += String(c).length + 1;
      continue;
    }
    n += c.length + 3;
    for (let i = 0; i < c.length; i++) {
      const u = c.charCodeAt(i);
      if (u > 0x7f) n += 2;
      else if (u < 0x20 || u === 0x22 || u === 0x5c) n += 5;
    }
  }
  return n;
}

/** The rows cut into consecutive parts of at most `maxBytes` each (a single larger row is a part of its own). */
export function splitRows<T extends readonly (string | number | null)[]>(rows: readonly T[], maxBytes = PART_BYTES): T[][] {
  const parts: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const row of rows) {
    const b = rowBytes(row);
    if (current.length > 0 && bytes + b > maxBytes) {
      parts.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += b;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

export interface ImportTransport {
  importRows(req: ImportRequest): Promise<Reply<ImportReply>> | Reply<ImportReply>;
  discardImport(req: { sheetName: string }): Promise<unknown> | unknown;
}

/** Sends the rows in parts; `progress(sentRows, totalRows)` after each. Answers the last reply, or the first failure. */
export async function sendImport(
  transport: ImportTransport,
  fileName: string,
  rows: readonly Row[],
  progress: (sent: number, total: number) => void = () => undefined,
  maxBytes = PART_BYTES,
): Promise<Reply<ImportReply>> {
  const columns = columnKinds(rows);
  const width = columns.length;
  const parts = splitRows(rows, maxBytes);
  if (parts.length <= 1) return transport.importRows({ fileName, rows: rows as Row[], columns });
  let sheetName: string | null = null;
  let startRow = 1;
  let reply: Reply<ImportReply> = { ok: false, error: NOTHING_SENT };
  for (let i = 0; i < parts.length; i++) {
    const part = { sheetName, startRow, last: i === parts.length - 1, totalCells: rows.length * width };
    reply = await transport.importRows({ fileName, rows: parts[i]!, columns, part });
    if (!reply.ok) {
      if (sheetName !== null) await transport.discardImport({ sheetName });
      return reply;
    }
    sheetName = reply.value.sheetName;
    startRow = reply.value.rows + 1;
    progress(reply.value.rows, rows.length);
  }
  return reply;
}

const NOTHING_SENT: Msg = { zh: '文件里没有数据行。', en: 'The file has no rows.' };
