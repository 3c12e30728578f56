import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ev, FIXED_NOW, imlErrorOf } from './helpers';

const at = (iso: string): Date => new Date(iso);
const prague = { timezone: 'Europe/Prague' };

describe('formatDate tokens', () => {
  const context = { d: at('2024-03-05T14:07:09.045Z') }; // a Tuesday
  const cases: Array<[string, string]> = [
    ['YYYY YY M MM MMM MMMM', '2024 24 3 03 Mar March'],
    ['D DD Do DDD DDDD', '5 05 5th 65 065'],
    ['d dd ddd dddd E', '2 Tu Tue Tuesday 2'],
    ['H HH h hh k kk', '14 14 2 02 14 14'],
    ['m mm s ss S SS SSS', '7 07 9 09 0 04 045'],
    ['A a Q Qo', 'PM pm 1 1st'],
    ['W WW w ww GGGG gggg', '10 10 10 10 2024 2024'],
    ['X x', '1709647629 1709647629045'],
    ['Z ZZ', '+00:00 +0000'],
    ['[Today is] dddd', 'Today is Tuesday'],
    ['LT | LTS | L | LL', '2:07 PM | 2:07:09 PM | 03/05/2024 | March 5, 2024'],
    ['LLLL', 'Tuesday, March 5, 2024 2:07 PM'],
  ];
  it.each(cases)('%s', (format, expected) => {
    expect(ev(`{{ formatDate(d, '${format}') }}`, context)).toBe(expected);
  });

  it('uses ISO 8601 with milliseconds and offset when no format is given', () => {
    expect(ev('{{ formatDate(d) }}', context, prague)).toBe('2024-03-05T15:07:09.045+01:00');
  });

  it('handles ordinals 11th-13th and 21st-23rd', () => {
    expect(ev("{{ formatDate('2024-01-11', 'Do') }} {{ formatDate('2024-01-12', 'Do') }} {{ formatDate('2024-01-22', 'Do') }}")).toBe(
      '11th 12th 22nd',
    );
  });

  it('puts the last days of December into ISO week 1 of the next year when they belong there', () => {
    expect(ev("{{ formatDate('2024-12-30', 'GGGG-[W]WW') }}")).toBe('2025-W01');
    expect(ev("{{ formatDate('2021-01-01', 'GGGG-[W]WW') }}")).toBe('2020-W53');
  });
});

describe('formatDate with time zones', () => {
  const created = { created: at('2018-10-01T07:32:00Z') };

  it('follows Make help examples (organisation zone Europe/Prague)', () => {
    expect(ev("{{ formatDate(created, 'MM/DD/YYYY') }}", created, prague)).toBe('10/01/2018');
    expect(ev("{{ formatDate(created, 'YYYY-MM-DD hh:mm A') }}", created, prague)).toBe('2018-10-01 09:32 AM');
    expect(ev("{{ formatDate(created, 'DD.MM.YYYY HH:mm', 'UTC') }}", created, prague)).toBe('01.10.2018 07:32');
  });

  it('renders offsets of other zones, half hours included', () => {
    const d = { d: at('2024-03-05T14:07:09Z') };
    expect(ev("{{ formatDate(d, 'YYYY-MM-DD HH:mm Z', 'America/New_York') }}", d)).toBe('2024-03-05 09:07 -05:00');
    expect(ev("{{ formatDate(d, 'HH:mm ZZ', 'Asia/Kolkata') }}", d)).toBe('19:37 +0530');
    expect(ev("{{ formatDate(d, 'z', 'America/New_York') }}", d)).toBe('EST');
  });

  it('follows daylight saving time changes', () => {
    expect(ev("{{ formatDate('2024-03-31T00:59:59Z', 'HH:mm:ss Z', 'Europe/Prague') }}")).toBe('01:59:59 +01:00');
    expect(ev("{{ formatDate('2024-03-31T01:00:00Z', 'HH:mm:ss Z', 'Europe/Prague') }}")).toBe('03:00:00 +02:00');
  });

  it('ignores an unknown zone and uses the default one, as Make documents', () => {
    expect(ev("{{ formatDate('2024-01-01T12:00:00Z', 'HH:mm', 'Mars/Olympus') }}", {}, prague)).toBe('13:00');
  });

  it('takes dates as Date objects, ISO text and epoch milliseconds', () => {
    expect(ev("{{ formatDate(0, 'YYYY-MM-DD') }}")).toBe('1970-01-01');
    expect(ev("{{ formatDate(now, 'YYYY') }}")).toBe(String(FIXED_NOW.getUTCFullYear()));
  });

  it('gives undefined for an empty date and an error for a bad one', () => {
    expect(ev("{{ formatDate(nothing, 'YYYY') }}")).toBeUndefined();
    expect(imlErrorOf(() => ev("{{ formatDate('tomorrow', 'YYYY') }}")).detail).toBe(
      "function 'formatDate' failed: 'tomorrow' is not a valid date",
    );
  });
});

describe('parseDate', () => {
  it('parses with a format, in the context zone by default', () => {
    expect(ev("{{ parseDate('2016-12-28', 'YYYY-MM-DD') }}")).toEqual(at('2016-12-28T00:00:00Z'));
    expect(ev("{{ parseDate('2016-12-28 16:03', 'YYYY-MM-DD HH:mm') }}", {}, prague)).toEqual(at('2016-12-28T15:03:00Z'));
  });

  it('uses the zone argument for text without an offset', () => {
    expect(ev("{{ parseDate('2016-12-28 16:03', 'YYYY-MM-DD HH:mm', 'America/New_York') }}")).toEqual(at('2016-12-28T21:03:00Z'));
  });

  it('lets an offset in the text win over any zone', () => {
    expect(ev("{{ parseDate('2016-12-28T16:03:00+05:00', 'YYYY-MM-DDTHH:mm:ssZ', 'Europe/Prague') }}")).toEqual(
      at('2016-12-28T11:03:00Z'),
    );
    expect(ev("{{ parseDate('28/12/2016 16:03 -0200', 'DD/MM/YYYY HH:mm ZZ') }}")).toEqual(at('2016-12-28T18:03:00Z'));
  });

  it('parses unix timestamps in seconds (X) and milliseconds (x)', () => {
    expect(ev("{{ parseDate('1482940980', 'X') }}")).toEqual(at('2016-12-28T16:03:00Z'));
    expect(ev("{{ parseDate(1482940980123, 'x') }}")).toEqual(at('2016-12-28T16:03:00.123Z'));
  });

  it('parses month names and 12-hour clocks', () => {
    expect(ev("{{ parseDate('28 December 2016', 'DD MMMM YYYY') }}")).toEqual(at('2016-12-28T00:00:00Z'));
    expect(ev("{{ parseDate('Dec 28, 2016 4:03 PM', 'MMM D, YYYY h:mm A') }}")).toEqual(at('2016-12-28T16:03:00Z'));
    expect(ev("{{ parseDate('Dec 28, 2016 12:15 am', 'MMM D, YYYY h:mm a') }}")).toEqual(at('2016-12-28T00:15:00Z'));
  });

  it('reads two-digit years as moment does (69 and above are 19xx)', () => {
    expect(ev("{{ parseDate('01/02/69', 'MM/DD/YY') }}")).toEqual(at('1969-01-02T00:00:00Z'));
    expect(ev("{{ parseDate('01/02/68', 'MM/DD/YY') }}")).toEqual(at('2068-01-02T00:00:00Z'));
  });

  it('defaults missing parts as moment does: leading ones from today, the rest to their start', () => {
    expect(ev("{{ parseDate('10:30', 'HH:mm') }}")).toEqual(at('2024-05-15T10:30:00Z'));
    expect(ev("{{ parseDate('2020', 'YYYY') }}")).toEqual(at('2020-01-01T00:00:00Z'));
    expect(ev("{{ parseDate('03/2021', 'MM/YYYY') }}")).toEqual(at('2021-03-01T00:00:00Z'));
  });

  it('is forgiving about separators, as moment is', () => {
    expect(ev("{{ parseDate('2020/01/05', 'YYYY-MM-DD') }}")).toEqual(at('2020-01-05T00:00:00Z'));
    expect(ev("{{ parseDate('20200105', 'YYYYMMDD') }}")).toEqual(at('2020-01-05T00:00:00Z'));
  });

  it('moves a time skipped by daylight saving forward', () => {
    expect(ev("{{ parseDate('2024-03-31 02:30', 'YYYY-MM-DD HH:mm', 'Europe/Prague') }}")).toEqual(at('2024-03-31T01:30:00Z'));
  });

  it('parses ISO 8601 when no format is given', () => {
    expect(ev("{{ parseDate('2016-12-28T16:03:00.123Z') }}")).toEqual(at('2016-12-28T16:03:00.123Z'));
    expect(ev("{{ parseDate('2016-12-28') }}", {}, prague)).toEqual(at('2016-12-27T23:00:00Z'));
  });

  it('refuses impossible dates', () => {
    expect(imlErrorOf(() => ev("{{ parseDate('2021-02-30', 'YYYY-MM-DD') }}")).detail).toBe(
      "function 'parseDate' failed: cannot parse '2021-02-30' with format 'YYYY-MM-DD'",
    );
    expect(() => ev("{{ parseDate('25:00', 'HH:mm') }}")).toThrow("function 'parseDate' failed");
    expect(() => ev("{{ parseDate('13/01/2020', 'MM/DD/YYYY') }}")).toThrow("function 'parseDate' failed");
  });

  it('gives undefined for empty text', () => {
    expect(ev("{{ parseDate(nothing, 'YYYY') }}")).toBeUndefined();
  });

  // From 1972: earlier local mean times have offsets in seconds, which `Z` cannot express.
  it('round-trips formatDate for any instant and zone', () => {
    const zones = ['UTC', 'Europe/Prague', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1972, 0, 1), max: Date.UTC(2200, 0, 1) }),
        fc.constantFrom(...zones),
        (ms, zone) => {
          const context = { d: new Date(ms), zone };
          const text = ev("{{ formatDate(d, 'YYYY-MM-DDTHH:mm:ss.SSSZ', zone) }}", context);
          expect(ev(`{{ parseDate('${String(text)}', 'YYYY-MM-DDTHH:mm:ss.SSSZ') }}`)).toEqual(new Date(ms));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('adding to dates', () => {
  it('adds exact seconds, minutes and hours', () => {
    expect(ev("{{ addSeconds('2016-12-08T15:55:57.536Z', -2) }}")).toEqual(at('2016-12-08T15:55:55.536Z'));
    expect(ev("{{ addMinutes('2016-12-08T15:55:57.536Z', 90) }}")).toEqual(at('2016-12-08T17:25:57.536Z'));
    expect(ev("{{ addHours('2024-03-31T00:30:00Z', 1) }}", {}, prague)).toEqual(at('2024-03-31T01:30:00Z'));
  });

  it('adds days in wall time of the zone, keeping the clock time across a DST change', () => {
    expect(ev("{{ addDays('2024-03-30T11:00:00Z', 1) }}", {}, prague)).toEqual(at('2024-03-31T10:00:00Z'));
    expect(ev("{{ addDays('2024-03-30T11:00:00Z', 1) }}")).toEqual(at('2024-03-31T11:00:00Z'));
  });

  it('clamps to the last day of the month for months and years', () => {
    expect(ev("{{ addMonths('2024-01-31T10:00:00Z', 1) }}")).toEqual(at('2024-02-29T10:00:00Z'));
    expect(ev("{{ addMonths('2024-03-31T10:00:00Z', -1) }}")).toEqual(at('2024-02-29T10:00:00Z'));
    expect(ev("{{ addMonths('2024-11-15T10:00:00Z', 3) }}")).toEqual(at('2025-02-15T10:00:00Z'));
    expect(ev("{{ addYears('2024-02-29T10:00:00Z', 1) }}")).toEqual(at('2025-02-28T10:00:00Z'));
  });

  it('gives undefined for an empty date', () => {
    expect(ev('{{ addDays(nothing, 1) }}')).toBeUndefined();
  });

  it('refuses a non-numeric amount', () => {
    expect(() => ev("{{ addDays(now, 'many') }}")).toThrow("function 'addDays' failed: the amount must be a number");
  });
});

describe('setting date parts', () => {
  const base = "'2015-10-07T11:36:39.138Z'";

  it('sets time parts in the zone of the context', () => {
    expect(ev(`{{ setHour(${base}, 8) }}`, {}, prague)).toEqual(at('2015-10-07T06:36:39.138Z'));
    expect(ev(`{{ setMinute(${base}, 0) }}`)).toEqual(at('2015-10-07T11:00:39.138Z'));
    expect(ev(`{{ setSecond(${base}, 0) }}`)).toEqual(at('2015-10-07T11:36:00.138Z'));
  });

  it('carries values out of range into the next unit', () => {
    expect(ev(`{{ setHour(${base}, 25) }}`)).toEqual(at('2015-10-08T01:36:39.138Z'));
    expect(ev(`{{ setDate(${base}, 32) }}`)).toEqual(at('2015-11-01T11:36:39.138Z'));
    expect(ev(`{{ setSecond(${base}, 60) }}`)).toEqual(at('2015-10-07T11:37:00.138Z'));
    expect(ev(`{{ setMonth(${base}, 13) }}`)).toEqual(at('2016-01-07T11:36:39.138Z'));
  });

  it('sets the day of the week from 1 (Sunday) to 7 (Saturday), or by English name', () => {
    const wednesday = "'2018-06-27T11:36:39.138Z'";
    expect(ev(`{{ setDay(${wednesday}, 1) }}`)).toEqual(at('2018-06-24T11:36:39.138Z'));
    expect(ev(`{{ setDay(${wednesday}, 7) }}`)).toEqual(at('2018-06-30T11:36:39.138Z'));
    expect(ev(`{{ setDay(${wednesday}, 8) }}`)).toEqual(at('2018-07-01T11:36:39.138Z'));
    expect(ev(`{{ setDay(${wednesday}, 'friday') }}`)).toEqual(at('2018-06-29T11:36:39.138Z'));
    expect(ev(`{{ setDay(${wednesday}, 'Sun') }}`)).toEqual(at('2018-06-24T11:36:39.138Z'));
    expect(() => ev(`{{ setDay(${wednesday}, 'someday') }}`)).toThrow("unknown day of the week 'someday'");
  });

  it('sets months by number or name, clamping the day', () => {
    expect(ev(`{{ setMonth(${base}, 'February') }}`)).toEqual(at('2015-02-07T11:36:39.138Z'));
    expect(ev("{{ setMonth('2015-01-31T00:00:00Z', 2) }}")).toEqual(at('2015-02-28T00:00:00Z'));
    expect(ev("{{ setYear('2024-02-29T00:00:00Z', 2023) }}")).toEqual(at('2023-02-28T00:00:00Z'));
  });
});

describe('dateDiff', () => {
  const span = { end: '2024-01-03T03:45:00Z', start: '2024-01-01T00:00:00Z' }; // 2 days 3 hours 45 minutes
  it.each([
    ['D', 2],
    ['H', 51],
    ['m', 3105],
    ['s', 186300],
    ['RH', 3],
    ['Rm', 45],
    ['Rs', 0],
  ])('%s', (unit, expected) => {
    expect(ev(`{{ dateDiff(end, start, '${unit}') }}`, span)).toBe(expected);
  });

  it('refuses a start after the end, and unknown units', () => {
    expect(() => ev("{{ dateDiff(start, end, 'D') }}", span)).toThrow('the start date is after the end date');
    expect(() => ev("{{ dateDiff(end, start, 'weeks') }}", span)).toThrow("unknown unit 'weeks'");
  });
});

describe("dates written as text, as Make's type coercion reads them", () => {
  it.each([
    ['06/20/2016', '2016-06-20'],
    ['2016/06/20 17:26', '2016-06-20'],
    ['20.6.2016 17:26:44', '2016-06-20'],
    ['2016-06-20 19:26:44 GMT+02:00', '2016-06-20'],
  ])('formatDate reads %s', (text, expected) => {
    expect(ev(`{{formatDate('${text}', 'YYYY-MM-DD')}}`)).toBe(expected);
  });

  it('addDays reads them too, in the active time zone when they have none', () => {
    expect(ev("{{addDays('2016/06/20', 1)}}")).toEqual(at('2016-06-21T00:00:00.000Z'));
    expect(ev("{{addDays('2016/06/20', 1)}}", {}, prague)).toEqual(at('2016-06-20T22:00:00.000Z'));
  });

  it('still refuses text that is no date', () => {
    expect(imlErrorOf(() => ev("{{formatDate('June 20, 2016', 'YYYY')}}")).message).toContain('is not a valid date');
  });
});

describe('parseDate tokens from the parsing table', () => {
  it('reads 2 digits for YYYY as a 2-digit year', () => {
    expect(ev("{{parseDate('20/06/16', 'DD/MM/YYYY')}}")).toEqual(at('2016-06-20T00:00:00.000Z'));
    expect(ev("{{parseDate('20/06/85', 'DD/MM/YYYY')}}")).toEqual(at('1985-06-20T00:00:00.000Z'));
  });

  it('accepts a lone a or p for the am/pm token', () => {
    expect(ev("{{parseDate('2016-12-28 04:03 p', 'YYYY-MM-DD hh:mm a')}}")).toEqual(at('2016-12-28T16:03:00.000Z'));
    expect(ev("{{parseDate('2016-12-28 04:03 a', 'YYYY-MM-DD hh:mm A')}}")).toEqual(at('2016-12-28T04:03:00.000Z'));
  });
});
