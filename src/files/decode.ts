/**
 * Bytes of a text export to a string. Chinese exports come in three encodings in practice:
 * UTF-8 (with or without BOM), UTF-16LE with BOM (Excel's "Unicode text"), and GBK / GB18030
 * (older 生意参谋 and Excel on Chinese Windows). Uses only `TextDecoder`, present in browsers
 * and in Node.
 */

/** Decodes export bytes: by byte-order mark when there is one, else UTF-8 when valid, else GB18030. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // GB18030 is a superset of GBK and GB2312, so it reads all three.
    return new TextDecoder('gb18030').decode(bytes);
  }
}
