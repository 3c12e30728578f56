// How Campus Skills' error responses become Make errors: shared by the base (modules, RPCs) and the
// connection, which does not inherit the base.
import type { MakeErrorType, ResponseError } from '../sdk/types';
import { bodySummary, firstLines } from './responseChecks';

/** The API's own words first (`reason`, `message`, then `error`), so the user sees why, not a bare status
 * code, cut after the first problems; a body without them (a proxy's HTML page) is reduced to its title or
 * first line. */
export const API_ERROR_MESSAGE = `Campus Skills a répondu {{statusCode}} : {{${firstLines(
  `ifempty(body.reason, ifempty(body.message, ifempty(body.error, ${bodySummary('body')})))`,
)}}}`;

const STATUS_ERROR_TYPES: Record<string, MakeErrorType> = {
  '400': 'DataError',
  '401': 'InvalidAccessTokenError',
  '403': 'InvalidAccessTokenError',
  '422': 'DataError',
  '429': 'RateLimitError',
  '500': 'ConnectionError',
  '501': 'ConnectionError',
  '502': 'ConnectionError',
  '503': 'ConnectionError',
};

export const apiErrorMapping: ResponseError = {
  message: API_ERROR_MESSAGE,
  type: 'RuntimeError',
  ...Object.fromEntries(
    Object.entries(STATUS_ERROR_TYPES).map(([status, type]) => [status, { message: API_ERROR_MESSAGE, type }]),
  ),
};
