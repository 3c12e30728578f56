// Shape of a built-in IML function, and argument helpers shared by the function modules.
import { quoteValue } from '../../../lib/values';
import { interpolate } from '../values';

export interface FunctionContext {
  /** IANA zone used by date functions when none is given (Make: the organisation's zone). */
  timezone: string;
  /** The evaluation's "now", for date defaults (parseDate without a year). */
  now: number;
}

export interface BuiltinFunction {
  minArgs: number;
  /** `Infinity` for variadic functions. */
  maxArgs: number;
  /** Eager form: arguments already evaluated. Also what custom functions get as `iml.<name>`. */
  call(ctx: FunctionContext, args: unknown[]): unknown;
  /** When present, the evaluator calls this with unevaluated arguments (`if`, `ifempty`, `switch`). */
  lazy?(ctx: FunctionContext, args: ReadonlyArray<() => unknown>): unknown;
}

export type BuiltinTable = Record<string, BuiltinFunction>;

export function builtin(minArgs: number, maxArgs: number, call: BuiltinFunction['call']): BuiltinFunction {
  return { minArgs, maxArgs, call };
}

/** Text of a function argument: the same rules as text mixed into a template ([INF] undefined/null give ''). */
export const argText = interpolate;

/** A required number argument (numeric text is accepted). */
export function argNumber(value: unknown, what: string): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new Error(`${what} must be a number, got ${quoteValue(value)}`);
  return n;
}

/** A required whole number argument (numeric text is accepted). */
export function argInteger(value: unknown, what: string): number {
  return Math.trunc(argNumber(value, what));
}

export function argArray(value: unknown, what: string): unknown[] {
  if (Array.isArray(value)) return value;
  if (value === undefined || value === null) return [];
  throw new Error(`${what} must be an array, got ${quoteValue(value)}`);
}
