import { describe, expect, it } from 'vitest';
import { compileTemplate, evaluateDeep, ImlError } from '../../sdk/iml';
import { ev, imlErrorOf } from './helpers';

describe('ImlError', () => {
  it('is an Error carrying the template and a 0-based position', () => {
    const error = imlErrorOf(() => ev('{{ fromat(now, "YYYY") }}'));
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(ImlError);
    expect(error.message).toBe("IML: unknown function 'fromat' at 3");
    expect(error.template).toBe('{{ fromat(now, "YYYY") }}');
    expect(error.position).toBe(3);
    expect(error.detail).toBe("unknown function 'fromat'");
  });
});

describe('syntax errors, with positions', () => {
  const cases: Array<[string, string]> = [
    ['{{ abc', 'IML: unterminated expression at 0'],
    ['text {{ a.b', 'IML: unterminated expression at 5'],
    ['{{ lower(a)) }}', "IML: unexpected token ')' at 11"],
    ['{{ (1 + 2 }}', "IML: unexpected token '}}' at 10"],
    ['{{ a + }}', "IML: unexpected token '}}' at 7"],
    ['{{ 1 2 }}', "IML: unexpected token '2' at 5"],
    ['{{}}', 'IML: empty expression at 0'],
    ['ok {{ }}', 'IML: empty expression at 3'],
    ["{{ 'abc }}", 'IML: unterminated string at 3'],
    ['{{ headers.`X-Hook }}', 'IML: unterminated backtick key at 11'],
    ['{{ a # b }}', "IML: unexpected character '#' at 5"],
    ['{{ a. }}', "IML: unexpected token '}}' at 6"],
    ['{{ f(a,) }}', "IML: unexpected token ')' at 7"],
    ['{{ a[1 }}', "IML: unexpected token '}}' at 7"],
    ['{{ {{a}} }}', "IML: unexpected character '{' at 3"],
    ["{{ if(a; 'b', 'c') }}", "IML: arguments separated by both ';' and ',' at 12"],
    ["{{ if(a, 'b'; 'c') }}", "IML: arguments separated by both ',' and ';' at 12"],
    ['{{ a; b }}', "IML: unexpected token ';' at 4"],
    ['{{ f(a;) }}', "IML: unexpected token ')' at 7"],
    ['{{ f(;a) }}', "IML: unexpected token ';' at 5"],
    ['{{ a and }}', "IML: unexpected token '}}' at 9"],
  ];
  it.each(cases)('%s', (template, message) => {
    const error = imlErrorOf(() => compileTemplate(template));
    expect(error.message).toBe(message);
    expect(error.template).toBe(template);
  });

  it('refuses absurd nesting with an ImlError instead of overflowing the stack', () => {
    const template = `{{${'('.repeat(5000)}1${')'.repeat(5000)}}}`;
    expect(imlErrorOf(() => compileTemplate(template)).detail).toBe('expression nested too deeply');
  });
});

describe('function errors', () => {
  it('checks argument counts of built-ins when compiling', () => {
    expect(imlErrorOf(() => compileTemplate('{{if(x)}}')).message).toBe("IML: function 'if' expects 2 to 3 arguments, got 1 at 2");
    expect(imlErrorOf(() => compileTemplate('{{ lower() }}')).message).toBe("IML: function 'lower' expects 1 argument, got 0 at 3");
    expect(imlErrorOf(() => compileTemplate('{{ sum() }}')).message).toBe("IML: function 'sum' expects at least 1 argument, got 0 at 3");
    expect(imlErrorOf(() => compileTemplate("{{ get(a, 'b', 'c') }}")).message).toBe(
      "IML: function 'get' expects 2 arguments, got 3 at 3",
    );
    expect(imlErrorOf(() => compileTemplate("{{ get(a; 'b'; 'c') }}")).message).toBe(
      "IML: function 'get' expects 2 arguments, got 3 at 3",
    );
  });

  it('checks argument counts even in branches that would not run', () => {
    expect(() => ev('{{ if(true, 1, upper()) }}')).toThrow("function 'upper' expects 1 argument, got 0");
  });

  it('fails unknown functions when evaluating, not when compiling', () => {
    expect(() => compileTemplate('{{ myFunction(1) }}')).not.toThrow();
    expect(imlErrorOf(() => ev('x {{ myFunction(1) }}')).message).toBe("IML: unknown function 'myFunction' at 5");
  });

  it('turns runtime failures inside a function into ImlErrors naming it', () => {
    const error = imlErrorOf(() => ev("{{ parseDate('not a date', 'YYYY-MM-DD') }}"));
    expect(error.message).toBe("IML: function 'parseDate' failed: cannot parse 'not a date' with format 'YYYY-MM-DD' at 3");
    expect(error.position).toBe(3);
    expect(imlErrorOf(() => ev("{{ parseJSON('{oops') }}")).message).toMatch(/^IML: function 'parseJSON' failed: invalid JSON/);
    expect(imlErrorOf(() => ev("{{ replace('a', '/(/', 'b') }}")).message).toMatch(/function 'replace' failed: invalid regular expression/);
  });

  it('reports the innermost failing call, not the one around it', () => {
    const error = imlErrorOf(() => ev("{{ upper(formatDate('nope', 'YYYY')) }}"));
    expect(error.detail).toBe("function 'formatDate' failed: 'nope' is not a valid date");
    expect(error.position).toBe(9);
  });

  it('names the failing string leaf of an IML object', () => {
    const error = imlErrorOf(() => evaluateDeep({ a: 'fine', b: ['{{ nope() }}'] }, {}));
    expect(error.template).toBe('{{ nope() }}');
  });
});
