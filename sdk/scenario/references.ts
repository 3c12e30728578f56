// Scenario IML: a mapping reads an earlier module's current bundle as `{{<module id>.<field>}}`. The IML library
// reads a leading number as a number (`1.email` is the member `email` of the number 1), so before evaluating,
// each such reference is rewritten to a context name the library reads (`__module_1__.email`), found in the
// parsed template (never by a text search: `'1.5'` in quotes and the number `1.5` stay as they are).
import { parseTemplate, walkExpression, collectReferences, evaluateDeep, ImlError, type ImlOptions } from '../iml';
import { isPlainObject } from '../../lib/values';

const PREFIX = '__module_';
const SUFFIX = '__';
const CONTEXT_NAME = /^__module_(\d+)__$/;

/** The context key under which a module's current bundle is read. */
export function contextKey(moduleId: number): string {
  return `${PREFIX}${moduleId}${SUFFIX}`;
}

/** The module id of a context key, or undefined. */
function moduleOfKey(name: string): number | undefined {
  const match = CONTEXT_NAME.exec(name);
  return match ? Number(match[1]) : undefined;
}

const rewritten = new Map<string, string>();

/** The template with every `<id>.` reference rewritten; throws the library's ImlError on a syntax error. */
export function evaluable(template: string): string {
  const cached = rewritten.get(template);
  if (cached !== undefined) return cached;
  const starts: Array<{ pos: number; length: number; id: string }> = [];
  for (const part of parseTemplate(template).parts) {
    if (part.kind !== 'expression') continue;
    walkExpression(part.expression, (node) => {
      if (node.kind !== 'member' || node.object.kind !== 'literal' || typeof node.object.value !== 'number') return;
      const digits = /^\d+/.exec(template.slice(node.object.pos));
      // Only a whole number directly followed by its dot is a module id (`1.5` is a number).
      if (digits && /^\s*\./.test(template.slice(node.object.pos + digits[0].length))) {
        starts.push({ pos: node.object.pos, length: digits[0].length, id: digits[0] });
      }
    });
  }
  let out = template;
  for (const { pos, length, id } of starts.sort((a, b) => b.pos - a.pos)) {
    out = `${out.slice(0, pos)}${contextKey(Number(id))}${out.slice(pos + length)}`;
  }
  if (rewritten.size > 5000) rewritten.clear();
  rewritten.set(template, out);
  return out;
}

/** A reference to a module's output: its id and the field path read (`{{4.counts.removed}}`: 4, counts.removed). */
export interface ModuleReference {
  moduleId: number;
  /** The keys read, before any index (`{{2.array[1].x}}` reads `array`). Empty for `{{4}}`-like uses. */
  path: string[];
}

/** The module references of one template (a syntax error throws the library's ImlError). */
export function moduleReferences(template: string): ModuleReference[] {
  return collectReferences(evaluable(template)).flatMap(({ path }) => {
    const moduleId = moduleOfKey(path[0]);
    return moduleId === undefined ? [] : [{ moduleId, path: path.slice(1) }];
  });
}

/** Every string leaf of a mapper-like value, with its key path (for checks and messages). */
export function stringLeaves(value: unknown, at: Array<string | number> = []): Array<{ path: Array<string | number>; text: string }> {
  if (typeof value === 'string') return [{ path: at, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringLeaves(item, [...at, index]));
  if (isPlainObject(value)) return Object.entries(value).flatMap(([key, item]) => stringLeaves(item, [...at, key]));
  return [];
}

/** The bundles in scope, as the evaluation context: module id → its current bundle. */
export type BundleContext = ReadonlyMap<number, Record<string, unknown>>;

function contextOf(bundles: BundleContext): Record<string, unknown> {
  const context: Record<string, unknown> = {};
  for (const [id, bundle] of bundles) context[contextKey(id)] = bundle;
  return context;
}

function rewriteDeep(value: unknown): unknown {
  if (typeof value === 'string') return value.includes('{{') ? evaluable(value) : value;
  if (Array.isArray(value)) return value.map(rewriteDeep);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewriteDeep(v)]));
  return value;
}

/** A mapper (or any value of scenario IML) evaluated against the bundles in scope. */
export function evaluateMapping(value: unknown, bundles: BundleContext, options: ImlOptions = {}): unknown {
  return evaluateDeep(rewriteDeep(value), contextOf(bundles), options);
}

/** An IML error's message as the user wrote the template: `__module_4__` shown as `4`. */
export function imlMessage(error: ImlError): string {
  return error.detail.replace(/__module_(\d+)__/g, '$1');
}
