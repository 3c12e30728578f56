import { ENDPOINTS } from '../api/endpoints';
import type { ModuleDefinition } from '../sdk/types';
import { CONNECTION_ID } from '../connections/campusSkills';
import { interfaceOf } from '../app/schemas';
import { sampleGrades } from '../app/samples';
import { expectShape } from '../app/responseChecks';
import { learnerQuery, learnerSearchInput } from '../app/learnerField';

export const getStudentValidations: ModuleDefinition = {
  id: 'getStudentValidations',
  label: "Récupérer les validations d'un étudiant",
  description:
    "Récupère les notes et validations de compétences d'un apprenant, session par session, à partir de son identifiant ou de son email.",
  type: 'action',
  crud: 'read',
  connection: CONNECTION_ID,
  mappableParams: [learnerSearchInput],
  communication: {
    url: ENDPOINTS.grades.path,
    method: ENDPOINTS.grades.method,
    qs: learnerQuery,
    response: {
      valid: expectShape('isArray(body.sessions)', "les validations d'un apprenant (un objet avec le tableau « sessions »)"),
      output: '{{body}}',
    },
  },
  interface: interfaceOf('grades.schema.json'),
  samples: sampleGrades,
};
