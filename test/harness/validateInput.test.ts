import { describe, expect, it } from 'vitest';
import type { Parameter } from '../../sdk/types';
import { BundleValidationError } from '../../sdk/harness/errors';
import { EMPTY_STRING_MARKER, validateInput } from '../../sdk/harness/validateInput';
import { ERASE, evaluateTemplate } from '../../sdk/iml';

/** The single failure validateInput throws for `input`. */
function failure(specs: Parameter[], input: Record<string, unknown>, timezone?: string): { path: string; detail: string } {
  try {
    validateInput(specs, input, { timezone });
  } catch (error) {
    expect(error).toBeInstanceOf(BundleValidationError);
    const e = error as BundleValidationError;
    return { path: e.path, detail: e.detail };
  }
  throw new Error('expected a BundleValidationError');
}

const one = (spec: Omit<Parameter, 'name'>): Parameter[] => [{ name: 'v', ...spec } as Parameter];

describe('required', () => {
  const specs: Parameter[] = [{ name: 'nom', type: 'text', required: true }];

  it.each([
    ['missing', {}],
    ['undefined', { nom: undefined }],
    ['null', { nom: null }],
    ['empty text', { nom: '' }],
  ])('%s value → "Field is mandatory."', (_label, input) => {
    expect(failure(specs, input)).toEqual({ path: 'nom', detail: 'Field is mandatory.' });
  });

  it('carries Make error type and a one-line message', () => {
    try {
      validateInput(specs, {});
      expect.unreachable();
    } catch (error) {
      const e = error as BundleValidationError;
      expect(e.type).toBe('BundleValidationError');
      expect(e.message).toBe('nom: Field is mandatory.');
      expect(e.toLine()).toBe('BundleValidationError: nom: Field is mandatory.');
    }
  });

  it('accepts a present value, including 0 and false', () => {
    expect(validateInput([{ name: 'n', type: 'number', required: true }], { n: 0 })).toEqual({ n: 0 });
    expect(validateInput([{ name: 'b', type: 'boolean', required: true }], { b: false })).toEqual({ b: false });
  });

  it('a required empty array or empty multiple select is mandatory', () => {
    expect(failure([{ name: 'tags', type: 'array', required: true }], { tags: [] })).toEqual({
      path: 'tags',
      detail: 'Field is mandatory.',
    });
    expect(
      failure([{ name: 's', type: 'select', multiple: true, required: true, options: [{ label: 'A', value: 'a' }] }], {
        s: [],
      }),
    ).toEqual({ path: 's', detail: 'Field is mandatory.' });
  });
});

describe('defaults', () => {
  it('fills a missing value, then coerces it', () => {
    const specs: Parameter[] = [
      { name: 'limit', type: 'uinteger', default: '10' },
      { name: 'mode', type: 'text', required: true, default: 'full' },
    ];
    expect(validateInput(specs, {})).toEqual({ limit: 10, mode: 'full' });
  });

  it('does not replace null or "" (a required field still fails)', () => {
    const specs: Parameter[] = [{ name: 'mode', type: 'text', required: true, default: 'full' }];
    expect(failure(specs, { mode: null })).toEqual({ path: 'mode', detail: 'Field is mandatory.' });
    expect(failure(specs, { mode: '' })).toEqual({ path: 'mode', detail: 'Field is mandatory.' });
    expect(validateInput([{ name: 'mode', type: 'text', default: 'full' }], { mode: '' })).toEqual({});
  });

  it('applies inside collections and array items', () => {
    const specs: Parameter[] = [
      { name: 'c', type: 'collection', spec: [{ name: 'page', type: 'number', default: 1 }] },
      { name: 'rows', type: 'array', spec: [{ name: 'qty', type: 'integer', default: 1 }] },
    ];
    expect(validateInput(specs, { c: {}, rows: [{}, { qty: '4' }] })).toEqual({
      c: { page: 1 },
      rows: [{ qty: 1 }, { qty: 4 }],
    });
  });
});

describe('text coercion', () => {
  it.each([
    ['text', 'abc', 'abc'],
    ['number', 42, '42'],
    ['decimal', 1.5, '1.5'],
    ['boolean true', true, 'true'],
    ['boolean false', false, 'false'],
    ['date', new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)), '2024-01-02T03:04:05.006Z'],
    ['array of primitives', ['a', 1, true], 'a, 1, true'],
  ])('%s → text', (_label, value, expected) => {
    expect(validateInput(one({ type: 'text' }), { v: value })).toEqual({ v: expected });
  });

  it('a collection is an error', () => {
    expect(failure(one({ type: 'text' }), { v: { a: 1 } })).toEqual({
      path: 'v',
      detail: "Expected type 'string', got type 'object'.",
    });
  });

  it('an array holding collections is an error', () => {
    expect(failure(one({ type: 'text' }), { v: [{ a: 1 }] })).toEqual({
      path: 'v',
      detail: "Expected type 'string', got type 'array'.",
    });
  });

  it('password, url and other text types coerce the same way', () => {
    const specs: Parameter[] = [
      { name: 'p', type: 'password' },
      { name: 'u', type: 'url' },
      { name: 't', type: 'time' },
    ];
    expect(validateInput(specs, { p: 1234, u: 'not a url', t: '14:03:52' })).toEqual({
      p: '1234',
      u: 'not a url',
      t: '14:03:52',
    });
  });

  it('hidden holds text: a non-text value is converted', () => {
    const specs: Parameter[] = [
      { name: 'h1', type: 'hidden' },
      { name: 'h2', type: 'hidden', default: { a: 1 } },
    ];
    expect(validateInput(specs, { h1: 5 })).toEqual({ h1: '5', h2: '{"a":1}' });
  });
});

describe('email', () => {
  it('accepts one address', () => {
    expect(validateInput(one({ type: 'email' }), { v: 'ana.diaz@campus.example.org' })).toEqual({
      v: 'ana.diaz@campus.example.org',
    });
  });

  it.each(['ana', 'a@x.com;b@x.com', 'a b@x.com', 'a@x', 'Ana <a@x.com>'])('rejects %j', (value) => {
    expect(failure(one({ type: 'email' }), { v: value })).toEqual({ path: 'v', detail: 'Invalid email address.' });
  });
});

describe('number coercion', () => {
  it.each([
    ['number', 3.25, 3.25],
    ['numeric text', '42', 42],
    ['text with spaces', ' 3.5 ', 3.5],
    ['negative text', '-7', -7],
    ['exponent', '1e3', 1000],
  ])('%s → number', (_label, value, expected) => {
    expect(validateInput(one({ type: 'number' }), { v: value })).toEqual({ v: expected });
  });

  it.each([
    ['text', 'abc', "Expected type 'number', got type 'string'."],
    ['comma decimal', '3,5', "Expected type 'number', got type 'string'."],
    ['boolean', true, "Expected type 'number', got type 'boolean'."],
    ['collection', { n: 1 }, "Expected type 'number', got type 'object'."],
    ['array', [1], "Expected type 'number', got type 'array'."],
    ['NaN', Number.NaN, 'Invalid number.'],
  ])('%s fails', (_label, value, detail) => {
    expect(failure(one({ type: 'number' }), { v: value })).toEqual({ path: 'v', detail });
  });

  it('integer rejects a fraction', () => {
    expect(validateInput(one({ type: 'integer' }), { v: '-12' })).toEqual({ v: -12 });
    expect(failure(one({ type: 'integer' }), { v: '1.5' })).toEqual({ path: 'v', detail: 'Value must be an integer.' });
  });

  it('uinteger rejects negatives', () => {
    expect(validateInput(one({ type: 'uinteger' }), { v: '7' })).toEqual({ v: 7 });
    expect(validateInput(one({ type: 'uinteger' }), { v: 0 })).toEqual({ v: 0 });
    expect(failure(one({ type: 'uinteger' }), { v: -1 })).toEqual({
      path: 'v',
      detail: 'Value is too small. Minimum value is 0.',
    });
  });

  it('port is 0 to 65535', () => {
    expect(validateInput(one({ type: 'port' }), { v: '443' })).toEqual({ v: 443 });
    expect(failure(one({ type: 'port' }), { v: 70000 })).toEqual({
      path: 'v',
      detail: 'Value is too big. Maximum value is 65535.',
    });
  });
});

describe('boolean coercion', () => {
  it.each([
    [true, true],
    [false, false],
    ['false', false],
    ['true', true],
    ['no', true],
    [0, true],
    [1, true],
    [{}, true],
  ])('%j → %j', (value, expected) => {
    expect(validateInput(one({ type: 'boolean' }), { v: value })).toEqual({ v: expected });
  });
});

describe('date coercion', () => {
  it.each([
    ['2016-06-20T17:26:44.356Z', '2016-06-20T17:26:44.356Z'],
    ['2016-06-20 19:26:44 GMT+02:00', '2016-06-20T17:26:44.000Z'],
    ['2016-06-20 19:26+0200', '2016-06-20T17:26:00.000Z'],
    ['2016-06-20 17:26:44', '2016-06-20T17:26:44.000Z'],
    ['2016-06-20', '2016-06-20T00:00:00.000Z'],
    ['2016/06/20 5:26 pm', '2016-06-20T17:26:00.000Z'],
    ['2016/06/20 19:26:44+02:00', '2016-06-20T17:26:44.000Z'],
    ['06/20/2016 17:26:44', '2016-06-20T17:26:44.000Z'],
    ['06/20/2016 12:05 am', '2016-06-20T00:05:00.000Z'],
    ['20.6.2016 17:26:44', '2016-06-20T17:26:44.000Z'],
  ])('text %j (UTC) → %j', (value, expected) => {
    expect(validateInput(one({ type: 'date' }), { v: value })).toEqual({ v: expected });
  });

  it('reads zone-less text in the given time zone, DST included', () => {
    const opts = { timezone: 'Europe/Prague' };
    expect(validateInput(one({ type: 'date' }), { v: '2016-06-20' }, opts)).toEqual({ v: '2016-06-19T22:00:00.000Z' });
    expect(validateInput(one({ type: 'date' }), { v: '2016-01-20 12:00' }, opts)).toEqual({
      v: '2016-01-20T11:00:00.000Z',
    });
    expect(validateInput(one({ type: 'date' }), { v: '2016-06-20T12:00:00Z' }, opts)).toEqual({
      v: '2016-06-20T12:00:00.000Z',
    });
  });

  it('a number is epoch milliseconds; a Date is kept', () => {
    expect(validateInput(one({ type: 'date' }), { v: 0 })).toEqual({ v: '1970-01-01T00:00:00.000Z' });
    expect(validateInput(one({ type: 'date' }), { v: 1466443604356 })).toEqual({ v: '2016-06-20T17:26:44.356Z' });
    expect(validateInput(one({ type: 'date' }), { v: new Date('2020-02-29T10:00:00Z') })).toEqual({
      v: '2020-02-29T10:00:00.000Z',
    });
  });

  it.each(['June 20, 2016', '2016-02-30', '2016-13-01', '20/06', 'tomorrow', '2016-06-20 25:00'])(
    'rejects text %j',
    (value) => {
      expect(failure(one({ type: 'date' }), { v: value })).toEqual({ path: 'v', detail: 'Invalid date.' });
    },
  );

  it('rejects other types', () => {
    expect(failure(one({ type: 'date' }), { v: true })).toEqual({
      path: 'v',
      detail: "Expected type 'string', got type 'boolean'.",
    });
    expect(failure(one({ type: 'date' }), { v: { d: 1 } })).toEqual({
      path: 'v',
      detail: "Expected type 'string', got type 'object'.",
    });
  });
});

describe('arrays', () => {
  it('wraps a value that is not an array', () => {
    expect(validateInput(one({ type: 'array' }), { v: 'x' })).toEqual({ v: ['x'] });
    expect(validateInput(one({ type: 'array', spec: { name: 'n', type: 'number' } }), { v: '5' })).toEqual({ v: [5] });
  });

  it('coerces each item against a single-parameter spec', () => {
    const specs = one({ type: 'array', spec: { name: 'n', type: 'number' } });
    expect(validateInput(specs, { v: ['1', 2, '3.5'] })).toEqual({ v: [1, 2, 3.5] });
    expect(failure(specs, { v: ['1', 'two', '3'] })).toEqual({
      path: 'v[2]',
      detail: "Expected type 'number', got type 'string'.",
    });
  });

  it('keeps an array without spec as it is', () => {
    const items = [{ a: 1 }, 'b', 3];
    const out = validateInput(one({ type: 'array' }), { v: items });
    expect(out.v).toBe(items);
  });

  it('minItems and maxItems', () => {
    const specs = one({ type: 'array', validate: { minItems: 2, maxItems: 3 } });
    expect(failure(specs, { v: ['a'] })).toEqual({ path: 'v', detail: 'Array has less than 2 items.' });
    expect(failure(specs, { v: ['a', 'b', 'c', 'd'] })).toEqual({ path: 'v', detail: 'Array has more than 3 items.' });
    expect(validateInput(specs, { v: ['a', 'b'] })).toEqual({ v: ['a', 'b'] });
  });

  it('counts a wrapped value as one item', () => {
    expect(failure(one({ type: 'array', validate: { minItems: 2 } }), { v: 'a' })).toEqual({
      path: 'v',
      detail: 'Array has less than 2 items.',
    });
  });
});

describe('collections', () => {
  const specs: Parameter[] = [
    {
      name: 'adresse',
      type: 'collection',
      spec: [
        { name: 'rue', type: 'text', required: true },
        { name: 'codePostal', type: 'text', validate: { pattern: '^[0-9]{5}$' } },
        { name: 'etage', type: 'integer' },
      ],
    },
  ];

  it('accepts only objects', () => {
    expect(failure(specs, { adresse: 'rue de la Paix' })).toEqual({
      path: 'adresse',
      detail: "Expected type 'object', got type 'string'.",
    });
    expect(failure(specs, { adresse: [{ rue: 'x' }] })).toEqual({
      path: 'adresse',
      detail: "Expected type 'object', got type 'array'.",
    });
    expect(failure(specs, { adresse: 12 })).toEqual({
      path: 'adresse',
      detail: "Expected type 'object', got type 'number'.",
    });
  });

  it('checks and coerces nested fields, keeping unknown keys', () => {
    expect(validateInput(specs, { adresse: { rue: 'Paix', etage: '3', pays: 'FR' } })).toEqual({
      adresse: { rue: 'Paix', etage: 3, pays: 'FR' },
    });
    expect(failure(specs, { adresse: { codePostal: '75002' } })).toEqual({
      path: 'adresse.rue',
      detail: 'Field is mandatory.',
    });
    expect(failure(specs, { adresse: { rue: 'Paix', codePostal: '7500' } })).toEqual({
      path: 'adresse.codePostal',
      detail: "Value doesn't match the pattern: ^[0-9]{5}$",
    });
  });

  it('an optional collection that is missing is not created', () => {
    expect(validateInput(specs, {})).toEqual({});
  });

  it('a single parameter as spec is a one-field collection', () => {
    const single = one({ type: 'collection', spec: { name: 'x', type: 'number' } });
    expect(validateInput(single, { v: { x: '2' } })).toEqual({ v: { x: 2 } });
  });
});

describe('arrays of collections: exact failing path', () => {
  const specs: Parameter[] = [
    {
      name: 'contrats',
      type: 'array',
      spec: [
        { name: 'reference', type: 'text', required: true },
        { name: 'dateDebut', type: 'date', required: true },
        {
          name: 'lignes',
          type: 'array',
          spec: [{ name: 'montant', type: 'number', required: true }],
        },
      ],
    },
  ];
  const good = (i: number) => ({ reference: `C${i}`, dateDebut: '2024-09-01' });

  it('names the item (1-based) and the field', () => {
    expect(failure(specs, { contrats: [good(1), good(2), { reference: 'C3' }] })).toEqual({
      path: 'contrats[3].dateDebut',
      detail: 'Field is mandatory.',
    });
    expect(failure(specs, { contrats: [good(1), { reference: 'C2', dateDebut: '31/31/2024' }] })).toEqual({
      path: 'contrats[2].dateDebut',
      detail: 'Invalid date.',
    });
  });

  it('goes through arrays nested in items', () => {
    expect(
      failure(specs, { contrats: [good(1), { ...good(2), lignes: [{ montant: '10' }, { montant: 'dix' }] }] }),
    ).toEqual({ path: 'contrats[2].lignes[2].montant', detail: "Expected type 'number', got type 'string'." });
  });

  it('an item that is not a collection', () => {
    expect(failure(specs, { contrats: [good(1), 'C2'] })).toEqual({
      path: 'contrats[2]',
      detail: "Expected type 'object', got type 'string'.",
    });
  });

  it('coerces every item and keeps their unknown keys', () => {
    const out = validateInput(specs, {
      contrats: [
        { reference: 7, dateDebut: '2024-09-01', statut: 'actif' },
        { reference: 'C2', dateDebut: 0, lignes: [{ montant: '12.5' }] },
      ],
    });
    expect(out).toEqual({
      contrats: [
        { reference: '7', dateDebut: '2024-09-01T00:00:00.000Z', statut: 'actif' },
        { reference: 'C2', dateDebut: '1970-01-01T00:00:00.000Z', lignes: [{ montant: 12.5 }] },
      ],
    });
  });
});

describe('selects', () => {
  const mode: Parameter = {
    name: 'mode',
    type: 'select',
    options: [
      { label: 'Full', value: 'full' },
      {
        label: 'Since a date',
        value: 'since',
        nested: [{ name: 'since', type: 'date', required: true }],
      },
      { label: 'One', value: 1 },
    ],
  };

  it('accepts one of the static options', () => {
    expect(validateInput([mode], { mode: 'full' })).toEqual({ mode: 'full' });
    expect(validateInput([mode], { mode: 1 })).toEqual({ mode: 1 });
  });

  it('rejects anything else (options are matched with ===)', () => {
    expect(failure([mode], { mode: 'partial' })).toEqual({ path: 'mode', detail: "Value 'partial' not found in options." });
    expect(failure([mode], { mode: '1' })).toEqual({ path: 'mode', detail: "Value '1' not found in options." });
  });

  it('does not check options that come from an RPC', () => {
    const rpc: Parameter = { name: 'list', type: 'select', options: 'rpc://listThings' };
    expect(validateInput([rpc], { list: 'anything' })).toEqual({ list: 'anything' });
  });

  it('validates the nested fields of the chosen option, as siblings', () => {
    expect(failure([mode], { mode: 'since' })).toEqual({ path: 'since', detail: 'Field is mandatory.' });
    expect(validateInput([mode], { mode: 'since', since: '2024-01-15' })).toEqual({
      mode: 'since',
      since: '2024-01-15T00:00:00.000Z',
    });
  });

  it('leaves the nested fields of other options alone', () => {
    expect(validateInput([mode], { mode: 'full', since: 'not a date' })).toEqual({ mode: 'full', since: 'not a date' });
  });

  it('nested paths inside a collection sit beside the select', () => {
    const specs: Parameter[] = [{ name: 'filtre', type: 'collection', spec: [mode] }];
    expect(failure(specs, { filtre: { mode: 'since', since: 'x' } })).toEqual({
      path: 'filtre.since',
      detail: 'Invalid date.',
    });
  });

  it('searches option groups', () => {
    const grouped = {
      name: 'g',
      type: 'select',
      options: [{ label: 'Fruits', options: [{ label: 'Apple', value: 'apple' }] }],
    } as unknown as Parameter;
    expect(validateInput([grouped], { g: 'apple' })).toEqual({ g: 'apple' });
    expect(failure([grouped], { g: 'pear' })).toEqual({ path: 'g', detail: "Value 'pear' not found in options." });
  });

  it('multiple: checks every value, wraps a single one, counts items', () => {
    const tags: Parameter = {
      name: 'tags',
      type: 'select',
      multiple: true,
      validate: { maxItems: 2 },
      options: [
        { label: 'A', value: 'a' },
        { label: 'B', value: 'b' },
        { label: 'C', value: 'c' },
      ],
    };
    expect(validateInput([tags], { tags: ['a', 'c'] })).toEqual({ tags: ['a', 'c'] });
    expect(validateInput([tags], { tags: 'b' })).toEqual({ tags: ['b'] });
    expect(failure([tags], { tags: ['a', 'z'] })).toEqual({ path: 'tags', detail: "Value 'z' not found in options." });
    expect(failure([tags], { tags: ['a', 'b', 'c'] })).toEqual({ path: 'tags', detail: 'Selected more than 2 items.' });
    expect(failure([{ ...tags, validate: { minItems: 2 } }], { tags: ['a'] })).toEqual({
      path: 'tags',
      detail: 'Selected less than 2 items.',
    });
  });

  it("field-level nested fields apply when the value is set", () => {
    const specs: Parameter[] = [
      { name: 'contact', type: 'email', nested: [{ name: 'nomContact', type: 'text', required: true }] },
    ];
    expect(validateInput(specs, {})).toEqual({});
    expect(failure(specs, { contact: 'a@b.fr' })).toEqual({ path: 'nomContact', detail: 'Field is mandatory.' });
  });
});

describe('boolean nested fields', () => {
  const specs: Parameter[] = [
    {
      name: 'planifier',
      type: 'boolean',
      nested: [{ name: 'heure', type: 'integer', required: true }],
    },
  ];

  it('are required when the boolean is true', () => {
    expect(failure(specs, { planifier: true })).toEqual({ path: 'heure', detail: 'Field is mandatory.' });
    expect(validateInput(specs, { planifier: 'true', heure: '8' })).toEqual({ planifier: true, heure: 8 });
  });

  it('only have their types checked when it is false', () => {
    expect(validateInput(specs, { planifier: false })).toEqual({ planifier: false });
    expect(failure(specs, { planifier: 'false', heure: 'huit' })).toEqual({
      path: 'heure',
      detail: "Expected type 'number', got type 'string'.",
    });
  });
});

describe('validate rules', () => {
  it('text pattern, min and max length, enum', () => {
    const code = one({ type: 'text', validate: { pattern: '^[A-Z]+$', min: 2, max: 4 } });
    expect(validateInput(code, { v: 'ABC' })).toEqual({ v: 'ABC' });
    expect(failure(code, { v: 'abc' })).toEqual({ path: 'v', detail: "Value doesn't match the pattern: ^[A-Z]+$" });
    expect(failure(code, { v: 'A' })).toEqual({ path: 'v', detail: 'Value must be at least 2 characters long.' });
    expect(failure(code, { v: 'ABCDE' })).toEqual({
      path: 'v',
      detail: 'Value exceeded maximum length of 4 characters.',
    });
    const level = one({ type: 'text', validate: { enum: ['L1', 'L2'] } });
    expect(failure(level, { v: 'L3' })).toEqual({ path: 'v', detail: 'Value must be one of the following: L1, L2' });
  });

  it('rules apply to the coerced text', () => {
    expect(failure(one({ type: 'text', validate: { max: 3 } }), { v: 12345 })).toEqual({
      path: 'v',
      detail: 'Value exceeded maximum length of 3 characters.',
    });
  });

  it('a pattern is not anchored unless it says so', () => {
    expect(validateInput(one({ type: 'text', validate: { pattern: '[0-9]' } }), { v: 'a1b' })).toEqual({ v: 'a1b' });
  });

  it('number min and max', () => {
    const grade = one({ type: 'number', validate: { min: 0, max: 20 } });
    expect(validateInput(grade, { v: '20' })).toEqual({ v: 20 });
    expect(failure(grade, { v: -0.5 })).toEqual({ path: 'v', detail: 'Value is too small. Minimum value is 0.' });
    expect(failure(grade, { v: '21' })).toEqual({ path: 'v', detail: 'Value is too big. Maximum value is 20.' });
  });

  it("throws the first failure: a field's rules in the validator's order, then the fields in spec order", () => {
    const specs: Parameter[] = [
      { name: 'a', type: 'text', validate: { pattern: '^x', min: 3 } },
      { name: 'b', type: 'number', required: true },
      { name: 'c', type: 'collection', spec: [{ name: 'd', type: 'uinteger' }] },
    ];
    // Each failure corrected in turn reveals the next one.
    expect(failure(specs, { a: 'y', c: { d: -2 }, e: 'kept' })).toEqual({ path: 'a', detail: "Value doesn't match the pattern: ^x" });
    expect(failure(specs, { a: 'xy', c: { d: -2 }, e: 'kept' })).toEqual({ path: 'a', detail: 'Value must be at least 3 characters long.' });
    expect(failure(specs, { a: 'xyz', c: { d: -2 }, e: 'kept' })).toEqual({ path: 'b', detail: 'Field is mandatory.' });
    expect(failure(specs, { a: 'xyz', b: 1, c: { d: -2 }, e: 'kept' })).toEqual({ path: 'c.d', detail: 'Value is too small. Minimum value is 0.' });
  });

  it('validateInput throws the first failure in spec order', () => {
    const specs: Parameter[] = [
      { name: 'first', type: 'number' },
      { name: 'second', type: 'text', required: true },
    ];
    expect(failure(specs, { first: 'x' })).toEqual({ path: 'first', detail: "Expected type 'number', got type 'string'." });
    expect(failure(specs, { first: 1 })).toEqual({ path: 'second', detail: 'Field is mandatory.' });
  });
});

describe('empty values (platform v2)', () => {
  const specs: Parameter[] = [
    { name: 'text', type: 'text' },
    { name: 'number', type: 'number' },
    { name: 'boolean', type: 'boolean' },
    { name: 'date', type: 'date' },
    { name: 'array', type: 'array' },
    { name: 'multi', type: 'select', multiple: true, options: [{ label: 'A', value: 'a' }] },
    { name: 'select', type: 'select', options: [{ label: 'A', value: 'a' }] },
    { name: 'coll', type: 'collection', spec: [{ name: 'inner', type: 'text' }, { name: 'n', type: 'number' }] },
  ];

  it('empty text, number, boolean, array and select become undefined (key removed)', () => {
    const out = validateInput(specs, {
      text: '',
      number: '',
      boolean: '',
      date: null,
      array: [],
      multi: [],
      select: '',
      keep: '',
    });
    expect(out).toEqual({ keep: '' });
    expect(Object.keys(out)).toEqual(['keep']);
  });

  it('a collection is processed recursively, not removed', () => {
    const out = validateInput(specs, { coll: { inner: '', n: null, other: '' } });
    expect(out).toEqual({ coll: { other: '' } });
    expect(Object.keys(out.coll as object)).toEqual(['other']);
  });

  it('erase: text and number → null, boolean → undefined, array and multiple select → []', () => {
    const out = validateInput(specs, {
      text: ERASE,
      number: ERASE,
      boolean: ERASE,
      date: ERASE,
      array: ERASE,
      multi: ERASE,
      coll: { inner: ERASE },
    });
    expect(out).toEqual({ text: null, number: null, date: null, array: [], multi: [], coll: { inner: null } });
    expect('boolean' in out).toBe(false);
  });

  it('erase outside the table: single select and collection → null', () => {
    expect(validateInput(specs, { select: ERASE, coll: ERASE })).toEqual({ select: null, coll: null });
  });

  it('erase inside array items follows the item type', () => {
    const list = one({ type: 'array', spec: { name: 'n', type: 'number' } });
    expect(validateInput(list, { v: [1, ERASE, '3'] })).toEqual({ v: [1, null, 3] });
  });

  it('erases what an IML template says to erase', () => {
    const erase = evaluateTemplate('{{erase}}', {});
    const specs: Parameter[] = [
      { name: 't', type: 'text' },
      { name: 'v', type: 'array', spec: { name: 'n', type: 'number' } },
    ];
    expect(validateInput(specs, { t: erase, v: erase })).toEqual({ t: null, v: [] });
  });

  it('erase on a required field is mandatory', () => {
    expect(failure([{ name: 't', type: 'text', required: true }], { t: ERASE })).toEqual({
      path: 't',
      detail: 'Field is mandatory.',
    });
  });

  it('a text forced to "" through IML stays ""', () => {
    expect(validateInput(specs, { text: EMPTY_STRING_MARKER, number: EMPTY_STRING_MARKER })).toEqual({ text: '' });
  });
});

describe('unknown keys and input', () => {
  it('keeps unknown keys untouched and does not mutate the input', () => {
    const extra = { deep: [1, { x: '' }] };
    const input = { known: 5, extra, blank: '', nul: null };
    const snapshot = structuredClone(input);
    const out = validateInput([{ name: 'known', type: 'text' }], input);
    expect(out).toEqual({ known: '5', extra, blank: '', nul: null });
    expect(out.extra).toBe(extra);
    expect(input).toEqual(snapshot);
  });

  it('returns the same objects when nothing changes', () => {
    const row = { a: 'x' };
    const input = { rows: [row], c: { b: 'y' } };
    const out = validateInput(
      [
        { name: 'rows', type: 'array', spec: [{ name: 'a', type: 'text' }] },
        { name: 'c', type: 'collection', spec: [{ name: 'b', type: 'text' }] },
      ],
      input,
    );
    expect(out).toBe(input);
  });

  it('a type Make does not know is not checked', () => {
    const specs = [{ name: 'x', type: '{{parameters.kind}}' }, { name: 'y', type: 'constructor' }];
    expect(validateInput(specs as unknown as Parameter[], { x: { a: 1 }, y: [1] })).toEqual({ x: { a: 1 }, y: [1] });
  });

  it('skips banners and rpc:// entries in a parameter list', () => {
    const specs = [{ name: 'b', type: 'banner' }, 'rpc://moreFields', { name: 't', type: 'text', required: true }];
    expect(failure(specs as unknown as Parameter[], {})).toEqual({ path: 't', detail: 'Field is mandatory.' });
  });
});

describe('a large bundle', () => {
  // Its time is measured by `npm run bench`, never asserted here.
  it('validates 50,000 collections of 32 text fields, coercing and dropping empties, leaving untouched items as they are', () => {
    const fields: Parameter[] = Array.from({ length: 32 }, (_, i) => ({
      name: `f${i}`,
      type: 'text' as const,
      required: i % 4 === 0,
      ...(i % 8 === 1 ? { validate: { max: 40 } } : {}),
    }));
    const specs: Parameter[] = [{ name: 'items', type: 'array', spec: fields }];
    const items = JSON.parse(
      JSON.stringify(
        Array.from({ length: 50_000 }, (_, n) => {
          const item: Record<string, unknown> = {};
          for (let i = 0; i < 32; i++) item[`f${i}`] = `v${n}_${i}`;
          if (n % 10 === 0) item.f3 = ''; // some empty values to drop
          if (n % 7 === 0) item.f5 = n; // some numbers to coerce
          return item;
        }),
      ),
    ) as Record<string, unknown>[];

    const out = validateInput(specs, { items }) as { items: Record<string, unknown>[] };

    expect(out.items).toHaveLength(50_000);
    expect(out.items[0]!.f5).toBe('0');
    expect('f3' in out.items[0]!).toBe(false);
    expect(out.items[1]).toBe(items[1]);
  });
});
