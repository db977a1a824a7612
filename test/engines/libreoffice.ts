/**
 * LibreOffice as a second formula engine: one headless soffice (driven by `dev/lo/recalc.py`
 * over Python UNO) for a whole test file. Workbooks go in as .xlsx files holding the formulas
 * as written (Excel syntax, which is also Sheets' syntax); every formula is recalculated
 * (LibreOffice keeps cached results on load unless forced) and each sheet's used area comes
 * back as values.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import * as XLSX from 'xlsx';

export type LoValue = number | string | { error: number };

export const INSTALL_HINT =
  'LibreOffice is the second formula engine of the tests and is not installed here. Install it with\n' +
  '  sudo apt-get install -y libreoffice-calc-nogui python3-uno\n' +
  '(Debian/Ubuntu; `.ci/run` does this), then run the tests again.';

/** The Python that has the `uno` module: Debian's own, not a pyenv shim. */
function unoPython(): string | null {
  for (const python of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(python, ['-c', 'import uno'], { stdio: 'ignore' });
    if (probe.status === 0) return python;
  }
  return null;
}

/** Why LibreOffice cannot run here, or null when it can. */
export function missingLibreOffice(): string | null {
  if (spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status !== 0) return `soffice not found.\n${INSTALL_HINT}`;
  if (!unoPython()) return `Python UNO (python3-uno) not found.\n${INSTALL_HINT}`;
  return null;
}

export interface SheetContent {
  name: string;
  /** Formulas by cell (`=…`, or '' for none), as the in-memory spreadsheet reports them. */
  formulas: string[][];
  /** Values by cell; used where there is no formula. */
  values: unknown[][];
}

/** An .xlsx workbook with the formulas as written and the other cells as values. */
export function writeXlsx(path: string, sheets: readonly SheetContent[]): void {
  const book = XLSX.utils.book_new();
  for (const sheet of sheets) {
    const ws: XLSX.WorkSheet = {};
    let rows = 0;
    let cols = 0;
    const height = Math.max(sheet.formulas.length, sheet.values.length);
    for (let r = 0; r < height; r++) {
      const width = Math.max(sheet.formulas[r]?.length ?? 0, sheet.values[r]?.length ?? 0);
      for (let c = 0; c < width; c++) {
        const formula = sheet.formulas[r]?.[c] ?? '';
        const value = sheet.values[r]?.[c];
        let cell: XLSX.CellObject | null = null;
        if (formula.startsWith('=')) cell = { t: 'n', f: formula.slice(1) };
        else if (typeof value === 'number') cell = { t: 'n', v: value };
        else if (typeof value === 'boolean') cell = { t: 'b', v: value };
        else if (typeof value === 'string' && value !== '') cell = { t: 's', v: value };
        if (!cell) continue;
        ws[XLSX.utils.encode_cell({ r, c })] = cell;
        rows = Math.max(rows, r + 1);
        cols = Math.max(cols, c + 1);
      }
    }
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(rows - 1, 0), c: Math.max(cols - 1, 0) } });
    XLSX.utils.book_append_sheet(book, ws, sheet.name);
  }
  XLSX.writeFile(book, path, { bookType: 'xlsx' });
}

export class LibreOffice {
  private readonly dir = mkdtempSync(join(tmpdir(), 'kefu-lo-'));
  private readonly pending: ((line: string) => void)[] = [];
  private count = 0;
  private stderr = '';

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    createInterface({ input: child.stdout }).on('line', (line) => this.pending.shift()?.(line));
    child.stderr.on('data', (chunk: Buffer) => { this.stderr = (this.stderr + chunk.toString()).slice(-4000); });
  }

  /** Starts soffice; throws the install instruction when LibreOffice is missing. */
  static start(): LibreOffice {
    const missing = missingLibreOffice();
    if (missing) throw new Error(missing);
    const child = spawn(unoPython()!, [join(process.cwd(), 'dev/lo/recalc.py')], { stdio: ['pipe', 'pipe', 'pipe'] });
    return new LibreOffice(child);
  }

  /** Every sheet's values after LibreOffice recalculated the workbook, by sheet name. */
  evaluate(sheets: readonly SheetContent[]): Promise<Record<string, LoValue[][]>> {
    const path = join(this.dir, `book-${++this.count}.xlsx`);
    writeXlsx(path, sheets);
    return new Promise((resolve, reject) => {
      const onExit = () => reject(new Error(`LibreOffice stopped before answering:\n${this.stderr}`));
      this.child.once('exit', onExit);
      this.pending.push((line) => {
        this.child.off('exit', onExit);
        const reply = JSON.parse(line) as { sheets?: Record<string, LoValue[][]>; fatal?: string };
        if (reply.fatal || !reply.sheets) reject(new Error(`LibreOffice: ${reply.fatal}`));
        else resolve(reply.sheets);
      });
      this.child.stdin.write(`${path}\n`);
    });
  }

  /** Closes soffice and removes the workbooks. */
  async close(): Promise<void> {
    const done = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin.end();
    await Promise.race([done, new Promise<void>((resolve) => setTimeout(resolve, 30_000))]);
    if (this.child.exitCode === null) this.child.kill();
    if (existsSync(this.dir)) rmSync(this.dir, { recursive: true, force: true });
  }
}
