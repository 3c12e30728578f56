// The learner of the modules about one learner: chosen in the list of the transmitted contracts' learners
// (rpcs/listLearners.ts) or mapped. Make's review guidelines want the field of a module that reads or changes
// one record to open in map mode ("mode": "edit"): a scenario maps the learner from the school's software, and
// the list serves to try the module (https://docs.make.com/apps/best-practices/remote-procedure-calls).
import type { Parameter } from '../sdk/types';
import { LEARNER_OPTIONS_LIMIT } from './contractOptions';

/** A parameter with Make's `mode`, which the format schema knows and sdk/types.ts does not declare yet. */
type ParameterWithMode = Parameter & { mode: 'edit' | 'choose' };

export type LearnerKey = 'studentId' | 'email';

const LIST_HELP = `La liste propose les ${LEARNER_OPTIONS_LIMIT} premiers apprenants des contrats transmis ; au-delà, mappez la valeur.`;

const LEARNER_FIELDS: Record<LearnerKey, { label: string; help: string }> = {
  studentId: {
    label: "Identifiant de l'apprenant",
    help: `Le codeApprenant envoyé lors de la synchronisation des contrats : choisissez l'apprenant dans la liste, ou mappez son identifiant. ${LIST_HELP}`,
  },
  email: {
    label: "Email de l'apprenant",
    help: `L'email de l'apprenant tel que transmis dans ses contrats (emailApprenant) : choisissez l'apprenant dans la liste, ou mappez son email. ${LIST_HELP}`,
  },
};

/** The learner field itself: a required select over rpc://listLearners, which gives a codeApprenant for a
 * field named `studentId` and an email otherwise (it reads `searchBy`). */
export function learnerField(key: LearnerKey): Parameter {
  const field: ParameterWithMode = {
    name: key,
    type: 'select',
    label: LEARNER_FIELDS[key].label,
    required: true,
    mode: 'edit',
    options: 'rpc://listLearners',
    help: LEARNER_FIELDS[key].help,
  };
  return field;
}

/** "Rechercher l'apprenant par": his id or his email, each with its learner field. */
export const learnerSearchInput: Parameter = {
  name: 'searchBy',
  type: 'select',
  label: "Rechercher l'apprenant par",
  required: true,
  default: 'studentId',
  help: "L'identifiant que vous avez transmis lors de la synchronisation (codeApprenant), ou l'email de l'apprenant.",
  options: [
    { label: 'Identifiant (codeApprenant)', value: 'studentId', nested: [learnerField('studentId')] },
    { label: 'Email', value: 'email', nested: [learnerField('email')] },
  ],
};

/** The query of the endpoints that find a learner by `studentId` or `email`: the key not chosen is left out. */
export const learnerQuery = {
  studentId: "{{if(parameters.searchBy = 'studentId', parameters.studentId, undefined)}}",
  email: "{{if(parameters.searchBy = 'email', parameters.email, undefined)}}",
};
