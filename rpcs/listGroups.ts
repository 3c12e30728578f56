import type { RpcDefinition } from '../sdk/types';
import { CONNECTION_ID } from '../connections/campusSkills';
import { contractOptionsRequest, GROUP_OPTIONS_LIMIT } from '../app/contractOptions';

export const listGroups: RpcDefinition = {
  id: 'listGroups',
  label: 'Groupes des contrats transmis',
  connection: CONNECTION_ID,
  params: [],
  communication: contractOptionsRequest({
    distinctBy: "'codeGroupe'",
    label: '{{item.nomGroupe}}',
    value: '{{item.codeGroupe}}',
    limit: GROUP_OPTIONS_LIMIT,
  }),
};
