// The platform's typical use (its « Connecteur Make » page, "Scénario type"; docs/api.md, « The weekly scenario »):
// a weekly sync, preceded by a simulation. Two weeks of a school's life, then random sequences of operations checked
// against the invariants.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RESET_SYNC_PATH } from '../../api/assumptions';
import type { Contrat, SandboxState } from '../../sandbox/types';
import { call, codes, contracts, expectOk, synced, twoAccounts } from './helpers';

const listed = (state: SandboxState, path: string): Contrat[] => expectOk(state, 'GET', path).body.contrats;
const TRANSMITTED = '/api/sync/v1/contrats-get-all';
const INTEGRATED = '/api/sync/v1/contrats';

describe('two weeks of a school', () => {
  // The school's software knows 20 learners; 15 are under contract in week 1.
  const pool = contracts(20, 42);
  const week1 = pool.slice(0, 15);
  const integratedGroups = [week1[0].codeGroupe, week1[1].codeGroupe];

  // Week 2: two learners leave (3rd and 8th), one changes company, one changes group, three arrive.
  const [left1, left2] = [week1[2], week1[7]];
  const movedCompany: Contrat = {
    ...week1[4],
    nomEntreprise: week1[9].nomEntreprise,
    codeMaitreApprentissage: week1[9].codeMaitreApprentissage,
    prenomMaitreApprentissage: week1[9].prenomMaitreApprentissage,
    nomMaitreApprentissage: week1[9].nomMaitreApprentissage,
    emailMaitreApprentissage: week1[9].emailMaitreApprentissage,
  };
  const movedGroup: Contrat = { ...week1[5], codeGroupe: week1[0].codeGroupe, nomGroupe: week1[0].nomGroupe };
  const arrivals = pool.slice(15, 18);
  const week2 = [
    ...week1.filter((c) => c !== left1 && c !== left2).map((c) => (c === week1[4] ? movedCompany : c === week1[5] ? movedGroup : c)),
    ...arrivals,
  ];

  const week1State = synced(twoAccounts({ integratedGroups }), week1);

  it('week 1: everything is added, then listed in order', () => {
    const fresh = twoAccounts({ integratedGroups });
    expect(expectOk(fresh, 'POST', '/api/sync/v1/contrats-diff', { body: { contrats: week1 } }).body).toEqual({
      same: [],
      added: week1,
      updated: [],
      removed: [],
    });
    expect(listed(week1State, TRANSMITTED)).toEqual(week1);
  });

  it('week 2: the simulation shows exactly the arrivals, the changes and the departures', () => {
    const diff = expectOk(week1State, 'POST', '/api/sync/v1/contrats-diff', { body: { contrats: week2 } }).body;
    expect(codes(diff.added)).toEqual(codes(arrivals));
    expect(diff.updated).toEqual([movedCompany, movedGroup]);
    expect(codes(diff.removed)).toEqual(codes([left1, left2]));
    expect(diff.removed).toEqual([left1, left2]);
    expect(diff.same).toHaveLength(15 - 2 - 2);
  });

  it('week 2: the sync applies it, archives the departures, and integrated follows the groups', () => {
    const after = synced(week1State, week2);
    expect(listed(after, TRANSMITTED)).toEqual(week2);
    expect(after.accounts[0].archived).toEqual([left1, left2]);
    const groups = new Set(integratedGroups);
    expect(listed(after, INTEGRATED)).toEqual(week2.filter((c) => groups.has(c.codeGroupe)));
    expect(codes(listed(after, INTEGRATED))).toContain(movedGroup.codeContrat);
  });

  it('week 2 sent as changes (contractChanges) ends in the same state as the full sync', () => {
    const viaChanges = expectOk(week1State, 'POST', '/api/sync/v2/contrats/changes', {
      body: { changes: { added: arrivals, updated: [movedCompany, movedGroup], removed: [left1.codeContrat, left2.codeContrat] } },
    }).state;
    const viaSync = synced(week1State, week2);
    expect(listed(viaChanges, TRANSMITTED)).toEqual(listed(viaSync, TRANSMITTED));
    expect(viaChanges.accounts[0].syncedCodes).toEqual(viaSync.accounts[0].syncedCodes);
    expect(viaChanges.accounts[0].archived).toEqual(viaSync.accounts[0].archived);
  });

  it('a new school year: reset, then the next sync sees every contract as new', () => {
    const after = synced(week1State, week2);
    const reset = expectOk(after, 'POST', RESET_SYNC_PATH).state;
    expect(listed(reset, TRANSMITTED)).toEqual(week2);
    const diff = expectOk(reset, 'POST', '/api/sync/v1/contrats-diff', { body: { contrats: week2 } }).body;
    expect(diff).toEqual({ same: [], added: week2, updated: [], removed: [] });
  });
});

describe('random sequences of operations (property)', () => {
  const pool = contracts(30, 4);

  type Op =
    | { kind: 'sync'; take: boolean[]; touch: boolean[] }
    | { kind: 'changes'; add: boolean[]; remove: boolean[] }
    | { kind: 'reset' }
    | { kind: 'delete' };

  const flags = fc.array(fc.boolean(), { minLength: pool.length, maxLength: pool.length });
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('sync' as const), take: flags, touch: flags }),
    fc.record({ kind: fc.constant('changes' as const), add: flags, remove: flags }),
    fc.constant({ kind: 'reset' as const }),
    fc.constant({ kind: 'delete' as const }),
  );

  function checkInvariants(state: SandboxState): void {
    const account = state.accounts[0];
    const active = codes(account.contrats);
    expect(new Set(active).size).toBe(active.length);
    const activeSet = new Set(active);
    expect(account.syncedCodes.every((code) => activeSet.has(code))).toBe(true);
    const integrated = codes(listed(state, INTEGRATED));
    expect(integrated.every((code) => activeSet.has(code))).toBe(true);
    const groups = new Set(account.integratedGroups);
    expect(integrated).toEqual(account.contrats.filter((c) => groups.has(c.codeGroupe)).map((c) => c.codeContrat));
    expect(listed(state, TRANSMITTED)).toEqual(account.contrats);
    // The archive: one entry per contract, never an active one, so never larger than the pool.
    const archived = codes(account.archived);
    expect(new Set(archived).size).toBe(archived.length);
    expect(archived.filter((code) => activeSet.has(code))).toEqual([]);
    expect(archived.length).toBeLessThanOrEqual(pool.length);
  }

  it('keeps integrated ⊆ transmitted, a bounded archive of inactive contracts, and every sync does what its simulation said', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 8 }), (ops) => {
        let state = twoAccounts({ integratedGroups: [pool[0].codeGroupe, pool[3].codeGroupe, pool[7].codeGroupe] });
        for (const operation of ops) {
          if (operation.kind === 'sync') {
            const list = pool
              .filter((_, i) => operation.take[i])
              .map((c, i) => (operation.touch[i] ? { ...c, missionTitle: `Mission ${state.accounts[0].syncCount}` } : c));
            const diff = expectOk(state, 'POST', '/api/sync/v1/contrats-diff', { body: { contrats: list } }).body;
            const archivedBefore = state.accounts[0].archived;
            const activeBefore = new Set(codes(state.accounts[0].contrats));
            state = synced(state, list);
            // The archive: what it held, less the contracts that came back, then the ones just removed.
            const back = new Set(codes(list));
            expect(state.accounts[0].archived).toEqual([...archivedBefore.filter((c) => !back.has(c.codeContrat)), ...diff.removed]);
            expect(codes(diff.removed).every((code) => activeBefore.has(code))).toBe(true);
            expect(diff.same.length + diff.added.length + diff.updated.length).toBe(list.length);
            expect(expectOk(state, 'POST', '/api/sync/v1/contrats-diff', { body: { contrats: list } }).body.same).toEqual(list);
          } else if (operation.kind === 'changes') {
            const active = new Set(codes(state.accounts[0].contrats));
            const added = pool.filter((c, i) => operation.add[i] && !active.has(c.codeContrat));
            const removed = codes(state.accounts[0].contrats).filter((_, i) => operation.remove[i]);
            const result = call(state, 'POST', '/api/sync/v2/contrats/changes', { body: { changes: { added, removed } } });
            expect(result.response.status).toBe(200);
            state = result.state;
          } else if (operation.kind === 'reset') {
            state = expectOk(state, 'POST', RESET_SYNC_PATH).state;
            expect(state.accounts[0].syncedCodes).toEqual([]);
          } else {
            state = expectOk(state, 'DELETE', INTEGRATED).state;
            expect(state.accounts[0].contrats).toEqual([]);
          }
          checkInvariants(state);
        }
      }),
      { numRuns: 60 },
    );
  });
});
