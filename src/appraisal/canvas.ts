/**
 * The rectangle a tab's plan is drawn on: values and formulas, number formats, font weights,
 * backgrounds, notes and wraps, one grid each, all of one size. User text is neutralised on the way in;
 * only the plan's own formulas start with `=`. Pure.
 */
import { pick, type Locale, type Msg } from '../i18n';
import { NUM_ERROR } from '../metrics/types';
import { neutralise } from './neutralise';
import type { PlanValue } from './plan-types';

export const FORMATS = {
  text: '@',
  general: 'General',
  score: '0.0',
  total: '0.00',
  rank: '0',
  coefficient: '0.00',
  yuan: '¥#,##0.00',
  delta: '+0.00;-0.00;0.00',
} as const;

export const COLOURS = { header: '#e8eaed', editable: '#fff8e1', vanished: '#f1f3f4', team: '#e8f0fe' } as const;

export interface CellStyle {
  format?: string;
  bold?: boolean;
  background?: string;
  note?: Msg | string;
  /** Wrap the text inside the cell (Sheets' default is to overflow into empty neighbours, clipped by full ones). */
  wrap?: boolean;
}

/** The header cells' style: wrapped, so a long header stays readable in a narrow column. */
export const HEAD: CellStyle = { bold: true, background: COLOURS.header, wrap: true };

export class Canvas {
  readonly values: PlanValue[][] = [];
  readonly numberFormats: string[][] = [];
  readonly fontWeights: ('bold' | 'normal')[][] = [];
  readonly backgrounds: (string | null)[][] = [];
  readonly notes: string[][] = [];
  readonly wraps: boolean[][] = [];

  constructor(readonly width: number, readonly height: number, readonly locale: Locale) {
    for (let r = 0; r < height; r++) {
      this.values.push(new Array<PlanValue>(width).fill(null));
      this.numberFormats.push(new Array<string>(width).fill(FORMATS.general));
      this.fontWeights.push(new Array<'bold' | 'normal'>(width).fill('normal'));
      this.backgrounds.push(new Array<string | null>(width).fill(null));
      this.notes.push(new Array<string>(width).fill(''));
      this.wraps.push(new Array<boolean>(width).fill(false));
    }
  }

  /** A message in the tab's language. */
  say(msg: Msg): string {
    return pick(msg, this.locale);
  }

  /** One cell (1-based). Strings are user text unless they are formulas the plan built (`formula`). */
  set(row: number, column: number, value: PlanValue, style: CellStyle = {}): void {
    const r = row - 1;
    const c = column - 1;
    // No Infinity or NaN ever reaches a cell (functions.md): #NUM!.
    this.values[r]![c] = typeof value === 'number' && !Number.isFinite(value) ? NUM_ERROR : value;
    if (style.format) this.numberFormats[r]![c] = style.format;
    if (style.bold) this.fontWeights[r]![c] = 'bold';
    if (style.background) this.backgrounds[r]![c] = style.background;
    if (style.note) this.notes[r]![c] = typeof style.note === 'string' ? style.note : this.say(style.note);
    if (style.wrap) this.wraps[r]![c] = true;
  }

  text(row: number, column: number, text: string, style: CellStyle = {}): void {
    this.set(row, column, neutralise(text), { format: FORMATS.text, ...style });
  }

  formula(row: number, column: number, formula: string, style: CellStyle = {}): void {
    this.set(row, column, formula, style);
  }

  /** A background over part of a row. */
  shade(row: number, fromColumn: number, toColumn: number, colour: string): void {
    for (let c = fromColumn; c <= toColumn; c++) this.backgrounds[row - 1]![c - 1] = colour;
  }
}
