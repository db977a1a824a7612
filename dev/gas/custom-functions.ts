/**
 * The add-on's sheet functions inside the in-memory spreadsheet: a HyperFormula function plugin
 * whose every function calls the built bundle's global of that name (`dist/10_functions.js`, the
 * stubs clasp pushes) in its `node:vm` context, handing it what Sheets hands a custom function:
 * a single cell as a value, a range as rows of values, blank cells as `""`, date and duration
 * cells as Dates. So `=INQUIRY_CONVERSION(C2:C8,B2:B8)` typed into the playground's grid runs the
 * same code as in Sheets.
 */
import type vm from 'node:vm';
import {
  ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue,
  type FunctionPluginDefinition, type ImplementedFunctions,
} from 'hyperformula';
import type { CatalogueEntry } from '../../src/metrics/types';
import { callInContext, fromContext } from './load';
import { serialToMillis } from './serial-date';

interface Shape {
  rows: number;
  cols: number;
}

type Ast = { type: string; args?: Ast[] };
type State = unknown;

/** The bundle the functions call, set once it is loaded (the engine exists before the bundle can). */
export interface CustomFunctionBinding {
  context: vm.Context | null;
  timeZone: string;
}

const SCALAR: Shape = { rows: 1, cols: 1 };

/**
 * The shape Sheets gives a custom function's result, predicted from its arguments' shapes (HyperFormula
 * sizes an array result before evaluating it): one result per key when `keys` is given, one number for
 * a dated window without keys, one total per row of scores for `WEIGHTED_SCORE`, otherwise the
 * broadcast of every argument, as `broadcast.ts` does.
 */
export function resultShape(entry: CatalogueEntry, shapes: (Shape | null)[]): Shape {
  const at = (name: string) => {
    const i = entry.args.findIndex((a) => a.name === name);
    return i >= 0 ? shapes[i] ?? null : null;
  };
  const keys = at('keys');
  if (keys) return keys;
  if (entry.windowDays && (at('as_of') || entry.args.some((a) => a.kind === 'date' && !a.optional))) return SCALAR;
  if (entry.id === 'WEIGHTED_SCORE') {
    const [scores, weights] = [shapes[0] ?? SCALAR, shapes[1] ?? SCALAR];
    return weights.rows === 1 && weights.cols === scores.cols ? { rows: scores.rows, cols: 1 } : SCALAR;
  }
  const given = shapes.filter((s): s is Shape => s !== null);
  return { rows: Math.max(1, ...given.map((s) => s.rows)), cols: Math.max(1, ...given.map((s) => s.cols)) };
}

/** A HyperFormula cell value as Sheets hands it to a custom function. */
function sheetsValue(value: unknown, timeZone: string): unknown {
  if (value === EmptyValue || value === null || value === undefined) return '';
  if (typeof value === 'object' && value !== null && 'val' in value && typeof (value as { getDetailedType?: unknown }).getDetailedType === 'function') {
    const rich = value as { val: number; getDetailedType(): string };
    return /DATE|TIME/.test(rich.getDetailedType()) ? new Date(serialToMillis(rich.val, timeZone)) : rich.val;
  }
  return value;
}

/** A custom function's result (a value or rows of values, `""` for blank) as HyperFormula output of the predicted shape. */
function engineValue(result: unknown, shape: Shape): unknown {
  const cell = (v: unknown) => (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : '');
  if (shape.rows === 1 && shape.cols === 1) return cell(Array.isArray(result) ? result[0]?.[0] : result);
  const rows = Array.isArray(result) ? (result as unknown[][]) : [[result]];
  return SimpleRangeValue.onlyValues(
    Array.from({ length: shape.rows }, (_, r) => Array.from({ length: shape.cols }, (_, c) => cell(rows[r]?.[c])) as never[]),
  );
}

/**
 * A function plugin class for these catalogue entries, calling into `binding.context`. Pass it to the
 * engine's `functionPlugins` (per engine, so other fakes in the same process keep `#NAME?`).
 */
export function customFunctionPlugin(entries: readonly CatalogueEntry[], binding: CustomFunctionBinding): FunctionPluginDefinition {
  const byMethod = new Map(entries.map((e) => [`kk_${e.id}`, e]));
  class KefuKpiFunctions extends FunctionPlugin {
    static override implementedFunctions: ImplementedFunctions = Object.fromEntries(entries.map((e) => [e.id, {
      method: `kk_${e.id}`,
      sizeOfResultArrayMethod: `kk_${e.id}_size`,
      parameters: [{ argumentType: FunctionArgumentType.ANY }],
      repeatLastArgs: 1,
      vectorizationForbidden: true,
    }]));

    private argShapes(entry: CatalogueEntry, ast: Ast, state: State): (Shape | null)[] {
      return (ast.args ?? []).map((arg) => {
        if (arg.type === 'EMPTY') return null;
        const size = (this as unknown as { arraySizeForAst(a: Ast, s: State): ArraySize }).arraySizeForAst(arg, state);
        return { rows: size.height, cols: size.width };
      }).slice(0, entry.args.length);
    }

    call(entry: CatalogueEntry, ast: Ast, state: State): unknown {
      if (!binding.context) return new CellError(ErrorType.NAME, `${entry.id}: the add-on's bundle is not loaded`);
      const args: unknown[] = [];
      for (const arg of ast.args ?? []) {
        const value = (this as unknown as { evaluateAst(a: Ast, s: State): unknown }).evaluateAst(arg, state);
        if (value instanceof CellError) return value;
        if (value instanceof SimpleRangeValue) {
          const rows = value.data.map((row) => row.map((v) => sheetsValue(v, binding.timeZone)));
          const error = rows.flat().find((v) => v instanceof CellError);
          if (error) return error;
          args.push(rows);
        } else {
          args.push(arg.type === 'EMPTY' ? undefined : sheetsValue(value, binding.timeZone));
        }
      }
      const shape = resultShape(entry, this.argShapes(entry, ast, state));
      try {
        return engineValue(fromContext(callInContext(binding.context, entry.id, ...args)), shape);
      } catch (e) {
        // Sheets shows a custom function's thrown message as #ERROR! with the message on hover.
        return new CellError(ErrorType.ERROR, e instanceof Error || (typeof e === 'object' && e && 'message' in e) ? String((e as Error).message) : String(e));
      }
    }

    size(entry: CatalogueEntry, ast: Ast, state: State): ArraySize {
      const shape = resultShape(entry, this.argShapes(entry, ast, state));
      return shape.rows === 1 && shape.cols === 1 ? ArraySize.scalar() : new ArraySize(shape.cols, shape.rows);
    }
  }
  for (const [method, entry] of byMethod) {
    Object.defineProperty(KefuKpiFunctions.prototype, method, {
      value(this: KefuKpiFunctions, ast: Ast, state: State) { return this.call(entry, ast, state); },
    });
    Object.defineProperty(KefuKpiFunctions.prototype, `${method}_size`, {
      value(this: KefuKpiFunctions, ast: Ast, state: State) { return this.size(entry, ast, state); },
    });
  }
  // Function names resolve through the language's translations, which are global: the name alone
  // does nothing in an engine without this plugin (it stays #NAME? there).
  HyperFormula.getLanguage('enGB').extendFunctions(Object.fromEntries(entries.map((e) => [e.id, e.id])));
  return KefuKpiFunctions;
}
