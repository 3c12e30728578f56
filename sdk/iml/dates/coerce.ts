// Make's type coercion to Date, in one place.
import { isDate, isEmptyValue } from '../values';
import { parseIso } from './parse';
import { parseDateText } from './text';

/**
 * A function argument as an instant (epoch ms), or undefined when empty (undefined, null, '', erase).
 * [INF] Date functions given an empty date return undefined rather than failing. Numbers are epoch milliseconds (as `new Date(n)` and moment do); text is ISO 8601 or one of
 * the forms of Make's type coercion (dates/text.ts), and text without an offset is wall time in the active zone. Anything else throws.
 */
export function toInstant(value: unknown, timezone: string): number | undefined {
  if (isEmptyValue(value)) return undefined;
  if (isDate(value)) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new Error('invalid date');
    return ms;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${value} is not a valid date`);
    return value;
  }
  if (typeof value === 'string') {
    // ISO 8601 first, then the other forms Make's type coercion documents (06/20/2016, 20.6.2016 17:26, ...).
    const ms = parseIso(value, timezone) ?? parseDateText(value, timezone) ?? null;
    if (ms === null || Number.isNaN(ms)) throw new Error(`'${value}' is not a valid date`);
    return ms;
  }
  throw new Error(`${typeof value} is not a valid date`);
}
