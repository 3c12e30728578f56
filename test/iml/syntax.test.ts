import { describe, expect, it } from 'vitest';
import { compileTemplate, ERASE, evaluateDeep, isImlTemplate } from '../../sdk/iml';
import { ev, FIXED_NOW } from './helpers';

const context = {
  parameters: { name: 'Ann', count: 3, flag: true, nested: { deep: { value: 'd' } }, 'with space': 'sp' },
  headers: { 'X-Hook': 'hook-1' },
  body: {
    items: [
      { id: 1, name: 'one' },
      { id: 2, name: 'two' },
      { id: 3, name: 'three' },
    ],
    data: [{ text: ['first', 'second'] }],
    map: { a: 'A', '2': 'two' },
  },
  i: 2,
  key: 'a',
};

describe('literals', () => {
  it('reads single- and double-quoted strings', () => {
    expect(ev("{{'it'}}")).toBe('it');
    expect(ev('{{"it"}}')).toBe('it');
    expect(ev("{{'a \\'quoted\\' word'}}")).toBe("a 'quoted' word");
  });

  it('keeps backslashes that escape nothing, so regular expressions need no doubling', () => {
    expect(ev("{{'/\\d+/g'}}")).toBe('/\\d+/g');
  });

  it('does not end an expression at a }} inside a string', () => {
    expect(ev("{{'}}'}}")).toBe('}}');
  });

  it('reads numbers, booleans and null with their types', () => {
    expect(ev('{{42}}')).toBe(42);
    expect(ev('{{1.25}}')).toBe(1.25);
    expect(ev('{{2e3}}')).toBe(2000);
    expect(ev('{{true}}')).toBe(true);
    expect(ev('{{false}}')).toBe(false);
    expect(ev('{{null}}')).toBeNull();
  });
});

describe('keywords and variables', () => {
  it('gives the text keywords their characters', () => {
    expect(ev('{{emptystring}}')).toBe('');
    expect(ev('a{{space}}b{{tab}}c{{newline}}d{{carriagereturn}}e{{nbsp}}f')).toBe('a b\tc\nd\re\u00a0f');
  });

  it('gives emptyarray a fresh empty array', () => {
    expect(ev('{{emptyarray}}')).toEqual([]);
  });

  it('gives erase the ERASE marker and ignore undefined', () => {
    expect(ev('{{erase}}')).toBe(ERASE);
    expect(ev('{{ignore}}')).toBeUndefined();
    expect(ev('x{{erase}}y')).toBe('xy');
  });

  it('gives now as a Date and timestamp in unix seconds', () => {
    expect(ev('{{now}}')).toEqual(FIXED_NOW);
    expect(ev('{{timestamp}}')).toBe(Math.floor(FIXED_NOW.getTime() / 1000));
  });

  it('gives uuid, pi and random', () => {
    expect(ev('{{uuid}}')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ev('{{uuid}}')).not.toBe(ev('{{uuid}}'));
    expect(ev('{{pi}}')).toBe(Math.PI);
    const random = ev('{{random}}') as number;
    expect(random).toBeGreaterThanOrEqual(0);
    expect(random).toBeLessThan(1);
  });
});

describe('paths', () => {
  it('follows dots', () => {
    expect(ev('{{parameters.nested.deep.value}}', context)).toBe('d');
  });

  it('reads backtick keys, as a member and as a root', () => {
    expect(ev('{{headers.`X-Hook`}}', context)).toBe('hook-1');
    expect(ev('{{parameters.`with space`}}', context)).toBe('sp');
    expect(ev('{{`parameters`.name}}', context)).toBe('Ann');
  });

  it('indexes arrays from 1, with -1 as the last item and a bare [] as the first', () => {
    expect(ev('{{body.items[1].name}}', context)).toBe('one');
    expect(ev('{{body.items[3].name}}', context)).toBe('three');
    expect(ev('{{body.items[-1].name}}', context)).toBe('three');
    expect(ev('{{body.items[].name}}', context)).toBe('one');
    expect(ev('{{body.data[].text[]}}', context)).toBe('first');
  });

  it('gives undefined for index 0 and out-of-range indexes', () => {
    expect(ev('{{body.items[0]}}', context)).toBeUndefined();
    expect(ev('{{body.items[4]}}', context)).toBeUndefined();
  });

  it('computes indexes', () => {
    expect(ev('{{body.items[i].name}}', context)).toBe('two');
    expect(ev('{{body.items[i + 1].id}}', context)).toBe(3);
    expect(ev('{{body.map[key]}}', context)).toBe('A');
    expect(ev("{{body.map['2']}}", context)).toBe('two');
  });

  it('gives undefined, never an error, for missing paths', () => {
    expect(ev('{{nothing}}', context)).toBeUndefined();
    expect(ev('{{nothing.at.all}}', context)).toBeUndefined();
    expect(ev('{{parameters.name.first}}', context)).toBeUndefined();
    expect(ev('{{body.items[9].name}}', context)).toBeUndefined();
  });

  it('does not reach prototype members', () => {
    expect(ev('{{parameters.constructor}}', context)).toBeUndefined();
    expect(ev('{{parameters.__proto__}}', context)).toBeUndefined();
    expect(ev('{{body.items.length}}', context)).toBeUndefined();
  });

  it('reads numeric members of arrays as 1-based positions', () => {
    expect(ev('{{body.items.2.name}}', context)).toBe('two');
  });
});

describe('operators', () => {
  it('does arithmetic with precedence and parentheses', () => {
    expect(ev('{{1 + 2 * 3}}')).toBe(7);
    expect(ev('{{(1 + 2) * 3}}')).toBe(9);
    expect(ev('{{10 / 4}}')).toBe(2.5);
    expect(ev('{{10 % 4}}')).toBe(2);
    expect(ev('{{10 - 4 - 3}}')).toBe(3);
  });

  it('computes decimals as Make does (no binary floating-point noise)', () => {
    expect(ev('{{0.1 + 0.2}}')).toBe(0.3);
    expect(ev('{{0.3 - 0.1}}')).toBe(0.2);
  });

  it('negates with unary minus', () => {
    expect(ev('{{-parameters.count}}', context)).toBe(-3);
    expect(ev('{{2 - -1}}')).toBe(3);
  });

  it('concatenates when a side is text', () => {
    expect(ev("{{'a' + 1}}")).toBe('a1');
    expect(ev("{{parameters.name + ' ' + parameters.count}}", context)).toBe('Ann 3');
  });

  it('returns the other operand of + when one side is empty', () => {
    expect(ev('{{nothing + 5}}')).toBe(5);
    expect(ev('{{nothing + nothing}}')).toBeNull();
  });

  it('treats = and == alike, strictly', () => {
    expect(ev('{{1 = 1}}')).toBe(true);
    expect(ev('{{1 == 1}}')).toBe(true);
    expect(ev("{{1 == '1'}}")).toBe(false);
    expect(ev("{{'a' != 'b'}}")).toBe(true);
    expect(ev('{{null == nothing}}')).toBe(false);
  });

  it('compares', () => {
    expect(ev('{{2 < 3}}')).toBe(true);
    expect(ev('{{3 <= 3}}')).toBe(true);
    expect(ev('{{2 > 3}}')).toBe(false);
    expect(ev('{{3 >= 4}}')).toBe(false);
    expect(ev("{{'b' > 'a'}}")).toBe(true);
  });

  it('compares dates by time', () => {
    expect(ev("{{now > parseDate('2000-01-01')}}")).toBe(true);
    expect(ev("{{parseDate('2000-01-01') = parseDate('2000-01-01T00:00:00Z')}}")).toBe(true);
  });

  it('combines with && || ! and short-circuits', () => {
    expect(ev('{{true && false}}')).toBe(false);
    expect(ev('{{false || true}}')).toBe(true);
    expect(ev('{{!parameters.flag}}', context)).toBe(false);
    expect(ev('{{!body.error}}', context)).toBe(true);
    expect(ev("{{false && parseDate('bad', 'YYYY')}}")).toBe(false);
    expect(ev('{{1 < 2 && 2 < 3 || false}}')).toBe(true);
  });
});

// The general functions page of Make's help (read in Adobe Workfront Fusion's copy): "To combine if
// statements, use the and and or operators", with if( 1 = 2 and 1 = 2 ; A ; B ) returning B.
describe('the and and or keywords', () => {
  const cases: Array<[template: string, expected: unknown]> = [
    ["{{ if( 1 = 2 and 1 = 2 ; 'A' ; 'B' ) }}", 'B'],
    ["{{ if( 1 = 1 and 2 = 2 ; 'A' ; 'B' ) }}", 'A'],
    ["{{ if( 1 = 2 or 2 = 2 ; 'A' ; 'B' ) }}", 'A'],
    ['{{ true and false }}', false],
    ['{{ false or true }}', true],
    // Same precedence as && and ||: and binds tighter than or, both looser than comparisons.
    ['{{ true or true and false }}', true],
    ['{{ (true or true) and false }}', false],
    ['{{ 1 < 2 and 2 < 3 or false }}', true],
    ['{{ false and true || true }}', true],
    ["{{ 0 or 'fallback' }}", 'fallback'],
    ["{{ 'first' and 'second' }}", 'second'],
  ];
  it.each(cases)('%s', (template, expected) => {
    expect(ev(template)).toBe(expected);
  });

  it('short-circuits like && and ||', () => {
    expect(ev("{{ false and parseDate('bad'; 'YYYY') }}")).toBe(false);
    expect(ev("{{ true or parseDate('bad'; 'YYYY') }}")).toBe(true);
  });

  it('leaves and/or as names where no operator can stand', () => {
    expect(ev('{{ and }}', { and: 1 })).toBe(1);
    expect(ev('{{ or.and }}', { or: { and: 2 } })).toBe(2);
    expect(ev('{{ x.or and x.and }}', { x: { or: 'o', and: 'a' } })).toBe('a');
  });

  it('is lowercase only, as documented', () => {
    expect(() => ev('{{ true AND false }}')).toThrow("unexpected token 'AND'");
  });
});

describe('function calls', () => {
  it('passes comma-separated arguments, nested calls included', () => {
    expect(ev("{{lower(replace('HELLO World', 'World', upper('x')))}}")).toBe('hello x');
  });

  // Scenario mappings separate arguments with ';' (help.make.com: if( 1 = 1 ; A ; B )).
  const separated: Array<[template: string, expected: unknown]> = [
    ["{{ if(true; 'a'; 'b') }}", 'a'],
    ["{{ lower(replace('HELLO World'; 'World'; upper('x'))) }}", 'hello x'],
    ["{{ substring('Hello' ; 1 ; 3) }}", 'el'],
    ["{{ replace('a;b;c'; ';'; ',') }}", 'a,b,c'],
    ["{{ split('a;b'; \";\") }}", ['a', 'b']],
    ["{{ if(contains('a,b', ','); 'comma'; 'none') }}", 'comma'],
    ["{{ if(true, join(split('x;y'; ';'); '+'), '') }}", 'x+y'],
    ['{{ formatNumber(1234.5; 2; ","; ".") }}', '1.234,50'],
  ];
  it.each(separated)('passes ;-separated arguments: %s', (template, expected) => {
    expect(ev(template)).toEqual(expected);
  });

  it('calls functions with no arguments', () => {
    expect(ev('{{length(emptyarray)}}')).toBe(0);
  });
});

describe('typing', () => {
  it('keeps the type of a template that is one expression', () => {
    expect(ev('{{parameters}}', context)).toEqual(context.parameters);
    expect(ev('{{body.items}}', context)).toEqual(context.body.items);
    expect(ev('{{parameters.count}}', context)).toBe(3);
    expect(ev('{{parameters.count == 3}}', context)).toBe(true);
    expect(ev('{{nothing}}', context)).toBeUndefined();
    expect(ev('{{ parameters.count }}', context)).toBe(3);
  });

  it('makes a string as soon as there is text around, even a space', () => {
    expect(ev(' {{parameters.count}}', context)).toBe(' 3');
    expect(ev('{{parameters.count}}{{parameters.count}}', context)).toBe('33');
    expect(ev('[{{parameters.flag}}]', context)).toBe('[true]');
  });

  it('interpolates undefined and null as empty text', () => {
    expect(ev('a{{nothing}}b{{null}}c')).toBe('abc');
  });

  it('interpolates objects and arrays as JSON, dates as ISO text', () => {
    expect(ev('x={{body.map}}', context)).toBe('x={"2":"two","a":"A"}');
    expect(ev('{{body.items[1]}}!', context)).toBe('{"id":1,"name":"one"}!');
    expect(ev('at {{now}}')).toBe(`at ${FIXED_NOW.toISOString()}`);
  });

  it('leaves text without {{ as it is', () => {
    expect(ev('plain } text }}')).toBe('plain } text }}');
    expect(ev('')).toBe('');
    expect(isImlTemplate('plain')).toBe(false);
    expect(isImlTemplate('a {{b}}')).toBe(true);
  });

  it('evaluates IML objects and arrays deeply, leaving keys and non-strings alone', () => {
    const spec = {
      '{{key}}': '{{parameters.name}}',
      list: ['{{parameters.count}}', 'n={{parameters.count}}', 7, null, true],
      nested: { when: '{{now}}', none: '{{nothing}}' },
    };
    expect(evaluateDeep(spec, context, { now: FIXED_NOW })).toEqual({
      '{{key}}': 'Ann',
      list: [3, 'n=3', 7, null, true],
      nested: { when: FIXED_NOW, none: undefined },
    });
  });

  it('keeps a "__proto__" key of an IML object as a plain key', () => {
    const spec = JSON.parse('{"__proto__": "{{parameters.name}}"}') as Record<string, unknown>;
    const out = evaluateDeep(spec, context) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it('marks single-expression templates at compile time', () => {
    expect(compileTemplate('{{a}}').keepsType).toBe(true);
    expect(compileTemplate('{{a}} ').keepsType).toBe(false);
    expect(compileTemplate('{{a}}{{b}}').keepsType).toBe(false);
  });
});

describe('the spread key of IML objects', () => {
  it('merges the object a "{{...}}" key evaluates to into its parent', () => {
    const body = { '{{...}}': "{{omit(parameters, 'count', 'nested', 'with space')}}", extra: '{{parameters.count}}' };
    expect(evaluateDeep(body, context)).toEqual({ name: 'Ann', flag: true, extra: 3 });
  });

  it('ignores a spread whose value is not a collection', () => {
    expect(evaluateDeep({ '{{ ... }}': '{{parameters.count}}', kept: 1 }, context)).toEqual({ kept: 1 });
  });
});

describe('the ++ operator', () => {
  it('adds as numbers, even text, where + would concatenate', () => {
    expect(evaluateDeep("{{'1' ++ '2'}}", {})).toBe(3);
    expect(evaluateDeep("{{'1' + '2'}}", {})).toBe('12');
    expect(evaluateDeep('{{parameters.count ++ 1}}', context)).toBe(4);
  });
});
