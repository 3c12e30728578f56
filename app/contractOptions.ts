// The options of a select built from the transmitted contracts (the RPCs of rpcs/): one option per distinct
// value of a field, read page after page exactly as the listings read them (app/contractListing.ts).
import type { ImlJson, Request } from '../sdk/types';
import { ENDPOINTS } from '../api/endpoints';
import { CONTRACTS_PAGE_SIZE } from '../api/assumptions';
import { pagedContractsRequest } from './contractListing';

/** An options RPC must cap what it lists (https://developers.make.com/custom-apps-documentation/app-structure/rpcs/dynamic-options-rpc),
 * and Make recommends about 3 requests of a page each, within the RPC's 40 s
 * (https://docs.make.com/apps/app-structure/rpcs): 300 learners. A larger school maps the learner. */
export const LEARNER_OPTIONS_LIMIT = 3 * CONTRACTS_PAGE_SIZE;

/** Groups are few but spread over all the contracts: their list reads every page, under the cap Make's example
 * sets (500 options), which a school's groups do not reach. */
export const GROUP_OPTIONS_LIMIT = 500;

export interface ContractOptions {
  /** IML naming the contract field whose distinct values are the options. */
  distinctBy: string;
  label: ImlJson;
  value: ImlJson;
  limit: number;
}

/**
 * Duplicates are removed page by page: a value whose contracts lie on two pages is listed twice, with the same
 * label and value (one page does not see the previous one: whether `temp` carries over between pages is left open
 * by Make, see the `tempAcrossPages` switch of sdk/harness/semantics.ts).
 */
export function contractOptionsRequest({ distinctBy, label, value, limit }: ContractOptions): Request {
  const listing = pagedContractsRequest(ENDPOINTS.listTransmittedContracts);
  return {
    ...listing,
    response: {
      valid: listing.response?.valid,
      iterate: `{{distinct(body.contrats, ${distinctBy})}}`,
      output: { label, value },
      limit,
    },
  };
}
