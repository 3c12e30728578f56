// A filter's operators, as a blueprint names them (`o`), and how each compares its two operands once they are
// evaluated. A filter is an OR of AND groups (blueprint.ts). Only these operators are known: a blueprint with
// another one is refused before anything runs, never guessed.
import { toInstant } from '../iml/dates/coerce';
import { interpolate } from '../iml/values';
import type { BlueprintFilter } from './blueprint';

type Compare = (a: unknown, b: unknown, timezone: string) => boolean;

/** Empty as a filter reads it: no value, or empty text. UNVERIFIED: whether Make counts `""` as existing. */
function exists(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

const text = (value: unknown): string => interpolate(value);

/** A number, or undefined when the operand is not one (the condition is then false). */
function number(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

function numeric(test: (a: number, b: number) => boolean): Compare {
  return (a, b) => {
    const left = number(a);
    const right = number(b);
    return left !== undefined && right !== undefined && test(left, right);
  };
}

/** An instant, or undefined when the operand is not a date (the condition is then false). */
function instant(value: unknown, timezone: string): number | undefined {
  try {
    return toInstant(value, timezone);
  } catch {
    return undefined;
  }
}

function dated(test: (a: number, b: number) => boolean): Compare {
  return (a, b, timezone) => {
    const left = instant(a, timezone);
    const right = instant(b, timezone);
    return left !== undefined && right !== undefined && test(left, right);
  };
}

function truth(value: unknown): boolean {
  if (typeof value === 'string') return value !== '' && value.toLowerCase() !== 'false';
  return Boolean(value);
}

/** A regular expression written as `/source/flags` or as its source alone. */
function pattern(source: string, ignoreCase: boolean): RegExp {
  const literal = /^\/(.*)\/([a-z]*)$/s.exec(source);
  const flags = (literal ? literal[2] : '') + (ignoreCase && !(literal?.[2] ?? '').includes('i') ? 'i' : '');
  return new RegExp(literal ? literal[1] : source, flags.replace(/g/g, ''));
}

const TEXT: Record<string, (a: string, b: string) => boolean> = {
  equal: (a, b) => a === b,
  notequal: (a, b) => a !== b,
  contain: (a, b) => a.includes(b),
  notcontain: (a, b) => !a.includes(b),
  startwith: (a, b) => a.startsWith(b),
  endwith: (a, b) => a.endsWith(b),
};

const ORDER: Record<string, (a: number, b: number) => boolean> = {
  equal: (a, b) => a === b,
  notequal: (a, b) => a !== b,
  less: (a, b) => a < b,
  greater: (a, b) => a > b,
  lessorequal: (a, b) => a <= b,
  greaterorequal: (a, b) => a >= b,
};

function buildOperators(): Map<string, { unary: boolean; compare: Compare }> {
  const operators = new Map<string, { unary: boolean; compare: Compare }>();
  operators.set('exist', { unary: true, compare: (a) => exists(a) });
  operators.set('notexist', { unary: true, compare: (a) => !exists(a) });
  for (const [name, test] of Object.entries(TEXT)) {
    operators.set(`text:${name}`, { unary: false, compare: (a, b) => test(text(a), text(b)) });
    operators.set(`text:${name}:ci`, { unary: false, compare: (a, b) => test(text(a).toLowerCase(), text(b).toLowerCase()) });
  }
  operators.set('text:pattern', { unary: false, compare: (a, b) => pattern(text(b), false).test(text(a)) });
  operators.set('text:pattern:ci', { unary: false, compare: (a, b) => pattern(text(b), true).test(text(a)) });
  for (const [name, test] of Object.entries(ORDER)) {
    operators.set(`number:${name}`, { unary: false, compare: numeric(test) });
    // The date operators: `date:less` and `date:greater` as Make's notes name them, the others by the same names
    // as the number operators.
    operators.set(`date:${name}`, { unary: false, compare: dated(test) });
  }
  operators.set('boolean:equal', { unary: false, compare: (a, b) => truth(a) === truth(b) });
  operators.set('array:contain', {
    unary: false,
    compare: (a, b) => Array.isArray(a) && a.some((item) => item === b || text(item) === text(b)),
  });
  return operators;
}

export const FILTER_OPERATORS: ReadonlyMap<string, { unary: boolean; compare: Compare }> = buildOperators();

export function isKnownOperator(operator: unknown): boolean {
  return typeof operator === 'string' && FILTER_OPERATORS.has(operator);
}

/**
 * Whether a filter lets a bundle through, its operands evaluated by `evaluate` (scenario IML against the bundles
 * in scope). The operators are checked before a run starts; an unknown one here is a bug of the caller.
 */
export function filterPasses(filter: BlueprintFilter, evaluate: (operand: string) => unknown, timezone = 'UTC'): boolean {
  // No condition: nothing to stop a bundle. UNVERIFIED: how Make reads a filter saved without conditions.
  if (filter.conditions.length === 0) return true;
  return filter.conditions.some((group) =>
    group.every((condition) => {
      const operator = FILTER_OPERATORS.get(condition.o);
      if (!operator) throw new Error(`unknown filter operator '${condition.o}'`);
      const a = evaluate(condition.a);
      const b = operator.unary || condition.b === undefined ? undefined : evaluate(condition.b);
      return operator.compare(a, b, timezone);
    }),
  );
}
