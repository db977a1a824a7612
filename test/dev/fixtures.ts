/** A fresh fake spreadsheet with its first tab, reached through the globals as the add-on reaches it. */
import { createFakeGas, type FakeGasOptions } from '../../dev/gas';

export function setup(options?: FakeGasOptions) {
  const fake = createFakeGas(options);
  const ss = fake.globals.SpreadsheetApp.getActive();
  const sheet = ss.getActiveSheet();
  return { ...fake, ss, sheet, sheetName: sheet.getName() };
}
