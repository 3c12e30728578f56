// npm run deploy's core (sdk/deploy/deploy.ts) against a small stateful Make (fakeMake.ts, served through nock to
// Make's SDK: no network): the first deploy creates every component and section, a second writes only what changed,
// a breaking change is refused, a dry run writes nothing, a refused key or a failure halfway says what happened and
// a rerun finishes; the key never appears in anything printed.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import nock from 'nock';
import { miniApp } from '../fixtures/miniApp';
import { emitApp } from '../../sdk/emit/emitApp';
import { mapReader, readEmittedApp } from '../../sdk/emitted';
import { deploy, type DeployOptions } from '../../sdk/deploy/deploy';
import { emptyMapping, noPending, type Origin } from '../../sdk/deploy/origins';
import type { AppDefinition, ModuleDefinition, Parameter } from '../../sdk/types';
import { FakeMake, READ_SCOPE, type FakeApp } from './fakeMake';

const KEY = ['6f1c2b7d', '4e8f', '4a60', '9b3c', '2d1e0f9a8b7c'].join('-'); // assembled: no key-shaped literal is committed
const APP_ID = 'mini-catalogue-test';

/** Every line any deploy of this file printed: none may hold the key. */
const everything: string[] = [];

function testOrigin(overrides: Partial<Origin> = {}): Origin {
  return {
    label: 'test',
    baseUrl: 'https://eu1.make.com/api',
    appId: APP_ID,
    appVersion: 1,
    apikeyFile: '.secrets/make-test.key',
    release: false,
    idMapping: emptyMapping(),
    pending: noPending(),
    lastDeployedVersion: null,
    ...overrides,
  };
}

interface Run {
  exitCode: number;
  outcome: string;
  output: string;
  written: string[];
  /** How many times the origin was saved (the mapping or the version recorded). */
  saves: number;
}

async function run(definition: AppDefinition, origin: Origin, options: Partial<DeployOptions> = {}): Promise<Run> {
  const lines: string[] = [];
  let saves = 0;
  const result = await deploy({
    origin,
    originsFile: 'make.origins.json',
    read: mapReader(emitApp(definition)),
    language: definition.language,
    version: definition.version,
    versionSource: 'app/index.ts (version)',
    changelog: `# Changelog\n\n## ${definition.version} — 2025-06-02\n\n- Première version.\n`,
    changelogName: 'CHANGELOG.md',
    apiKey: KEY,
    keySource: 'MAKE_API_KEY',
    saveOrigin: () => {
      saves += 1;
    },
    log: (line) => lines.push(line),
    ...options,
  });
  everything.push(...lines);
  return { exitCode: result.exitCode, outcome: result.outcome, output: lines.join('\n'), written: result.written, saves };
}

/** The fixture with the output field `debut` of listerSessions removed (a breaking change), the sample with it. */
function withoutDebut(): AppDefinition {
  return withModule('listerSessions', (m) => {
    m.interface = (m.interface as Parameter[]).filter((p) => p.name !== 'debut');
    m.samples = { code: 'RL-01-2025', intitule: 'Reliure, premier niveau' };
  });
}

/** A copy of the fixture app with one module changed. */
function withModule(id: string, change: (module: ModuleDefinition) => void): AppDefinition {
  const copy = structuredClone(miniApp);
  change(copy.modules.find((m) => m.id === id)!);
  return copy;
}

let make: FakeMake;
let remote: FakeApp;

beforeEach(() => {
  nock.disableNetConnect();
  make = new FakeMake();
  make.addKey(KEY);
  remote = make.addApp(APP_ID);
  make.install();
});

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

afterAll(() => {
  expect(everything.filter((line) => line.includes(KEY))).toEqual([]);
});

/** The fixture's sections as Make should hold them after a complete deploy (parsed JSON, by Make's section name). */
function expectRemoteEqualsBuild(definition: AppDefinition, origin: Origin): void {
  const local = readEmittedApp(mapReader(emitApp(definition)));
  const connection = remote.connections.get(origin.idMapping.connection.catalogue!)!;
  expect(connection.meta).toEqual({ label: 'Catalogue', type: 'basic' });
  expect(connection.sections).toEqual({ api: local.connections.catalogue.codes.communication, parameters: local.connections.catalogue.codes.params });
  expect([...remote.modules.keys()].sort()).toEqual(Object.keys(local.modules).sort());
  for (const [id, module] of Object.entries(local.modules)) {
    const { codes } = module;
    expect(remote.modules.get(id)!.sections, id).toEqual({
      api: codes.communication,
      parameters: codes.staticParams,
      expect: codes.mappableParams,
      interface: codes.interface,
      samples: codes.samples,
      scope: codes.scope,
    });
    expect(remote.modules.get(id)!.meta).toMatchObject({ label: module.meta.label, description: module.meta.description, connection: connection.name });
  }
  expect(remote.modules.get('verifierCompte')!.meta).toMatchObject({ typeId: 4, crud: 'read' });
  expect(remote.modules.get('listerSessions')!.meta).toMatchObject({ typeId: 9, crud: null });
  expect(remote.rpcs.get('listerFormations')!.sections).toEqual({
    api: local.rpcs.listerFormations.codes.communication,
    parameters: local.rpcs.listerFormations.codes.params,
  });
  expect(remote.sections).toEqual({ base: local.general.base, groups: local.general.groups, readme: local.general.readme });
}

describe('the first deploy', () => {
  it('creates every component and writes every section, recording the names Make gave', async () => {
    const origin = testOrigin();
    const first = await run(miniApp, origin);
    expect(first.outcome).toBe('deployed');
    expect(first.exitCode).toBe(0);
    expect(origin.idMapping).toEqual({
      connection: { catalogue: APP_ID },
      module: { verifierCompte: 'verifierCompte', inscrireApprenants: 'inscrireApprenants', listerSessions: 'listerSessions' },
      rpc: { listerFormations: 'listerFormations' },
    });
    expect(origin.lastDeployedVersion).toBe(1);
    expectRemoteEqualsBuild(miniApp, origin);

    // Creations first (the connection before what uses it), then sections; the app's groups after the modules.
    const writes = make.writes.map((w) => `${w.method} ${w.path.replace(`/api/v2/sdk/apps/`, '')}`);
    expect(writes[0]).toBe(`POST ${APP_ID}/connections`);
    expect(writes.filter((w) => w.startsWith('POST'))).toHaveLength(5);
    expect(writes.filter((w) => w.startsWith('PUT'))).toHaveLength(2 + 3 * 6 + 2 + 3);
    expect(writes.filter((w) => w.startsWith('PATCH') || w.startsWith('DELETE'))).toEqual([]);
    expect(writes.indexOf(`PUT ${APP_ID}/1/groups`)).toBeGreaterThan(writes.indexOf(`POST ${APP_ID}/1/modules`));
    const createModule = make.writes.find((w) => w.method === 'POST' && w.path.endsWith('/modules'))!;
    expect(createModule.body).toEqual({
      name: 'verifierCompte',
      typeId: 4,
      label: 'Vérifier le compte',
      description: 'Vérifie que la clé est acceptée par le catalogue et donne le nom du compte.',
      crud: 'read',
      connection: APP_ID,
      moduleInitMode: 'blank',
    });
    // Sections are sent as the build wrote them: JSONC for code, Markdown for the readme.
    const sectionPut = make.writes.find((w) => w.path.endsWith('/modules/verifierCompte/interface'))!;
    expect(sectionPut.contentType).toBe('application/jsonc');
    expect(make.writes.find((w) => w.path.endsWith('/readme'))!.contentType).toBe('text/markdown');

    expect(first.output).toContain(`connection catalogue: create (basic, "Catalogue")`);
    expect(first.output).toContain('module listerSessions · expect (mappableParams): +');
    expect(first.output).toContain(`Deployed version 1 to 'test'`);
  });

  it('a second deploy with nothing changed reads Make and writes nothing', async () => {
    const origin = testOrigin();
    await run(miniApp, origin);
    make.clearRequests();
    const second = await run(miniApp, origin);
    expect(second.outcome).toBe('up-to-date');
    expect(second.exitCode).toBe(0);
    expect(make.writes).toEqual([]);
    expect(make.requests.length).toBeGreaterThan(20);
    expect(second.saves).toBe(0);
    expect(second.output).toContain('Make already has this build: nothing to write.');
  });
});

describe('a later deploy', () => {
  it('with one help text changed, writes exactly that section and shows the changed line', async () => {
    const origin = testOrigin();
    await run(miniApp, origin);
    make.clearRequests();
    const changed = withModule('listerSessions', (m) => {
      const limit = (m.mappableParams as Parameter[]).find((p) => p.name === 'limit') as Parameter & { help: string };
      limit.help = 'Le nombre maximum de sessions à récupérer ; vide : toutes.';
    });
    const second = await run(changed, origin);
    expect(second.outcome).toBe('deployed');
    expect(make.writes.map((w) => `${w.method} ${w.path}`)).toEqual([`PUT /api/v2/sdk/apps/${APP_ID}/1/modules/listerSessions/expect`]);
    expect(second.written).toEqual(['module listerSessions · expect (mappableParams): +1 -1']);
    expect(second.output).toContain('module listerSessions · expect (mappableParams): +1 -1');
    expect(second.output).toMatch(/- +"help": "Le nombre maximum de sessions à récupérer\. Laissez vide pour toutes les récupérer\."/);
    expect(second.output).toMatch(/\+ +"help": "Le nombre maximum de sessions à récupérer ; vide : toutes\."/);
    expectRemoteEqualsBuild(changed, origin);
  });

  it('updates changed metadata with one PATCH of the changed fields only', async () => {
    const origin = testOrigin();
    await run(miniApp, origin);
    make.clearRequests();
    const relabelled = withModule('verifierCompte', (m) => {
      m.label = 'Vérifier la clé';
    });
    const second = await run(relabelled, origin);
    expect(second.outcome).toBe('deployed');
    expect(make.writes.map((w) => [w.method, w.path, w.body])).toEqual([
      ['PATCH', `/api/v2/sdk/apps/${APP_ID}/1/modules/verifierCompte`, { label: 'Vérifier la clé' }],
    ]);
    expect(second.output).toContain('module verifierCompte: metadata label "Vérifier le compte" → "Vérifier la clé"');
  });

  it('refuses a removed output field without --allow-breaking, and writes it with it', async () => {
    const origin = testOrigin();
    await run(miniApp, origin);
    make.clearRequests();
    const refused = await run(withoutDebut(), origin);
    expect(refused.outcome).toBe('refused');
    expect(refused.exitCode).toBe(1);
    expect(make.writes).toEqual([]);
    expect(refused.output).toMatch(/BREAKING .*debut/);
    expect(refused.output).toContain('refused: 1 breaking change(s)');
    expect(refused.output).toContain('--allow-breaking');
    expect(refused.output).toContain('Nothing was written to Make.');
    expect(origin.lastDeployedVersion).toBe(1);

    const allowed = await run(withoutDebut(), origin, { allowBreaking: true });
    expect(allowed.outcome).toBe('deployed');
    expect(make.writes.map((w) => w.path.split('/').slice(-2).join('/'))).toEqual(['listerSessions/interface', 'listerSessions/samples']);
  });

  it('keeps a component Make has and the build does not, and deletes it only with --prune (a breaking change)', async () => {
    const origin = testOrigin();
    await run(miniApp, origin);
    const withoutSessions = structuredClone(miniApp);
    withoutSessions.modules = withoutSessions.modules.filter((m) => m.id !== 'listerSessions');
    withoutSessions.groups = [{ label: 'Formations', modules: ['verifierCompte', 'inscrireApprenants'] }];
    make.clearRequests();

    const kept = await run(withoutSessions, origin);
    expect(kept.output).toContain('module listerSessions ("Récupérer les sessions") is in Make but not in the build: kept (--prune deletes it)');
    expect(make.writes.map((w) => `${w.method} ${w.path.split('/').pop()}`)).toEqual(['PUT groups']);
    expect(remote.modules.has('listerSessions')).toBe(true);

    make.clearRequests();
    const pruneRefused = await run(withoutSessions, origin, { prune: true });
    expect(pruneRefused.outcome).toBe('refused');
    expect(pruneRefused.output).toMatch(/BREAKING +module listerSessions was removed/);
    expect(make.writes).toEqual([]);

    const pruned = await run(withoutSessions, origin, { prune: true, allowBreaking: true });
    expect(pruned.outcome).toBe('deployed');
    expect(make.writes.map((w) => `${w.method} ${w.path}`)).toEqual([`DELETE /api/v2/sdk/apps/${APP_ID}/1/modules/listerSessions`]);
    expect(remote.modules.has('listerSessions')).toBe(false);
    expect(origin.idMapping.module).not.toHaveProperty('listerSessions');
  });
});

describe('--dry-run', () => {
  it('prints the diff of a first deploy and sends no write request', async () => {
    const origin = testOrigin();
    const dry = await run(miniApp, origin, { dryRun: true });
    expect(dry.outcome).toBe('dry-run');
    expect(dry.exitCode).toBe(0);
    expect(make.writes).toEqual([]);
    expect(make.requests.length).toBeGreaterThan(0);
    expect(dry.saves).toBe(0);
    expect(origin.idMapping).toEqual(emptyMapping());
    expect(origin.lastDeployedVersion).toBeNull();
    expect(dry.output).toContain('(dry run: nothing is written)');
    expect(dry.output).toContain('module verifierCompte: create (action, "Vérifier le compte", connection catalogue)');
    expect(dry.output).toContain('app · readme: +3 -0 (new)');
    expect(dry.output).toContain('Dry run: nothing was written.');
  });

  it('on a change, prints it and what a real deploy would refuse, and writes nothing', async () => {
    const origin = testOrigin();
    await run(miniApp, origin);
    make.clearRequests();
    const dry = await run(withoutDebut(), origin, { dryRun: true });
    expect(make.writes).toEqual([]);
    expect(dry.exitCode).toBe(1);
    expect(dry.output).toContain('module listerSessions · interface: +0 -5');
    expect(dry.output).toContain('A real deploy would refuse:');
  });
});

describe('a release origin (production)', () => {
  it('refuses a version not raised since the last deploy there, and a version without a changelog entry', async () => {
    const origin = testOrigin({ label: 'production', release: true, lastDeployedVersion: 1 });
    const notRaised = await run(miniApp, origin);
    expect(notRaised.outcome).toBe('refused');
    expect(notRaised.output).toContain("refused: version 1 was not raised since the last deploy to 'production' (version 1");
    expect(make.writes).toEqual([]);

    const raised = { ...miniApp, version: 2 };
    const noEntry = await run(raised, origin, { changelog: '# Changelog\n\n## 1 — 2025-06-02\n' });
    expect(noEntry.output).toContain('refused: CHANGELOG.md has no entry for version 2');
    expect(make.writes).toEqual([]);

    const good = await run(raised, origin);
    expect(good.outcome).toBe('deployed');
    expect(origin.lastDeployedVersion).toBe(2);
  });

  it('refuses a breaking change without a new major version, even with --allow-breaking', async () => {
    const origin = testOrigin({ label: 'production', release: true });
    await run(miniApp, origin);
    expect(origin.lastDeployedVersion).toBe(1);
    // A minor raise ("1.1": the deploy reads a MAJOR.MINOR text as well as an integer) may not break.
    const minorOnly = await run({ ...withoutDebut(), version: '1.1' as unknown as number }, origin, { allowBreaking: true, changelog: '## 1.1\n' });
    expect(minorOnly.outcome).toBe('refused');
    expect(minorOnly.output).toContain("a breaking change needs a new major version on 'production': version 1.1 has major 1, not above 1");
    make.clearRequests();
    const withoutBreakingFlag = await run({ ...withoutDebut(), version: 2 }, origin, { changelog: '## 2\n' });
    expect(withoutBreakingFlag.outcome).toBe('refused');
    expect(withoutBreakingFlag.output).toContain('--allow-breaking');
    const major = await run({ ...withoutDebut(), version: 2 }, origin, { allowBreaking: true, changelog: '## 2\n' });
    expect(major.outcome).toBe('deployed');
    expect(make.writes).toHaveLength(2);
    expect(origin.lastDeployedVersion).toBe(2);
  });
});

describe('what goes wrong', () => {
  it('a refused key (401): says so, names where the key came from, never prints it, writes nothing', async () => {
    make.keys.clear();
    make.echoTokenIn401 = true;
    const refused = await run(miniApp, testOrigin(), { keySource: '.secrets/make-test.key' });
    expect(refused.outcome).toBe('failed');
    expect(refused.exitCode).toBe(1);
    expect(refused.output).toContain("failed: Make refused the API key (401: Invalid access token ***.) while reading the app 'mini-catalogue-test' version 1");
    expect(refused.output).toContain('Check the key in .secrets/make-test.key');
    expect(refused.output).toContain('Nothing was written to Make.');
    expect(refused.output).not.toContain(KEY);
    expect(make.writes).toEqual([]);
  });

  it('an unknown app (404): names the origin, its app and where to fix it', async () => {
    const refused = await run(miniApp, testOrigin({ appId: 'no-such-app' }));
    expect(refused.outcome).toBe('failed');
    expect(refused.output).toContain("Make has no app 'no-such-app' version 1 at https://eu1.make.com/api (404: App not found.)");
    expect(refused.output).toContain("Check appId, appVersion and baseUrl of origin 'test' in make.origins.json");
  });

  it('a key without the sdk-apps:write scope (403): names the scopes, and what was written (nothing)', async () => {
    make.addKey(KEY, [READ_SCOPE]);
    const refused = await run(miniApp, testOrigin());
    expect(refused.outcome).toBe('failed');
    expect(refused.output).toContain('Make answered 403 (forbidden: Missing scope sdk-apps:write.) while creating connection Catalogue');
    expect(refused.output).toContain('It needs the scopes sdk-apps:read and sdk-apps:write');
    expect(refused.output).toContain('Nothing was written to Make.');
  });

  it('a network failure halfway: lists what was written and what was not; a rerun writes only the rest', async () => {
    const origin = testOrigin();
    make.failWrite(9);
    const stopped = await run(miniApp, origin);
    expect(stopped.outcome).toBe('failed');
    expect(stopped.exitCode).toBe(1);
    expect(stopped.written).toHaveLength(8);
    expect(stopped.output).toMatch(/failed: No answer from eu1\.make\.com while writing module \w+ \(section \w+\) \(socket hang up: ECONNRESET\)/);
    expect(stopped.output).toContain('Already written to Make (8):');
    expect(stopped.output).toContain(`  ✓ connection catalogue: create (basic, "Catalogue")`);
    expect(stopped.output).toMatch(/Not written \(\d+\):\n {2}✗ module/);
    expect(stopped.output).toContain('Run the same command again to finish');
    // The names Make gave are recorded at once; the version only once everything is written.
    expect(origin.idMapping.connection).toEqual({ catalogue: APP_ID });
    expect(origin.lastDeployedVersion).toBeNull();
    const writtenBefore = make.writes.length;

    const rerun = await run(miniApp, origin);
    expect(rerun.outcome).toBe('deployed');
    const rerunWrites = make.writes.slice(writtenBefore);
    // Nothing created twice; the failed section and everything after it written once.
    expect(rerunWrites.filter((w) => w.method === 'POST' && w.path.endsWith('/connections'))).toEqual([]);
    // 5 creations and 25 sections in all: each written once, in the first run or the rerun.
    expect(rerunWrites.length + stopped.written.length).toBe(5 + 25);
    expect(remote.connections.size).toBe(1);
    expectRemoteEqualsBuild(miniApp, origin);
    expect(origin.lastDeployedVersion).toBe(1);

    make.clearRequests();
    expect((await run(miniApp, origin)).outcome).toBe('up-to-date');
    expect(make.writes).toEqual([]);
  });

  it('a server error on a write: the same report; a connection whose name was lost is found again by its label', async () => {
    const origin = testOrigin();
    make.failWrite(2, 500);
    const stopped = await run(miniApp, origin);
    expect(stopped.output).toContain("Make answered 500: Internal error. while writing connection mini-catalogue-test (section api): a failure on Make's side");
    expect(origin.pending).toEqual({ connection: ['catalogue'], module: [], rpc: [] });
    // As if the name had not been recorded (the answer to the creation lost): the rerun adopts the connection, and
    // compares it as new (its empty fields are no breaking change: no deploy finished writing it).
    origin.idMapping = emptyMapping();
    origin.pending = noPending();
    const rerun = await run(miniApp, origin);
    expect(rerun.outcome).toBe('deployed');
    expect(rerun.output).toContain('note: connection catalogue: matched with the connection mini-catalogue-test Make already has (not mapped yet)');
    expect(rerun.output).toContain('note: connection catalogue: no deploy finished writing it yet: compared as new');
    expect(rerun.output).toContain("connection catalogue ('Catalogue') was added");
    expect(remote.connections.size).toBe(1);
    expectRemoteEqualsBuild(miniApp, origin);
    expect(origin.pending).toEqual(noPending());
  });

  it('a build the checks refuse is not sent at all', async () => {
    const broken = withModule('verifierCompte', (m) => {
      m.communication = { ...m.communication, url: '{{parameters.inconnu' } as ModuleDefinition['communication'];
    });
    const refused = await run(broken, testOrigin());
    expect(refused.outcome).toBe('refused');
    expect(refused.output).toMatch(/refused: the checks found \d+ error\(s\) in the build; nothing was sent to Make/);
    expect(make.requests).toEqual([]);
  });
});
