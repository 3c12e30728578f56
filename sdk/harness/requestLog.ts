// The request log, as Make's DevTool shows it: each request and its response, with secrets masked.
import { MASK } from './semantics';

export interface LoggedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoggedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface LogEntry {
  request: LoggedRequest;
  response?: LoggedResponse;
  error?: string;
  durationMs: number;
}

/** Bodies longer than this are cut in the log (a 50,000-contract sync would otherwise fill a terminal). */
const MAX_LOGGED_BODY = 64 * 1024;

export class RequestLog {
  readonly entries: LogEntry[] = [];
  private readonly secrets: string[];

  constructor(secrets: Array<string | undefined> = []) {
    // Short values would mask ordinary text; longest first so that overlapping secrets mask whole.
    this.secrets = [...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4))].sort(
      (a, b) => b.length - a.length,
    );
  }

  add(entry: LogEntry, sanitize: string[]): void {
    const sanitized = applySanitize(entry, sanitize);
    const maskAll = (headers: Record<string, string>) =>
      Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, this.mask(v)]));
    const { request, response } = sanitized;
    this.entries.push({
      request: {
        method: request.method,
        url: this.mask(request.url),
        headers: maskAll(request.headers),
        ...(request.body !== undefined ? { body: this.mask(request.body) } : {}),
      },
      ...(response ? { response: { status: response.status, headers: maskAll(response.headers), body: this.mask(response.body) } } : {}),
      ...(sanitized.error !== undefined ? { error: this.mask(sanitized.error) } : {}),
      durationMs: sanitized.durationMs,
    });
  }

  /** Replaces every secret in a text: for the log, error messages and anything printed. */
  mask(text: string): string {
    let out = text;
    for (const secret of this.secrets) {
      out = out.split(secret).join(MASK);
      const encoded = encodeURIComponent(secret);
      if (encoded !== secret) out = out.split(encoded).join(MASK);
      const inJson = JSON.stringify(secret).slice(1, -1);
      if (inJson !== secret) out = out.split(inJson).join(MASK);
    }
    return out;
  }

  /** One human-readable block per request, as `--trace` prints it. */
  format(): string {
    return this.entries
      .map((e, i) => {
        const lines = [`#${i + 1} ${e.request.method} ${e.request.url}`];
        for (const [k, v] of Object.entries(e.request.headers)) lines.push(`  > ${k}: ${v}`);
        if (e.request.body !== undefined) lines.push(`  > ${e.request.body}`);
        if (e.response) {
          lines.push(`  < ${e.response.status} (${e.durationMs} ms)`);
          for (const [k, v] of Object.entries(e.response.headers)) lines.push(`  < ${k}: ${v}`);
          lines.push(`  < ${e.response.body}`);
        }
        if (e.error) lines.push(`  ! ${e.error} (${e.durationMs} ms)`);
        return lines.join('\n');
      })
      .join('\n');
  }
}

export function logBody(body: Buffer | undefined): string | undefined {
  if (body === undefined) return undefined;
  if (body.length <= MAX_LOGGED_BODY) return body.toString('utf8');
  return `${body.subarray(0, MAX_LOGGED_BODY).toString('utf8')}… (${body.length} bytes in all)`;
}

/** `log.sanitize` paths: `request.headers.<name>`, `request.qs.<name>`, `request.body.<path>`, `response.body.<path>`. */
function applySanitize(entry: LogEntry, paths: string[]): LogEntry {
  const out: LogEntry = {
    ...entry,
    request: { ...entry.request, headers: { ...entry.request.headers } },
    response: entry.response && { ...entry.response, headers: { ...entry.response.headers } },
  };
  for (const path of paths) {
    const [where, part, ...rest] = path.split('.');
    const key = rest.join('.');
    const target = where === 'request' ? out.request : where === 'response' ? out.response : undefined;
    if (!target) continue;
    if (part === 'headers') {
      for (const name of Object.keys(target.headers)) {
        if (name.toLowerCase() === key.toLowerCase()) target.headers[name] = MASK;
      }
    } else if (part === 'qs' && 'url' in target) {
      const url = new URL(target.url);
      if (url.searchParams.has(key)) {
        url.searchParams.set(key, MASK);
        target.url = url.toString();
      }
    } else if (part === 'body' && target.body !== undefined) {
      target.body = maskJsonPath(target.body, rest);
    }
  }
  return out;
}

function maskJsonPath(text: string, path: string[]): string {
  try {
    const value = JSON.parse(text) as unknown;
    let node = value as Record<string, unknown> | undefined;
    for (const key of path.slice(0, -1)) node = node?.[key] as Record<string, unknown> | undefined;
    const last = path[path.length - 1];
    if (node && typeof node === 'object' && last in node) node[last] = MASK;
    return JSON.stringify(value);
  } catch {
    return text;
  }
}
