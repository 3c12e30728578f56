import { describe, expect, it } from 'vitest';
import { ev } from './helpers';

describe('rounding', () => {
  it('rounds, floors and ceils', () => {
    expect(ev('{{ round(1.4) }} {{ round(1.5) }} {{ floor(-1.1) }} {{ ceil(-1.9) }}')).toBe('1 2 -2 -1');
  });

  it('truncates to decimals, negative decimals zeroing digits', () => {
    expect(ev('{{ trunc(123.456, 2) }}')).toBe(123.45);
    expect(ev('{{ trunc(123, -2) }}')).toBe(100);
    expect(ev('{{ trunc(1.005, 2) }}')).toBe(1);
  });

  it('accepts numeric text', () => {
    expect(ev("{{ abs('-3.5') }}")).toBe(3.5);
    expect(() => ev("{{ abs('x') }}")).toThrow("function 'abs' failed: the argument must be a number, got 'x'");
  });
});

describe('aggregates', () => {
  it('take arrays or separate values and skip what is not a number', () => {
    expect(ev("{{ sum(1, '2', 'x', nothing, list) }}", { list: [3, [4]] })).toBe(10);
    expect(ev('{{ min(list) }}', { list: [5, -2, 'a'] })).toBe(-2);
    expect(ev('{{ max(list) }}', { list: [5, -2, 'a'] })).toBe(5);
  });

  it('give nothing for no numbers (sum gives 0)', () => {
    expect(ev('{{ average(emptyarray) }}')).toBeUndefined();
    expect(ev('{{ max(emptyarray) }}')).toBeUndefined();
    expect(ev('{{ median(emptyarray) }}')).toBeNull();
    expect(ev('{{ sum(emptyarray) }}')).toBe(0);
    expect(ev('{{ stdevS(5) }}')).toBeUndefined();
  });

  it('finds the median of odd and even counts (Make help examples)', () => {
    expect(ev('{{ median(3, 5, 7) }}')).toBe(5);
    expect(ev('{{ median(2, 3, 5, 8) }}')).toBe(4);
  });

  it('averages without binary noise', () => {
    expect(ev('{{ average(0.1, 0.2) }}')).toBe(0.15);
    expect(ev('{{ sum(0.1, 0.2) }}')).toBe(0.3);
  });
});

describe('parseNumber', () => {
  it('reads a decimal point by default and drops grouping characters', () => {
    expect(ev("{{ parseNumber('1,234.56') }}")).toBe(1234.56);
    expect(ev("{{ parseNumber('$ 99') }}")).toBe(99);
    expect(ev("{{ parseNumber('-12.5') }}")).toBe(-12.5);
  });

  it('reads a decimal comma when told', () => {
    expect(ev("{{ parseNumber('1.234,5', ',') }}")).toBe(1234.5);
  });

  it('refuses text without digits and unknown separators', () => {
    expect(() => ev("{{ parseNumber('abc') }}")).toThrow("function 'parseNumber' failed: cannot parse 'abc' as a number");
    expect(() => ev("{{ parseNumber('1;5', ';') }}")).toThrow("decimal separator must be '.' or ','");
  });
});

describe('formatNumber', () => {
  it("uses ',' for decimals and '.' for thousands by default, as Make does", () => {
    expect(ev('{{ formatNumber(1234567.891, 2) }}')).toBe('1.234.567,89');
  });

  it('takes other separators and no decimals', () => {
    expect(ev("{{ formatNumber(1234.5, 2, '.', ',') }}")).toBe('1,234.50');
    expect(ev("{{ formatNumber(1234.5, 0, '.', ' ') }}")).toBe('1 235');
    expect(ev('{{ formatNumber(-1234.5, 1) }}')).toBe('-1.234,5');
    expect(ev('{{ formatNumber(-0.001, 2) }}')).toBe('0,00');
  });
});
