/**
 * A minimal data validation for the fakes: `SpreadsheetApp.newDataValidation()` with
 * `requireValueInList` / `requireValueInRange`, `setAllowInvalid`, `build`, and
 * `Range.setDataValidation(rule)` storing the rule on the range's top-left cell (what the
 * 绩效单's agent picker needs; the full behaviour is gas's, see #7 item 8).
 */
import { signatureError } from './args';
import { API, defineApi, type Implements } from './expose';

const BUILDER_METHODS = ['requireValueInList', 'requireValueInRange', 'setAllowInvalid', 'build'] as const;
const BUILDER_API = defineApi('DataValidationBuilder', 'spreadsheet', BUILDER_METHODS);
const RULE_API = defineApi('DataValidation', 'spreadsheet', []);

export interface DataValidationView {
  kind: 'list' | 'range';
  /** The allowed values (`list`), or the A1 range with its sheet (`range`). */
  values: string[];
  range: string | null;
  showDropdown: boolean;
  allowInvalid: boolean;
}

export class FakeDataValidation {
  get [API]() {
    return RULE_API;
  }
  constructor(readonly view: DataValidationView) {}
}

export class FakeDataValidationBuilder implements Implements<(typeof BUILDER_METHODS)[number]> {
  get [API]() {
    return BUILDER_API;
  }
  private view: DataValidationView = { kind: 'list', values: [], range: null, showDropdown: true, allowInvalid: true };

  requireValueInList(values: unknown, showDropdown: unknown = true): FakeDataValidationBuilder {
    if (!Array.isArray(values)) throw signatureError('SpreadsheetApp.DataValidationBuilder.requireValueInList', [values, showDropdown]);
    this.view = { ...this.view, kind: 'list', values: values.map(String), range: null, showDropdown: showDropdown !== false };
    return this;
  }

  requireValueInRange(range: unknown, showDropdown: unknown = true): FakeDataValidationBuilder {
    const r = range as { getA1Notation?: () => string; getSheet?: () => { getName(): string } } | null;
    if (!r || typeof r.getA1Notation !== 'function' || typeof r.getSheet !== 'function') {
      throw signatureError('SpreadsheetApp.DataValidationBuilder.requireValueInRange', [range, showDropdown]);
    }
    this.view = { ...this.view, kind: 'range', values: [], range: `'${r.getSheet().getName()}'!${r.getA1Notation()}`, showDropdown: showDropdown !== false };
    return this;
  }

  setAllowInvalid(allow: unknown): FakeDataValidationBuilder {
    this.view = { ...this.view, allowInvalid: allow === true };
    return this;
  }

  build(): FakeDataValidation {
    return new FakeDataValidation({ ...this.view });
  }
}
