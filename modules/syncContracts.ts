import { ENDPOINTS } from '../api/endpoints';
import type { ModuleDefinition } from '../sdk/types';
import { CONNECTION_ID } from '../connections/campusSkills';
import { contratsInput, interfaceOf } from '../app/schemas';
import { syncResultResponse } from '../app/syncResult';

export const syncContracts: ModuleDefinition = {
  id: 'syncContracts',
  label: 'Synchroniser les contrats',
  description:
    'Envoie tous vos contrats actifs à Campus Skills : les nouveaux sont ajoutés, les modifiés mis à jour, et ceux qui manquent archivés.',
  type: 'action',
  crud: 'update',
  connection: CONNECTION_ID,
  mappableParams: [
    contratsInput(
      "L'intégralité de vos contrats actifs, au format « Contrat » de Campus Skills (choisissez ce module comme « Target structure type » d'un Array aggregator). Un contrat absent sera archivé. Campus Skills refuse tout l'envoi si deux personnes partagent un email, si un même identifiant désigne deux personnes, ou si une date n'existe pas : le message d'erreur indique le contrat et le champ en cause.",
    ),
  ],
  communication: {
    url: ENDPOINTS.syncContracts.path,
    method: ENDPOINTS.syncContracts.method,
    body: { contrats: '{{parameters.contrats}}' },
    response: syncResultResponse('la synchronisation'),
  },
  interface: interfaceOf('sync-result.schema.json'),
  samples: { statut: 'succes', nombreTransmis: 128, nombreRejetes: 0, avertissement: '' },
};
