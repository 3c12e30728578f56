// The sandbox over real HTTP on 127.0.0.1 (port 0: a free port each time).
import { afterEach, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { MAX_BODY_DEPTH, startSandbox, type RunningSandbox, type SandboxOptions } from '../../sandbox/server';
import { saveState, writeFileAtomic, loadState } from '../../sandbox/persistence';
import { contracts } from './helpers';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: any;
}

/** One HTTP request; `body` is sent as is when a string or Buffer, as JSON otherwise. */
function request(
  url: string,
  method: string,
  target: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string>; agent?: http.Agent } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const payload =
      options.body === undefined ? undefined : typeof options.body === 'string' || Buffer.isBuffer(options.body) ? options.body : JSON.stringify(options.body);
    const headers: Record<string, string> = {
      ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    };
    const req = http.request(`${url}${target}`, { method, headers, agent: options.agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // not JSON
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

const running: RunningSandbox[] = [];
const temporaryDirs: string[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
  for (const dir of temporaryDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function start(options: SandboxOptions = {}, lines: string[] = []): Promise<RunningSandbox> {
  const sandbox = await startSandbox({ port: 0, token: 'tok-http', log: (line) => lines.push(line), ...options });
  running.push(sandbox);
  return sandbox;
}

function temporaryDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-test-'));
  temporaryDirs.push(dir);
  return dir;
}

describe('HTTP server', () => {
  it('listens on 127.0.0.1 and answers the API with the token', async () => {
    const sandbox = await start();
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.token).toBe('tok-http');
    const reply = await request(sandbox.url, 'GET', '/api/sync/v1/test', { token: sandbox.token });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(reply.body).toEqual({ value: 'token valid', name: 'Bac à sable Campus Skills' });
    expect((await request(sandbox.url, 'GET', '/api/sync/v1/test')).status).toBe(401);
  });

  it('makes up a token when none is given', async () => {
    const sandbox = await startSandbox({ port: 0, log: () => undefined });
    running.push(sandbox);
    expect(sandbox.token.length).toBeGreaterThanOrEqual(24);
    expect(sandbox.adminToken).not.toBe(sandbox.token);
    expect((await request(sandbox.url, 'GET', '/api/sync/v1/test', { token: sandbox.token })).status).toBe(200);
  });

  it('syncs and lists with paging over HTTP', async () => {
    const sandbox = await start();
    const list = contracts(120);
    const sync = await request(sandbox.url, 'POST', '/api/sync/v2/contrats', { token: sandbox.token, body: { contrats: list } });
    expect(sync.status).toBe(200);
    expect(sync.body.total).toBe(120);
    const page = await request(sandbox.url, 'GET', '/api/sync/v1/contrats-get-all?limit=500&page=2', { token: sandbox.token });
    expect(page.body).toEqual({ total: 120, contrats: list.slice(100) });
  });

  it('answers 400 to malformed JSON, 415 to another content type, 404 to an unknown route, and keeps serving', async () => {
    const sandbox = await start();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const malformed = await request(sandbox.url, 'POST', '/api/sync/v2/contrats', { token: sandbox.token, body: '{"contrats": [', agent });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toBe('BAD_REQUEST');
    expect(malformed.body.reason).toMatch(/^Le corps de la requête n'est pas un JSON valide/);

    const wrongType = await request(sandbox.url, 'POST', '/api/sync/v2/contrats', {
      token: sandbox.token,
      body: 'contrats=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      agent,
    });
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.error).toBe('UNSUPPORTED_MEDIA_TYPE');

    const unknown = await request(sandbox.url, 'GET', '/api/v2/inconnu', { token: sandbox.token, agent });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: 'NOT_FOUND', reason: 'Aucune route ne correspond à GET /api/v2/inconnu.' });

    const wrongMethod = await request(sandbox.url, 'PATCH', '/api/sync/v1/test', { token: sandbox.token, agent });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.allow).toBe('GET');

    expect((await request(sandbox.url, 'GET', '/api/sync/v1/test', { token: sandbox.token, agent })).status).toBe(200);
    agent.destroy();
  });

  it('accepts a JSON content type with a charset, and a body-less POST', async () => {
    const sandbox = await start();
    const reply = await request(sandbox.url, 'POST', '/api/sync/v1/contrats-diff', {
      token: sandbox.token,
      body: JSON.stringify({ contrats: [] }),
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(reply.body).toEqual({ same: [], added: [], updated: [], removed: [] });
    expect((await request(sandbox.url, 'POST', '/api/sync/v1/contrats-reset', { token: sandbox.token })).body).toEqual({ total: 0, contrats: [] });
  });

  it('answers 413 to a body over the limit, declared or streamed, and keeps serving', async () => {
    const sandbox = await start({ bodyLimit: 2000 });
    const big = JSON.stringify({ contrats: contracts(5) });
    expect(big.length).toBeGreaterThan(2000);
    const declared = await request(sandbox.url, 'POST', '/api/sync/v2/contrats', { token: sandbox.token, body: big });
    expect(declared.status).toBe(413);
    expect(declared.body.error).toBe('PAYLOAD_TOO_LARGE');

    // A chunked upload that never ends (the client writes until it has an answer, and never ends its
    // body): the 413 must come once the limit is passed, not at the end of the body.
    const streamed = await new Promise<Reply>((resolve, reject) => {
      const req = http.request(
        `${sandbox.url}/api/sync/v2/contrats`,
        { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${sandbox.token}`, 'transfer-encoding': 'chunked' } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            stop();
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
          });
        },
      );
      const feed = setInterval(() => req.write(`{"nomEntreprise": "${'x'.repeat(500)}"},`), 2);
      const stop = () => {
        clearInterval(feed);
        req.destroy();
      };
      req.on('error', (error) => {
        stop();
        reject(error);
      });
      req.write('{"contrats": [');
    });
    expect(streamed.status).toBe(413);
    expect(streamed.headers.connection).toBe('close');
    expect(streamed.body.error).toBe('PAYLOAD_TOO_LARGE');
    expect(sandbox.state().accounts[0].contrats).toEqual([]);
    expect((await request(sandbox.url, 'GET', '/api/sync/v1/test', { token: sandbox.token })).status).toBe(200);
  });

  it('reads a path starting with // as a path (never a host): 404 naming it as sent', async () => {
    const lines: string[] = [];
    const sandbox = await start({}, lines);
    for (const target of ['//api/sync/v1/test', '//api/sync/v1/test?limit=1', '//127.0.0.1/api/sync/v1/test']) {
      const reply = await request(sandbox.url, 'GET', target, { token: sandbox.token });
      const path = target.split('?')[0];
      expect(reply.status, target).toBe(404);
      expect(reply.body).toEqual({ error: 'NOT_FOUND', reason: `Aucune route ne correspond à GET ${path}.` });
    }
    expect(lines[0]).toMatch(/^GET \/\/api\/sync\/v1\/test 404 /);
    // The query is still read from a normal path.
    await request(sandbox.url, 'POST', '/api/sync/v2/contrats', { token: sandbox.token, body: { contrats: contracts(3) } });
    expect((await request(sandbox.url, 'GET', '/api/sync/v1/contrats-get-all?limit=2&page=2', { token: sandbox.token })).body.contrats).toHaveLength(1);
  });

  it('answers 400 with a reason to a deeply nested body, and keeps serving', async () => {
    const sandbox = await start();
    const depth = 100_000;
    const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    for (const body of [`{"contrats": [{"codeApprenant": ${deep}}]}`, deep, `{"groupId": "G", "calendarUrl": ${deep}}`]) {
      const reply = await request(sandbox.url, 'POST', body.includes('groupId') ? '/api/sync/v1/calendar-group-ics' : '/api/sync/v2/contrats', {
        token: sandbox.token,
        body,
      });
      expect(reply.status).toBe(400);
      expect(reply.body).toEqual({
        error: 'BAD_REQUEST',
        reason: `Le corps de la requête est imbriqué trop profondément (plus de ${MAX_BODY_DEPTH} niveaux de tableaux ou d'objets).`,
      });
    }
    // Nested within the limit, a contract field is a schema error naming the row and the field.
    const nested = await request(sandbox.url, 'POST', '/api/sync/v2/contrats', {
      token: sandbox.token,
      body: `{"contrats": [{"codeApprenant": ${'['.repeat(MAX_BODY_DEPTH - 3)}${']'.repeat(MAX_BODY_DEPTH - 3)}}]}`,
    });
    expect(nested.status).toBe(400);
    expect(nested.body.reason).toContain('contrats[1].codeApprenant : doit être une chaîne de caractères, reçu [[[[');
    expect((await request(sandbox.url, 'GET', '/api/sync/v1/test', { token: sandbox.token })).status).toBe(200);
  });

  it('logs one line per request, never the token', async () => {
    const lines: string[] = [];
    const sandbox = await start({ adminToken: 'adm-http' }, lines);
    await request(sandbox.url, 'GET', '/api/sync/v1/test?x=1', { token: sandbox.token });
    await request(sandbox.url, 'GET', '/api/sync/v1/test', { token: 'mauvais' });
    await request(sandbox.url, 'GET', '/_sandbox/accounts', { token: 'adm-http' });
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^GET \/api\/sync\/v1\/test 200 \d+\.\dms$/);
    expect(lines[1]).toMatch(/^GET \/api\/sync\/v1\/test 401 /);
    expect(lines.join('\n')).not.toContain('tok-http');
    expect(lines.join('\n')).not.toContain('adm-http');
  });

  it('serves the admin routes with the admin token', async () => {
    const sandbox = await start({ adminToken: 'adm-http' });
    const created = await request(sandbox.url, 'POST', '/_sandbox/config', {
      token: 'adm-http',
      body: { accounts: [{ id: 'prod', name: 'École en production', token: 'tok-prod', isSandbox: false }] },
    });
    expect(created.status).toBe(200);
    const refused = await request(sandbox.url, 'DELETE', '/api/sync/v1/contrats', { token: 'tok-prod' });
    expect(refused.status).toBe(403);
    expect((await request(sandbox.url, 'GET', '/_sandbox/state', { token: sandbox.token })).status).toBe(401);
  });

  it('starts from a config file with a contracts file (the demo)', async () => {
    const sandbox = await start({ config: path.join(__dirname, '../../sandbox/demo/config.json') });
    const listed = await request(sandbox.url, 'GET', '/api/sync/v1/contrats-get-all', { token: sandbox.token });
    expect(listed.body.total).toBe(120);
    expect(sandbox.state().accounts[0].id).toBe('demo');
    expect(sandbox.state().accounts[0].token).toBe('tok-http');
    expect((await request(sandbox.url, 'GET', '/api/sync/v1/test', { token: 'demo-production-token' })).body.name).toBe('CFA Campus Démo (production)');
  });

  it('starts with generated contracts', async () => {
    const sandbox = await start({ contracts: 300, seed: 5 });
    const listed = await request(sandbox.url, 'GET', '/api/sync/v1/contrats-get-all?limit=100&page=3', { token: sandbox.token });
    expect(listed.body.total).toBe(300);
    expect(listed.body.contrats).toEqual(contracts(300, 5).slice(200));
  });

  it('lets an in-flight request finish on close, then stops accepting', async () => {
    const sandbox = await start();
    const body = Buffer.from(JSON.stringify({ contrats: contracts(3) }));
    const reply = new Promise<number>((resolve, reject) => {
      const req = http.request(
        `${sandbox.url}/api/sync/v2/contrats`,
        { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${sandbox.token}`, 'content-length': String(body.length) } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.write(body.subarray(0, 10));
      // The request has started; close while its body is still coming.
      setTimeout(() => {
        closed = sandbox.close();
        setTimeout(() => req.end(body.subarray(10)), 50);
      }, 50);
    });
    let closed: Promise<void> | undefined;
    expect(await reply).toBe(200);
    await closed;
    expect(sandbox.state().accounts[0].contrats).toHaveLength(3);
    await expect(request(sandbox.url, 'GET', '/api/sync/v1/test', { token: sandbox.token })).rejects.toThrow();
  });
  it('logs a request whose client goes away before the end of its body, and keeps serving', async () => {
    const lines: string[] = [];
    const sandbox = await start({}, lines);
    const req = http.request(`${sandbox.url}/api/sync/v2/contrats`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sandbox.token}`, 'content-length': '1000' },
    });
    req.on('error', () => undefined);
    req.write('{"contrats": [');
    await new Promise((resolve) => setTimeout(resolve, 50));
    req.destroy();
    await expect.poll(() => lines).toEqual(['POST /api/sync/v2/contrats aborted: the connection closed before the end of the body']);
    expect((await request(sandbox.url, 'GET', '/api/sync/v1/test', { token: sandbox.token })).status).toBe(200);
  });

  it('cuts the requests still in progress after the grace period, logging each one without its token', async () => {
    const lines: string[] = [];
    const sandbox = await start({ shutdownGraceMs: 100 }, lines);
    const body = Buffer.from(JSON.stringify({ contrats: contracts(3) }));
    // A request whose body never ends.
    const reply = new Promise<string>((resolve) => {
      const req = http.request(
        `${sandbox.url}/api/sync/v2/contrats`,
        { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${sandbox.token}`, 'content-length': String(body.length) } },
        (res) => resolve(`answered ${res.statusCode}`),
      );
      req.on('error', (error) => resolve(`cut (${error.message})`));
      req.write(body.subarray(0, 10));
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await sandbox.close();
    expect(await reply).toMatch(/^cut /);
    expect(lines).toEqual(['POST /api/sync/v2/contrats cut: still in progress 0.1 s after the shutdown began']);
    expect(lines.join('\n')).not.toContain(sandbox.token);
    expect(sandbox.state().accounts[0].contrats).toEqual([]);
  });
});

describe('persistence (--data)', () => {
  it('keeps the contracts, accounts and sync state across a restart', async () => {
    const file = path.join(temporaryDir(), 'etat.json');
    const list = contracts(40);
    const first = await start({ dataFile: file });
    await request(first.url, 'POST', '/api/sync/v2/contrats', { token: first.token, body: { contrats: list } });
    await request(first.url, 'POST', '/api/sync/v1/contrats-reset', { token: first.token });
    await first.close();

    const second = await start({ dataFile: file, token: undefined });
    expect(second.token).toBe('tok-http');
    const listed = await request(second.url, 'GET', '/api/sync/v1/contrats-get-all', { token: second.token });
    expect(listed.body).toEqual({ total: 40, contrats: list });
    const diff = await request(second.url, 'POST', '/api/sync/v1/contrats-diff', { token: second.token, body: { contrats: list } });
    expect(diff.body.added).toHaveLength(40); // the reset survived too
  });

  it('saves after every change, before answering', async () => {
    const file = path.join(temporaryDir(), 'etat.json');
    const sandbox = await start({ dataFile: file });
    await request(sandbox.url, 'POST', '/api/sync/v2/contrats', { token: sandbox.token, body: { contrats: contracts(3) } });
    expect(loadState(file)?.accounts[0].contrats).toHaveLength(3);
    await request(sandbox.url, 'DELETE', '/api/sync/v1/contrats', { token: sandbox.token });
    expect(loadState(file)?.accounts[0].contrats).toHaveLength(0);
  });

  it('writes atomically: no temporary file is left, and a failed write leaves the old file whole', () => {
    const dir = temporaryDir();
    const file = path.join(dir, 'etat.json');
    const state = { version: 1 as const, accounts: [] };
    saveState(file, state);
    saveState(file, state);
    expect(fs.readdirSync(dir)).toEqual(['etat.json']);

    // A target that cannot be replaced (a directory): the write fails, and cleans up after itself.
    const blocked = path.join(dir, 'bloque');
    fs.mkdirSync(blocked);
    fs.writeFileSync(path.join(blocked, 'x'), 'occupé');
    expect(() => writeFileAtomic(blocked, '{"nouveau": true}')).toThrow();
    expect(fs.readdirSync(dir).sort()).toEqual(['bloque', 'etat.json']);
    expect(fs.readFileSync(path.join(blocked, 'x'), 'utf8')).toBe('occupé');
    expect(loadState(file)).toEqual(state);
  });

  it('refuses a file that is not a sandbox state', () => {
    const file = path.join(temporaryDir(), 'autre.json');
    fs.writeFileSync(file, '{"hello": 1}');
    expect(() => loadState(file)).toThrow(/not a sandbox state file/);
    expect(loadState(path.join(temporaryDir(), 'absent.json'))).toBeUndefined();
  });
});

/** `npm run sandbox -- <args>` (without npm), its output so far, and its exit. */
function sandboxCli(args: string[]) {
  const child = spawn(process.execPath, ['-r', 'ts-node/register', 'scripts/sandbox.ts', ...args], {
    cwd: path.join(__dirname, '../..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, output, exit };
}

describe('npm run sandbox (scripts/sandbox.ts)', { timeout: 60_000 }, () => {
  it('refuses an empty token, a blank admin token and an unusable data file, with exit code 2', async () => {
    const dir = temporaryDir();
    const broken = path.join(dir, 'etat.json');
    fs.writeFileSync(broken, '{"version": 1, "accounts": [');
    const runs = [['--token', ''], ['--admin-token', '  '], ['--port', '0', '--data', broken]].map(sandboxCli);
    const codes = await Promise.all(runs.map((run) => run.exit));
    expect(codes).toEqual([2, 2, 2]);
    const [emptyToken, blankAdmin, badData] = runs.map((run) => run.output);
    expect(emptyToken.stderr).toMatch(/^sandbox: --token is empty: give a token, or leave the option out for a random one\n\nUsage:/);
    expect(blankAdmin.stderr).toMatch(/^sandbox: --admin-token is empty/);
    expect(badData.stderr).toMatch(new RegExp(`^sandbox: the data file ${broken} is not valid JSON \\(.+\\): fix it, or delete it to start from an empty account\n$`));
    expect(runs.map((run) => run.output.stdout)).toEqual(['', '', '']); // nothing started
  }, 30_000);

  it('removes the temporary files a crash left beside its data file, naming them on stderr', async () => {
    const dir = temporaryDir();
    const file = path.join(dir, 'etat.json');
    saveState(file, { version: 1, accounts: [] });
    const leftover = path.join(dir, '.etat.json.999999999.0badcafe.tmp');
    fs.writeFileSync(leftover, '{"version": 1, "acc');
    const { child, output, exit } = sandboxCli(['--port', '0', '--data', file]);
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', () => output.stdout.includes('state saved in') && resolve());
      exit.then((code) => reject(new Error(`exited ${code}: ${output.stdout}${output.stderr}`)));
    });
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(output.stderr).toBe(`removed ${leftover}, a temporary file left by a sandbox that stopped while saving\n`);
    expect(fs.readdirSync(dir)).toEqual(['etat.json']);
  }, 30_000);

  it.each(['SIGTERM', 'SIGINT'] as const)('prints its URL and token, serves, and stops cleanly on %s', async (signal) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register', 'scripts/sandbox.ts', '--port', '0', '--token', 'tok-cli', '--contracts', '10'], {
      cwd: path.join(__dirname, '../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match && output.includes('state in memory')) resolve(match[1]);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
    });
    expect(output).toContain('token:       tok-cli');
    const listed = await request(url, 'GET', '/api/sync/v1/contrats-get-all', { token: 'tok-cli' });
    expect(listed.body.total).toBe(10);
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill(signal);
    expect(await exit).toBe(0);
    expect(output).toContain(`${signal}: stopping`);
    expect(output).toMatch(/GET \/api\/sync\/v1\/contrats-get-all 200/);
    expect(output.match(/tok-cli/g)).toHaveLength(1); // printed once, at start
  }, 30_000);
});
