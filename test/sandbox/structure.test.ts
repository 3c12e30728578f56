// The legacy v1 structure syncs in the sandbox: sites, formations and groups kept per account, added and updated by
// code and never removed (V1_SYNC_UPSERTS); a group names a site and a formation the account already has; a code
// comes once per call; every problem refuses the whole call (400), naming its row and field, and stores nothing.
import { describe, expect, it } from 'vitest';
import { V1_SYNC_ANSWER_KEYS, V1_SYNC_UPSERTS } from '../../api/assumptions';
import { ENDPOINTS } from '../../api/endpoints';
import type { SandboxState } from '../../sandbox/types';
import { call, expectOk, OTHER_TOKEN, twoAccounts } from './helpers';

const SITES = ENDPOINTS.syncSites.path;
const FORMATIONS = ENDPOINTS.syncFormations.path;
const GROUPS = ENDPOINTS.syncGroups.path;

const rennes = { codeSite: 'SITE-REN', nomSite: 'Rennes' };
const nantes = { codeSite: 'SITE-NTE', nomSite: 'Nantes' };
const mco = { codeFormation: 'BTSMCO', nomFormation: 'BTS MCO' };
const rh = { codeFormation: 'LICRH', nomFormation: 'Licence RH' };
const group = (codeGroupe: string, codeSite = rennes.codeSite, codeFormation = mco.codeFormation) => ({
  codeSite,
  codeFormation,
  nomGroupe: `Groupe ${codeGroupe}`,
  codeGroupe,
});

/** An account with Rennes and Nantes, BTS MCO and Licence RH. */
function withStructure(): SandboxState {
  let state = expectOk(twoAccounts(), 'POST', SITES, { body: { sites: [rennes, nantes] } }).state;
  state = expectOk(state, 'POST', FORMATIONS, { body: { formations: [mco, rh] } }).state;
  return state;
}

const structureOf = (state: SandboxState, id = 'ecole') => state.accounts.find((account) => account.id === id)!.structure;

/** A call that must be refused with 400 and change nothing; its reason, line by line. */
function refused(state: SandboxState, path: string, body: unknown, token?: string): string[] {
  const { response, state: after } = call(state, 'POST', path, { body, token });
  expect(response.status).toBe(400);
  expect(after).toBe(state);
  expect(response.body).toMatchObject({ error: 'BAD_REQUEST' });
  return (response.body as { reason: string }).reason.split('\n');
}

describe('the assumptions the sandbox follows', () => {
  it('are the ones docs/api.md states: an upsert, answering the object sent', () => {
    expect(V1_SYNC_UPSERTS).toBe(true);
    expect(V1_SYNC_ANSWER_KEYS).toEqual({ syncSites: 'sites', syncFormations: 'formations', syncGroups: 'groupes' });
  });
});

describe('sites and formations', () => {
  it.each([
    [SITES, 'sites', [rennes, nantes]],
    [FORMATIONS, 'formations', [mco, rh]],
  ] as const)('%s keeps the rows and answers the object sent', (path, list, rows) => {
    const { state, body } = expectOk(twoAccounts(), 'POST', path, { body: { [list]: rows } });
    expect(body).toEqual({ [list]: rows });
    expect(structureOf(state)).toEqual({ sites: [], formations: [], groupes: [], [list]: rows });
  });

  it('adds and updates by code, in place, and keeps the rows a later call leaves out', () => {
    const lyon = { codeSite: 'SITE-LYO', nomSite: 'Lyon' };
    const renamed = { codeSite: rennes.codeSite, nomSite: 'Rennes Centre' };
    const { state, body } = expectOk(withStructure(), 'POST', SITES, { body: { sites: [lyon, renamed] } });
    expect(body).toEqual({ sites: [lyon, renamed] });
    expect(structureOf(state)!.sites).toEqual([renamed, nantes, lyon]);
    expect(structureOf(state)!.formations).toEqual([mco, rh]);
  });

  it('takes an empty list as nothing to change', () => {
    const before = withStructure();
    const { state, body } = expectOk(before, 'POST', SITES, { body: { sites: [] } });
    expect(body).toEqual({ sites: [] });
    expect(structureOf(state)).toEqual(structureOf(before));
  });

  it('keeps each account apart', () => {
    const state = withStructure();
    expect(structureOf(state, 'prod')).toBeUndefined();
    const other = expectOk(state, 'POST', SITES, { token: OTHER_TOKEN, body: { sites: [nantes] } }).state;
    expect(structureOf(other, 'prod')!.sites).toEqual([nantes]);
    expect(structureOf(other)).toEqual(structureOf(state));
  });

  it('refuses a code twice in one call, on the later row, naming the earlier one', () => {
    expect(refused(withStructure(), SITES, { sites: [rennes, nantes, { codeSite: 'SITE-REN', nomSite: 'Rennes 2' }] })).toEqual([
      'Les sites sont refusés :',
      `- sites[3].codeSite : le code "SITE-REN" est déjà celui de sites[1] : un code ne désigne qu'un site par envoi.`,
    ]);
    expect(refused(withStructure(), FORMATIONS, { formations: [mco, mco] })).toEqual([
      'Les formations sont refusées :',
      `- formations[2].codeFormation : le code "BTSMCO" est déjà celui de formations[1] : un code ne désigne qu'une formation par envoi.`,
    ]);
  });

  it('names every problem of the body with its place, in the order of the rows and the fields', () => {
    const body = {
      sites: [
        { codeSite: '', nomSite: 'Vide' },
        { codeSite: 'SITE-BRE ', nomSite: 'Brest', ville: 'Brest' },
        { nomSite: 'Sans code' },
        'SITE-QPR',
        { codeSite: 'SITE-VAN', nomSite: 42 },
      ],
    };
    expect(refused(twoAccounts(), SITES, body)).toEqual([
      'Les sites sont refusés :',
      '- sites[1].codeSite : ne doit pas être vide (reçu "").',
      '- sites[2].ville : champ inconnu (attendus : codeSite, nomSite).',
      `- sites[2].codeSite : "SITE-BRE " commence ou finit par une espace : un code s'écrit sans espace autour.`,
      '- sites[3].codeSite : champ obligatoire manquant.',
      '- sites[4] : un site doit être un objet {"codeSite": "...", "nomSite": "..."}, reçu "SITE-QPR".',
      '- sites[5].nomSite : un texte est attendu, reçu 42.',
    ]);
  });

  it.each([
    [{ site: [rennes] }, ['Les sites sont refusés :', '- site : champ inconnu (attendus : sites).', '- sites : la liste des sites est obligatoire et doit être un tableau (reçu undefined).']],
    [{ sites: rennes }, ['Les sites sont refusés :', '- sites : la liste des sites est obligatoire et doit être un tableau (reçu {"codeSite":"SITE-REN","nomSite":"Rennes"}).']],
    [[rennes], ['Les sites sont refusés :', '- Le corps de la requête doit être un objet {"sites": [...]}.']],
  ])('refuses a body that is not {"sites": [...]}: %j', (body, reason) => {
    expect(refused(twoAccounts(), SITES, body)).toEqual(reason);
  });
});

describe('groups', () => {
  it('are kept once their site and formation are, and answer the object sent', () => {
    const groups = [group('G1'), group('G2', nantes.codeSite, rh.codeFormation)];
    const { state, body } = expectOk(withStructure(), 'POST', GROUPS, { body: { groupes: groups } });
    expect(body).toEqual({ groupes: groups });
    expect(structureOf(state)!.groupes).toEqual(groups);
  });

  it('are updated by code: a group may move to another site and formation that exist', () => {
    let state = expectOk(withStructure(), 'POST', GROUPS, { body: { groupes: [group('G1'), group('G2')] } }).state;
    state = expectOk(state, 'POST', GROUPS, { body: { groupes: [group('G1', nantes.codeSite, rh.codeFormation)] } }).state;
    expect(structureOf(state)!.groupes).toEqual([group('G1', nantes.codeSite, rh.codeFormation), group('G2')]);
  });

  it('refuse the whole call when a group names a site or a formation never synced, naming the row and the field', () => {
    const body = { groupes: [group('G1'), group('G2', 'SITE-LYO'), group('G3', rennes.codeSite, 'BTSNDRC')] };
    expect(refused(withStructure(), GROUPS, body)).toEqual([
      'Les groupes sont refusés :',
      `- groupes[2].codeSite : aucun site de code "SITE-LYO" n'a été synchronisé : envoyez-le d'abord par la synchronisation des sites, puis ce groupe.`,
      `- groupes[3].codeFormation : aucune formation de code "BTSNDRC" n'a été synchronisée : envoyez-la d'abord par la synchronisation des formations, puis ce groupe.`,
    ]);
  });

  it("refuse a site or a formation of another account, and on an account with no structure at all", () => {
    const state = withStructure();
    expect(refused(state, GROUPS, { groupes: [group('G1')] }, OTHER_TOKEN)).toEqual([
      'Les groupes sont refusés :',
      `- groupes[1].codeSite : aucun site de code "SITE-REN" n'a été synchronisé : envoyez-le d'abord par la synchronisation des sites, puis ce groupe.`,
      `- groupes[1].codeFormation : aucune formation de code "BTSMCO" n'a été synchronisée : envoyez-la d'abord par la synchronisation des formations, puis ce groupe.`,
    ]);
  });

  it('compare codes exactly: a site code with another case or a space is another code', () => {
    const lines = refused(withStructure(), GROUPS, { groupes: [group('G1', 'site-ren'), group('G2', ' SITE-REN')] });
    expect(lines).toEqual([
      'Les groupes sont refusés :',
      `- groupes[1].codeSite : aucun site de code "site-ren" n'a été synchronisé : envoyez-le d'abord par la synchronisation des sites, puis ce groupe.`,
      `- groupes[2].codeSite : " SITE-REN" commence ou finit par une espace : un code s'écrit sans espace autour.`,
    ]);
  });

  it('refuse a group code twice in one call', () => {
    expect(refused(withStructure(), GROUPS, { groupes: [group('G1'), group('G2'), group('G1', nantes.codeSite)] })).toEqual([
      'Les groupes sont refusés :',
      `- groupes[3].codeGroupe : le code "G1" est déjà celui de groupes[1] : un code ne désigne qu'un groupe par envoi.`,
    ]);
  });

  it('are not touched by a later sites or formations sync, which removes nothing', () => {
    let state = expectOk(withStructure(), 'POST', GROUPS, { body: { groupes: [group('G1')] } }).state;
    state = expectOk(state, 'POST', SITES, { body: { sites: [nantes] } }).state;
    state = expectOk(state, 'POST', FORMATIONS, { body: { formations: [rh] } }).state;
    expect(structureOf(state)).toEqual({ sites: [rennes, nantes], formations: [mco, rh], groupes: [group('G1')] });
  });
});
