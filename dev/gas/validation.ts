/**
 * Data validation: `SpreadsheetApp.newDataValidation()` builds a rule, `Range.setDataValidation(s)` puts it on
 * cells (kept per cell, moving with them on inserts, deletes and sorts). As in Sheets, a rule binds what a
 * user types, never what a script writes: `setValue(s)` stores anything. `accepts` is what the user-typing
 * helper (`book.typeAsUser`) asks before it lets a value in.
 */
import { signatureError } from './args';
import type { SheetsValue } from './cells';
import { DataValidationCriteria, memberName, type EnumMember } from './enums';
import { API, defineApi, type Implements } from './expose';
import { FakeRange } from './range';
import { isDate } from './realm';

type Criteria = keyof typeof DataValidationCriteria;

const RULE_METHODS = ['copy', 'getAllowInvalid', 'getCriteriaType', 'getCriteriaValues', 'getHelpText'] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.DataValidation)[];
const BUILDER_METHODS = [
  ...RULE_METHODS, 'build', 'setAllowInvalid', 'setHelpText', 'withCriteria', 'requireNumberBetween', 'requireNumberNotBetween',
  'requireNumberEqualTo', 'requireNumberNotEqualTo', 'requireNumberGreaterThan', 'requireNumberGreaterThanOrEqualTo',
  'requireNumberLessThan', 'requireNumberLessThanOrEqualTo', 'requireValueInList', 'requireValueInRange', 'requireTextContains',
  'requireTextDoesNotContain', 'requireTextEqualTo', 'requireTextIsEmail', 'requireTextIsUrl', 'requireCheckbox',
  'requireFormulaSatisfied',
] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.DataValidationBuilder)[];

const RULE_API = defineApi('DataValidation', 'spreadsheet', RULE_METHODS);
const BUILDER_API = defineApi('DataValidationBuilder', 'spreadsheet', BUILDER_METHODS);

interface RuleSpec {
  criteria: Criteria | null;
  values: unknown[];
  /** Sheets' default for a new rule: show a warning, keep the input. */
  allowInvalid: boolean;
  helpText: string | null;
}

/** A built rule. Immutable: one rule may sit on many cells. */
export class FakeDataValidation implements Implements<(typeof RULE_METHODS)[number]> {
  get [API]() {
    return RULE_API;
  }

  constructor(readonly spec: Readonly<RuleSpec> & { criteria: Criteria }) {}

  copy(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder({ ...this.spec, values: [...this.spec.values] });
  }

  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }

  getCriteriaType(): EnumMember {
    return DataValidationCriteria[this.spec.criteria];
  }

  getCriteriaValues(): unknown[] {
    return this.spec.values.map((v) => (Array.isArray(v) ? [...v] : v));
  }

  getHelpText(): string {
    return this.spec.helpText ?? '';
  }
}

const method = (name: string) => `SpreadsheetApp.DataValidationBuilder.${name}`;

function numbers(name: string, args: unknown[]): number[] {
  if (!args.every((a) => typeof a === 'number' && Number.isFinite(a))) throw signatureError(method(name), args);
  return args as number[];
}

function texts(name: string, args: unknown[]): string[] {
  if (!args.every((a) => typeof a === 'string')) throw signatureError(method(name), args);
  return args as string[];
}

function showDropdown(name: string, args: unknown[], value: unknown): boolean {
  if (value === undefined) return true;
  if (typeof value !== 'boolean') throw signatureError(method(name), args);
  return value;
}

export class FakeDataValidationBuilder implements Implements<(typeof BUILDER_METHODS)[number]> {
  private readonly spec: RuleSpec;

  get [API]() {
    return BUILDER_API;
  }

  constructor(from: RuleSpec = { criteria: null, values: [], allowInvalid: true, helpText: null }) {
    this.spec = { ...from, values: [...from.values] };
  }

  build(): FakeDataValidation {
    const { criteria } = this.spec;
    if (criteria === null) throw new Error('FakeGas: a data validation rule needs a criterion (requireNumberBetween, requireValueInList …) before build()');
    return new FakeDataValidation({ ...this.spec, criteria, values: [...this.spec.values] });
  }

  copy(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder(this.spec);
  }

  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }

  getCriteriaType(): EnumMember | null {
    return this.spec.criteria === null ? null : DataValidationCriteria[this.spec.criteria];
  }

  getCriteriaValues(): unknown[] {
    return [...this.spec.values];
  }

  getHelpText(): string | null {
    return this.spec.helpText;
  }

  setAllowInvalid(allow: unknown): FakeDataValidationBuilder {
    if (typeof allow !== 'boolean') throw signatureError(method('setAllowInvalid'), [allow]);
    this.spec.allowInvalid = allow;
    return this;
  }

  setHelpText(text: unknown): FakeDataValidationBuilder {
    this.spec.helpText = texts('setHelpText', [text])[0]!;
    return this;
  }

  withCriteria(criteria: unknown, args: unknown): FakeDataValidationBuilder {
    if (!Array.isArray(args)) throw signatureError(method('withCriteria'), [criteria, args]);
    return this.set(memberName(DataValidationCriteria, criteria, 'data validation criteria'), args);
  }

  private set(criteria: Criteria, values: unknown[]): FakeDataValidationBuilder {
    this.spec.criteria = criteria;
    this.spec.values = values;
    return this;
  }

  requireNumberBetween(start: unknown, end: unknown): FakeDataValidationBuilder {
    return this.set('NUMBER_BETWEEN', numbers('requireNumberBetween', [start, end]));
  }

  requireNumberNotBetween(start: unknown, end: unknown): FakeDataValidationBuilder {
    return this.set('NUMBER_NOT_BETWEEN', numbers('requireNumberNotBetween', [start, end]));
  }

  requireNumberEqualTo(n: unknown): FakeDataValidationBuilder {
    return this.set('NUMBER_EQUAL_TO', numbers('requireNumberEqualTo', [n]));
  }

  requireNumberNotEqualTo(n: unknown): FakeDataValidationBuilder {
    return this.set('NUMBER_NOT_EQUAL_TO', numbers('requireNumberNotEqualTo', [n]));
  }

  requireNumberGreaterThan(n: unknown): FakeDataValidationBuilder {
    return this.set('NUMBER_GREATER_THAN', numbers('requireNumberGreaterThan', [n]));
  }

  requireNumberGreaterThanOrEqualTo(n: unknown): FakeDataValidationBuilder {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', numbers('requireNumberGreaterThanOrEqualTo', [n]));
  }

  requireNumberLessThan(n: unknown): FakeDataValidationBuilder {
    return this.set('NUMBER_LESS_THAN', numbers('requireNumberLessThan', [n]));
  }

  requireNumberLessThanOrEqualTo(n: unknown): FakeDataValidationBuilder {
    return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', numbers('requireNumberLessThanOrEqualTo', [n]));
  }

  /** Criteria values: `[list, showDropdown]` (the dropdown shows unless told otherwise). */
  requireValueInList(list: unknown, dropdown?: unknown): FakeDataValidationBuilder {
    const args = dropdown === undefined ? [list] : [list, dropdown];
    if (!Array.isArray(list) || list.length === 0) throw signatureError(method('requireValueInList'), args);
    return this.set('VALUE_IN_LIST', [texts('requireValueInList', [...list]), showDropdown('requireValueInList', args, dropdown)]);
  }

  /** Criteria values: `[range, showDropdown]`. The range is kept as given (it does not follow later inserts). */
  requireValueInRange(range: unknown, dropdown?: unknown): FakeDataValidationBuilder {
    const args = dropdown === undefined ? [range] : [range, dropdown];
    if (!(range instanceof FakeRange)) throw signatureError(method('requireValueInRange'), args);
    return this.set('VALUE_IN_RANGE', [range, showDropdown('requireValueInRange', args, dropdown)]);
  }

  requireTextContains(text: unknown): FakeDataValidationBuilder {
    return this.set('TEXT_CONTAINS', texts('requireTextContains', [text]));
  }

  requireTextDoesNotContain(text: unknown): FakeDataValidationBuilder {
    return this.set('TEXT_DOES_NOT_CONTAIN', texts('requireTextDoesNotContain', [text]));
  }

  requireTextEqualTo(text: unknown): FakeDataValidationBuilder {
    return this.set('TEXT_EQUAL_TO', texts('requireTextEqualTo', [text]));
  }

  requireTextIsEmail(): FakeDataValidationBuilder {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }

  requireTextIsUrl(): FakeDataValidationBuilder {
    return this.set('TEXT_IS_VALID_URL', []);
  }

  requireCheckbox(checked?: unknown, unchecked?: unknown): FakeDataValidationBuilder {
    return this.set('CHECKBOX', [checked, unchecked].filter((v) => v !== undefined));
  }

  requireFormulaSatisfied(formula: unknown): FakeDataValidationBuilder {
    return this.set('CUSTOM_FORMULA', texts('requireFormulaSatisfied', [formula]));
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL = /^(https?:\/\/)?[^\s/.]+\.[^\s]+$/i;

/**
 * Whether Sheets lets a user's input stand under the rule: the value the cell would hold (`""` when blank,
 * always allowed, as clearing a cell is). Number criteria refuse text (`9分`); a formula's result is checked.
 */
export function accepts(rule: FakeDataValidation, value: SheetsValue): boolean {
  if (value === '') return true;
  const v = rule.spec.values;
  const n = typeof value === 'number' ? value : NaN;
  const isNumber = typeof value === 'number';
  const text = isDate(value) ? value.toISOString() : String(value);
  switch (rule.spec.criteria) {
    case 'NUMBER_BETWEEN': return isNumber && n >= (v[0] as number) && n <= (v[1] as number);
    case 'NUMBER_NOT_BETWEEN': return isNumber && (n < (v[0] as number) || n > (v[1] as number));
    case 'NUMBER_EQUAL_TO': return isNumber && n === v[0];
    case 'NUMBER_NOT_EQUAL_TO': return isNumber && n !== v[0];
    case 'NUMBER_GREATER_THAN': return isNumber && n > (v[0] as number);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO': return isNumber && n >= (v[0] as number);
    case 'NUMBER_LESS_THAN': return isNumber && n < (v[0] as number);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO': return isNumber && n <= (v[0] as number);
    case 'VALUE_IN_LIST': return (v[0] as string[]).includes(text);
    case 'VALUE_IN_RANGE': return (v[0] as FakeRange).getValues().some((row) => row.some((cell) => cell !== '' && String(cell) === text));
    case 'TEXT_CONTAINS': return text.includes(v[0] as string);
    case 'TEXT_DOES_NOT_CONTAIN': return !text.includes(v[0] as string);
    case 'TEXT_EQUAL_TO': return text === v[0];
    case 'TEXT_IS_VALID_EMAIL': return EMAIL.test(text);
    case 'TEXT_IS_VALID_URL': return URL.test(text);
    case 'CHECKBOX': return v.length === 0 ? typeof value === 'boolean' : v.some((x) => String(x) === text);
    default:
      throw new Error(`FakeGas: typing under a ${rule.spec.criteria} rule is not modelled; use a number, list, range, text or checkbox rule`);
  }
}
