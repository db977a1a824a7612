/** The person binding (人员对照): proposed from the month's data tabs, edited, confirmed into the tab. */
import type { PersonBinding } from '../server/api';
import type { DataActions } from './data-actions';
import { fill, STRINGS } from './strings';
import type { Core } from './view';

export const PEOPLE_TAB = '人员对照';

export class PeopleActions {
  constructor(private readonly core: Core, private readonly data: DataActions) {}

  /** Whether builds merge accounts (the document has a 人员对照 tab). */
  inUse(): boolean {
    return this.core.state.server.sheets.includes(PEOPLE_TAB);
  }

  /** Asks the server for the binding of the month's accounts: the tab's rows kept, the rest proposed. */
  propose(): Promise<void> {
    return this.core.busy(async () => {
      const s = this.core.state;
      const sources = await this.data.sources();
      if (!sources) return;
      const reply = await this.core.call('kk_proposePeople', { sources });
      if (!reply.ok) {
        s.peopleNotice = { kind: 'error', msg: reply.error, details: reply.details };
        return;
      }
      s.people = reply.value.bindings;
      s.peopleNotice = null;
    });
  }

  /** One edit of the table (no redraw: the input keeps its focus). */
  edit(index: number, key: 'person' | 'platform', value: string): void {
    const row = this.core.state.people?.[index];
    if (row) row[key] = value;
  }

  /** Writes the binding as confirmed; rows without a person are left out (their account stays itself). */
  confirm(): Promise<void> {
    return this.core.busy(async () => {
      const s = this.core.state;
      if (!s.people) return;
      const bindings: PersonBinding[] = s.people
        .map((b) => ({ account: b.account.trim(), person: b.person.trim(), platform: b.platform.trim() }))
        .filter((b) => b.account !== '' && b.person !== '');
      const reply = await this.core.call('kk_savePeople', { bindings });
      if (!reply.ok) {
        s.peopleNotice = { kind: 'error', msg: reply.error, details: reply.details };
        return;
      }
      if (!s.server.sheets.includes(reply.value.sheetName)) s.server.sheets.push(reply.value.sheetName);
      s.people = null;
      s.peopleNotice = { kind: 'info', msg: fill(STRINGS.peopleSaved, { sheet: reply.value.sheetName, rows: reply.value.rows }) };
    });
  }
}
