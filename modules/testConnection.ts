import { ENDPOINTS } from '../api/endpoints';
import type { ModuleDefinition } from '../sdk/types';
import { CONNECTION_ID } from '../connections/campusSkills';
import { interfaceOf } from '../app/schemas';
import { expectShape } from '../app/responseChecks';

export const testConnection: ModuleDefinition = {
  id: 'testConnection',
  label: 'Tester la connexion',
  description:
    "Vérifie que votre jeton d'authentification est valide. À placer en début de scénario : un jeton refusé arrête le scénario avant tout envoi.",
  type: 'action',
  crud: 'read',
  connection: CONNECTION_ID,
  mappableParams: [],
  communication: {
    url: ENDPOINTS.testToken.path,
    method: ENDPOINTS.testToken.method,
    response: {
      valid: expectShape(
        "ifempty(body.value, emptystring) != emptystring && ifempty(body.name, emptystring) != emptystring",
        'la réponse du test du jeton (« value » et « name »)',
      ),
      output: {
        valide: "{{body.value = 'token valid'}}",
        message: '{{body.value}}',
        nomCompte: '{{body.name}}',
      },
    },
  },
  interface: interfaceOf('connection-test.schema.json'),
  samples: { valide: true, message: 'token valid', nomCompte: 'CFA des Métiers de Bretagne' },
};
