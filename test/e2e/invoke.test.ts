// `npm run invoke` as a user runs it: a child process, the built app, the sandbox over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { app } from '../../app';
import { emitApp } from '../../sdk/emit/emitApp';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';

const ROOT = join(__dirname, '..', '..');
const TOKEN = 'invoke-token-0c8e4a61f2';
let sandbox: RunningSandbox;
let dist: string;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'cs-dist-'));
  for (const file of emitApp(app)) {
    mkdirSync(dirname(join(dist, file.path)), { recursive: true });
    writeFileSync(join(dist, file.path), file.content);
  }
  sandbox = await startSandbox({ port: 0, token: TOKEN, log: () => undefined });
});
afterAll(() => sandbox.close());

function invoke(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', 'ts-node/register', 'scripts/invoke.ts', ...args, '--dist', dist],
      { cwd: ROOT, env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe('npm run invoke', { timeout: 60_000 }, () => {
  it('syncs the demo file against the sandbox and prints the bundles as a JSON array', async () => {
    const result = await invoke([
      'syncContracts',
      '--base-url',
      sandbox.url,
      '--api-key',
      TOKEN,
      '--params',
      '@sandbox/demo/contrats.json',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([{ statut: 'succes', nombreTransmis: 120, nombreRejetes: 0, avertissement: '' }]);
  });

  it('takes the key and URL from the environment, --semantics, and --trace logs requests with the token masked', async () => {
    const result = await invoke(['listTransmittedContracts', '--params', '{"limit": 3}', '--trace', '--semantics', 'tempAcrossPages=reset,conditionTruth=javascript'], {
      CAMPUS_SKILLS_API_KEY: TOKEN,
      CAMPUS_SKILLS_BASE_URL: sandbox.url,
    });
    expect(result.code).toBe(0);
    const bundles = JSON.parse(result.stdout);
    expect(bundles).toHaveLength(3);
    expect(bundles[0]).toHaveProperty('codeContrat');
    expect(result.stderr).toContain(`#1 GET ${sandbox.url}/api/sync/v1/contrats-get-all?limit=100&page=1`);
    expect(result.stderr).toContain('Authorization: ********');
    expect(result.stderr + result.stdout).not.toContain(TOKEN);
  });

  it('exits 1 with one line "<ErrorType>: <message>" on a module error', async () => {
    const result = await invoke(['testConnection', '--base-url', sandbox.url, '--api-key', 'wrong-token-123']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe(
      "InvalidAccessTokenError: Campus Skills a répondu 401 : Vous n'êtes pas autorisé à effectuer cette action.",
    );
  });

  it('exits 1 with a BundleValidationError for bad input, sending nothing', async () => {
    const result = await invoke(['syncContracts', '--base-url', sandbox.url, '--api-key', TOKEN, '--params', '{"contrats": [{"codeContrat": "X"}]}', '--trace']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^BundleValidationError: contrats\[1\]\.\w+: /);
    expect(result.stderr).not.toContain('#1 ');
  });

  it('exits 2 with the usage on bad usage', async () => {
    const unknown = await invoke(['noSuchModule', '--api-key', TOKEN]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown module 'noSuchModule'");
    const noKey = await invoke(['testConnection'], { CAMPUS_SKILLS_API_KEY: '' });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('no API key');
    const badJson = await invoke(['testConnection', '--api-key', TOKEN, '--params', '{nope']);
    expect(badJson.code).toBe(2);
    expect(badJson.stderr).toContain('--params is not valid JSON');
    const badSemantics = await invoke(['testConnection', '--api-key', TOKEN, '--semantics', 'tempAcrossPages=forever']);
    expect(badSemantics.code).toBe(2);
    expect(badSemantics.stderr).toContain("'forever' is not an alternative of tempAcrossPages (alternatives: kept, reset)");
  });
});
