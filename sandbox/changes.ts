// The endpoint `contractChanges`: an incremental sync, `{changes: {added: [], updated: [], removed: ["<codeContrat>"]}}`.
// The envelope is checked by api/schemas/contract-changes-request.schema.json, the contracts by the platform's rules
// (checkContracts); added contracts must be new, updated and removed ones must exist; the rules are checked on
// the resulting active set; all or nothing.

import { checkContracts } from '../api/contracts';
import type { EnvoiChangements } from '../api/types/contract-changes-request';
import { humanPath } from '../lib/paths';
import { isPlainObject, showValue } from '../lib/values';
import { BodySchema, type Say } from './bodySchema';
import { updateArchive, violationsReason } from './contracts';
import { listReason } from './errors';
import type { AccountState, Contrat } from './types';

export interface ChangesSummary {
  added: number;
  updated: number;
  removed: number;
}

export type ChangesOutcome = { ok: true; account: AccountState; summary: ChangesSummary } | { ok: false; reason: string };

const notAnEnvelope: Say = () => 'Le corps de la requête doit être un objet {"changes": {"added": [], "updated": [], "removed": []}}.';
const notAContractCode: Say = (where, value) => `${where} : un code contrat (texte non vide) est attendu, reçu ${showValue(value)}.`;

const CHANGES_SCHEMA = new BodySchema('contract-changes-request.schema.json', {
  '': { invalid: notAnEnvelope },
  changes: { missing: notAnEnvelope, invalid: notAnEnvelope },
  'changes.removed.*': { invalid: notAContractCode },
});

/** The body with the contracts of `added` and `updated` set aside: checkContracts checks those, with the platform's
 * wording, naming each by its list and row. */
function envelopeOf(body: unknown): unknown {
  if (!isPlainObject(body) || !isPlainObject(body.changes)) return body;
  const changes = { ...body.changes };
  for (const list of ['added', 'updated']) if (Array.isArray(changes[list])) changes[list] = [];
  return { ...body, changes };
}

function codeOf(row: unknown): string | undefined {
  return isPlainObject(row) && typeof row.codeContrat === 'string' && row.codeContrat !== '' ? row.codeContrat : undefined;
}

export function applyChanges(account: AccountState, body: unknown): ChangesOutcome {
  const envelopeProblems = CHANGES_SCHEMA.problems(envelopeOf(body));
  if (envelopeProblems.length > 0) {
    const lines = CHANGES_SCHEMA.ordered(envelopeProblems).map((problem) => problem.message);
    return { ok: false, reason: listReason('Les changements sont refusés :', lines) };
  }
  const { changes } = body as EnvoiChangements;
  // Contracts until checkContracts has passed them below.
  const added: unknown[] = changes.added ?? [];
  const updated: unknown[] = changes.updated ?? [];
  const removed = changes.removed ?? [];
  const active = new Map<string, Contrat>();
  for (const contrat of account.contrats) active.set(contrat.codeContrat, contrat);

  // Existence and consistency of the three lists.
  const problems: string[] = [];
  const updatedCodes = new Map<string, number>();
  updated.forEach((row, i) => {
    const code = codeOf(row);
    if (code === undefined) return; // the schema check names it
    if (!active.has(code)) problems.push(`${humanPath(['changes', 'updated', i])} : le contrat "${code}" n'existe pas, il ne peut pas être mis à jour.`);
    const first = updatedCodes.get(code);
    if (first !== undefined) {
      problems.push(`${humanPath(['changes', 'updated', i])} : le contrat "${code}" est déjà mis à jour par ${humanPath(['changes', 'updated', first])}.`);
    }
    else updatedCodes.set(code, i);
  });
  added.forEach((row, i) => {
    const code = codeOf(row);
    if (code !== undefined && active.has(code)) {
      problems.push(`${humanPath(['changes', 'added', i])} : le contrat "${code}" existe déjà, il ne peut pas être ajouté (utilisez updated).`);
    }
  });
  const removedCodes = new Set<string>();
  removed.forEach((code, i) => {
    const where = humanPath(['changes', 'removed', i]);
    if (!active.has(code)) {
      problems.push(`${where} : le contrat "${code}" n'existe pas, il ne peut pas être supprimé.`);
    } else if (removedCodes.has(code)) {
      problems.push(`${where} : le contrat "${code}" est déjà supprimé plus haut dans la liste.`);
    } else if (updatedCodes.has(code)) {
      problems.push(`${where} : le contrat "${code}" est à la fois mis à jour et supprimé.`);
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
    if (index < kept.length + updated.length) return humanPath(['changes', 'updated', index - kept.length]);
    return humanPath(['changes', 'added', index - kept.length - updated.length]);
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
