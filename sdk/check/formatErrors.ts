// Turns Ajv's raw error list into findings people can act on (used by formatSchemas.ts).
//
// - oneOf/anyOf: the branches are validated again one by one, and only the errors of the most
//   relevant branch are kept (the one whose JSON type fits; then the fewest and deepest errors).
//   When no branch fits the value's type, one "must be an object or an array" error remains.
// - enum: lists the allowed values, says when an IML expression is also accepted (`x-iml`) and
//   suggests the closest value; additionalProperties: names the unknown key and suggests a
//   known one (small edit distance).
// - A schema may carry `x-message` / `x-hint` (placeholders {key} {value} {missing}); they replace
//   the default wording of that schema's errors (`type` errors keep the generic wording).
import type Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { pointerSegments, type PathSegments } from '../../lib/paths';
import { quoteValue } from '../../lib/values';
import { suggest } from '../suggest';

export interface FormatFinding {
  /** JSONPath-ish location: `$`, `$[0].response.error['401'].type`. */
  path: string;
  message: string;
  hint: string;
}

type AjvError = ErrorObject & { propertyName?: string };
type SchemaObject = Record<string, unknown>;

const META_SCHEMA_ID = 'http://json-schema.org/draft-07/schema';

// ---------------------------------------------------------------- paths

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function encodeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** JSON pointer (`/0/response/error/401`) → JSONPath-ish (`$[0].response.error['401']`).
 *  The document, when given, tells array indexes from numeric object keys; without one, digits are an index. */
export function pointerToPath(pointer: string, document?: unknown): string {
  const segments: PathSegments =
    document === undefined
      ? pointerSegments(pointer).map((key) => (/^(0|[1-9][0-9]*)$/.test(String(key)) ? Number(key) : key))
      : pointerSegments(pointer, document);
  return segments.reduce<string>(
    (path, segment) =>
      typeof segment === 'number'
        ? `${path}[${segment}]`
        : IDENTIFIER.test(segment)
          ? `${path}.${segment}`
          : `${path}['${segment.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`,
    '$',
  );
}

function lastSegment(pointer: string): string {
  return String(pointerSegments(pointer).at(-1) ?? '');
}

/** Pointer of the thing the error is about: the unknown key or the bad key name, else the value. */
function errorPointer(error: AjvError): string {
  if (error.keyword === 'additionalProperties') {
    return `${error.instancePath}/${encodeSegment(String(error.params.additionalProperty))}`;
  }
  if (error.propertyName !== undefined) return `${error.instancePath}/${encodeSegment(error.propertyName)}`;
  return error.instancePath;
}

// ---------------------------------------------------------------- suggestions

// ---------------------------------------------------------------- oneOf / anyOf collapse

const branchValidators = new Map<unknown, ValidateFunction | null>();

/** Local `$ref`s ("#/...") only occur in the draft-07 meta-schema (ours always name their file). */
function withAbsoluteRefs(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withAbsoluteRefs);
  if (schema === null || typeof schema !== 'object') return schema;
  const copy: SchemaObject = {};
  for (const [key, value] of Object.entries(schema as SchemaObject)) {
    copy[key] = key === '$ref' && typeof value === 'string' && value.startsWith('#') ? META_SCHEMA_ID + value : withAbsoluteRefs(value);
  }
  return copy;
}

function branchValidator(ajv: Ajv, branch: unknown): ValidateFunction | null {
  if (branchValidators.has(branch)) return branchValidators.get(branch) ?? null;
  let validate: ValidateFunction | null = null;
  for (const candidate of [branch, withAbsoluteRefs(branch)]) {
    try {
      validate = ajv.compile(candidate as object | boolean);
      break;
    } catch {
      validate = null;
    }
  }
  branchValidators.set(branch, validate);
  return validate;
}

function errorKey(error: AjvError): string {
  return `${error.instancePath}|${error.keyword}|${error.propertyName ?? ''}|${JSON.stringify(error.params)}`;
}

function depth(pointer: string): number {
  return pointerSegments(pointer).length;
}

function isUnder(pointer: string, parent: string): boolean {
  return pointer === parent || pointer.startsWith(`${parent}/`);
}

interface Resolution {
  /** Every error the branches produce (to remove from the flat list). */
  raw: AjvError[];
  /** What replaces them. */
  chosen: AjvError[];
}

function resolveAlternative(ajv: Ajv, alternative: AjvError): Resolution | undefined {
  const branches = alternative.schema;
  if (!Array.isArray(branches)) return undefined;
  const results: Array<{ ok: boolean; raw: AjvError[]; collapsed: AjvError[] }> = [];
  for (const branch of branches) {
    const validate = branchValidator(ajv, branch);
    if (!validate) return undefined;
    const ok = validate(alternative.data) as boolean;
    const raw = (validate.errors ?? []).map((e) => ({ ...e, instancePath: alternative.instancePath + e.instancePath }));
    results.push({ ok, raw, collapsed: [] });
  }
  for (const result of results) result.collapsed = result.ok ? [] : collapseAlternatives(ajv, result.raw);
  const raw = results.flatMap((r) => r.raw);
  const at = alternative.instancePath;

  if (results.some((r) => r.ok)) {
    return { raw, chosen: [{ ...alternative, keyword: 'x-ambiguous', params: {} }] };
  }
  const typeMismatch = (e: AjvError): boolean => e.instancePath === at && e.keyword === 'type';
  const fitting = results.filter((r) => !r.collapsed.some(typeMismatch));
  if (fitting.length === 0) {
    const types = new Set<string>();
    for (const r of results) for (const e of r.collapsed.filter(typeMismatch)) for (const t of String(e.params.type).split(',')) types.add(t);
    return { raw, chosen: [{ ...alternative, keyword: 'type', params: { type: [...types].join(',') } }] };
  }
  let best = fitting[0]!;
  for (const candidate of fitting.slice(1)) {
    const fewer = candidate.collapsed.length < best.collapsed.length;
    const deeper =
      candidate.collapsed.length === best.collapsed.length &&
      Math.max(...candidate.collapsed.map((e) => depth(e.instancePath))) > Math.max(...best.collapsed.map((e) => depth(e.instancePath)));
    if (fewer || deeper) best = candidate;
  }
  return { raw, chosen: best.collapsed };
}

/** Replaces every failed oneOf/anyOf (and its branch errors) by the errors of its best branch. */
function collapseAlternatives(ajv: Ajv, errors: AjvError[]): AjvError[] {
  let out = errors.filter((e) => e.keyword !== 'if' && e.keyword !== 'propertyNames');
  for (;;) {
    // Ajv reports an alternative after its branches, so the last one is never nested in a later one.
    let index = -1;
    for (let i = out.length - 1; i >= 0; i--) {
      if (out[i]!.keyword === 'oneOf' || out[i]!.keyword === 'anyOf') {
        index = i;
        break;
      }
    }
    if (index < 0) return out;
    const alternative = out[index]!;
    const resolution = resolveAlternative(ajv, alternative);
    if (resolution) {
      const rawKeys = new Set(resolution.raw.map(errorKey));
      out = [...out.slice(0, index).filter((e) => !rawKeys.has(errorKey(e))), ...resolution.chosen, ...out.slice(index + 1)];
    } else {
      const hasInner = out.slice(0, index).some((e) => isUnder(e.instancePath, alternative.instancePath));
      const replacement = hasInner ? [] : [{ ...alternative, keyword: 'x-ambiguous', params: {} }];
      out = [...out.slice(0, index), ...replacement, ...out.slice(index + 1)];
    }
  }
}

/** At one location, a wrong JSON type makes the other complaints about that value noise. */
function dropTypeEchoes(errors: AjvError[]): AjvError[] {
  const typed = new Set<string>();
  const out: AjvError[] = [];
  for (const e of errors) {
    if (e.keyword === 'type') {
      if (typed.has(e.instancePath)) continue;
      typed.add(e.instancePath);
    }
    out.push(e);
  }
  const valueKeywords = new Set(['enum', 'const', 'pattern', 'format', 'minLength', 'maxLength', 'minimum', 'maximum', 'not']);
  return out.filter((e) => !(valueKeywords.has(e.keyword) && e.propertyName === undefined && typed.has(e.instancePath)));
}

// ---------------------------------------------------------------- wording

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

function orList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function typePhrase(types: string): string {
  const list = types.split(',').filter((t) => !(t === 'integer' && types.split(',').includes('number')));
  return orList(list.map((t) => TYPE_NAMES[t] ?? t));
}

function fill(template: string, error: AjvError, pointer: string): string {
  return template
    .replace(/\{key\}/g, lastSegment(pointer))
    .replace(/\{value\}/g, error.propertyName ?? (typeof error.data === 'string' ? error.data : quoteValue(error.data, 80)))
    .replace(/\{missing\}/g, String(error.params.missingProperty ?? ''));
}

function isForbiddenMarker(schema: unknown): boolean {
  const ref = (schema as SchemaObject | undefined)?.$ref;
  return typeof ref === 'string' && /#\/definitions\/forbidden/.test(ref);
}

/** The keys an object schema defines (minus the ones only there to be rejected with a message). */
function allowedKeys(error: AjvError): string[] {
  const properties = ((error.parentSchema as SchemaObject | undefined)?.properties ?? {}) as SchemaObject;
  return Object.keys(properties).filter((k) => !isForbiddenMarker(properties[k]));
}

/** "missing 'label'" next to "unknown key 'lable' (did you mean 'label'?)" says the same thing twice. */
function dropRequiredExplainedByTypo(errors: AjvError[]): AjvError[] {
  const explained = new Set<string>();
  for (const e of errors) {
    if (e.keyword !== 'additionalProperties') continue;
    const guess = suggest(String(e.params.additionalProperty), allowedKeys(e));
    if (guess) explained.add(`${e.instancePath}|${guess}`);
  }
  return errors.filter((e) => !(e.keyword === 'required' && explained.has(`${e.instancePath}|${String(e.params.missingProperty)}`)));
}

const COMPARISONS: Record<string, string> = { '<=': 'at most', '>=': 'at least', '<': 'less than', '>': 'greater than' };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function describe(error: AjvError, pointer: string): { message: string; hint: string } {
  const parent = (error.parentSchema ?? {}) as SchemaObject;
  const xMessage = typeof parent['x-message'] === 'string' ? fill(parent['x-message'], error, pointer) : undefined;
  const xHint = typeof parent['x-hint'] === 'string' ? fill(parent['x-hint'], error, pointer) : undefined;
  const p = error.params as Record<string, unknown>;
  const data = error.data;

  switch (error.keyword) {
    case 'type': {
      const wanted = typePhrase(String(p.type));
      return { message: `must be ${wanted} (got ${jsonType(data)})`, hint: xHint ?? `Change the value to ${wanted}.` };
    }
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const allowed = allowedKeys(error);
      const guess = suggest(key, allowed);
      const message = `unknown key '${key}'${guess ? ` (did you mean '${guess}'?)` : ''}`;
      const fix = guess ? `Rename it to '${guess}' or remove it.` : 'Remove it.';
      const known = allowed.length > 0 ? ` Allowed keys: ${allowed.join(', ')}.` : '';
      return { message, hint: `${fix}${xHint ? ` ${xHint}` : known}` };
    }
    case 'required': {
      const missing = String(p.missingProperty);
      return { message: xMessage ?? `missing required key '${missing}'`, hint: xHint ?? `Add '${missing}'.` };
    }
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]) ?? [];
      const iml = parent['x-iml'] === true;
      const guess = typeof data === 'string' ? suggest(data, allowed.filter((v): v is string => typeof v === 'string')) : undefined;
      const list = allowed.map((value) => quoteValue(value, 80)).join(', ');
      const message = `must be one of ${list}${iml ? ', or an IML expression such as "{{...}}"' : ''} (got ${quoteValue(data, 80)}${guess ? `; did you mean '${guess}'?` : ''})`;
      return { message: xMessage ?? message, hint: xHint ?? (guess ? `Use '${guess}'.` : 'Use one of the listed values.') };
    }
    case 'const':
      return { message: xMessage ?? `must be ${quoteValue(p.allowedValue, 80)} (got ${quoteValue(data, 80)})`, hint: xHint ?? `Set it to ${quoteValue(p.allowedValue, 80)}.` };
    case 'pattern':
      return {
        message: xMessage ?? `${quoteValue(data, 80)} does not match the pattern ${String(p.pattern)}`,
        hint: xHint ?? 'Change the value so that it matches the pattern.',
      };
    case 'minLength': {
      const limit = Number(p.limit);
      const message = limit === 1 ? 'must not be empty' : `must be at least ${plural(limit, 'character')} long (got ${String(data).length})`;
      return { message: xMessage ?? message, hint: xHint ?? 'Give it a value.' };
    }
    case 'maxLength':
      return {
        message: xMessage ?? `must be at most ${plural(Number(p.limit), 'character')} long (got ${String(data).length})`,
        hint: xHint ?? 'Shorten it.',
      };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const comparison = COMPARISONS[String(p.comparison)] ?? String(p.comparison);
      return {
        message: xMessage ?? `must be ${comparison} ${String(p.limit)} (got ${quoteValue(data, 80)})`,
        hint: xHint ?? `Use a number ${comparison} ${String(p.limit)}.`,
      };
    }
    case 'minItems':
      return {
        message: xMessage ?? `must have at least ${plural(Number(p.limit), 'item')} (got ${Array.isArray(data) ? data.length : 0})`,
        hint: xHint ?? 'Add items.',
      };
    case 'maxItems':
      return {
        message: xMessage ?? `must have at most ${plural(Number(p.limit), 'item')} (got ${Array.isArray(data) ? data.length : 0})`,
        hint: xHint ?? 'Remove items.',
      };
    case 'uniqueItems':
      return {
        message: xMessage ?? `must not contain duplicates (items ${String(p.j)} and ${String(p.i)} are equal)`,
        hint: xHint ?? 'Remove the duplicate.',
      };
    case 'not':
      return { message: xMessage ?? 'is not allowed here', hint: xHint ?? 'Remove it.' };
    case 'false schema':
      return { message: 'is not allowed here', hint: 'Remove it.' };
    case 'format':
      return { message: xMessage ?? `must be a valid ${String(p.format)}`, hint: xHint ?? `Write a valid ${String(p.format)}.` };
    case 'x-ambiguous':
      return { message: 'matches more than one of the allowed shapes', hint: xHint ?? 'Make the value unambiguous.' };
    default:
      return { message: xMessage ?? error.message ?? `fails '${error.keyword}'`, hint: xHint ?? '' };
  }
}

/** Ajv errors (from a validator compiled with allErrors + verbose) → de-duplicated findings. */
export function findingsFromErrors(ajv: Ajv, errors: readonly ErrorObject[], document: unknown): FormatFinding[] {
  const shaped = dropRequiredExplainedByTypo(dropTypeEchoes(collapseAlternatives(ajv, [...errors] as AjvError[])));
  const seen = new Set<string>();
  const findings: FormatFinding[] = [];
  for (const error of shaped) {
    const pointer = errorPointer(error);
    const { message, hint } = describe(error, pointer);
    const finding = { path: pointerToPath(pointer, document), message, hint };
    const key = `${finding.path}\u0000${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  return findings;
}
