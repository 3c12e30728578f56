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

/**
 * Bodies longer than this many characters are cut in the log: about a screenful, enough for an error body
 * or a few contracts, while a 50,000-contract sync or a proxy's HTML error page would fill a terminal.
 */
export const MAX_LOGGED_BODY = 4096;

/** A character takes at most 4 bytes in UTF-8: this many bytes always hold the part of a body the log keeps. */
const LOGGED_HEAD_BYTES = 4 * MAX_LOGGED_BODY;

/**
 * The credentials of a URL (`scheme://user:password@`), up to the last `@` of the authority. The user name
 * is masked too: it is often the secret itself (`https://TOKEN@host`, or an API key as user name). No word
 * boundary before the scheme (`xhttps://` is found too); its length is bounded, so the search stays linear.
 */
const URL_CREDENTIALS = /([a-z][a-z0-9+.-]{0,31}:\/\/)[^\s/?#\\"'<>]+@/gi;

/**
 * `name=value` in a query string, a form body or a cookie: at the start of the text, or after `?`, `&` or
 * `;` (which also catches `&amp;token=` in HTML).
 */
const QUERY_PARAMETER = /(^|[?&]|;\s*)([^=&?;#\s"'<>]+)=([^&;#\s"'<>\\]*)/g;

/** A query parameter holds a secret when a word of its name ends so: `token`, `access_token`, `apikey`, `X-Amz-Signature`. */
const SECRET_WORD_ENDINGS = ['token', 'key', 'secret', 'password', 'passwd', 'signature', 'credential', 'credentials'];
/** ... or is one of these short words, which as endings would catch ordinary names (`bypass`, `compass`). */
const SECRET_WORDS = new Set(['pwd', 'pass', 'auth', 'sig', 'jwt']);

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

  /**
   * Masks every secret in a text: for the log, error messages and anything printed. The connection's
   * secret values, the credentials of any URL, and the values of query parameters named like a secret.
   */
  mask(text: string): string {
    return maskSecretsInUrls(this.maskKnownSecrets(text));
  }

  private maskKnownSecrets(text: string): string {
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

/** A body as the log shows it: its text, cut after MAX_LOGGED_BODY characters. */
export function logBody(body: Buffer | undefined): string | undefined {
  if (body === undefined) return undefined;
  // Only the head is decoded: a 50 MB sync body is counted, not copied.
  const head = body.subarray(0, LOGGED_HEAD_BYTES).toString('utf8');
  const fullLength = body.length <= LOGGED_HEAD_BYTES ? head.length : utf16Length(body);
  // Masked before the cut, so that URL credentials or a token straddling it are masked whole. (The
  // connection's own secrets are masked later, by the log that knows them.)
  return cutBody(maskSecretsInUrls(head), fullLength);
}

/** The text itself when it is short enough, else its first characters and how long it was. */
function cutBody(text: string, fullLength: number): string {
  if (fullLength <= MAX_LOGGED_BODY) return text;
  // Never end on half of a surrogate pair (an emoji cut in two).
  const end = isHighSurrogate(text.charCodeAt(MAX_LOGGED_BODY - 1)) ? MAX_LOGGED_BODY - 1 : MAX_LOGGED_BODY;
  return `${text.slice(0, end)}…(cut: ${withThousands(fullLength)} characters in all)`;
}

/** `61234` → `61,234`. By hand: the first toLocaleString of a process loads ICU's number data (tens of ms). */
function withThousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * The length of the decoded text, in JavaScript characters (UTF-16 units), read from the UTF-8 bytes:
 * one per byte that starts a character, two for a 4-byte character. Exact for valid UTF-8.
 */
function utf16Length(bytes: Buffer): number {
  let length = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i];
    if ((byte & 0xc0) !== 0x80) length += byte >= 0xf0 ? 2 : 1;
  }
  return length;
}

/** The credentials of every URL and the values of query parameters named like a secret. */
function maskSecretsInUrls(text: string): string {
  // The quick checks spare the regular expressions most bodies (a page of contracts has neither).
  const withoutCredentials = text.includes('://') ? text.replace(URL_CREDENTIALS, `$1${MASK}@`) : text;
  return withoutCredentials.includes('=') ? maskQueryValues(withoutCredentials, isSecretName) : withoutCredentials;
}

/** Masks the value of each `name=value` pair whose name is chosen, leaving the rest of the text as sent. */
function maskQueryValues(text: string, chosen: (name: string) => boolean): string {
  return text.replace(QUERY_PARAMETER, (pair: string, separator: string, name: string, value: string) =>
    value !== '' && value !== MASK && chosen(decodedName(name)) ? `${separator}${name}=${MASK}` : pair,
  );
}

function decodedName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

function isSecretName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.some((word) => SECRET_WORDS.has(word) || SECRET_WORD_ENDINGS.some((ending) => word.endsWith(ending)));
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
      // Textual, so that the URL stays as sent, and a URL that does not parse is masked too.
      target.url = maskQueryValues(target.url, (name) => name === key);
    } else if (part === 'body' && target.body !== undefined) {
      target.body = maskJsonPath(target.body, rest);
    }
  }
  return out;
}

function maskJsonPath(text: string, path: string[]): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // A cut body (or not JSON at all): mask the key's values wherever they appear.
    return maskJsonKeyValues(text, path[path.length - 1]);
  }
  let node = value as Record<string, unknown> | undefined;
  for (const key of path.slice(0, -1)) node = node?.[key] as Record<string, unknown> | undefined;
  const last = path[path.length - 1];
  if (node && typeof node === 'object' && last in node) node[last] = MASK;
  return JSON.stringify(value);
}

/** `"key": value` anywhere in a JSON text, the value possibly cut (an unterminated string). */
function maskJsonKeyValues(text: string, key: string): string {
  const name = JSON.stringify(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pair = new RegExp(`(${name}\\s*:\\s*)("(?:[^"\\\\]|\\\\.)*(?:"|$)|[^,}\\]\\s]+)`, 'g');
  return text.replace(pair, `$1${JSON.stringify(MASK)}`);
}
