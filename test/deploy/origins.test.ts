// The deploy origins (make.origins.json): what the committed file holds (no key, key files gitignored), how the
// build writes them into makecomapp.json (valid for Make's extension), the versions and the changelog.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { app } from '../../app';
import { miniApp } from '../fixtures/miniApp';
import { checkApp } from '../../sdk/check';
import { emitApp } from '../../sdk/emit/emitApp';
import { mapReader, readEmittedApp } from '../../sdk/emitted';
import { deployTargets, findOrigin, formatOriginsFile, parseOriginsFile, zoneOf } from '../../sdk/deploy/origins';
import { changelogHasEntry, compareVersions, parseVersion, releaseProblems } from '../../sdk/deploy/version';
import { redact } from '../../sdk/deploy/key';

const ROOT = join(__dirname, '..', '..');
const ORIGINS_TEXT = readFileSync(join(ROOT, 'make.origins.json'), 'utf8');
const ORIGINS = parseOriginsFile(ORIGINS_TEXT);

function git(args: string[]): string {
  return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });
}

describe('make.origins.json', () => {
  it('has a test app and a release (production) app, each with its zone, app, key file and mapping', () => {
    expect(ORIGINS.origins.map((o) => [o.label, o.release])).toEqual([
      ['test', false],
      ['production', true],
    ]);
    for (const origin of ORIGINS.origins) {
      expect(zoneOf(origin.baseUrl)).toMatch(/^[a-z0-9]+\.make\.com$/);
      expect(origin.appVersion).toBe(1);
      expect(Object.keys(origin.idMapping)).toEqual(['connection', 'module', 'rpc']);
    }
    expect(new Set(ORIGINS.origins.map((o) => o.appId)).size).toBe(2);
  });

  it('is written as the deploy writes it back (so a deploy changes only the lines it must)', () => {
    expect(formatOriginsFile(ORIGINS)).toBe(ORIGINS_TEXT);
  });

  it('holds no key: each key file is gitignored, and no committed file holds a key this machine has', () => {
    for (const origin of ORIGINS.origins) {
      expect(origin.apikeyFile.startsWith('.secrets/'), origin.apikeyFile).toBe(true);
      // exit 0: ignored (a file git would commit makes this throw)
      git(['check-ignore', '-q', '--no-index', origin.apikeyFile]);
    }
    const keys = ORIGINS.origins
      .map((o) => join(ROOT, o.apikeyFile))
      .filter((file) => existsSync(file))
      .map((file) => readFileSync(file, 'utf8').trim())
      .concat(process.env.MAKE_API_KEY?.trim() ?? [])
      .filter((key) => key.length >= 8);
    // What a commit could take: the tracked files and the untracked ones git does not ignore.
    const committable = git(['ls-files', '-z', '--cached', '--others', '--exclude-standard']).split('\0').filter(Boolean);
    expect(committable).toContain('make.origins.json');
    for (const file of committable) {
      const full = join(ROOT, file);
      if (!existsSync(full)) continue;
      const text = readFileSync(full, 'utf8');
      for (const key of keys) expect(text.includes(key), `${file} holds a Make API key`).toBe(false);
    }
    // A Make API key is a UUID: none in any file a commit could take (test keys are assembled at run time), so
    // this holds on a fresh clone too, where no key file exists.
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
    for (const file of committable) {
      const full = join(ROOT, file);
      if (!existsSync(full) || file.startsWith('node_modules/')) continue;
      expect(uuid.test(readFileSync(full, 'utf8')), `${file} holds a UUID, the shape of a Make API key`).toBe(false);
    }
  });

  it('refuses a key written in it, and names what is wrong and where', () => {
    const withKey = ORIGINS_TEXT.replace('"apikeyFile": ".secrets/make-test.key",', '"apikeyFile": ".secrets/make-test.key", "apiKey": "x",');
    expect(() => parseOriginsFile(withKey)).toThrow(/origins\[0\]\.apiKey looks like a key: keys are never written here/);
    expect(() => parseOriginsFile(ORIGINS_TEXT.replace('https://eu1.make.com/api', 'https://eu1.make.com'))).toThrow(
      "make.origins.json: origins[0].baseUrl must be the zone's API root, https://<zone>/api (e.g. https://eu1.make.com/api)",
    );
    expect(() => findOrigin(ORIGINS, 'staging')).toThrow("unknown origin 'staging': make.origins.json has 'test', 'production'");
  });
});

describe('the origins in makecomapp.json', () => {
  it("are valid for Make's extension: each app's id and version, the key file relative to the build, every mapping type", () => {
    const origins = parseOriginsFile(ORIGINS_TEXT);
    origins.origins[0].idMapping.connection.catalogue = 'mini-catalogue-test';
    origins.origins[0].idMapping.module.verifierCompte = 'verifierCompte';
    const targets = deployTargets(origins, '/repo', '/repo/dist');
    const emitted = readEmittedApp(mapReader(emitApp(miniApp, targets)));
    expect(checkApp(emitted, { language: miniApp.language })).toEqual([]);
    expect(emitted.manifest.origins).toEqual([
      {
        label: 'test',
        baseUrl: 'https://eu1.make.com/api',
        appId: 'campus-skills-test',
        appVersion: 1,
        apikeyFile: '../.secrets/make-test.key',
        idMapping: {
          connection: [{ local: 'catalogue', remote: 'mini-catalogue-test' }],
          webhook: [],
          module: [{ local: 'verifierCompte', remote: 'verifierCompte' }],
          rpc: [],
          function: [],
          endpoint: [],
        },
      },
      expect.objectContaining({ label: 'production', appId: 'campus-skills', apikeyFile: '../.secrets/make-production.key' }),
    ]);
  });

  it('are written by the build given --origins (npm run build), and checked with the build', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cs-origins-')), 'dist');
    execFileSync(process.execPath, ['-r', 'ts-node/register', 'scripts/build.ts', '--origins', 'make.origins.json', '--out', out], {
      cwd: ROOT,
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
      stdio: 'pipe',
    });
    const manifest = JSON.parse(readFileSync(join(out, 'makecomapp.json'), 'utf8'));
    expect(manifest.origins.map((o: { label: string; appId: string; appVersion: number }) => [o.label, o.appId, o.appVersion])).toEqual([
      ['test', 'campus-skills-test', 1],
      ['production', 'campus-skills', 1],
    ]);
    expect(manifest.origins[0].apikeyFile).toMatch(/(\.\.\/)+.*\.secrets\/make-test\.key$/);
    expect(JSON.stringify(manifest.origins)).not.toMatch(/release|lastDeployedVersion|pending/);
  }, 60_000);
});

describe('versions and the changelog', () => {
  it('reads an integer or MAJOR.MINOR.PATCH, and compares them', () => {
    expect(parseVersion(3)).toEqual([3, 0, 0]);
    expect(parseVersion('2.1')).toEqual([2, 1, 0]);
    expect(parseVersion('2.1.4')).toEqual([2, 1, 4]);
    expect(() => parseVersion('v2')).toThrow('is not a whole number nor MAJOR.MINOR.PATCH');
    expect(compareVersions(2, '1.9.9')).toBeGreaterThan(0);
    expect(compareVersions('1.10', '1.9')).toBeGreaterThan(0);
    expect(compareVersions(1, '1.0.0')).toBe(0);
  });

  it('finds a version entry by its heading only', () => {
    const changelog = '# Changelog\n\n## [1.2.0] - 2025-06-01\n\nFixed 1.3 things.\n\n## v1 — 2025-01-01\n';
    expect(changelogHasEntry(changelog, '1.2.0')).toBe(true);
    expect(changelogHasEntry(changelog, 1)).toBe(true);
    expect(changelogHasEntry(changelog, '1.3')).toBe(false);
    expect(changelogHasEntry(changelog, 2)).toBe(false);
  });

  it("CHANGELOG.md has an entry for the app's version (a release deploy needs it)", () => {
    const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
    expect(changelogHasEntry(changelog, app.version)).toBe(true);
    expect(
      releaseProblems({
        version: app.version,
        versionSource: 'app/index.ts',
        lastDeployedVersion: findOrigin(ORIGINS, 'production').lastDeployedVersion,
        appVersion: 1,
        changelog,
        changelogName: 'CHANGELOG.md',
        originLabel: 'production',
      }),
    ).toEqual([]);
  });
});

describe('redact', () => {
  it('masks every occurrence of a key', () => {
    const key = ['6f1c2b7d', '4e8f', '4a60', '9b3c', '2d1e0f9a8b7c'].join('-');
    expect(redact(`Token ${key} (${key})`, [key, undefined])).toBe('Token *** (***)');
  });
});
