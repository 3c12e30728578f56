// Response body → the `body` IML sees, by `response.type`
// (https://developers.make.com/custom-apps-documentation/component-blocks/api/handling-responses/type).
import type { IncomingHttpHeaders } from 'node:http';
import { MakeRunError } from './errors';

type ResponseTypeSpec = string | Record<string, string> | undefined;

export function parseResponseBody(
  raw: Buffer,
  status: number,
  headers: IncomingHttpHeaders,
  typeSpec: ResponseTypeSpec,
): unknown {
  const type = typeForStatus(typeSpec, status);
  const text = raw.toString('utf8');
  switch (type) {
    case 'json':
      return parseJson(text, status);
    case 'urlencoded':
      return Object.fromEntries(new URLSearchParams(text));
    case 'text':
    case 'string':
    case 'raw':
      return text;
    case 'binary':
      return raw;
    case 'xml':
      throw new MakeRunError('UnexpectedError', 'XML responses are not supported by this harness.');
    default:
      return parseAutomatic(text, status, String(headers['content-type'] ?? ''));
  }
}

/** `automatic` decides by Content-Type: JSON, urlencoded and text are handled; anything else stays text. */
function parseAutomatic(text: string, status: number, contentType: string): unknown {
  const mime = contentType.split(';')[0].trim().toLowerCase();
  if (mime === 'application/json' || mime.endsWith('+json')) return parseJson(text, status);
  if (mime === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text));
  if (mime === 'application/xml' || mime === 'text/xml') {
    throw new MakeRunError('UnexpectedError', 'XML responses are not supported by this harness.');
  }
  return text;
}

/** [INF] An empty body is `undefined`; a body that is not JSON when JSON was announced is a RuntimeError. */
function parseJson(text: string, status: number): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    const excerpt = text.length > 80 ? `${text.slice(0, 80)}…` : text;
    throw new MakeRunError(
      'RuntimeError',
      `Failed to parse the response as JSON (status ${status}): ${(error as Error).message}. Body starts with: ${excerpt}`,
      status,
    );
  }
}

/** A type map is keyed by `*`, a status (`"406"`) or a range (`"400-499"`): the narrowest match wins. */
export function typeForStatus(spec: ResponseTypeSpec, status: number): string {
  if (spec === undefined) return 'automatic';
  if (typeof spec === 'string') return spec;
  let best: { width: number; type: string } | undefined;
  for (const [key, type] of Object.entries(spec)) {
    const range = /^(\d{3})(?:-(\d{3}))?$/.exec(key);
    if (!range) continue;
    const low = Number(range[1]);
    const high = Number(range[2] ?? range[1]);
    if (status >= low && status <= high && (!best || high - low < best.width)) best = { width: high - low, type };
  }
  return best?.type ?? spec['*'] ?? 'automatic';
}
