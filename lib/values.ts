// Small helpers every part of the project shares, knowing nothing of Make or Campus Skills.

/** A JSON object: not null, not an array. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A value as it appears in a message: JSON, shortened when long. Never throws: a value JSON cannot show
 * (nested too deeply for the stack, a BigInt, a cycle) is named by its kind, e.g. `[object Array]`, because
 * `String(value)` would recurse the same way.
 */
export function showValue(value: unknown, maxLength = 80): string {
  let text: string;
  if (value === undefined) text = 'undefined';
  else {
    try {
      text = JSON.stringify(value) ?? Object.prototype.toString.call(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  return text.length > maxLength ? `${text.slice(0, maxLength - 3)}...` : text;
}
