// Text Make reads as a date wherever a date is expected (help.make.com "Type coercion", "When date is
// expected": it "must contain day, month and year", "may contain time and time zone"; without a zone it is read
// in the user's time zone). Shared by IML's date functions and the harness's input coercion.
//
// [INF] Accepted text formats: exactly the families of Make's own examples on that page
// (2016-06-20T17:26:44.356Z, 2016-06-20 19:26:44 GMT+02:00, 2016-06-20 19:26+0200, 2016-06-20,
// 2016/06/20 5:26 pm, 06/20/2016 17:26:44, 20.6.2016 17:26:44 …): Y-M-D or Y/M/D, M/D/Y (US order), D.M.Y,
// an optional time (H:mm, H:mm:ss, H:mm:ss.fff, optional am/pm) after "T" or spaces, and an optional zone
// (Z, ±HH:MM, ±HHMM, ±HH, each optionally after GMT/UTC). Other wordings ("June 20, 2016") are rejected.
import { daysInMonth, fromWallTime } from './timezone';

const DATE_TEXT = new RegExp(
  '^(?:(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})' + // 1-3: Y-M-D, Y/M/D
    '|(\\d{1,2})/(\\d{1,2})/(\\d{4})' + // 4-6: M/D/Y
    '|(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}))' + // 7-9: D.M.Y
    '(?:(?:T|\\s+)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?(?:\\s*([aApP])\\.?[mM]\\.?)?)?' + // 10-14
    '(?:\\s*(?:(Z)|(?:(?:GMT|UTC)\\s*)?([+-])(\\d{2}):?(\\d{2})?|GMT|UTC))?$', // 15-18
  'i',
);

/** Text → UTC epoch ms, or undefined when Make would not read it as a date. */
export function parseDateText(text: string, timeZone: string): number | undefined {
  const m = DATE_TEXT.exec(text.trim());
  if (!m) return undefined;
  let year: number;
  let month: number;
  let day: number;
  if (m[1] !== undefined) {
    year = +m[1];
    month = +m[2]!;
    day = +m[3]!;
  } else if (m[4] !== undefined) {
    month = +m[4];
    day = +m[5]!;
    year = +m[6]!;
  } else {
    day = +m[7]!;
    month = +m[8]!;
    year = +m[9]!;
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;

  let hour = m[10] !== undefined ? +m[10] : 0;
  const minute = m[11] !== undefined ? +m[11] : 0;
  const second = m[12] !== undefined ? +m[12] : 0;
  const millis = m[13] !== undefined ? Math.floor(+('0.' + m[13]) * 1000) : 0;
  const meridiem = m[14]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    if (meridiem === 'a' && hour === 12) hour = 0;
    else if (meridiem === 'p' && hour !== 12) hour += 12;
  }
  if (hour > 23 || minute > 59 || second > 59) return undefined;

  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  if (m[15]) return wall; // Z
  if (m[16]) {
    const offsetHours = +m[17]!;
    const offsetMinutes = m[18] !== undefined ? +m[18] : 0;
    if (offsetHours > 14 || offsetMinutes > 59) return undefined;
    const sign = m[16] === '-' ? -1 : 1;
    return wall - sign * (offsetHours * 60 + offsetMinutes) * 60000;
  }
  if (/(GMT|UTC)$/i.test(text.trim())) return wall;
  return fromWallTime({ year, month, day, hour, minute, second, millisecond: millis }, timeZone);
}
