import { ENDPOINTS } from '../api/endpoints';
import type { ModuleDefinition, Parameter } from '../sdk/types';
import { CONNECTION_ID } from '../connections/campusSkills';
import { interfaceOf } from '../app/schemas';
import { inputOf, schemaProperty } from '../app/inputs';
import { NOTHING_SENT, refuseUnless } from '../app/beforeSending';
import { confirmedResponse } from '../app/confirmation';
import type { ResultatCalendrierGroupe } from '../app/types/group-calendar-result';

const REQUEST = 'group-calendar-request.schema.json';

/** Same choice as the learner field (app/learnerField.ts): a scenario maps the group, the list serves to try. */
const groupInput: Parameter & { mode: 'edit' } = {
  ...inputOf(
    'groupId',
    schemaProperty(REQUEST, 'groupId'),
    true,
    "Le groupe dont vous donnez le calendrier : choisissez-le dans la liste des groupes de vos contrats transmis, ou mappez son code (codeGroupe) tel que transmis dans les contrats.",
  ),
  type: 'select',
  mode: 'edit',
  options: 'rpc://listGroups',
};

const calendarUrlInput: Parameter = {
  ...inputOf(
    'calendarUrl',
    schemaProperty(REQUEST, 'calendarUrl'),
    true,
    "L'adresse https du fichier ICS du calendrier du groupe, par exemple https://agenda.mon-ecole.fr/groupes/btsmco-1.ics. Campus Skills lit le calendrier à cette adresse : elle doit commencer par https://.",
  ),
  // The schema's https pattern is checked by the first step, in French (Make's validator words it in English).
  validate: undefined,
};

const CALENDAR_URL = 'trim(parameters.calendarUrl)';

export const syncGroupCalendar: ModuleDefinition = {
  id: 'syncGroupCalendar',
  label: "Définir le calendrier d'un groupe",
  description:
    "Donne à Campus Skills l'adresse du calendrier (fichier ICS) d'un groupe : ses cours apparaissent dans le planning des apprenants. Une nouvelle adresse remplace la précédente.",
  type: 'action',
  crud: 'update',
  connection: CONNECTION_ID,
  mappableParams: [groupInput, calendarUrlInput],
  communication: [
    refuseUnless(
      `replace(${CALENDAR_URL}, '/^https:\\/\\/[^\\s/?#]+[^\\s]*$/i', emptystring) = emptystring && ${CALENDAR_URL} != emptystring`,
      `Adresse du calendrier refusée (« {{parameters.calendarUrl}} ») : elle doit commencer par https:// et ne contenir aucun espace, par exemple https://agenda.mon-ecole.fr/groupe.ics. ${NOTHING_SENT}`,
    ),
    {
      url: ENDPOINTS.groupCalendar.path,
      method: ENDPOINTS.groupCalendar.method,
      body: { groupId: '{{parameters.groupId}}', calendarUrl: `{{${CALENDAR_URL}}}` },
      response: confirmedResponse('le calendrier', {
        success: '{{body.success}}',
        groupId: '{{parameters.groupId}}',
        calendarUrl: `{{${CALENDAR_URL}}}`,
      }),
    },
  ],
  interface: interfaceOf('group-calendar-result.schema.json'),
  samples: {
    success: true,
    groupId: 'GRP-BTSMCO-REN-1',
    calendarUrl: 'https://agenda.mon-ecole.fr/groupes/btsmco-1.ics',
  } satisfies ResultatCalendrierGroupe,
};
