// list-requests: the HTTP requests each contract listing module sends to return 2,345 contracts, against the
// floor: the total over the largest page the API serves, rounded up (api/assumptions.ts CONTRACTS_PAGE_SIZE).
import { CONTRACTS_PAGE_SIZE } from '../../api/assumptions';
import { ENDPOINTS } from '../../api/endpoints';
import { sendHttp } from '../../sdk/harness/http';
import { runModule } from '../../sdk/harness/run';
import { generateContracts } from '../../sandbox/demoData';
import type { Figure, FigureResult } from '../figure';
import { connectionFor, emittedApp, rawRequest, withSandbox } from '../shared';

export const LISTED_CONTRACTS = 2_345;
export const LISTING_MODULES = ['listTransmittedContracts', 'listIntegratedContracts'] as const;

export const listRequests: Figure = {
  name: 'list-requests',
  async run(options) {
    const count = options.tiny ? 2 * CONTRACTS_PAGE_SIZE + 45 : LISTED_CONTRACTS;
    const floor = Math.ceil(count / CONTRACTS_PAGE_SIZE);
    const contrats = generateContracts(count, 3);
    // Every group integrated, so that both listings return every contract.
    const groups = [...new Set(contrats.map((c) => c.codeGroupe))];
    return withSandbox(async (sandbox) => {
      await rawRequest(sandbox, ENDPOINTS.syncContracts.method, ENDPOINTS.syncContracts.path, { contrats });
      const results: FigureResult[] = [];
      for (const moduleId of LISTING_MODULES) {
        let requests = 0;
        const { bundles } = await runModule(emittedApp(), moduleId, {
          connection: connectionFor(sandbox),
          baseUrl: sandbox.url,
          send: (request, timeout) => {
            requests += 1;
            return sendHttp(request, timeout);
          },
        });
        options.progress(`  ${moduleId}: ${bundles.length} contracts in ${requests} request(s)`);
        if (bundles.length !== count) {
          // The sandbox lists as integrated only some contracts: the floor would not be the same; say so.
          results.push({
            name: `list-requests:${moduleId}`,
            value: requests,
            unit: 'requests',
            floor: `ceil(${bundles.length}/${CONTRACTS_PAGE_SIZE})`,
            floorValue: Math.max(1, Math.ceil(bundles.length / CONTRACTS_PAGE_SIZE)),
            ratio: requests / Math.max(1, Math.ceil(bundles.length / CONTRACTS_PAGE_SIZE)),
            noisy: false,
            note: `the sandbox lists ${bundles.length} of the ${count} contracts here`,
          });
          continue;
        }
        results.push({
          name: `list-requests:${moduleId}`,
          value: requests,
          unit: 'requests',
          floor: `ceil(${count}/${CONTRACTS_PAGE_SIZE})`,
          floorValue: floor,
          ratio: requests / floor,
          noisy: false,
          note: `${count} contracts`,
        });
      }
      return results;
    }, groups);
  },
};
