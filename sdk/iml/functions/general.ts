// General functions: if, ifempty, switch, get, pick, omit.
import { getPath } from '../path';
import { isPlainObject } from '../../../lib/values';
import { imlEquals, isEmptyValue, isImlTruthy } from '../values';
import { BuiltinFunction, BuiltinTable, builtin } from './types';

/** [INF] switch matches by equality, or by text for two primitives ("1" matches 1), as the package's String() compare. */
function switchMatches(value: unknown, candidate: unknown): boolean {
  if (imlEquals(value, candidate)) return true;
  const primitive = (v: unknown): boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
  return primitive(value) && primitive(candidate) && String(value) === String(candidate);
}

function switchOver(args: ReadonlyArray<() => unknown>): unknown {
  const value = args[0]();
  let i = 1;
  for (; i + 1 < args.length; i += 2) {
    if (switchMatches(value, args[i]())) return args[i + 1]();
  }
  return i < args.length ? args[i]() : undefined;
}

const eager = (values: unknown[]): Array<() => unknown> => values.map((v) => () => v);

const ifFunction: BuiltinFunction = {
  minArgs: 2,
  maxArgs: 3,
  call: (_ctx, [condition, whenTrue, whenFalse]) => (isImlTruthy(condition) ? whenTrue : whenFalse),
  lazy: (_ctx, args) => (isImlTruthy(args[0]()) ? args[1]() : args[2] ? args[2]() : undefined),
};

const ifemptyFunction: BuiltinFunction = {
  minArgs: 2,
  maxArgs: 2,
  call: (_ctx, [value, fallback]) => (isEmptyValue(value) ? fallback : value),
  lazy: (_ctx, args) => {
    const value = args[0]();
    return isEmptyValue(value) ? args[1]() : value;
  },
};

const switchFunction: BuiltinFunction = {
  minArgs: 3,
  maxArgs: Infinity,
  call: (_ctx, args) => switchOver(eager(args)),
  lazy: (_ctx, args) => switchOver(args),
};

/** Keys named by the arguments; arrays of keys are accepted too. */
function keyList(args: unknown[]): Set<string> {
  return new Set(args.flat().filter((k) => k !== undefined && k !== null).map(String));
}

function selectKeys(collection: unknown, keys: Set<string>, keep: boolean): Record<string, unknown> | undefined {
  if (!isPlainObject(collection)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(collection)) {
    if (keys.has(key) === keep) out[key] = value;
  }
  return out;
}

export const GENERAL_FUNCTIONS: BuiltinTable = {
  if: ifFunction,
  ifempty: ifemptyFunction,
  switch: switchFunction,
  get: builtin(2, 2, (_ctx, [target, path]) => getPath(target, path)),
  pick: builtin(2, Infinity, (_ctx, [collection, ...keys]) => selectKeys(collection, keyList(keys), true)),
  omit: builtin(2, Infinity, (_ctx, [collection, ...keys]) => selectKeys(collection, keyList(keys), false)),
};
