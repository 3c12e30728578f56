import { ENDPOINTS } from '../api/endpoints';
import type { ModuleDefinition, Parameter } from '../sdk/types';
import { CONNECTION_ID } from '../connections/campusSkills';
import { interfaceOf } from '../app/schemas';
import { expectShape } from '../app/responseChecks';
import { learnerQuery, learnerSearchInput } from '../app/learnerField';
import type { ProgressionApprenant } from '../api/types/training-progress';

/** The learners' objects, with each report's due date as a Make date (the API sends ISO 8601 text). */
function withDueDates(fields: Parameter[]): Parameter[] {
  return fields.map((field) =>
    field.name === 'reports' && Array.isArray(field.spec)
      ? { ...field, spec: field.spec.map((report) => (report.name === 'dateOfReport' ? { ...report, type: 'date' } : report)) }
      : field,
  );
}

export const listTrainingProgress: ModuleDefinition = {
  id: 'listTrainingProgress',
  label: "Récupérer la progression du livret d'un apprenant",
  description:
    "Récupère la progression du livret d'un apprenant : ses rapports, faits ou non, en retard ou non, et leurs échéances. Un bundle par apprenant que Campus Skills renvoie.",
  type: 'search',
  connection: CONNECTION_ID,
  mappableParams: [learnerSearchInput],
  communication: {
    url: ENDPOINTS.trainingProgress.path,
    method: ENDPOINTS.trainingProgress.method,
    qs: learnerQuery,
    // The API answers every learner at once, as an array, without paging: a search's array output is one bundle
    // per item (https://developers.make.com/custom-apps-documentation/app-structure/modules/action/types).
    response: {
      valid: expectShape('isArray(body)', 'la progression des apprenants (un tableau)'),
      output: '{{body}}',
    },
  },
  interface: withDueDates(interfaceOf('training-progress.schema.json')),
  samples: {
    _id: '6650f1c2a4b3c2d1e0f98765',
    studentName: 'Léa Martin',
    tutorName: 'Yannick Le Goff',
    tutorSchoolName: 'Hervé Le Gall',
    companyName: 'Boulangerie Le Goff',
    reports: [
      { name: "Rapport d'étonnement", reportDone: true, isLate: false, dateOfReport: '2025-10-15T00:00:00.000Z' },
      { name: 'Bilan du premier semestre', reportDone: false, isLate: true, dateOfReport: '2026-02-01T00:00:00.000Z' },
    ],
  } satisfies ProgressionApprenant,
};
