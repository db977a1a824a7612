/**
 * LibreOffice as a second engine: the 考核 tabs the add-on builds (the three presets, a template
 * using every scoring method, and exact decimal halves), last month's tab beside this month's,
 * recalculated by LibreOffice and compared cell by cell with HyperFormula (the in-memory
 * spreadsheet's engine) and with `expectedResults`. Any formula cell that differs fails.
 * Without LibreOffice the suite fails with the install instruction; it never skips.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { columnLetter } from '../../src/appraisal/a1';
import { readPreviousTotals } from '../../src/appraisal/existing';
import { inputsFromRows } from '../../src/appraisal/manual-inputs';
import type { PlanAgent } from '../../src/appraisal/plan';
import type { TabLayout, TabPlan } from '../../src/appraisal/plan-types';
import { PRESETS } from '../../src/appraisal/presets';
import { expectedResults } from '../../src/appraisal/results';
import { isManual, validateTemplate, type Template } from '../../src/appraisal/template';
import { roundFormula, roundLikeSheets } from '../../src/appraisal/rounding';
import { everyMethod } from '../appraisal/fixtures';
import { evaluateSheets, type Evaluated } from '../appraisal/hf';
import { roundingCases } from '../appraisal/rounding-cases';
import { expectParity } from '../appraisal/parity';
import { NOVEMBER, OCTOBER, buildBook, type Book, type BookSpec } from './books';
import { LibreOffice, type LoValue } from './libreoffice';
import { HALVES, HALVES_SPEC, HALVES_TEMPLATE } from './halves';

let lo: LibreOffice | undefined;
const tally = { cells: 0, tabs: 0, differences: 0, loMs: 0 };
const started = Date.now();
let startup = 0;

// soffice takes seconds to start (minutes on a crowded machine): started once, before the tests' clocks run.
beforeAll(async () => {
  lo = LibreOffice.start();
  const t = Date.now();
  await lo.evaluate([{ name: 'S', formulas: [['', '=A1*2']], values: [[21]] }]);
  startup = Date.now() - t;
}, 600_000);

afterAll(async () => {
  await lo?.close();
  console.log(`LibreOffice vs HyperFormula: ${tally.cells} formula cells compared (${tally.tabs} built tabs and the rounding sheet), ` +
    `${tally.differences} differing; soffice start ${(startup / 1000).toFixed(1)} s, recalculation ${(tally.loMs / 1000).toFixed(1)} s, ` +
    `suite ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

/** LibreOffice's values in the shape of HyperFormula's grid: blanks '', errors marked. */
const asEvaluated = (grid: LoValue[][] = []): Evaluated =>
  grid.map((row) => row.map((v) => (typeof v === 'object' ? `#LO-ERR:${v.error}` : v)));

const isError = (v: unknown) => typeof v === 'string' && v.startsWith('#');
const blank = (v: unknown) => v === null || v === undefined || v === '';

/** Same value in both engines: numbers within float noise (1e-9 relative), text exactly, no errors at all. */
function same(a: unknown, b: unknown): boolean {
  if (isError(a) || isError(b)) return false;
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return a === b;
}

/** Every formula cell of every appraisal tab, HyperFormula against LibreOffice; returns LibreOffice's grids. */
async function compareEngines(book: Book): Promise<Record<string, Evaluated>> {
  const t = Date.now();
  const evaluated = await lo!.evaluate(book.sheets());
  tally.loMs += Date.now() - t;
  const out: Record<string, Evaluated> = {};
  const differences: string[] = [];
  for (const tab of book.tabs) {
    const formulas = book.rt.fake.book.formulas(tab);
    const hf = book.rt.fake.book.values(tab);
    const grid = asEvaluated(evaluated[tab]);
    out[tab] = grid;
    tally.tabs++;
    formulas.forEach((row, r) => row.forEach((formula, c) => {
      if (!formula.startsWith('=')) return;
      tally.cells++;
      const [h, l] = [hf[r]?.[c], grid[r]?.[c]];
      if (!same(h, l)) differences.push(`${tab}!${columnLetter(c + 1)}${r + 1}: HyperFormula ${JSON.stringify(h)}, LibreOffice ${JSON.stringify(l)} — ${formula}`);
    }));
  }
  tally.differences += differences.length;
  expect(differences).toEqual([]);
  return out;
}

/** The expected results of a tab from its own snapshot values and typed scores (and last month's totals). */
function expectedOf(template: Template, layout: TabLayout, grid: Evaluated, previous?: Record<string, number>) {
  const agents: PlanAgent[] = [];
  const typed: unknown[][] = [];
  for (let i = 0; i < layout.agentCount; i++) {
    const row = grid[layout.firstAgentRow - 1 + i]!;
    const agent = String(row[layout.agentColumn - 1]);
    const values = Object.fromEntries(Object.entries(layout.valueColumns).map(([m, c]) => [m, typeof row[c - 1] === 'number' ? row[c - 1] as number : '' as const]));
    agents.push({ agent, values });
    for (const [item, c] of Object.entries(layout.manualColumns)) if (!blank(row[c - 1])) typed.push([agent, item, row[c - 1]]);
  }
  return expectedResults(template, agents, inputsFromRows(typed), previous ?? null);
}

/** Both engines agree cell by cell, and both show what plain code computes, in both months. */
async function checkBook(spec: BookSpec, shown?: Template): Promise<{ book: Book; lo: Record<string, Evaluated> }> {
  const checked = validateTemplate(spec.template);
  if (!checked.ok) throw new Error(checked.errors[0]!.en);
  const template = checked.template;
  const book = buildBook(spec);
  const grids = await compareEngines(book);
  const hf = Object.fromEntries(book.tabs.map((tab) => [tab, book.rt.fake.book.values(tab) as Evaluated]));
  for (const engine of [grids, hf]) {
    const october = book.layout(OCTOBER);
    const november = book.layout(NOVEMBER);
    expectParity({ layout: october } as TabPlan, engine[OCTOBER]!, expectedOf(template, october, engine[OCTOBER]!));
    const previous = readPreviousTotals(engine[OCTOBER]!, october);
    // `shown`: November's template as its tab now says it (after the manager's edits in the band table).
    expectParity({ layout: november } as TabPlan, engine[NOVEMBER]!, expectedOf(shown ?? template, november, engine[NOVEMBER]!, previous));
  }
  return { book, lo: grids };
}

const SIX = ['小美', '阿杰', '晓雯', '大白', '糖糖', '<b>x</b>'];

/** Manual scores on each item's own scale, some on halves (e.g. 4.5 of 5, 62.5 of 100). */
function typedScores(template: Template, names: readonly string[], month: number): Record<string, Record<string, string>> {
  const manual = template.items.filter(isManual);
  return Object.fromEntries(names.map((name, i) => [name, Object.fromEntries(manual.map((item, j) => {
    const step = ((i * 3 + j + month) % 8) + 1; // 1 … 8 of 8 steps
    return [item.manual, String((Math.round((item.max * step) / 8 * 2) / 2))];
  }))]));
}

function presetSpec(template: Template): BookSpec {
  return {
    template,
    october: SIX.slice(1),
    november: SIX,
    octoberScores: typedScores(template, SIX.slice(1), 0),
    novemberScores: typedScores(template, SIX, 1),
  };
}

describe('LibreOffice recalculates the built tabs exactly as HyperFormula and plain code', { timeout: 300_000 }, () => {
  for (const [id, preset] of Object.entries(PRESETS)) {
    test(`preset ${id}`, async () => {
      await checkBook(presetSpec(preset.template));
    });
  }

  test('a template using every method: linear, ratio, tiers, deduction, pass_fail and manual items', async () => {
    await checkBook(presetSpec(everyMethod()));
  });

  test('exact decimal halves, last month\'s look-up (grey rows, labels, wildcards, rule-8 names)', async () => {
    const { book, lo: grids } = await checkBook(HALVES_SPEC);
    const hf = book.rt.fake.book.values(NOVEMBER);
    for (const grid of [grids[NOVEMBER]!, hf as Evaluated]) HALVES.expectGoldens(book.layout(NOVEMBER), grid);
  });

  test('grade names edited in the band table to `*` and `s` (next to `S`): counts unchanged in both engines', async () => {
    const renamed = { ...HALVES_TEMPLATE, grades: HALVES_TEMPLATE.grades.map((g) => ({ ...g, grade: ({ C: '*', B: 's' } as Record<string, string>)[g.grade] ?? g.grade })) };
    const { book, lo: grids } = await checkBook({ ...HALVES_SPEC, edits: HALVES.renameGrades }, renamed);
    for (const grid of [grids[NOVEMBER]!, book.rt.fake.book.values(NOVEMBER) as Evaluated]) HALVES.expectCounts(book.layout(NOVEMBER), grid);
  });

  test('the ROUND form alone, on values at, around and far from decimal halves: LibreOffice = HyperFormula = roundLikeSheets', async () => {
    const cases = roundingCases();
    const rows = cases.map((x, i) => [x, `=${roundFormula(`A${i + 1}`, 2)}`, `=${roundFormula(`A${i + 1}`, 0)}`]);
    const t = Date.now();
    const grid = asEvaluated((await lo!.evaluate([{ name: 'R', formulas: rows.map((r) => ['', r[1] as string, r[2] as string]), values: rows }])).R);
    tally.loMs += Date.now() - t;
    const hf = evaluateSheets({ R: rows }).R!;
    const differences = cases.flatMap((x, i) => {
      tally.cells += 2;
      const want = [roundLikeSheets(x, 2), roundLikeSheets(x, 0)];
      const got = [grid[i]![1], grid[i]![2], hf[i]![1], hf[i]![2]];
      return got.every((v, k) => v === want[k % 2]) ? [] : [`${x}: LibreOffice ${got[0]}, ${got[1]}; HyperFormula ${got[2]}, ${got[3]}; plain code ${want}`];
    });
    tally.differences += differences.length;
    expect(differences).toEqual([]);
  });
});
