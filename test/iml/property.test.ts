// Whatever text comes in, the library fails only with ImlError (never a TypeError, RangeError…).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_FUNCTIONS,
  collectFunctionCalls,
  collectReferences,
  compileTemplate,
  evaluateDeep,
  evaluateTemplate,
  ImlError,
} from '../../sdk/iml';

const context = {
  a: 1,
  s: 'text',
  list: [1, 'two', { three: 3 }, null],
  obj: { k: 'v', nested: { n: [1, 2] }, date: new Date('2020-01-01T00:00:00Z') },
  nul: null,
  bin: Buffer.from('hi'),
  weird: Object.create(null) as object,
};

/** Runs everything the library offers on a template; returns the non-ImlError thrown, if any. */
function foreignError(template: string): unknown {
  const attempts: Array<() => unknown> = [
    () => compileTemplate(template),
    () => evaluateTemplate(template, context, { timezone: 'Europe/Prague' }),
    () => evaluateDeep({ k: [template] }, context),
    () => collectReferences(template),
    () => collectFunctionCalls(template),
  ];
  for (const attempt of attempts) {
    try {
      attempt();
    } catch (error) {
      if (!(error instanceof ImlError)) return error;
      if (typeof error.position !== 'number' || error.position < 0 || error.position > template.length) {
        return new Error(`position ${error.position} outside the template`);
      }
    }
  }
  return undefined;
}

const FUNCTION_NAMES = [...BUILTIN_FUNCTIONS.keys()];
const PIECES = [
  ...FUNCTION_NAMES,
  'a',
  's',
  'list',
  'obj',
  'nul',
  'bin',
  'weird',
  'now',
  'erase',
  'emptyarray',
  'ignore',
  '.',
  '[',
  ']',
  '[]',
  '(',
  ')',
  ',',
  ' ',
  '+',
  '-',
  '*',
  '/',
  '%',
  '=',
  '!=',
  '<',
  '>=',
  '&&',
  '||',
  '!',
  '0',
  '1',
  '-1',
  '2.5',
  "'x'",
  "'YYYY-MM-DD'",
  "'/a+/g'",
  '"DD"',
  '`k`',
  '{{',
  '}}',
  "'",
];

describe('robustness (property-based)', () => {
  it('never throws anything but ImlError for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 60 }), (text) => {
        expect(foreignError(text)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('never throws anything but ImlError for arbitrary text inside {{ }}', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        expect(foreignError(`{{${text}}}`)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('never throws anything but ImlError for expressions made of IML pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 25 }), fc.boolean(), (pieces, wrap) => {
        const body = pieces.join('');
        expect(foreignError(wrap ? `{{${body}}}` : body)).toBeUndefined();
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws anything but ImlError for well-formed calls with arbitrary arguments', () => {
    const argument = fc.oneof(
      fc.constantFrom('a', 's', 'list', 'obj', 'nul', 'bin', 'weird', 'now', 'erase', 'nothing', 'obj.date', 'list[3]'),
      fc.integer({ min: -1e6, max: 1e6 }).map(String),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => String(Math.abs(n))),
      fc.string({ maxLength: 12 }).map((t) => `'${t.replace(/['\\]/g, '')}'`),
    );
    fc.assert(
      fc.property(fc.constantFrom(...FUNCTION_NAMES), fc.array(argument, { maxLength: 5 }), (name, args) => {
        expect(foreignError(`{{ ${name}(${args.join(', ')}) }}`)).toBeUndefined();
      }),
      { numRuns: 3000 },
    );
  });

  // A regex backtracking blow-up would hang here until the test timeout; no timing is asserted.
  it('parses adversarial date formats without backtracking blow-up', () => {
    expect(() => evaluateTemplate(`{{ parseDate('${'1'.repeat(200)}x', '${'DDDD'.repeat(40)}Z') }}`, {})).toThrow(ImlError);
    expect(() => evaluateTemplate(`{{ parseDate('${'-'.repeat(200)}', '${'- '.repeat(100)}YYYY') }}`, {})).toThrow(ImlError);
  });
});
