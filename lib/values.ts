// Small helpers every part of the project shares, knowing nothing of Make or Campus Skills.

/**
 * A key-value object: not null, not an array, not a Date, a Buffer or another built-in object. Read from the
 * object's tag rather than its prototype, so that an object made in another realm (a `node:vm` context) counts.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && Object.prototype.toString.call(value) === '[object Object]';
}

/**
 * A value as a message shows it: JSON (text between double quotes), shortened when long. Never throws: a value
 * JSON cannot show (nested too deeply for the stack, a cycle, a symbol) is named by its kind, e.g.
 * `[object Array]`, because `String(value)` would recurse the same way.
 */
export function showValue(value: unknown, maxLength = 80): string {
  return shorten(valueText(value), maxLength);
}

/**
 * A value as a message in English shows it: text between single quotes, as Make's own messages quote a value,
 * cut inside the quotes when long; anything else as showValue shows it.
 */
export function quoteValue(value: unknown, maxLength = 60): string {
  if (typeof value !== 'string') return showValue(value, maxLength);
  return `'${value.length > maxLength ? `${value.slice(0, maxLength - 1)}…` : value}'`;
}

function valueText(value: unknown): string {
  if (value === undefined) return 'undefined';
  // JSON would show NaN and Infinity as null, and throws on a bigint.
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  try {
    return JSON.stringify(value) ?? Object.prototype.toString.call(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function shorten(text: string, maxLength: number): string {
  return text.length > maxLength ? `${text.slice(0, maxLength - 3)}...` : text;
}
