import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { isPlainObject, quoteValue, showValue } from '../../lib/values';

describe('isPlainObject', () => {
  it('is true of key-value objects, from this realm or another', () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject({ a: 1 })).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
    expect(isPlainObject(JSON.parse('{"__proto__": 1}'))).toBe(true);
    expect(isPlainObject(vm.runInNewContext('({ a: 1 })'))).toBe(true);
  });

  it('is false of null, arrays, dates, buffers and other values', () => {
    for (const value of [null, undefined, [], [1], new Date(0), Buffer.from('x'), new Map(), 'text', 1, true, () => 1]) {
      expect(isPlainObject(value)).toBe(false);
    }
    expect(isPlainObject(vm.runInNewContext('[1]'))).toBe(false);
  });
});

describe('showValue', () => {
  it('shows JSON, text between double quotes', () => {
    expect(showValue('oui')).toBe('"oui"');
    expect(showValue({ a: [1, null] })).toBe('{"a":[1,null]}');
    expect(showValue(undefined)).toBe('undefined');
    expect(showValue(null)).toBe('null');
  });

  it('shows numbers JSON cannot, as JavaScript writes them', () => {
    expect(showValue(Number.NaN)).toBe('NaN');
    expect(showValue(-Infinity)).toBe('-Infinity');
    expect(showValue(10n)).toBe('10');
  });

  it('shortens long values to the length asked', () => {
    expect(showValue('x'.repeat(100))).toHaveLength(80);
    expect(showValue('x'.repeat(100), 10)).toBe('"xxxxxx...');
  });

  it('names what JSON cannot show by its kind, and never throws', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(showValue(deep)).toBe('[object Array]');
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(showValue(cycle)).toBe('[object Object]');
    expect(showValue(Symbol('s'))).toBe('[object Symbol]');
  });
});

describe('quoteValue', () => {
  it('puts text between single quotes, cut inside them', () => {
    expect(quoteValue('klingon')).toBe("'klingon'");
    expect(quoteValue('abcdefghij', 5)).toBe("'abcd…'");
  });

  it('shows anything else as showValue does', () => {
    expect(quoteValue(42)).toBe('42');
    expect(quoteValue([1, 2])).toBe('[1,2]');
    expect(quoteValue(undefined)).toBe('undefined');
  });
});
