/**
 * The score formulas of the appraisal tab: the scoring methods of appraisal.md written as
 * built-in formulas over the parameter block, so a viewer with no add-on sees a score change
 * when a weight, floor or target is edited. Only functions that mean the same in Google Sheets
 * and HyperFormula 3.5 (IF, MIN, MAX, AND, OR, ROUND, SUMPRODUCT, COUNTIF, VLOOKUP …); booleans
 * come from comparisons, never a bare TRUE. `results.ts` computes the same with `scoring.ts`.
 */
import { catalogueEntry } from '../metrics/catalogue';
import type { MetricItem } from './template';

/** Absolute references to one item's row of the parameter block. */
export interface ParamCells {
  weight: string;
  floor: string;
  target: string;
  cap: string;
  points: string;
  max: string;
  tiers: { threshold: string; score: string }[];
}

const clampFormula = (x: string, cap: string) => `MAX(0,MIN(${cap},${x}))`;

/**
 * Whether lower is better, as a live condition: floor above target. With no floor in the
 * template the metric's own direction holds until someone types a floor.
 */
export function lowerIsBetterFormula(item: MetricItem, p: ParamCells): string {
  return catalogueEntry(item.metric)?.direction === 'lower'
    ? `OR(${p.floor}="",${p.floor}>${p.target})`
    : `AND(${p.floor}<>"",${p.floor}>${p.target})`;
}

/** The 0 … cap score of `value` (a cell) by the item's method; a blank value scores 0. */
export function scoreFormula(item: MetricItem, value: string, p: ParamCells): string {
  const v = value;
  const { floor: f, target: t, cap } = p;
  let body: string;
  switch (item.method) {
    case 'linear':
      body = clampFormula(`100*(${v}-${f})/(${t}-${f})`, cap);
      break;
    case 'ratio':
      body = `IF(${lowerIsBetterFormula(item, p)},IF(${v}<=0,${cap},${clampFormula(`100*${t}/${v}`, cap)}),IF(${t}<=0,${cap},${clampFormula(`100*${v}/${t}`, cap)}))`;
      break;
    case 'pass_fail':
      body = `IF(${lowerIsBetterFormula(item, p)},IF(${v}<=${t},100,0),IF(${v}>=${t},100,0))`;
      break;
    case 'deduction':
      body = `MAX(0,100-${p.points}*${v})`;
      break;
    case 'tiers': {
      // Best tier first (validated order), so the first tier met is the one the method means.
      const reaches = catalogueEntry(item.metric)?.direction === 'lower' ? '<=' : '>=';
      body = p.tiers.reduceRight((otherwise, tier) => `IF(${v}${reaches}${tier.threshold},${tier.score},${otherwise})`, '0');
      break;
    }
  }
  return `=IF(${v}="",0,${body})`;
}

/**
 * How many totals fall in grade band `i` of bands sorted ascending by minimum (`mins`: their
 * cells), as the grade column's `VLOOKUP(MAX(total, lowest), bands, 2)` assigns them: counted
 * on the totals against the band's limits, never by the grade's text, so a grade written `A*`,
 * `<B` or differing only in case (typed into the band table later) cannot miscount.
 */
export function gradeCountFormula(totals: string, mins: readonly string[], i: number): string {
  const atLeast = `${totals},">="&${mins[i]}`;
  const below = (k: number) => `${totals},"<"&${mins[k]}`;
  if (mins.length === 1) return `=COUNT(${totals})`;
  if (i === 0) return `=COUNTIF(${below(1)})`;
  if (i === mins.length - 1) return `=COUNTIF(${atLeast})`;
  return `=COUNTIFS(${atLeast},${below(i + 1)})`;
}
