/** The data section's actions: the data tab, the month, the column corrections, importing a file. */
import { firstNonEmpty, IMPORT_LIMITS, readTableFile, sendImport } from '../files';
import { UserError } from '../i18n';
import type { RequestOf, ValueOf } from './server';
import { fill, STRINGS } from './strings';
import type { Core } from './view';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class DataActions {
  constructor(private readonly core: Core) {}

  monthValid(): boolean {
    return MONTH.test(this.core.state.month);
  }

  setMonth(month: string): void {
    const before = this.core.state.month;
    this.core.state.month = month.trim();
    this.core.refreshLive();
    if (this.core.state.month !== before && this.monthValid()) void this.monthChosen?.(this.core.state.month);
  }

  /** Called with a newly chosen valid month (the template section loads that month's tab template). */
  monthChosen?: (month: string) => Promise<void>;

  /** Another data tab: the manager's corrections belonged to the old one; its columns are read at once. */
  setDataSheet(name: string): Promise<void> {
    const s = this.core.state;
    s.dataSheet = name || null;
    s.mapping = {};
    s.analysis = null;
    s.dataNotice = null;
    return this.analyse();
  }

  analyse(): Promise<void> {
    return this.core.busy(async () => {
      await this.runAnalysis();
    });
  }

  /** A manager's correction of one column (`''` = not used), then a fresh analysis with it. */
  correctColumn(index: number, field: string): Promise<void> {
    this.core.state.mapping[String(index)] = field === '' ? null : field;
    return this.analyse();
  }

  /** Asks the server how the data tab reads for the month; the reply is kept in the state. */
  async runAnalysis(): Promise<ValueOf<'kk_analyseData'> | null> {
    const s = this.core.state;
    if (!s.dataSheet) return null;
    if (!this.monthValid()) {
      s.dataNotice = { kind: 'error', msg: STRINGS.monthInvalid };
      return null;
    }
    const mapping = Object.keys(s.mapping).length > 0 ? { ...s.mapping } : undefined;
    const reply = await this.core.call('kk_analyseData', { sheetName: s.dataSheet, month: s.month, ...(mapping ? { mapping } : {}) });
    if (!reply.ok) {
      s.analysis = null;
      s.dataNotice = { kind: 'error', msg: reply.error, details: reply.details };
      return null;
    }
    s.analysis = reply.value;
    if (s.dataNotice?.kind === 'error') s.dataNotice = null;
    return reply.value;
  }

  /**
   * Reads a .csv / .xlsx / .xls in the browser (refused while reading when it outgrows what one
   * import may write), writes it to a new tab in parts with progress, then analyses it.
   */
  importFile(file: File): Promise<void> {
    return this.core.busy(async () => {
      const s = this.core.state;
      s.dataNotice = { kind: 'info', msg: fill(STRINGS.importReading, { name: file.name }) };
      this.core.render('data');
      let grids;
      try {
        grids = await readTableFile(file.name, new Uint8Array(await file.arrayBuffer()), IMPORT_LIMITS);
      } catch (e) {
        const detail = e instanceof Error ? e.message : String(e);
        s.dataNotice = { kind: 'error', msg: e instanceof UserError ? e.msg : fill(STRINGS.errUnexpected, { detail }) };
        return;
      }
      const grid = firstNonEmpty(grids);
      if (!grid) {
        s.dataNotice = { kind: 'error', msg: fill(STRINGS.importEmpty, { name: file.name }) };
        return;
      }
      const transport = {
        importRows: (req: RequestOf<'kk_importRows'>) => this.core.call('kk_importRows', req),
        discardImport: (req: { sheetName: string }) => this.core.call('kk_discardImport', req),
      };
      const reply = await sendImport(transport, file.name, grid.rows, (sent, total) => {
        s.dataNotice = { kind: 'info', msg: fill(STRINGS.importSending, { sent, total }) };
        this.core.render('data');
      });
      if (!reply.ok) {
        s.dataNotice = { kind: 'error', msg: reply.error, details: reply.details };
        return;
      }
      const imported = reply.value;
      if (!s.server.sheets.includes(imported.sheetName)) s.server.sheets.push(imported.sheetName);
      s.dataSheet = imported.sheetName;
      s.mapping = {};
      const details = grids.length > 1 ? [fill(STRINGS.importSheetUsed, { name: grid.name })] : undefined;
      s.dataNotice = {
        kind: 'info',
        msg: fill(STRINGS.importDone, { rows: imported.rows, columns: imported.columns, sheet: imported.sheetName }),
        ...(details ? { details } : {}),
      };
      const notice = s.dataNotice;
      await this.runAnalysis();
      if (!s.dataNotice) s.dataNotice = notice;
    });
  }
}
