// One worked example per built-in, and a check that no built-in is left without one.
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BUILTIN_FUNCTIONS } from '../../sdk/iml';
import { ev } from './helpers';

const context = {
  user: { name: 'Ann', age: 30, city: 'Brno' },
  items: [
    { id: 3, name: 'c', tag: 'x' },
    { id: 1, name: 'a', tag: 'y' },
    { id: 2, name: 'b', tag: 'x' },
  ],
  numbers: [3, 1, 4, 1, 5],
  pairs: [
    { k: 'a', v: 1 },
    { k: 'b', v: 2 },
  ],
};

const EXAMPLES: Record<string, { template: string; expected: unknown }> = {
  if: { template: "{{ if(user.age > 18, 'adult', 'minor') }}", expected: 'adult' },
  ifempty: { template: "{{ ifempty(user.missing, 'fallback') }}", expected: 'fallback' },
  switch: { template: "{{ switch(user.city, 'Praha', 1, 'Brno', 2, 0) }}", expected: 2 },
  get: { template: "{{ get(items, '2.name') }}", expected: 'a' },
  pick: { template: "{{ pick(user, 'name', 'city') }}", expected: { name: 'Ann', city: 'Brno' } },
  omit: { template: "{{ omit(user, 'age') }}", expected: { name: 'Ann', city: 'Brno' } },
  length: { template: "{{ length('héllo') }}", expected: 5 },
  lower: { template: "{{ lower('ÀBC') }}", expected: 'àbc' },
  upper: { template: "{{ upper('abc') }}", expected: 'ABC' },
  capitalize: { template: "{{ capitalize('hello wORLD') }}", expected: 'Hello wORLD' },
  startcase: { template: "{{ startcase('hello wORLD') }}", expected: 'Hello World' },
  trim: { template: "{{ trim('  a b  ') }}", expected: 'a b' },
  substring: { template: "{{ substring('Hello', 1, 3) }}", expected: 'el' },
  indexOf: { template: "{{ indexOf('Hello', 'l') }}", expected: 2 },
  contains: { template: "{{ contains('Hello', 'ell') }}", expected: true },
  replace: { template: "{{ replace('a-b-c', '-', '+') }}", expected: 'a+b+c' },
  split: { template: "{{ split('a,b,c', ',') }}", expected: ['a', 'b', 'c'] },
  join: { template: "{{ join(numbers, '-') }}", expected: '3-1-4-1-5' },
  toString: { template: '{{ toString(42) }}', expected: '42' },
  encodeURL: { template: "{{ encodeURL('a b&c') }}", expected: 'a%20b%26c' },
  decodeURL: { template: "{{ decodeURL('a%20b%26c') }}", expected: 'a b&c' },
  escapeHTML: { template: "{{ escapeHTML('<b>&</b>') }}", expected: '&lt;b&gt;&amp;&lt;/b&gt;' },
  stripHTML: { template: "{{ stripHTML('<p>Hi <b>there</b></p>') }}", expected: 'Hi there' },
  ascii: { template: "{{ ascii('Dobrý den ✓') }}", expected: 'Dobr den ' },
  base64: { template: "{{ base64('hello') }}", expected: 'aGVsbG8=' },
  toBinary: { template: "{{ toBinary('hi') }}", expected: Buffer.from('hi') },
  md5: { template: "{{ md5('abc') }}", expected: '900150983cd24fb0d6963f7d28e17f72' },
  sha1: { template: "{{ sha1('abc') }}", expected: createHash('sha1').update('abc').digest('hex') },
  sha256: { template: "{{ sha256('abc') }}", expected: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' },
  sha512: { template: "{{ sha512('abc', 'base64', 'secret') }}", expected: createHmac('sha512', 'secret').update('abc').digest('base64') },
  replaceEmojiCharacters: { template: "{{ replaceEmojiCharacters('ok 👍🏽 done 🎉', '*') }}", expected: 'ok * done *' },
  escapeMarkdown: { template: "{{ escapeMarkdown('*bold* _it_') }}", expected: '\\*bold\\* \\_it\\_' },
  mime: { template: "{{ mime('picture.png') }}", expected: 'image/png' },
  round: { template: '{{ round(2.5) }}', expected: 3 },
  floor: { template: '{{ floor(2.7) }}', expected: 2 },
  ceil: { template: '{{ ceil(2.1) }}', expected: 3 },
  trunc: { template: '{{ trunc(-2.7) }}', expected: -2 },
  abs: { template: '{{ abs(-4) }}', expected: 4 },
  min: { template: '{{ min(numbers) }}', expected: 1 },
  max: { template: '{{ max(3, 9, 4) }}', expected: 9 },
  sum: { template: '{{ sum(numbers) }}', expected: 14 },
  average: { template: '{{ average(2, 4, 9) }}', expected: 5 },
  median: { template: '{{ median(numbers) }}', expected: 3 },
  stdevS: { template: '{{ stdevS(2, 4, 4, 4, 5, 5, 7, 9) }}', expected: 2.1380899352994 },
  stdevP: { template: '{{ stdevP(2, 4, 4, 4, 5, 5, 7, 9) }}', expected: 2 },
  parseNumber: { template: "{{ parseNumber('1 756,456', ',') }}", expected: 1756.456 },
  formatNumber: { template: '{{ formatNumber(123456789, 3) }}', expected: '123.456.789,000' },
  formatDate: { template: "{{ formatDate('2018-10-01T07:32:00Z', 'DD.MM.YYYY HH:mm', 'Europe/Prague') }}", expected: '01.10.2018 09:32' },
  parseDate: { template: "{{ parseDate('12-10-2019 20:30', 'MM-DD-YYYY HH:mm') }}", expected: new Date('2019-12-10T20:30:00Z') },
  dateDiff: { template: "{{ dateDiff('2024-01-03T03:45:00Z', '2024-01-01T00:00:00Z', 'H') }}", expected: 51 },
  addSeconds: { template: "{{ addSeconds('2016-12-08T15:55:57.536Z', 2) }}", expected: new Date('2016-12-08T15:55:59.536Z') },
  addMinutes: { template: "{{ addMinutes('2016-12-08T15:55:57.536Z', -2) }}", expected: new Date('2016-12-08T15:53:57.536Z') },
  addHours: { template: "{{ addHours('2016-12-08T15:55:57.536Z', 2) }}", expected: new Date('2016-12-08T17:55:57.536Z') },
  addDays: { template: "{{ addDays('2016-12-08T15:55:57.536Z', 2) }}", expected: new Date('2016-12-10T15:55:57.536Z') },
  addMonths: { template: "{{ addMonths('2016-08-08T15:55:57.536Z', 2) }}", expected: new Date('2016-10-08T15:55:57.536Z') },
  addYears: { template: "{{ addYears('2016-08-08T15:55:57.536Z', 2) }}", expected: new Date('2018-08-08T15:55:57.536Z') },
  setSecond: { template: "{{ setSecond('2015-10-07T11:36:39.138Z', 10) }}", expected: new Date('2015-10-07T11:36:10.138Z') },
  setMinute: { template: "{{ setMinute('2015-10-07T11:36:39.138Z', 10) }}", expected: new Date('2015-10-07T11:10:39.138Z') },
  setHour: { template: "{{ setHour('2015-10-07T11:36:39.138Z', 6) }}", expected: new Date('2015-10-07T06:36:39.138Z') },
  setDate: { template: "{{ setDate('2015-10-07T11:36:39.138Z', 10) }}", expected: new Date('2015-10-10T11:36:39.138Z') },
  setDay: { template: "{{ setDay('2018-06-27T11:36:39.138Z', 'Monday') }}", expected: new Date('2018-06-25T11:36:39.138Z') },
  setMonth: { template: "{{ setMonth('2015-08-07T11:36:39.138Z', 2) }}", expected: new Date('2015-02-07T11:36:39.138Z') },
  setYear: { template: "{{ setYear('2015-08-07T11:36:39.138Z', 2017) }}", expected: new Date('2017-08-07T11:36:39.138Z') },
  add: { template: '{{ add(numbers, 9, 2) }}', expected: [3, 1, 4, 1, 5, 9, 2] },
  remove: { template: '{{ remove(numbers, 1) }}', expected: [3, 4, 5] },
  map: { template: "{{ map(items, 'name') }}", expected: ['c', 'a', 'b'] },
  sort: { template: '{{ sort(numbers) }}', expected: [1, 1, 3, 4, 5] },
  reverse: { template: '{{ reverse(numbers) }}', expected: [5, 1, 4, 1, 3] },
  shuffle: { template: '{{ sort(shuffle(numbers)) }}', expected: [1, 1, 3, 4, 5] },
  slice: { template: '{{ slice(numbers, 1, 3) }}', expected: [1, 4] },
  merge: { template: '{{ merge(numbers, split("7,8", ",")) }}', expected: [3, 1, 4, 1, 5, '7', '8'] },
  flatten: { template: '{{ flatten(map(pairs, "k")) }}', expected: ['a', 'b'] },
  distinct: { template: '{{ distinct(numbers) }}', expected: [3, 1, 4, 5] },
  deduplicate: { template: '{{ deduplicate(numbers) }}', expected: [3, 1, 4, 5] },
  keys: { template: '{{ keys(user) }}', expected: ['name', 'age', 'city'] },
  toCollection: { template: "{{ toCollection(pairs, 'k', 'v') }}", expected: { a: 1, b: 2 } },
  toArray: { template: "{{ toArray(pick(user, 'name')) }}", expected: [{ key: 'name', value: 'Ann' }] },
  first: { template: '{{ first(numbers) }}', expected: 3 },
  last: { template: '{{ last(numbers) }}', expected: 5 },
  parseJSON: { template: '{{ parseJSON(\'{"a":[1,2]}\') }}', expected: { a: [1, 2] } },
  createJSON: { template: '{{ createJSON(user) }}', expected: '{"name":"Ann","age":30,"city":"Brno"}' },
  isArray: { template: '{{ isArray(numbers) }}', expected: true },
};

describe('built-in examples', () => {
  it('cover every built-in function', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...BUILTIN_FUNCTIONS.keys()].sort());
  });

  it.each(Object.entries(EXAMPLES))('%s', (_name, { template, expected }) => {
    expect(ev(template, context)).toEqual(expected);
  });
});
