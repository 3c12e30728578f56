// What every module and RPC inherits: where the API is, how to authenticate, how errors read.
import type { Base } from '../sdk/types';
import { chosenBaseUrl } from '../connections/campusSkills';
import { apiErrorMapping } from './errors';
import { REQUEST_TIMEOUT_MS } from './constants';

export const base: Base = {
  baseUrl: chosenBaseUrl('connection'),
  headers: { authorization: 'Bearer {{connection.apiKey}}' },
  log: { sanitize: ['request.headers.authorization'] },
  response: { error: apiErrorMapping },
  timeout: REQUEST_TIMEOUT_MS,
};
