// The request both contract searches share: every page of a listing endpoint, collected into one bundle
// `{total, contrats}` as the seed describes, stopped early by the optional maximum.
import type { Parameter, Request } from '../sdk/types';
import { CONTRACTS_PAGE_SIZE, FIRST_PAGE } from './constants';

export const maxContractsInput: Parameter = {
  name: 'limit',
  type: 'uinteger',
  label: 'Nombre maximum de contrats',
  help: 'Le nombre maximum de contrats à récupérer. Laissez vide pour récupérer tous les contrats.',
  validate: { min: 1 },
};

export function pagedContractsRequest(path: string): Request {
  return {
    url: path,
    method: 'GET',
    qs: { limit: CONTRACTS_PAGE_SIZE, page: FIRST_PAGE },
    response: {
      valid: {
        condition: '{{isArray(body.contrats)}}',
        message: "Réponse inattendue de Campus Skills : la page ne contient pas de tableau « contrats ».",
        type: 'DataError',
      },
      // Counted across pages, so that paging stops at the API's `total` even if it serves smaller pages than
      // asked for (the page size is an assumption).
      temp: { fetched: '{{ifempty(temp.fetched, 0) + length(body.contrats)}}' },
      iterate: '{{body.contrats}}',
      output: '{{item}}',
      limit: '{{parameters.limit}}',
      wrapper: { total: '{{length(output)}}', contrats: '{{output}}' },
    },
    pagination: {
      qs: { page: '{{pagination.page}}' },
      // More while fewer than `total` were fetched; without a total, while pages are full. An empty page
      // always stops (Make's rule).
      condition: `{{if(body.total, temp.fetched < body.total, length(body.contrats) = ${CONTRACTS_PAGE_SIZE})}}`,
    },
  };
}
