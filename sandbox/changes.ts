// Endpoint 12: an incremental sync, `{changes: {added: [], updated: [], removed: ["<codeContrat>"]}}`.
// Added contracts must be new, updated and removed ones must exist; the rules are checked on the
// resulting active set; all or nothing.

import { checkContracts } from '../api/contracts';
import { showValue } from '../lib/values';
import { updateArchive, violationsReason } from './contracts';
import { isPlainObject, listReason } from './errors';
import type { AccountState, Contrat } from './types';

export interface ChangesSummary {
  added: number;
  updated: number;
  removed: number;
}

export type ChangesOutcome = { ok: true; account: AccountState; summary: ChangesSummary } | { ok: false; reason: string };

const LISTS = ['added', 'updated', 'removed'] as const;

function codeOf(row: unknown): string | undefined {
  return isPlainObject(row) && typeof row.codeContrat === 'string' && row.codeContrat !== '' ? row.codeContrat : undefined;
}

export function applyChanges(account: AccountState, body: unknown): ChangesOutcome {
  const changes = isPlainObject(body) ? body.changes : undefined;
  if (!isPlainObject(changes)) {
    return { ok: false, reason: 'Le corps de la requête doit être un objet {"changes": {"added": [], "updated": [], "removed": []}}.' };
  }
  const shapeProblems: string[] = [];
  for (const key of Object.keys(changes)) {
    if (!(LISTS as readonly string[]).includes(key)) shapeProblems.push(`changes.${key} : clé inconnue (attendues : ${LISTS.join(', ')}).`);
  }
  for (const key of LISTS) {
    if (changes[key] !== undefined && !Array.isArray(changes[key])) shapeProblems.push(`changes.${key} doit être un tableau.`);
  }
  if (shapeProblems.length > 0) return { ok: false, reason: listReason('Les changements sont refusés :', shapeProblems) };

  const added = (changes.added ?? []) as unknown[];
  const updated = (changes.updated ?? []) as unknown[];
  const removed = (changes.removed ?? []) as unknown[];
  const active = new Map<string, Contrat>();
  for (const contrat of account.contrats) active.set(contrat.codeContrat, contrat);

  // Existence and consistency of the three lists.
  const problems: string[] = [];
  const updatedCodes = new Map<string, number>();
  updated.forEach((row, i) => {
    const code = codeOf(row);
    if (code === undefined) return; // the schema check names it
    if (!active.has(code)) problems.push(`changes.updated[${i + 1}] : le contrat "${code}" n'existe pas, il ne peut pas être mis à jour.`);
    const first = updatedCodes.get(code);
    if (first !== undefined) problems.push(`changes.updated[${i + 1}] : le contrat "${code}" est déjà mis à jour par changes.updated[${first + 1}].`);
    else updatedCodes.set(code, i);
  });
  added.forEach((row, i) => {
    const code = codeOf(row);
    if (code !== undefined && active.has(code)) {
      problems.push(`changes.added[${i + 1}] : le contrat "${code}" existe déjà, il ne peut pas être ajouté (utilisez updated).`);
    }
  });
  const removedCodes = new Set<string>();
  removed.forEach((code, i) => {
    if (typeof code !== 'string' || code === '') {
      problems.push(`changes.removed[${i + 1}] : un code contrat (texte non vide) est attendu, reçu ${showValue(code)}.`);
    } else if (!active.has(code)) {
      problems.push(`changes.removed[${i + 1}] : le contrat "${code}" n'existe pas, il ne peut pas être supprimé.`);
    } else if (removedCodes.has(code)) {
      problems.push(`changes.removed[${i + 1}] : le contrat "${code}" est déjà supprimé plus haut dans la liste.`);
    } else if (updatedCodes.has(code)) {
      problems.push(`changes.removed[${i + 1}] : le contrat "${code}" est à la fois mis à jour et supprimé.`);
    } else {
      removedCodes.add(code);
    }
  });
  if (problems.length > 0) return { ok: false, reason: listReason('Les changements sont refusés :', problems) };

  // The rules, on the resulting active set: kept contracts first, then the updated and added ones, so
  // that a conflict is reported on the incoming row.
  const kept = account.contrats.filter((c) => !updatedCodes.has(c.codeContrat) && !removedCodes.has(c.codeContrat));
  const resulting: unknown[] = [...kept, ...updated, ...added];
  const labels = (index: number): string => {
    if (index < kept.length) return `contrat actif "${kept[index].codeContrat}"`;
    if (index < kept.length + updated.length) return `changes.updated[${index - kept.length + 1}]`;
    return `changes.added[${index - kept.length - updated.length + 1}]`;
  };
  const violations = checkContracts(resulting, { rowLabel: labels });
  if (violations.length > 0) return { ok: false, reason: violationsReason(violations) };

  // Apply: updated in place, removed archived, added at the end (and out of the archive).
  const replacement = new Map<string, Contrat>();
  for (const row of updated) replacement.set((row as Contrat).codeContrat, row as Contrat);
  const contrats: Contrat[] = [];
  const archived: Contrat[] = [];
  for (const contrat of account.contrats) {
    if (removedCodes.has(contrat.codeContrat)) archived.push(contrat);
    else contrats.push(replacement.get(contrat.codeContrat) ?? contrat);
  }
  for (const row of added) contrats.push(row as Contrat);

  const synced = new Set(account.syncedCodes);
  for (const row of [...updated, ...added]) synced.add((row as Contrat).codeContrat);
  return {
    ok: true,
    account: {
      ...account,
      contrats,
      syncedCodes: contrats.filter((c) => synced.has(c.codeContrat)).map((c) => c.codeContrat),
      archived: updateArchive(account.archived, archived, added as Contrat[]),
      syncCount: account.syncCount + 1,
    },
    summary: { added: added.length, updated: updated.length, removed: removed.length },
  };
}
