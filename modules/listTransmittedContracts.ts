import type { ModuleDefinition } from '../sdk/types';
import { CONNECTION_ID } from '../connections/campusSkills';
import { interfaceOf } from '../app/schemas';
import { maxContractsInput, pagedContractsRequest } from '../app/contractListing';
import { sampleContrat } from '../app/samples';

export const listTransmittedContracts: ModuleDefinition = {
  id: 'listTransmittedContracts',
  label: 'Récupérer les contrats transmis',
  description: 'Récupère tous les contrats que Campus Skills a reçus de votre part, avec leur nombre.',
  type: 'search',
  connection: CONNECTION_ID,
  mappableParams: [maxContractsInput],
  communication: pagedContractsRequest('/api/sync/v1/contrats-get-all'),
  interface: interfaceOf('contract-list.schema.json'),
  samples: { total: 1, contrats: [sampleContrat] },
};
