// Custom IML functions (`function name(…) {…}` sources) run in a `node:vm` context, as Make's own
// VS Code sandbox does: built-ins as `iml.<name>` (with `this = {timezone}`), other custom functions as
// `iml.<name>`, `Buffer`, `environment.timezone`, and nothing of Node (`require`, `process`, timers).
// Not a security boundary (Node's vm never is): `Buffer` is the host's own object.
import vm from 'node:vm';
import { resolveTimezone } from './dates/timezone';
import { describeThrown, ImlError, isScriptTimeout } from './errors';
import { BUILTINS } from './functions';
import { isPlainObject } from '../../lib/values';
import { isDate } from './values';

export interface CustomFunctionSource {
  name: string;
  code: string;
}

export interface CustomFunctionOptions {
  /** `this.timezone` and `environment.timezone` inside the functions, and the zone of `iml.*` date built-ins. */
  timezone?: string;
  /** Per call; Make's limit is 10 s. */
  timeoutMs?: number;
}

export type CustomFunction = (...args: unknown[]) => unknown;

/** Make's limits for a custom IML function (https://developers.make.com/custom-apps-documentation/app-components/iml-functions). */
export const CUSTOM_FUNCTION_MAX_LENGTH = 5000;
export const CUSTOM_FUNCTION_TIMEOUT_MS = 10_000;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Runs inside the context. Values crossing into it are copied into its own realm, so user code never
 * holds a host object whose `constructor.constructor` would be the host's `Function`.
 */
const SETUP_SOURCE = `(function (bridge, builtinNames, customNames, timezone, HostBuffer) {
  'use strict';
  const tag = (v) => Object.prototype.toString.call(v);
  const toInner = (value) => {
    if (value === null || typeof value !== 'object') return value;
    if (HostBuffer.isBuffer(value)) return value;
    if (Array.isArray(value)) { const out = []; for (let i = 0; i < value.length; i++) out.push(toInner(value[i])); return out; }
    if (tag(value) === '[object Date]') return new Date(value.getTime());
    const out = {};
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) Object.defineProperty(out, keys[i], { value: toInner(value[keys[i]]), enumerable: true, writable: true, configurable: true });
    return out;
  };
  const iml = {};
  const self = () => ({ timezone: timezone });
  for (let i = 0; i < builtinNames.length; i++) {
    const name = builtinNames[i];
    iml[name] = function () {
      const result = bridge(name, Array.prototype.slice.call(arguments));
      if (!result.ok) throw new Error(result.message);
      return toInner(result.value);
    };
  }
  for (let i = 0; i < customNames.length; i++) {
    const name = customNames[i];
    const fn = globalThis[name];
    if (typeof fn !== 'function') throw new Error('the code does not define function ' + name);
    iml[name] = function () { return fn.apply(self(), arguments); };
  }
  let pending = null;
  const constant = (name, value) => Object.defineProperty(globalThis, name, { value: value, writable: false, configurable: false, enumerable: false });
  constant('iml', Object.freeze(iml));
  constant('environment', Object.freeze({ timezone: timezone }));
  constant('__imlRun', function () {
    const call = pending;
    pending = null;
    if (call === null) return undefined;
    return iml[call.name].apply(self(), call.args);
  });
  return function prepare(name, args) { pending = { name: String(name), args: toInner(args) }; };
})`;

function toHost(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Buffer.isBuffer(value)) return value;
  if (Array.isArray(value)) return value.map(toHost);
  if (isDate(value)) return new Date(value.getTime());
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(out, key, { value: toHost(item), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

function validate(sources: CustomFunctionSource[]): void {
  const seen = new Set<string>();
  for (const { name, code } of sources) {
    const label = `custom function '${name}'`;
    if (typeof name !== 'string' || !IDENTIFIER.test(name)) throw new ImlError(`${label}: the name is not a JavaScript identifier`, String(code), 0);
    if (seen.has(name)) throw new ImlError(`${label} is defined twice`, code, 0);
    seen.add(name);
    if (typeof code !== 'string') throw new ImlError(`${label}: the code must be text`, '', 0);
    if (code.length > CUSTOM_FUNCTION_MAX_LENGTH) {
      throw new ImlError(
        `${label} is ${code.length} characters long, over Make's limit of ${CUSTOM_FUNCTION_MAX_LENGTH}`,
        code,
        CUSTOM_FUNCTION_MAX_LENGTH,
      );
    }
  }
}

/**
 * Loads custom functions into one shared vm context and returns host-callable wrappers. Each call has
 * its own time limit; errors thrown by the code come out as plain Errors with the code's message
 * (the evaluator turns them into ImlErrors naming the function).
 */
export function loadCustomFunctions(
  sources: CustomFunctionSource[],
  options: CustomFunctionOptions = {},
): Record<string, CustomFunction> {
  validate(sources);
  const timezone = resolveTimezone(options.timezone, 'UTC');
  const timeout = options.timeoutMs ?? CUSTOM_FUNCTION_TIMEOUT_MS;
  // A null-prototype global: `this.constructor` inside the context cannot reach the host's Object.
  const sandbox = Object.assign(Object.create(null) as object, { Buffer });
  const context = vm.createContext(sandbox, { name: 'iml-custom-functions' });

  for (const { name, code } of sources) {
    try {
      new vm.Script(code, { filename: `${name}.js` }).runInContext(context, { timeout });
    } catch (error) {
      const reason = isScriptTimeout(error) ? `timed out after ${timeout} ms while loading` : describeThrown(error);
      throw new ImlError(`custom function '${name}' cannot be loaded: ${reason}`, code, 0);
    }
  }

  const bridge = (name: string, args: unknown[]): { ok: boolean; value?: unknown; message?: string } => {
    const fn = BUILTINS.get(name);
    try {
      if (!fn) throw new Error(`unknown function '${name}'`);
      if (args.length < fn.minArgs || args.length > fn.maxArgs) {
        throw new Error(`iml.${name} expects ${fn.minArgs} to ${fn.maxArgs} arguments, got ${args.length}`);
      }
      return { ok: true, value: fn.call({ timezone, now: Date.now() }, args.map(toHost)) };
    } catch (error) {
      return { ok: false, message: `iml.${name}: ${describeThrown(error)}` };
    }
  };

  let prepare: (name: string, args: unknown[]) => void;
  try {
    const setup = new vm.Script(SETUP_SOURCE, { filename: 'iml-setup.js' }).runInContext(context) as (...args: unknown[]) => typeof prepare;
    prepare = setup(bridge, [...BUILTINS.keys()], sources.map((source) => source.name), timezone, Buffer);
  } catch (error) {
    throw new ImlError(`custom functions cannot be loaded: ${describeThrown(error)}`, '', 0);
  }

  const run = new vm.Script('__imlRun()', { filename: 'iml-call.js' });
  const functions: Record<string, CustomFunction> = {};
  for (const { name } of sources) {
    functions[name] = (...args: unknown[]): unknown => {
      prepare(name, args);
      try {
        return toHost(run.runInContext(context, { timeout }));
      } catch (error) {
        if (isScriptTimeout(error)) throw new Error(`timed out after ${timeout} ms`);
        throw new Error(describeThrown(error));
      }
    };
  }
  return functions;
}
