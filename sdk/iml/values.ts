// Value helpers shared by the evaluator and the built-ins. Checks are realm-agnostic because values
// can come back from custom functions running in another `node:vm` context.

/** The value of the `erase` keyword: "send an explicit empty value" (Make turns it into null or []). */
// Registered, so that a custom function running in another `node:vm` context holds the same value.
export const ERASE: unique symbol = Symbol.for('iml.erase');

const objectTag = (value: unknown): string => Object.prototype.toString.call(value);

export function isDate(value: unknown): value is Date {
  return objectTag(value) === '[object Date]';
}

export function isBuffer(value: unknown): value is Buffer {
  return Buffer.isBuffer(value);
}

export function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || value === '' || value === ERASE;
}

/**
 * `erase` behaves as null anywhere but as the whole result of a template, where it sends an empty value (null, or
 * [] to an array: https://developers.make.com/custom-apps-documentation/other/processing-of-empty-values).
 */
export function eraseToNull(value: unknown): unknown {
  return value === ERASE ? null : value;
}

/** An own property only: paths never reach prototype members such as `constructor` or `__proto__`. */
export function ownProperty(target: unknown, key: string): unknown {
  if (target === null || target === undefined || typeof target !== 'object') return undefined;
  return Object.prototype.hasOwnProperty.call(target, key) ? (target as Record<string, unknown>)[key] : undefined;
}

/**
 * Text of a value mixed into a string. [INF] undefined/null/erase give "", dates their ISO form,
 * objects and arrays their JSON text, buffers their UTF-8 text.
 */
export function interpolate(value: unknown): string {
  if (value === undefined || value === null || value === ERASE) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (isDate(value)) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (isBuffer(value)) return value.toString('utf8');
  if (typeof value === 'object') return safeJson(value);
  return '';
}

/** JSON text that never throws (cycles and bigints give a placeholder instead). */
export function safeJson(value: unknown): string {
  try {
    const text = JSON.stringify(value, (_key, v: unknown) => (v === ERASE ? null : typeof v === 'bigint' ? String(v) : v));
    return text ?? '';
  } catch {
    return '[unserializable]';
  }
}

/**
 * IML equality (`=`, `==`, `===`), strict, as this project reads Make's IML page
 * (https://developers.make.com/custom-apps-documentation/block-elements/iml); dates compare by time since two Date
 * objects are never the same reference. (The third-party notes on the IML package, minsu-kang/make-custom-app-skill,
 * say `=` is JS `==`; Make's page wins here.)
 */
export function imlEquals(a: unknown, b: unknown): boolean {
  const left = eraseToNull(a);
  const right = eraseToNull(b);
  if (isDate(left) && isDate(right)) return left.getTime() === right.getTime();
  return left === right;
}

/** Number of a value for arithmetic: numeric strings count, dates give their epoch milliseconds. */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') return value.trim() === '' ? Number.NaN : Number(value);
  if (isDate(value)) return value.getTime();
  return Number.NaN;
}

/**
 * [INF] Arithmetic results are rounded to 15 significant digits: the package computes with decimal.js,
 * so `0.1 + 0.2` is `0.3` in Make, not `0.30000000000000004`.
 */
export function decimalRound(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return value;
  return Number.parseFloat(value.toPrecision(15));
}

/** IML's truthiness, read by `if`, `!`, `&&`, `||`: JavaScript's, with `erase` as null. */
export function isImlTruthy(value: unknown): boolean {
  return Boolean(eraseToNull(value));
}
