// Evaluation with Make's typing: a lone `{{ … }}` keeps its type, mixed text becomes a string. "The package's
// notes" below are the third-party notes on the IML package (minsu-kang/make-custom-app-skill,
// skill/references/builtin-iml-functions.md).
import { randomUUID } from 'node:crypto';
import { BinaryNode, ExpressionNode, KeywordName, VariableName } from './ast';
import { compileTemplate, CompiledTemplate, isImlTemplate } from './compile';
import { resolveTimezone } from './dates/timezone';
import { describeThrown, ImlError } from './errors';
import { argumentCountProblem, BUILTINS } from './functions';
import { FunctionContext } from './functions/types';
import { indexInto, memberOf } from './path';
import {
  decimalRound,
  ERASE,
  eraseToNull,
  imlEquals,
  interpolate,
  isDate,
  isImlTruthy,
  ownProperty,
  toNumber,
} from './values';
import { isPlainObject } from '../../lib/values';

export interface ImlOptions {
  /** IANA zone of date functions; default 'UTC'. */
  timezone?: string;
  /** Custom functions callable by name (built-ins take precedence over a custom function of the same name). */
  functions?: Record<string, (...args: unknown[]) => unknown>;
  /** The `now` and `timestamp` variables; default the time of evaluation. */
  now?: Date;
}

const KEYWORD_VALUES: Record<KeywordName, () => unknown> = {
  // [INF] The package uses a String object for emptystring; a plain '' is what reaches an API.
  emptystring: () => '',
  emptyarray: () => [],
  space: () => ' ',
  nbsp: () => '\u00a0',
  tab: () => '\t',
  newline: () => '\n',
  carriagereturn: () => '\r',
  erase: () => ERASE,
  ignore: () => undefined,
};

class Evaluator {
  private readonly ctx: FunctionContext;
  private readonly functions: Record<string, (...args: unknown[]) => unknown>;
  /** Position of the node being evaluated, for errors nothing else located. */
  position = 0;

  constructor(
    private readonly template: string,
    private readonly context: Record<string, unknown>,
    options: ImlOptions,
  ) {
    const now = options.now && isDate(options.now) && !Number.isNaN(options.now.getTime()) ? options.now.getTime() : Date.now();
    this.ctx = { timezone: resolveTimezone(options.timezone, 'UTC'), now };
    this.functions = options.functions ?? {};
  }

  run(compiled: CompiledTemplate): unknown {
    const { parts } = compiled.ast;
    if (compiled.keepsType) {
      const part = parts[0];
      return part.kind === 'expression' ? this.evaluate(part.expression) : part.value;
    }
    let out = '';
    for (const part of parts) {
      out += part.kind === 'text' ? part.value : interpolate(this.evaluate(part.expression));
    }
    return out;
  }

  private evaluate(node: ExpressionNode): unknown {
    this.position = node.pos;
    switch (node.kind) {
      case 'literal':
        return node.value;
      case 'keyword':
        return KEYWORD_VALUES[node.name]();
      case 'variable':
        return this.variable(node.name);
      case 'identifier':
        return ownProperty(this.context, node.name);
      case 'member':
        return memberOf(this.evaluate(node.object), node.key);
      case 'index': {
        const target = this.evaluate(node.object);
        if (node.index === null) return indexInto(target, null);
        const index = eraseToNull(this.evaluate(node.index));
        return index === null || index === undefined ? undefined : indexInto(target, index);
      }
      case 'call':
        return this.call(node.name, node.args, node.pos);
      case 'unary': {
        const operand = this.evaluate(node.operand);
        return node.operator === '!' ? !isImlTruthy(operand) : -toNumber(eraseToNull(operand));
      }
      case 'binary':
        return this.binary(node);
      default:
        return undefined;
    }
  }

  private variable(name: VariableName): unknown {
    switch (name) {
      case 'now':
        return new Date(this.ctx.now);
      case 'timestamp':
        return Math.floor(this.ctx.now / 1000);
      case 'uuid':
        return randomUUID();
      case 'pi':
        return Math.PI;
      case 'random':
        return Math.random();
      default:
        return undefined;
    }
  }

  private call(name: string, argNodes: ExpressionNode[], pos: number): unknown {
    const builtin = BUILTINS.get(name);
    if (builtin) {
      const problem = argumentCountProblem(name, builtin, argNodes.length);
      if (problem) throw new ImlError(problem, this.template, pos);
      const { lazy } = builtin;
      if (lazy) {
        const thunks = argNodes.map((arg) => () => this.evaluate(arg));
        return this.guard(name, pos, () => lazy(this.ctx, thunks));
      }
      const args = argNodes.map((arg) => eraseToNull(this.evaluate(arg)));
      return this.guard(name, pos, () => builtin.call(this.ctx, args));
    }
    const custom = Object.prototype.hasOwnProperty.call(this.functions, name) ? this.functions[name] : undefined;
    if (typeof custom !== 'function') throw new ImlError(`unknown function '${name}'`, this.template, pos);
    const args = argNodes.map((arg) => eraseToNull(this.evaluate(arg)));
    const self = { timezone: this.ctx.timezone };
    return this.guard(name, pos, () => custom.apply(self, args));
  }

  /** Errors raised inside a function become ImlErrors naming it; ImlErrors from its arguments pass through. */
  private guard(name: string, pos: number, run: () => unknown): unknown {
    try {
      return run();
    } catch (error) {
      if (error instanceof ImlError) throw error;
      throw new ImlError(`function '${name}' failed: ${describeThrown(error)}`, this.template, pos);
    }
  }

  private binary(node: BinaryNode): unknown {
    if (node.operator === '&&') {
      const left = this.evaluate(node.left);
      return isImlTruthy(left) ? this.evaluate(node.right) : left;
    }
    if (node.operator === '||') {
      const left = this.evaluate(node.left);
      return isImlTruthy(left) ? left : this.evaluate(node.right);
    }
    const left = eraseToNull(this.evaluate(node.left));
    const right = eraseToNull(this.evaluate(node.right));
    switch (node.operator) {
      case '==':
        return imlEquals(left, right);
      case '!=':
        return !imlEquals(left, right);
      case '<':
        return comparable(left) < comparable(right);
      case '<=':
        return comparable(left) <= comparable(right);
      case '>':
        return comparable(left) > comparable(right);
      case '>=':
        return comparable(left) >= comparable(right);
      case '+':
        return add(left, right);
      case '++':
        // Forced addition: both sides as numbers, even text ('1' ++ '2' is 3), as the package's notes list it.
        return decimalRound(toNumber(left) + toNumber(right));
      case '-':
        return decimalRound(toNumber(left) - toNumber(right));
      case '*':
        return decimalRound(toNumber(left) * toNumber(right));
      case '/':
        return decimalRound(toNumber(left) / toNumber(right));
      case '%':
        return decimalRound(toNumber(left) % toNumber(right));
      default:
        return undefined;
    }
  }
}

/**
 * Operand of `<`, `>`…: dates by time, collections by their JSON text, so comparing never throws.
 * Other values compare as JavaScript does (typed as number only to satisfy the compiler).
 */
function comparable(value: unknown): number {
  if (isDate(value)) return value.getTime();
  if (value !== null && typeof value === 'object') return interpolate(value) as unknown as number;
  return value as number;
}

/**
 * `+`: numbers add; [INF] after the package's notes an empty operand yields the other one, and
 * anything else concatenates as text.
 */
function add(left: unknown, right: unknown): unknown {
  const isNumeric = (v: unknown): boolean => typeof v === 'number' || typeof v === 'boolean';
  if (isNumeric(left) && isNumeric(right)) return decimalRound(Number(left) + Number(right));
  const empty = (v: unknown): boolean => v === null || v === undefined;
  if (empty(left) && empty(right)) return null;
  if (empty(left)) return right;
  if (empty(right)) return left;
  return interpolate(left) + interpolate(right);
}

export function evaluateCompiled(compiled: CompiledTemplate, context: Record<string, unknown>, options: ImlOptions = {}): unknown {
  const evaluator = new Evaluator(compiled.template, context ?? {}, options ?? {});
  try {
    return evaluator.run(compiled);
  } catch (error) {
    if (error instanceof ImlError) throw error;
    throw new ImlError(`evaluation failed: ${describeThrown(error)}`, compiled.template, evaluator.position);
  }
}

export function evaluateTemplate(template: string, context: Record<string, unknown>, options: ImlOptions = {}): unknown {
  return evaluateCompiled(compileTemplate(template), context, options);
}

/** Evaluates every string leaf of an IML object/array; keys are kept as written. */
const SPREAD_KEY = /^\{\{\s*\.\.\.\s*\}\}$/;

export function evaluateDeep(value: unknown, context: Record<string, unknown>, options: ImlOptions = {}): unknown {
  if (typeof value === 'string') return isImlTemplate(value) ? evaluateTemplate(value, context, options) : value;
  if (Array.isArray(value)) return value.map((item) => evaluateDeep(item, context, options));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    const put = (key: string, item: unknown) =>
      // defineProperty: a "__proto__" key from JSON stays a plain key.
      Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    for (const [key, item] of Object.entries(value)) {
      const evaluated = evaluateDeep(item, context, options);
      // The spread key: `"{{...}}": "{{omit(parameters, 'x')}}"` merges an object's keys into this one
      // (developers.make.com, action module examples).
      if (SPREAD_KEY.test(key)) {
        if (isPlainObject(evaluated)) for (const [k, v] of Object.entries(evaluated)) put(k, v);
        continue;
      }
      put(key, evaluated);
    }
    return out;
  }
  return value;
}
