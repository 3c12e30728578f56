// Parse once, check built-in argument counts, cache by template text.
import { TemplateNode, walkExpression } from './ast';
import { ImlError, describeThrown } from './errors';
import { argumentCountProblem, BUILTIN_FUNCTIONS } from './functions';
import { parseTemplate } from './parser';

export interface CompiledTemplate {
  readonly template: string;
  readonly ast: TemplateNode;
  /** Exactly one `{{ … }}` with nothing around it: the value keeps its type. */
  readonly keepsType: boolean;
}

/** Compiled templates kept; past this the oldest entry is dropped. */
export const TEMPLATE_CACHE_LIMIT = 5000;

const cache = new Map<string, CompiledTemplate>();

export function isImlTemplate(value: string): boolean {
  return typeof value === 'string' && value.includes('{{');
}

export function compileTemplate(template: string): CompiledTemplate {
  const cached = cache.get(template);
  if (cached) return cached;
  const compiled = compileUncached(template);
  if (cache.size >= TEMPLATE_CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(template, compiled);
  return compiled;
}

function compileUncached(template: string): CompiledTemplate {
  if (typeof template !== 'string') throw new ImlError(`a template must be text, got ${typeof template}`, String(template), 0);
  let ast: TemplateNode;
  try {
    ast = parseTemplate(template);
  } catch (error) {
    if (error instanceof ImlError) throw error;
    throw new ImlError(`cannot parse: ${describeThrown(error)}`, template, 0);
  }
  for (const part of ast.parts) {
    if (part.kind !== 'expression') continue;
    walkExpression(part.expression, (node) => {
      if (node.kind !== 'call') return;
      const builtin = BUILTIN_FUNCTIONS.get(node.name);
      const problem = builtin && argumentCountProblem(node.name, builtin, node.args.length);
      if (problem) throw new ImlError(problem, template, node.pos);
    });
  }
  const keepsType = ast.parts.length === 1 && ast.parts[0].kind === 'expression';
  return Object.freeze({ template, ast, keepsType });
}

/** For tests: empties the cache. */
export function clearTemplateCache(): void {
  cache.clear();
}
