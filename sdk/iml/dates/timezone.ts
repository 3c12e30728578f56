// Wall-clock time in an IANA time zone, computed with Intl (no moment dependency).

export interface WallTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export interface WallTimeWithWeekday extends WallTime {
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

export function isValidTimezone(timezone: unknown): timezone is string {
  if (typeof timezone !== 'string' || timezone === '') return false;
  try {
    formatterFor(timezone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone a date function works in. Make's help: "Only the values listed in the 'TZ database name'
 * column are recognized … any other value will be ignored" and the default zone is used instead.
 */
export function resolveTimezone(requested: unknown, fallback: string): string {
  if (requested !== undefined && requested !== null && requested !== '' && isValidTimezone(requested)) return requested;
  return isValidTimezone(fallback) ? fallback : 'UTC';
}

/** Epoch milliseconds of UTC fields; out-of-range fields carry over (month 13 → next January). */
export function utcFromFields(w: WallTime): number {
  const date = new Date(0);
  date.setUTCFullYear(w.year, w.month - 1, w.day);
  date.setUTCHours(w.hour, w.minute, w.second, w.millisecond);
  return date.getTime();
}

export function wallTime(ms: number, timezone: string): WallTimeWithWeekday {
  if (timezone === 'UTC') return utcWallTime(ms);
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timezone).formatToParts(new Date(ms))) fields[part.type] = part.value;
  let year = Number(fields.year);
  if (fields.era === 'BC' || fields.era === 'B') year = 1 - year;
  const w: WallTime = {
    year,
    month: Number(fields.month),
    day: Number(fields.day),
    hour: Number(fields.hour) % 24,
    minute: Number(fields.minute),
    second: Number(fields.second),
    millisecond: ((ms % 1000) + 1000) % 1000,
  };
  return { ...w, weekday: new Date(utcFromFields(w)).getUTCDay() };
}

function utcWallTime(ms: number): WallTimeWithWeekday {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

/** Offset of the zone from UTC at an instant, in minutes (Prague in winter: 60). */
export function offsetMinutes(ms: number, timezone: string): number {
  if (timezone === 'UTC') return 0;
  const w = wallTime(ms, timezone);
  return Math.round((utcFromFields(w) - ms) / 60000);
}

/**
 * Instant of a wall-clock time in a zone. A time skipped by a DST change moves forward by the gap
 * (02:30 on a spring-forward night in Prague gives 03:30), as moment does.
 */
export function fromWallTime(w: WallTime, timezone: string): number {
  const asUtc = utcFromFields(w);
  if (timezone === 'UTC') return asUtc;
  const first = asUtc - offsetMinutes(asUtc, timezone) * 60000;
  return asUtc - offsetMinutes(first, timezone) * 60000;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utcFromFields({ year, month: month + 1, day: 0, hour: 0, minute: 0, second: 0, millisecond: 0 })).getUTCDate();
}
