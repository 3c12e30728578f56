// How each Make parameter type is validated and coerced, and how empty and `erase` values are treated.
// Every rule here that no Make source states is marked [INF] (docs/make-runtime.md says what it means); the
// sources, by the key the comments below cite them with:
// - FORMAN: = the public repository integromat/make-forman-schema, src/validator.ts (Make's form validator);
// - COERCION: = https://help.make.com/type-coercion; TYPES: = https://help.make.com/item-data-types;
// - EMPTY: = https://developers.make.com/custom-apps-documentation/other/processing-of-empty-values (platform v2 apps);
// - PARAMS: = https://integromat.github.io/apps/articles/parameters.html and
//   https://developers.make.com/custom-apps-documentation/block-elements/parameters.
import type { ParameterType } from '../types';

/** What a parameter type behaves as. */
export type TypeKind =
  | 'text'
  | 'email'
  | 'hidden'
  | 'buffer'
  | 'number'
  | 'boolean'
  | 'date'
  | 'array'
  | 'collection'
  | 'select'
  | 'any'
  | 'visual';

export const TYPE_KINDS: Readonly<Record<ParameterType, TypeKind>> = {
  text: 'text',
  password: 'text',
  color: 'text',
  uuid: 'text',
  timezone: 'text',
  // PARAMS: "time in hh:mm or hh:mm:ss or hh:mm:ss.nnn"; FORMAN checks it as a string. [INF] no format check.
  time: 'text',
  // PARAMS calls it a "Unix timestamp", FORMAN a string. [INF] handled as text.
  timestamp: 'text',
  filename: 'text',
  path: 'text',
  cert: 'text',
  pkey: 'text',
  file: 'text',
  folder: 'text',
  // [INF] URLs are not checked: no Make source shows a URL validation message; FORMAN checks only "string".
  url: 'text',
  // PARAMS: "Allows only a valid email address"; the runtime fails with "Invalid email address in parameter".
  email: 'email',
  // PARAMS: a hidden value "should always be of type text"; a non-text default "will be converted to text".
  hidden: 'hidden',
  buffer: 'buffer',
  number: 'number',
  integer: 'number',
  uinteger: 'number',
  port: 'number',
  // FORMAN: a data-structure id, a number.
  udt: 'number',
  boolean: 'boolean',
  date: 'date',
  array: 'array',
  // FORMAN: an array (of condition groups); [INF] validated as an array without an item spec.
  filter: 'array',
  collection: 'collection',
  select: 'select',
  // FORMAN: no type check for `any` and `json` (json is checked only against an optional JSON Schema).
  any: 'any',
  json: 'any',
  banner: 'visual',
};

/** FORMAN's type names, used in "Expected type 'X', got type 'Y'." (its FORMAN_TYPE_MAP). */
export const EXPECTED_TYPE_NAME: Readonly<Partial<Record<TypeKind, string>>> = {
  text: 'string',
  email: 'string',
  hidden: 'string',
  buffer: 'string',
  number: 'number',
  date: 'string',
  collection: 'object',
};

/** FORMAN's name for the type of a value: `typeof`, with arrays as 'array'. */
export function actualTypeName(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (value instanceof Date) return 'date';
  return typeof value;
}

/** Integer bounds per type. PARAMS: `uinteger` is a "positive whole number", `port` is 0 to 65535. */
export const INTEGER_RULES: Readonly<Partial<Record<ParameterType, { min?: number; max?: number }>>> = {
  integer: {},
  uinteger: { min: 0 },
  port: { min: 0, max: 65535 },
  // [INF] a data-structure id is a whole number.
  udt: {},
};

/**
 * Value sent for `erase`, per EMPTY's table (text → null, number → null, boolean → undefined, array and
 * multiple select → []). `undefined` means the key is removed.
 * [INF] Types outside the table: text-like and date → null (as text); a single select (the table shows "—")
 * → null, because erase asks for the value to be cleared and a select holds text; collection, any/json →
 * null; visual types → removed.
 */
export function erasedValue(kind: TypeKind, multiple: boolean): null | undefined | [] {
  switch (kind) {
    case 'boolean':
    case 'visual':
      return undefined;
    case 'array':
      return [];
    case 'select':
      return multiple ? [] : null;
    default:
      return null;
  }
}

/**
 * [INF] What counts as a valid e-mail address. Make's own rule is not published; this accepts one address
 * `local@domain.tld` without spaces, commas, semicolons or angle brackets (users report that Make rejects
 * "a@x.com;b@x.com" and a mapped array with "Invalid email address").
 */
export const EMAIL_PATTERN = /^[^\s@,;<>()[\]"]+@[^\s@,;<>()[\]"]+\.[^\s@,;<>()[\]".]+$/;

/**
 * [INF] COERCION says an array becomes text "if the given array supports conversion to text". We read that
 * as: an array of texts, numbers and booleans becomes its items joined with ", " (how Make prints arrays in
 * text); an array holding collections or arrays does not convert.
 */
export const ARRAY_TEXT_SEPARATOR = ', ';

/**
 * [INF] Numeric text a `number` field accepts (COERCION: "Make will try to convert the text to a number"):
 * optional sign, decimal digits with an optional "." fraction, optional exponent, surrounding spaces allowed.
 * Comma decimals, hex and thousands separators are rejected.
 */
export const NUMERIC_TEXT = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/**
 * COERCION, boolean expected: a text "equal to false" or empty is No, any other text Yes; any number Yes
 * (even 0); anything else Yes when it exists. [INF] the comparison with "false" is exact (case-sensitive).
 * (An empty text never reaches this: EMPTY removes it first, see validateInput.ts.)
 */
export function textToBoolean(text: string): boolean {
  return !(text === 'false' || text === '');
}
