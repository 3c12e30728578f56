import { ENDPOINTS } from '../api/endpoints';
import type { ModuleDefinition } from '../sdk/types';
import { CONNECTION_ID } from '../connections/campusSkills';
import { interfaceOf } from '../app/schemas';
import { LISTING_USAGE, maxContractsInput, pagedContractsRequest } from '../app/contractListing';
import { sampleContrat } from '../app/samples';

export const listTransmittedContracts: ModuleDefinition = {
  id: 'listTransmittedContracts',
  label: 'Récupérer les contrats transmis',
  description: `Récupère tous les contrats que Campus Skills a reçus de votre part. ${LISTING_USAGE}`,
  type: 'search',
  connection: CONNECTION_ID,
  mappableParams: [maxContractsInput],
  communication: pagedContractsRequest(ENDPOINTS.listTransmittedContracts),
  interface: interfaceOf('contrat.schema.json'),
  samples: sampleContrat,
};
