// A communication (one request or several) run as Make runs it: temp, condition, the request, and the
// response pipeline (parse, temp, error/valid, iterate, output, pagination, limit, wrapper).
// Specification: reference/make-runtime-semantics.md §3.
import type { Base, Pagination, Request, Response } from '../types';
import { evaluateDeep, type ImlOptions } from '../iml';
import { buildHttpRequest } from './buildRequest';
import { MakeRunError, type RunErrorType } from './errors';
import type { HttpRequest, HttpResponse } from './http';
import { parseResponseBody } from './parseResponse';
import { logBody, type RequestLog } from './requestLog';
import {
  DEFAULT_SEMANTICS,
  DEFAULT_TIMEOUT_MS,
  MAX_REDIRECTS,
  MAX_TIMEOUT_MS,
  defaultErrorMessage,
  defaultErrorType,
  invalidResponseMessage,
  isTruthy,
  maxPages,
  paginationPage,
  type Semantics,
} from './semantics';

export type Sender = (request: HttpRequest, timeoutMs: number) => Promise<HttpResponse>;

export interface CommunicationRun {
  /** The IML context the module sees: parameters, connection, common, data, metadata... */
  context: Record<string, unknown>;
  /** Inherited by every request, or undefined (connections do not inherit the base). */
  base?: Base;
  send: Sender;
  log: RequestLog;
  iml?: ImlOptions;
  /** Pages a run may request before it stops with an error (default: the `maxPages` switch). */
  maxPages?: number;
  /** The choices made where Make's documentation is silent (default: DEFAULT_SEMANTICS). */
  semantics?: Semantics;
  /** False for actions: `response.limit` is not available to them. Default true. */
  applyLimit?: boolean;
}

export interface CommunicationResult {
  /** The last request's output: its items when it iterated, else its single output. */
  items: unknown[];
  iterated: boolean;
  /** False when the last request was skipped by its condition and had no default. */
  produced: boolean;
  temp: Record<string, unknown>;
  /** Connection-only directives of the last response that ran. */
  data?: Record<string, unknown>;
  metadata?: { type: string; value: unknown };
  uid?: unknown;
}

export async function runCommunication(
  communication: Request | Request[],
  run: CommunicationRun,
): Promise<CommunicationResult> {
  const requests = Array.isArray(communication) ? communication : [communication];
  let temp: Record<string, unknown> = {};
  let result: CommunicationResult = { items: [], iterated: false, produced: false, temp };
  for (const [index, request] of requests.entries()) {
    // With several requests only the last one's `limit` counts.
    result = await runRequest(request, run, temp, run.applyLimit !== false && index === requests.length - 1);
    temp = result.temp;
  }
  return result;
}

async function runRequest(
  spec: Request,
  run: CommunicationRun,
  inheritedTemp: Record<string, unknown>,
  applyLimit: boolean,
): Promise<CommunicationResult> {
  const semantics = run.semantics ?? DEFAULT_SEMANTICS;
  const request = run.base ? mergeBase(run.base, spec, semantics) : spec;
  const response: Response = request.response ?? {};
  let temp = { ...inheritedTemp };
  const evaluate = (value: unknown, extra: Record<string, unknown> = {}): unknown =>
    evaluateIml(value, { ...run.context, temp, ...extra }, run.iml);

  // Request temp runs before everything else, condition and url included; temp is merged, never replaced.
  if (request.temp) temp = { ...temp, ...(evaluate(request.temp) as Record<string, unknown>) };

  if (request.condition !== undefined) {
    const form = conditionForm(request.condition);
    if (!isTruthy(semantics, evaluate(form.condition))) {
      if (form.hasDefault) return { items: [evaluate(form.default)], iterated: false, produced: true, temp };
      return { items: [], iterated: false, produced: false, temp };
    }
  }

  const limit = applyLimit ? toLimit(evaluate(response.limit)) : undefined;
  const items: unknown[] = [];
  let iterated = false;
  let last: ResponseState = { body: undefined, headers: {}, statusCode: undefined };
  let extras: Pick<CommunicationResult, 'data' | 'metadata' | 'uid'> = {};
  let iterateContext: IterateContext = {};

  // Request-less: no HTTP call, but output, wrapper, iterate, valid and error still apply.
  if (request.url === undefined) {
    const page = processResponse(response, last, run, temp);
    return finish(response, page.items, page.iterated, page.temp, last, page.iterateContext, run, page.extras);
  }

  let current: PagedRequest = {
    url: request.url,
    method: request.method ?? 'GET',
    headers: request.headers,
    qs: request.qs,
    body: request.body,
  };
  const pageCap = run.maxPages ?? maxPages(semantics);
  const tempBeforePages = temp;
  for (let page = 1; ; page += 1) {
    if (page > pageCap) {
      throw new MakeRunError(
        'RuntimeError',
        `Pagination did not stop after ${pageCap} pages; the module was stopped. Check the pagination condition.`,
      );
    }
    const pageNumber = paginationPage(semantics, page);
    const paginationContext = pageNumber === undefined ? {} : { pagination: { page: pageNumber } };
    if (page > 1 && semantics.tempAcrossPages === 'reset') temp = tempBeforePages;
    const stateContext =
      page === 1 ? {} : { body: last.body, headers: last.headers, statusCode: last.statusCode, ...iterateContext };
    last = await exchange(current, request, run, evaluate, { ...stateContext, ...paginationContext });
    const processed = processResponse(response, last, run, temp);
    temp = processed.temp;
    extras = processed.extras;
    iterated = processed.iterated;
    iterateContext = processed.iterateContext;
    items.push(...processed.items);

    if (!request.pagination) break;
    if (limit !== undefined && items.length >= limit) break;
    // "A page without items" stops paging; what that means under `iterate.condition` is the `emptyPage` switch.
    const pageItems = semantics.emptyPage === 'emptyContainer' ? processed.containerLength : processed.items.length;
    if (processed.iterated && pageItems === 0) break;
    const pageContext = {
      body: last.body,
      headers: last.headers,
      statusCode: last.statusCode,
      ...iterateContext,
      ...paginationContext,
    };
    if (
      request.pagination.condition !== undefined &&
      !isTruthy(semantics, evaluate(request.pagination.condition, pageContext))
    ) {
      break;
    }
    current = nextPage(current, request.pagination);
  }
  const limited = limit !== undefined ? items.slice(0, limit) : items;
  return finish(response, limited, iterated, temp, last, iterateContext, run, extras);
}

interface PagedRequest {
  url: string;
  method: string;
  headers?: Record<string, unknown>;
  qs?: Record<string, unknown>;
  body?: unknown;
}

interface ResponseState {
  body: unknown;
  headers: Record<string, string>;
  statusCode: number | undefined;
}

/** `url`, `method` and `body` in `pagination` override the parent; `headers` and `qs` merge over it unless
 * `mergeWithParent` is false, when only what `pagination` gives is used. */
function nextPage(parent: PagedRequest, pagination: Pagination): PagedRequest {
  const merge = pagination.mergeWithParent !== false;
  return {
    url: pagination.url ?? parent.url,
    method: pagination.method ?? parent.method,
    body: pagination.body ?? parent.body,
    headers: merge ? { ...(parent.headers ?? {}), ...(pagination.headers ?? {}) } : pagination.headers,
    qs: merge ? { ...(parent.qs ?? {}), ...(pagination.qs ?? {}) } : pagination.qs,
  };
}

async function exchange(
  current: PagedRequest,
  request: Request,
  run: CommunicationRun,
  evaluate: (value: unknown, extra?: Record<string, unknown>) => unknown,
  extra: Record<string, unknown>,
): Promise<ResponseState> {
  const base = run.base;
  const semantics = run.semantics ?? DEFAULT_SEMANTICS;
  const method = String(evaluate(current.method, extra) ?? 'GET').toUpperCase();
  // The base is inherited by every request, pagination requests included (whatever `mergeWithParent` says).
  const withBase = {
    headers: base?.headers || current.headers ? { ...(base?.headers ?? {}), ...(current.headers ?? {}) } : undefined,
    qs: base?.qs ? { ...base.qs, ...(current.qs ?? {}) } : current.qs,
    body: baseBody(base, method, current.body, semantics),
  };
  let http = buildHttpRequest(base?.baseUrl === undefined ? undefined : String(evaluate(base.baseUrl, extra)), {
    url: String(evaluate(current.url, extra) ?? ''),
    method,
    headers: evaluate(withBase.headers, extra) as Record<string, unknown> | undefined,
    qs: evaluate(withBase.qs, extra) as Record<string, unknown> | undefined,
    body: evaluate(withBase.body, extra),
    type: request.type,
    encodeUrl: request.encodeUrl,
  });
  const timeout = Math.min(timeoutOf(base, run.context.common), MAX_TIMEOUT_MS);
  const sanitize = [...(request.log?.sanitize ?? [])];
  for (let hop = 0; ; hop += 1) {
    const response = await sendLogged(http, timeout, sanitize, run);
    const location = response.headers.location;
    if (isRedirect(response.status) && typeof location === 'string' && followsRedirect(request, http.method)) {
      if (hop >= MAX_REDIRECTS) {
        throw new MakeRunError('RuntimeError', run.log.mask(`Too many redirects (more than ${MAX_REDIRECTS}) from ${http.url}.`));
      }
      http = redirected(http, response.status, new URL(location, http.url).toString(), semantics);
      continue;
    }
    const headers = Object.fromEntries(
      Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : String(v)]),
    );
    return { body: parseBody(response, request), headers, statusCode: response.status };
  }
}

async function sendLogged(http: HttpRequest, timeout: number, sanitize: string[], run: CommunicationRun): Promise<HttpResponse> {
  const logged = { method: http.method, url: http.url, headers: http.headers, body: logBody(http.body) };
  const started = Date.now();
  let response: HttpResponse;
  try {
    response = await run.send(http, timeout);
  } catch (error) {
    const failure = error instanceof MakeRunError ? error : new MakeRunError('ConnectionError', String(error));
    run.log.add({ request: logged, error: failure.toLine(), durationMs: Date.now() - started }, sanitize);
    throw new MakeRunError(failure.type, run.log.mask(failure.message), failure.statusCode);
  }
  const headers = Object.fromEntries(
    Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : String(v)]),
  );
  run.log.add(
    { request: logged, response: { status: response.status, headers, body: logBody(response.body) ?? '' }, durationMs: Date.now() - started },
    sanitize,
  );
  return response;
}

/** An error status goes through `response.error` whatever its body: a body that does not parse stays text. */
function parseBody(response: HttpResponse, request: Request): unknown {
  try {
    return parseResponseBody(response.body, response.status, response.headers, request.response?.type);
  } catch (error) {
    if (response.status >= 400 && error instanceof MakeRunError) return response.body.toString('utf8');
    throw error;
  }
}

/** The base body is the default body of the requests the `baseBodyMethods` switch names; objects merge. */
function baseBody(base: Base | undefined, method: string, body: unknown, semantics: Semantics): unknown {
  const receives = semantics.baseBodyMethods === 'postAndPut' ? method === 'POST' || method === 'PUT' : method !== 'GET';
  if (base?.body === undefined || !receives) return body;
  return isPlainObject(base.body) && isPlainObject(body) ? { ...base.body, ...body } : (body ?? base.body);
}

/** Base `timeout`, else the app's common data `{"timeout": ...}`, else Make's 40 s. */
function timeoutOf(base: Base | undefined, common: unknown): number {
  const fromCommon = isPlainObject(common) ? Number((common as Record<string, unknown>).timeout) : NaN;
  return base?.timeout ?? (Number.isFinite(fromCommon) && fromCommon > 0 ? fromCommon : DEFAULT_TIMEOUT_MS);
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/** `followRedirects` (GET) and `followAllRedirects` (other methods) both default to true. */
function followsRedirect(request: Request, method: string): boolean {
  return method === 'GET' ? request.followRedirects !== false : request.followAllRedirects !== false;
}

/** The `redirects` switch: as the request library Make's docs describe, 307/308 repeat the request and the
 * others become a GET; or every redirect keeps the method. */
function redirected(http: HttpRequest, status: number, url: string, semantics: Semantics): HttpRequest {
  if (status === 307 || status === 308 || semantics.redirects === 'keepMethod') return { ...http, url };
  const headers = Object.fromEntries(Object.entries(http.headers).filter(([name]) => name.toLowerCase() !== 'content-type'));
  return { method: 'GET', url, headers };
}

interface ProcessedPage {
  items: unknown[];
  iterated: boolean;
  /** Items in the page's container before `iterate.condition`. */
  containerLength: number;
  /** `iterate.container.first` / `.last`, for pagination and the wrapper. */
  iterateContext: IterateContext;
  temp: Record<string, unknown>;
  extras: Pick<CommunicationResult, 'data' | 'metadata' | 'uid'>;
}

type IterateContext = { iterate?: { container: { first: unknown; last: unknown } } };

/** One response through temp, error/valid, iterate and output. */
function processResponse(
  response: Response,
  state: ResponseState,
  run: CommunicationRun,
  inheritedTemp: Record<string, unknown>,
): ProcessedPage {
  const semantics = run.semantics ?? DEFAULT_SEMANTICS;
  const base = { ...run.context, body: state.body, headers: state.headers, statusCode: state.statusCode };
  let temp = inheritedTemp;
  const evaluate = (value: unknown, extra: Record<string, unknown> = {}): unknown =>
    evaluateIml(value, { ...base, temp, ...extra }, run.iml);

  // Response temp runs right after the HTTP call, before the other directives.
  if (response.temp) temp = { ...temp, ...(evaluate(response.temp) as Record<string, unknown>) };

  const status = state.statusCode;
  if (status !== undefined && status >= 400 && status <= 599) {
    throw httpError(response, status, evaluate, run);
  }
  if (response.valid !== undefined) {
    const valid = typeof response.valid === 'object' && response.valid !== null ? response.valid : { condition: response.valid };
    if (!isTruthy(semantics, evaluate(valid.condition))) throw invalidError(response, valid, status, evaluate, run);
  }

  const extras = {
    data: response.data === undefined ? undefined : (evaluate(response.data) as Record<string, unknown>),
    metadata: response.metadata === undefined ? undefined : (evaluate(response.metadata) as { type: string; value: unknown }),
    uid: response.uid === undefined ? undefined : evaluate(response.uid),
  };

  if (response.iterate === undefined) {
    const output = response.output === undefined ? state.body : evaluate(response.output);
    return { items: [output], iterated: false, containerLength: 1, iterateContext: {}, temp, extras };
  }
  const iterate = typeof response.iterate === 'string' ? { container: response.iterate } : response.iterate;
  const container = evaluate(iterate.container);
  const list = iterationItems(container, semantics);
  const items: unknown[] = [];
  for (const item of list) {
    if (iterate.condition !== undefined && !isTruthy(semantics, evaluate(iterate.condition, { item }))) continue;
    items.push(response.output === undefined ? item : evaluate(response.output, { item }));
  }
  const iterateContext = { iterate: { container: { first: list[0], last: list[list.length - 1] } } };
  return { items, iterated: true, containerLength: list.length, iterateContext, temp, extras };
}

/** Undefined or null: the `iterateOnNothing` switch. */
function iterationItems(container: unknown, semantics: Semantics): unknown[] {
  if (semantics.iterateOnNothing === 'noItems' && (container === undefined || container === null)) return [];
  if (Array.isArray(container)) return container;
  throw new MakeRunError('RuntimeError', `The iterate container is not an array (got ${typeName(container)}).`);
}

function finish(
  response: Response,
  items: unknown[],
  iterated: boolean,
  temp: Record<string, unknown>,
  last: ResponseState,
  iterateContext: IterateContext,
  run: CommunicationRun,
  extras: Pick<CommunicationResult, 'data' | 'metadata' | 'uid'>,
): CommunicationResult {
  if (response.wrapper === undefined) return { items, iterated, produced: true, temp, ...extras };
  // The wrapper runs once, at the end, with `output` bound to what was collected; nothing runs after it.
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

function httpError(
  response: Response,
  status: number,
  evaluate: (value: unknown) => unknown,
  run: CommunicationRun,
): MakeRunError {
  const spec = errorSpecFor(response.error, status);
  const message = spec.message !== undefined ? String(evaluate(spec.message) ?? '') : defaultErrorMessage(status);
  const type = spec.type !== undefined ? String(evaluate(spec.type)) : defaultErrorType(run.semantics ?? DEFAULT_SEMANTICS, status);
  return new MakeRunError(type as RunErrorType, run.log.mask(message), status);
}

/** On a falsy `valid`: its own message and type, then `error.<status>`, then the generic `error`. */
function invalidError(
  response: Response,
  valid: { message?: string; type?: string },
  status: number | undefined,
  evaluate: (value: unknown) => unknown,
  run: CommunicationRun,
): MakeRunError {
  const fallback = status === undefined ? {} : errorSpecFor(response.error, status);
  const message = valid.message ?? fallback.message;
  const type = valid.type ?? fallback.type;
  return new MakeRunError(
    (type !== undefined ? String(evaluate(type)) : 'RuntimeError') as RunErrorType,
    run.log.mask(
      message !== undefined
        ? String(evaluate(message) ?? '')
        : invalidResponseMessage(run.semantics ?? DEFAULT_SEMANTICS, status),
    ),
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

/** What a request inherits from the base here: the response directives (merged as the `responseMerge` switch
 * says), and the log.sanitize lists, joined. The base URL, headers, qs and body are applied to every HTTP
 * request in `exchange`. */
function mergeBase(base: Base, request: Request, semantics: Semantics): Request {
  const response =
    base.response || request.response ? { ...(base.response ?? {}), ...(request.response ?? {}) } : undefined;
  if (response && semantics.responseMerge === 'errorMergesByStatus' && isPlainObject(base.response?.error)) {
    const own = request.response?.error;
    if (isPlainObject(own)) response.error = { ...base.response.error, ...own };
  }
  return {
    ...request,
    response,
    log:
      base.log || request.log
        ? { sanitize: [...new Set([...(base.log?.sanitize ?? []), ...(request.log?.sanitize ?? [])])] }
        : undefined,
  };
}

function conditionForm(condition: NonNullable<Request['condition']>): { condition: unknown; hasDefault: boolean; default?: unknown } {
  if (typeof condition === 'object' && condition !== null) {
    return { condition: condition.condition, hasDefault: 'default' in condition, default: condition.default };
  }
  return { condition, hasDefault: false };
}

/** `limit`: empty means unlimited; otherwise the module returns exactly that many items at most. */
function toLimit(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) {
    throw new MakeRunError('RuntimeError', `The limit '${String(value)}' is not a non-negative number.`);
  }
  return Math.floor(n);
}

/** IML errors inside a run stop the module like any runtime error. */
function evaluateIml(value: unknown, context: Record<string, unknown>, options: ImlOptions | undefined): unknown {
  if (value === undefined) return undefined;
  try {
    return evaluateDeep(value, context, options);
  } catch (error) {
    if (error instanceof MakeRunError) throw error;
    throw new MakeRunError('RuntimeError', (error as Error).message);
  }
}

function isPlainObject(value: unknown): value is Record<string, never> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function typeName(value: unknown): string {
  return Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
}
