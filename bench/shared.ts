// What several figures share: the emitted app (as npm run build emits it), a sandbox, a sink that only reads.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { app } from '../app';
import { emitApp } from '../sdk/emit/emitApp';
import { mapReader, readEmittedApp, type EmittedApp } from '../sdk/emitted';
import { sendHttp, type HttpResponse } from '../sdk/harness/http';
import { startSandbox, type RunningSandbox } from '../sandbox/server';

let emitted: EmittedApp | undefined;

/** The app as the build emits it, read back as invoke reads dist/ (once per process). */
export function emittedApp(): EmittedApp {
  emitted ??= readEmittedApp(mapReader(emitApp(app)));
  return emitted;
}

export const BENCH_TOKEN = 'bench-token-5f2a';
export const TIMEOUT_MS = 300_000;

/** A sandbox for one figure; `integratedGroups`: the groups the platform team has integrated (default none). */
export async function withSandbox<T>(use: (sandbox: RunningSandbox) => Promise<T>, integratedGroups: string[] = []): Promise<T> {
  const sandbox = await startSandbox({
    port: 0,
    token: BENCH_TOKEN,
    log: () => undefined,
    ...(integratedGroups.length > 0 ? { config: { accounts: [{ name: 'Banc de mesure', isSandbox: true, integratedGroups }] } } : {}),
  });
  try {
    return await use(sandbox);
  } finally {
    await sandbox.close();
  }
}

export function connectionFor(sandbox: RunningSandbox): Record<string, unknown> {
  return { apiKey: sandbox.token, baseUrl: 'https://app.campus-skills.com', sandbox: false };
}

/** A raw request to the sandbox, bearer token set; throws on a status other than 2xx. */
export async function rawRequest(sandbox: RunningSandbox, method: string, path: string, body?: unknown): Promise<HttpResponse> {
  const response = await sendHttp(
    {
      method,
      url: `${sandbox.url}${path}`,
      headers: { Authorization: `Bearer ${sandbox.token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body)),
    },
    TIMEOUT_MS,
  );
  if (response.status < 200 || response.status > 299) {
    throw new Error(`${method} ${path}: status ${response.status}: ${response.body.toString('utf8').slice(0, 300)}`);
  }
  return response;
}

/** A server that only reads what it is sent and answers `{}`: the floor of any POST. */
export async function withSink<T>(use: (url: string) => Promise<T>): Promise<T> {
  const sink: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('{}'));
  });
  await new Promise<void>((done) => sink.listen(0, '127.0.0.1', done));
  try {
    return await use(`http://127.0.0.1:${(sink.address() as AddressInfo).port}/`);
  } finally {
    await new Promise<void>((done) => sink.close(() => done()));
  }
}
