/** Embedded charts: the builder (`sheet.newChart()` / `chart.modify()`) and the chart it builds. */
import { quoteSheetName } from './a1';
import { integerArg, signatureError, stringArg } from './args';
import { ChartType, memberName } from './enums';
import { API, defineApi, type Implements } from './expose';
import { FakeRange } from './range';
import type { FakeSheet } from './sheet';

const BUILDER_METHODS = [
  'asBarChart', 'setChartType', 'addRange', 'clearRanges', 'setPosition', 'setOption', 'build',
] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder)[];
const CHART_METHODS = ['getChartId', 'getRanges', 'modify'] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.EmbeddedChart)[];

const BUILDER_API = defineApi('EmbeddedChartBuilder', 'spreadsheet', BUILDER_METHODS);
const CHART_API = defineApi('EmbeddedChart', 'spreadsheet', CHART_METHODS);

export interface ChartPosition {
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
}

/** What a chart is made of; shared by the builder and the built chart. */
interface ChartSpec {
  type: string;
  ranges: FakeRange[];
  position: ChartPosition;
  options: Record<string, unknown>;
}

function copySpec(spec: ChartSpec): ChartSpec {
  return { type: spec.type, ranges: [...spec.ranges], position: { ...spec.position }, options: { ...spec.options } };
}

const NEW_CHART: ChartSpec = { type: 'COLUMN', ranges: [], position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 }, options: {} };

export class FakeChart implements Implements<(typeof CHART_METHODS)[number]> {
  get [API]() {
    return CHART_API;
  }

  /** `chartId` is null until the chart is inserted into a sheet. */
  constructor(readonly sheet: FakeSheet, public chartId: number | null, readonly spec: ChartSpec) {}

  getChartId(): number | null {
    return this.chartId;
  }

  getRanges(): FakeRange[] {
    return [...this.spec.ranges];
  }

  modify(): FakeChartBuilder {
    return new FakeChartBuilder(this.sheet, this.chartId, this.spec);
  }

  describe(): { id: number | null; type: string; ranges: string[]; position: ChartPosition; options: Record<string, unknown> } {
    const { type, ranges, position, options } = this.spec;
    return {
      id: this.chartId,
      type,
      ranges: ranges.map((r) => (r.sheet === this.sheet ? r.getA1Notation() : `${quoteSheetName(r.sheet.name)}!${r.getA1Notation()}`)),
      position: { ...position },
      options: { ...options },
    };
  }
}

export class FakeChartBuilder implements Implements<(typeof BUILDER_METHODS)[number]> {
  private readonly spec: ChartSpec;

  get [API]() {
    return BUILDER_API;
  }

  /** A builder for a new chart, or (`chartId` given) for changing an inserted one. */
  constructor(private readonly sheet: FakeSheet, private readonly chartId: number | null = null, from: ChartSpec = NEW_CHART) {
    this.spec = copySpec(from);
  }

  asBarChart(): FakeChartBuilder {
    this.spec.type = 'BAR';
    return this;
  }

  setChartType(type: unknown): FakeChartBuilder {
    this.spec.type = memberName(ChartType, type, 'chart type');
    return this;
  }

  addRange(range: unknown): FakeChartBuilder {
    if (!(range instanceof FakeRange)) throw signatureError('SpreadsheetApp.EmbeddedChartBuilder.addRange', [range]);
    this.spec.ranges.push(range);
    return this;
  }

  clearRanges(): FakeChartBuilder {
    this.spec.ranges = [];
    return this;
  }

  setPosition(anchorRow: unknown, anchorColumn: unknown, offsetX: unknown, offsetY: unknown): FakeChartBuilder {
    const args = [anchorRow, anchorColumn, offsetX, offsetY];
    const method = 'SpreadsheetApp.EmbeddedChartBuilder.setPosition';
    const [row, column, x, y] = args.map((a) => integerArg(a, method, args)) as [number, number, number, number];
    if (row < 1 || column < 1) throw new Error(`FakeGas: chart anchor (${row}, ${column}) must be a cell (1-based)`);
    this.spec.position = { anchorRow: row, anchorColumn: column, offsetX: x, offsetY: y };
    return this;
  }

  setOption(option: unknown, value: unknown): FakeChartBuilder {
    this.spec.options[stringArg(option, 'SpreadsheetApp.EmbeddedChartBuilder.setOption', [option, value])] = value;
    return this;
  }

  build(): FakeChart {
    return new FakeChart(this.sheet, this.chartId, copySpec(this.spec));
  }
}

const CHARTS_API = defineApi('Charts', 'spreadsheet', [], { ChartType });

/** The `Charts` global, for `setChartType(Charts.ChartType.BAR)`: only its enum. */
export class FakeCharts {
  get [API]() {
    return CHARTS_API;
  }
}
