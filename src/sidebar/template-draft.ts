/**
 * The template as the sidebar edits it. Numbers are kept as the text the manager typed, so a
 * half-typed value (`0.`, `-`, ``) is never lost or rewritten under the cursor; they become
 * numbers only when the template is sent or exported (`templateFromDraft`).
 * Pure: no DOM, so the conversions are unit-tested in Node.
 */
import { SCORING_METHODS, type ScoringMethod } from '../metrics/scoring';

export interface TierDraft {
  threshold: string;
  score: string;
}

export interface MetricItemDraft {
  kind: 'metric';
  /** Stable identity for the DOM and for messages, independent of the item's position. */
  key: number;
  metric: string;
  weight: string;
  method: ScoringMethod;
  floor: string;
  target: string;
  cap: string;
  points: string;
  tiers: TierDraft[];
}

export interface ManualItemDraft {
  kind: 'manual';
  key: number;
  name: string;
  weight: string;
  max: string;
}

export type ItemDraft = MetricItemDraft | ManualItemDraft;

export interface GradeDraft {
  key: number;
  min: string;
  grade: string;
  coefficient: string;
}

export interface TemplateDraft {
  name: string;
  items: ItemDraft[];
  grades: GradeDraft[];
  bonusBase: string;
}

let lastKey = 0;
/** A fresh key for a new item, tier row or grade band. */
export const nextKey = (): number => ++lastKey;

/** A value from JSON as editable text: numbers in full precision, anything else as written. */
export function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return String(value);
}

/** Text typed into a number field → a number, `undefined` when blank, or the trimmed text when unreadable. */
export function numberOf(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export function newMetricItem(metric: string): MetricItemDraft {
  return { kind: 'metric', key: nextKey(), metric, weight: '', method: 'linear', floor: '', target: '', cap: '', points: '', tiers: [] };
}

export function newManualItem(name: string): ManualItemDraft {
  return { kind: 'manual', key: nextKey(), name, weight: '', max: '100' };
}

export const newTier = (): TierDraft => ({ threshold: '', score: '' });

export const newGrade = (): GradeDraft => ({ key: nextKey(), min: '', grade: '', coefficient: '' });

/**
 * Any JSON (a preset, a saved template, an imported file) → a draft. Tolerant: unknown shapes
 * give empty fields, which the check then points at, rather than throwing.
 */
export function draftFromTemplate(raw: unknown): TemplateDraft {
  const t = isRecord(raw) ? raw : {};
  const items = Array.isArray(t.items) ? t.items : [];
  const grades = Array.isArray(t.grades) ? t.grades : [];
  return {
    name: textOf(t.name),
    items: items.map(itemFromJson),
    grades: grades.map((g) => {
      const b = isRecord(g) ? g : {};
      return { key: nextKey(), min: textOf(b.min), grade: textOf(b.grade), coefficient: textOf(b.coefficient) };
    }),
    bonusBase: textOf(t.bonusBase),
  };
}

function itemFromJson(raw: unknown): ItemDraft {
  const i = isRecord(raw) ? raw : {};
  if (i.manual !== undefined) {
    return { kind: 'manual', key: nextKey(), name: textOf(i.manual), weight: textOf(i.weight), max: textOf(i.max) };
  }
  const method = SCORING_METHODS.includes(i.method as ScoringMethod) ? (i.method as ScoringMethod) : 'linear';
  const tiers = Array.isArray(i.tiers) ? i.tiers : [];
  return {
    kind: 'metric',
    key: nextKey(),
    metric: textOf(i.metric),
    weight: textOf(i.weight),
    method,
    floor: textOf(i.floor),
    target: textOf(i.target),
    cap: textOf(i.cap),
    points: textOf(i.points),
    tiers: tiers.map((pair) => (Array.isArray(pair) ? { threshold: textOf(pair[0]), score: textOf(pair[1]) } : newTier())),
  };
}

/**
 * Which fields a scoring method uses (appraisal.md's table). `linear` needs floor and target;
 * `ratio` and `pass_fail` need a target, and a floor above it makes them lower-is-better.
 */
export function fieldsOf(method: ScoringMethod): { floor: boolean; target: boolean; cap: boolean; points: boolean; tiers: boolean } {
  switch (method) {
    case 'linear': return { floor: true, target: true, cap: true, points: false, tiers: false };
    case 'ratio': return { floor: true, target: true, cap: true, points: false, tiers: false };
    case 'pass_fail': return { floor: true, target: true, cap: false, points: false, tiers: false };
    case 'tiers': return { floor: false, target: false, cap: true, points: false, tiers: true };
    case 'deduction': return { floor: false, target: false, cap: false, points: true, tiers: false };
  }
}

/** Whether a method cannot work without a floor (only `linear`: the floor is its 0-point end). */
export const needsFloor = (method: ScoringMethod): boolean => method === 'linear';

/**
 * A draft → the template JSON of appraisal.md. Only the fields the method uses are written;
 * blank optional fields are left out; unreadable numbers are sent as the text typed so the
 * server's validation names them.
 */
export function templateFromDraft(draft: TemplateDraft): Record<string, unknown> {
  const out: Record<string, unknown> = {
    version: 1,
    name: draft.name.trim(),
    items: draft.items.map(itemToJson),
    grades: draft.grades.map((g) => ({ min: numberOf(g.min), grade: g.grade.trim(), coefficient: numberOf(g.coefficient) })),
  };
  const bonus = numberOf(draft.bonusBase);
  if (bonus !== undefined) out.bonusBase = bonus;
  return out;
}

function itemToJson(item: ItemDraft): Record<string, unknown> {
  if (item.kind === 'manual') return { manual: item.name.trim(), weight: numberOf(item.weight), max: numberOf(item.max) };
  const used = fieldsOf(item.method);
  const out: Record<string, unknown> = { metric: item.metric, weight: numberOf(item.weight) };
  const put = (name: string, text: string) => {
    const v = numberOf(text);
    if (v !== undefined) out[name] = v;
  };
  if (used.floor) put('floor', item.floor);
  if (used.target) put('target', item.target);
  out.method = item.method;
  if (used.cap) put('cap', item.cap);
  if (used.points) put('points', item.points);
  if (used.tiers) out.tiers = item.tiers.map((t) => [numberOf(t.threshold), numberOf(t.score)]);
  return out;
}
