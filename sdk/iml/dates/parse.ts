// parseDate's engine: moment-style formats (forgiving, as moment's non-strict mode) and ISO 8601.
import { daysInMonth, fromWallTime, utcFromFields, wallTime, WallTime } from './timezone';
import { MONTH_NAMES, MONTH_SHORT, tokenizeFormat, WEEKDAY_NAMES, WEEKDAY_SHORT, WEEKDAY_MIN } from './tokens';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const namesPattern = (names: string[]): string =>
  [...names].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');

const MONTH_PATTERN = namesPattern([...MONTH_NAMES, ...MONTH_SHORT]);
const WEEKDAY_PATTERN = namesPattern([...WEEKDAY_NAMES, ...WEEKDAY_SHORT, ...WEEKDAY_MIN]);
const OFFSET_PATTERN = 'Z|[+-]\\d\\d(?::?\\d\\d)?';

/** What each token captures; tokens without a field are matched and ignored (weekday names, weeks). */
function tokenPattern(token: string): string | null {
  switch (token) {
    case 'YYYYYY':
      return '[+-]?\\d{4,6}';
    case 'YYYY':
      return '\\d{1,4}';
    case 'YY':
    case 'gg':
    case 'GG':
      return '\\d\\d';
    case 'Y':
      return '\\d+';
    case 'gggg':
    case 'GGGG':
      return '\\d{4}';
    case 'Q':
      return '[1-4]';
    case 'M':
    case 'MM':
    case 'D':
    case 'DD':
    case 'H':
    case 'HH':
    case 'h':
    case 'hh':
    case 'k':
    case 'kk':
    case 'm':
    case 'mm':
    case 's':
    case 'ss':
    case 'w':
    case 'ww':
    case 'W':
    case 'WW':
      return '\\d{1,2}';
    case 'Mo':
    case 'Do':
    case 'Qo':
    case 'wo':
    case 'Wo':
    case 'do':
    case 'DDDo':
      return '\\d{1,3}(?:st|nd|rd|th)?';
    case 'DDD':
    case 'DDDD':
      return '\\d{1,3}';
    case 'MMM':
    case 'MMMM':
      return MONTH_PATTERN;
    case 'd':
    case 'e':
    case 'E':
      return '\\d';
    case 'dd':
    case 'ddd':
    case 'dddd':
      return WEEKDAY_PATTERN;
    case 'A':
    case 'a':
      // "the one character a p are also considered valid" (help.make.com, tokens for date/time parsing).
      return '[ap](?:\\.?m\\.?)?';
    case 'Z':
    case 'ZZ':
      return OFFSET_PATTERN;
    case 'z':
    case 'zz':
      return '[A-Za-z]+';
    case 'X':
      return '-?\\d+(?:\\.\\d{1,3})?';
    case 'x':
      return '-?\\d+';
    default:
      return token.startsWith('S') ? '\\d+' : null;
  }
}

interface Parsed {
  year?: number;
  month?: number;
  day?: number;
  dayOfYear?: number;
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
  pm?: boolean;
  offset?: number;
  epochMs?: number;
}

function parseOffset(text: string): number {
  if (text.toUpperCase() === 'Z') return 0;
  const sign = text[0] === '-' ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
}

function monthFromName(name: string): number {
  const lower = name.toLowerCase();
  return MONTH_NAMES.findIndex((m) => m.toLowerCase() === lower || m.slice(0, 3).toLowerCase() === lower) + 1;
}

function assign(parsed: Parsed, token: string, text: string): void {
  const n = Number.parseInt(text, 10);
  switch (token) {
    case 'YYYY':
      // "YYYY: 4 or 2 digit year" (help.make.com, tokens for date/time parsing): 2 digits follow the YY rule.
      parsed.year = text.length <= 2 ? n + (n > 68 ? 1900 : 2000) : n;
      break;
    case 'YYYYYY':
    case 'Y':
      parsed.year = n;
      break;
    case 'YY':
      // moment's rule: two-digit years above 68 are 19xx.
      parsed.year = n + (n > 68 ? 1900 : 2000);
      break;
    case 'Q':
      parsed.month = (n - 1) * 3 + 1;
      break;
    case 'M':
    case 'MM':
    case 'Mo':
      parsed.month = n;
      break;
    case 'MMM':
    case 'MMMM':
      parsed.month = monthFromName(text);
      break;
    case 'D':
    case 'DD':
    case 'Do':
      parsed.day = n;
      break;
    case 'DDD':
    case 'DDDD':
    case 'DDDo':
      parsed.dayOfYear = n;
      break;
    case 'H':
    case 'HH':
    case 'h':
    case 'hh':
    case 'k':
    case 'kk':
      parsed.hour = n;
      break;
    case 'm':
    case 'mm':
      parsed.minute = n;
      break;
    case 's':
    case 'ss':
      parsed.second = n;
      break;
    case 'A':
    case 'a':
      parsed.pm = text[0].toLowerCase() === 'p';
      break;
    case 'Z':
    case 'ZZ':
      parsed.offset = parseOffset(text);
      break;
    case 'X':
      parsed.epochMs = Math.round(Number(text) * 1000);
      break;
    case 'x':
      parsed.epochMs = n;
      break;
    default:
      if (token.startsWith('S')) parsed.millisecond = Math.round(Number(`0.${text}`) * 1000);
      break;
  }
}

/**
 * One anchored regular expression for the whole format. Each token matches atomically (a lookahead
 * capture plus a back-reference), like moment which matches token by token without backtracking;
 * runs of separators collapse into one forgiving `[^letters digits]*`. Both keep matching linear.
 */
function buildRegExp(format: string): { regexp: RegExp; tokens: string[] } {
  const tokens: string[] = [];
  let source = '^\\s*';
  let afterSeparator = false;
  for (const part of tokenizeFormat(format)) {
    const pattern = part.kind === 'token' ? tokenPattern(part.token) : null;
    if (part.kind === 'token' && pattern !== null) {
      tokens.push(part.token);
      source += `(?=(${pattern}))\\${tokens.length}`;
      afterSeparator = false;
      continue;
    }
    const text = part.kind === 'token' ? part.token : part.text;
    // Forgiving like moment's non-strict mode: separators need not match exactly ('2020/01/05' with 'YYYY-MM-DD').
    for (const ch of text) {
      if (/[\p{L}\p{N}]/u.test(ch)) {
        source += escapeRegExp(ch);
        afterSeparator = false;
      } else if (!afterSeparator) {
        source += '[^\\p{L}\\p{N}]*';
        afterSeparator = true;
      }
    }
  }
  return { regexp: new RegExp(source, 'iu'), tokens };
}

/**
 * Parses text with a moment-style format. Text without an offset is wall time in `timezone`.
 * [INF] Missing fields default as moment does: leading ones (year, month, day) from today in the zone,
 * the rest to their start (month 1, day 1, 00:00:00.000). Trailing text is ignored. Returns null when invalid.
 */
export function parseWithFormat(text: string, format: string, timezone: string, nowMs: number): number | null {
  const { regexp, tokens } = buildRegExp(format);
  const match = regexp.exec(text);
  if (!match || tokens.length === 0) return null;
  const parsed: Parsed = {};
  tokens.forEach((token, i) => assign(parsed, token, match[i + 1]));
  if (parsed.epochMs !== undefined) return Number.isFinite(parsed.epochMs) ? parsed.epochMs : null;

  if (parsed.dayOfYear !== undefined) {
    parsed.month = 1;
    parsed.day = parsed.dayOfYear;
  }
  let hour = parsed.hour;
  if (parsed.pm !== undefined && hour !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = parsed.pm ? (hour % 12) + 12 : hour % 12;
  }
  const today = wallTime(nowMs, timezone);
  const given = [parsed.year, parsed.month, parsed.day];
  const defaults = [today.year, today.month, today.day];
  let i = 0;
  for (; i < 3 && given[i] === undefined; i++) given[i] = defaults[i];
  for (; i < 3; i++) if (given[i] === undefined) given[i] = 1;
  const w: WallTime = {
    year: given[0] as number,
    month: given[1] as number,
    day: given[2] as number,
    hour: hour ?? 0,
    minute: parsed.minute ?? 0,
    second: parsed.second ?? 0,
    millisecond: parsed.millisecond ?? 0,
  };
  if (!isValidWallTime(w, parsed.dayOfYear !== undefined)) return null;
  if (parsed.offset !== undefined) return utcFromFields(w) - parsed.offset * 60000;
  return fromWallTime(w, timezone);
}

function isValidWallTime(w: WallTime, dayOfYear: boolean): boolean {
  if (w.month < 1 || w.month > 12) return false;
  const maxDay = dayOfYear ? 366 : daysInMonth(w.year, w.month);
  if (w.day < 1 || w.day > maxDay) return false;
  if (w.hour === 24) return w.minute === 0 && w.second === 0 && w.millisecond === 0;
  return w.hour >= 0 && w.hour <= 23 && w.minute >= 0 && w.minute <= 59 && w.second >= 0 && w.second <= 59;
}

const ISO =
  /^([+-]\d{6}|\d{4})(?:-(\d\d)(?:-(\d\d))?|(\d\d)(\d\d))?(?:[T ](\d\d)(?::?(\d\d)(?::?(\d\d)(?:[.,](\d+))?)?)?)?\s*(Z|[+-]\d\d(?::?\d\d)?)?$/i;

/**
 * ISO 8601 text (extended or basic form). [INF] Without an offset it is wall time in `timezone`.
 * Falls back to RFC 2822 style text only when it names its zone ('Tue, 1 Jan 2019 10:00:00 GMT').
 */
export function parseIso(text: string, timezone: string): number | null {
  const trimmed = text.trim();
  const m = ISO.exec(trimmed);
  if (m) {
    const w: WallTime = {
      year: Number(m[1]),
      month: Number(m[2] ?? m[4] ?? 1),
      day: Number(m[3] ?? m[5] ?? 1),
      hour: Number(m[6] ?? 0),
      minute: Number(m[7] ?? 0),
      second: Number(m[8] ?? 0),
      millisecond: m[9] ? Math.round(Number(`0.${m[9]}`) * 1000) : 0,
    };
    if (!isValidWallTime(w, false)) return null;
    if (m[10]) return utcFromFields(w) - parseOffset(m[10]) * 60000;
    return fromWallTime(w, timezone);
  }
  if (/(?:GMT|UTC|Z|[+-]\d{4})\s*$/i.test(trimmed)) {
    const ms = Date.parse(trimmed);
    return Number.isNaN(ms) ? null : ms;
  }
  return null;
}
