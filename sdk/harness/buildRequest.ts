// Evaluated request directives → the HTTP request Make would send
// (https://developers.make.com/custom-apps-documentation/component-blocks/api/making-requests).
import { MakeRunError } from './errors';
import type { HttpRequest } from './http';

export interface EvaluatedRequest {
  url: string;
  method: string;
  headers?: Record<string, unknown>;
  /** `undefined`: no qs directive (the URL's own query stays); an object replaces the URL's query. */
  qs?: Record<string, unknown>;
  body?: unknown;
  type?: string;
  encodeUrl?: boolean;
}

export function buildHttpRequest(baseUrl: string | undefined, request: EvaluatedRequest): HttpRequest {
  const method = request.method.toUpperCase();
  let url = joinUrl(baseUrl, request.url);
  if (request.encodeUrl !== false) url = encodeUrl(url);
  if (request.qs !== undefined) {
    const query = stringifyQuery(request.qs);
    url = url.replace(/[?#].*$/, '') + (query ? `?${query}` : '');
  }
  const headers = titleCaseHeaders(request.headers ?? {});
  let body: Buffer | undefined;
  // The body is ignored for GET: no Content-Type is sent.
  if (method !== 'GET' && request.body !== undefined) {
    const encoded = encodeBody(request.body, request.type ?? 'json');
    body = encoded.body;
    if (encoded.contentType && !hasHeader(headers, 'content-type')) headers['Content-Type'] = encoded.contentType;
  }
  return { method, url, headers, body };
}

/** Only a url starting with `/` is appended to the base URL (developers.make.com, Base); anything else is
 * sent as written, so a forgotten slash fails as it would in Make. */
export function joinUrl(baseUrl: string | undefined, url: string): string {
  if (!url.startsWith('/')) return url;
  if (!baseUrl) throw new MakeRunError('RuntimeError', `The URL '${url}' starts with '/', and no base URL is set.`);
  return `${baseUrl.replace(/\/+$/, '')}${url}`;
}

/** Make encodes the final URL itself, `%` included: an `encodeURL()` inside the url is encoded twice
 * (`%2F` → `%252F`), as Make's docs warn; `encodeUrl: false` hands encoding to the app. */
function encodeUrl(url: string): string {
  return url.replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]/g, (c) => encodeURIComponent(c));
}

/** Arrays become repeated keys; undefined values are dropped; [INF] nested objects use bracket notation. */
export function stringifyQuery(qs: Record<string, unknown>): string {
  const pairs: string[] = [];
  const add = (key: string, value: unknown): void => {
    if (value === undefined) return;
    if (Array.isArray(value)) {
      for (const item of value) add(key, item);
    } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      for (const [sub, item] of Object.entries(value)) add(`${key}[${sub}]`, item);
    } else {
      pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(scalarText(value))}`);
    }
  };
  for (const [key, value] of Object.entries(qs)) add(key, value);
  return pairs.join('&');
}

/** Headers are case-insensitive and sent Title-Cased (`x-api-key` → `X-Api-Key`). */
function titleCaseHeaders(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const titled = name.toLowerCase().replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
    out[titled] = scalarText(value);
  }
  return out;
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((h) => h.toLowerCase() === name);
}

function encodeBody(body: unknown, type: string): { body: Buffer; contentType?: string } {
  switch (type) {
    case 'json':
      return { body: Buffer.from(JSON.stringify(body)), contentType: 'application/json' };
    case 'urlencoded':
      return {
        body: Buffer.from(typeof body === 'string' ? body : stringifyQuery(asObject(body))),
        contentType: 'application/x-www-form-urlencoded',
      };
    case 'text':
    case 'string':
    case 'raw':
      return { body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)) };
    case 'binary':
      return { body: Buffer.isBuffer(body) ? body : Buffer.from(String(body)) };
    default:
      throw new MakeRunError('UnexpectedError', `Request type '${type}' is not supported by this harness.`);
  }
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
