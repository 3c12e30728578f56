import type { RpcDefinition } from '../sdk/types';
import { CONNECTION_ID } from '../connections/campusSkills';
import { contractOptionsRequest, LEARNER_OPTIONS_LIMIT } from '../app/contractOptions';

/** The learner's codeApprenant for a field that searches by id, his email otherwise. */
const byId = "parameters.searchBy = 'studentId'";

export const listLearners: RpcDefinition = {
  id: 'listLearners',
  label: 'Apprenants des contrats transmis',
  connection: CONNECTION_ID,
  // What a module passes: its own `searchBy`, when it has one (Make gives an RPC the module's parameters; these
  // are shown only when the RPC is tested alone).
  params: [
    {
      name: 'searchBy',
      type: 'select',
      label: "Rechercher l'apprenant par",
      help: "« Identifiant » : les options valent le codeApprenant ; sinon, l'email de l'apprenant.",
      options: [
        { label: 'Identifiant (codeApprenant)', value: 'studentId' },
        { label: 'Email', value: 'email' },
      ],
    },
  ],
  communication: contractOptionsRequest({
    distinctBy: `if(${byId}, 'codeApprenant', 'emailApprenant')`,
    label: '{{item.prenomApprenant}} {{item.nomApprenant}} ({{item.emailApprenant}})',
    value: `{{if(${byId}, item.codeApprenant, item.emailApprenant)}}`,
    limit: LEARNER_OPTIONS_LIMIT,
  }),
};
