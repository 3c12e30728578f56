// The legacy v1 structure syncs against the sandbox over HTTP, in the order a school's scenario runs them: the
// sites, the formations, then the groups that name them. A group naming a site that was never synced is the
// platform's to refuse (the module cannot know the platform's sites): the refusal reaches the user through the
// module's error mapping, naming the row and the field, and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { runModule } from '../../sdk/harness/run';
import { emittedApp } from '../helpers/app';
import { refusal } from '../helpers/sent';

const TOKEN = 'structure-v1-token-5c1d';
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, token: TOKEN, log: () => undefined });
});
afterAll(() => sandbox.close());

async function run(moduleId: string, input: Record<string, unknown>) {
  const result = await runModule(emittedApp(), moduleId, {
    input,
    connection: { apiKey: TOKEN, baseUrl: 'https://app.campus-skills.com' },
    baseUrl: sandbox.url,
  });
  expect(result.outputWarnings).toEqual([]);
  return result;
}

const structure = () => sandbox.state().accounts[0].structure;

const sites = [
  { codeSite: 'SITE-REN', nomSite: 'Rennes' },
  { codeSite: 'SITE-NTE', nomSite: 'Nantes' },
];
const formations = [
  { codeFormation: 'BTSMCO', nomFormation: 'BTS Management Commercial Opérationnel' },
  { codeFormation: 'LICRH', nomFormation: 'Licence Ressources Humaines' },
];
const groupes = [
  { codeSite: 'SITE-REN', codeFormation: 'BTSMCO', nomGroupe: 'BTS MCO Rennes 1ère année', codeGroupe: 'GRP-MCO-REN-1' },
  { codeSite: 'SITE-NTE', codeFormation: 'LICRH', nomGroupe: 'Licence RH Nantes', codeGroupe: 'GRP-RH-NTE' },
];

describe('the v1 structure against the sandbox', () => {
  it('syncs the sites, then the formations, then the groups that name them, one bundle each', async () => {
    expect((await run('syncSites', { sites })).bundles).toEqual([{ nombreSynchronises: 2, sites }]);
    expect((await run('syncFormations', { formations })).bundles).toEqual([{ nombreSynchronises: 2, formations }]);
    expect((await run('syncGroups', { groupes })).bundles).toEqual([{ nombreSynchronises: 2, groupes }]);
    expect(structure()).toEqual({ sites, formations, groupes });
  });

  it('refuses a group naming a site never synced, with the row and the field, and stores none of the groups sent', async () => {
    const before = structure();
    const lyon = { codeSite: 'SITE-LYO', codeFormation: 'BTSMCO', nomGroupe: 'BTS MCO Lyon', codeGroupe: 'GRP-MCO-LYO' };
    const renamed = { ...groupes[0], nomGroupe: 'BTS MCO Rennes (1re année)' };
    expect(await refusal(run('syncGroups', { groupes: [renamed, lyon] }))).toEqual({
      type: 'DataError',
      message:
        'Campus Skills a répondu 400 : Les groupes sont refusés :\n' +
        `- groupes[2].codeSite : aucun site de code "SITE-LYO" n'a été synchronisé : envoyez-le d'abord par la synchronisation des sites, puis ce groupe.`,
      sent: [{ method: 'POST', path: '/api/sync/v1/groups', query: {}, body: { groupes: [renamed, lyon] } }],
    });
    expect(structure()).toEqual(before);
  });

  it('takes the same group once its site is synced, and updates the others by code without removing any', async () => {
    await run('syncSites', { sites: [{ codeSite: 'SITE-LYO', nomSite: 'Lyon' }] });
    const lyon = { codeSite: 'SITE-LYO', codeFormation: 'BTSMCO', nomGroupe: 'BTS MCO Lyon', codeGroupe: 'GRP-MCO-LYO' };
    const renamed = { ...groupes[0], nomGroupe: 'BTS MCO Rennes (1re année)' };
    expect((await run('syncGroups', { groupes: [renamed, lyon] })).bundles[0]).toMatchObject({ nombreSynchronises: 2 });
    expect(structure()).toEqual({
      sites: [...sites, { codeSite: 'SITE-LYO', nomSite: 'Lyon' }],
      formations,
      groupes: [renamed, groupes[1], lyon],
    });
  });
});
