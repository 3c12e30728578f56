// The calendar arithmetic of the API's date formats: `DD/MM/YYYY` (contracts) and `DD/MM/YYYY-HH:mm` (absences).

/** Days per month, February on a non-leap year. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Whether day/month/year names a real calendar day. */
export function isRealDate(day: number, month: number, year: number): boolean {
  if (!Number.isInteger(day) || !Number.isInteger(month) || !Number.isInteger(year)) return false;
  if (month < 1 || month > 12 || day < 1 || year < 1) return false;
  const days = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  return day <= days;
}

/** The value of `length` ASCII digits of `text` from `start`, or -1 if one is not a digit. */
function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Reads `DD/MM/YYYY` as a sortable number (YYYYMMDD). Undefined when the text does not have that shape;
 * null when it has the shape but names no real day (`31/02/2025`, `00/13/2025`).
 */
export function frenchDateKey(text: string): number | null | undefined {
  if (text.length !== 10 || text.charCodeAt(2) !== 47 || text.charCodeAt(5) !== 47) return undefined;
  const day = digitsAt(text, 0, 2);
  const month = digitsAt(text, 3, 2);
  const year = digitsAt(text, 6, 4);
  if (day < 0 || month < 0 || year < 0) return undefined;
  return isRealDate(day, month, year) ? year * 10000 + month * 100 + day : null;
}

/** Parses `DD/MM/YYYY` into a sortable number (YYYYMMDD), or null when malformed or not a real day. */
export function parseFrenchDate(text: string): number | null {
  return frenchDateKey(text) ?? null;
}

/** Parses `DD/MM/YYYY-HH:mm` into a sortable number, or null when malformed or not a real moment. */
export function parseFrenchDateTime(text: string): number | null {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})-(\d{2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const [day, month, year, hour, minute] = match.slice(1).map(Number);
  if (!isRealDate(day, month, year) || hour > 23 || minute > 59) return null;
  return (((year * 100 + month) * 100 + day) * 100 + hour) * 100 + minute;
}
