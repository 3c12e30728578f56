// Array functions (join, length and contains live with the text functions: they take both). "The package's notes"
// below are the third-party notes on the IML package (minsu-kang/make-custom-app-skill,
// skill/references/builtin-iml-functions.md).
import { getPath } from '../path';
import { isPlainObject, quoteValue } from '../../../lib/values';
import { imlEquals, isDate } from '../values';
import { argArray, argInteger, argText, BuiltinTable, builtin } from './types';

const isBlank = (value: unknown): boolean => value === undefined || value === null || value === '';

function deepEqual(a: unknown, b: unknown): boolean {
  if (imlEquals(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** [INF] After the package's notes: collections compare deeply, primitives by their text ("1" and 1 are one). */
function sameItem(a: unknown, b: unknown): boolean {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) return deepEqual(a, b);
  if (typeof a === 'object' || typeof b === 'object') return a === b;
  return String(a) === String(b);
}

function distinct(array: unknown[], key: unknown): unknown[] {
  const kept: unknown[] = [];
  const seen: unknown[] = [];
  const hasKey = !isBlank(key);
  for (const item of array) {
    const identity = hasKey ? getPath(item, argText(key)) : item;
    if (seen.some((s) => sameItem(s, identity))) continue;
    seen.push(identity);
    kept.push(item);
  }
  return kept;
}

type SortOrder = { descending: boolean; caseInsensitive: boolean };

const SORT_ORDERS: Readonly<Record<string, SortOrder>> = {
  asc: { descending: false, caseInsensitive: false },
  desc: { descending: true, caseInsensitive: false },
  'asc ci': { descending: false, caseInsensitive: true },
  'desc ci': { descending: true, caseInsensitive: true },
};

/** The order a value names ('asc' when empty), or undefined when it names none. */
function sortOrderOf(value: unknown): SortOrder | undefined {
  const text = isBlank(value) ? 'asc' : argText(value).trim().toLowerCase();
  return Object.prototype.hasOwnProperty.call(SORT_ORDERS, text) ? SORT_ORDERS[text] : undefined;
}

function sortOrder(value: unknown): SortOrder {
  const order = sortOrderOf(value);
  if (order === undefined) throw new Error(`unknown order ${quoteValue(value)} (asc, desc, asc ci, desc ci)`);
  return order;
}

/**
 * `sort(array; [order]; [key])`, and `sort(array; key)`: help.make.com/array-functions shows
 * `sort( Contacts[] ; name )` and `sort( Emails[] ; sender.name )`. So a second argument that names no
 * order is the key when no third one follows; a key spelled like an order needs the three-argument form.
 */
function sortArguments(second: unknown, third: unknown): { order: unknown; key: unknown } {
  if (third === undefined && !isBlank(second) && sortOrderOf(second) === undefined) return { order: undefined, key: second };
  return { order: second, key: third };
}

/**
 * [INF] Numbers (and dates) compare as numbers, everything else as text; empty values go last in
 * either order. The sort is stable.
 */
function sortItems(array: unknown[], order: unknown, key: unknown): unknown[] {
  const { descending, caseInsensitive } = sortOrder(order);
  const hasKey = !isBlank(key);
  const sortKey = (item: unknown): unknown => (hasKey ? getPath(item, argText(key)) : item);
  const compare = (x: unknown, y: unknown): number => {
    if ((typeof x === 'number' || isDate(x)) && (typeof y === 'number' || isDate(y))) return Number(x) - Number(y);
    let a = argText(x);
    let b = argText(y);
    if (caseInsensitive) {
      a = a.toLowerCase();
      b = b.toLowerCase();
    }
    return a < b ? -1 : a > b ? 1 : 0;
  };
  const isEmpty = (v: unknown): boolean => v === undefined || v === null;
  return array
    .map((item, index) => ({ item, index, key: sortKey(item) }))
    .sort((p, q) => {
      if (isEmpty(p.key) || isEmpty(q.key)) return isEmpty(p.key) === isEmpty(q.key) ? p.index - q.index : isEmpty(p.key) ? 1 : -1;
      const c = compare(p.key, q.key);
      return c === 0 ? p.index - q.index : descending ? -c : c;
    })
    .map((entry) => entry.item);
}

/** `map(array, key, [filterKey], [filterValues])`: filter values are a comma-separated text or an array. */
function mapItems(array: unknown[], key: unknown, filterKey: unknown, filterValues: unknown): unknown[] {
  let items = array;
  if (filterKey !== undefined && filterKey !== null && filterKey !== '') {
    const wanted = (Array.isArray(filterValues) ? filterValues : argText(filterValues).split(',')).map((v) => argText(v).trim());
    items = items.filter((item) => wanted.includes(argText(getPath(item, argText(filterKey)))));
  }
  return items.map((item) => getPath(item, argText(key)));
}

function shuffle(array: unknown[]): unknown[] {
  const out = [...array];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function toCollection(array: unknown[], keyField: unknown, valueField: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const item of array) {
    const key = getPath(item, argText(keyField));
    if (key === undefined || key === null) continue;
    out[argText(key)] = getPath(item, argText(valueField));
  }
  return out;
}

function toArray(value: unknown): Array<{ key: string; value: unknown }> {
  if (Array.isArray(value) || isPlainObject(value)) return Object.entries(value).map(([key, v]) => ({ key, value: v }));
  if (value === undefined || value === null) return [];
  throw new Error(`expects a collection, got ${quoteValue(value)}`);
}

function keys(value: unknown): string[] {
  if (Array.isArray(value) || isPlainObject(value)) return Object.keys(value);
  if (value === undefined || value === null) return [];
  throw new Error(`expects a collection, got ${quoteValue(value)}`);
}

export const ARRAY_FUNCTIONS: BuiltinTable = {
  add: builtin(2, Infinity, (_ctx, [array, ...values]) => [...argArray(array, 'the first argument'), ...values]),
  remove: builtin(2, Infinity, (_ctx, [array, ...values]) =>
    argArray(array, 'the first argument').filter((item) => !values.some((v) => sameItem(item, v))),
  ),
  map: builtin(2, 4, (_ctx, [array, key, filterKey, filterValues]) =>
    mapItems(argArray(array, 'the first argument'), key, filterKey, filterValues),
  ),
  sort: builtin(1, 3, (_ctx, [array, second, third]) => {
    const { order, key } = sortArguments(second, third);
    return sortItems(argArray(array, 'the first argument'), order, key);
  }),
  reverse: builtin(1, 1, (_ctx, [array]) => [...argArray(array, 'the argument')].reverse()),
  shuffle: builtin(1, 1, (_ctx, [array]) => shuffle(argArray(array, 'the argument'))),
  slice: builtin(2, 3, (_ctx, [array, start, end]) =>
    argArray(array, 'the first argument').slice(argInteger(start, 'start'), end === undefined ? undefined : argInteger(end, 'end')),
  ),
  // [INF] After the package's notes, arguments that are not arrays are skipped.
  merge: builtin(1, Infinity, (_ctx, arrays) => arrays.filter(Array.isArray).flat(1)),
  flatten: builtin(1, 2, (_ctx, [array, depth]) =>
    argArray(array, 'the first argument').flat(depth === undefined ? 1 : Math.max(0, argInteger(depth, 'depth'))),
  ),
  distinct: builtin(1, 2, (_ctx, [array, key]) => distinct(argArray(array, 'the first argument'), key)),
  deduplicate: builtin(1, 1, (_ctx, [array]) => distinct(argArray(array, 'the argument'), undefined)),
  keys: builtin(1, 1, (_ctx, [value]) => keys(value)),
  toCollection: builtin(3, 3, (_ctx, [array, keyField, valueField]) =>
    toCollection(argArray(array, 'the first argument'), keyField, valueField),
  ),
  toArray: builtin(1, 1, (_ctx, [value]) => toArray(value)),
  first: builtin(1, 1, (_ctx, [array]) => argArray(array, 'the argument')[0]),
  last: builtin(1, 1, (_ctx, [array]) => {
    const items = argArray(array, 'the argument');
    return items[items.length - 1];
  }),
};
