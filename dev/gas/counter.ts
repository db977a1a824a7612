/**
 * Counts calls into the Apps Script services. Every method call on `SpreadsheetApp` and on anything reached
 * through it is one spreadsheet-service call (the total, what the add-on's "constant number of batched calls"
 * promise was first measured in); the other services are counted under their own names.
 *
 * The spreadsheet total is split in two, so that neither part hides the other:
 * - **builder calls** only assemble a request object in the script: `SpreadsheetApp.newDataValidation()`,
 *   `Sheet.newChart()`, `EmbeddedChart.modify()`, `DataValidation.copy()` and every method of the builders
 *   they return. They read and change nothing in the spreadsheet; Apps Script's reference says a chart
 *   builder's changes "are not saved until `Sheet.updateChart(chart)` is called", and a built rule or chart
 *   reaches the document only through `Range.setDataValidation` / `Sheet.insertChart` / `Sheet.updateChart`,
 *   which are document calls.
 * - **document calls** are all the others: the ones that read from or write to the spreadsheet, which is
 *   what Apps Script's best practices ask to minimise ("calls that need to fetch data from Google's servers").
 */
export type Service = 'spreadsheet' | 'lock' | 'properties' | 'html' | 'session' | 'logger' | 'script';

/** Classes all of whose methods only assemble a request (the fake's class names, as counted). */
const BUILDER_TYPES = new Set(['DataValidationBuilder', 'EmbeddedChartBuilder']);
/** Methods that hand out a new builder without reading the spreadsheet. */
const BUILDER_FACTORIES = new Set(['SpreadsheetApp.newDataValidation', 'Sheet.newChart', 'EmbeddedChart.modify', 'DataValidation.copy']);

/** Whether a spreadsheet-service method (`Type.method`) only assembles a request: see the file's comment. */
export function isBuilderCall(method: string): boolean {
  return BUILDER_FACTORIES.has(method) || BUILDER_TYPES.has(method.slice(0, method.indexOf('.')));
}

export interface Calls {
  /** Spreadsheet-service calls since the last `reset()`: `document + builder`. */
  readonly spreadsheet: number;
  /** Spreadsheet-service calls that read from or write to the spreadsheet. */
  readonly document: number;
  /** Spreadsheet-service calls that only assemble a request (a chart or a validation rule) in the script. */
  readonly builder: number;
  /** Calls per service, e.g. `{ spreadsheet: 14, lock: 2 }` (services never called are absent). */
  byService(): Partial<Record<Service, number>>;
  /** Calls per method, e.g. `{ 'Range.setValues': 1 }`. */
  byMethod(): Record<string, number>;
  reset(): void;
}

export class CallCounter implements Calls {
  private readonly services = new Map<Service, number>();
  private readonly methods = new Map<string, number>();
  private builders = 0;

  count(service: Service, method: string): void {
    this.services.set(service, (this.services.get(service) ?? 0) + 1);
    this.methods.set(method, (this.methods.get(method) ?? 0) + 1);
    if (service === 'spreadsheet' && isBuilderCall(method)) this.builders++;
  }

  get spreadsheet(): number {
    return this.services.get('spreadsheet') ?? 0;
  }

  get document(): number {
    return this.spreadsheet - this.builders;
  }

  get builder(): number {
    return this.builders;
  }

  byService(): Partial<Record<Service, number>> {
    return Object.fromEntries(this.services);
  }

  byMethod(): Record<string, number> {
    return Object.fromEntries(this.methods);
  }

  reset(): void {
    this.services.clear();
    this.methods.clear();
    this.builders = 0;
  }
}
