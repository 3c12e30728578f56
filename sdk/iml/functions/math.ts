// Math functions. Aggregates take an array or several values and skip what is not a number.
import { decimalRound, toNumber } from '../values';
import { quoteValue } from '../../../lib/values';
import { argInteger, argText, BuiltinTable, builtin } from './types';

function numberArg(value: unknown, what: string): number {
  const n = toNumber(value);
  if (Number.isNaN(n)) throw new Error(`${what} must be a number, got ${quoteValue(value)}`);
  return n;
}

/** [INF] Numeric text counts as a number; other values are skipped (the package "filters non-numbers"). */
function numbers(args: unknown[]): number[] {
  const out: number[] = [];
  for (const value of args.flat(Infinity)) {
    if (typeof value === 'number' && !Number.isNaN(value)) out.push(value);
    else if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) out.push(Number(value));
  }
  return out;
}

const sum = (values: number[]): number => decimalRound(values.reduce((a, b) => a + b, 0));

function average(values: number[]): number | undefined {
  return values.length === 0 ? undefined : decimalRound(values.reduce((a, b) => a + b, 0) / values.length);
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : decimalRound((sorted[middle - 1] + sorted[middle]) / 2);
}

function stdev(values: number[], sample: boolean): number | undefined {
  const count = values.length - (sample ? 1 : 0);
  if (count <= 0) return undefined;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const squares = values.reduce((acc, v) => acc + (v - mean) ** 2, 0);
  return decimalRound(Math.sqrt(squares / count));
}

/** `trunc(n, [decimals])`: negative decimals zero out digits left of the point. */
function trunc(n: number, decimals: number): number {
  const factor = 10 ** decimals;
  return decimalRound(Math.trunc(decimalRound(n * factor)) / factor);
}

/**
 * `parseNumber(text, [decimalSeparator])`: every character other than digits, the sign and the decimal
 * separator is dropped ('1 756,456' with ',' gives 1756.456). Text with no digits is an error.
 */
function parseNumber(value: unknown, separator: unknown): number {
  if (typeof value === 'number') return value;
  const decimal = separator === undefined || separator === null || separator === '' ? '.' : argText(separator);
  if (decimal !== '.' && decimal !== ',') throw new Error(`decimal separator must be '.' or ',', got ${quoteValue(separator)}`);
  const text = argText(value).trim();
  const negative = /^[-−(]/.test(text);
  const kept = text.split(decimal).map((piece) => piece.replace(/\D/g, ''));
  if (kept.join('') === '') throw new Error(`cannot parse ${quoteValue(value)} as a number`);
  const [whole, ...fraction] = kept;
  const n = Number(`${whole || '0'}.${fraction.join('') || '0'}`);
  return negative ? -n : n;
}

/** `formatNumber(n, decimals, [decimalSeparator=','], [thousandsSeparator='.'])`, Make's defaults. */
function formatNumber(n: number, decimals: number, decimalSeparator: unknown, thousandsSeparator: unknown): string {
  const decimalSep = decimalSeparator === undefined || decimalSeparator === null ? ',' : argText(decimalSeparator);
  const thousandsSep = thousandsSeparator === undefined || thousandsSeparator === null ? '.' : argText(thousandsSeparator);
  const places = Math.max(0, Math.min(100, decimals));
  const fixed = Math.abs(n).toFixed(places);
  const [whole, fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, thousandsSep);
  const sign = n < 0 && Number(fixed) !== 0 ? '-' : '';
  return sign + grouped + (fraction ? decimalSep + fraction : '');
}

const unary = (fn: (n: number) => number) => builtin(1, 1, (_ctx, [value]) => fn(numberArg(value, 'the argument')));

export const MATH_FUNCTIONS: BuiltinTable = {
  round: unary(Math.round),
  floor: unary(Math.floor),
  ceil: unary(Math.ceil),
  abs: unary(Math.abs),
  trunc: builtin(1, 2, (_ctx, [value, decimals]) =>
    trunc(numberArg(value, 'the number'), decimals === undefined ? 0 : argInteger(decimals, 'decimals')),
  ),
  min: builtin(1, Infinity, (_ctx, args) => {
    const values = numbers(args);
    return values.length === 0 ? undefined : values.reduce((a, b) => Math.min(a, b));
  }),
  max: builtin(1, Infinity, (_ctx, args) => {
    const values = numbers(args);
    return values.length === 0 ? undefined : values.reduce((a, b) => Math.max(a, b));
  }),
  sum: builtin(1, Infinity, (_ctx, args) => sum(numbers(args))),
  average: builtin(1, Infinity, (_ctx, args) => average(numbers(args))),
  median: builtin(1, Infinity, (_ctx, args) => median(numbers(args))),
  stdevS: builtin(1, Infinity, (_ctx, args) => stdev(numbers(args), true)),
  stdevP: builtin(1, Infinity, (_ctx, args) => stdev(numbers(args), false)),
  parseNumber: builtin(1, 2, (_ctx, [value, separator]) => parseNumber(value, separator)),
  formatNumber: builtin(2, 4, (_ctx, [value, decimals, decimalSeparator, thousandsSeparator]) =>
    formatNumber(numberArg(value, 'the number'), argInteger(decimals, 'decimals'), decimalSeparator, thousandsSeparator),
  ),
};
