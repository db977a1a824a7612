/**
 * `Protection` of a whole sheet or of a range. The script runs as the spreadsheet's owner, so protections
 * never block its own writes; they are recorded for the "prepare for the owner" flow to be checked.
 */
import { rectToA1, type Rect } from './a1';
import { signatureError } from './args';
import { ProtectionType, type EnumMember } from './enums';
import { API, defineApi, type Implements } from './expose';
import { FakeRange } from './range';
import type { FakeSheet } from './sheet';

const PROTECTION_METHODS = [
  'setDescription', 'getDescription', 'setUnprotectedRanges', 'getUnprotectedRanges', 'setWarningOnly',
  'removeEditors', 'addEditor', 'getEditors', 'canDomainEdit', 'setDomainEdit', 'remove', 'getRange',
] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.Protection)[];

const PROTECTION_API = defineApi('Protection', 'spreadsheet', PROTECTION_METHODS);
const USER_METHODS = ['getEmail'] as const satisfies readonly (keyof GoogleAppsScript.Base.User)[];
const USER_API = defineApi('User', 'spreadsheet', USER_METHODS);

/** Who runs the script (and owns the spreadsheet): never removable from a protection, as in Sheets. */
export const OWNER_EMAIL = 'owner@example.com';

export class FakeUser implements Implements<(typeof USER_METHODS)[number]> {
  get [API]() {
    return USER_API;
  }

  constructor(readonly email: string) {}

  getEmail(): string {
    return this.email;
  }
}

export type ProtectionKind = 'SHEET' | 'RANGE';

export class FakeProtection implements Implements<(typeof PROTECTION_METHODS)[number]>,
  Pick<GoogleAppsScript.Spreadsheet.Protection, 'getDescription' | 'canDomainEdit' | 'remove'> {
  description = '';
  warningOnly = false;
  domainEdit = true;
  editors: string[] = [OWNER_EMAIL];
  unprotected: FakeRange[] = [];

  get [API]() {
    return PROTECTION_API;
  }

  /** `rect` is the protected range; null for a sheet protection (the whole sheet, whatever its size). */
  constructor(readonly sheet: FakeSheet, readonly kind: ProtectionKind, public rect: Rect | null) {}

  get type(): EnumMember {
    return ProtectionType[this.kind];
  }

  setDescription(description: unknown): FakeProtection {
    this.description = String(description ?? '');
    return this;
  }

  getDescription(): string {
    return this.description;
  }

  setUnprotectedRanges(ranges: unknown): FakeProtection {
    if (!Array.isArray(ranges) || !ranges.every((r) => r instanceof FakeRange)) {
      throw signatureError('SpreadsheetApp.Protection.setUnprotectedRanges', [ranges]);
    }
    if (this.kind !== 'SHEET') throw new Error('Unprotected ranges can only be set on a sheet protection.');
    const foreign = (ranges as FakeRange[]).find((r) => r.sheet !== this.sheet);
    if (foreign) throw new Error(`The range ${foreign.getA1Notation()} is not on the protected sheet ${this.sheet.name}.`);
    this.unprotected = [...(ranges as FakeRange[])];
    return this;
  }

  getUnprotectedRanges(): FakeRange[] {
    return [...this.unprotected];
  }

  setWarningOnly(warningOnly: unknown): FakeProtection {
    this.warningOnly = Boolean(warningOnly);
    return this;
  }

  /** Removes editors given as emails or `User`s; the owner stays, as in Sheets. */
  removeEditors(users: unknown): FakeProtection {
    if (!Array.isArray(users)) throw signatureError('SpreadsheetApp.Protection.removeEditors', [users]);
    const emails = new Set(users.map((u) => (u instanceof FakeUser ? u.email : String(u))));
    this.editors = this.editors.filter((e) => e === OWNER_EMAIL || !emails.has(e));
    return this;
  }

  addEditor(user: unknown): FakeProtection {
    const email = user instanceof FakeUser ? user.email : String(user);
    if (!this.editors.includes(email)) this.editors.push(email);
    return this;
  }

  getEditors(): FakeUser[] {
    return this.editors.map((e) => new FakeUser(e));
  }

  canDomainEdit(): boolean {
    return this.domainEdit;
  }

  setDomainEdit(editable: unknown): FakeProtection {
    this.domainEdit = Boolean(editable);
    return this;
  }

  remove(): void {
    this.sheet.removeProtection(this);
  }

  getRange(): FakeRange {
    return new FakeRange(this.sheet, this.rect ?? { row: 1, column: 1, numRows: this.sheet.maxRows, numColumns: this.sheet.maxColumns });
  }

  /** The A1 notation of what is protected (`null` rect: the whole sheet). */
  describe(): { type: ProtectionKind; range: string | null; description: string; warningOnly: boolean; unprotected: string[]; editors: string[]; domainEdit: boolean } {
    return {
      type: this.kind,
      range: this.rect ? rectToA1(this.rect) : null,
      description: this.description,
      warningOnly: this.warningOnly,
      unprotected: this.unprotected.map((r) => r.getA1Notation()),
      editors: [...this.editors],
      domainEdit: this.domainEdit,
    };
  }
}
