// Does a value fit a Make interface (parameter specs describing an output)? Known keys, compatible types,
// recursively through collections and arrays, select values among the options. Used on module samples by the
// checks and on real output bundles by the harness.

import { isPlainObject, quoteValue } from '../../lib/values';
import type { PathSegments } from '../../lib/paths';
import { suggest } from '../suggest';

type JsonObject = Record<string, unknown>;

export interface Mismatch {
  segments: PathSegments;
  message: string;
  hint: string;
}

/** Every place where `value` does not fit `spec`; `noun` names what is checked ("sample", "output"). */
export function interfaceMismatches(value: JsonObject, spec: unknown[], noun: string, where: string): Mismatch[] {
  const found: Mismatch[] = [];
  checkFields(value, spec, [], (segments, message, hint) => found.push({ segments, message, hint }), where, noun);
  return found;
}

const TEXT_TYPES = new Set([
  'text', 'email', 'url', 'uuid', 'password', 'color', 'path', 'filename', 'folder', 'file', 'cert', 'pkey',
  'time', 'timezone', 'date', 'buffer',
]);
const NUMBER_TYPES = new Set(['number', 'integer', 'uinteger', 'port']);

type Report = (segments: PathSegments, message: string, hint: string) => void;

// One map per spec list: a 50,000-contract listing checks every item against the same fields.
const fieldMaps = new WeakMap<unknown[], Map<string, JsonObject>>();

export function fieldsByName(spec: unknown[]): Map<string, JsonObject> {
  let fields = fieldMaps.get(spec);
  if (!fields) {
    fields = new Map(spec.filter(isPlainObject).filter((p) => typeof p.name === 'string').map((p) => [p.name as string, p]));
    fieldMaps.set(spec, fields);
  }
  return fields;
}

function checkFields(value: JsonObject, spec: unknown[], segments: PathSegments, report: Report, where: string, noun: string): void {
  const fields = fieldsByName(spec);
  for (const [key, item] of Object.entries(value)) {
    const param = fields.get(key);
    if (!param) {
      const guess = suggest(key, [...fields.keys()]);
      report(
        [...segments, key],
        `${noun} key '${key}' is not declared in ${where} (declared: ${[...fields.keys()].join(', ') || 'none'})`,
        guess ? `did you mean '${guess}'?` : `declare '${key}' in the interface, or remove it from the ${noun}`,
      );
      continue;
    }
    checkValue(item, param, [...segments, key], report, noun);
  }
}

function checkValue(value: unknown, param: JsonObject, segments: PathSegments, report: Report, noun: string): void {
  if (value === null || value === undefined) return;
  const type = param.type;
  const name = typeof param.name === 'string' ? `'${param.name}'` : 'the item';
  const mismatch = (wanted: string): void =>
    report(
      segments,
      `${noun} ${quoteValue(value, 40)} is ${kindOf(value)}, but ${name} is declared '${String(type)}' (${wanted})`,
      `make the ${noun} ${wanted}, or correct the type of ${name} in the interface`,
    );
  if (typeof type !== 'string') return;
  if (param.multiple === true && type !== 'array' && Array.isArray(value)) {
    value.forEach((item, index) => checkValue(item, { ...param, multiple: false }, [...segments, index], report, noun));
    return;
  }
  if (type === 'collection') {
    if (!isPlainObject(value)) return mismatch('an object');
    if (Array.isArray(param.spec)) checkFields(value, param.spec, segments, report, `the fields of ${name}`, noun);
  } else if (type === 'array') {
    if (!Array.isArray(value)) return mismatch('an array');
    value.forEach((item, index) => {
      const at = [...segments, index];
      if (Array.isArray(param.spec)) {
        if (!isPlainObject(item)) {
          report(at, `${noun} item ${quoteValue(item, 40)} is ${kindOf(item)}, but the items of ${name} are collections`, `make the item an object with the fields of ${name}`);
        } else {
          checkFields(item, param.spec, at, report, `the item fields of ${name}`, noun);
        }
      } else if (isPlainObject(param.spec)) {
        checkValue(item, param.spec, at, report, noun);
      }
    });
  } else if (NUMBER_TYPES.has(type)) {
    if (typeof value !== 'number') return mismatch('a number');
    if (type !== 'number' && !Number.isInteger(value)) return mismatch('a whole number');
    if (type === 'uinteger' && value < 0) return mismatch('a whole number of 0 or more');
  } else if (type === 'boolean') {
    if (typeof value !== 'boolean') return mismatch('true or false');
  } else if (TEXT_TYPES.has(type)) {
    if (typeof value !== 'string') return mismatch('a text');
  } else if (type === 'timestamp') {
    if (typeof value !== 'string' && typeof value !== 'number') return mismatch('a text or a number');
  } else if (type === 'select') {
    if (!['string', 'number', 'boolean'].includes(typeof value)) return mismatch('one of its option values');
    if (Array.isArray(param.options) && param.options.length > 0) {
      const values = param.options.filter(isPlainObject).map((option) => option.value);
      if (!values.includes(value)) {
        report(
          segments,
          `${noun} ${quoteValue(value, 40)} is not an option of ${name} (options: ${values.map((v) => JSON.stringify(v)).join(', ')})`,
          `use one of the option values, or add ${quoteValue(value, 40)} to the options of ${name}`,
        );
      }
    }
  }
  // any, json, hidden, udt, filter and IML types: anything goes.
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (isPlainObject(value)) return 'an object';
  if (typeof value === 'string') return 'a text';
  if (typeof value === 'number') return Number.isInteger(value) ? 'a whole number' : 'a number';
  return `a ${typeof value}`;
}
