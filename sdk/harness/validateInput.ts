// Checks and coerces a module's input bundle against its parameter specs before any request is sent, the way
// Make does for apps on platform v2: empty values are dropped, `erase` becomes null or [], values are coerced
// to their parameter's type, and a value Make would refuse raises BundleValidationError.
//
// Rules, sources and every inferred ([INF]) decision live in inputRules.ts (types, coercions, erase table),
// inputMessages.ts (wording) and inputDate.ts (dates). This file only walks the specs. Order of the walk is
// Make's form validator's (make-forman-schema src/validator.ts): fields in spec order, depth first, a
// field's `nested` fields (or those of its chosen select option) right after it, read from the same
// collection as the field itself.
import type { Parameter, ParameterValidation, SelectOption } from '../types';
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

/** The value of the IML keyword `erase`: clear the field in the service (null, or [] for arrays). */
export const ERASE_MARKER: unique symbol = Symbol.for('iml.erase');

/**
 * The value of the IML keyword `emptystring`: a text forced to "" on purpose, which Make sends as "" (the
 * "text forced to '' via IML" row of the empty-values table). A plain "" counts as a field left empty.
 * [INF] The marker itself is this harness's convention, like ERASE_MARKER.
 */
export const EMPTY_STRING_MARKER: unique symbol = Symbol.for('iml.emptystring');

export interface ValidateOptions {
  /** IANA zone for date text without a zone (Make uses the user's zone). [INF] Default: UTC. */
  timezone?: string;
}

export interface InputValidationFailure {
  path: string;
  detail: string;
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
  return run(specs, input, options, true).value;
}

/** Like validateInput, but returns every failure instead of throwing; failing fields keep their input value. */
export function validateInputAll(
  specs: Parameter[],
  input: Record<string, unknown>,
  options?: ValidateOptions,
): { value: Record<string, unknown>; errors: InputValidationFailure[] } {
  return run(specs, input, options, false);
}

// ------------------------------------------------------------------------------------------------ walk

interface Context {
  failFast: boolean;
  timeZone: string;
  errors: InputValidationFailure[];
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

/** processValue's answer for "no value: remove the key". */
const REMOVE = Symbol('remove');
type Result = unknown;

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

function finish(target: Target): Record<string, unknown> {
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

function run(
  specs: Parameter[],
  input: Record<string, unknown>,
  options: ValidateOptions | undefined,
  failFast: boolean,
): { value: Record<string, unknown>; errors: InputValidationFailure[] } {
  const ctx: Context = {
    failFast,
    timeZone: options?.timezone ?? 'UTC',
    errors: [],
    plans: new Map(),
    fields: new Map(),
  };
  const value = processCollection(input ?? {}, specs, '', ctx, false);
  return { value, errors: ctx.errors };
}

function report(ctx: Context, path: string, detail: string): void {
  if (ctx.failFast) throw new BundleValidationError(path, detail);
  ctx.errors.push({ path, detail });
}

/**
 * Paths are written as IML paths: `contrats[3].dateDebut`, 1-based indexes (the BundleValidationError
 * contract in errors.ts). Make's form validator writes `contrats.2.dateDebut` (0-based) and Make's runtime
 * names only the parameter (`'dateDebut'`); this is the one place to change that.
 */
function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key + 1}]`;
  return parent === '' ? key : `${parent}.${key}`;
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
  return finish(target);
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
  const errorsBefore = ctx.errors.length;
  const result = processValue(original, field, path, name, ctx, suppressRequired);

  if (result === REMOVE) {
    if (original !== undefined || Object.prototype.hasOwnProperty.call(src, name)) {
      (target.changes ??= []).push(name, REMOVE);
      target.removes = true;
    }
    return;
  }
  if (result !== original) (target.changes ??= []).push(name, result);
  if (ctx.errors.length !== errorsBefore) return; // FORMAN: a field that fails has no nested fields checked

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
): Result {
  const kind = field.kind;
  const required = field.required && !suppressRequired;
  let value = input;
  // FORMAN: a missing value takes the default (it does so for required fields; [INF] for all fields, since
  // Make's form pre-fills defaults). null and "" do not.
  if (value === undefined) value = field.defaultValue;

  if (value === ERASE_MARKER) {
    // [INF] erase on a required field asks for no value, which a required field refuses.
    if (required) {
      report(ctx, childPath(parentPath, key), msg.MANDATORY);
      return REMOVE;
    }
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
    if (required) {
      report(ctx, childPath(parentPath, key), msg.MANDATORY);
      return input === undefined || input === EMPTY_STRING_MARKER ? REMOVE : input;
    }
    // EMPTY: "" forced through IML reaches a text field as ""; [INF] other types treat it as empty.
    if (forcedEmpty && TEXT_KINDS.has(kind)) return '';
    return REMOVE; // EMPTY: empty text, number, boolean, array and select become undefined.
  }

  switch (kind) {
    case 'text':
    case 'email':
    case 'buffer':
      return processText(input, value, field, parentPath, key, ctx);
    case 'hidden':
      return processHidden(value);
    case 'number':
      return processNumber(input, value, field, parentPath, key, ctx);
    case 'boolean':
      // COERCION: text "false" → false, other text → true, any number → true, anything else → true.
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string') return textToBoolean(value);
      return true;
    case 'date': {
      const date = coerceDate(value, ctx.timeZone);
      if (date.ok) return date.value;
      report(
        ctx,
        childPath(parentPath, key),
        date.kind === 'type' ? msg.typeMismatch('string', actualTypeName(value)) : msg.INVALID_DATE,
      );
      return input;
    }
    case 'array':
      return processArray(input, value, field, childPath(parentPath, key), ctx);
    case 'collection':
      return processCollectionValue(input, value, field.spec.spec, childPath(parentPath, key), ctx);
    case 'select':
      return processSelect(input, value, field, parentPath, key, ctx);
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

function processText(
  input: unknown,
  value: unknown,
  field: Field,
  parentPath: string,
  key: string | number,
  ctx: Context,
): Result {
  const kind = field.kind;
  // COERCION, buffer expected: binary data is handed over unchanged.
  if (kind === 'buffer' && value instanceof Uint8Array) return value;
  const text = toText(value);
  if (text === undefined) {
    report(ctx, childPath(parentPath, key), msg.typeMismatch(EXPECTED_TYPE_NAME[kind]!, actualTypeName(value)));
    return input;
  }
  if (kind === 'email' && !EMAIL_PATTERN.test(text)) {
    report(ctx, childPath(parentPath, key), msg.INVALID_EMAIL);
    return input;
  }
  const validate = field.validate;
  if (validate !== undefined) {
    let failed = false;
    // FORMAN: pattern, then min length, then max length, then enum; all are reported.
    if (validate.pattern !== undefined && !compiledPattern(validate.pattern).test(text)) {
      report(ctx, childPath(parentPath, key), msg.patternMismatch(validate.pattern));
      failed = true;
    }
    if (validate.min !== undefined && text.length < validate.min) {
      report(ctx, childPath(parentPath, key), msg.tooShort(validate.min));
      failed = true;
    }
    if (validate.max !== undefined && text.length > validate.max) {
      report(ctx, childPath(parentPath, key), msg.tooLong(validate.max));
      failed = true;
    }
    if (validate.enum !== undefined && !validate.enum.includes(text)) {
      report(ctx, childPath(parentPath, key), msg.notInEnum(validate.enum));
      failed = true;
    }
    if (failed) return input;
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
function processHidden(value: unknown): Result {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) return JSON.stringify(value);
  return toText(value) ?? String(value);
}

// ------------------------------------------------------------------------------------------------ numbers

function processNumber(
  input: unknown,
  value: unknown,
  field: Field,
  parentPath: string,
  key: string | number,
  ctx: Context,
): Result {
  let n: number;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      report(ctx, childPath(parentPath, key), msg.INVALID_NUMBER);
      return input;
    }
    n = value;
  } else if (typeof value === 'string' && NUMERIC_TEXT.test(value)) {
    n = Number(value); // COERCION: numeric text becomes a number
  } else {
    // COERCION: text that is not a number, and any other type, is a validation error.
    report(ctx, childPath(parentPath, key), msg.typeMismatch('number', actualTypeName(value)));
    return input;
  }

  const integer = INTEGER_RULES[field.spec.type];
  if (integer) {
    if (!Number.isInteger(n)) {
      report(ctx, childPath(parentPath, key), msg.NOT_INTEGER);
      return input;
    }
    if (integer.min !== undefined && n < integer.min) {
      report(ctx, childPath(parentPath, key), msg.tooSmall(integer.min));
      return input;
    }
    if (integer.max !== undefined && n > integer.max) {
      report(ctx, childPath(parentPath, key), msg.tooBig(integer.max));
      return input;
    }
  }

  const validate = field.validate;
  if (validate !== undefined) {
    let failed = false;
    if (validate.min !== undefined && n < validate.min) {
      report(ctx, childPath(parentPath, key), msg.tooSmall(validate.min));
      failed = true;
    }
    if (validate.max !== undefined && n > validate.max) {
      report(ctx, childPath(parentPath, key), msg.tooBig(validate.max));
      failed = true;
    }
    if (failed) return input;
  }
  return n;
}

// ------------------------------------------------------------------------------------------------ arrays

function processArray(input: unknown, value: unknown, field: Field, path: string, ctx: Context): Result {
  // COERCION: a value that is not an array becomes an array holding it.
  const source: unknown[] = Array.isArray(value) ? value : [value];
  let out: unknown[] | null = source === value ? null : source;
  const errorsBefore = ctx.errors.length;

  const itemSpec = field.spec.spec;
  if (Array.isArray(itemSpec)) {
    // PARAMS: a list of parameters as `spec` means each item is a collection of those fields.
    for (let i = 0; i < source.length; i++) {
      const item = source[i];
      const result = processCollectionValue(item, item, itemSpec, `${path}[${i + 1}]`, ctx);
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

  const validate = field.validate;
  if (validate !== undefined) {
    // FORMAN: counted after the items are checked; [INF] on the array after wrapping.
    if (validate.minItems !== undefined && source.length < validate.minItems) {
      report(ctx, path, msg.tooFewItems(validate.minItems));
    }
    if (validate.maxItems !== undefined && source.length > validate.maxItems) {
      report(ctx, path, msg.tooManyItems(validate.maxItems));
    }
  }
  if (ctx.errors.length !== errorsBefore) return input;
  return out ?? source;
}

// ------------------------------------------------------------------------------------------------ collections

function isCollection(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof Uint8Array)
  );
}

function processCollectionValue(
  input: unknown,
  value: unknown,
  fields: Parameter['spec'],
  path: string,
  ctx: Context,
): Result {
  if (!isCollection(value)) {
    // [INF] An array item that is empty (null/"") is left as it is; FORMAN accepts it for a non-required item.
    if (value === null || value === undefined || value === '') return value;
    // COERCION, collection expected: anything else is a validation error.
    report(ctx, path, msg.typeMismatch('object', actualTypeName(value)));
    return input;
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

function processSelect(
  input: unknown,
  value: unknown,
  field: Field,
  parentPath: string,
  key: string | number,
  ctx: Context,
): Result {
  // Options from an RPC ("rpc://…") are not checked.
  const options = Array.isArray(field.spec.options) ? field.spec.options : undefined;
  if (field.multiple) {
    // [INF] COERCION's "array expected" rule: a single value becomes a one-item selection.
    const values: unknown[] = Array.isArray(value) ? value : [value];
    let failed = false;
    if (options) {
      for (let i = 0; i < values.length; i++) {
        if (!findOption(options, values[i])) {
          report(ctx, childPath(parentPath, key), msg.notInOptions(values[i]));
          failed = true;
        }
      }
    }
    const validate = field.validate;
    if (validate !== undefined) {
      if (validate.minItems !== undefined && values.length < validate.minItems) {
        report(ctx, childPath(parentPath, key), msg.tooFewSelected(validate.minItems));
        failed = true;
      }
      if (validate.maxItems !== undefined && values.length > validate.maxItems) {
        report(ctx, childPath(parentPath, key), msg.tooManySelected(validate.maxItems));
        failed = true;
      }
    }
    return failed ? input : values;
  }
  if (options && !findOption(options, value)) {
    report(ctx, childPath(parentPath, key), msg.notInOptions(value));
    return input;
  }
  return value;
}
