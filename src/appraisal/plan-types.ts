/**
 * The plan of a `考核 YYYY-MM` tab: everything the server writes, decided by pure code.
 * The server turns it into a constant number of batched calls (one rectangle from A1).
 */

/** A cell of the plan. Strings starting with `=` are formulas the plan wrote; user text is already neutralised. */
export type PlanValue = string | number | boolean | null;

/**
 * Service-call budget (the server asserts ≤ 25 calls per build whatever the agent count): the chart
 * is given ONE open-ended range, e.g. `A20:B`, from the agent table's header row down over the agent
 * column and the total column, which are therefore adjacent (agent in A, total in B) and the agent
 * table is the last thing in the tab (team rows above its header, vanished agents at its bottom).
 * Then a rebuild never has to touch the chart. For the same reason the previous month's total is a
 * live formula over last month's match keys (`previous.ts`), not values read back.
 */
export interface ChartPlan {
  title: string;
  /** A1 range of the current agents' names and totals (no header, team or vanished rows), e.g. `A21:B40`. */
  range: string;
  /** 1-based anchor cell of the chart's top-left corner. */
  anchorRow: number;
  anchorColumn: number;
}

/** Where things are in the tab, stored in its developer metadata so a rebuild can read it back. */
export interface TabLayout {
  /** 2: the tab has a key row (anatomy.ts) and the layout gives physical positions as of the last build. */
  version: 1 | 2;
  month: string;
  /** Size of the rectangle written from A1, so a rebuild blanks what it no longer needs. */
  rows: number;
  columns: number;
  /** 1-based rows of the team average and median (above the header). */
  teamRows: [number, number];
  /** 1-based row of the agent table's header, first agent row, agent count (current agents). */
  headerRow: number;
  /** 1-based row of the hidden key row (version 2), directly above the first agent row. */
  keyRow?: number;
  firstAgentRow: number;
  agentCount: number;
  /** Rows kept for agents no longer in the data (below the current agents), 0 when none. */
  vanishedCount: number;
  /** 1-based columns. */
  agentColumn: number;
  totalColumn: number;
  rankColumn: number;
  gradeColumn: number;
  coefficientColumn: number;
  bonusColumn: number;
  remarkColumn: number;
  /** The agents' match keys (`previous.ts`), read by next month's tab; absent in tabs built before keys. */
  keyColumn?: number;
  /** Manual item name → 1-based column where the manager types the score. */
  manualColumns: Record<string, number>;
  /** Metric id → 1-based column of its value and of its score. */
  valueColumns: Record<string, number>;
  scoreColumns: Record<string, number>;
  /** What each item adds to the total: metric id → column, manual item → column (absent in tabs built before them). */
  contributionColumns?: Record<string, number>;
  manualContributionColumns?: Record<string, number>;
  /** The chart's ranges as last written (a rebuild re-points the chart when they change). */
  chartRanges?: string[];
  /** The data validation as last set: `range → max` of each manual column (a rebuild sets it again only when it changed). */
  validated?: Record<string, number>;
  /** Manual item → its max (为店主准备 lists the scores outside 0 … max without the template). */
  manualMax?: Record<string, number>;
  /** `templateHash` of the template the tab was built with (the template itself: server/tab-template.ts). */
  templateHash?: string;
  /** Metric items built as 无数据 (weight 0) by the manager's choice. */
  noData?: string[];
  /**
   * Metric id → the decimals its values, floors, targets and thresholds are shown with (precision.ts:
   * enough that no value looks to be on the other side of a boundary); the 绩效单 uses the same.
   * Absent in tabs built before them (the unit's default), and for metrics shown in General format.
   */
  valueDecimals?: Record<string, number>;
  /** Absolute A1 references the 绩效单 reads (absent in tabs built before it existed). */
  refs?: AppraisalRefs;
  /** Set by 为店主准备 (never by a build): the rows it hid, which the next build shows again (owner-view.ts). */
  ownerView?: { hidden: [number, number] | null; keyRow: number };
}

/** Cells of the parameter block a report card refers to, as absolute A1 references within the tab. */
export interface AppraisalRefs {
  /** Metric id or manual item name → its parameter cells (weight, floor, target, cap, points, max, tiers). */
  params: Record<string, { weight: string; floor: string; target: string; cap: string; points: string; max: string; tiers: { threshold: string; score: string }[] }>;
  /** The weights row over the counted columns (Σ of it divides every total). */
  weights: string;
  bonusBase: string;
  /** The template's items as built (method, tiers …): the 绩效单 explains each score by them. */
  items: unknown[];
}

/** `count` columns from `column` (1-based, as planned) all `px` wide: one `setColumnWidths` call. */
export interface ColumnWidths {
  column: number;
  count: number;
  px: number;
}

export interface TabPlan {
  sheetName: string;
  /** One rectangle written with a single `setValues` starting at A1 (every row the same length). */
  values: PlanValue[][];
  /** Same shape as `values`. */
  numberFormats: string[][];
  fontWeights: ('bold' | 'normal')[][];
  /** CSS colours; `null` for none. */
  backgrounds: (string | null)[][];
  /** Cell notes ("" for none): e.g. the source columns of each metric value. */
  notes: string[][];
  /** Cells whose text wraps (the header rows); the others overflow as Sheets' default. */
  wraps: boolean[][];
  /** Column widths a first build sets (a rebuild keeps the manager's); columns not listed stay at Sheets' 100 px. */
  columnWidths: ColumnWidths[];
  frozenRows: number;
  frozenColumns: number;
  chart: ChartPlan | null;
  /** A1 ranges that stay editable when the tab is prepared for the owner (manual scores, remarks). */
  editableRanges: string[];
  /** Developer metadata that marks the tab as ours: key is constant, value is `JSON.stringify(layout)`. */
  tag: { key: string; value: string };
  layout: TabLayout;
}

/** The developer-metadata key of every tab the add-on builds. */
export const TAB_TAG_KEY = 'kefu-kpi/appraisal';
