// npm run deploy as a process: the mistakes it stops on before any request (a bad usage, an unknown origin, no
// key, a key file git would commit), with their exit codes. The deploy itself is tested in deploy.test.ts, where
// Make is faked: a process here never reaches the network.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function origins(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cs-deploy-'));
  const file = join(dir, 'make.origins.json');
  writeFileSync(file, readFileSync(join(ROOT, 'make.origins.json'), 'utf8'));
  return file;
}

function deploy(args: string[], env: Record<string, string | undefined> = {}): { status: number | null; stdout: string; stderr: string } {
  const environment: Record<string, string | undefined> = { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true', ...env };
  delete environment.MAKE_API_KEY;
  if (env.MAKE_API_KEY !== undefined) environment.MAKE_API_KEY = env.MAKE_API_KEY;
  const result = spawnSync(process.execPath, ['-r', 'ts-node/register', 'scripts/deploy.ts', ...args], {
    cwd: ROOT,
    env: environment as NodeJS.ProcessEnv,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run deploy', () => {
  it('exits 2 on bad usage and on an unknown origin, naming the origins there are', () => {
    const file = origins();
    const noOrigin = deploy(['--dry-run', '--origins', file]);
    expect(noOrigin.status).toBe(2);
    expect(noOrigin.stderr).toContain('--origin <label> is required');
    const unknown = deploy(['--origin', 'staging', '--origins', file]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown origin 'staging'");
    expect(unknown.stderr).toContain("has 'test', 'production'");
  }, 60_000);

  it('exits 1 without a key, saying where to put one; and refuses a key file git would commit', () => {
    const file = origins();
    const noKey = deploy(['--origin', 'test', '--origins', file]);
    expect(noKey.status).toBe(1);
    expect(noKey.stderr).toContain(
      "no Make API key for origin 'test': set MAKE_API_KEY, or write the key alone in .secrets/make-test.key (gitignored); the key needs the scopes sdk-apps:read and sdk-apps:write",
    );

    // In a git work tree where .secrets/ is not ignored, the key file would be committed: refused before any use.
    const repo = join(file, '..');
    spawnSync('git', ['init', '-q'], { cwd: repo });
    mkdirSync(join(repo, '.secrets'));
    const key = ['0a1b2c3d', '4e5f', '4a6b', '8c7d', '9e0f1a2b3c4d'].join('-'); // assembled: no key-shaped literal is committed
    writeFileSync(join(repo, '.secrets', 'make-test.key'), `${key}\n`);
    const committable = deploy(['--origin', 'test', '--origins', file]);
    expect(committable.status).toBe(1);
    expect(committable.stderr).toContain('refused: the key file .secrets/make-test.key is not gitignored: add it (or its folder) to .gitignore');
    expect(committable.stdout + committable.stderr).not.toContain(key);
  }, 60_000);
});
