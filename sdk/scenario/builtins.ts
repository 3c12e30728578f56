// The built-in modules the runner runs itself (blueprint.ts names their verified ids): the label Make's editor
// shows, the fields a later module may map, and what one run outputs. The Array aggregator and the Router act on
// the flow itself, so runner.ts runs them; the others are here.
import type { Parameter } from '../types';
import { isPlainObject, showValue } from '../../lib/values';
import { PARSE_JSON_FIELD, type BlueprintModule, type BuiltinKind } from './blueprint';

/** The label under the bubble in Make's editor, when the designer gave no name. */
export const BUILTIN_LABELS: Readonly<Record<BuiltinKind, string>> = {
  iterator: 'Iterator',
  aggregator: 'Array aggregator',
  router: 'Router',
  setVariable: 'Set variable',
  parseJson: 'Parse JSON',
};

/** The position and count Make adds to every bundle of a module that outputs several ("Bundle order position",
 * "Total number of bundles"). */
export const BUNDLE_POSITION = '__IMTINDEX__';
export const BUNDLE_COUNT = '__IMTLENGTH__';

/**
 * The fields a later module may map from a built-in, or undefined when they are the data's own and no
 * declaration says which (the elements an iterator splits, the JSON Parse JSON reads).
 */
export function builtinOutputFields(kind: BuiltinKind, module: BlueprintModule): Parameter[] | undefined {
  switch (kind) {
    case 'aggregator':
      return [{ name: 'array', type: 'array' }];
    case 'router':
      return [];
    case 'setVariable':
      return typeof module.mapper.name === 'string' && module.mapper.name !== '' ? [{ name: module.mapper.name, type: 'any' }] : [];
    default:
      return undefined;
  }
}

/** The error a built-in ends with (type as Make names it, message naming what was wrong). */
export class BuiltinError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** Iterator: one bundle per element of `array`; an element that is not a collection becomes `{value}`. Nothing
 * mapped (empty) gives no bundle. */
export function iterate(mapped: Record<string, unknown>): Array<Record<string, unknown>> {
  const array = mapped.array;
  if (array === undefined || array === null || array === '') return [];
  if (!Array.isArray(array)) {
    throw new BuiltinError('DataError', `the Iterator's 'Array' is not an array (got ${showValue(array)}): map an array, e.g. {{2.array}}`);
  }
  return array.map((item, index) => withPosition(isPlainObject(item) ? { ...item } : { value: item }, index, array.length));
}

/** Set variable: one bundle `{<name>: <value>}`. */
export function setVariable(mapped: Record<string, unknown>): Array<Record<string, unknown>> {
  const name = mapped.name;
  if (typeof name !== 'string' || name === '') throw new BuiltinError('DataError', "Set variable has no 'Variable name'");
  return [{ [name]: mapped.value }];
}

/**
 * Parse JSON: a collection gives one bundle; an array of collections one bundle per element. UNVERIFIED: the
 * array case (the runner reads it as an iterator would).
 */
export function parseJson(mapped: Record<string, unknown>): Array<Record<string, unknown>> {
  const text = mapped[PARSE_JSON_FIELD];
  let value: unknown;
  try {
    value = JSON.parse(String(text ?? ''));
  } catch (error) {
    throw new BuiltinError('DataError', `Parse JSON: the text is not JSON (${(error as Error).message}); the text starts with ${showValue(String(text ?? ''), 60)}`);
  }
  if (isPlainObject(value)) return [value];
  if (Array.isArray(value) && value.every(isPlainObject)) return value.map((item, index) => withPosition({ ...item }, index, value.length));
  throw new BuiltinError('DataError', `Parse JSON: the JSON is neither a collection nor an array of collections (got ${showValue(value, 60)})`);
}

export function withPosition(bundle: Record<string, unknown>, index: number, count: number): Record<string, unknown> {
  return { ...bundle, [BUNDLE_POSITION]: index + 1, [BUNDLE_COUNT]: count };
}
