import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/files/decode';

describe('decodeText', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(new TextEncoder().encode('客服,询单'))).toBe('客服,询单');
  });
  it('drops a UTF-8 BOM', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('客服')]))).toBe('客服');
  });
  it('reads UTF-16LE with a BOM (Excel "Unicode text")', () => {
    // 客 = U+5BA2, 服 = U+670D, little-endian byte pairs
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0xa2, 0x5b, 0x0d, 0x67]))).toBe('客服');
  });
  it('reads UTF-16BE with a BOM', () => {
    expect(decodeText(new Uint8Array([0xfe, 0xff, 0x5b, 0xa2, 0x67, 0x0d]))).toBe('客服');
  });
  it('falls back to GB18030 for GBK bytes (invalid as UTF-8)', () => {
    // GBK: 客 = BF CD, 服 = B7 FE
    expect(decodeText(new Uint8Array([0xbf, 0xcd, 0xb7, 0xfe, 0x2c, 0x31]))).toBe('客服,1');
  });
});
