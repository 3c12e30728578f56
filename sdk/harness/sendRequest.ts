// The request half of a communication: what a request inherits from the base, the page a paginated request asks
// for next, and one HTTP exchange (the base applied, the request built, sent and logged, redirects followed).
import type { Base, Pagination, Request } from '../types';
import { isPlainObject } from '../../lib/values';
import { buildHttpRequest, type EvaluatedRequest } from './buildRequest';
import type { Evaluate, SettledRun } from './communicationRun';
import { MakeRunError } from './errors';
import { flatHeaders, type HttpRequest, type HttpResponse } from './http';
import { logBody } from './requestLog';
import {
  DEFAULT_TIMEOUT_MS,
  MAX_REDIRECTS,
  MAX_TIMEOUT_MS,
  mergesErrorByStatus,
  receivesBaseBody,
  redirectRepeatsRequest,
  type Semantics,
} from './semantics';

/** The directives that change from one page to the next: those of the HTTP request, before evaluation. */
export type PagedRequest = Pick<EvaluatedRequest, 'url' | 'method' | 'headers' | 'qs' | 'body'>;

/**
 * What a request inherits from the base here: the response directives (merged as the `responseMerge` switch
 * says), and the log.sanitize lists, joined. The base URL, headers, qs and body are applied to every HTTP
 * request in `sendRequest`.
 */
export function inheritBase(base: Base, request: Request, semantics: Semantics): Request {
  const response =
    base.response || request.response ? { ...(base.response ?? {}), ...(request.response ?? {}) } : undefined;
  if (response && mergesErrorByStatus(semantics) && isPlainObject(base.response?.error)) {
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

/** The first page: the request's own directives. */
export function firstPage(url: string, request: Request): PagedRequest {
  return { url, method: request.method ?? 'GET', headers: request.headers, qs: request.qs, body: request.body };
}

/** `url`, `method` and `body` in `pagination` override the parent; `headers` and `qs` merge over it unless
 * `mergeWithParent` is false, when only what `pagination` gives is used. */
export function nextPage(parent: PagedRequest, pagination: Pagination): PagedRequest {
  const merge = pagination.mergeWithParent !== false;
  return {
    url: pagination.url ?? parent.url,
    method: pagination.method ?? parent.method,
    body: pagination.body ?? parent.body,
    headers: merge ? { ...(parent.headers ?? {}), ...(pagination.headers ?? {}) } : pagination.headers,
    qs: merge ? { ...(parent.qs ?? {}), ...(pagination.qs ?? {}) } : pagination.qs,
  };
}

/** One page sent: the base applied, IML evaluated with `variables`, redirects followed; the last response. */
export async function sendRequest(
  page: PagedRequest,
  request: Request,
  run: SettledRun,
  evaluate: Evaluate,
  variables: Record<string, unknown>,
): Promise<HttpResponse> {
  const base = run.base;
  const method = String(evaluate(page.method, variables) ?? 'GET').toUpperCase();
  // The base is inherited by every request, pagination requests included (whatever `mergeWithParent` says).
  const withBase = {
    headers: base?.headers || page.headers ? { ...(base?.headers ?? {}), ...(page.headers ?? {}) } : undefined,
    qs: base?.qs ? { ...base.qs, ...(page.qs ?? {}) } : page.qs,
    body: withBaseBody(base, method, page.body, run.semantics),
  };
  let http = buildHttpRequest(base?.baseUrl === undefined ? undefined : String(evaluate(base.baseUrl, variables)), {
    url: String(evaluate(page.url, variables) ?? ''),
    method,
    headers: evaluate(withBase.headers, variables) as Record<string, unknown> | undefined,
    qs: evaluate(withBase.qs, variables) as Record<string, unknown> | undefined,
    body: evaluate(withBase.body, variables),
    type: request.type,
    encodeUrl: request.encodeUrl,
  });
  const timeout = Math.min(timeoutOf(base, run.context.common), MAX_TIMEOUT_MS);
  const sanitize = [...(request.log?.sanitize ?? [])];
  for (let hop = 0; ; hop += 1) {
    const response = await sendLogged(http, timeout, sanitize, run);
    const location = response.headers.location;
    if (!isRedirect(response.status) || typeof location !== 'string' || !followsRedirect(request, http.method)) return response;
    if (hop >= MAX_REDIRECTS) {
      throw new MakeRunError('RuntimeError', run.log.mask(`Too many redirects (more than ${MAX_REDIRECTS}) from ${http.url}.`));
    }
    http = redirected(http, response.status, new URL(location, http.url).toString(), run.semantics);
  }
}

async function sendLogged(http: HttpRequest, timeout: number, sanitize: string[], run: SettledRun): Promise<HttpResponse> {
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
  run.log.add(
    {
      request: logged,
      response: { status: response.status, headers: flatHeaders(response.headers), body: logBody(response.body) ?? '' },
      durationMs: Date.now() - started,
    },
    sanitize,
  );
  return response;
}

/** The base body is the default body of the requests the `baseBodyMethods` switch names; objects merge. */
function withBaseBody(base: Base | undefined, method: string, body: unknown, semantics: Semantics): unknown {
  if (base?.body === undefined || !receivesBaseBody(semantics, method)) return body;
  return isPlainObject(base.body) && isPlainObject(body) ? { ...base.body, ...body } : (body ?? base.body);
}

/** Base `timeout`, else the app's common data `{"timeout": ...}`, else Make's 40 s. */
function timeoutOf(base: Base | undefined, common: unknown): number {
  const fromCommon = isPlainObject(common) ? Number(common.timeout) : NaN;
  return base?.timeout ?? (Number.isFinite(fromCommon) && fromCommon > 0 ? fromCommon : DEFAULT_TIMEOUT_MS);
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/** `followRedirects` (GET) and `followAllRedirects` (other methods) both default to true. */
function followsRedirect(request: Request, method: string): boolean {
  return method === 'GET' ? request.followRedirects !== false : request.followAllRedirects !== false;
}

/** The request a followed redirect makes (the `redirects` switch): the same one at the new URL, or a GET without
 * body. */
function redirected(http: HttpRequest, status: number, url: string, semantics: Semantics): HttpRequest {
  if (redirectRepeatsRequest(semantics, status)) return { ...http, url };
  const headers = Object.fromEntries(Object.entries(http.headers).filter(([name]) => name.toLowerCase() !== 'content-type'));
  return { method: 'GET', url, headers };
}
