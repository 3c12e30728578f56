// The one output shape of "Synchroniser les contrats" and "Réinitialiser la synchronisation", whichever of the
// two documented responses the API sends: `{total, contrats}` (the Make connector's page) or `{success,
// validContrats, invalidContrats}` (the newer API page). Anything else stops the module: a 200 that is neither
// (a maintenance page, an empty body) is not a success. Keys follow app/schemas/sync-result.schema.json.
// The pieces are apart so that "Synchroniser en sécurité" can read a sync's answer in one request of its
// communication and output it in a later one: everything the output needs is kept in `temp`.
import type { Response, ResponseValid } from '../sdk/types';
import { REJECTED_CONTRACT_ERRORS_KEY, REJECTED_CONTRACT_ID_KEY } from '../api/assumptions';
import { firstLines, listedItems, unexpectedResponse } from './responseChecks';

const REJECTED = 'ifempty(body.invalidContrats, emptyarray)';
const TOTAL_SHAPE = 'isArray(body.contrats)';
const VALID_INVALID_SHAPE = 'isArray(body.validContrats) || isArray(body.invalidContrats) || body.success = false';
const REFUSED = 'body.success = false';

/** What a sync's answer leaves in `temp` (texts are built by templates, not by `+` on strings, whose meaning IML
 * does not document). `operation` names what was refused, in the user's words: "la synchronisation". */
export function syncAnswerTemp(operation: string): Record<string, string> {
  const rejectedList = listedItems(REJECTED, REJECTED_CONTRACT_ID_KEY, REJECTED_CONTRACT_ERRORS_KEY);
  return {
    rejectedCount: `{{length(${REJECTED})}}`,
    transmittedCount: '{{ifempty(body.total, length(ifempty(body.validContrats, emptyarray)))}}',
    rejectedWarning: `{{length(${REJECTED})}} contrat(s) rejeté(s) par Campus Skills : ${rejectedList}`,
    refusal: `Campus Skills a refusé ${operation} : {{${firstLines(
      "ifempty(body.reason, ifempty(body.message, ifempty(body.error, 'aucune raison donnée')))",
    )}}}{{if(length(${REJECTED}) > 0, ' (contrats rejetés : ', emptystring)}}${rejectedList}{{if(length(${REJECTED}) > 0, ')', emptystring)}}`,
    unexpected: unexpectedResponse(
      "le résultat d'une synchronisation (« total » et « contrats », ou « success », « validContrats » et « invalidContrats »)",
    ),
  };
}

/** A sync's answer is one of the two documented results, and not a refusal; the messages come from `temp`. */
export const SYNC_ANSWER_VALID: ResponseValid = {
  condition: `{{(${TOTAL_SHAPE} || ${VALID_INVALID_SHAPE}) && !(${REFUSED})}}`,
  message: `{{if(${REFUSED}, temp.refusal, temp.unexpected)}}`,
  type: 'DataError',
};

/** The output fields as IML expressions, read from what `syncAnswerTemp` kept. */
export const SYNC_RESULT_EXPRESSIONS = {
  statut: "if(temp.rejectedCount > 0, 'partiel', 'succes')",
  nombreTransmis: 'temp.transmittedCount',
  nombreRejetes: 'temp.rejectedCount',
  avertissement: 'if(temp.rejectedCount > 0, temp.rejectedWarning, emptystring)',
};

/** The output fields. */
export const SYNC_RESULT_FIELDS = Object.fromEntries(
  Object.entries(SYNC_RESULT_EXPRESSIONS).map(([field, expression]) => [field, `{{${expression}}}`]),
);

export function syncResultResponse(operation: string): Response {
  return { temp: syncAnswerTemp(operation), valid: SYNC_ANSWER_VALID, output: SYNC_RESULT_FIELDS };
}
