// The pieces shared by the legacy v1 structure syncs (sites, formations, groups): the list input built from the
// API's schema, the checks Make's input validation cannot make in French (a code with spaces around it, one code
// twice in the list), run before any request, and the request with its answer checked before anything is output.
// Make's validation has already refused an empty list or an empty field (required), naming the row and field.
// A refused code is quoted as JSON writes it ("B ", "\tC"), so that a space or a tab around it shows.
import { V1_SYNC_ANSWER_KEYS } from '../api/assumptions';
import { ENDPOINTS } from '../api/endpoints';
import type { Parameter, Request } from '../sdk/types';
import { NOTHING_SENT, refuseUnless } from './beforeSending';
import { inputOf, schemaProperty, withFields } from './inputs';
import { concat, expectShape } from './responseChecks';

export type StructureEndpoint = keyof typeof V1_SYNC_ANSWER_KEYS;

/** The list of a v1 request schema (its one property) as a required input with `help`. Its code fields lose
 * Make's pattern rule, whose message is English and shows only the pattern: the first step says it in French. */
export function structureInput(requestSchema: string, list: string, help: string, codeFields: string[]): Parameter {
  const input = inputOf(list, schemaProperty(requestSchema, list), true, help);
  return withFields(input, Object.fromEntries(codeFields.map((field) => [field, { validate: undefined }])));
}

// IML has no loop: the codes of the list are read as the text of their JSON array, `["R1","R2"]`, one string token
// after the other (\x5c is the backslash: a token's escapes are read two characters at a time, so a quote or a
// backslash inside a code never ends it).
const TOKEN_BODY = '(?:[^"\\x5c]|\\x5c.)';
const TOKEN = `"${TOKEN_BODY}*"`;
/** A space at an end of a code, as JSON writes it: a space itself, or an escaped tab, line break or form feed. */
const SPACE = '(\\s|\\x5c[tnrf]|\\x5cu000b)';

const codesOf = (list: string, field: string) => `createJSON(map(parameters.${list}, '${field}'))`;

/**
 * A step that refuses a code with a space at its start or end (which the platform would keep, making it another
 * code), naming the first such row; `refused` opens the message ("Sites refusés"). Each code becomes O, or X when
 * it has such a space; the row is where the first X is.
 */
export function spacesCheck(refused: string, list: string, field: string): Request {
  const temp = `${field}Marks`;
  const marked = `replace(${codesOf(list, field)}, '/"${SPACE}${TOKEN_BODY}*"|"${TOKEN_BODY}*?${SPACE}"|${TOKEN}/g', '<$1$2>')`;
  const marks = `replace(replace(replace(${marked}, '/<>/g', 'O'), '/<[^>]*>/g', 'X'), '/[^OX]/g', emptystring)`;
  const row = `(indexOf(temp.${temp}, 'X') + 1)`;
  const others = `(length(replace(temp.${temp}, '/O/g', emptystring)) - 1)`;
  return refuseUnless(
    `!contains(temp.${temp}, 'X')`,
    `${refused} : ${list}[{{${row}}}].${field} {{createJSON(get(parameters.${list}, ${concat(row, `'.${field}'`)}))}} commence ou finit par une espace : ` +
      `un code s'écrit sans espace autour (utilisez trim() dans le mapping)` +
      `{{if(${others} > 0, ${concat(`' ; '`, others, `' autre(s) ${field} dans ce cas'`)}, emptystring)}}. ${NOTHING_SENT}`,
    { [temp]: `{{${marks}}}` },
  );
}

/**
 * A step that refuses a list where one code comes twice, naming the later row and the earlier one; `refused` opens
 * the message. A regular expression finds the first code that comes again, and keeps the codes before it between
 * < and >, then the codes up to its repeat; each code then becomes O: `<OO>O` says rows 3 and 5.
 */
export function duplicateCheck(refused: string, list: string, field: string, oneRow: string): Request {
  const temp = `${field}Twice`;
  const twice = `'/^\\[((?:${TOKEN},)*?)(${TOKEN}),((?:${TOKEN},)*?)\\2[,\\]][\\s\\S]*$/'`;
  const marks = `replace(replace(replace(${codesOf(list, field)}, ${twice}, '<$1>$3'), '/${TOKEN}/g', 'O'), '/[^<>O]/g', emptystring)`;
  const first = `indexOf(temp.${temp}, '>')`;
  const later = `length(temp.${temp})`;
  return refuseUnless(
    `!contains(temp.${temp}, '<')`,
    `${refused} : ${list}[{{${later}}}].${field} {{createJSON(get(parameters.${list}, ${concat(later, `'.${field}'`)}))}} est déjà le code de ${list}[{{${first}}}] : ` +
      `un code ne désigne qu'${oneRow} par envoi (pour envoyer chacun une fois, mappez distinct(tableau; ${field})). ${NOTHING_SENT}`,
    { [temp]: `{{${marks}}}` },
  );
}

/** The request of `endpoint`, its answer taken as the object sent (V1_SYNC_ANSWER_KEYS): the number of rows the
 * platform confirmed and the rows, under `list`. Any other 2xx answer stops the module with a DataError. */
export function structureRequest(endpoint: StructureEndpoint, list: string, expected: string): Request {
  const answer = `body.${V1_SYNC_ANSWER_KEYS[endpoint]}`;
  return {
    url: ENDPOINTS[endpoint].path,
    method: ENDPOINTS[endpoint].method,
    body: { [list]: `{{parameters.${list}}}` },
    response: {
      valid: expectShape(`isArray(${answer})`, expected),
      output: { nombreSynchronises: `{{length(${answer})}}`, [list]: `{{${answer}}}` },
    },
  };
}
