import { describe, expect, it } from 'vitest';
import {
  CUSTOM_FUNCTION_MAX_LENGTH,
  CUSTOM_FUNCTION_TIMEOUT_MS,
  evaluateTemplate,
  ImlError,
  loadCustomFunctions,
} from '../../sdk/iml';
import { imlErrorOf } from './helpers';

const sources = [
  { name: 'localTime', code: "function localTime(d) { return iml.formatDate(d, 'HH:mm'); }" },
  { name: 'double', code: 'function double(n) { return iml.sum(n, n); }' },
  { name: 'quadruple', code: 'function quadruple(n) { return iml.double(iml.double(n)); }' },
  { name: 'zones', code: 'function zones() { return [this.timezone, environment.timezone]; }' },
  { name: 'encode', code: "function encode(text) { return Buffer.from(text, 'utf8').toString('base64'); }" },
  { name: 'fail', code: "function fail() { throw new Error('custom failure'); }" },
  { name: 'badDate', code: "function badDate() { return iml.parseDate('nope', 'YYYY'); }" },
  { name: 'tomorrow', code: 'function tomorrow(d) { return iml.addDays(d, 1); }' },
  { name: 'wrap', code: 'function wrap(items) { return { count: items.length, items: items, when: new Date(0) }; }' },
];

describe('loading and calling custom functions', () => {
  const fns = loadCustomFunctions(sources, { timezone: 'Europe/Prague' });

  it('gives a callable per source', () => {
    expect(Object.keys(fns).sort()).toEqual(sources.map((s) => s.name).sort());
    expect(fns.double(21)).toBe(42);
  });

  it('reaches built-ins as iml.<name>, working in the loading time zone', () => {
    expect(fns.localTime('2024-01-01T12:00:00Z')).toBe('13:00');
  });

  it('reaches other custom functions as iml.<name>', () => {
    expect(fns.quadruple(3)).toBe(12);
  });

  it('sets this.timezone and environment.timezone', () => {
    expect(fns.zones()).toEqual(['Europe/Prague', 'Europe/Prague']);
  });

  it('provides Buffer', () => {
    expect(fns.encode('hi')).toBe('aGk=');
  });

  it('hands back values of this realm (dates are host Dates)', () => {
    const result = fns.wrap(['a', 'b']) as { count: number; items: string[]; when: Date };
    expect(result).toEqual({ count: 2, items: ['a', 'b'], when: new Date(0) });
    expect(result.when).toBeInstanceOf(Date);
    expect(fns.tomorrow('2024-01-01T00:00:00Z')).toBeInstanceOf(Date);
  });

  it('throws the code’s own error message', () => {
    expect(() => fns.fail()).toThrow('custom failure');
    expect(() => fns.badDate()).toThrow("iml.parseDate: cannot parse 'nope' with format 'YYYY'");
  });
});

describe('custom functions in templates', () => {
  const fns = loadCustomFunctions(sources, { timezone: 'UTC' });

  it('are callable by name when passed in options', () => {
    expect(evaluateTemplate('{{ double(x) + 1 }}', { x: 4 }, { functions: fns })).toBe(9);
    expect(evaluateTemplate('{{ wrap(list).count }}', { list: [1, 2, 3] }, { functions: fns })).toBe(3);
  });

  it('are unknown without options', () => {
    expect(imlErrorOf(() => evaluateTemplate('{{ double(1) }}', {})).message).toBe("IML: unknown function 'double' at 3");
  });

  it('fail as ImlErrors naming the function', () => {
    const error = imlErrorOf(() => evaluateTemplate('x {{ fail() }}', {}, { functions: fns }));
    expect(error.message).toBe("IML: function 'fail' failed: custom failure at 5");
  });

  it('do not replace a built-in of the same name', () => {
    const shadow = loadCustomFunctions([{ name: 'lower', code: "function lower() { return 'custom'; }" }]);
    expect(evaluateTemplate("{{ lower('ABC') }}", {}, { functions: shadow })).toBe('abc');
  });

  it('get this.timezone from plain functions passed in options', () => {
    const plain = {
      zone(this: { timezone: string }) {
        return this.timezone;
      },
    };
    expect(evaluateTemplate('{{ zone() }}', {}, { functions: plain, timezone: 'Asia/Tokyo' })).toBe('Asia/Tokyo');
  });
});

describe('isolation', () => {
  const probes = loadCustomFunctions([
    { name: 'globals', code: 'function globals() { return [typeof require, typeof process, typeof module, typeof setTimeout, typeof globalThis.process]; }' },
    { name: 'viaThis', code: 'function viaThis() { return this.constructor.constructor("return typeof process")(); }' },
    { name: 'viaGlobal', code: 'function viaGlobal() { return globalThis.constructor === undefined ? "undefined" : globalThis.constructor.constructor("return typeof process")(); }' },
    { name: 'viaArgument', code: 'function viaArgument(list) { return list.constructor.constructor("return typeof process")(); }' },
    { name: 'viaBuiltin', code: 'function viaBuiltin() { return iml.split("a,b", ",").constructor.constructor("return typeof process")(); }' },
    { name: 'viaIml', code: 'function viaIml() { return iml.lower.constructor("return typeof process")(); }' },
    { name: 'setGlobal', code: 'function setGlobal() { globalThis.leak = 1; return typeof leak; }' },
  ]);

  it('has no require, process, module or timers', () => {
    expect(probes.globals()).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'undefined']);
  });

  it('does not reach the host through this, the global, arguments or built-in results', () => {
    expect(probes.viaThis()).toBe('undefined');
    expect(probes.viaGlobal()).toBe('undefined');
    expect(probes.viaArgument(['x'])).toBe('undefined');
    expect(probes.viaBuiltin()).toBe('undefined');
    expect(probes.viaIml()).toBe('undefined');
  });

  it('keeps globals of one load away from another load and from the host', () => {
    expect(probes.setGlobal()).toBe('number');
    const other = loadCustomFunctions([{ name: 'look', code: 'function look() { return typeof leak; }' }]);
    expect(other.look()).toBe('undefined');
    expect((globalThis as Record<string, unknown>).leak).toBeUndefined();
  });
});

describe('limits', () => {
  it("stops a call after the time limit (Make's is 10 s)", () => {
    expect(CUSTOM_FUNCTION_TIMEOUT_MS).toBe(10_000);
    const fns = loadCustomFunctions([{ name: 'spin', code: 'function spin() { for (;;) {} }' }], { timeoutMs: 150 });
    expect(() => fns.spin()).toThrow('timed out after 150 ms');
    expect(imlErrorOf(() => evaluateTemplate('{{ spin() }}', {}, { functions: fns })).message).toBe(
      "IML: function 'spin' failed: timed out after 150 ms at 3",
    );
  });

  it('refuses code longer than 5000 characters when loading', () => {
    expect(CUSTOM_FUNCTION_MAX_LENGTH).toBe(5000);
    const head = 'function big() { return 1; }\n';
    const tooLong = head + '/'.repeat(CUSTOM_FUNCTION_MAX_LENGTH + 1 - head.length);
    const error = imlErrorOf(() => loadCustomFunctions([{ name: 'big', code: tooLong }]));
    expect(error.message).toBe("IML: custom function 'big' is 5001 characters long, over Make's limit of 5000 at 5000");
    const justFits = head + '/'.repeat(CUSTOM_FUNCTION_MAX_LENGTH - head.length);
    expect(loadCustomFunctions([{ name: 'big', code: justFits }]).big()).toBe(1);
  });

  it('refuses code that does not parse or does not define the named function', () => {
    const syntax = imlErrorOf(() => loadCustomFunctions([{ name: 'broken', code: 'function broken( {' }]));
    expect(syntax.message).toMatch(/^IML: custom function 'broken' cannot be loaded: /);
    const missing = imlErrorOf(() => loadCustomFunctions([{ name: 'wanted', code: 'function other() {}' }]));
    expect(missing).toBeInstanceOf(ImlError);
    expect(missing.message).toContain('does not define function wanted');
  });

  it('refuses bad and duplicate names', () => {
    expect(() => loadCustomFunctions([{ name: 'not-a-name', code: 'function x() {}' }])).toThrow('is not a JavaScript identifier');
    expect(() =>
      loadCustomFunctions([
        { name: 'twice', code: 'function twice() {}' },
        { name: 'twice', code: 'function twice() {}' },
      ]),
    ).toThrow("custom function 'twice' is defined twice");
  });

  it('stops endless code at load time too', () => {
    expect(() => loadCustomFunctions([{ name: 'hang', code: 'for (;;) {} function hang() {}' }], { timeoutMs: 100 })).toThrow(
      'timed out after 100 ms while loading',
    );
  });
});
