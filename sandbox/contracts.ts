// Contracts in the sandbox: the diff of a full sync, its application, the rules on a submitted list, and
// paging. Pure functions over AccountState, linear in the number of contracts (maps keyed by codeContrat).

import { checkContracts, type CheckContractsOptions, type ContractViolation } from '../api/contracts';
import { CONTRACTS_PAGE_SIZE, FIRST_PAGE, REJECTED_CONTRACT_ERRORS_KEY, REJECTED_CONTRACT_ID_KEY } from '../api/assumptions';
import { isPlainObject } from '../lib/values';
import { listReason } from './errors';
import type { AccountState, Contrat, SyncResponseStyle } from './types';
import type { DifferenceContrats } from '../api/types/contract-diff';
import type { ContratRejete } from '../api/types/sync-valid-invalid-response';

/** What a full sync would do (the API's answer to a simulation, api/schemas/contract-diff.schema.json). */
export type Diff = DifferenceContrats;

/** Whether two contracts have the same fields with the same values. */
export function sameContract(a: Contrat, b: Contrat): boolean {
  const left = a as unknown as Record<string, unknown>;
  const right = b as unknown as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(right, key) || left[key] !== right[key]) return false;
  }
  return true;
}

/**
 * What a full sync of `incoming` would do: same / added / updated against the sync state, removed =
 * active contracts missing from the list. After a reset the sync state is empty, so every submitted
 * contract counts as added.
 */
export function computeDiff(account: AccountState, incoming: readonly Contrat[]): Diff {
  // The sync state is a subset of the active contracts; usually all of them (no reset since the last sync).
  const synced = account.syncedCodes.length === account.contrats.length ? undefined : new Set(account.syncedCodes);
  // Active contracts not yet matched by the list; what is left at the end is removed (in active order).
  const unmatched = new Map<string, Contrat>();
  for (const contrat of account.contrats) unmatched.set(contrat.codeContrat, contrat);

  const diff: Diff = { same: [], added: [], updated: [], removed: [] };
  for (const contrat of incoming) {
    const previous = unmatched.get(contrat.codeContrat);
    if (previous !== undefined) unmatched.delete(contrat.codeContrat);
    if (previous === undefined || (synced !== undefined && !synced.has(contrat.codeContrat))) diff.added.push(contrat);
    else if (sameContract(previous, contrat)) diff.same.push(contrat);
    else diff.updated.push(contrat);
  }
  diff.removed = [...unmatched.values()];
  return diff;
}

/**
 * The archive after a sync: one entry per codeContrat, the latest version removed (moved to the end),
 * and no contract that is active again. So the archive holds at most one entry per contract ever
 * removed, and a contract is never active and archived at once. Returns `archived` itself when nothing
 * changes.
 */
export function updateArchive(archived: readonly Contrat[], removed: readonly Contrat[], active: readonly Contrat[]): Contrat[] {
  const byCode = new Map<string, Contrat>();
  for (const contrat of archived) {
    byCode.delete(contrat.codeContrat); // a state saved before the archive was keyed may repeat a code
    byCode.set(contrat.codeContrat, contrat);
  }
  let changed = byCode.size !== archived.length;
  for (const contrat of removed) {
    byCode.delete(contrat.codeContrat);
    byCode.set(contrat.codeContrat, contrat);
    changed = true;
  }
  if (byCode.size > 0) for (const contrat of active) changed = byCode.delete(contrat.codeContrat) || changed;
  return changed ? [...byCode.values()] : (archived as Contrat[]);
}

/** The account after a full sync: the list replaces the active contracts, removed ones are archived. */
export function applyFullSync(account: AccountState, incoming: readonly Contrat[], diff: Diff): AccountState {
  return {
    ...account,
    contrats: [...incoming],
    syncedCodes: incoming.map((contrat) => contrat.codeContrat),
    archived: updateArchive(account.archived, diff.removed, incoming),
    syncCount: account.syncCount + 1,
  };
}

// ------------------------------------------------------------------------------------------ body

/** The contract list of a sync body: `{"contrats": [...]}`, or a bare array as older docs show. */
export function contractListOf(body: unknown): unknown[] | string {
  if (Array.isArray(body)) return body;
  if (isPlainObject(body) && Array.isArray(body.contrats)) return body.contrats;
  return 'Le corps de la requête doit être un objet {"contrats": [...]} contenant le tableau des contrats.';
}

/** A contract set aside in the `valid-invalid` style (api/schemas/sync-valid-invalid-response.schema.json). */
export type InvalidContract = ContratRejete;

/** How a list of contracts is judged by the rules. */
export type ListVerdict =
  | { ok: true; valid: Contrat[]; invalid: InvalidContract[] }
  | { ok: false; reason: string; violations: ContractViolation[] };

/** The French reason of a call rejected for these violations. */
export function violationsReason(violations: readonly ContractViolation[]): string {
  const count = violations.length;
  return listReason(
    `La synchronisation est refusée : ${count} erreur${count > 1 ? 's' : ''} dans les contrats, aucun contrat n'a été enregistré.`,
    violations.map((violation) => violation.message),
  );
}

/**
 * Judges a submitted list. Cross-contract rules (1, 2, 3, 5) and rule 4 reject the whole call. Schema
 * violations reject it too in the `total` style; in the `valid-invalid` style they only set the faulty
 * contracts aside (`invalidContrats`) and the others are kept.
 */
export function judgeList(list: readonly unknown[], style: SyncResponseStyle, options?: CheckContractsOptions): ListVerdict {
  const violations = checkContracts(list, options);
  const rejectsCall = style === 'total' ? violations.length > 0 : violations.some((v) => v.rule !== 'schema');
  if (rejectsCall) return { ok: false, reason: violationsReason(violations), violations };

  const errorsByRow = new Map<number, string[]>();
  for (const violation of violations) {
    const errors = errorsByRow.get(violation.index) ?? [];
    errors.push(violation.field ? `${violation.field}: ${violation.detail}` : violation.detail);
    errorsByRow.set(violation.index, errors);
  }
  const valid: Contrat[] = [];
  const invalid: InvalidContract[] = [];
  list.forEach((row, index) => {
    const errors = errorsByRow.get(index);
    if (errors === undefined) valid.push(row as unknown as Contrat);
    else {
      const code = isPlainObject(row) && typeof row.codeContrat === 'string' ? row.codeContrat : null;
      invalid.push({ [REJECTED_CONTRACT_ID_KEY]: code, [REJECTED_CONTRACT_ERRORS_KEY]: errors });
    }
  });
  return { ok: true, valid, invalid };
}

// ------------------------------------------------------------------------------------------ paging

export type Paging = { ok: true; limit?: number; page: number } | { ok: false; reason: string };

/**
 * A run of ASCII digits as a number; undefined when absent, null when not digits. A run too large for an
 * exact number (`100000000000000000000`) is Number.MAX_SAFE_INTEGER: still "above the maximum", so a
 * limit is capped and a page is past the end, rather than refused.
 */
function positiveInteger(text: string | undefined): number | null | undefined {
  if (text === undefined || text === '') return undefined;
  if (!/^\d+$/.test(text)) return null;
  return Math.min(Number(text), Number.MAX_SAFE_INTEGER);
}

/**
 * Reads `limit` and `page`. Neither: everything. `limit` above CONTRACTS_PAGE_SIZE (the largest page the
 * API serves, an assumption) is capped, however many digits it has; `page` alone uses that size; `limit`
 * alone reads the first page; a page past the end is empty.
 */
export function parsePaging(query: Record<string, string | undefined>): Paging {
  const limit = positiveInteger(query.limit);
  const page = positiveInteger(query.page);
  if (limit === null || limit === 0) {
    return { ok: false, reason: `Le paramètre limit doit être un entier positif (reçu "${query.limit}").` };
  }
  if (page === null || (page !== undefined && page < FIRST_PAGE)) {
    return { ok: false, reason: `Le paramètre page doit être un entier à partir de ${FIRST_PAGE} (reçu "${query.page}").` };
  }
  if (limit === undefined && page === undefined) return { ok: true, page: FIRST_PAGE };
  return { ok: true, limit: Math.min(limit ?? CONTRACTS_PAGE_SIZE, CONTRACTS_PAGE_SIZE), page: page ?? FIRST_PAGE };
}

/** One page of a list, as `{total, contrats}`. */
export function pageOf(list: readonly Contrat[], paging: { limit?: number; page: number }): { total: number; contrats: Contrat[] } {
  if (paging.limit === undefined) return { total: list.length, contrats: [...list] };
  const start = (paging.page - FIRST_PAGE) * paging.limit;
  return { total: list.length, contrats: list.slice(start, start + paging.limit) };
}

/** The integrated contracts: transmitted ones whose group the platform team configured. */
export function integratedContracts(account: AccountState): Contrat[] {
  const groups = new Set(account.integratedGroups);
  return account.contrats.filter((contrat) => groups.has(contrat.codeGroupe));
}
