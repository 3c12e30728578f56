// Make's type coercion to Date, in one place.
import { isDate, isEmptyValue } from '../values';
import { parseIso } from './parse';

/**
 * A function argument as an instant (epoch ms), or undefined when empty (undefined, null, '', erase).
 * [INF] Date functions given an empty date return undefined rather than failing. Numbers are epoch milliseconds (as `new Date(n)` and moment do); text is ISO 8601, and text
 * without an offset is wall time in the active zone. Anything else throws.
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
    const ms = parseIso(value, timezone);
    if (ms === null || Number.isNaN(ms)) throw new Error(`'${value}' is not a valid date`);
    return ms;
  }
  throw new Error(`${typeof value} is not a valid date`);
}
