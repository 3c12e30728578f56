// Coercion of a value to Make's `date` type (help.make.com "Type coercion", "When date is expected"):
// - a date is kept; a number is milliseconds since 1970-01-01 UTC;
// - text is parsed: it "must contain day, month and year", "may contain time and time zone", and without a
//   zone it is read in the user's time zone;
// - anything else is a validation error.
// Dates reach the module as ISO 8601 text in UTC with milliseconds (developers.make.com block-elements/
// parameters/date), i.e. `Date.prototype.toISOString()`.
//
// The text forms Make reads as dates: sdk/iml/dates/text.ts (shared with IML's date functions).
// [INF] Without a `timezone` option, zone-less text is read as UTC.
import { parseDateText } from '../iml/dates/text';

/**
 * A value as a Make date: the ISO text in UTC with ms, or undefined when it is not a date.
 * `kind` tells a wrong type (`'type'`) from unreadable text or an out-of-range number (`'invalid'`).
 */
export function coerceDate(
  value: unknown,
  timeZone: string,
): { ok: true; value: string } | { ok: false; kind: 'type' | 'invalid' } {
  let ms: number | undefined;
  if (typeof value === 'string') ms = parseDateText(value, timeZone);
  else if (typeof value === 'number') ms = Number.isFinite(value) ? value : undefined;
  else if (value instanceof Date) ms = value.getTime();
  else return { ok: false, kind: 'type' };
  if (ms === undefined || Number.isNaN(ms) || Math.abs(ms) > 8.64e15) return { ok: false, kind: 'invalid' };
  return { ok: true, value: new Date(ms).toISOString() };
}
