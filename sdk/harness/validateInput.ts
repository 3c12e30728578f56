// Checks and coerces a module's input bundle against its parameter specs before any request is sent, the way
// Make does for apps on platform v2: empty values are dropped, `erase` becomes null or [], values are coerced
// to their parameter's type, and the first value Make would refuse raises BundleValidationError.
//
// Rules, sources and every inferred ([INF]) decision live in inputRules.ts (types, coercions, erase table),
// inputMessages.ts (wording) and inputDate.ts (dates). This file only walks the specs. Order of the walk is
// Make's form validator's (the public repository integromat/make-forman-schema, src/validator.ts; cited below
// as FORMAN:, a key of docs/make-runtime.md's legend): fields in spec order, depth first, a field's `nested`
// fields (or those of its chosen select option) right after it, read from the same collection as the field
// itself; within a field, its rules in the validator's order.
import type { Parameter, ParameterValidation, SelectOption } from '../types';
import { childPath } from '../../lib/paths';
import { isPlainObject } from '../../lib/values';
import { ERASE } from '../iml';
import { BundleValidationError } from './errors';
import { coerceDate } from './inputDate';
import * as msg from './inputMessages';
import {
  ARRAY_TEXT_SEPARATOR,
  EMAIL_PATTERN,
  EXPECTED_TYPE_NAME,
  INTEGER_RULES,
  NUMERIC_TEXT,
  TYPE_KINDS,
  actualTypeName,
  erasedValue,
  textToBoolean,
  type TypeKind,
} from './inputRules';

/**
 * The value of the IML keyword `emptystring`: a text forced to "" on purpose, which Make sends as "" (the
 * "text forced to '' via IML" row of the empty-values table). A plain "" counts as a field left empty.
 * [INF] The marker itself is this harness's convention.
 */
export const EMPTY_STRING_MARKER: unique symbol = Symbol.for('iml.emptystring');

export interface ValidateOptions {
  /** IANA zone for date text without a zone (Make uses the user's zone). [INF] Default: UTC. */
  timezone?: string;
}

/**
 * Returns the bundle as the module will see it (`parameters`): coerced values, empty values removed per
 * Make's platform-v2 rules, defaults applied. Throws BundleValidationError naming the first failing path.
 */
export function validateInput(
  specs: Parameter[],
  input: Record<string, unknown>,
  options?: ValidateOptions,
): Record<string, unknown> {
  const ctx: Context = { timeZone: options?.timezone ?? 'UTC', plans: new Map(), fields: new Map() };
  return processCollection(input ?? {}, specs, '', ctx, false);
}

// ------------------------------------------------------------------------------------------------ walk

interface Context {
  timeZone: string;
  /** Parameter lists and item specs prepared once per run (not per item): see planFor / fieldFor. */
  plans: Map<ReadonlyArray<Parameter | string>, Field[]>;
  fields: Map<Parameter, Field>;
}

/** A parameter spec read once: the walk then works on records of one shape, whatever the specs look like. */
interface Field {
  spec: Parameter;
  name: string;
  kind: TypeKind;
  required: boolean;
  /** The default, or undefined when there is none (FORMAN ignores a null default). */
  defaultValue: unknown;
  multiple: boolean;
  validate: ParameterValidation | undefined;
}

function fieldFor(spec: Parameter, ctx: Context): Field {
  let field = ctx.fields.get(spec);
  if (field === undefined) {
    field = {
      spec,
      name: spec.name,
      // [INF] A type that is not one of Make's (e.g. an IML string) is not checked.
      kind: Object.prototype.hasOwnProperty.call(TYPE_KINDS, spec.type) ? TYPE_KINDS[spec.type] : 'any',
      required: spec.required === true,
      defaultValue: spec.default === null ? undefined : spec.default,
      multiple: spec.multiple === true,
      validate: typeof spec.validate === 'object' && spec.validate !== null ? spec.validate : undefined,
    };
    ctx.fields.set(spec, field);
  }
  return field;
}

function planFor(specs: ReadonlyArray<Parameter | string>, ctx: Context): Field[] {
  let plan = ctx.plans.get(specs);
  if (plan === undefined) {
    plan = [];
    for (let i = 0; i < specs.length; i++) {
      const spec = specs[i];
      // [INF] "rpc://…" entries produce fields at run time; they cannot be resolved here and are skipped.
      if (typeof spec !== 'object' || spec === null || typeof spec.name !== 'string') continue;
      const field = fieldFor(spec, ctx);
      if (field.kind !== 'visual') plan.push(field);
    }
    ctx.plans.set(specs, plan);
  }
  return plan;
}

const NO_RULES: ParameterValidation = {};

/** processValue's answer for "no value: remove the key". */
const REMOVE = Symbol('remove');

/**
 * A collection being processed. Changes are recorded and applied in one copy at the end, so a collection
 * that needs no change is returned as it is (no cloning), and no `delete` turns copies into slow objects.
 */
interface Target {
  src: Record<string, unknown>;
  /** Keys and their new values (REMOVE: drop the key), flattened as [key, value, key, value, …]. */
  changes: unknown[] | null;
  removes: boolean;
}

function isRemoved(changes: unknown[], key: string): boolean {
  for (let i = 0; i < changes.length; i += 2) if (changes[i] === key && changes[i + 1] === REMOVE) return true;
  return false;
}

/** The collection with its recorded changes applied: itself when there are none, else one copy. */
function withChanges(target: Target): Record<string, unknown> {
  const { src, changes } = target;
  if (changes === null) return src;
  let out: Record<string, unknown>;
  if (target.removes) {
    out = {};
    for (const key in src) {
      if (Object.prototype.hasOwnProperty.call(src, key) && !isRemoved(changes, key)) out[key] = src[key];
    }
  } else {
    out = { ...src };
  }
  for (let i = 0; i < changes.length; i += 2) {
    if (changes[i + 1] !== REMOVE) out[changes[i] as string] = changes[i + 1];
  }
  return out;
}

/**
 * The failure at a place of the input. Paths are written as IML paths: `contrats[3].dateDebut`, 1-based
 * indexes (the BundleValidationError contract in errors.ts). Make's form validator writes `contrats.2.dateDebut`
 * (0-based) and Make's runtime names only the parameter (`'dateDebut'`).
 */
function failure(path: string, detail: string): BundleValidationError {
  return new BundleValidationError(path, detail);
}

function processCollection(
  obj: Record<string, unknown>,
  specs: ReadonlyArray<Parameter | string>,
  path: string,
  ctx: Context,
  suppressRequired: boolean,
): Record<string, unknown> {
  const target: Target = { src: obj, changes: null, removes: false };
  processFields(specs, target, path, ctx, suppressRequired);
  return withChanges(target);
}

function processFields(
  specs: ReadonlyArray<Parameter | string>,
  target: Target,
  path: string,
  ctx: Context,
  suppressRequired: boolean,
): void {
  const plan = planFor(specs, ctx);
  for (let i = 0; i < plan.length; i++) processField(plan[i]!, target, path, ctx, suppressRequired);
}

function processField(field: Field, target: Target, path: string, ctx: Context, suppressRequired: boolean): void {
  const name = field.name;
  const src = target.src;
  const original = src[name];
  const result = processValue(original, field, path, name, ctx, suppressRequired);

  if (result === REMOVE) {
    if (original !== undefined || Object.prototype.hasOwnProperty.call(src, name)) {
      (target.changes ??= []).push(name, REMOVE);
      target.removes = true;
    }
    return;
  }
  if (result !== original) (target.changes ??= []).push(name, result);

  const nested = nestedFields(field, result);
  if (nested) {
    // FORMAN: the nested fields of a boolean apply when it is true; when false only their types are checked.
    const suppress = suppressRequired || (field.kind === 'boolean' && result !== true);
    processFields(nested, target, path, ctx, suppress);
  }
}

/** The `nested` fields a value brings in: the chosen option's, else the field's own. [INF] RPC ones skipped. */
function nestedFields(field: Field, value: unknown): ReadonlyArray<Parameter | string> | undefined {
  const spec = field.spec;
  if (field.kind === 'select' && !field.multiple && Array.isArray(spec.options)) {
    const option = findOption(spec.options, value);
    if (option && Array.isArray(option.nested)) return option.nested;
  }
  return Array.isArray(spec.nested) ? spec.nested : undefined;
}

function isEmptyValue(value: unknown, kind: TypeKind, multiple: boolean): boolean {
  if (value === undefined || value === null || value === '') return true;
  // EMPTY: an array or multiple select with nothing in it is "left empty". [INF] [] counts as empty.
  return (kind === 'array' || (kind === 'select' && multiple)) && Array.isArray(value) && value.length === 0;
}

const TEXT_KINDS: ReadonlySet<TypeKind> = new Set<TypeKind>(['text', 'email', 'hidden', 'buffer']);

/** One value against one spec. Returns the coerced value, or REMOVE to drop the key. */
function processValue(
  input: unknown,
  field: Field,
  parentPath: string,
  key: string | number,
  ctx: Context,
  suppressRequired: boolean,
): unknown {
  const kind = field.kind;
  const required = field.required && !suppressRequired;
  let value = input;
  // FORMAN: a missing value takes the default (it does so for required fields; [INF] for all fields, since
  // Make's form pre-fills defaults). null and "" do not.
  if (value === undefined) value = field.defaultValue;

  if (value === ERASE) {
    // [INF] erase on a required field asks for no value, which a required field refuses.
    if (required) throw failure(childPath(parentPath, key), msg.MANDATORY);
    const erased = erasedValue(kind, field.multiple);
    return erased === undefined ? REMOVE : erased === null ? null : [];
  }

  let forcedEmpty = false;
  if (value === EMPTY_STRING_MARKER) {
    value = '';
    forcedEmpty = true;
  }

  if (isEmptyValue(value, kind, field.multiple)) {
    // FORMAN: null and "" fail a required field, like a missing value.
    if (required) throw failure(childPath(parentPath, key), msg.MANDATORY);
    // EMPTY: "" forced through IML reaches a text field as ""; [INF] other types treat it as empty.
    if (forcedEmpty && TEXT_KINDS.has(kind)) return '';
    return REMOVE; // EMPTY: empty text, number, boolean, array and select become undefined.
  }

  switch (kind) {
    case 'text':
    case 'email':
    case 'buffer':
      return processText(value, field, childPath(parentPath, key));
    case 'hidden':
      return processHidden(value);
    case 'number':
      return processNumber(value, field, childPath(parentPath, key));
    case 'boolean':
      // COERCION: text "false" → false, other text → true, any number → true, anything else → true.
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string') return textToBoolean(value);
      return true;
    case 'date': {
      const date = coerceDate(value, ctx.timeZone);
      if (date.ok) return date.value;
      const detail = date.kind === 'type' ? msg.typeMismatch('string', actualTypeName(value)) : msg.INVALID_DATE;
      throw failure(childPath(parentPath, key), detail);
    }
    case 'array':
      return processArray(value, field, childPath(parentPath, key), ctx);
    case 'collection':
      return processCollectionValue(value, field.spec.spec, childPath(parentPath, key), ctx);
    case 'select':
      return processSelect(value, field, childPath(parentPath, key));
    default:
      return value;
  }
}

// ------------------------------------------------------------------------------------------------ text

/** COERCION, text expected. Returns undefined when the value cannot become text. */
function toText(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'object':
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const t = typeof value[i];
          if (t !== 'string' && t !== 'number' && t !== 'boolean') return undefined;
        }
        return value.join(ARRAY_TEXT_SEPARATOR);
      }
      return undefined;
    default:
      return undefined;
  }
}

function processText(value: unknown, field: Field, path: string): unknown {
  const kind = field.kind;
  // COERCION, buffer expected: binary data is handed over unchanged.
  if (kind === 'buffer' && value instanceof Uint8Array) return value;
  const text = toText(value);
  if (text === undefined) throw failure(path, msg.typeMismatch(EXPECTED_TYPE_NAME[kind]!, actualTypeName(value)));
  if (kind === 'email' && !EMAIL_PATTERN.test(text)) throw failure(path, msg.INVALID_EMAIL);
  const validate = field.validate;
  if (validate !== undefined) {
    // FORMAN: pattern, then min length, then max length, then enum.
    if (validate.pattern !== undefined && !compiledPattern(validate.pattern).test(text)) {
      throw failure(path, msg.patternMismatch(validate.pattern));
    }
    if (validate.min !== undefined && text.length < validate.min) throw failure(path, msg.tooShort(validate.min));
    if (validate.max !== undefined && text.length > validate.max) throw failure(path, msg.tooLong(validate.max));
    if (validate.enum !== undefined && !validate.enum.includes(text)) throw failure(path, msg.notInEnum(validate.enum));
  }
  return text;
}

const patterns = new Map<string, RegExp>();

/** FORMAN: `new RegExp(pattern)`, unanchored. Compiled once per pattern. */
function compiledPattern(pattern: string): RegExp {
  let re = patterns.get(pattern);
  if (!re) {
    re = new RegExp(pattern);
    patterns.set(pattern, re);
  }
  return re;
}

/** PARAMS: a hidden value is text; a non-text value is converted. [INF] collections/arrays as JSON. */
function processHidden(value: unknown): unknown {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) return JSON.stringify(value);
  return toText(value) ?? String(value);
}

// ------------------------------------------------------------------------------------------------ numbers

function processNumber(value: unknown, field: Field, path: string): unknown {
  let n: number;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw failure(path, msg.INVALID_NUMBER);
    n = value;
  } else if (typeof value === 'string' && NUMERIC_TEXT.test(value)) {
    n = Number(value); // COERCION: numeric text becomes a number
  } else {
    // COERCION: text that is not a number, and any other type, is a validation error.
    throw failure(path, msg.typeMismatch('number', actualTypeName(value)));
  }

  const integer = INTEGER_RULES[field.spec.type];
  if (integer) {
    if (!Number.isInteger(n)) throw failure(path, msg.NOT_INTEGER);
    if (integer.min !== undefined && n < integer.min) throw failure(path, msg.tooSmall(integer.min));
    if (integer.max !== undefined && n > integer.max) throw failure(path, msg.tooBig(integer.max));
  }

  const { min, max } = field.validate ?? NO_RULES;
  if (min !== undefined && n < min) throw failure(path, msg.tooSmall(min));
  if (max !== undefined && n > max) throw failure(path, msg.tooBig(max));
  return n;
}

// ------------------------------------------------------------------------------------------------ arrays

function processArray(value: unknown, field: Field, path: string, ctx: Context): unknown {
  // COERCION: a value that is not an array becomes an array holding it.
  const source: unknown[] = Array.isArray(value) ? value : [value];
  let out: unknown[] | null = source === value ? null : source;

  const itemSpec = field.spec.spec;
  if (Array.isArray(itemSpec)) {
    // PARAMS: a list of parameters as `spec` means each item is a collection of those fields.
    for (let i = 0; i < source.length; i++) {
      const item = source[i];
      const result = processCollectionValue(item, itemSpec, childPath(path, i), ctx);
      if (result !== item) {
        if (out === null) out = source.slice();
        out[i] = result;
      }
    }
  } else if (typeof itemSpec === 'object' && itemSpec !== null) {
    const itemField = fieldFor(itemSpec, ctx);
    if (itemField.kind !== 'visual') {
      for (let i = 0; i < source.length; i++) {
        const item = source[i];
        const result = processValue(item, itemField, path, i, ctx, false);
        // [INF] An empty item stays in place (removing it would shift the indexes the user mapped).
        if (result !== REMOVE && result !== item) {
          if (out === null) out = source.slice();
          out[i] = result;
        }
      }
    }
  }

  // FORMAN: counted after the items are checked; [INF] on the array after wrapping.
  const { minItems, maxItems } = field.validate ?? NO_RULES;
  if (minItems !== undefined && source.length < minItems) throw failure(path, msg.tooFewItems(minItems));
  if (maxItems !== undefined && source.length > maxItems) throw failure(path, msg.tooManyItems(maxItems));
  return out ?? source;
}

// ------------------------------------------------------------------------------------------------ collections

function processCollectionValue(value: unknown, fields: Parameter['spec'], path: string, ctx: Context): unknown {
  if (!isPlainObject(value)) {
    // [INF] An array item that is empty (null/"") is left as it is; FORMAN accepts it for a non-required item.
    if (value === null || value === undefined || value === '') return value;
    // COERCION, collection expected: anything else is a validation error.
    throw failure(path, msg.typeMismatch('object', actualTypeName(value)));
  }
  if (Array.isArray(fields)) return processCollection(value, fields, path, ctx, false);
  // [INF] A single parameter as a collection's spec is read as a list of one.
  if (typeof fields === 'object' && fields !== null) return processCollection(value, [fields], path, ctx, false);
  return value; // no spec, or fields from an RPC: unchecked
}

// ------------------------------------------------------------------------------------------------ selects

/** FORMAN: options are matched with ===; groups ({label, options}) are searched too. */
function findOption(options: ReadonlyArray<SelectOption>, value: unknown): SelectOption | undefined {
  for (let i = 0; i < options.length; i++) {
    const option = options[i]!;
    const group = (option as { options?: unknown }).options;
    if (Array.isArray(group) && !('value' in option)) {
      const found = findOption(group as SelectOption[], value);
      if (found) return found;
    } else if (option.value === value) {
      return option;
    }
  }
  return undefined;
}

function processSelect(value: unknown, field: Field, path: string): unknown {
  // Options from an RPC ("rpc://…") are not checked.
  const options = Array.isArray(field.spec.options) ? field.spec.options : undefined;
  if (!field.multiple) {
    if (options && !findOption(options, value)) throw failure(path, msg.notInOptions(value));
    return value;
  }
  // [INF] COERCION's "array expected" rule: a single value becomes a one-item selection.
  const values: unknown[] = Array.isArray(value) ? value : [value];
  if (options) {
    for (let i = 0; i < values.length; i++) {
      if (!findOption(options, values[i])) throw failure(path, msg.notInOptions(values[i]));
    }
  }
  const { minItems, maxItems } = field.validate ?? NO_RULES;
  if (minItems !== undefined && values.length < minItems) throw failure(path, msg.tooFewSelected(minItems));
  if (maxItems !== undefined && values.length > maxItems) throw failure(path, msg.tooManySelected(maxItems));
  return values;
}
