// Date functions. Dates are handled as instants; calendar arithmetic happens in wall time of a zone.
// [INF] That zone is the evaluation's (`ImlOptions.timezone`, Make's organisation zone), since Make's
// sandbox binds every built-in to `{timezone}`; only formatDate/parseDate take a zone argument.
import { toInstant } from '../dates/coerce';
import { DEFAULT_FORMAT, formatInstant } from '../dates/format';
import { parseIso, parseWithFormat } from '../dates/parse';
import { daysInMonth, fromWallTime, resolveTimezone, wallTime, WallTime } from '../dates/timezone';
import { MONTH_NAMES, WEEKDAY_NAMES } from '../dates/tokens';
import { isDate, isEmptyValue } from '../values';
import { quoteValue } from '../../../lib/values';
import { argInteger, argNumber, argText, BuiltinFunction, BuiltinTable, builtin, FunctionContext } from './types';

/** The date argument of a calendar function as wall time in the context's zone (undefined when empty). */
function wallOf(ctx: FunctionContext, value: unknown): WallTime | undefined {
  const ms = toInstant(value, ctx.timezone);
  return ms === undefined ? undefined : wallTime(ms, ctx.timezone);
}

function dateOf(ctx: FunctionContext, w: WallTime): Date {
  return new Date(fromWallTime(w, ctx.timezone));
}

const clampDay = (w: WallTime): WallTime => ({ ...w, day: Math.min(w.day, daysInMonth(w.year, w.month)) });

/** addSeconds/addMinutes/addHours: exact durations. */
function addDuration(unitMs: number): BuiltinFunction {
  return builtin(2, 2, (ctx, [date, amount]) => {
    const ms = toInstant(date, ctx.timezone);
    if (ms === undefined) return undefined;
    return new Date(ms + Math.round(argNumber(amount, 'the amount') * unitMs));
  });
}

/**
 * addDays/addMonths/addYears: calendar units in the zone's wall time, so a day across a DST change keeps
 * the clock time. Months and years clamp to the month's last day (Jan 31 + 1 month = Feb 28/29), and
 * fractional amounts round to the nearest integer, as moment does.
 */
function addCalendar(change: (w: WallTime, n: number) => WallTime): BuiltinFunction {
  return builtin(2, 2, (ctx, [date, amount]) => {
    const w = wallOf(ctx, date);
    if (w === undefined) return undefined;
    return dateOf(ctx, change(w, Math.round(argNumber(amount, 'the amount'))));
  });
}

/** set* functions: out-of-range values carry over (setHour 25 is 01:00 the next day). */
function setField(change: (w: WallTime, value: unknown, ctx: FunctionContext) => WallTime): BuiltinFunction {
  return builtin(2, 2, (ctx, [date, value]) => {
    const w = wallOf(ctx, date);
    if (w === undefined) return undefined;
    return dateOf(ctx, change(w, value, ctx));
  });
}

function nameIndex(names: string[], value: unknown): number {
  const text = argText(value).trim().toLowerCase();
  return names.findIndex((name) => name.toLowerCase() === text || name.slice(0, 3).toLowerCase() === text);
}

/** setMonth's value: 1–12 or an English month name. */
function monthArg(value: unknown): number {
  if (typeof value === 'string' && !/^\s*-?\d+\s*$/.test(value)) {
    const index = nameIndex(MONTH_NAMES, value);
    if (index < 0) throw new Error(`unknown month ${quoteValue(value)}`);
    return index + 1;
  }
  return argInteger(value, 'the month');
}

/** setDay's value: 1 (Sunday) to 7 (Saturday), beyond that into the next weeks, or an English day name. */
function weekdayArg(value: unknown): number {
  if (typeof value === 'string' && !/^\s*-?\d+\s*$/.test(value)) {
    const index = nameIndex(WEEKDAY_NAMES, value);
    if (index < 0) throw new Error(`unknown day of the week ${quoteValue(value)}`);
    return index + 1;
  }
  return argInteger(value, 'the day');
}

function formatDate(ctx: FunctionContext, [date, format, timezone]: unknown[]): string | undefined {
  const ms = toInstant(date, ctx.timezone);
  if (ms === undefined) return undefined;
  const pattern = isEmptyValue(format) ? DEFAULT_FORMAT : argText(format);
  return formatInstant(ms, pattern, resolveTimezone(timezone, ctx.timezone));
}

function parseDate(ctx: FunctionContext, [value, format, timezone]: unknown[]): Date | undefined {
  if (isEmptyValue(value)) return undefined;
  if (isDate(value)) return new Date(value.getTime());
  const zone = resolveTimezone(timezone, ctx.timezone);
  const text = argText(value);
  let ms: number | null;
  if (isEmptyValue(format)) {
    ms = typeof value === 'number' ? value : parseIso(text, zone);
  } else {
    ms = parseWithFormat(text, argText(format), zone, ctx.now);
  }
  if (ms === null || !Number.isFinite(ms)) {
    const how = isEmptyValue(format) ? 'as an ISO 8601 date' : `with format '${argText(format)}'`;
    throw new Error(`cannot parse ${quoteValue(value)} ${how}`);
  }
  return new Date(ms);
}

/**
 * `dateDiff(endDate, startDate, unit)` as the third-party notes on the IML package describe it
 * (minsu-kang/make-custom-app-skill, skill/references/builtin-iml-functions.md; [INF], no official page found):
 * whole days/hours/minutes/seconds (`D`, `H`, `m`, `s`) or the remainder after the next larger unit
 * (`RH`, `Rm`, `Rs`); an end date before the start date is an error.
 */
function dateDiff(ctx: FunctionContext, [end, start, unit]: unknown[]): number | undefined {
  const endMs = toInstant(end, ctx.timezone);
  const startMs = toInstant(start, ctx.timezone);
  if (endMs === undefined || startMs === undefined) return undefined;
  if (startMs > endMs) throw new Error('the start date is after the end date');
  const seconds = Math.floor((endMs - startMs) / 1000);
  switch (argText(unit)) {
    case 'D':
      return Math.floor(seconds / 86400);
    case 'H':
      return Math.floor(seconds / 3600);
    case 'm':
      return Math.floor(seconds / 60);
    case 's':
      return seconds;
    case 'RH':
      return Math.floor(seconds / 3600) % 24;
    case 'Rm':
      return Math.floor(seconds / 60) % 60;
    case 'Rs':
      return seconds % 60;
    default:
      throw new Error(`unknown unit ${quoteValue(unit)} (D, H, m, s, RH, Rm, Rs)`);
  }
}

export const DATE_FUNCTIONS: BuiltinTable = {
  formatDate: builtin(1, 3, formatDate),
  parseDate: builtin(1, 3, parseDate),
  dateDiff: builtin(3, 3, dateDiff),
  addSeconds: addDuration(1000),
  addMinutes: addDuration(60000),
  addHours: addDuration(3600000),
  addDays: addCalendar((w, n) => ({ ...w, day: w.day + n })),
  addMonths: addCalendar((w, n) => {
    const months = w.month - 1 + n;
    const year = w.year + Math.floor(months / 12);
    return clampDay({ ...w, year, month: (((months % 12) + 12) % 12) + 1 });
  }),
  addYears: addCalendar((w, n) => clampDay({ ...w, year: w.year + n })),
  setSecond: setField((w, v) => ({ ...w, second: argInteger(v, 'the second') })),
  setMinute: setField((w, v) => ({ ...w, minute: argInteger(v, 'the minute') })),
  setHour: setField((w, v) => ({ ...w, hour: argInteger(v, 'the hour') })),
  setDate: setField((w, v) => ({ ...w, day: argInteger(v, 'the day of the month') })),
  setDay: setField((w, v, ctx) => {
    const current = wallTime(fromWallTime(w, ctx.timezone), ctx.timezone).weekday;
    return { ...w, day: w.day + (weekdayArg(v) - 1 - current) };
  }),
  setMonth: setField((w, v) => {
    const months = monthArg(v) - 1;
    const year = w.year + Math.floor(months / 12);
    return clampDay({ ...w, year, month: (((months % 12) + 12) % 12) + 1 });
  }),
  setYear: setField((w, v) => clampDay({ ...w, year: argInteger(v, 'the year') })),
};
