import { describe, expect, it } from 'vitest';
import { ERASE } from '../../sdk/iml';
import { ev } from './helpers';

describe('if', () => {
  it('evaluates only the branch it returns', () => {
    expect(ev("{{ if(true, 'yes', parseDate('bad', 'YYYY')) }}")).toBe('yes');
    expect(ev("{{ if(0, parseDate('bad', 'YYYY'), 'no') }}")).toBe('no');
  });

  it('gives undefined without an else branch', () => {
    expect(ev("{{ if(false, 'yes') }}")).toBeUndefined();
  });

  it('keeps the type of the chosen value, erase included', () => {
    expect(ev('{{ if(flag, list, 0) }}', { flag: 'x', list: [1] })).toEqual([1]);
    expect(ev('{{ if(true, erase, 1) }}')).toBe(ERASE);
  });
});

describe('ifempty', () => {
  it('replaces undefined, null, empty text and erase, but not 0, false or []', () => {
    expect(ev("{{ ifempty(nothing, 'b') }}")).toBe('b');
    expect(ev("{{ ifempty(null, 'b') }}")).toBe('b');
    expect(ev("{{ ifempty('', 'b') }}")).toBe('b');
    expect(ev("{{ ifempty(erase, 'b') }}")).toBe('b');
    expect(ev("{{ ifempty(0, 'b') }}")).toBe(0);
    expect(ev("{{ ifempty(false, 'b') }}")).toBe(false);
    expect(ev("{{ ifempty(emptyarray, 'b') }}")).toEqual([]);
  });

  it('does not evaluate the fallback when not needed', () => {
    expect(ev("{{ ifempty('a', parseDate('bad', 'YYYY')) }}")).toBe('a');
  });
});

describe('switch', () => {
  it('returns the result paired with the first matching value', () => {
    expect(ev("{{ switch(v, 'a', 1, 'b', 2) }}", { v: 'b' })).toBe(2);
  });

  it('falls back to the else value, or undefined without one', () => {
    expect(ev("{{ switch(v, 'a', 1, 'other') }}", { v: 'z' })).toBe('other');
    expect(ev("{{ switch(v, 'a', 1) }}", { v: 'z' })).toBeUndefined();
  });

  it('matches numbers to their text', () => {
    expect(ev("{{ switch(v, '1', 'one', '2', 'two') }}", { v: 2 })).toBe('two');
  });

  it('evaluates only the result it returns', () => {
    expect(ev("{{ switch(1, 1, 'ok', 2, parseDate('bad', 'YYYY')) }}")).toBe('ok');
  });
});

describe('get', () => {
  const context = { data: { list: [{ a: { b: 'deep' } }, { a: { b: 'second' } }], 'odd key': 1 } };

  it('follows dot paths with 1-based array positions', () => {
    expect(ev("{{ get(data, 'list.2.a.b') }}", context)).toBe('second');
    expect(ev("{{ get(data, 'list[1].a.b') }}", context)).toBe('deep');
    expect(ev("{{ get(data, 'list[].a.b') }}", context)).toBe('deep');
    expect(ev("{{ get(data.list, -1 ) }}", context)).toEqual({ a: { b: 'second' } });
  });

  it('reads keys computed at run time, spaces included', () => {
    expect(ev('{{ get(data, key) }}', { ...context, key: 'odd key' })).toBe(1);
  });

  it('gives undefined for missing paths', () => {
    expect(ev("{{ get(data, 'list.9.a') }}", context)).toBeUndefined();
    expect(ev("{{ get(nothing, 'a') }}")).toBeUndefined();
  });
});

describe('pick and omit', () => {
  const context = { user: { id: 1, name: 'Ann', secret: 'x' } };

  it('keep or drop the named keys, given one by one or as an array', () => {
    expect(ev("{{ pick(user, 'id', 'missing') }}", context)).toEqual({ id: 1 });
    expect(ev("{{ omit(user, split('secret,id', ',')) }}", context)).toEqual({ name: 'Ann' });
  });

  it('give undefined for something that is not a collection', () => {
    expect(ev("{{ pick('text', 'a') }}")).toBeUndefined();
  });
});

describe('runtime extras', () => {
  it('parses and creates JSON', () => {
    expect(ev("{{ parseJSON('[1,{\"a\":null}]') }}")).toEqual([1, { a: null }]);
    expect(ev('{{ parseJSON(nothing) }}')).toBeUndefined();
    expect(ev('{{ createJSON(obj) }}', { obj: { when: new Date('2020-01-01T00:00:00Z'), gone: undefined } })).toBe(
      '{"when":"2020-01-01T00:00:00.000Z"}',
    );
    expect(ev('{{ createJSON(erase) }}')).toBe('null');
  });

  it('tells arrays apart', () => {
    expect(ev("{{ isArray('a') }}")).toBe(false);
    expect(ev('{{ isArray(emptyarray) }}')).toBe(true);
  });
});
