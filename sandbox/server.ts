// The sandbox over HTTP: node:http on 127.0.0.1, JSON in and out, the state machine (state.ts) behind.
// With a data file, the state is saved atomically after every change and reloaded at start.

import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { applyConfig, type SandboxConfig } from './admin';
import { contractListOf } from './contracts';
import { generateContracts } from './demoData';
import { fail } from './errors';
import { loadState, saveState } from './persistence';
import { createAccount, createState, handle } from './state';
import type { SandboxRequest, SandboxResponse, SandboxState } from './types';

export const DEFAULT_PORT = 4010;
/** Large enough for a full sync of 50,000 contracts (about 50 MB of JSON). */
export const DEFAULT_BODY_LIMIT = 100 * 1024 * 1024;
/** The account created when the sandbox starts without any. */
export const DEFAULT_ACCOUNT = { id: 'sandbox', name: 'Bac à sable Campus Skills' };
/** Seed of `contracts` when none is given. */
export const DEFAULT_SEED = 1;
const HOST = '127.0.0.1';
/** How long close() waits for in-flight requests before cutting connections. */
const SHUTDOWN_GRACE_MS = 5000;

export interface SandboxOptions {
  /** 0 picks a free port. Default DEFAULT_PORT. */
  port?: number;
  /** The primary account's token (a random one when absent and the account has none). */
  token?: string;
  /** The admin token of the `/_sandbox/` routes (random when absent). */
  adminToken?: string;
  /** Persist the state in this file (reloaded at start); in memory only without it. */
  dataFile?: string;
  /** A configuration, or the path of a JSON configuration file (see README). */
  config?: string | SandboxConfig;
  /** Sync this many generated contracts into the primary account at start. */
  contracts?: number;
  /** Seed of the generated contracts. */
  seed?: number;
  /** Largest request body, in bytes. Default DEFAULT_BODY_LIMIT. */
  bodyLimit?: number;
  /** Where request lines go (default console.log). Never receives a token. */
  log?: (line: string) => void;
}

export interface RunningSandbox {
  url: string;
  port: number;
  /** The primary account's token. */
  token: string;
  adminToken: string;
  /** The current state (read only). */
  state(): SandboxState;
  /** Stops accepting connections, lets in-flight requests finish, saves the state. */
  close(): Promise<void>;
}

export function randomToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Reads a config file, loading each account's `contratsFile` (relative to the config file) into `contrats`. */
export function readConfigFile(file: string): SandboxConfig {
  const config = JSON.parse(fs.readFileSync(file, 'utf8')) as SandboxConfig;
  for (const account of Array.isArray(config.accounts) ? config.accounts : []) {
    if (account === null || typeof account !== 'object' || account.contratsFile === undefined) continue;
    const contractsFile = path.resolve(path.dirname(file), account.contratsFile);
    const list = contractListOf(JSON.parse(fs.readFileSync(contractsFile, 'utf8')));
    if (typeof list === 'string') throw new Error(`${contractsFile}: ${list}`);
    delete account.contratsFile;
    account.contrats = list;
  }
  return config;
}

/** The state the sandbox starts with: saved state, then config, then the primary account and its contracts. */
export function initialState(options: SandboxOptions): SandboxState {
  let state = (options.dataFile && loadState(options.dataFile)) || createState();
  if (options.config !== undefined) {
    const config = typeof options.config === 'string' ? readConfigFile(options.config) : options.config;
    const outcome = applyConfig(state, config, randomToken);
    if (!outcome.ok) throw new Error(outcome.reason);
    state = outcome.state;
  }
  if (state.accounts.length === 0) {
    state = { ...state, accounts: [createAccount({ ...DEFAULT_ACCOUNT, token: options.token ?? randomToken() })] };
  } else if (options.token !== undefined && state.accounts[0].token !== options.token) {
    if (state.accounts.some((account) => account.token === options.token)) {
      throw new Error('the token given is already the token of another account');
    }
    state = { ...state, accounts: [{ ...state.accounts[0], token: options.token }, ...state.accounts.slice(1)] };
  }
  if (options.contracts !== undefined) {
    const contrats = generateContracts(options.contracts, options.seed ?? DEFAULT_SEED);
    const result = handle(state, {
      method: 'POST',
      path: '/api/sync/v2/contrats',
      headers: { authorization: `Bearer ${state.accounts[0].token}` },
      body: { contrats },
    });
    if (result.response.status !== 200) throw new Error(`the generated contracts were refused: ${JSON.stringify(result.response.body)}`);
    state = result.state;
  }
  return state;
}

class RequestError extends Error {
  constructor(readonly response: SandboxResponse, readonly closeConnection = false) {
    super(String(response.status));
  }
}

function isJsonContentType(value: string | undefined): boolean {
  const type = (value ?? '').split(';')[0].trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/** Reads a JSON body within the limit; undefined when there is none. */
async function readBody(request: http.IncomingMessage, limit: number): Promise<unknown> {
  const declared = request.headers['content-length'];
  const hasBody = (declared !== undefined && Number(declared) > 0) || request.headers['transfer-encoding'] !== undefined;
  if (!hasBody) {
    request.resume();
    return undefined;
  }
  if (!isJsonContentType(request.headers['content-type'])) {
    request.resume();
    throw new RequestError(
      fail(415, 'UNSUPPORTED_MEDIA_TYPE', `Le corps de la requête doit être du JSON (Content-Type: application/json), reçu "${request.headers['content-type'] ?? 'aucun'}".`),
    );
  }
  const tooLarge = () =>
    fail(413, 'PAYLOAD_TOO_LARGE', `Le corps de la requête dépasse la taille maximale acceptée (${limit} octets).`);
  if (declared !== undefined && Number(declared) > limit) throw new RequestError(tooLarge(), true);

  const chunks: Buffer[] = [];
  let size = 0;
  let overflow = false;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) overflow = true; // keep reading to the end, without keeping it
    else chunks.push(chunk as Buffer);
  }
  if (overflow) throw new RequestError(tooLarge());
  const text = Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RequestError(
      fail(400, 'BAD_REQUEST', `Le corps de la requête n'est pas un JSON valide : ${(error as Error).message}.`),
    );
  }
}

function queryOf(url: URL): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) if (!Object.prototype.hasOwnProperty.call(query, key)) query[key] = value;
  return query;
}

/** Starts the sandbox; resolves once it listens. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const log = options.log ?? ((line: string) => console.log(line));
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const adminToken = options.adminToken ?? randomToken();
  const dataFile = options.dataFile;
  let state = initialState(options);
  if (dataFile) saveState(dataFile, state);

  let closing = false;
  let inFlight = 0;

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
    let pathname = '/';
    let result: SandboxResponse;
    let closeConnection = false;
    inFlight++;
    try {
      const url = new URL(request.url ?? '/', `http://${HOST}`);
      pathname = url.pathname;
      const body = await readBody(request, bodyLimit);
      const sandboxRequest: SandboxRequest = { method, path: pathname, query: queryOf(url), headers: request.headers, body };
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
      } else {
        result = fail(500, 'INTERNAL_ERROR', `Erreur interne du bac à sable : ${(error as Error).message}`);
      }
    }
    try {
      send(response, result, closeConnection);
    } finally {
      inFlight--;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log(`${method} ${pathname} ${result.status} ${ms.toFixed(1)}ms`);
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

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= new Promise<void>((resolve) => {
      closing = true;
      const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
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
        if (inFlight === 0) clearInterval(sweep);
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
