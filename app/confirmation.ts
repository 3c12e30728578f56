// The answer of an endpoint whose answer the API does not document (the incremental changes, the absences, the
// group calendar, the deletion of every contract). The one thing read as "done" is `success: true`: the marker of
// the answers the API documents (the newer sync answer) and of the sandbox's. `success: false` is a refusal, with
// the API's reason; anything else (a maintenance page, an empty body, another shape) is not a confirmation and
// stops the module: no success is reported that the API did not state.
import type { ImlJson, Response } from '../sdk/types';
import { firstLines, unexpectedResponse } from './responseChecks';

const REFUSED = 'body.success = false';
const REASON = "ifempty(body.reason, ifempty(body.message, ifempty(body.error, 'aucune raison donnée')))";

/** `operation` names what was asked, in the user's words ("les absences"); `output` is read from the answer. */
export function confirmedResponse(operation: string, output: Record<string, ImlJson>): Response {
  return {
    temp: {
      refusal: `Campus Skills a refusé ${operation} : {{${firstLines(REASON)}}}`,
      unexpected: unexpectedResponse('une confirmation de Campus Skills (« success » à true)'),
    },
    valid: {
      condition: '{{body.success = true}}',
      message: `{{if(${REFUSED}, temp.refusal, temp.unexpected)}}`,
      type: 'DataError',
    },
    output,
  };
}
