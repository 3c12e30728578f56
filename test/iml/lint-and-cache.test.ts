import { describe, expect, it } from 'vitest';
import { BUILTIN_FUNCTIONS, collectFunctionCalls, collectReferences, compileTemplate } from '../../sdk/iml';
import { clearTemplateCache, TEMPLATE_CACHE_LIMIT } from '../../sdk/iml/compile';

describe('collectReferences', () => {
  it('lists every path read, as segments with the position of its root', () => {
    expect(collectReferences('{{parameters.contrats}} and {{connection.apiKey}}')).toEqual([
      { path: ['parameters', 'contrats'], position: 2 },
      { path: ['connection', 'apiKey'], position: 30 },
    ]);
  });

  it('reads backtick keys as plain segments', () => {
    expect(collectReferences('{{headers.`X-Hook`}}')).toEqual([{ path: ['headers', 'X-Hook'], position: 2 }]);
  });

  it('stops a path at a bracket and collects the expression inside it on its own', () => {
    expect(collectReferences('{{body.items[i].name}}')).toEqual([
      { path: ['body', 'items'], position: 2 },
      { path: ['i'], position: 13 },
    ]);
    expect(collectReferences('{{body.data[].text}}')).toEqual([{ path: ['body', 'data'], position: 2 }]);
  });

  it('finds paths inside function arguments and operators, and skips keywords and variables', () => {
    expect(collectReferences("{{ if(parameters.a > 1, now, formatDate(item.date, 'YYYY')) + erase }}")).toEqual([
      { path: ['parameters', 'a'], position: 6 },
      { path: ['item', 'date'], position: 40 },
    ]);
  });

  it('ignores members of function results', () => {
    expect(collectReferences("{{ first(body.list).id }}")).toEqual([{ path: ['body', 'list'], position: 9 }]);
  });

  it('throws the ImlError of a broken template', () => {
    expect(() => collectReferences('{{ a +')).toThrow('IML: unterminated expression at 0');
  });
});

describe('collectFunctionCalls', () => {
  it('lists every call with its position and argument count, nested ones included', () => {
    expect(collectFunctionCalls("{{ if(a, lower(b), 'x') }} {{ myFn() }}")).toEqual([
      { name: 'if', position: 3, argumentCount: 3 },
      { name: 'lower', position: 9, argumentCount: 1 },
      { name: 'myFn', position: 30, argumentCount: 0 },
    ]);
  });

  it('counts ;-separated arguments the same way', () => {
    expect(collectFunctionCalls("{{ if(a; lower(b); 'x;y') }}")).toEqual([
      { name: 'if', position: 3, argumentCount: 3 },
      { name: 'lower', position: 9, argumentCount: 1 },
    ]);
  });

  it('reads and/or as operators, not as references', () => {
    expect(collectReferences('{{ a and b or c }}').map((ref) => ref.path.join('.'))).toEqual(['a', 'b', 'c']);
  });
});

describe('BUILTIN_FUNCTIONS', () => {
  it('declares argument counts', () => {
    expect(BUILTIN_FUNCTIONS.get('if')).toEqual({ minArgs: 2, maxArgs: 3 });
    expect(BUILTIN_FUNCTIONS.get('sum')).toEqual({ minArgs: 1, maxArgs: Infinity });
    expect(BUILTIN_FUNCTIONS.has('fromat')).toBe(false);
  });
});

describe('template cache', () => {
  it('compiles a template once and hands back the same compiled object', () => {
    clearTemplateCache();
    const first = compileTemplate('{{ parameters.cached + 1 }}');
    expect(compileTemplate('{{ parameters.cached + 1 }}')).toBe(first);
    expect(compileTemplate('{{ parameters.cached + 2 }}')).not.toBe(first);
  });

  it('is bounded: the oldest template is dropped past the limit', () => {
    clearTemplateCache();
    const oldest = compileTemplate('{{ oldest }}');
    for (let i = 0; i < TEMPLATE_CACHE_LIMIT; i++) compileTemplate(`{{ t${i} }}`);
    const recent = compileTemplate(`{{ t${TEMPLATE_CACHE_LIMIT - 1} }}`);
    expect(compileTemplate(`{{ t${TEMPLATE_CACHE_LIMIT - 1} }}`)).toBe(recent);
    expect(compileTemplate('{{ oldest }}')).not.toBe(oldest);
  });

  it('hands out frozen compiled templates, so a caller cannot corrupt the cache', () => {
    const compiled = compileTemplate('{{ frozen }}');
    expect(Object.isFrozen(compiled)).toBe(true);
  });
});
