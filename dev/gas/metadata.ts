/** `DeveloperMetadata` on a sheet: the add-on's tag that says "this tab is ours" and where things are in it. */
import { stringArg } from './args';
import { DeveloperMetadataVisibility, type EnumMember } from './enums';
import { API, defineApi, type Implements } from './expose';
import type { FakeSheet } from './sheet';

const METADATA_METHODS = ['getKey', 'getValue', 'setValue', 'remove', 'getVisibility'] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.DeveloperMetadata)[];

const METADATA_API = defineApi('DeveloperMetadata', 'spreadsheet', METADATA_METHODS);

/** Sheets keeps at most 30,000 characters of developer metadata per sheet. */
export const METADATA_CHARS_PER_SHEET = 30_000;

export class FakeDeveloperMetadata implements Implements<(typeof METADATA_METHODS)[number]>,
  Pick<GoogleAppsScript.Spreadsheet.DeveloperMetadata, 'getKey' | 'getValue' | 'remove'> {
  get [API]() {
    return METADATA_API;
  }

  constructor(
    private readonly sheet: FakeSheet,
    readonly key: string,
    public value: string | null,
    readonly visibility: EnumMember,
  ) {}

  getKey(): string {
    return this.key;
  }

  getValue(): string | null {
    return this.value;
  }

  setValue(value: unknown): FakeDeveloperMetadata {
    const text = stringArg(value, 'SpreadsheetApp.DeveloperMetadata.setValue', [value]);
    this.sheet.checkMetadataRoom(text.length - (this.value?.length ?? 0));
    this.value = text;
    return this;
  }

  remove(): void {
    this.sheet.removeMetadata(this);
  }

  getVisibility(): EnumMember {
    return this.visibility;
  }
}

/** The visibility member for an `addDeveloperMetadata` argument (DOCUMENT when omitted). */
export function visibilityOf(value: unknown): EnumMember {
  return value === undefined ? DeveloperMetadataVisibility.DOCUMENT : DeveloperMetadataVisibility[String(value) as 'DOCUMENT' | 'PROJECT'];
}
