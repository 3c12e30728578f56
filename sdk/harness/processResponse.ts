// The response half of a communication: the body parsed, then `temp`, `error`/`valid`, `iterate` and `output` on
// each response, and `wrapper` once, on what all of them gave.
import type { Request, Response } from '../types';
import { evaluateIml, type CommunicationResult, type Evaluate, type ResponseExtras, type SettledRun } from './communicationRun';
import { MakeRunError, type RunErrorType } from './errors';
import { flatHeaders, type HttpResponse } from './http';
import { actualTypeName } from './inputRules';
import { parseResponseBody } from './parseResponse';
import {
  conditionPasses,
  defaultErrorMessage,
  defaultErrorType,
  invalidResponseMessage,
  iteratesNothingAsNoItems,
  type Semantics,
} from './semantics';

/** A response as IML sees it: `body`, `headers`, `statusCode`. */
export interface ResponseState {
  body: unknown;
  headers: Record<string, string>;
  statusCode: number | undefined;
}

/** `iterate.container.first` / `.last`, for pagination and the wrapper. */
export type IterateContext = { iterate?: { container: { first: unknown; last: unknown } } };

export interface ProcessedPage {
  items: unknown[];
  iterated: boolean;
  /** Items in the page's container before `iterate.condition`. */
  containerLength: number;
  iterateContext: IterateContext;
  temp: Record<string, unknown>;
  extras: ResponseExtras;
}

/** The state of a request-less communication: no response at all. */
export const NO_RESPONSE: ResponseState = { body: undefined, headers: {}, statusCode: undefined };

/** An HTTP response as IML sees it. An error status goes through `response.error` whatever its body: a body that
 * does not parse stays text. */
export function readResponse(response: HttpResponse, request: Request): ResponseState {
  let body: unknown;
  try {
    body = parseResponseBody(response.body, response.status, response.headers, request.response?.type);
  } catch (error) {
    if (response.status >= 400 && error instanceof MakeRunError) body = response.body.toString('utf8');
    else throw error;
  }
  return { body, headers: flatHeaders(response.headers), statusCode: response.status };
}

/** One response through temp, error/valid, iterate and output. */
export function processResponse(
  response: Response,
  state: ResponseState,
  run: SettledRun,
  inheritedTemp: Record<string, unknown>,
): ProcessedPage {
  const semantics = run.semantics;
  const variables = { ...run.context, body: state.body, headers: state.headers, statusCode: state.statusCode };
  let temp = inheritedTemp;
  const evaluate: Evaluate = (value, extra = {}) => evaluateIml(value, { ...variables, temp, ...extra }, run.iml);

  // Response temp runs right after the HTTP call, before the other directives.
  if (response.temp) temp = { ...temp, ...(evaluate(response.temp) as Record<string, unknown>) };

  const status = state.statusCode;
  if (status !== undefined && status >= 400 && status <= 599) {
    throw httpError(response, status, evaluate, run);
  }
  if (response.valid !== undefined) {
    const valid = typeof response.valid === 'object' && response.valid !== null ? response.valid : { condition: response.valid };
    if (!conditionPasses(semantics, evaluate(valid.condition))) throw invalidError(response, valid, status, evaluate, run);
  }

  const extras: ResponseExtras = {
    data: response.data === undefined ? undefined : (evaluate(response.data) as Record<string, unknown>),
    metadata: response.metadata === undefined ? undefined : (evaluate(response.metadata) as { type: string; value: unknown }),
    uid: response.uid === undefined ? undefined : evaluate(response.uid),
  };

  if (response.iterate === undefined) {
    const output = response.output === undefined ? state.body : evaluate(response.output);
    return { items: [output], iterated: false, containerLength: 1, iterateContext: {}, temp, extras };
  }
  const iterate = typeof response.iterate === 'string' ? { container: response.iterate } : response.iterate;
  const list = iterationItems(evaluate(iterate.container), semantics);
  const items: unknown[] = [];
  for (const item of list) {
    if (iterate.condition !== undefined && !conditionPasses(semantics, evaluate(iterate.condition, { item }))) continue;
    items.push(response.output === undefined ? item : evaluate(response.output, { item }));
  }
  const iterateContext = { iterate: { container: { first: list[0], last: list[list.length - 1] } } };
  return { items, iterated: true, containerLength: list.length, iterateContext, temp, extras };
}

/** Undefined or null: the `iterateOnNothing` switch. */
function iterationItems(container: unknown, semantics: Semantics): unknown[] {
  if ((container === undefined || container === null) && iteratesNothingAsNoItems(semantics)) return [];
  if (Array.isArray(container)) return container;
  throw new MakeRunError('RuntimeError', `The iterate container is not an array (got ${actualTypeName(container)}).`);
}

/** What all the responses of a request gave, before the wrapper. */
export interface CollectedOutput {
  items: unknown[];
  iterated: boolean;
  temp: Record<string, unknown>;
  extras: ResponseExtras;
  /** The last response, and its iterate context: the wrapper sees them. */
  last: ResponseState;
  iterateContext: IterateContext;
}

/** The wrapper runs once, at the end, with `output` bound to what was collected; nothing runs after it. */
export function applyWrapper(response: Response, collected: CollectedOutput, run: SettledRun): CommunicationResult {
  const { items, iterated, temp, extras, last, iterateContext } = collected;
  if (response.wrapper === undefined) return { items, iterated, produced: true, temp, ...extras };
  const output = iterated ? items : items[0];
  const wrapped = evaluateIml(
    response.wrapper,
    { ...run.context, body: last.body, headers: last.headers, statusCode: last.statusCode, ...iterateContext, temp, output },
    run.iml,
  );
  return Array.isArray(wrapped)
    ? { items: wrapped, iterated: true, produced: true, temp, ...extras }
    : { items: [wrapped], iterated: false, produced: true, temp, ...extras };
}

function httpError(response: Response, status: number, evaluate: Evaluate, run: SettledRun): MakeRunError {
  const spec = errorSpecFor(response.error, status);
  const message = spec.message !== undefined ? String(evaluate(spec.message) ?? '') : defaultErrorMessage(status);
  const type = spec.type !== undefined ? String(evaluate(spec.type)) : defaultErrorType(run.semantics, status);
  return new MakeRunError(type as RunErrorType, run.log.mask(message), status);
}

/** On a falsy `valid`: its own message and type, then `error.<status>`, then the generic `error`. */
function invalidError(
  response: Response,
  valid: { message?: string; type?: string },
  status: number | undefined,
  evaluate: Evaluate,
  run: SettledRun,
): MakeRunError {
  const fallback = status === undefined ? {} : errorSpecFor(response.error, status);
  const message = valid.message ?? fallback.message;
  const type = valid.type ?? fallback.type;
  return new MakeRunError(
    (type !== undefined ? String(evaluate(type)) : 'RuntimeError') as RunErrorType,
    run.log.mask(message !== undefined ? String(evaluate(message) ?? '') : invalidResponseMessage(run.semantics, status)),
    status,
  );
}

/** The status key overrides the generic message and type, key by key. */
function errorSpecFor(error: Response['error'], status: number): { message?: string; type?: string } {
  if (error === undefined) return {};
  if (typeof error === 'string') return { message: error };
  const specific = error[String(status)];
  const own = typeof specific === 'string' ? { message: specific } : (specific ?? {});
  return {
    message: (own as { message?: string }).message ?? error.message,
    type: (own as { type?: string }).type ?? (error.type as string | undefined),
  };
}
