import { describe, expect, it } from 'vitest';
import { applyConfig, slugify } from '../../sandbox/admin';
import { REDACTED } from '../../sandbox/accounts';
import { createState } from '../../sandbox/state';
import type { SandboxState } from '../../sandbox/types';
import { ADMIN, call, contracts, expectOk, synced, TOKEN, twoAccounts } from './helpers';

const admin = (state: SandboxState, method: string, path: string, body?: unknown, token: string | null = ADMIN) =>
  call(state, method, `/_sandbox/${path}`, { token, body }, { adminToken: ADMIN, makeToken: () => 'tok-genere' });

describe('admin routes', () => {
  it('do not exist without an admin token, and need the right one', () => {
    const state = twoAccounts();
    expect(call(state, 'GET', '/_sandbox/state', { token: ADMIN }).response.status).toBe(404);
    expect(admin(state, 'GET', 'state', undefined, null).response.status).toBe(401);
    expect(admin(state, 'GET', 'state', undefined, TOKEN).response.status).toBe(401);
    expect(admin(state, 'GET', 'inconnu').response.status).toBe(404);
    expect(admin(state, 'DELETE', 'state').response.status).toBe(405);
  });

  it('dump the state with the tokens hidden', () => {
    const state = synced(twoAccounts(), contracts(2));
    const dump = admin(state, 'GET', 'state').response.body as SandboxState;
    expect(dump.accounts.map((a) => a.token)).toEqual([REDACTED, REDACTED]);
    expect(dump.accounts[0].contrats).toEqual(state.accounts[0].contrats);
    expect(JSON.stringify(dump)).not.toContain(TOKEN);
  });

  it('list the accounts with their tokens and counts', () => {
    const state = synced(twoAccounts({ integratedGroups: [contracts(2)[0].codeGroupe] }), contracts(2));
    expect((admin(state, 'GET', 'accounts').response.body as { accounts: unknown[] }).accounts[0]).toEqual({
      id: 'ecole',
      name: 'École Test',
      token: TOKEN,
      isSandbox: true,
      syncResponseStyle: 'total',
      integratedGroups: [contracts(2)[0].codeGroupe],
      transmitted: 2,
      integrated: 1,
      synced: 2,
      archived: 0,
      syncCount: 1,
      learners: [],
    });
  });

  it('create an account from a configuration, then the API answers for it', () => {
    const { state, response } = admin(twoAccounts(), 'POST', 'config', {
      accounts: [{ name: 'CFA du Léman (prod)', isSandbox: false, syncResponseStyle: 'valid-invalid' }],
    });
    expect(response.status).toBe(200);
    const created = state.accounts[2];
    expect(created).toMatchObject({ id: 'cfa-du-leman-prod', token: 'tok-genere', isSandbox: false, syncResponseStyle: 'valid-invalid' });
    expect(expectOk(state, 'GET', '/api/sync/v1/test', { token: 'tok-genere' }).body).toEqual({ value: 'token valid', name: 'CFA du Léman (prod)' });
    expect(call(state, 'DELETE', '/api/sync/v1/contrats', { token: 'tok-genere' }).response.status).toBe(403);
  });

  it('update an existing account and upsert learners', () => {
    let state = admin(twoAccounts(), 'POST', 'config', { accounts: [{ id: 'ecole', learners: [{ studentId: 'A1', email: 'a1@x.fr' }] }] }).state;
    state = admin(state, 'POST', 'config', { accounts: [{ id: 'ecole', isSandbox: false, learners: [{ studentId: 'A1', grades: { sessions: [] } }] }] }).state;
    expect(state.accounts[0]).toMatchObject({ isSandbox: false, token: TOKEN, learners: [{ studentId: 'A1', email: 'a1@x.fr', grades: { sessions: [] } }] });
  });

  it('set the integrated groups and one learner', () => {
    const list = contracts(4);
    let state = synced(twoAccounts(), list);
    state = admin(state, 'PUT', 'accounts/ecole/integrated-groups', { groups: [list[1].codeGroupe] }).state;
    expect(expectOk(state, 'GET', '/api/sync/v1/contrats').body.contrats).toEqual(list.filter((c) => c.codeGroupe === list[1].codeGroupe));
    const grades = { studentName: 'X', userId: list[0].codeApprenant, sessions: [] };
    state = admin(state, 'PUT', `accounts/ecole/learners/${encodeURIComponent(list[0].codeApprenant)}`, { grades }).state;
    expect(expectOk(state, 'GET', '/api/v1/grades', { query: { studentId: list[0].codeApprenant } }).body).toEqual(grades);
    expect(admin(state, 'PUT', 'accounts/nope/integrated-groups', { groups: [] }).response.status).toBe(404);
    expect(admin(state, 'PUT', 'accounts/ecole/integrated-groups', { groups: 'G1' }).response.status).toBe(400);
  });

  it('delete an account', () => {
    const { state } = admin(twoAccounts(), 'DELETE', 'accounts/prod');
    expect(state.accounts.map((a) => a.id)).toEqual(['ecole']);
  });

  it('refuse an invalid configuration as a whole, listing the problems', () => {
    const before = twoAccounts();
    const { state, response } = admin(before, 'POST', 'config', {
      accounts: [{ id: 'bad id', syncResponseStyle: 'autre', isSandbox: 'oui', colour: 'bleu', learners: [{ email: 3 }] }, { id: 'ok' }],
    });
    expect(response.status).toBe(400);
    expect((response.body as { reason: string }).reason.split('\n')).toEqual([
      'La configuration est refusée :',
      '- accounts[0].colour : clé inconnue.',
      '- accounts[0].id doit être fait de lettres, chiffres, "-", "_" ou ".".',
      '- accounts[0].isSandbox doit être un booléen.',
      '- accounts[0].syncResponseStyle doit valoir "total" ou "valid-invalid".',
      '- accounts[0].learners[0].studentId est obligatoire (texte).',
      '- accounts[0].learners[0].email doit être un texte.',
    ]);
    expect(state).toBe(before);
  });

  it('refuse two accounts with one token', () => {
    const { response } = admin(twoAccounts(), 'POST', 'config', { accounts: [{ id: 'copie', token: TOKEN }] });
    expect((response.body as { reason: string }).reason).toContain('les comptes "ecole" et "copie" ont le même token.');
  });
});

describe('applyConfig', () => {
  it('syncs initial contracts into a fresh account only', () => {
    const list = contracts(5);
    const first = applyConfig(createState(), { accounts: [{ id: 'a', token: 't', contrats: list }] });
    if (!first.ok) throw new Error(first.reason);
    expect(first.state.accounts[0].contrats).toEqual(list);
    const again = applyConfig(first.state, { accounts: [{ id: 'a', contrats: list.slice(0, 2) }] });
    if (!again.ok) throw new Error(again.reason);
    expect(again.state.accounts[0].contrats).toEqual(list);
  });

  it('refuses initial contracts that break the rules', () => {
    const list = contracts(2).map((c) => ({ ...c, codeContrat: 'MEME' }));
    const outcome = applyConfig(createState(), { accounts: [{ id: 'a', token: 't', contrats: list }] });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.reason).toContain('accounts[0].contrats : La synchronisation est refusée');
  });

  it('needs a token for a new account when there is no generator', () => {
    const outcome = applyConfig(createState(), { accounts: [{ id: 'a' }] });
    expect(!outcome.ok && outcome.reason).toContain('accounts[0].token est obligatoire pour créer le compte "a".');
  });

  it('makes readable ids', () => {
    expect(slugify('CFA Campus Démo (bac à sable)')).toBe('cfa-campus-demo-bac-a-sable');
  });
});
