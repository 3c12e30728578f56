// formatDate's engine: moment-style tokens rendered for an instant in an IANA zone.
import { offsetMinutes, utcFromFields, wallTime, WallTimeWithWeekday } from './timezone';
import { MONTH_NAMES, MONTH_SHORT, ordinal, tokenizeFormat, WEEKDAY_MIN, WEEKDAY_NAMES, WEEKDAY_SHORT } from './tokens';

const pad = (n: number, width: number): string => {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.abs(n)).padStart(width, '0');
};

const DAY_MS = 86400000;

/** Day of the year, 1-based, of a wall date. */
function dayOfYear(w: { year: number; month: number; day: number }): number {
  const start = utcFromFields({ year: w.year, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 });
  const current = utcFromFields({ year: w.year, month: w.month, day: w.day, hour: 0, minute: 0, second: 0, millisecond: 0 });
  return Math.round((current - start) / DAY_MS) + 1;
}

function shiftDays(w: WallTimeWithWeekday, days: number): { year: number; month: number; day: number } {
  const d = new Date(utcFromFields({ ...w, hour: 0, minute: 0, second: 0, millisecond: 0 }) + days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The `en` locale week: Sunday to Saturday; week 1 holds January 1st. */
function localeWeek(w: WallTimeWithWeekday): { week: number; year: number } {
  const saturday = shiftDays(w, 6 - w.weekday);
  return { week: Math.floor((dayOfYear(saturday) - 1) / 7) + 1, year: saturday.year };
}

/** ISO 8601 week: Monday to Sunday; week 1 holds the first Thursday. */
function isoWeek(w: WallTimeWithWeekday): { week: number; year: number } {
  const thursday = shiftDays(w, 3 - ((w.weekday + 6) % 7));
  return { week: Math.floor((dayOfYear(thursday) - 1) / 7) + 1, year: thursday.year };
}

function formatOffset(minutes: number, separator: string): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60), 2)}${separator}${pad(abs % 60, 2)}`;
}

/** [INF] `z`/`zz` use Intl's short zone name (moment-timezone's abbreviations are not available). */
function zoneAbbreviation(ms: number, timezone: string): string {
  if (timezone === 'UTC') return 'UTC';
  const part = new Intl.DateTimeFormat('en-US', { timeZone: timezone, timeZoneName: 'short' })
    .formatToParts(new Date(ms))
    .find((p) => p.type === 'timeZoneName');
  return part ? part.value : timezone;
}

function renderToken(token: string, ms: number, w: WallTimeWithWeekday, timezone: string): string {
  const hour12 = w.hour % 12 === 0 ? 12 : w.hour % 12;
  switch (token) {
    case 'YYYYYY':
      return (w.year < 0 ? '-' : '+') + pad(Math.abs(w.year), 6);
    case 'YYYY':
      return pad(w.year, 4);
    case 'YY':
      return pad(((w.year % 100) + 100) % 100, 2);
    case 'Y':
      return String(w.year);
    case 'Q':
      return String(Math.ceil(w.month / 3));
    case 'Qo':
      return ordinal(Math.ceil(w.month / 3));
    case 'M':
      return String(w.month);
    case 'Mo':
      return ordinal(w.month);
    case 'MM':
      return pad(w.month, 2);
    case 'MMM':
      return MONTH_SHORT[w.month - 1];
    case 'MMMM':
      return MONTH_NAMES[w.month - 1];
    case 'D':
      return String(w.day);
    case 'Do':
      return ordinal(w.day);
    case 'DD':
      return pad(w.day, 2);
    case 'DDD':
      return String(dayOfYear(w));
    case 'DDDo':
      return ordinal(dayOfYear(w));
    case 'DDDD':
      return pad(dayOfYear(w), 3);
    case 'd':
    case 'e':
      return String(w.weekday);
    case 'do':
      return ordinal(w.weekday);
    case 'dd':
      return WEEKDAY_MIN[w.weekday];
    case 'ddd':
      return WEEKDAY_SHORT[w.weekday];
    case 'dddd':
      return WEEKDAY_NAMES[w.weekday];
    case 'E':
      return String(w.weekday === 0 ? 7 : w.weekday);
    case 'w':
      return String(localeWeek(w).week);
    case 'wo':
      return ordinal(localeWeek(w).week);
    case 'ww':
      return pad(localeWeek(w).week, 2);
    case 'W':
      return String(isoWeek(w).week);
    case 'Wo':
      return ordinal(isoWeek(w).week);
    case 'WW':
      return pad(isoWeek(w).week, 2);
    case 'gggg':
      return pad(localeWeek(w).year, 4);
    case 'gg':
      return pad(localeWeek(w).year % 100, 2);
    case 'GGGG':
      return pad(isoWeek(w).year, 4);
    case 'GG':
      return pad(isoWeek(w).year % 100, 2);
    case 'H':
      return String(w.hour);
    case 'HH':
      return pad(w.hour, 2);
    case 'h':
      return String(hour12);
    case 'hh':
      return pad(hour12, 2);
    case 'k':
      return String(w.hour === 0 ? 24 : w.hour);
    case 'kk':
      return pad(w.hour === 0 ? 24 : w.hour, 2);
    case 'm':
      return String(w.minute);
    case 'mm':
      return pad(w.minute, 2);
    case 's':
      return String(w.second);
    case 'ss':
      return pad(w.second, 2);
    case 'A':
      return w.hour < 12 ? 'AM' : 'PM';
    case 'a':
      return w.hour < 12 ? 'am' : 'pm';
    case 'Z':
      return formatOffset(offsetMinutes(ms, timezone), ':');
    case 'ZZ':
      return formatOffset(offsetMinutes(ms, timezone), '');
    case 'z':
    case 'zz':
      return zoneAbbreviation(ms, timezone);
    case 'X':
      return String(Math.floor(ms / 1000));
    case 'x':
      return String(ms);
    default:
      if (token.startsWith('S')) return pad(w.millisecond, 3).padEnd(token.length, '0').slice(0, token.length);
      return token;
  }
}

export function formatInstant(ms: number, format: string, timezone: string): string {
  const w = wallTime(ms, timezone);
  let out = '';
  for (const part of tokenizeFormat(format)) {
    out += part.kind === 'literal' ? part.text : renderToken(part.token, ms, w, timezone);
  }
  return out;
}

export const DEFAULT_FORMAT = 'YYYY-MM-DDTHH:mm:ss.SSSZ';
