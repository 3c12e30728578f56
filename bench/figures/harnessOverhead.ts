// harness-overhead: syncContracts and a full listing through invoke's code path (runModule on the emitted app:
// input validation, IML, the request log, pagination, the output contract) against the same requests sent raw
// to the sandbox (the raw listing reads each page's body as JSON to know when to stop, as any client must).
// Target <= 1.3x.
import { CONTRACTS_PAGE_SIZE, FIRST_PAGE } from '../../api/assumptions';
import { ENDPOINTS } from '../../api/endpoints';
import { runModule } from '../../sdk/harness/run';
import { generateContracts } from '../../sandbox/demoData';
import { interleave, summarise } from '../stats';
import { pairing, timed, type Figure } from '../figure';
import { connectionFor, emittedApp, rawRequest, withSandbox } from '../shared';

export const OVERHEAD_CONTRACTS = 10_000;

export const harnessOverhead: Figure = {
  name: 'harness-overhead',
  async run(options) {
    const count = options.tiny ? 150 : OVERHEAD_CONTRACTS;
    const contrats = generateContracts(count, 17);
    const body = Buffer.from(JSON.stringify({ contrats }));
    const app = emittedApp();
    const { syncContracts, listTransmittedContracts } = ENDPOINTS;
    const target = { text: 'ratio <= 1.3', ok: (r: number) => r <= 1.3 };
    return withSandbox(async (sandbox) => {
      const connection = connectionFor(sandbox);
      const plan = pairing(options, 9, 5);
      options.progress(`  syncContracts, ${count} contracts`);
      const sync = await interleave(
        { run: () => runModule(app, 'syncContracts', { input: { contrats }, connection, baseUrl: sandbox.url }) },
        { run: () => rawRequest(sandbox, syncContracts.method, syncContracts.path, body) },
        plan,
      );
      options.progress(`  listTransmittedContracts, every page`);
      let listed = 0;
      const rawList = async () => {
        let got = 0;
        for (let page = FIRST_PAGE; ; page += 1) {
          const res = await rawRequest(sandbox, 'GET', `${listTransmittedContracts.path}?limit=${CONTRACTS_PAGE_SIZE}&page=${page}`);
          const rows = (JSON.parse(res.body.toString('utf8')) as { contrats: unknown[] }).contrats;
          got += rows.length;
          if (rows.length < CONTRACTS_PAGE_SIZE) break;
        }
        listed = got;
      };
      const list = await interleave(
        {
          run: async () => {
            const { bundles } = await runModule(app, 'listTransmittedContracts', { connection, baseUrl: sandbox.url });
            if (bundles.length !== count) throw new Error(`the listing gave ${bundles.length} contracts, not ${count}`);
          },
        },
        { run: rawList },
        plan,
      );
      if (listed !== count) throw new Error(`the raw listing gave ${listed} contracts, not ${count}`);
      return [
        timed('harness-overhead:sync', summarise(sync), { unit: 'ms', scale: 1 }, 'raw POST to the sandbox', target, `${count} contracts`),
        timed('harness-overhead:list', summarise(list), { unit: 'ms', scale: 1 }, 'raw GETs of the same pages', target, `${Math.ceil(count / CONTRACTS_PAGE_SIZE)} pages`),
      ];
    });
  },
};
