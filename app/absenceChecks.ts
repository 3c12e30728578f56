// What "Synchroniser les absences" checks before sending, in French: a learner email that is one, and absences
// that do not end before they start. Make's input validation has already checked each field alone (the date
// pattern, the type among absence/retard, the booleans); these rules read several fields, which it cannot.
import type { Request } from '../sdk/types';
import { NOTHING_SENT, refuseUnless } from './beforeSending';
import { concat } from './responseChecks';

// ---------------------------------------------------------------------------------------------- the learner

const EMAIL = 'trim(parameters.email)';
const EMAIL_SHAPE = '/^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/';

/** The learner field is a select (its options come from an RPC), so Make checks no email shape in it. */
export const learnerEmailCheck: Request = refuseUnless(
  `${EMAIL} != emptystring && replace(${EMAIL}, '${EMAIL_SHAPE}', emptystring) = emptystring`,
  `Email de l'apprenant invalide{{if(${EMAIL} = emptystring, ' (vide)', ${concat(`' (« '`, 'parameters.email', `' »)'`)})}} : ` +
    `choisissez l'apprenant dans la liste, ou mappez l'email transmis dans ses contrats (emailApprenant). ${NOTHING_SENT}`,
);

// ---------------------------------------------------------------------------------------------- the dates
//
// IML has no loop: the absences are compared as text. Their JSON is rewritten, one absence at a time, into
// "début>fin;" with both moments as YYYYMMDDHHmm (so that text order is time order), whatever the order of the
// keys in each absence; each pair then becomes X (the start is after the end) or O, one letter per absence.

const DATE = '(\\d\\d)\\/(\\d\\d)\\/(\\d{4})-(\\d\\d):(\\d\\d)';
/** One JSON token inside an absence: a whole string (its escapes included: \x5c is the backslash), or any
 * other character but a brace, so that a brace or a key written inside a reason (motif) is never read. */
const TOKEN = '(?:"(?:[^"\\x5c]|\\x5c.)*"|[^"{}])';
const field = (name: string) => `(?=${TOKEN}*?"${name}":"${DATE}")`;
const ABSENCE = `/\\{${field('dateDebut')}${field('dateFin')}${TOKEN}*\\}/g`;
const AS_PAIR = '$3$2$1$4$5>$8$7$6$9$10;';
/** Two moments of 12 digits, the first later: equal up to one digit, where the first's is greater. */
const LATER_FIRST = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => `${d}\\d*>\\2[0-${d - 1}]`).join('|');
const ENDS_BEFORE_START = `/(^|;)(\\d*)(?:${LATER_FIRST})\\d*/g`;

const pairs = `replace(replace(createJSON(ifempty(parameters.data, emptyarray)), '${ABSENCE}', '${AS_PAIR}'), '/[^0-9>;]/g', emptystring)`;
const marks = `replace(replace(replace(${pairs}, '${ENDS_BEFORE_START}', '$1X'), '/\\d+>\\d+/g', 'O'), '/;/g', emptystring)`;

const row = "(indexOf(temp.absenceMarks, 'X') + 1)";
const dateOf = (key: string) => `get(parameters.data, ${concat(row, `'.${key}'`)})`;
const others = "(length(replace(temp.absenceMarks, '/O/g', emptystring)) - 1)";

export const absenceDatesCheck: Request = refuseUnless(
  "!contains(temp.absenceMarks, 'X')",
  `Absences refusées : l'absence n° {{${row}}} finit avant de commencer (début {{${dateOf('dateDebut')}}}, fin {{${dateOf('dateFin')}}})` +
    `{{if(${others} > 0, ${concat(`' ; '`, others, `' autre(s) absence(s) dans ce cas'`)}, emptystring)}}. ` +
    `Corrigez les dates : la fin est au plus tôt le début. ${NOTHING_SENT}`,
  { absenceMarks: `{{${marks}}}` },
);
