import { describe, expect, it } from 'vitest';
import { ev } from './helpers';

const people = [
  { name: 'bob', age: 30, team: { id: 'b' } },
  { name: 'Alice', age: 25, team: { id: 'a' } },
  { name: 'carol', team: { id: 'a' } },
  { name: 'Dave', age: 41, team: { id: 'c' } },
];

describe('adding and removing', () => {
  it('returns new arrays and leaves the input alone', () => {
    const context = { list: [1, 2] };
    expect(ev('{{ add(list, 3) }}', context)).toEqual([1, 2, 3]);
    expect(context.list).toEqual([1, 2]);
  });

  it('removes every occurrence of each value', () => {
    expect(ev("{{ remove(list, 'a', 'c') }}", { list: ['a', 'b', 'a', 'c'] })).toEqual(['b']);
  });

  it('refuses a first argument that is not an array', () => {
    expect(() => ev("{{ add('text', 1) }}")).toThrow("function 'add' failed: the first argument must be an array, got 'text'");
  });

  it('treats a missing array as empty', () => {
    expect(ev('{{ add(nothing, 1) }}')).toEqual([1]);
  });
});

describe('map', () => {
  it('extracts a key, dot paths included', () => {
    expect(ev("{{ map(people, 'team.id') }}", { people })).toEqual(['b', 'a', 'a', 'c']);
  });

  it('filters by a key and comma-separated values', () => {
    expect(ev("{{ map(people, 'name', 'team.id', 'a,c') }}", { people })).toEqual(['Alice', 'carol', 'Dave']);
    expect(ev("{{ map(people, 'name', 'age', '30') }}", { people })).toEqual(['bob']);
  });
});

describe('sort', () => {
  it('sorts numbers numerically and text by code point', () => {
    expect(ev('{{ sort(list) }}', { list: [10, 9, 100] })).toEqual([9, 10, 100]);
    expect(ev('{{ sort(list) }}', { list: ['b', 'B', 'a'] })).toEqual(['B', 'a', 'b']);
  });

  it('sorts descending and case-insensitively', () => {
    expect(ev("{{ sort(list, 'desc') }}", { list: [1, 3, 2] })).toEqual([3, 2, 1]);
    expect(ev("{{ map(sort(people, 'asc ci', 'name'), 'name') }}", { people })).toEqual(['Alice', 'bob', 'carol', 'Dave']);
    expect(ev("{{ map(sort(people, 'desc ci', 'name'), 'name') }}", { people })).toEqual(['Dave', 'carol', 'bob', 'Alice']);
  });

  it('sorts by a key, items without it last', () => {
    expect(ev("{{ map(sort(people, 'asc', 'age'), 'name') }}", { people })).toEqual(['Alice', 'bob', 'Dave', 'carol']);
    expect(ev("{{ map(sort(people, 'desc', 'age'), 'name') }}", { people })).toEqual(['Dave', 'bob', 'Alice', 'carol']);
  });

  it('refuses an unknown order before a key', () => {
    expect(() => ev("{{ sort(list, 'random', 'name') }}", { list: [] })).toThrow("unknown order 'random'");
  });
});

// The forms of help.make.com/array-functions: sort (array; [order]; [key]), with a key alone in second place.
describe('sort, documented forms', () => {
  const contacts = [
    { name: 'bob', sender: { name: 'Zoe' } },
    { name: 'Alice', sender: { name: 'yann' } },
    { name: 'carol', sender: { name: 'Xavier' } },
  ];
  const cases: Array<[template: string, names: string[]]> = [
    ["{{ map(sort(contacts; 'name'); 'name') }}", ['Alice', 'bob', 'carol']],
    ["{{ map(sort(contacts; 'desc'; 'name'); 'name') }}", ['carol', 'bob', 'Alice']],
    ["{{ map(sort(contacts; 'asc ci'; 'name'); 'name') }}", ['Alice', 'bob', 'carol']],
    ["{{ map(sort(contacts; 'desc ci'; 'name'); 'name') }}", ['carol', 'bob', 'Alice']],
    ["{{ map(sort(contacts; 'sender.name'); 'name') }}", ['carol', 'bob', 'Alice']],
    ["{{ map(sort(contacts; 'Name'); 'name') }}", ['bob', 'Alice', 'carol']],
    ["{{ map(sort(contacts; ''; 'name'); 'name') }}", ['Alice', 'bob', 'carol']],
    ["{{ map(sort(contacts; ' DESC '; 'name'); 'name') }}", ['carol', 'bob', 'Alice']],
  ];
  it.each(cases)('%s', (template, names) => {
    expect(ev(template, { contacts })).toEqual(names);
  });

  it('still reads an order word in second place as the order', () => {
    expect(ev("{{ sort(list; 'desc') }}", { list: [1, 3, 2] })).toEqual([3, 2, 1]);
    expect(ev("{{ sort(list; 'asc ci') }}", { list: ['b', 'A', 'a'] })).toEqual(['A', 'a', 'b']);
  });

  it('sorts by a key spelled like an order only in the three-argument form', () => {
    const rows = [{ desc: 2 }, { desc: 1 }];
    expect(ev("{{ sort(rows; 'asc'; 'desc') }}", { rows })).toEqual([{ desc: 1 }, { desc: 2 }]);
  });
});

describe('reshaping', () => {
  it('slices with 0-based, negative-capable bounds', () => {
    expect(ev('{{ slice(list, -2) }}', { list: [1, 2, 3, 4] })).toEqual([3, 4]);
  });

  it('merges arrays, skipping arguments that are not arrays', () => {
    expect(ev("{{ merge(a, 'x', b) }}", { a: [1], b: [2, [3]] })).toEqual([1, 2, [3]]);
  });

  it('flattens one level by default, deeper on request', () => {
    const context = { list: [1, [2, [3, [4]]]] };
    expect(ev('{{ flatten(list) }}', context)).toEqual([1, 2, [3, [4]]]);
    expect(ev('{{ flatten(list, 2) }}', context)).toEqual([1, 2, 3, [4]]);
  });

  it('keeps the first of duplicates, comparing collections deeply', () => {
    expect(ev('{{ distinct(list) }}', { list: [{ a: 1 }, { a: 1 }, { a: 2 }] })).toEqual([{ a: 1 }, { a: 2 }]);
    expect(ev("{{ map(distinct(people, 'team.id'), 'name') }}", { people })).toEqual(['bob', 'Alice', 'Dave']);
    expect(ev('{{ deduplicate(list) }}', { list: ['a', 'b', 'a'] })).toEqual(['a', 'b']);
  });

  it('converts between collections and key/value arrays', () => {
    expect(ev('{{ toArray(obj) }}', { obj: { a: 1, b: 'x' } })).toEqual([
      { key: 'a', value: 1 },
      { key: 'b', value: 'x' },
    ]);
    expect(ev("{{ toCollection(toArray(obj), 'key', 'value') }}", { obj: { a: 1, b: 'x' } })).toEqual({ a: 1, b: 'x' });
    expect(ev('{{ keys(list) }}', { list: ['x', 'y'] })).toEqual(['0', '1']);
  });

  it('gives first and last, undefined for an empty array', () => {
    expect(ev('{{ first(emptyarray) }}')).toBeUndefined();
    expect(ev('{{ last(list) }}', { list: [1, 2] })).toBe(2);
  });

  it('shuffles into a permutation of the same items', () => {
    const list = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = ev('{{ shuffle(list) }}', { list }) as number[];
    expect([...shuffled].sort((a, b) => a - b)).toEqual(list);
    expect(list).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('reverses without touching the input', () => {
    const context = { list: [1, 2, 3] };
    expect(ev('{{ reverse(list) }}', context)).toEqual([3, 2, 1]);
    expect(context.list).toEqual([1, 2, 3]);
  });
});
