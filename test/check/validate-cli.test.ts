// npm run validate as a user runs it: a child process on a dist/ written to a temporary directory.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { app } from '../../app';
import { emitApp } from '../../sdk/emit/emitApp';

const ROOT = resolve(__dirname, '..', '..');

/** Writes the emitted app to a fresh directory, with some files replaced (path → new text, or null to leave it out). */
function writeDist(replace: Record<string, (text: string) => string | null> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'validate-'));
  for (const file of emitApp(app)) {
    const content = replace[file.path] ? replace[file.path](file.content) : file.content;
    if (content === null) continue;
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), content);
  }
  return dir;
}

/** Runs the script as `npm run validate` does (ts-node), in its own process. */
function validate(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['-r', 'ts-node/register', 'scripts/validate.ts', ...args],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' } },
      (error, stdout, stderr) => done({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

async function withDist<T>(dir: string, body: (dir: string) => Promise<T>): Promise<T> {
  try {
    return await body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const SYNC = 'modules/sync-contracts/sync-contracts.communication.iml.json';

/** How many files the app emits: what a clean validate says it checked. */
const FILES = emitApp(app).length;

/** The app's group labels, as the hint lists them. */
const GROUP_LABELS = app.groups.map((group) => `'${group.label}'`).join(', ');

// One CLI start at a time: each is a ts-node process, and several at once on two cores only wait for each other.
describe('npm run validate', { timeout: 60_000 }, () => {
  it('exits 0 and says clean on the app as built', async () => {
    await withDist(writeDist(), async (dir) => {
      const { status, stdout, stderr } = await validate('--dist', dir);
      expect(stderr).toBe('');
      expect(stdout).toBe(`validate: ${dir}: clean (${FILES} files checked)\n`);
      expect(status).toBe(0);
    });
  });

  it('exits 0 with warnings only, printing each one', async () => {
    const dropReset = (text: string): string => text.replace('      "resetSync",\n', '');
    await withDist(writeDist({ 'modules/groups.json': dropReset }), async (dir) => {
      const { status, stdout } = await validate('--dist', dir);
      expect(stdout.split('\n')).toEqual([
        `warning groups-missing-module modules/groups.json:$ module 'resetSync' is in no group, so Make lists it apart from the others (fix: add 'resetSync' to one of the groups (${GROUP_LABELS}))`,
        `validate: ${dir}: 0 error(s), 1 warning(s) in ${FILES} files (warnings do not fail the build)`,
        '',
      ]);
      expect(status).toBe(0);
    });
  });

  it('exits 1 on an error, with the finding line: rule, file, JSON path, message and fix', async () => {
    const typo = (text: string): string => text.replace('{{parameters.contrats}}', '{{parameters.contrat}}');
    await withDist(writeDist({ [SYNC]: typo }), async (dir) => {
      const { status, stdout } = await validate('--dist', dir);
      const lines = stdout.trim().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toBe(
        `error iml-undeclared-parameter ${SYNC}:$.body.contrats 'parameters.contrat' is used but not declared in the inputs of 'syncContracts' (fix: declare a parameter named 'contrat', or correct the name (declared: contrats))`,
      );
      expect(lines[1]).toBe(`validate: ${dir}: 1 error(s), 0 warning(s) in ${FILES} files`);
      expect(status).toBe(1);
    });
  });

  it('exits 1 when a listed file is missing or not JSON, and still checks the rest', async () => {
    const replace = {
      'modules/reset-sync/reset-sync.samples.iml.json': () => '{"statut": ',
      'modules/test-connection/test-connection.scope.iml.json': () => null,
      'modules/groups.json': (text: string) => text.replace('"syncContracts"', '"syncContract"'),
    };
    await withDist(writeDist(replace), async (dir) => {
      const { status, stdout } = await validate('--dist', dir);
      expect(stdout.trim().split('\n').slice(0, -1).map((line) => line.split(' ').slice(0, 3).join(' '))).toEqual([
        'warning groups-missing-module modules/groups.json:$',
        'error groups-unknown-module modules/groups.json:$[0].modules[2]',
        'error file-unreadable modules/reset-sync/reset-sync.samples.iml.json:$',
        'error file-unreadable modules/test-connection/test-connection.scope.iml.json:$',
      ]);
      expect(stdout).toContain('is not valid JSON: ValueExpected at line 1, column 12');
      expect(stdout).toContain('is listed in makecomapp.json but missing');
      expect(status).toBe(1);
    });
  });

  it('exits 2 when dist/ does not exist, telling to build', async () => {
    const missing = join(tmpdir(), 'validate-no-such-dir-', String(process.pid));
    const { status, stdout, stderr } = await validate('--dist', missing);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${missing} does not exist: run npm run build first`);
    expect(status).toBe(2);
  });

  it('exits 2 when the directory is not a built app, or its makecomapp.json cannot be read', async () => {
    await withDist(mkdtempSync(join(tmpdir(), 'validate-empty-')), async (dir) => {
      const { status, stderr } = await validate('--dist', dir);
      expect(stderr).toContain('has no makecomapp.json, so it is not a built app: run npm run build first');
      expect(status).toBe(2);
    });
    await withDist(writeDist({ 'makecomapp.json': () => '{ not json' }), async (dir) => {
      const { status, stderr } = await validate('--dist', dir);
      expect(stderr).toMatch(/cannot read .*makecomapp\.json: invalid JSON/);
      expect(status).toBe(2);
    });
  });

  it('exits 2 on bad usage', async () => {
    const { status, stderr } = await validate('--dits', 'x');
    expect(stderr).toContain('unknown option --dits');
    expect(stderr).toContain('usage: npm run validate');
    expect(status).toBe(2);
  });
});
