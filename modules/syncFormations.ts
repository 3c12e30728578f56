import type { ModuleDefinition } from '../sdk/types';
import { CONNECTION_ID } from '../connections/campusSkills';
import { interfaceOf } from '../app/schemas';
import { duplicateCheck, spacesCheck, structureInput, structureRequest } from '../app/structureSync';
import type { ResultatFormations } from '../app/types/v1-formations-result';

const REFUSED = 'Formations refusées';

export const syncFormations: ModuleDefinition = {
  id: 'syncFormations',
  label: 'Synchroniser les formations',
  description:
    "Ancienne API (v1) : ajoute ou met à jour vos formations (par exemple un BTS MCO). Aucune formation n'est supprimée.",
  type: 'action',
  crud: 'update',
  connection: CONNECTION_ID,
  mappableParams: [
    structureInput(
      'v1-formations-request.schema.json',
      'formations',
      "Vos formations, un élément par formation (choisissez ce module comme « Target structure type » d'un Array aggregator, ou mappez un tableau). Une formation déjà envoyée (même code) prend le nouveau nom ; une formation absente de la liste reste sur Campus Skills. Chaque code une seule fois : depuis les lignes de vos contrats, mappez distinct(tableau; codeFormation). Envoyez les formations avant les groupes qui les suivent.",
      ['codeFormation'],
    ),
  ],
  communication: [
    spacesCheck(REFUSED, 'formations', 'codeFormation'),
    duplicateCheck(REFUSED, 'formations', 'codeFormation', 'une formation'),
    structureRequest(
      'syncFormations',
      'formations',
      'la confirmation de la synchronisation des formations (le tableau « formations » des formations reçues)',
    ),
  ],
  interface: interfaceOf('v1-formations-result.schema.json'),
  samples: {
    nombreSynchronises: 2,
    formations: [
      { codeFormation: 'BTSMCO', nomFormation: 'BTS Management Commercial Opérationnel' },
      { codeFormation: 'LICRH', nomFormation: 'Licence Ressources Humaines' },
    ],
  } satisfies ResultatFormations,
};
