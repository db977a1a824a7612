/**
 * A small zip reader, enough for .xlsx: the central directory, stored and deflated entries.
 * Inflation uses the platform's `DecompressionStream('deflate-raw')` (Chromium, Node 20),
 * so the sidebar ships no decompressor of its own.
 */
import { UserError } from '../i18n';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN_SIZE = 22;
const MAX_COMMENT = 0xffff;

const STORED = 0;
const DEFLATED = 8;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  localOffset: number;
}

const notZip = () =>
  new UserError({
    zh: '文件不是有效的 .xlsx（zip）文件，可能已损坏；请在 Excel 中另存为 .xlsx 或 .csv 后再导入。',
    en: 'The file is not a valid .xlsx (zip) file and may be damaged; save it again as .xlsx or .csv in Excel and import that.',
  });

/** Whether the bytes start like a zip archive (`PK\x03\x04`), as every .xlsx does. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The entries listed in the central directory, by name. Throws a `UserError` for a non-zip or truncated file. */
export function readZipDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw notZip();
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count === 0xffff || at === 0xffffffff) {
    throw new UserError({
      zh: '文件过大（zip64 格式），请另存为 .csv 后再导入。',
      en: 'The file is too large (zip64); save it as .csv and import that.',
    });
  }
  const names = new TextDecoder('utf-8');
  const entries = new Map<string, ZipEntry>();
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE) throw notZip();
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, {
      name,
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Offset of the end-of-central-directory record, searched backwards past a possible comment; -1 if absent. */
function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - EOCD_MIN_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  return -1;
}

/** The uncompressed bytes of one entry. */
export async function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Promise<Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) throw notZip();
  // The local header's own name and extra lengths may differ from the central directory's.
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw notZip();
  const data = bytes.subarray(start, end);
  if (entry.method === STORED) return data;
  if (entry.method === DEFLATED) return inflateRaw(data);
  throw new UserError({
    zh: `文件中的「${entry.name}」使用了不支持的压缩方式（${entry.method}），请在 Excel 中另存为 .xlsx 或 .csv。`,
    en: `"${entry.name}" in the file uses an unsupported compression method (${entry.method}); save it again as .xlsx or .csv in Excel.`,
  });
}

/** Raw DEFLATE (RFC 1951) through the platform's streams. */
async function inflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  // Write and read concurrently: a large entry would otherwise fill the stream's queue and stall.
  const written = writer.write(data as Uint8Array<ArrayBuffer>).then(() => writer.close());
  // A corrupt stream rejects both sides; the reader's rejection is the one reported below.
  written.catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = stream.readable.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.length;
    }
    await written;
  } catch {
    throw notZip();
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
