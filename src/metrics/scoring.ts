/**
 * The five scoring methods of the appraisal (docs/guide.md, 计分方法), as pure scalar functions.
 * KPI_SCORE (sheet function) and the appraisal's pure computation both call these;
 * the appraisal tab writes the same arithmetic as built-in Sheets formulas.
 */
import type { Direction } from './types';

export type ScoringMethod = 'linear' | 'ratio' | 'tiers' | 'deduction' | 'pass_fail';
export const SCORING_METHODS: readonly ScoringMethod[] = ['linear', 'ratio', 'tiers', 'deduction', 'pass_fail'];
export const DEFAULT_CAP = 100;

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Lower-is-better exactly when the floor lies above the target. */
export function directionOf(floor: number, target: number): Direction {
  return floor > target ? 'lower' : 'higher';
}

/** 100 × (v − f) ÷ (t − f), clamped to [0, cap]. The caller guarantees f ≠ t. */
export function linearScore(v: number, floor: number, target: number, cap = DEFAULT_CAP): number {
  return clamp((100 * (v - floor)) / (target - floor), 0, cap);
}

/**
 * 100 × v ÷ t (higher-better) or 100 × t ÷ v (lower-better), clamped to [0, cap].
 * Lower-better with v = 0 is perfect: it scores the cap. Higher-better with t = 0 scores the cap.
 */
export function ratioScore(v: number, target: number, direction: Direction, cap = DEFAULT_CAP): number {
  if (direction === 'lower') return v <= 0 ? cap : clamp((100 * target) / v, 0, cap);
  return target <= 0 ? cap : clamp((100 * v) / target, 0, cap);
}

/** 100 when v reaches t (v ≥ t, or v ≤ t when lower is better), else 0. */
export function passFailScore(v: number, target: number, direction: Direction): number {
  return (direction === 'lower' ? v <= target : v >= target) ? 100 : 0;
}

/** max(0, 100 − points × v): e.g. 5 points off per complaint. */
export function deductionScore(v: number, points: number): number {
  return Math.max(0, 100 - points * v);
}

/** A tier: [threshold, score]. */
export type Tier = readonly [number, number];

/**
 * Higher-better: the score of the highest threshold v reaches (v ≥ threshold).
 * Lower-better: the score of the lowest threshold v does not exceed (v ≤ threshold).
 * 0 when no tier is met. Tiers may come in any order here; templates keep them sorted.
 */
export function tierScore(v: number, tiers: readonly Tier[], direction: Direction): number {
  let best: Tier | undefined;
  for (const t of tiers) {
    if (direction === 'higher' ? v >= t[0] && (!best || t[0] > best[0]) : v <= t[0] && (!best || t[0] < best[0])) best = t;
  }
  return best ? best[1] : 0;
}

/** Σ wᵢ sᵢ ÷ Σ wᵢ; NaN when the weights sum to 0. */
export function weightedTotal(scores: readonly number[], weights: readonly number[]): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < scores.length; i++) {
    num += scores[i]! * weights[i]!;
    den += weights[i]!;
  }
  return den === 0 ? NaN : num / den;
}

export interface GradeBand {
  min: number;
  grade: string;
  coefficient: number;
}

/** S ≥ 95, A ≥ 85, B ≥ 75, C ≥ 60, D below (appraisal.md). */
export const DEFAULT_GRADES: readonly GradeBand[] = [
  { min: 95, grade: 'S', coefficient: 1.2 },
  { min: 85, grade: 'A', coefficient: 1.1 },
  { min: 75, grade: 'B', coefficient: 1.0 },
  { min: 60, grade: 'C', coefficient: 0.8 },
  { min: 0, grade: 'D', coefficient: 0.5 },
];

/** What choosing a band needs: its minimum. `GradeBand` has more; `KPI_GRADE`'s bands have only a grade. */
export interface GradeMin {
  min: number;
}

/** The band of the highest minimum the total reaches; the lowest band when none is reached. `bands` must not be empty. */
export function gradeBand(total: number): GradeBand;
export function gradeBand<B extends GradeMin>(total: number, bands: readonly B[]): B;
export function gradeBand(total: number, bands: readonly GradeMin[] = DEFAULT_GRADES): GradeMin {
  let best: GradeMin | undefined;
  let lowest: GradeMin | undefined;
  for (const b of bands) {
    if (total >= b.min && (!best || b.min > best.min)) best = b;
    if (!lowest || b.min < lowest.min) lowest = b;
  }
  return (best ?? lowest)!;
}

/** Rank with RANK semantics: 1 + the number of totals strictly greater. */
export function rankOf(total: number, totals: readonly number[]): number {
  let above = 0;
  for (const t of totals) if (t > total) above++;
  return above + 1;
}
