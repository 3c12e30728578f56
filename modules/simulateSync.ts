import { ENDPOINTS } from '../api/endpoints';
import type { ModuleDefinition } from '../sdk/types';
import { CONNECTION_ID } from '../connections/campusSkills';
import { contratsInput, interfaceOf } from '../app/schemas';
import { sampleContrat } from '../app/samples';
import { expectShape } from '../app/responseChecks';

export const simulateSync: ModuleDefinition = {
  id: 'simulateSync',
  label: 'Simuler une synchronisation',
  description:
    'Teste une synchronisation sans rien changer : renvoie les contrats inchangés, ajoutés, modifiés et supprimés par rapport à la plateforme. Une mesure de sécurité avant de synchroniser.',
  type: 'action',
  crud: 'read',
  connection: CONNECTION_ID,
  mappableParams: [
    contratsInput(
      "Tous vos contrats actifs, au format « Contrat » de Campus Skills (choisissez ce module comme « Target structure type » d'un Array aggregator).",
    ),
  ],
  communication: {
    url: ENDPOINTS.simulateSync.path,
    method: ENDPOINTS.simulateSync.method,
    body: { contrats: '{{parameters.contrats}}' },
    response: {
      // All four arrays, or nothing: counts of 0 read from a maintenance page would let a real sync through.
      valid: expectShape(
        'isArray(body.same) && isArray(body.added) && isArray(body.updated) && isArray(body.removed)',
        'le résultat d\'une simulation (les tableaux « same », « added », « updated » et « removed »)',
      ),
      output: {
        same: '{{body.same}}',
        added: '{{body.added}}',
        updated: '{{body.updated}}',
        removed: '{{body.removed}}',
        counts: {
          same: '{{length(body.same)}}',
          added: '{{length(body.added)}}',
          updated: '{{length(body.updated)}}',
          removed: '{{length(body.removed)}}',
        },
      },
    },
  },
  interface: interfaceOf('diff-result.schema.json'),
  samples: {
    same: [],
    added: [sampleContrat],
    updated: [],
    removed: [],
    counts: { same: 0, added: 1, updated: 0, removed: 0 },
  },
};
