import { ENDPOINTS } from '../api/endpoints';
import type { ModuleDefinition } from '../sdk/types';
import { CONNECTION_ID } from '../connections/campusSkills';
import { interfaceOf } from '../app/schemas';
import { inputOf, schemaProperty, withFields } from '../app/inputs';
import { learnerField } from '../app/learnerField';
import { absenceDatesCheck, learnerEmailCheck } from '../app/absenceChecks';
import { confirmedResponse } from '../app/confirmation';
import type { ResultatAbsences } from '../app/types/absences-result';

const REQUEST = 'absences-request.schema.json';

const dateHelp = (moment: string) =>
  `${moment}, au format JJ/MM/AAAA-HH:mm (par exemple 15/01/2026-08:30). Depuis une date Make, mappez formatDate(date; "DD/MM/YYYY-HH:mm").`;

const absencesInput = withFields(
  inputOf(
    'data',
    schemaProperty(REQUEST, 'data'),
    false,
    "TOUTES les absences et tous les retards de l'apprenant : cette liste REMPLACE celle que Campus Skills a déjà (une absence absente de la liste est effacée ; une liste vide les efface toutes). Pour la construire, choisissez ce module comme « Target structure type » d'un Array aggregator. Les dates s'écrivent JJ/MM/AAAA-HH:mm : depuis une date Make, mappez formatDate(date; \"DD/MM/YYYY-HH:mm\").",
  ),
  {
    dateDebut: { help: dateHelp("Le début de l'absence ou du retard") },
    dateFin: { help: dateHelp("La fin de l'absence ou du retard, au plus tôt son début") },
    type: {
      help: '« Absence » ou « Retard ». Une valeur mappée doit être absence ou retard.',
      options: [
        { label: 'Absence', value: 'absence' },
        { label: 'Retard', value: 'retard' },
      ],
    },
    isJusitifie: { help: "Oui quand l'absence est justifiée." },
    motif: { help: "Le motif de l'absence (facultatif), par exemple « Rendez-vous médical »." },
  },
);

export const syncAbsences: ModuleDefinition = {
  id: 'syncAbsences',
  label: "Synchroniser les absences d'un apprenant",
  description:
    "Envoie à Campus Skills la liste complète des absences et retards d'un apprenant : elle remplace la liste précédente.",
  type: 'action',
  crud: 'update',
  connection: CONNECTION_ID,
  mappableParams: [learnerField('email'), absencesInput],
  communication: [
    learnerEmailCheck,
    absenceDatesCheck,
    {
      url: ENDPOINTS.absences.path,
      method: ENDPOINTS.absences.method,
      body: { email: '{{trim(parameters.email)}}', data: '{{ifempty(parameters.data, emptyarray)}}' },
      response: confirmedResponse('les absences', { success: '{{body.success}}', total: '{{body.total}}' }),
    },
  ],
  interface: interfaceOf('absences-result.schema.json'),
  samples: { success: true, total: 4 } satisfies ResultatAbsences,
};
