/**
 * The OLE2 / Compound File Binary container of legacy Office files ([MS-CFB]): enough to find
 * one stream by name (an .xls workbook keeps its cells in the stream `Workbook`). Sector chains
 * are bounded by the file's size, so a corrupt or hostile file ends in a message, never a loop.
 */
import { UserError } from '../i18n';

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const STREAM = 2;
const ROOT = 5;

/** Whether the bytes start like an OLE2 compound file (Excel 97–2003 `.xls`, Word `.doc` …). */
export function looksLikeCfb(bytes: Uint8Array): boolean {
  return bytes.length >= SIGNATURE.length && SIGNATURE.every((b, i) => bytes[i] === b);
}

export const damaged = () =>
  new UserError({
    zh: '这个 .xls 文件已损坏或格式不完整，无法读取；请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入。',
    en: 'This .xls file is damaged or incomplete and cannot be read; open it in Excel or WPS, save it as .xlsx and import that.',
  });

/** The named streams of a compound file, read on demand. */
export class CompoundFile {
  private readonly view: DataView;
  private readonly sectorSize: number;
  private readonly fat: Uint32Array;
  private readonly entries: { name: string; type: number; start: number; size: number }[] = [];
  private readonly miniFat: Uint32Array;
  private readonly miniStream: Uint8Array;
  private readonly cutoff: number;

  constructor(private readonly bytes: Uint8Array) {
    if (bytes.length < 512 || !looksLikeCfb(bytes)) throw damaged();
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const shift = this.view.getUint16(0x1e, true);
    if (shift !== 9 && shift !== 12) throw damaged();
    this.sectorSize = 1 << shift;
    this.cutoff = this.view.getUint32(0x38, true);
    this.fat = this.readFat();
    const dir = this.chain(this.view.getUint32(0x30, true));
    for (let at = 0; at + 128 <= dir.length; at += 128) {
      const nameBytes = Math.min(64, dir[at + 0x40]! | (dir[at + 0x41]! << 8));
      const view = new DataView(dir.buffer, dir.byteOffset + at, 128);
      let name = '';
      for (let i = 0; i + 2 < nameBytes; i += 2) name += String.fromCharCode(view.getUint16(i, true));
      this.entries.push({ name, type: dir[at + 0x42]!, start: view.getUint32(0x74, true), size: view.getUint32(0x78, true) });
    }
    const root = this.entries.find((e) => e.type === ROOT);
    this.miniStream = root ? this.chain(root.start).subarray(0, root.size) : new Uint8Array(0);
    this.miniFat = toWords(this.chain(this.view.getUint32(0x3c, true)));
  }

  /** The bytes of the first stream with this name (case-insensitive, as [MS-CFB] compares), or null. */
  stream(name: string): Uint8Array | null {
    const entry = this.entries.find((e) => e.type === STREAM && e.name.toLowerCase() === name.toLowerCase());
    if (!entry) return null;
    if (entry.size < this.cutoff) return this.miniChain(entry.start, entry.size);
    const data = this.chain(entry.start);
    if (data.length < entry.size) throw damaged();
    return data.subarray(0, entry.size);
  }

  private sectorOffset(sector: number): number {
    return (sector + 1) * this.sectorSize;
  }

  /** The FAT's sector numbers from the header's 109 DIFAT slots and the DIFAT chain, then the FAT itself. */
  private readFat(): Uint32Array {
    const sectors: number[] = [];
    const count = this.view.getUint32(0x2c, true);
    for (let i = 0; i < 109 && sectors.length < count; i++) sectors.push(this.view.getUint32(0x4c + i * 4, true));
    let difat = this.view.getUint32(0x44, true);
    const perSector = this.sectorSize / 4 - 1;
    for (let guard = 0; difat !== END_OF_CHAIN && difat !== FREE && sectors.length < count; guard++) {
      const at = this.sectorOffset(difat);
      if (guard > this.bytes.length / this.sectorSize || at + this.sectorSize > this.bytes.length) throw damaged();
      for (let i = 0; i < perSector && sectors.length < count; i++) sectors.push(this.view.getUint32(at + i * 4, true));
      difat = this.view.getUint32(at + perSector * 4, true);
    }
    const fat = new Uint32Array(sectors.length * (this.sectorSize / 4));
    sectors.forEach((s, k) => {
      const at = this.sectorOffset(s);
      if (at + this.sectorSize > this.bytes.length) throw damaged();
      for (let i = 0; i < this.sectorSize / 4; i++) fat[k * (this.sectorSize / 4) + i] = this.view.getUint32(at + i * 4, true);
    });
    return fat;
  }

  /** A chain of regular sectors, concatenated. */
  private chain(start: number): Uint8Array {
    const sectors: number[] = [];
    const max = Math.ceil(this.bytes.length / this.sectorSize);
    for (let s = start; s !== END_OF_CHAIN && s !== FREE; s = this.fat[s]!) {
      if (s >= this.fat.length || sectors.length > max || this.sectorOffset(s) + this.sectorSize > this.bytes.length) throw damaged();
      sectors.push(s);
    }
    const out = new Uint8Array(sectors.length * this.sectorSize);
    sectors.forEach((s, i) => out.set(this.bytes.subarray(this.sectorOffset(s), this.sectorOffset(s) + this.sectorSize), i * this.sectorSize));
    return out;
  }

  /** A stream kept in the mini stream (64-byte sectors). */
  private miniChain(start: number, size: number): Uint8Array {
    const out = new Uint8Array(size);
    let written = 0;
    const max = this.miniStream.length / 64;
    for (let s = start, n = 0; s !== END_OF_CHAIN && s !== FREE && written < size; s = this.miniFat[s]!, n++) {
      if (s >= this.miniFat.length || n > max || (s + 1) * 64 > this.miniStream.length) throw damaged();
      const piece = this.miniStream.subarray(s * 64, Math.min((s + 1) * 64, s * 64 + size - written));
      out.set(piece, written);
      written += piece.length;
    }
    if (written < size) throw damaged();
    return out;
  }
}

function toWords(bytes: Uint8Array): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint32Array(bytes.length >> 2);
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}
