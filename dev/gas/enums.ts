/**
 * Apps Script enums (`SpreadsheetApp.ProtectionType.SHEET`, `ui.Button.OK` …) are objects whose string form is
 * their name: `String(x) === 'SHEET'` but `x !== 'SHEET'`. Keeping them objects lets overloads such as
 * `addDeveloperMetadata(key, value | visibility)` tell a value from an enum, as Apps Script does.
 */
export class EnumMember {
  constructor(private readonly name: string) {
    Object.freeze(this);
  }

  toString(): string {
    return this.name;
  }

  toJSON(): string {
    return this.name;
  }
}

export type Enum<K extends string> = Readonly<Record<K, EnumMember>>;

export function makeEnum<const K extends string>(names: readonly K[]): Enum<K> {
  const members = {} as Record<K, EnumMember>;
  // Members are class instances, not plain objects, so they cross into the script's realm as themselves
  // and `ui.alert(…) == ui.Button.OK` compares the same object, as in Apps Script.
  for (const name of names) members[name] = new EnumMember(name);
  return Object.freeze(members);
}

/** True when `value` is one of the enum's members, or its name as a plain string. */
export function isMember<K extends string>(enumeration: Enum<K>, value: unknown): value is EnumMember | K {
  return (
    (typeof value === 'string' || typeof value === 'object') &&
    value !== null &&
    Object.prototype.hasOwnProperty.call(enumeration, String(value))
  );
}

/** The member's name (`'SHEET'`), accepting the member itself or its name; throws for anything else. */
export function memberName<K extends string>(enumeration: Enum<K>, value: unknown, what: string): K {
  if (!isMember(enumeration, value)) throw new Error(`FakeGas: ${what} must be one of ${Object.keys(enumeration).join(', ')}`);
  return String(value) as K;
}

export const ProtectionType = makeEnum(['RANGE', 'SHEET']);
export const DeveloperMetadataVisibility = makeEnum(['DOCUMENT', 'PROJECT']);
export const DeveloperMetadataLocationType = makeEnum(['SPREADSHEET', 'SHEET', 'ROW', 'COLUMN']);
export const DataValidationCriteria = makeEnum([
  'DATE_AFTER', 'DATE_BEFORE', 'DATE_BETWEEN', 'DATE_EQUAL_TO', 'DATE_IS_VALID_DATE', 'DATE_NOT_BETWEEN', 'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN', 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN', 'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_IS_VALID_EMAIL', 'TEXT_IS_VALID_URL', 'VALUE_IN_LIST', 'VALUE_IN_RANGE',
  'CUSTOM_FORMULA', 'CHECKBOX',
]);
export const ChartType = makeEnum(['AREA', 'BAR', 'BUBBLE', 'CANDLESTICK', 'COLUMN', 'COMBO', 'GAUGE', 'GEO', 'HISTOGRAM', 'LINE', 'ORG', 'PIE', 'SCATTER', 'SPARKLINE', 'STEPPED_AREA', 'TABLE', 'TIMELINE', 'TREEMAP', 'WATERFALL']);
export const Button = makeEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
export const ButtonSet = makeEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);
export const XFrameOptionsMode = makeEnum(['ALLOWALL', 'DEFAULT']);
export const AuthMode = makeEnum(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
