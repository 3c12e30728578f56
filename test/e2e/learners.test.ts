// The modules about learners, groups and incremental changes against the sandbox over HTTP, in the order a school
// would use them: learners and groups chosen in the lists the RPCs build, absences sent then read back through the
// sandbox's admin route, a group's calendar, a learner's booklet progress, a week's changes, and finally the
// deletion of every contract, which only a connection marked as a sandbox account may ask for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { generateContracts } from '../../sandbox/demoData';
import { runModule, runRpc } from '../../sdk/harness/run';
import { emittedApp } from '../helpers/app';
import { refusal } from '../helpers/sent';
import type { Contrat } from '../../api/types/contrat';

const TOKEN = 'learners-token-5d1c';
const PRODUCTION_TOKEN = 'learners-production-token-77e0';
const school = generateContracts(40, 21);
const configuredProgress = {
  _id: 'cs-1',
  studentName: `${school[0].prenomApprenant} ${school[0].nomApprenant}`,
  tutorName: 'Yannick Le Goff',
  tutorSchoolName: 'Hervé Le Gall',
  companyName: school[0].nomEntreprise,
  reports: [{ name: "Rapport d'étonnement", reportDone: false, isLate: true, dateOfReport: '2025-11-30T00:00:00.000Z' }],
};

let sandbox: RunningSandbox;
const requestLines: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    token: TOKEN,
    log: (line) => requestLines.push(line),
    config: {
      accounts: [
        {
          id: 'ecole',
          name: 'CFA bac à sable',
          isSandbox: true,
          contrats: school,
          learners: [{ studentId: school[0].codeApprenant, trainingProgress: configuredProgress }],
        },
        { id: 'production', name: 'CFA production', token: PRODUCTION_TOKEN, isSandbox: false, contrats: school.slice(0, 5) },
      ],
    },
  });
});
afterAll(() => sandbox.close());

const connection = (overrides: Record<string, unknown> = {}) => ({ apiKey: TOKEN, baseUrl: 'https://app.campus-skills.com', sandbox: true, ...overrides });

function run(moduleId: string, input: Record<string, unknown> = {}, onConnection = connection()) {
  return runModule(emittedApp(), moduleId, { input, connection: onConnection, baseUrl: sandbox.url });
}

function options(rpcId: string, input: Record<string, unknown> = {}) {
  return runRpc(emittedApp(), rpcId, { input, connection: connection(), baseUrl: sandbox.url });
}

/** The account as the sandbox holds it, read through its admin route. */
async function account(id = 'ecole'): Promise<{ absences: Array<{ email: string; data: unknown[] }>; calendars: unknown[]; contrats: Contrat[] }> {
  const response = await fetch(`${sandbox.url}/_sandbox/state`, { headers: { authorization: `Bearer ${sandbox.adminToken}` } });
  expect(response.status).toBe(200);
  const state = (await response.json()) as { accounts: Array<{ id: string }> };
  return state.accounts.find((a) => a.id === id) as never;
}

async function transmittedCodes(): Promise<string[]> {
  const { bundles } = await run('listTransmittedContracts');
  return bundles.map((b) => String(b.codeContrat)).sort();
}

/** How many requests the sandbox has logged whose line contains `text` ("METHOD /path STATUS time"). */
const callsTo = (text: string) => requestLines.filter((line) => line.includes(text)).length;

const distinct = <T>(list: T[]) => [...new Set(list)];

describe('learner modules against the sandbox', () => {
  it('lists the learners and the groups of the transmitted contracts, as the fields offer them', async () => {
    const learners = (await options('listLearners')).bundles;
    expect(learners.map((o) => o.value).sort()).toEqual(distinct(school.map((c) => c.emailApprenant)).sort());
    expect(learners).toContainEqual({
      label: `${school[0].prenomApprenant} ${school[0].nomApprenant} (${school[0].emailApprenant})`,
      value: school[0].emailApprenant,
    });
    const byId = (await options('listLearners', { searchBy: 'studentId' })).bundles;
    expect(byId.map((o) => o.value).sort()).toEqual(distinct(school.map((c) => c.codeApprenant)).sort());
    const groups = (await options('listGroups')).bundles;
    expect(groups.map((o) => o.value).sort()).toEqual(distinct(school.map((c) => c.codeGroupe)).sort());
  });

  it("sends a learner's absences, which the sandbox then holds; a second list replaces the first", async () => {
    const email = (await options('listLearners')).bundles[0].value as string;
    const first = [
      { dateDebut: '15/01/2026-08:30', dateFin: '15/01/2026-12:00', type: 'absence', isJusitifie: true, motif: 'Rendez-vous médical' },
      { dateDebut: '20/01/2026-09:00', dateFin: '20/01/2026-09:20', type: 'retard', isJusitifie: false },
    ];
    expect((await run('syncAbsences', { email, data: first })).bundles).toEqual([{ success: true, total: 2 }]);
    expect((await account()).absences).toEqual([{ email, data: first }]);

    const second = [first[1]];
    expect((await run('syncAbsences', { email, data: second })).bundles).toEqual([{ success: true, total: 1 }]);
    expect((await account()).absences).toEqual([{ email, data: second }]);
  });

  it('refuses, without a request, an absence ending before it starts; the sandbox keeps the list it had', async () => {
    const before = await account();
    const calls = callsTo('/api/sync/v1/absences-for-student');
    const email = school[0].emailApprenant;
    const { type, sent } = await refusal(
      run('syncAbsences', { email, data: [{ dateDebut: '15/01/2026-12:00', dateFin: '15/01/2026-08:00', type: 'absence', isJusitifie: false }] }),
    );
    expect({ type, sent }).toEqual({ type: 'DataError', sent: [] });
    expect(callsTo('/api/sync/v1/absences-for-student')).toBe(calls);
    expect((await account()).absences).toEqual(before.absences);
  });

  it("shows the sandbox's refusal of a learner it does not know", async () => {
    const { type, message } = await refusal(run('syncAbsences', { email: 'personne@exemple.fr', data: [] }));
    expect(type).toBe('RuntimeError');
    expect(message).toBe('Campus Skills a répondu 404 : Aucun apprenant ne correspond à l\'email "personne@exemple.fr".');
  });

  it("sets a group's calendar", async () => {
    const groupId = (await options('listGroups')).bundles[0].value as string;
    const calendarUrl = 'https://agenda.mon-ecole.fr/groupes/btsmco-1.ics';
    expect((await run('syncGroupCalendar', { groupId, calendarUrl })).bundles).toEqual([{ success: true, groupId, calendarUrl }]);
    expect((await account()).calendars).toEqual([{ groupId, calendarUrl }]);
  });

  it("reads a learner's booklet progress, by id (configured) and by email (from the contracts)", async () => {
    const byId = await run('listTrainingProgress', { searchBy: 'studentId', studentId: school[0].codeApprenant });
    expect(byId.bundles).toEqual([configuredProgress]);
    expect(byId.outputWarnings).toEqual([]);
    const other = school.find((c) => c.codeApprenant !== school[0].codeApprenant)!;
    const byEmail = await run('listTrainingProgress', { searchBy: 'email', email: other.emailApprenant });
    expect(byEmail.bundles).toEqual([
      expect.objectContaining({ _id: other.codeApprenant, studentName: `${other.prenomApprenant} ${other.nomApprenant}`, reports: [] }),
    ]);
  });

  it("sends a week's changes: one contract added, one updated, one archived", async () => {
    const before = await transmittedCodes();
    const added = { ...generateContracts(41, 21)[40], codeContrat: 'NEW-2026-1' };
    const updated = { ...school[3], missionTitle: 'Vendeur conseil' };
    const removed = school[4].codeContrat;
    const { bundles } = await run('syncContractChanges', { added: [added], updated: [updated], removed: [removed] });
    expect(bundles).toEqual([{ success: true, added: 1, updated: 1, removed: 1, total: before.length }]);
    expect(await transmittedCodes()).toEqual([...before.filter((c) => c !== removed), 'NEW-2026-1'].sort());
    expect((await account()).contrats.find((c) => c.codeContrat === updated.codeContrat)?.missionTitle).toBe('Vendeur conseil');
  });

  it('refuses to delete every contract on a connection not marked as a sandbox account, sending nothing', async () => {
    const calls = callsTo('DELETE /api/sync/v1/contrats');
    const { type, sent } = await refusal(run('deleteAllContracts', {}, connection({ sandbox: false })));
    expect({ type, sent }).toEqual({ type: 'DataError', sent: [] });
    expect(callsTo('DELETE /api/sync/v1/contrats')).toBe(calls);
    expect((await transmittedCodes()).length).toBeGreaterThan(0);
  });

  it("shows the platform's refusal when a production account's connection is wrongly marked as a sandbox", async () => {
    const { type, message } = await refusal(run('deleteAllContracts', {}, connection({ apiKey: PRODUCTION_TOKEN })));
    expect(type).toBe('InvalidAccessTokenError');
    expect(message).toBe("Campus Skills a répondu 403 : La suppression de tous les contrats n'est possible que sur un compte bac à sable.");
    expect((await account('production')).contrats).toHaveLength(5);
  });

  it('deletes every contract of a sandbox account', async () => {
    const count = (await transmittedCodes()).length;
    expect((await run('deleteAllContracts')).bundles).toEqual([{ success: true, deleted: count }]);
    expect(await transmittedCodes()).toEqual([]);
  });
});
