// The one output shape of "Synchroniser les contrats" and "Réinitialiser la synchronisation", whichever of the
// two documented responses the API sends: `{total, contrats}` (seed) or `{success, validContrats,
// invalidContrats}` (newer docs). Keys follow app/schemas/sync-result.schema.json.
import type { Response } from '../sdk/types';
import { REJECTED_CONTRACT_ID_KEY } from './constants';

const REJECTED = 'ifempty(body.invalidContrats, emptyarray)';
const REJECTED_CODES = `join(map(${REJECTED}, '${REJECTED_CONTRACT_ID_KEY}'), ', ')`;

/** `operation` names what was refused, in the user's words: "la synchronisation", "la réinitialisation". */
export function syncResultResponse(operation: string): Response {
  return {
    // Texts are built by templates, not by `+` on strings, whose meaning IML does not document.
    temp: {
      rejectedCount: `{{length(${REJECTED})}}`,
      rejectedWarning: `{{length(${REJECTED})}} contrat(s) rejeté(s) par Campus Skills : {{${REJECTED_CODES}}}`,
      rejectedSuffix: ` (contrats rejetés : {{${REJECTED_CODES}}})`,
    },
    valid: {
      condition: '{{body.success != false}}',
      message: `Campus Skills a refusé ${operation} : {{ifempty(body.reason, ifempty(body.message, ifempty(body.error, 'aucune raison donnée')))}}{{if(temp.rejectedCount > 0, temp.rejectedSuffix, emptystring)}}`,
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
