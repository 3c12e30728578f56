// The one output shape of "Synchroniser les contrats" and "Réinitialiser la synchronisation", whichever of the
// two documented responses the API sends: `{total, contrats}` (seed) or `{success, validContrats,
// invalidContrats}` (newer docs). Keys follow app/schemas/sync-result.schema.json.
import type { Response } from '../sdk/types';
import { REJECTED_CONTRACT_ID_KEY } from './constants';

export const syncResultResponse: Response = {
  valid: {
    condition: '{{body.success != false}}',
    message: "Campus Skills n'a pas accepté la synchronisation : {{ifempty(body.reason, ifempty(body.error, 'aucune raison donnée'))}}",
    type: 'DataError',
  },
  temp: {
    rejectedCount: '{{length(ifempty(body.invalidContrats, emptyarray))}}',
    rejectedCodes: `{{join(map(ifempty(body.invalidContrats, emptyarray), '${REJECTED_CONTRACT_ID_KEY}'), ', ')}}`,
  },
  output: {
    statut: "{{if(temp.rejectedCount > 0, 'partiel', 'succes')}}",
    nombreTransmis: '{{ifempty(body.total, length(ifempty(body.validContrats, emptyarray)))}}',
    nombreRejetes: '{{temp.rejectedCount}}',
    avertissement:
      "{{if(temp.rejectedCount > 0, 'Contrats rejetés par Campus Skills : ', emptystring)}}{{if(temp.rejectedCount > 0, temp.rejectedCodes, emptystring)}}",
  },
};
