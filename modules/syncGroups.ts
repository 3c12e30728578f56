import type { ModuleDefinition } from '../sdk/types';
import { CONNECTION_ID } from '../connections/campusSkills';
import { interfaceOf } from '../app/schemas';
import { duplicateCheck, spacesCheck, structureInput, structureRequest } from '../app/structureSync';
import type { ResultatGroupes } from '../app/types/v1-groups-result';

const REFUSED = 'Groupes refusés';

export const syncGroups: ModuleDefinition = {
  id: 'syncGroups',
  label: 'Synchroniser les groupes',
  description:
    "Ancienne API (v1) : ajoute ou met à jour vos groupes d'apprenants, chacun sur un site et pour une formation déjà synchronisés. Aucun groupe n'est supprimé.",
  type: 'action',
  crud: 'update',
  connection: CONNECTION_ID,
  mappableParams: [
    structureInput(
      'v1-groups-request.schema.json',
      'groupes',
      "Vos groupes d'apprenants, un élément par groupe (choisissez ce module comme « Target structure type » d'un Array aggregator, ou mappez un tableau). Le site et la formation d'un groupe doivent déjà être sur Campus Skills : placez « Synchroniser les sites » et « Synchroniser les formations » avant ce module, sinon Campus Skills refuse tout l'envoi en nommant le groupe et le champ. Un groupe déjà envoyé (même code) est mis à jour ; un groupe absent de la liste reste. Chaque code de groupe une seule fois.",
      ['codeSite', 'codeFormation', 'codeGroupe'],
    ),
  ],
  communication: [
    spacesCheck(REFUSED, 'groupes', 'codeSite'),
    spacesCheck(REFUSED, 'groupes', 'codeFormation'),
    spacesCheck(REFUSED, 'groupes', 'codeGroupe'),
    duplicateCheck(REFUSED, 'groupes', 'codeGroupe', 'un groupe'),
    structureRequest('syncGroups', 'groupes', 'la confirmation de la synchronisation des groupes (le tableau « groupes » des groupes reçus)'),
  ],
  interface: interfaceOf('v1-groups-result.schema.json'),
  samples: {
    nombreSynchronises: 1,
    groupes: [{ codeSite: 'SITE-REN', codeFormation: 'BTSMCO', nomGroupe: 'BTS MCO Rennes 1ère année', codeGroupe: 'GRP-BTSMCO-REN-1' }],
  } satisfies ResultatGroupes,
};
