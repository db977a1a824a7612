/**
 * Excel 97–2003 workbooks (BIFF8 `.xls`, the format 千牛 / 生意参谋 and older back-ends still
 * download) to rows of text, like the .xlsx reader: every worksheet in tab order, strings as
 * text, numbers as their shortest digits, formulas as their cached value, dates and durations
 * by the cell's number format (`dates.ts`). [MS-XLS] records read: BOUNDSHEET, SST (+ CONTINUE),
 * FORMAT, XF, DATEMODE, FILEPASS, DIMENSIONS, LABELSST, LABEL, RSTRING, NUMBER, RK, MULRK,
 * BOOLERR, FORMULA (+ STRING). A sheet's DIMENSIONS beyond `limits` is refused before its cells.
 */
import { UserError } from '../i18n';
import { CompoundFile, damaged } from './cfb';
import { formatIdKind, serialText, type SerialKind } from './dates';
import { GridBuilder, type SheetGrid } from './grid';
import { checkSize, SHEETS_LIMITS, type ReadLimits } from './limits';

const R = {
  FORMULA: 0x0006, EOF: 0x000a, DATEMODE: 0x0022, FILEPASS: 0x002f, CONTINUE: 0x003c, BOUNDSHEET: 0x0085,
  MULRK: 0x00bd, XF: 0x00e0, SST: 0x00fc, LABELSST: 0x00fd, RSTRING: 0x00d6, DIMENSIONS: 0x0200, NUMBER: 0x0203,
  LABEL: 0x0204, BOOLERR: 0x0205, STRING: 0x0207, RK: 0x027e, FORMAT: 0x041e, BOF: 0x0809,
} as const;

const ERRORS: Readonly<Record<number, string>> = {
  0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A',
};

const unsupported = () =>
  new UserError({
    zh: '这个 .xls 是 Excel 95 或更早的格式，无法直接读取；请在 Excel 或 WPS 中另存为 .xlsx 后再导入。',
    en: 'This .xls is in the Excel 95 (or older) format, which cannot be read directly; save it as .xlsx in Excel or WPS and import that.',
  });

/**
 * A record's payload and those of the CONTINUE records after it. Strings may break across them;
 * where they do, the next piece starts with a fresh flags byte saying whether its characters
 * take one byte or two.
 */
class Pieces {
  private i = 0;
  private pos = 0;
  constructor(private readonly pieces: Uint8Array[]) {}

  private current(): Uint8Array {
    while (this.pos >= this.pieces[this.i]!.length) {
      if (this.i + 1 >= this.pieces.length) throw damaged();
      this.i++;
      this.pos = 0;
    }
    return this.pieces[this.i]!;
  }
  u8(): number {
    return this.current()[this.pos++]!;
  }
  u16(): number {
    return this.u8() | (this.u8() << 8);
  }
  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }
  skip(n: number): void {
    for (let left = n; left > 0;) {
      const piece = this.current();
      const step = Math.min(left, piece.length - this.pos);
      this.pos += step;
      left -= step;
    }
  }
  /** An XLUnicodeString's characters after its count: flags, optional rich-text and phonetic parts. */
  string(cch: number): string {
    const flags = this.u8();
    const runs = flags & 0x08 ? this.u16() : 0;
    const ext = flags & 0x04 ? this.u32() : 0;
    let high = (flags & 0x01) !== 0;
    let out = '';
    for (let left = cch; left > 0;) {
      if (this.pos >= this.pieces[this.i]!.length) {
        this.current();
        high = (this.u8() & 0x01) !== 0;
      }
      const piece = this.pieces[this.i]!;
      const fits = Math.min(left, Math.floor((piece.length - this.pos) / (high ? 2 : 1)));
      if (fits <= 0) throw damaged();
      for (let k = 0; k < fits; k++) out += String.fromCharCode(high ? piece[this.pos + 2 * k]! | (piece[this.pos + 2 * k + 1]! << 8) : piece[this.pos + k]!);
      this.pos += fits * (high ? 2 : 1);
      left -= fits;
    }
    this.skip(runs * 4 + ext);
    return out;
  }
  /** A string whose count is 16 bits (XLUnicodeString), or 8 bits (ShortXLUnicodeString). */
  text16(): string {
    return this.string(this.u16());
  }
  text8(): string {
    return this.string(this.u8());
  }
}

interface RecordAt {
  type: number;
  data: Pieces;
  bytes: Uint8Array;
}

/** The records from `start`, each with its CONTINUE records, up to and including EOF. */
function* records(stream: Uint8Array, start: number): Generator<RecordAt> {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  let at = start;
  while (at + 4 <= stream.length) {
    const type = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (at + 4 + length > stream.length) throw damaged();
    const pieces = [stream.subarray(at + 4, at + 4 + length)];
    at += 4 + length;
    while (at + 4 <= stream.length && view.getUint16(at, true) === R.CONTINUE) {
      const l = view.getUint16(at + 2, true);
      if (at + 4 + l > stream.length) throw damaged();
      pieces.push(stream.subarray(at + 4, at + 4 + l));
      at += 4 + l;
    }
    yield { type, data: new Pieces(pieces), bytes: pieces[0]! };
    if (type === R.EOF) return;
  }
}

/** Excel shows 15 significant digits; a double's longer tail (0.30000000000000004) is binary noise. */
function numberText(n: number): string {
  return String(Number(n.toPrecision(15)));
}

function rk(value: number): number {
  const n = value & 0x02 ? value >> 2 : new DataView(new Uint32Array([0, value & 0xfffffffc]).buffer).getFloat64(0, true);
  return value & 0x01 ? n / 100 : n;
}

interface Globals {
  sheets: { name: string; offset: number }[];
  strings: string[];
  kinds: (SerialKind | null)[];
  date1904: boolean;
}

function readGlobals(stream: Uint8Array): Globals {
  const g: Globals = { sheets: [], strings: [], kinds: [], date1904: false };
  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  let first = true;
  for (const r of records(stream, 0)) {
    if (first) {
      // BOF: version 0x0600 is BIFF8; BIFF5 (0x0500) and older are refused.
      if (r.type !== R.BOF || r.bytes.length < 4 || (r.bytes[0]! | (r.bytes[1]! << 8)) !== 0x0600) throw unsupported();
      first = false;
    } else if (r.type === R.FILEPASS) {
      throw new UserError({
        zh: '这个 .xls 文件设置了密码，无法读取；请在 Excel 中取消密码或另存为 .xlsx 后再导入。',
        en: 'This .xls file is password-protected and cannot be read; remove the password in Excel or save it as .xlsx and import that.',
      });
    } else if (r.type === R.BOUNDSHEET) {
      const offset = r.data.u32();
      r.data.u8(); // visibility
      const kind = r.data.u8();
      const name = r.data.text8();
      if (kind === 0) g.sheets.push({ name, offset });
    } else if (r.type === R.SST) {
      r.data.u32();
      const unique = r.data.u32();
      for (let k = 0; k < unique; k++) g.strings.push(r.data.text16());
    } else if (r.type === R.FORMAT) {
      const id = r.data.u16();
      formats.set(id, r.data.text16());
    } else if (r.type === R.XF) {
      r.data.u16();
      xfFormats.push(r.data.u16());
    } else if (r.type === R.DATEMODE) {
      g.date1904 = r.data.u16() === 1;
    }
  }
  g.kinds = xfFormats.map((id) => formatIdKind(id, formats));
  return g;
}

function readSheet(stream: Uint8Array, offset: number, g: Globals, limits: ReadLimits): string[][] {
  const grid = new GridBuilder(limits);
  const numberAt = (row: number, col: number, xf: number, n: number) => {
    const kind = g.kinds[xf];
    grid.put(row, col, kind ? serialText(n, kind, g.date1904) : numberText(n));
  };
  let pendingFormula: [number, number] | null = null;
  for (const r of records(stream, offset)) {
    const d = r.data;
    switch (r.type) {
      case R.DIMENSIONS: {
        // rows and columns past the last used one: a sheet too large is refused before its cells are read.
        const firstRow = d.u32();
        const rowsUsed = d.u32(); // one past the last used row (0-based), i.e. rows from the top
        d.u16();
        const columnsUsed = d.u16();
        if (firstRow <= rowsUsed) checkSize(rowsUsed, columnsUsed, limits);
        break;
      }
      case R.LABELSST: {
        const [row, col] = [d.u16(), d.u16()];
        d.u16();
        grid.put(row, col, g.strings[d.u32()] ?? '');
        break;
      }
      case R.LABEL:
      case R.RSTRING: {
        const [row, col] = [d.u16(), d.u16()];
        d.u16();
        grid.put(row, col, d.text16());
        break;
      }
      case R.NUMBER: {
        const [row, col, xf] = [d.u16(), d.u16(), d.u16()];
        numberAt(row, col, xf, new DataView(r.bytes.buffer, r.bytes.byteOffset + 6, 8).getFloat64(0, true));
        break;
      }
      case R.RK: {
        const [row, col, xf] = [d.u16(), d.u16(), d.u16()];
        numberAt(row, col, xf, rk(d.u32()));
        break;
      }
      case R.MULRK: {
        const [row, firstCol] = [d.u16(), d.u16()];
        const count = (r.bytes.length - 6) / 6;
        for (let k = 0; k < count; k++) {
          const xf = d.u16();
          numberAt(row, firstCol + k, xf, rk(d.u32()));
        }
        break;
      }
      case R.BOOLERR: {
        const [row, col] = [d.u16(), d.u16()];
        d.u16();
        const [value, isError] = [d.u8(), d.u8()];
        grid.put(row, col, isError ? (ERRORS[value] ?? '#N/A') : value ? 'TRUE' : 'FALSE');
        break;
      }
      case R.FORMULA: {
        const [row, col, xf] = [d.u16(), d.u16(), d.u16()];
        const b = r.bytes;
        if (b[12] === 0xff && b[13] === 0xff) {
          // Not a number: the result's type is in the first byte (0 text, in the STRING record that follows).
          if (b[6] === 0) pendingFormula = [row, col];
          else if (b[6] === 1) grid.put(row, col, b[8] ? 'TRUE' : 'FALSE');
          else if (b[6] === 2) grid.put(row, col, ERRORS[b[8]!] ?? '#N/A');
        } else {
          numberAt(row, col, xf, new DataView(b.buffer, b.byteOffset + 6, 8).getFloat64(0, true));
        }
        break;
      }
      case R.STRING:
        if (pendingFormula) grid.put(pendingFormula[0], pendingFormula[1], d.text16());
        pendingFormula = null;
        break;
      default:
        break;
    }
  }
  return grid.grid();
}

/** Reads every worksheet of a BIFF8 `.xls`. Throws a `UserError` for a file it cannot read. */
export function parseXls(bytes: Uint8Array, limits: ReadLimits = SHEETS_LIMITS): SheetGrid[] {
  const cfb = new CompoundFile(bytes);
  const stream = cfb.stream('Workbook');
  if (!stream) {
    if (cfb.stream('Book')) throw unsupported();
    throw new UserError({
      zh: '这个文件是 Office 文档，但里面没有 Excel 工作簿（可能是 Word 或其他文件）；请选择 Excel 导出的文件。',
      en: 'This file is an Office document but holds no Excel workbook (perhaps a Word file); choose the file the back-end exported.',
    });
  }
  const g = readGlobals(stream);
  return g.sheets.map((s) => ({ name: s.name, rows: s.offset < stream.length ? readSheet(stream, s.offset, g, limits) : [] }));
}
