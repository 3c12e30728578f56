// Every message the input validator can produce, in one place.
//
// Make words these failures in two places, and the two do not agree:
// - its form validator (FORMAN: = the public repository integromat/make-forman-schema, src/validator.ts, as in
//   docs/make-runtime.md's legend) reports a path plus a message, e.g. "Field is mandatory.", "Expected type
//   'number', got type 'string'.";
// - its scenario runtime reports "Validation failed for N parameter(s)." with lines such as
//   "Missing value of required parameter 'to'.", "Invalid number in parameter 'limit'.",
//   "Invalid date in parameter 'start'.", "Invalid email address in parameter 'to'." (seen in users' reports).
// `BundleValidationError(path, detail)` carries a path and a message, which is the validator's shape, so the
// details below are the validator's wording wherever the validator has a rule. Where only the runtime has one
// (dates, e-mail addresses), the runtime wording is used without its "in parameter '…'" tail, because the path
// is already given. Messages marked [INF] have no Make source at all.

/** FORMAN: required value that is missing, null or "". */
export const MANDATORY = 'Field is mandatory.';

/**
 * FORMAN: a value of the wrong type. Type names are the validator's (JavaScript ones: `string`, `number`,
 * `boolean`, `object`, `array`), not Make's item names (`text`, `collection`).
 */
export function typeMismatch(expected: string, actual: string): string {
  return `Expected type '${expected}', got type '${actual}'.`;
}

/** FORMAN: text `validate.pattern`. (No final period in the validator either.) */
export function patternMismatch(pattern: string): string {
  return `Value doesn't match the pattern: ${pattern}`;
}

/** FORMAN: text `validate.min` (length). */
export function tooShort(min: number): string {
  return `Value must be at least ${min} characters long.`;
}

/** FORMAN: text `validate.max` (length). */
export function tooLong(max: number): string {
  return `Value exceeded maximum length of ${max} characters.`;
}

/** FORMAN: text `validate.enum`. (No final period in the validator either.) */
export function notInEnum(values: ReadonlyArray<string | number>): string {
  return 'Value must be one of the following: ' + values.join(', ');
}

/** FORMAN: number `validate.min`. Also used, [INF], for a negative `uinteger` (minimum 0). */
export function tooSmall(min: number): string {
  return `Value is too small. Minimum value is ${min}.`;
}

/** FORMAN: number `validate.max`. */
export function tooBig(max: number): string {
  return `Value is too big. Maximum value is ${max}.`;
}

/** FORMAN: array `validate.minItems`. */
export function tooFewItems(min: number): string {
  return `Array has less than ${min} items.`;
}

/** FORMAN: array `validate.maxItems`. */
export function tooManyItems(max: number): string {
  return `Array has more than ${max} items.`;
}

/** FORMAN: multiple select `validate.minItems`. */
export function tooFewSelected(min: number): string {
  return `Selected less than ${min} items.`;
}

/** FORMAN: multiple select `validate.maxItems`. */
export function tooManySelected(max: number): string {
  return `Selected more than ${max} items.`;
}

/** FORMAN: a select value that is none of the static options. */
export function notInOptions(value: unknown): string {
  return `Value '${String(value)}' not found in options.`;
}

/** Runtime wording ("Invalid date in parameter 'x'."): text that is not a date Make can read. */
export const INVALID_DATE = 'Invalid date.';

/** Runtime wording ("Invalid email address in parameter 'x'."). */
export const INVALID_EMAIL = 'Invalid email address.';

/** Runtime wording ("Invalid number in parameter 'x'."): a number that is NaN or infinite. */
export const INVALID_NUMBER = 'Invalid number.';

/** [INF] No Make source states what happens to 1.5 in an `integer` field; we reject it. */
export const NOT_INTEGER = 'Value must be an integer.';
