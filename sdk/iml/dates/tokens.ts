// Moment-style format strings: splitting into tokens and literals, English names, localized presets.

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const MONTH_SHORT = MONTH_NAMES.map((name) => name.slice(0, 3));
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const WEEKDAY_SHORT = WEEKDAY_NAMES.map((name) => name.slice(0, 3));
export const WEEKDAY_MIN = WEEKDAY_NAMES.map((name) => name.slice(0, 2));

/** The `en` locale's presets (moment's defaults): expanded before tokenizing. */
const PRESETS: Array<[string, string]> = [
  ['LTS', 'h:mm:ss A'],
  ['LT', 'h:mm A'],
  ['LLLL', 'dddd, MMMM D, YYYY h:mm A'],
  ['LLL', 'MMMM D, YYYY h:mm A'],
  ['LL', 'MMMM D, YYYY'],
  ['L', 'MM/DD/YYYY'],
  ['llll', 'ddd, MMM D, YYYY h:mm A'],
  ['lll', 'MMM D, YYYY h:mm A'],
  ['ll', 'MMM D, YYYY'],
  ['l', 'M/D/YYYY'],
];

/** Longest first, so `MMMM` wins over `MM`. */
const TOKENS = [
  'YYYYYY',
  'YYYY',
  'YY',
  'Y',
  'Qo',
  'Q',
  'MMMM',
  'MMM',
  'Mo',
  'MM',
  'M',
  'DDDD',
  'DDDo',
  'DDD',
  'Do',
  'DD',
  'D',
  'dddd',
  'ddd',
  'do',
  'dd',
  'd',
  'E',
  'e',
  'wo',
  'ww',
  'w',
  'Wo',
  'WW',
  'W',
  'GGGG',
  'GG',
  'gggg',
  'gg',
  'HH',
  'H',
  'hh',
  'h',
  'kk',
  'k',
  'mm',
  'm',
  'ss',
  's',
  'SSSSSSSSS',
  'SSSSSSSS',
  'SSSSSSS',
  'SSSSSS',
  'SSSSS',
  'SSSS',
  'SSS',
  'SS',
  'S',
  'A',
  'a',
  'ZZ',
  'Z',
  'zz',
  'z',
  'X',
  'x',
];

export type FormatPart = { kind: 'token'; token: string } | { kind: 'literal'; text: string };

export function tokenizeFormat(format: string): FormatPart[] {
  const parts: FormatPart[] = [];
  const pushLiteral = (text: string): void => {
    const last = parts[parts.length - 1];
    if (last && last.kind === 'literal') last.text += text;
    else parts.push({ kind: 'literal', text });
  };
  const expanded = expandPresets(format);
  let i = 0;
  while (i < expanded.length) {
    if (expanded[i] === '[') {
      const close = expanded.indexOf(']', i + 1);
      if (close >= 0) {
        pushLiteral(expanded.slice(i + 1, close));
        i = close + 1;
        continue;
      }
    }
    const token = TOKENS.find((candidate) => expanded.startsWith(candidate, i));
    if (token) {
      parts.push({ kind: 'token', token });
      i += token.length;
    } else {
      pushLiteral(expanded[i]);
      i++;
    }
  }
  return parts;
}

function expandPresets(format: string): string {
  let out = '';
  let i = 0;
  while (i < format.length) {
    if (format[i] === '[') {
      const close = format.indexOf(']', i + 1);
      const end = close >= 0 ? close + 1 : format.length;
      out += format.slice(i, end);
      i = end;
      continue;
    }
    const preset = PRESETS.find(([name]) => format.startsWith(name, i));
    if (preset) {
      out += preset[1];
      i += preset[0].length;
    } else {
      out += format[i];
      i++;
    }
  }
  return out;
}

export function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}
