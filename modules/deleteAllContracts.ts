import { ENDPOINTS } from '../api/endpoints';
import type { ModuleDefinition } from '../sdk/types';
import { CONNECTION_ID } from '../connections/campusSkills';
import { interfaceOf } from '../app/schemas';
import { NOTHING_SENT, refuseUnless } from '../app/beforeSending';
import { confirmedResponse } from '../app/confirmation';
import type { ResultatSuppressionContrats } from '../app/types/delete-all-result';

export const deleteAllContracts: ModuleDefinition = {
  id: 'deleteAllContracts',
  label: 'Supprimer tous les contrats (bac à sable)',
  description:
    "ATTENTION : supprime TOUS les contrats du compte, sans retour possible. Réservé aux comptes bac à sable (environnement de test) : sur une connexion qui n'est pas marquée « Compte bac à sable », le module refuse sans rien envoyer.",
  type: 'action',
  crud: 'delete',
  connection: CONNECTION_ID,
  mappableParams: [],
  communication: [
    refuseUnless(
      'connection.sandbox = true',
      "Suppression refusée : cette connexion n'est pas marquée « Compte bac à sable ». Supprimer tous les contrats n'est possible que sur un compte bac à sable de Campus Skills. " +
        `Si ce jeton est celui d'un bac à sable, cochez « Compte bac à sable » dans la connexion ; pour retirer des contrats d'un compte réel, utilisez « Synchroniser les contrats ». ${NOTHING_SENT}`,
    ),
    {
      url: ENDPOINTS.deleteAllContracts.path,
      method: ENDPOINTS.deleteAllContracts.method,
      response: confirmedResponse('la suppression des contrats', { success: '{{body.success}}', deleted: '{{body.deleted}}' }),
    },
  ],
  interface: interfaceOf('delete-all-result.schema.json'),
  samples: { success: true, deleted: 120 } satisfies ResultatSuppressionContrats,
};
