import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import contratSchema from '../../api/schemas/contrat.schema.json';
import contractListSchema from '../../api/schemas/contract-page.schema.json';
import tokenTestSchema from '../../api/schemas/token-test.schema.json';
import { CONTRACTS_PAGE_SIZE, RESET_SYNC_PATH } from '../../api/assumptions';
import { createAccount, createState, handle } from '../../sandbox/state';
import { ENDPOINTS } from '../../api/endpoints';
import type { SandboxState } from '../../sandbox/types';
import { call, codes, contracts, expectOk, loose, OTHER_TOKEN, synced, TOKEN, twoAccounts } from './helpers';

const SYNC = '/api/sync/v2/contrats';
const DIFF = '/api/sync/v1/contrats-diff';
const INTEGRATED = '/api/sync/v1/contrats';
const TRANSMITTED = '/api/sync/v1/contrats-get-all';
const CHANGES = '/api/sync/v2/contrats/changes';
const UNAUTHORIZED = { error: 'UNAUTHORIZED', reason: "Vous n'êtes pas autorisé à effectuer cette action." };

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema(contratSchema);
const validListing = ajv.compile(contractListSchema);
const validTokenTest = ajv.compile(tokenTestSchema);

const transmitted = (state: SandboxState, query?: Record<string, string>, token = TOKEN) =>
  expectOk(state, 'GET', TRANSMITTED, { query, token }).body;
const integrated = (state: SandboxState, query?: Record<string, string>) => expectOk(state, 'GET', INTEGRATED, { query }).body;

describe('authentication and routing', () => {
  it('answers 401 with the platform body without a token or with an unknown one', () => {
    const state = twoAccounts();
    for (const { method, path } of Object.values(ENDPOINTS)) {
      expect(call(state, method, path, { token: null }).response).toEqual({ status: 401, body: UNAUTHORIZED });
      expect(call(state, method, path, { token: 'inconnu' }).response).toEqual({ status: 401, body: UNAUTHORIZED });
    }
    expect(call(state, 'GET', '/api/sync/v1/test', { token: null, headers: { Authorization: 'Basic abc' } }).response.status).toBe(401);
  });

  it('finds the account from the Bearer token, whatever the case of the header and scheme', () => {
    const state = twoAccounts();
    const result = handle(state, { method: 'GET', path: '/api/sync/v1/test', headers: { AUTHORIZATION: `bearer ${OTHER_TOKEN}` } });
    expect(result.response).toEqual({ status: 200, body: { value: 'token valid', name: 'École Prod' } });
    expect(validTokenTest(result.response.body)).toBe(true);
  });

  it('answers 404 for an unknown route and 405 for a wrong method, before checking the token', () => {
    const state = twoAccounts();
    const unknown = call(state, 'GET', '/api/sync/v1/inconnu', { token: null }).response;
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: 'NOT_FOUND', reason: 'Aucune route ne correspond à GET /api/sync/v1/inconnu.' });
    const wrong = call(state, 'PUT', SYNC, { token: null }).response;
    expect(wrong.status).toBe(405);
    expect(wrong.headers).toEqual({ Allow: 'POST' });
    expect((wrong.body as { error: string }).error).toBe('METHOD_NOT_ALLOWED');
    expect(call(state, 'POST', INTEGRATED).response.headers).toEqual({ Allow: 'GET, DELETE' });
  });

  it('keeps accounts apart', () => {
    let state = synced(twoAccounts(), contracts(3));
    expect(transmitted(state).total).toBe(3);
    expect(transmitted(state, undefined, OTHER_TOKEN)).toEqual({ total: 0, contrats: [] });
    state = synced(state, contracts(2, 99), OTHER_TOKEN);
    expect(codes(transmitted(state).contrats)).toEqual(codes(contracts(3)));
  });

  it('never changes the state on a read or a refused call', () => {
    const state = synced(twoAccounts(), contracts(3));
    for (const [method, path, body] of [
      ['GET', '/api/sync/v1/test', undefined],
      ['GET', TRANSMITTED, undefined],
      ['POST', DIFF, { contrats: contracts(5) }],
      ['POST', SYNC, { contrats: 'pas un tableau' }],
    ] as const) {
      expect(call(state, method, path, { body }).state).toBe(state);
    }
  });
});

describe('full sync (syncContracts)', () => {
  it('stores the list and answers {total, contrats} by default', () => {
    const list = contracts(4);
    const { state, body } = expectOk(twoAccounts(), 'POST', SYNC, { body: { contrats: list } });
    expect(body).toEqual({ total: 4, contrats: list });
    expect(transmitted(state)).toEqual({ total: 4, contrats: list });
  });

  it('accepts a bare array, as older docs show', () => {
    const list = contracts(2);
    const { state } = expectOk(twoAccounts(), 'POST', SYNC, { body: list });
    expect(transmitted(state)).toEqual({ total: 2, contrats: list });
  });

  it('refuses a body without a contract array', () => {
    for (const body of [undefined, {}, { contrats: {} }, 'texte', { contracts: [] }]) {
      const { response } = call(twoAccounts(), 'POST', SYNC, { body });
      expect(response.status).toBe(400);
      expect((response.body as { reason: string }).reason).toContain('{"contrats": [...]}');
    }
  });

  it('replaces the active contracts and archives the removed ones', () => {
    const [a, b, c] = contracts(3);
    let state = synced(twoAccounts(), [a, b, c]);
    state = synced(state, [c, a]);
    expect(codes(transmitted(state).contrats)).toEqual(codes([c, a]));
    expect(codes(state.accounts[0].archived)).toEqual(codes([b]));
  });

  it('keeps one archive entry per contract, the latest version, and none for a contract that came back', () => {
    const [a, b, c] = contracts(3);
    let state = synced(twoAccounts(), [a, b, c]);
    // Alternate: b leaves, comes back, leaves again, many times; its archive entry stays one.
    for (let week = 1; week <= 20; week++) {
      state = synced(state, week % 2 === 1 ? [a, c] : [a, { ...b, missionTitle: `Semaine ${week}` }, c]);
      const archived = state.accounts[0].archived;
      expect(archived.length).toBeLessThanOrEqual(1);
      if (week % 2 === 0) expect(archived).toEqual([]); // b is active again: not archived
    }
    // After week 20 (b back, missionTitle "Semaine 20"), the next sync removes a and that version of b.
    state = synced(state, [c]);
    expect(state.accounts[0].archived).toEqual([a, { ...b, missionTitle: 'Semaine 20' }]);
    state = synced(state, [a, c]);
    expect(codes(state.accounts[0].archived)).toEqual([b.codeContrat]);
  });

  it('rejects the whole call on a cross-contract rule, listing every violation, storing nothing', () => {
    const before = synced(twoAccounts(), contracts(2, 5));
    const list = contracts(4).map(loose);
    list[2].emailApprenant = list[0].emailApprenant;
    list[3].codeContrat = list[1].codeContrat;
    const { state, response } = call(before, 'POST', SYNC, { body: { contrats: list } });
    expect(response.status).toBe(400);
    const body = response.body as { error: string; reason: string };
    expect(body.error).toBe('BAD_REQUEST');
    expect(body.reason.split('\n')).toEqual([
      "La synchronisation est refusée : 2 erreurs dans les contrats, aucun contrat n'a été enregistré.",
      expect.stringMatching(/^- contrats\[3\]\.emailApprenant : l'email ".*" est déjà celui d'un autre utilisateur/),
      expect.stringMatching(/^- contrats\[4\]\.codeContrat : le code contrat ".*" est déjà celui de contrats\[2\]/),
    ]);
    expect(state).toBe(before);
  });

  it('rejects the whole call on a date that does not exist (rule 4)', () => {
    const list = contracts(3).map(loose);
    list[1].dateFin = '31/04/2026';
    const { response } = call(twoAccounts(), 'POST', SYNC, { body: { contrats: list } });
    expect(response.status).toBe(400);
    expect((response.body as { reason: string }).reason).toContain('contrats[2].dateFin : la date "31/04/2026" n\'existe pas');
  });

  it("in the 'total' style, rejects the whole call on a schema violation", () => {
    const list = contracts(3).map(loose);
    delete list[2].nomGroupe;
    const { response, state } = call(twoAccounts(), 'POST', SYNC, { body: { contrats: list } });
    expect(response.status).toBe(400);
    expect((response.body as { reason: string }).reason).toContain('contrats[3].nomGroupe : champ obligatoire manquant');
    expect(state.accounts[0].contrats).toEqual([]);
  });

  describe("'valid-invalid' style", () => {
    const newer = () => twoAccounts({ syncResponseStyle: 'valid-invalid' });

    it('stores the valid contracts and reports the invalid ones with their errors', () => {
      const list = contracts(4).map(loose);
      delete list[1].emailPersonnel;
      list[3].emailApprenant = 'pas-un-email';
      list[3].codeApprenant = '';
      const { state, body } = expectOk(newer(), 'POST', SYNC, { body: { contrats: list } });
      expect(body).toEqual({
        success: true,
        validContrats: [list[0], list[2]],
        invalidContrats: [
          { codeContrat: list[1].codeContrat, errors: ['emailPersonnel: champ obligatoire manquant (Email du tuteur école).'] },
          {
            codeContrat: list[3].codeContrat,
            errors: ['codeApprenant: ne doit pas être vide (reçu "").', 'emailApprenant: la valeur "pas-un-email" n\'est pas une adresse email valide.'],
          },
        ],
      });
      expect(codes(transmitted(state).contrats)).toEqual(codes([list[0], list[2]] as never));
    });

    it('reports a row without a usable code with codeContrat null', () => {
      const list: unknown[] = [...contracts(1), 7];
      const { body } = expectOk(newer(), 'POST', SYNC, { body: { contrats: list } });
      expect(body.invalidContrats).toEqual([{ codeContrat: null, errors: ['un contrat doit être un objet, reçu 7.'] }]);
    });

    it('still rejects the whole call on a cross-contract rule', () => {
      const list = contracts(3).map(loose);
      list[2].codeApprenant = list[0].codeMaitreApprentissage;
      const { response, state } = call(newer(), 'POST', SYNC, { body: { contrats: list } });
      expect(response.status).toBe(400);
      expect((response.body as { reason: string }).reason).toContain('contrats[3].codeApprenant');
      expect(state.accounts[0].contrats).toEqual([]);
    });
  });
});

describe('simulate (simulateSync)', () => {
  it('sorts the list into same / added / updated / removed without changing anything', () => {
    const [a, b, c, d] = contracts(4);
    const before = synced(twoAccounts(), [a, b, c]);
    const changedB = { ...b, nomEntreprise: 'Nouvelle Entreprise SAS' };
    const { state, body } = expectOk(before, 'POST', DIFF, { body: { contrats: [d, changedB, a] } });
    expect(body).toEqual({ same: [a], added: [d], updated: [changedB], removed: [c] });
    expect(state).toBe(before);
  });

  it('counts a contract whose optional field appears or disappears as updated', () => {
    const [a, b] = contracts(2).map(loose);
    delete a.missionTitle;
    delete a.missionDetails;
    const before = synced(twoAccounts(), [a, b]);
    const withMission = { ...a, missionTitle: 'Vendeur(se) conseil' };
    const withoutDates = { ...b };
    delete withoutDates.dateFin;
    const { body } = expectOk(before, 'POST', DIFF, { body: { contrats: [withMission, withoutDates] } });
    expect(body.updated).toEqual([withMission, withoutDates]);
  });

  it('answers exactly what the sync then does', () => {
    const pool = contracts(40, 1);
    const first = pool.slice(0, 30);
    const before = synced(twoAccounts(), first);
    const renamed = first.slice(5).map((c, i) => (i % 4 === 0 ? { ...c, nomEntreprise: `${c.nomEntreprise} (rachetée)` } : c));
    const next = [...renamed, ...pool.slice(30, 36)];
    const diff = expectOk(before, 'POST', DIFF, { body: { contrats: next } }).body;
    expect([diff.same.length, diff.added.length, diff.updated.length, diff.removed.length]).toEqual([18, 6, 7, 5]);
    const after = synced(before, next);
    expect(codes(after.accounts[0].archived)).toEqual(codes(diff.removed));
    expect(transmitted(after).contrats).toEqual(next);
    expect(new Set(codes([...diff.same, ...diff.added, ...diff.updated]))).toEqual(new Set(codes(next)));
    // Synced again unchanged: everything is the same.
    expect(expectOk(after, 'POST', DIFF, { body: { contrats: next } }).body).toEqual({ same: next, added: [], updated: [], removed: [] });
  });

  it('applies the same rules as the sync', () => {
    const list = contracts(2).map(loose);
    list[1].codeContrat = list[0].codeContrat;
    expect(call(twoAccounts(), 'POST', DIFF, { body: { contrats: list } }).response.status).toBe(400);
  });
});

describe('deeply nested values (no stack overflow)', () => {
  let deep: unknown = [];
  for (let i = 0; i < 100_000; i++) deep = [deep];

  it('rejects them with 400 and a reason naming where, on every endpoint that shows a value', () => {
    const state = synced(twoAccounts(), contracts(2));
    const sync = call(state, 'POST', SYNC, { body: { contrats: [{ ...loose(contracts(1)[0]), nomEntreprise: deep }] } }).response;
    expect(sync.status).toBe(400);
    expect((sync.body as { reason: string }).reason).toContain('contrats[1].nomEntreprise : doit être une chaîne de caractères, reçu [object Array].');
    const bare = call(state, 'POST', DIFF, { body: [deep] }).response;
    expect(bare.status).toBe(400);
    expect((bare.body as { reason: string }).reason).toContain('contrats[1] : un contrat doit être un objet, reçu [object Array].');
    const calendar = call(state, 'POST', '/api/sync/v1/calendar-group-ics', { body: { groupId: 'G', calendarUrl: deep } }).response;
    expect(calendar).toMatchObject({ status: 400, body: { reason: expect.stringContaining('reçu [object Array])') } });
    const changes = call(state, 'POST', CHANGES, { body: { changes: { removed: [deep] } } }).response;
    expect(changes).toMatchObject({ status: 400, body: { reason: expect.stringContaining('reçu [object Array].') } });
    const absences = call(state, 'POST', '/api/sync/v1/absences-for-student', { body: { email: deep, data: deep } }).response;
    expect(absences.status).toBe(400);
  });
});

describe('listing (listIntegratedContracts and listTransmittedContracts)', () => {
  const many = contracts(250);
  const state = synced(twoAccounts({ integratedGroups: [...new Set(many.map((c) => c.codeGroupe))].slice(0, 5) }), many);

  it('returns everything without limit and page, in the order of the last sync', () => {
    expect(transmitted(state)).toEqual({ total: 250, contrats: many });
    expect(validListing(transmitted(state))).toBe(true);
  });

  it('pages from 1', () => {
    expect(transmitted(state, { limit: '100', page: '1' }).contrats).toEqual(many.slice(0, 100));
    expect(transmitted(state, { limit: '100', page: '3' })).toEqual({ total: 250, contrats: many.slice(200, 250) });
    expect(transmitted(state, { limit: '7', page: '2' }).contrats).toEqual(many.slice(7, 14));
    expect(transmitted(state, { limit: '100', page: '4' })).toEqual({ total: 250, contrats: [] });
  });

  it(`caps the page size at ${CONTRACTS_PAGE_SIZE}`, () => {
    expect(transmitted(state, { limit: '1000' }).contrats).toEqual(many.slice(0, CONTRACTS_PAGE_SIZE));
    expect(transmitted(state, { limit: '1000', page: '2' }).contrats).toEqual(many.slice(100, 200));
    expect(transmitted(state, { page: '2' }).contrats).toEqual(many.slice(100, 200));
    expect(transmitted(state, { limit: '10' }).contrats).toEqual(many.slice(0, 10));
  });

  it('caps a limit of any number of digits, and reads a page of any number of digits as past the end', () => {
    for (const limit of ['101', '9007199254740993', '100000000000000000000', '9'.repeat(400)]) {
      expect(transmitted(state, { limit }).contrats, limit).toEqual(many.slice(0, CONTRACTS_PAGE_SIZE));
      expect(transmitted(state, { limit, page: '2' }).contrats, limit).toEqual(many.slice(100, 200));
    }
    expect(transmitted(state, { limit: '000100', page: '0003' })).toEqual({ total: 250, contrats: many.slice(200, 250) });
    expect(transmitted(state, { limit: '10', page: '100000000000000000000' })).toEqual({ total: 250, contrats: [] });
    expect(call(state, 'GET', '/api/sync/v1/contrats-get-all', { query: { limit: '00000000000000000000000' } }).response.status).toBe(400);
  });

  it('refuses a limit or page that is not a positive integer', () => {
    for (const query of <Record<string, string>[]>[{ limit: '0' }, { limit: '-5' }, { limit: 'dix' }, { page: '0' }, { page: '1.5' }, { limit: '10', page: 'x' }]) {
      const { response } = call(state, 'GET', TRANSMITTED, { query });
      expect(response.status).toBe(400);
      expect((response.body as { error: string }).error).toBe('BAD_REQUEST');
    }
  });

  it('lists as integrated only the contracts of configured groups, a subset of the transmitted ones', () => {
    const groups = new Set(state.accounts[0].integratedGroups);
    const expected = many.filter((c) => groups.has(c.codeGroupe));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(many.length);
    expect(integrated(state)).toEqual({ total: expected.length, contrats: expected });
    expect(integrated(state, { limit: '2', page: '2' })).toEqual({ total: expected.length, contrats: expected.slice(2, 4) });
    const all = new Set(codes(transmitted(state).contrats));
    expect(codes(integrated(state).contrats).every((code) => all.has(code))).toBe(true);
  });

  it('lists nothing as integrated when no group is configured', () => {
    expect(integrated(synced(twoAccounts(), contracts(5)))).toEqual({ total: 0, contrats: [] });
  });
});

describe('delete all (deleteAllContracts)', () => {
  it('is refused outside a sandbox account with a French reason', () => {
    const before = synced(twoAccounts(), contracts(2), OTHER_TOKEN);
    const { state, response } = call(before, 'DELETE', INTEGRATED, { token: OTHER_TOKEN });
    expect(response).toEqual({
      status: 403,
      body: { error: 'FORBIDDEN', reason: "La suppression de tous les contrats n'est possible que sur un compte bac à sable." },
    });
    expect(state).toBe(before);
  });

  it('deletes every contract and the sync state on a sandbox account', () => {
    const list = contracts(5);
    const { state, body } = expectOk(synced(twoAccounts(), list), 'DELETE', INTEGRATED);
    expect(body).toEqual({ success: true, deleted: 5 });
    expect(transmitted(state)).toEqual({ total: 0, contrats: [] });
    expect(expectOk(state, 'POST', DIFF, { body: { contrats: list } }).body).toEqual({ same: [], added: list, updated: [], removed: [] });
  });
});

describe('reset (resetSync)', () => {
  it('keeps the contracts but clears the sync state: everything next is added', () => {
    const list = contracts(6);
    const { state, body } = expectOk(synced(twoAccounts(), list), 'POST', RESET_SYNC_PATH);
    expect(body).toEqual({ total: 0, contrats: [] });
    expect(transmitted(state)).toEqual({ total: 6, contrats: list });
    const changed = [{ ...list[0], nomEntreprise: 'Autre' }, ...list.slice(1)];
    expect(expectOk(state, 'POST', DIFF, { body: { contrats: changed } }).body).toEqual({ same: [], added: changed, updated: [], removed: [] });
    // Once synced again, the sync state is back.
    const after = synced(state, changed);
    expect(expectOk(after, 'POST', DIFF, { body: { contrats: changed } }).body.same).toEqual(changed);
  });

  it('still reports as removed the kept contracts a later list lacks', () => {
    const list = contracts(4);
    const { state } = expectOk(synced(twoAccounts(), list), 'POST', RESET_SYNC_PATH);
    const diff = expectOk(state, 'POST', DIFF, { body: { contrats: list.slice(0, 3) } }).body;
    expect(diff.added).toEqual(list.slice(0, 3));
    expect(diff.removed).toEqual([list[3]]);
  });
});

describe('grades and training progress (grades, trainingProgress)', () => {
  const list = contracts(3);
  const grades = { studentName: 'Configuré', userId: list[0].codeApprenant, sessions: [{ sessionId: 'S1', sessionName: 'Session 1', blocks: [] }] };
  const progress = { _id: list[0].codeApprenant, studentName: 'Configuré', tutorName: 'T', tutorSchoolName: 'E', companyName: 'C', reports: [] };
  const state = synced(
    twoAccounts({
      learners: [
        { studentId: list[0].codeApprenant, email: list[0].emailApprenant, grades, trainingProgress: progress },
        { studentId: 'HORS-CONTRAT', email: 'hors.contrat@exemple.fr' },
      ],
    }),
    list,
  );

  it('requires studentId or email', () => {
    for (const path of ['/api/v1/grades', '/api/sync/v1/get-training-progress-by-students']) {
      const { response } = call(state, 'GET', path, { query: {} });
      expect(response.status).toBe(400);
      expect((response.body as { reason: string }).reason).toBe("Indiquez l'identifiant de l'apprenant (studentId) ou son email (email).");
    }
  });

  it('answers the configured data, by id or by email (any case)', () => {
    expect(expectOk(state, 'GET', '/api/v1/grades', { query: { studentId: list[0].codeApprenant } }).body).toEqual(grades);
    expect(expectOk(state, 'GET', '/api/v1/grades', { query: { email: list[0].emailApprenant.toUpperCase() } }).body).toEqual(grades);
    expect(
      expectOk(state, 'GET', '/api/sync/v1/get-training-progress-by-students', { query: { email: list[0].emailApprenant } }).body,
    ).toEqual([progress]);
  });

  it('answers an empty record for a learner known from the contracts only', () => {
    const c = list[1];
    expect(expectOk(state, 'GET', '/api/v1/grades', { query: { studentId: c.codeApprenant } }).body).toEqual({
      studentName: `${c.prenomApprenant} ${c.nomApprenant}`,
      userId: c.codeApprenant,
      sessions: [],
    });
    expect(expectOk(state, 'GET', '/api/sync/v1/get-training-progress-by-students', { query: { studentId: c.codeApprenant } }).body).toEqual([
      {
        _id: c.codeApprenant,
        studentName: `${c.prenomApprenant} ${c.nomApprenant}`,
        tutorName: `${c.prenomMaitreApprentissage} ${c.nomMaitreApprentissage}`,
        tutorSchoolName: `${c.prenomPersonnel} ${c.nomPersonnel}`,
        companyName: c.nomEntreprise,
        reports: [],
      },
    ]);
  });

  it('finds a configured learner who has no contract', () => {
    expect(expectOk(state, 'GET', '/api/v1/grades', { query: { email: 'hors.contrat@exemple.fr' } }).body.userId).toBe('HORS-CONTRAT');
  });

  it('answers 404 for an unknown learner', () => {
    expect(call(state, 'GET', '/api/v1/grades', { query: { studentId: 'APP-INCONNU' } }).response).toEqual({
      status: 404,
      body: { error: 'NOT_FOUND', reason: 'Aucun apprenant ne correspond à l\'identifiant "APP-INCONNU".' },
    });
    expect(call(state, 'GET', '/api/sync/v1/get-training-progress-by-students', { query: { email: 'x@y.fr' } }).response.status).toBe(404);
    // Someone who is only a tutor is not a learner.
    expect(call(state, 'GET', '/api/v1/grades', { query: { studentId: list[0].codePersonnel } }).response.status).toBe(404);
  });
});

describe('group calendar (groupCalendar)', () => {
  const list = contracts(3);
  const state = synced(twoAccounts(), list);
  const url = 'https://calendrier.exemple.fr/groupe.ics';

  it('stores an https link for a known group', () => {
    const { state: after, body } = expectOk(state, 'POST', '/api/sync/v1/calendar-group-ics', { body: { groupId: list[0].codeGroupe, calendarUrl: url } });
    expect(body).toEqual({ success: true });
    expect(after.accounts[0].calendars).toEqual([{ groupId: list[0].codeGroupe, calendarUrl: url }]);
    const replaced = expectOk(after, 'POST', '/api/sync/v1/calendar-group-ics', { body: { groupId: list[0].codeGroupe, calendarUrl: `${url}?v=2` } }).state;
    expect(replaced.accounts[0].calendars).toEqual([{ groupId: list[0].codeGroupe, calendarUrl: `${url}?v=2` }]);
  });

  it('answers 404 for a group absent from the contracts', () => {
    const { response, state: after } = call(state, 'POST', '/api/sync/v1/calendar-group-ics', { body: { groupId: 'GRP-INCONNU', calendarUrl: url } });
    expect(response).toEqual({ status: 404, body: { error: 'NOT_FOUND', reason: 'Le groupe "GRP-INCONNU" n\'existe pas parmi les contrats transmis.' } });
    expect(after).toBe(state);
  });

  it('answers 400 for a link that is not a well-formed https URL', () => {
    for (const calendarUrl of ['http://calendrier.exemple.fr/g.ics', 'calendrier.ics', 'https://', 'https://a b.fr/x.ics', 42, undefined]) {
      const { response } = call(state, 'POST', '/api/sync/v1/calendar-group-ics', { body: { groupId: list[0].codeGroupe, calendarUrl } });
      expect(response.status).toBe(400);
      expect((response.body as { reason: string }).reason).toMatch(/^calendarUrl doit être un lien https valide/);
    }
    expect(call(state, 'POST', '/api/sync/v1/calendar-group-ics', { body: { calendarUrl: url } }).response.status).toBe(400);
  });
});

describe('absences (absences)', () => {
  const list = contracts(2);
  const state = synced(twoAccounts(), list);
  const email = list[0].emailApprenant;
  const absence = { dateDebut: '06/10/2025-08:30', dateFin: '06/10/2025-12:00', type: 'absence', isJusitifie: true, motif: 'Rendez-vous médical' };
  const late = { dateDebut: '07/10/2025-08:30', dateFin: '07/10/2025-08:50', type: 'retard', isJusitifie: false };
  const post = (s: SandboxState, body: unknown) => call(s, 'POST', '/api/sync/v1/absences-for-student', { body });

  it("replaces the learner's whole list on every call", () => {
    const first = post(state, { email, data: [absence, late] });
    expect(first.response).toEqual({ status: 200, body: { success: true, total: 2 } });
    const second = post(first.state, { email: email.toUpperCase(), data: [late] });
    expect(second.response.body).toEqual({ success: true, total: 1 });
    expect(second.state.accounts[0].absences).toEqual([{ email, data: [late] }]);
    expect(post(second.state, { email, data: [] }).state.accounts[0].absences).toEqual([{ email, data: [] }]);
  });

  it('answers 404 for an unknown learner', () => {
    expect(post(state, { email: 'inconnu@exemple.fr', data: [] }).response).toEqual({
      status: 404,
      body: { error: 'NOT_FOUND', reason: 'Aucun apprenant ne correspond à l\'email "inconnu@exemple.fr".' },
    });
    expect(post(state, { email: list[0].emailPersonnel, data: [] }).response.status).toBe(404);
  });

  it('refuses malformed absences, naming each problem', () => {
    const { response, state: after } = post(state, {
      email,
      data: [
        { ...absence, dateDebut: '31/09/2025-08:30' },
        { ...absence, dateFin: '06/10/2025 12:00' },
        { ...absence, type: 'maladie', isJusitifie: 'oui' },
        { ...late, dateFin: '07/10/2025-08:00' },
        { dateStart: '06/10/2025-08:30', dateEnd: '06/10/2025-12:00', type: 'absence', isJustifie: true },
        { ...absence, dateDebut: '06/10/2025-24:00' },
      ],
    });
    expect(response.status).toBe(400);
    expect((response.body as { reason: string }).reason.split('\n')).toEqual([
      'Les absences sont refusées :',
      '- data[1].dateDebut : "31/09/2025-08:30" n\'est pas une date réelle au format JJ/MM/AAAA-HH:mm.',
      '- data[2].dateFin : "06/10/2025 12:00" n\'est pas une date réelle au format JJ/MM/AAAA-HH:mm.',
      '- data[3].type : "maladie" n\'est pas un type accepté (absence ou retard).',
      '- data[3].isJusitifie : un booléen (true ou false) est attendu, reçu "oui".',
      '- data[4].dateFin : la fin "07/10/2025-08:00" précède le début "07/10/2025-08:30".',
      '- data[5].dateStart : champ inconnu (attendus : dateDebut, dateFin, type, isJusitifie, motif).',
      '- data[5].dateEnd : champ inconnu (attendus : dateDebut, dateFin, type, isJusitifie, motif).',
      '- data[5].isJustifie : champ inconnu (attendus : dateDebut, dateFin, type, isJusitifie, motif).',
      '- data[5].dateDebut : champ obligatoire manquant.',
      '- data[5].dateFin : champ obligatoire manquant.',
      '- data[5].isJusitifie : champ obligatoire manquant.',
      '- data[6].dateDebut : "06/10/2025-24:00" n\'est pas une date réelle au format JJ/MM/AAAA-HH:mm.',
    ]);
    expect(after).toBe(state);
  });

  it('requires an email and a data array', () => {
    const { response } = post(state, { data: 'non' });
    expect((response.body as { reason: string }).reason.split('\n').slice(1)).toEqual([
      "- email : l'email de l'apprenant est obligatoire (reçu undefined).",
      '- data : la liste des absences est obligatoire et doit être un tableau (reçu "non").',
    ]);
  });
});

describe('incremental sync (contractChanges)', () => {
  const [a, b, c, d, e] = contracts(5);
  const base = synced(twoAccounts(), [a, b, c]);
  const send = (changes: unknown) => call(base, 'POST', CHANGES, { body: { changes } });

  it('applies added, updated and removed at once', () => {
    const changedB = { ...b, nomEntreprise: 'Entreprise Renommée' };
    const { response, state } = send({ added: [d, e], updated: [changedB], removed: [a.codeContrat] });
    expect(response).toEqual({ status: 200, body: { success: true, added: 2, updated: 1, removed: 1, total: 4 } });
    expect(transmitted(state).contrats).toEqual([changedB, c, d, e]);
    expect(codes(state.accounts[0].archived)).toEqual([a.codeContrat]);
    // The sync state follows: a full sync of the same list finds everything the same.
    expect(expectOk(state, 'POST', DIFF, { body: { contrats: [changedB, c, d, e] } }).body.same).toHaveLength(4);
  });

  it('takes a contract added again out of the archive, and archives each contract once', () => {
    let state = base;
    for (let round = 0; round < 5; round++) {
      state = expectOk(state, 'POST', CHANGES, { body: { changes: { removed: [a.codeContrat] } } }).state;
      expect(codes(state.accounts[0].archived)).toEqual([a.codeContrat]);
      state = expectOk(state, 'POST', CHANGES, { body: { changes: { added: [a] } } }).state;
      expect(state.accounts[0].archived).toEqual([]);
    }
    expect(codes(transmitted(state).contrats)).toEqual(codes([b, c, a]));
  });

  it('accepts missing lists', () => {
    expect(send({ removed: [c.codeContrat] }).response.body).toEqual({ success: true, added: 0, updated: 0, removed: 1, total: 2 });
  });

  it('refuses, naming them, additions that exist and updates or removals that do not', () => {
    const { response, state } = send({ added: [d, a], updated: [e], removed: ['CTR-INCONNU', b.codeContrat] });
    expect(response.status).toBe(400);
    expect((response.body as { reason: string }).reason.split('\n')).toEqual([
      'Les changements sont refusés :',
      `- changes.updated[1] : le contrat "${e.codeContrat}" n'existe pas, il ne peut pas être mis à jour.`,
      `- changes.added[2] : le contrat "${a.codeContrat}" existe déjà, il ne peut pas être ajouté (utilisez updated).`,
      '- changes.removed[1] : le contrat "CTR-INCONNU" n\'existe pas, il ne peut pas être supprimé.',
    ]);
    expect(state).toBe(base);
  });

  it('refuses a contract both updated and removed', () => {
    const { response } = send({ updated: [b], removed: [b.codeContrat] });
    expect((response.body as { reason: string }).reason).toContain(`changes.removed[1] : le contrat "${b.codeContrat}" est à la fois mis à jour et supprimé.`);
  });

  it('checks the rules on the resulting active set, all or nothing', () => {
    const clash = { ...loose(d), emailApprenant: a.emailApprenant };
    const { response, state } = send({ added: [e, clash], removed: [c.codeContrat] });
    expect(response.status).toBe(400);
    expect((response.body as { reason: string }).reason).toContain('changes.added[2].emailApprenant : l\'email');
    expect((response.body as { reason: string }).reason).toContain(`contrat actif "${a.codeContrat}".codeApprenant`);
    expect(state).toBe(base);
    // Removing the holder of the email first makes it acceptable.
    expect(send({ added: [clash], removed: [a.codeContrat] }).response.status).toBe(200);
  });

  it('refuses a malformed body', () => {
    for (const changes of [undefined, [], { added: {} }, { ajoutes: [] }, { removed: [42] }]) {
      expect(send(changes).response.status).toBe(400);
    }
  });
});

describe('the state', () => {
  it('is plain JSON', () => {
    let state = synced(twoAccounts({ learners: [{ studentId: 'X', grades: { sessions: [] } }] }), contracts(20));
    state = expectOk(state, 'POST', RESET_SYNC_PATH).state;
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('starts empty', () => {
    expect(createState()).toEqual({ version: 1, accounts: [] });
    const account = createAccount({ id: 'a', name: 'A', token: 't' });
    expect(account).toMatchObject({ isSandbox: true, syncResponseStyle: 'total', contrats: [], syncedCodes: [] });
  });

  // 50,000 contracts are timed by `npm run bench`; 5,000 keep the large-set check fast here.
  it('syncs 5,000 contracts, then finds them all the same', () => {
    const list = contracts(5_000, 8);
    const state = synced(twoAccounts(), list);
    expect(transmitted(state, { limit: '100', page: '50' }).contrats).toEqual(list.slice(4_900));
    const diff = expectOk(state, 'POST', DIFF, { body: { contrats: list } }).body;
    expect([diff.same.length, diff.added.length, diff.updated.length, diff.removed.length]).toEqual([5_000, 0, 0, 0]);
  });
});
