import { ENDPOINTS } from '../api/endpoints';
import type { ModuleDefinition } from '../sdk/types';
import { CONNECTION_ID } from '../connections/campusSkills';
import { interfaceOf } from '../app/schemas';
import { LISTING_USAGE, maxContractsInput, pagedContractsRequest } from '../app/contractListing';
import { sampleContrat } from '../app/samples';

export const listIntegratedContracts: ModuleDefinition = {
  id: 'listIntegratedContracts',
  label: 'Récupérer les contrats intégrés',
  description:
    `Récupère les contrats transmis que Campus Skills a su associer à une session (cela demande que l'équipe intégration ait configuré les modèles). ${LISTING_USAGE}`,
  type: 'search',
  connection: CONNECTION_ID,
  mappableParams: [maxContractsInput],
  communication: pagedContractsRequest(ENDPOINTS.listIntegratedContracts),
  interface: interfaceOf('contrat.schema.json'),
  samples: sampleContrat,
};
