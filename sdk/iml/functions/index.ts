// The built-in library: one table, its argument counts exported for linting.
import { ARRAY_FUNCTIONS } from './array';
import { DATE_FUNCTIONS } from './date';
import { GENERAL_FUNCTIONS } from './general';
import { MATH_FUNCTIONS } from './math';
import { RUNTIME_FUNCTIONS } from './runtime';
import { TEXT_FUNCTIONS } from './text';
import { BuiltinFunction } from './types';

export const BUILTINS: ReadonlyMap<string, BuiltinFunction> = new Map(
  Object.entries({
    ...GENERAL_FUNCTIONS,
    ...TEXT_FUNCTIONS,
    ...MATH_FUNCTIONS,
    ...DATE_FUNCTIONS,
    ...ARRAY_FUNCTIONS,
    ...RUNTIME_FUNCTIONS,
  }),
);

export const BUILTIN_FUNCTIONS: ReadonlyMap<string, { minArgs: number; maxArgs: number }> = new Map(
  [...BUILTINS].map(([name, fn]) => [name, { minArgs: fn.minArgs, maxArgs: fn.maxArgs }]),
);

/** `function 'if' expects 2 to 3 arguments, got 1`, or null when the count fits. */
export function argumentCountProblem(name: string, fn: { minArgs: number; maxArgs: number }, count: number): string | null {
  if (count >= fn.minArgs && count <= fn.maxArgs) return null;
  const plural = (n: number): string => (n === 1 ? 'argument' : 'arguments');
  let expected: string;
  if (fn.maxArgs === Infinity) expected = `at least ${fn.minArgs} ${plural(fn.minArgs)}`;
  else if (fn.minArgs === fn.maxArgs) expected = `${fn.minArgs} ${plural(fn.minArgs)}`;
  else expected = `${fn.minArgs} to ${fn.maxArgs} arguments`;
  return `function '${name}' expects ${expected}, got ${count}`;
}
