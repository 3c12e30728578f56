import { ENDPOINTS } from '../api/endpoints';
import type { ModuleDefinition } from '../sdk/types';
import { CONNECTION_ID } from '../connections/campusSkills';
import { interfaceOf } from '../app/schemas';
import { syncResultResponse } from '../app/syncResult';

export const resetSync: ModuleDefinition = {
  id: 'resetSync',
  label: 'Réinitialiser la synchronisation',
  description:
    "Remet à zéro l'état de la synchronisation, sans supprimer de contrat : tous les contrats transmis ensuite seront considérés comme nouveaux. À utiliser par exemple au changement d'année.",
  type: 'action',
  crud: 'update',
  connection: CONNECTION_ID,
  mappableParams: [],
  communication: {
    url: ENDPOINTS.resetSync.path,
    method: ENDPOINTS.resetSync.method,
    body: {},
    response: syncResultResponse('la réinitialisation'),
  },
  interface: interfaceOf('sync-result.schema.json'),
  samples: { statut: 'succes', nombreTransmis: 0, nombreRejetes: 0, avertissement: '' },
};
