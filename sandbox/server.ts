// The sandbox over HTTP: node:http on 127.0.0.1, JSON in and out, the state machine (state.ts) behind. The state
// it starts with comes from startup.ts; with a data file, it is saved atomically after every change.

import * as http from 'node:http';
import { randomToken } from './accounts';
import { fail } from './errors';
import { saveState } from './persistence';
import { handle } from './state';
import { startingState, type StartupOptions } from './startup';
import type { SandboxRequest, SandboxResponse, SandboxState } from './types';

export const DEFAULT_PORT = 4010;
/** Large enough for a full sync of 50,000 contracts (about 50 MB of JSON). */
export const DEFAULT_BODY_LIMIT = 100 * 1024 * 1024;
const HOST = '127.0.0.1';
/** How long close() (SIGINT, SIGTERM) waits for the requests in progress before cutting their connections. */
export const SHUTDOWN_GRACE_MS = 5000;

export interface SandboxOptions extends StartupOptions {
  /** 0 picks a free port. Default DEFAULT_PORT. */
  port?: number;
  /** The admin token of the `/_sandbox/` routes (random when absent). */
  adminToken?: string;
  /** Largest request body, in bytes. Default DEFAULT_BODY_LIMIT. */
  bodyLimit?: number;
  /** Where request lines go (default console.log). Never receives a token. */
  log?: (line: string) => void;
  /** How long close() lets requests in progress finish before cutting them. Default SHUTDOWN_GRACE_MS. */
  shutdownGraceMs?: number;
}

export interface RunningSandbox {
  url: string;
  port: number;
  /** The primary account's token. */
  token: string;
  adminToken: string;
  /** The current state (read only). */
  state(): SandboxState;
  /**
   * Stops accepting connections, lets the requests in progress finish for up to the grace period
   * (`shutdownGraceMs`, 5 s), then cuts the connections still open, logging each request cut; saves the state.
   */
  close(): Promise<void>;
}

class RequestError extends Error {
  constructor(readonly response: SandboxResponse, readonly closeConnection = false) {
    super(String(response.status));
  }
}

/** The client's connection closed before its body ended (or the shutdown cut it): nobody to answer. */
class ConnectionLost extends Error {
  constructor() {
    super('connection closed before the end of the request body');
  }
}

function isJsonContentType(value: string | undefined): boolean {
  const type = (value ?? '').split(';')[0].trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/**
 * The deepest nesting of arrays and objects a body may have. The API's bodies are a few levels deep (a
 * contract is flat; grades, the deepest, about 7); far deeper JSON is refused with 400 before anything
 * walks it recursively (JSON.stringify would overflow the stack).
 */
export const MAX_BODY_DEPTH = 100;

/** Whether `value` nests arrays and objects deeper than `max` levels. Iterative: no stack to overflow. */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  // Containers still to look into, and their depth (1 for the body itself).
  const nodes: object[] = [value];
  const depths: number[] = [1];
  while (nodes.length > 0) {
    const node = nodes.pop() as Record<string, unknown>;
    const depth = depths.pop() as number;
    if (depth > max) return true;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const child: unknown = node[i];
        if (child !== null && typeof child === 'object') {
          nodes.push(child);
          depths.push(depth + 1);
        }
      }
    } else {
      for (const key in node) {
        const child = node[key];
        if (child !== null && typeof child === 'object') {
          nodes.push(child);
          depths.push(depth + 1);
        }
      }
    }
  }
  return false;
}

/** The JSON of a body; undefined when it is empty. */
function parseJsonBody(chunks: readonly Buffer[]): unknown {
  const text = Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RequestError(
      fail(400, 'BAD_REQUEST', `Le corps de la requête n'est pas un JSON valide : ${(error as Error).message}.`),
    );
  }
  if (nestedDeeperThan(value, MAX_BODY_DEPTH)) {
    throw new RequestError(
      fail(400, 'BAD_REQUEST', `Le corps de la requête est imbriqué trop profondément (plus de ${MAX_BODY_DEPTH} niveaux de tableaux ou d'objets).`),
    );
  }
  return value;
}

/**
 * Reads a JSON body within the limit; undefined when there is none. A body over the limit is refused
 * as soon as the limit is passed (declared or streamed): reading stops there, and the 413 is sent with
 * `Connection: close`, so the rest of the upload is never read.
 */
function readBody(request: http.IncomingMessage, limit: number): Promise<unknown> {
  const declared = request.headers['content-length'];
  const hasBody = (declared !== undefined && Number(declared) > 0) || request.headers['transfer-encoding'] !== undefined;
  if (!hasBody) {
    request.resume();
    return Promise.resolve(undefined);
  }
  if (!isJsonContentType(request.headers['content-type'])) {
    request.resume();
    return Promise.reject(
      new RequestError(
        fail(415, 'UNSUPPORTED_MEDIA_TYPE', `Le corps de la requête doit être du JSON (Content-Type: application/json), reçu "${request.headers['content-type'] ?? 'aucun'}".`),
      ),
    );
  }
  const tooLarge = () =>
    new RequestError(fail(413, 'PAYLOAD_TOO_LARGE', `Le corps de la requête dépasse la taille maximale acceptée (${limit} octets).`), true);
  if (declared !== undefined && Number(declared) > limit) return Promise.reject(tooLarge());

  return new Promise<unknown>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (outcome: () => void) => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('close', onClose);
      outcome();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      // Stop reading here: nothing more is taken from the connection, which closes after the 413.
      request.pause();
      settle(() => reject(tooLarge()));
    };
    const onEnd = () =>
      settle(() => {
        try {
          resolve(parseJsonBody(chunks));
        } catch (error) {
          reject(error);
        }
      });
    const onError = (error: Error) => settle(() => reject(error));
    const onClose = () => settle(() => reject(new ConnectionLost()));
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('close', onClose);
  });
}

/** The path of a request target, as sent, and its query. Never reads a host from it (`//api/...` is a path). */
export function splitTarget(target: string): { path: string; query: Record<string, string> } {
  const cut = target.search(/[?#]/);
  const pathPart = cut < 0 ? target : target.slice(0, cut);
  const queryPart = cut < 0 || target[cut] === '#' ? '' : target.slice(cut + 1).split('#')[0];
  const query: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(queryPart)) if (!Object.prototype.hasOwnProperty.call(query, key)) query[key] = value;
  return { path: pathPart === '' ? '/' : pathPart, query };
}

/** Starts the sandbox; resolves once it listens. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const log = options.log ?? ((line: string) => console.log(line));
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const adminToken = options.adminToken ?? randomToken();
  const dataFile = options.dataFile;
  let state = startingState(options);

  let closing = false;
  /** Requests whose answer is not yet fully sent, to name those the shutdown cuts. */
  const inProgress = new Set<{ method: string; path: string; cut: boolean }>();

  function send(response: http.ServerResponse, result: SandboxResponse, closeConnection: boolean): void {
    const payload = JSON.stringify(result.body);
    response.writeHead(result.status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(payload),
      ...(closeConnection || closing ? { Connection: 'close' } : {}),
      ...result.headers,
    });
    response.end(payload);
  }

  async function serve(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    const method = request.method ?? 'GET';
    // The path as sent: `//api/...` stays a path (never a host), and a 404 names it as such.
    const target = splitTarget(request.url ?? '/');
    const entry = { method, path: target.path, cut: false };
    inProgress.add(entry);
    response.once('close', () => inProgress.delete(entry));
    let result: SandboxResponse;
    let closeConnection = false;
    try {
      const body = await readBody(request, bodyLimit);
      const sandboxRequest: SandboxRequest = { method, path: target.path, query: target.query, headers: request.headers, body };
      const outcome = handle(state, sandboxRequest, { adminToken, makeToken: randomToken });
      if (outcome.state !== state) {
        if (dataFile) saveState(dataFile, outcome.state); // before answering: an answered change is on disk
        state = outcome.state;
      }
      result = outcome.response;
    } catch (error) {
      if (error instanceof RequestError) {
        result = error.response;
        closeConnection = error.closeConnection;
      } else if (error instanceof ConnectionLost || request.socket === null || request.socket.destroyed) {
        // Nobody to answer. A request the shutdown cut is already logged.
        if (!entry.cut) log(`${method} ${target.path} aborted: the connection closed before the end of the body`);
        return;
      } else {
        result = fail(500, 'INTERNAL_ERROR', `Erreur interne du bac à sable : ${(error as Error).message}`);
      }
    }
    try {
      send(response, result, closeConnection);
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log(`${method} ${target.path} ${result.status} ${ms.toFixed(1)}ms`);
    }
  }

  const server = http.createServer((request, response) => {
    serve(request, response).catch((error: Error) => {
      log(`${request.method} ? 500 (${error.message})`);
      if (!response.headersSent) response.writeHead(500).end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as { port: number }).port;

  const graceMs = options.shutdownGraceMs ?? SHUTDOWN_GRACE_MS;
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= new Promise<void>((resolve) => {
      closing = true;
      // After the grace period, the requests still in progress are cut: one log line each.
      const force = setTimeout(() => {
        for (const entry of inProgress) {
          entry.cut = true;
          log(`${entry.method} ${entry.path} cut: still in progress ${graceMs / 1000} s after the shutdown began`);
        }
        server.closeAllConnections();
      }, graceMs);
      force.unref();
      server.close(() => {
        clearTimeout(force);
        if (dataFile) saveState(dataFile, state);
        resolve();
      });
      server.closeIdleConnections();
      // Connections that finish their request after this point are closed by "Connection: close".
      const sweep = setInterval(() => {
        server.closeIdleConnections();
        if (inProgress.size === 0) clearInterval(sweep);
      }, 50);
      sweep.unref();
    });
    return closed;
  };

  return {
    url: `http://${HOST}:${port}`,
    port,
    token: state.accounts[0].token,
    adminToken,
    state: () => state,
    close,
  };
}
