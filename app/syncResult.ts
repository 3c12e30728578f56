// The one output shape of "Synchroniser les contrats" and "Réinitialiser la synchronisation", whichever of the
// two documented responses the API sends: `{total, contrats}` (the Make connector's page) or `{success,
// validContrats, invalidContrats}` (the newer API page). Anything else stops the module: a 200 that is neither
// (a maintenance page, an empty body) is not a success. Keys follow app/schemas/sync-result.schema.json.
import type { Response } from '../sdk/types';
import { REJECTED_CONTRACT_ERRORS_KEY, REJECTED_CONTRACT_ID_KEY } from '../api/assumptions';
import { firstLines, listedItems, unexpectedResponse } from './responseChecks';

const REJECTED = 'ifempty(body.invalidContrats, emptyarray)';
const TOTAL_SHAPE = 'isArray(body.contrats)';
const VALID_INVALID_SHAPE = 'isArray(body.validContrats) || isArray(body.invalidContrats) || body.success = false';
const REFUSED = 'body.success = false';

/** `operation` names what was refused, in the user's words: "la synchronisation", "la réinitialisation". */
export function syncResultResponse(operation: string): Response {
  const rejectedList = listedItems(REJECTED, REJECTED_CONTRACT_ID_KEY, REJECTED_CONTRACT_ERRORS_KEY);
  return {
    // Texts are built by templates, not by `+` on strings, whose meaning IML does not document.
    temp: {
      rejectedCount: `{{length(${REJECTED})}}`,
      rejectedWarning: `{{length(${REJECTED})}} contrat(s) rejeté(s) par Campus Skills : ${rejectedList}`,
      refusal: `Campus Skills a refusé ${operation} : {{${firstLines(
        "ifempty(body.reason, ifempty(body.message, ifempty(body.error, 'aucune raison donnée')))",
      )}}}{{if(length(${REJECTED}) > 0, ' (contrats rejetés : ', emptystring)}}${rejectedList}{{if(length(${REJECTED}) > 0, ')', emptystring)}}`,
      unexpected: unexpectedResponse('le résultat d\'une synchronisation (« total » et « contrats », ou « success », « validContrats » et « invalidContrats »)'),
    },
    valid: {
      condition: `{{(${TOTAL_SHAPE} || ${VALID_INVALID_SHAPE}) && !(${REFUSED})}}`,
      message: `{{if(${REFUSED}, temp.refusal, temp.unexpected)}}`,
      type: 'DataError',
    },
    output: {
      statut: "{{if(temp.rejectedCount > 0, 'partiel', 'succes')}}",
      nombreTransmis: '{{ifempty(body.total, length(ifempty(body.validContrats, emptyarray)))}}',
      nombreRejetes: '{{temp.rejectedCount}}',
      avertissement: '{{if(temp.rejectedCount > 0, temp.rejectedWarning, emptystring)}}',
    },
  };
}
