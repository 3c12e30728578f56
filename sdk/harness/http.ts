// One HTTP exchange over node:http(s), with Make's transport failures as Make errors.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { MakeRunError } from './errors';

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export function sendHttp(req: HttpRequest, timeoutMs: number): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      reject(new MakeRunError('RuntimeError', `Invalid URL: ${req.url}`));
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      reject(new MakeRunError('RuntimeError', `Unsupported protocol in URL: ${url.protocol}`));
      return;
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const headers: Record<string, string> = { ...req.headers };
    if (req.body !== undefined) headers['Content-Length'] = String(req.body.length);
    const outgoing = send(url, { method: req.method, headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () =>
        resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks) }),
      );
      incoming.on('error', (error) => reject(transportError(error, req.url)));
    });
    outgoing.setTimeout(timeoutMs, () => {
      outgoing.destroy(
        new MakeRunError('ModuleTimeoutError', `The request to ${url.origin} timed out after ${timeoutMs / 1000} s.`),
      );
    });
    outgoing.on('error', (error) => reject(error instanceof MakeRunError ? error : transportError(error, req.url)));
    if (req.body !== undefined) outgoing.write(req.body);
    outgoing.end();
  });
}

/** Response headers as IML and the request log see them: names in lower case, repeated values joined by ", ". */
export function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return flat;
}

/** [INF] Transport failures (DNS, refused, reset) surface as ConnectionError. */
function transportError(error: Error & { code?: string }, url: string): MakeRunError {
  const origin = safeOrigin(url);
  const what: Record<string, string> = {
    ECONNREFUSED: 'the connection was refused',
    ENOTFOUND: 'the host was not found',
    ECONNRESET: 'the connection was reset',
    EAI_AGAIN: 'the host name could not be resolved',
  };
  const reason = (error.code && what[error.code]) || error.message;
  return new MakeRunError('ConnectionError', `Could not reach ${origin}: ${reason}${error.code ? ` (${error.code})` : ''}.`);
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
