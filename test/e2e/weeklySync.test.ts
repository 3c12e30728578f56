// The weekly scenario of docs/api.md, end to end: the emitted modules run by the harness against the sandbox,
// over real HTTP on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { generateContracts } from '../../sandbox/demoData';
import { runModule } from '../../sdk/harness/run';
import { failure } from '../helpers/failure';
import type { Contrat } from '../../api/types/contrat';
import { emittedApp } from '../helpers/app';
import { sampleGrades } from '../../app/samples';
import { sendHttp } from '../../sdk/harness/http';
import { semanticsVariants, type Semantics } from '../../sdk/harness/semantics';

let sandbox: RunningSandbox;
const INTEGRATED_GROUPS = ['GRP-NAN-LPLOG-AN-1-2526'];

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    token: 'e2e-token-5b1d9f27c3',
    config: { accounts: [{ name: 'CFA de test', isSandbox: true, integratedGroups: INTEGRATED_GROUPS }] },
    log: () => undefined,
  });
});
afterAll(() => sandbox.close());

function run(moduleId: string, input: Record<string, unknown> = {}, token = sandbox.token, semantics?: Semantics) {
  return runModule(emittedApp(), moduleId, {
    input,
    connection: { apiKey: token, baseUrl: 'https://app.campus-skills.com' },
    baseUrl: sandbox.url,
    semantics,
  });
}

/** A listing's bundles: one contract each. */
async function listed(moduleId: string, input: Record<string, unknown> = {}, semantics?: Semantics): Promise<Contrat[]> {
  const { bundles, outputWarnings } = await run(moduleId, input, sandbox.token, semantics);
  expect(outputWarnings, `${moduleId}: the sandbox's answers fit the interface`).toEqual([]);
  return bundles as unknown as Contrat[];
}

async function only(moduleId: string, input: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const { bundles, outputWarnings } = await run(moduleId, input);
  expect(outputWarnings, `${moduleId}: the sandbox's answers fit the interface`).toEqual([]);
  expect(bundles).toHaveLength(1);
  return bundles[0];
}


/** The sandbox's admin routes, as the platform team would configure an account. */
async function admin(method: string, route: string, body: unknown): Promise<void> {
  const response = await sendHttp(
    {
      method,
      url: `${sandbox.url}/_sandbox/${route}`,
      headers: { Authorization: `Bearer ${sandbox.adminToken}`, 'Content-Type': 'application/json' },
      body: Buffer.from(JSON.stringify(body)),
    },
    10_000,
  );
  expect(response.status, response.body.toString()).toBe(200);
}

const codes = (list: unknown) => (list as Contrat[]).map((c) => c.codeContrat).sort();

interface Counts {
  same: number;
  added: number;
  updated: number;
  removed: number;
}

/** The scenario's stop condition (a filter in Make): too many updates or removals compared with the platform. */
function abnormal(counts: Counts, ratio = 0.2): boolean {
  const onPlatform = counts.same + counts.updated + counts.removed;
  return onPlatform > 0 && (counts.updated + counts.removed) / onPlatform > ratio;
}

/** One night of the weekly scenario (docs/api.md): test the connection, simulate, stop if abnormal, sync. */
async function weeklyScenario(contrats: Contrat[]): Promise<{ diff: Record<string, unknown>; synced?: Record<string, unknown> }> {
  const connection = await only('testConnection');
  if (connection.valide !== true) throw new Error('connection refused');
  const diff = await only('simulateSync', { contrats });
  if (abnormal(diff.counts as Counts)) return { diff };
  return { diff, synced: await only('syncContracts', { contrats }) };
}

describe('the weekly sync scenario', () => {
  const week1 = generateContracts(60, 11);
  let week2: Contrat[];

  it('week 1: everything is new, the sync goes through', async () => {
    expect(await only('testConnection')).toEqual({ valide: true, message: 'token valid', nomCompte: 'CFA de test' });
    const { diff, synced } = await weeklyScenario(week1);
    expect(diff.counts).toEqual({ same: 0, added: 60, updated: 0, removed: 0 });
    expect(synced).toEqual({ statut: 'succes', nombreTransmis: 60, nombreRejetes: 0, avertissement: '' });
  });

  it('week 2: additions, changes and departures give the exact diff, then sync', async () => {
    const arrivals = generateContracts(65, 11).slice(60);
    const departures = week1.slice(0, 4);
    const changed = week1.slice(10, 13).map((c) => ({ ...c, nomEntreprise: `${c.nomEntreprise} (repris)` }));
    week2 = [...week1.slice(4, 10), ...changed, ...week1.slice(13), ...arrivals];
    const { diff, synced } = await weeklyScenario(week2);
    expect(diff.counts).toEqual({ same: 53, added: 5, updated: 3, removed: 4 });
    expect(codes(diff.added)).toEqual(codes(arrivals));
    expect(codes(diff.updated)).toEqual(codes(changed));
    expect(codes(diff.removed)).toEqual(codes(departures));
    expect((diff.updated as Contrat[]).map((c) => c.nomEntreprise).every((n) => n.endsWith('(repris)'))).toBe(true);
    expect(synced).toEqual({ statut: 'succes', nombreTransmis: 61, nombreRejetes: 0, avertissement: '' });

    expect(codes(await listed('listTransmittedContracts'))).toEqual(codes(week2));
  });

  it('week 3: a truncated export is abnormal, the scenario stops before syncing', async () => {
    const truncated = week2.slice(0, 30);
    const { diff, synced } = await weeklyScenario(truncated);
    expect(diff.counts).toEqual({ same: 30, added: 0, updated: 0, removed: 31 });
    expect(synced).toBeUndefined();
    expect((await listed('listTransmittedContracts')).length).toBe(61);
  });
});

describe('a rejected file', () => {
  it('shows the platform reason naming each contract and field; nothing is stored', async () => {
    const before = (await listed('listTransmittedContracts')).length;
    const [a, b, c, d] = generateContracts(4, 99);
    const contrats = [
      a,
      { ...b, emailApprenant: a.emailApprenant }, // rule 2: one email, two people
      { ...c, codeApprenant: c.codePersonnel }, // rule 1: a learner id equal to a tutor id
      { ...d, dateDebut: '31/02/2025' }, // rule 4: not a calendar date
    ];
    const result = await failure(run('syncContracts', { contrats }));
    expect(result.type).toBe('DataError');
    expect(result.message).toMatch(/^Campus Skills a répondu 400 : /);
    expect(result.message).toContain('contrats[2].emailApprenant');
    expect(result.message).toContain('contrats[3].codeApprenant');
    expect(result.message).toContain('contrats[4].dateDebut');
    expect(result.message).toContain('31/02/2025');
    expect((await listed('listTransmittedContracts')).length).toBe(before);
  });
});

describe('reset', () => {
  it('keeps the contracts but makes the next sync see every contract as new', async () => {
    const transmitted = await listed('listTransmittedContracts');
    expect(await only('resetSync')).toEqual({ statut: 'succes', nombreTransmis: 0, nombreRejetes: 0, avertissement: '' });
    expect(await listed('listTransmittedContracts')).toHaveLength(transmitted.length);
    const diff = await only('simulateSync', { contrats: transmitted });
    expect((diff.counts as Counts).added).toBe(transmitted.length);
    expect((diff.counts as Counts).same).toBe(0);
  });
});

describe('contract listings', () => {
  beforeAll(async () => {
    await only('syncContracts', { contrats: generateContracts(237, 5) });
  });

  it.each(semanticsVariants())('give one bundle per contract, over every page, under $label', async ({ semantics }) => {
    const { bundles, log } = await run('listTransmittedContracts', {}, sandbox.token, semantics);
    expect(bundles).toHaveLength(237);
    expect(new Set(bundles.map((b) => b.codeContrat)).size).toBe(237);
    expect(log.entries.map((e) => new URL(e.request.url).search)).toEqual([
      '?limit=100&page=1',
      '?limit=100&page=2',
      '?limit=100&page=3',
    ]);
  });

  it('stop at the maximum asked for', async () => {
    const { bundles, log } = await run('listTransmittedContracts', { limit: 150 });
    expect(bundles).toHaveLength(150);
    expect(log.entries).toHaveLength(2);
  });

  it('page through the integrated contracts too, once the platform team integrates most groups', async () => {
    const transmitted = await listed('listTransmittedContracts');
    const groups = [...new Set(transmitted.map((c) => c.codeGroupe))];
    const integratedGroups = groups.slice(1);
    await admin('PUT', 'accounts/cfa-de-test/integrated-groups', { groups: integratedGroups });
    const { bundles, log } = await run('listIntegratedContracts');
    const expected = transmitted.filter((c) => integratedGroups.includes(c.codeGroupe));
    expect(expected.length).toBeGreaterThan(100);
    expect(expected.length).toBeLessThan(transmitted.length);
    expect(codes(bundles)).toEqual(codes(expected));
    // A full last page asks for one more page, which comes back empty.
    expect(log.entries.length).toBe(Math.floor(expected.length / 100) + 1);
    await admin('PUT', 'accounts/cfa-de-test/integrated-groups', { groups: INTEGRATED_GROUPS });
  });

  it('list as integrated only the transmitted contracts of configured groups', async () => {
    const transmitted = await listed('listTransmittedContracts');
    const integrated = await listed('listIntegratedContracts');
    const expected = transmitted.filter((c) => INTEGRATED_GROUPS.includes(c.codeGroupe));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(transmitted.length);
    expect(codes(integrated)).toEqual(codes(expected));
  });
});

describe("a learner's validations", () => {
  it('are found by the id sent in the sync and by email', async () => {
    const [learner] = await listed('listTransmittedContracts', { limit: 1 });
    const byId = await only('getStudentValidations', { searchBy: 'studentId', studentId: learner.codeApprenant });
    expect(byId).toMatchObject({ studentName: `${learner.prenomApprenant} ${learner.nomApprenant}`, sessions: [] });
    const byEmail = await only('getStudentValidations', { searchBy: 'email', email: learner.emailApprenant });
    expect(byEmail).toEqual(byId);
  });

  it("are the platform's configured grades, sessions, blocks and skills, as the module outputs them", async () => {
    const [learner] = await listed('listTransmittedContracts', { limit: 1 });
    await admin('PUT', `accounts/cfa-de-test/learners/${learner.codeApprenant}`, { email: learner.emailApprenant, grades: sampleGrades });
    const grades = await only('getStudentValidations', { searchBy: 'email', email: learner.emailApprenant });
    expect(grades).toEqual(sampleGrades);
  });

  it('an unknown learner is an error with the platform reason', async () => {
    const result = await failure(run('getStudentValidations', { searchBy: 'studentId', studentId: 'INCONNU-1' }));
    expect(result.type).toBe('RuntimeError');
    expect(result.message).toMatch(/^Campus Skills a répondu 404 : /);
  });
});

describe('authentication', () => {
  it('an unknown token stops the scenario with InvalidAccessTokenError', async () => {
    const result = await failure(run('testConnection', {}, 'not-a-real-token'));
    expect(result).toEqual({
      type: 'InvalidAccessTokenError',
      message: "Campus Skills a répondu 401 : Vous n'êtes pas autorisé à effectuer cette action.",
    });
  });
});
