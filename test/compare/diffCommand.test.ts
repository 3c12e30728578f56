// npm run diff -- <old dist> <new dist>: the command's behaviour (runDiff) on dist/ directories written to
// temporary directories, then twice as a user runs it, in its own process.
import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { miniApp } from '../fixtures/miniApp';
import { DIFF_USAGE, runDiff } from '../../sdk/compare/diffCommand';
import { emitApp } from '../../sdk/emit/emitApp';
import type { AppDefinition } from '../../sdk/types';

const ROOT = resolve(__dirname, '..', '..');
const made: string[] = [];

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** The app emitted into a fresh directory, with some files replaced (path → new text, or null to leave it out). */
function writeDist(app: AppDefinition, replace: Record<string, string | null> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'diff-'));
  made.push(dir);
  for (const file of emitApp(app)) {
    const content = file.path in replace ? replace[file.path] : file.content;
    if (content === null) continue;
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), content);
  }
  return dir;
}

function edited(edit: (app: AppDefinition) => void): AppDefinition {
  const app = structuredClone(miniApp);
  edit(app);
  return app;
}

const withoutSessions = edited((app) => {
  app.modules = app.modules.filter((m) => m.id !== 'listerSessions');
});
const relabelled = edited((app) => {
  app.modules[0].label = 'Tester la clé';
});

const OLD = writeDist(miniApp);

describe('runDiff', () => {
  it('exits 0 on two equal apps', () => {
    expect(runDiff([OLD, writeDist(miniApp)])).toEqual({ status: 0, stdout: 'No changes.\ndiff: the two apps are the same.\n', stderr: '' });
  });

  it('exits 0 when nothing breaks, listing the changes', () => {
    expect(runDiff([OLD, writeDist(relabelled)])).toEqual({
      status: 0,
      stdout: [
        '1 change, 0 breaking:',
        "  -         module verifierCompte: label changed from 'Vérifier le compte' to 'Tester la clé'.  [label-changed]",
        'diff: nothing breaks the scenarios built on the old app.',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('exits 1 when something breaks, the breaking changes first', () => {
    const { status, stdout, stderr } = runDiff([writeDist(relabelled), writeDist(withoutSessions)]);
    expect(stdout.split('\n')).toEqual([
      '2 changes, 1 breaking:',
      '  BREAKING  module listerSessions was removed: scenarios using it stop working.  [module-removed]',
      "  -         module verifierCompte: label changed from 'Tester la clé' to 'Vérifier le compte'.  [label-changed]",
      'diff: 1 breaking change: scenarios built on the old app may stop working.',
      '',
    ]);
    expect({ status, stderr }).toEqual({ status: 1, stderr: '' });
  });

  it('reads relative paths from the directory it runs in', () => {
    expect(runDiff([relative(ROOT, OLD), OLD], ROOT).status).toBe(0);
  });

  it.each([
    [[], 'two directories are needed'],
    [['a'], 'two directories are needed'],
    [['a', 'b', 'c'], "unexpected argument 'c'"],
    [['--dist', 'a'], 'unknown option --dist'],
  ])('exits 2 on bad usage: %j', (argv, problem) => {
    expect(runDiff(argv)).toEqual({ status: 2, stdout: '', stderr: `diff: ${problem}\n${DIFF_USAGE}\n` });
  });

  it('prints the usage on --help', () => {
    expect(runDiff(['--help'])).toEqual({ status: 0, stdout: `${DIFF_USAGE}\n`, stderr: '' });
  });

  it.each([
    ['a directory that does not exist', () => join(OLD, 'nowhere'), /nowhere is not a directory: pass two dist\/ directories/],
    ['a directory without makecomapp.json', () => writeDist(miniApp, { 'makecomapp.json': null }), /has no makecomapp.json, so it is not a built app/],
    ['an invalid makecomapp.json', () => writeDist(miniApp, { 'makecomapp.json': '{ "components": ' }), /cannot read .*makecomapp\.json: invalid JSON/],
    ['a makecomapp.json of another shape', () => writeDist(miniApp, { 'makecomapp.json': 'null' }), /cannot read .*: makecomapp.json or a file it lists: /],
    [
      'a file makecomapp.json lists but that is missing',
      () => writeDist(miniApp, { 'modules/verifier-compte/verifier-compte.interface.iml.json': null }),
      /cannot read .*: modules\/verifier-compte\/verifier-compte\.interface\.iml\.json: file is missing/,
    ],
  ])('exits 2 on %s, naming it', (_, dist, message) => {
    const { status, stdout, stderr } = runDiff([OLD, dist()]);
    expect({ status, stdout }).toEqual({ status: 2, stdout: '' });
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

function run(command: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(command, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' } }, (error, stdout, stderr) =>
      done({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

// One process at a time: each is a ts-node start (about 2 s on two cores).
describe('npm run diff, as a process', { timeout: 60_000 }, () => {
  it('exits 1 on a breaking change, printing the changes (through the package.json script)', async () => {
    const { status, stdout, stderr } = await run('npm', ['run', '--silent', 'diff', '--', OLD, writeDist(withoutSessions)]);
    expect(stdout).toBe(
      [
        '1 change, 1 breaking:',
        '  BREAKING  module listerSessions was removed: scenarios using it stop working.  [module-removed]',
        'diff: 1 breaking change: scenarios built on the old app may stop working.',
        '',
      ].join('\n'),
    );
    expect({ status, stderr }).toEqual({ status: 1, stderr: '' });
  });

  it('exits 2 on an unreadable dist, saying so on stderr', async () => {
    const { status, stdout, stderr } = await run(process.execPath, ['-r', 'ts-node/register', 'scripts/diff.ts', OLD, join(OLD, 'nowhere')]);
    expect({ status, stdout }).toEqual({ status: 2, stdout: '' });
    expect(stderr).toBe(`diff: ${join(OLD, 'nowhere')} is not a directory: pass two dist/ directories written by npm run build\n`);
  });
});
