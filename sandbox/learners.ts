// The endpoints `grades` and `trainingProgress`: a learner is found by `studentId` (the codeApprenant
// sent in the sync) or `email`, among the configured learners and the account's contracts. Configured
// data is answered as is; a learner known only from the contracts gets an empty record built from them.

import { normaliseEmail } from '../api/contracts';
import { badRequest, notFound } from './errors';
import type { AccountState, Contrat, LearnerData, SandboxResponse } from './types';

export interface FoundLearner {
  studentId: string;
  data?: LearnerData;
  /** A contract of the learner in the account, if any. */
  contrat?: Contrat;
}

const fullName = (first: string | undefined, last: string | undefined): string => [first, last].filter(Boolean).join(' ');

/** Finds the learner named by the query, or the error to answer. */
export function findLearner(account: AccountState, query: Record<string, string | undefined>): FoundLearner | SandboxResponse {
  const studentId = query.studentId?.trim() || undefined;
  const email = query.email?.trim() || undefined;
  if (studentId === undefined && email === undefined) {
    return badRequest("Indiquez l'identifiant de l'apprenant (studentId) ou son email (email).");
  }
  let data: LearnerData | undefined;
  let contrat: Contrat | undefined;
  if (studentId !== undefined) {
    data = account.learners.find((learner) => learner.studentId === studentId);
    contrat = account.contrats.find((c) => c.codeApprenant === studentId);
  } else if (email !== undefined) {
    const wanted = normaliseEmail(email);
    data = account.learners.find((learner) => learner.email !== undefined && normaliseEmail(learner.email) === wanted);
    contrat = account.contrats.find((c) => normaliseEmail(c.emailApprenant) === wanted);
    if (data === undefined && contrat !== undefined) {
      data = account.learners.find((learner) => learner.studentId === contrat?.codeApprenant);
    }
  }
  const id = data?.studentId ?? contrat?.codeApprenant;
  if (id === undefined) {
    const what = studentId !== undefined ? `l'identifiant "${studentId}"` : `l'email "${email}"`;
    return notFound(`Aucun apprenant ne correspond à ${what}.`);
  }
  if (contrat === undefined) contrat = account.contrats.find((c) => c.codeApprenant === id);
  return { studentId: id, data, contrat };
}

export function isFound(result: FoundLearner | SandboxResponse): result is FoundLearner {
  return (result as FoundLearner).studentId !== undefined;
}

/** What `grades` answers: the configured grades, or no sessions yet. */
export function gradesOf(learner: FoundLearner): Record<string, unknown> {
  if (learner.data?.grades !== undefined) return learner.data.grades;
  return {
    studentName: fullName(learner.contrat?.prenomApprenant, learner.contrat?.nomApprenant),
    userId: learner.studentId,
    sessions: [],
  };
}

/** What `trainingProgress` answers: an array with this learner's progress, configured or with no report yet. */
export function trainingProgressOf(learner: FoundLearner): Array<Record<string, unknown>> {
  if (learner.data?.trainingProgress !== undefined) return [learner.data.trainingProgress];
  return [
    {
      _id: learner.studentId,
      studentName: fullName(learner.contrat?.prenomApprenant, learner.contrat?.nomApprenant),
      tutorName: fullName(learner.contrat?.prenomMaitreApprentissage, learner.contrat?.nomMaitreApprentissage),
      tutorSchoolName: fullName(learner.contrat?.prenomPersonnel, learner.contrat?.nomPersonnel),
      companyName: learner.contrat?.nomEntreprise ?? '',
      reports: [],
    },
  ];
}

/** Whether a learner with this email is known to the account (contracts or configuration). */
export function isKnownLearnerEmail(account: AccountState, email: string): boolean {
  const wanted = normaliseEmail(email);
  return (
    account.contrats.some((c) => normaliseEmail(c.emailApprenant) === wanted) ||
    account.learners.some((learner) => learner.email !== undefined && normaliseEmail(learner.email) === wanted)
  );
}
