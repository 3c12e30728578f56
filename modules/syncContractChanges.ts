import { ENDPOINTS } from '../api/endpoints';
import type { ModuleDefinition } from '../sdk/types';
import { CONNECTION_ID } from '../connections/campusSkills';
import { interfaceOf } from '../app/schemas';
import { inputOf, schemaProperty } from '../app/inputs';
import { confirmedResponse } from '../app/confirmation';
import type { ResultatChangementsContrats } from '../app/types/contract-changes-result';

const REQUEST = 'contract-changes-request.schema.json';
const TARGET =
  "au format « Contrat » de Campus Skills (choisissez ce module comme « Target structure type » d'un Array aggregator, ou mappez le tableau « added » ou « updated » de « Simuler une synchronisation »)";

/** A removed contract is named by its code, under the rules of codeContrat (no space around it). */
const removed = schemaProperty(REQUEST, 'changes.removed');
const removedInput = inputOf(
  'removed',
  { ...removed, items: { ...removed.items, ...schemaProperty('contrat.schema.json', 'codeContrat') } },
  false,
  "Les codes (codeContrat) des contrats à archiver : ils disparaissent des contrats actifs. Depuis « Simuler une synchronisation », mappez map(removed; codeContrat).",
);

export const syncContractChanges: ModuleDefinition = {
  id: 'syncContractChanges',
  label: 'Synchroniser les changements de contrats',
  description:
    "Envoie à Campus Skills seulement ce qui a changé depuis la dernière synchronisation : les contrats ajoutés, les contrats modifiés et les codes des contrats à archiver. Les autres contrats restent tels quels. Campus Skills accepte tous les changements ou aucun.",
  type: 'action',
  crud: 'update',
  connection: CONNECTION_ID,
  mappableParams: [
    inputOf('added', schemaProperty(REQUEST, 'changes.added'), false, `Les nouveaux contrats, inconnus de Campus Skills, ${TARGET}.`),
    inputOf(
      'updated',
      schemaProperty(REQUEST, 'changes.updated'),
      false,
      `Les contrats déjà sur Campus Skills qui ont changé, chacun dans sa nouvelle version complète, ${TARGET}.`,
    ),
    removedInput,
  ],
  communication: {
    url: ENDPOINTS.contractChanges.path,
    method: ENDPOINTS.contractChanges.method,
    // Each list is sent, [] when empty: the API's own example always carries the three (docs/api.md).
    body: {
      changes: {
        added: '{{ifempty(parameters.added, emptyarray)}}',
        updated: '{{ifempty(parameters.updated, emptyarray)}}',
        removed: '{{ifempty(parameters.removed, emptyarray)}}',
      },
    },
    response: confirmedResponse('les changements', {
      success: '{{body.success}}',
      added: '{{body.added}}',
      updated: '{{body.updated}}',
      removed: '{{body.removed}}',
      total: '{{body.total}}',
    }),
  },
  interface: interfaceOf('contract-changes-result.schema.json'),
  samples: { success: true, added: 3, updated: 5, removed: 2, total: 124 } satisfies ResultatChangementsContrats,
};
