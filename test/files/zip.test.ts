import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/i18n';
import { looksLikeZip, readZipDirectory, readZipEntry } from '../../src/files/zip';
import { makeZip } from './zip-fixture';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('looksLikeZip', () => {
  it('recognises the PK\\x03\\x04 signature', () => {
    expect(looksLikeZip(makeZip([{ name: 'a', text: 'x' }]))).toBe(true);
  });
  it('rejects CSV text', () => {
    expect(looksLikeZip(new TextEncoder().encode('客服,询单'))).toBe(false);
  });
});

describe('readZipDirectory', () => {
  it('lists entries with their UTF-8 names', () => {
    const zip = makeZip([{ name: 'xl/workbook.xml', text: '<a/>' }, { name: '数据.txt', text: 'x' }]);
    expect([...readZipDirectory(zip).keys()]).toEqual(['xl/workbook.xml', '数据.txt']);
  });
  it('finds the directory behind an archive comment', () => {
    const zip = makeZip([{ name: 'a.txt', text: 'hello' }], 'a comment that ends the file');
    expect(readZipDirectory(zip).has('a.txt')).toBe(true);
  });
  it('refuses bytes that are not a zip with a bilingual message', () => {
    let caught: unknown;
    try { readZipDirectory(new TextEncoder().encode('not a zip at all, just some text')); } catch (e) { caught = e; }
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as UserError).msg.zh).toContain('.xlsx');
    expect((caught as UserError).msg.en).toContain('.xlsx');
  });
  it('refuses a truncated archive', () => {
    const zip = makeZip([{ name: 'a.txt', text: 'hello' }]);
    expect(() => readZipDirectory(zip.subarray(0, zip.length - 5))).toThrow(UserError);
  });
});

describe('readZipEntry', () => {
  it('returns a stored entry as is', async () => {
    const zip = makeZip([{ name: 'a.txt', text: '客服 stored' }]);
    expect(text(await readZipEntry(zip, readZipDirectory(zip).get('a.txt')!))).toBe('客服 stored');
  });
  it('inflates a deflated entry', async () => {
    const body = '询单人数,'.repeat(5000);
    const zip = makeZip([{ name: 'big.txt', text: body, deflate: true }]);
    expect(text(await readZipEntry(zip, readZipDirectory(zip).get('big.txt')!))).toBe(body);
  });
  it('reads an entry from a subarray view of a larger buffer', async () => {
    const zip = makeZip([{ name: 'a.txt', text: 'inner', deflate: true }]);
    const padded = new Uint8Array(zip.length + 7);
    padded.set(zip, 7);
    const view = padded.subarray(7);
    expect(text(await readZipEntry(view, readZipDirectory(view).get('a.txt')!))).toBe('inner');
  });
  it('refuses corrupt deflate data with a UserError', async () => {
    const zip = makeZip([{ name: 'a.txt', text: 'hello hello hello', deflate: true }]);
    const entry = readZipDirectory(zip).get('a.txt')!;
    // overwrite the compressed bytes with an invalid block type (0b11)
    zip.fill(0xff, 30 + 'a.txt'.length, 30 + 'a.txt'.length + entry.compressedSize);
    await expect(readZipEntry(zip, entry)).rejects.toBeInstanceOf(UserError);
  });
  it('refuses an unknown compression method, naming the entry', async () => {
    const zip = makeZip([{ name: 'a.txt', text: 'x' }]);
    const entry = { ...readZipDirectory(zip).get('a.txt')!, method: 14 };
    await expect(readZipEntry(zip, entry)).rejects.toThrow('a.txt');
  });
});
