import { ENDPOINTS } from '../api/endpoints';
import type { ModuleDefinition } from '../sdk/types';
import { CONNECTION_ID } from '../connections/campusSkills';
import { interfaceOf } from '../app/schemas';
import { sampleGrades } from '../app/samples';
import { expectShape } from '../app/responseChecks';

export const getStudentValidations: ModuleDefinition = {
  id: 'getStudentValidations',
  label: "Récupérer les validations d'un étudiant",
  description:
    "Récupère les notes et validations de compétences d'un apprenant, session par session, à partir de son identifiant ou de son email.",
  type: 'action',
  crud: 'read',
  connection: CONNECTION_ID,
  mappableParams: [
    {
      name: 'searchBy',
      type: 'select',
      label: "Rechercher l'apprenant par",
      required: true,
      default: 'studentId',
      help: "L'identifiant que vous avez transmis lors de la synchronisation (codeApprenant), ou l'email de l'apprenant.",
      options: [
        {
          label: 'Identifiant (codeApprenant)',
          value: 'studentId',
          nested: [
            {
              name: 'studentId',
              type: 'text',
              label: "Identifiant de l'apprenant",
              required: true,
              help: "Le codeApprenant envoyé lors de la synchronisation des contrats.",
            },
          ],
        },
        {
          label: 'Email',
          value: 'email',
          nested: [
            { name: 'email', type: 'email', label: "Email de l'apprenant", required: true, help: "L'adresse email de l'apprenant." },
          ],
        },
      ],
    },
  ],
  communication: {
    url: ENDPOINTS.grades.path,
    method: ENDPOINTS.grades.method,
    qs: {
      studentId: "{{if(parameters.searchBy = 'studentId', parameters.studentId, undefined)}}",
      email: "{{if(parameters.searchBy = 'email', parameters.email, undefined)}}",
    },
    response: {
      valid: expectShape('isArray(body.sessions)', "les validations d'un apprenant (un objet avec le tableau « sessions »)"),
      output: '{{body}}',
    },
  },
  interface: interfaceOf('grades.schema.json'),
  samples: sampleGrades,
};
