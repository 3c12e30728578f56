// The request both contract searches share: every page of a listing endpoint, one bundle per contract (Make's
// searches output one bundle per item; Make itself adds "Total number of bundles"), stopped early by the optional
// maximum. Paging relies only on what Make documents: `pagination.page` as in Make's own example, and the page's
// length against the page size (a short or empty page is the last).
import type { Parameter, Request } from '../sdk/types';
import type { Endpoint } from '../api/endpoints';
import { CONTRACTS_PAGE_SIZE, FIRST_PAGE } from '../api/assumptions';
import { expectShape } from './responseChecks';

export const maxContractsInput: Parameter = {
  name: 'limit',
  type: 'uinteger',
  label: 'Nombre maximum de contrats',
  help: 'Le nombre maximum de contrats à récupérer (un bundle par contrat). Laissez vide pour récupérer tous les contrats.',
  validate: { min: 1 },
};

/** What a listing module's description adds: how to get the count and one array. */
export const LISTING_USAGE =
  "Un bundle par contrat : le nombre de contrats est dans « Total number of bundles » de chaque bundle ; pour obtenir un seul tableau, placez un Array aggregator après ce module.";

export function pagedContractsRequest(endpoint: Endpoint): Request {
  return {
    url: endpoint.path,
    method: endpoint.method,
    qs: { limit: CONTRACTS_PAGE_SIZE, page: FIRST_PAGE },
    response: {
      valid: expectShape('isArray(body.contrats)', 'un objet contenant le tableau « contrats »'),
      iterate: '{{body.contrats}}',
      output: '{{item}}',
      limit: '{{parameters.limit}}',
    },
    pagination: {
      qs: { page: nextPage() },
      condition: `{{length(body.contrats) = ${CONTRACTS_PAGE_SIZE}}}`,
    },
  };
}

/** Make numbers the pagination requests from 2, the parent request being page 1; the API's first page is
 * FIRST_PAGE. */
function nextPage(): string {
  return FIRST_PAGE === 1 ? '{{pagination.page}}' : `{{pagination.page + ${FIRST_PAGE - 1}}}`;
}
