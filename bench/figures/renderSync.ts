// render-sync-10k: the harness building the syncContracts request for 10,000 contracts (input validation, IML,
// serialisation: runModule up to the moment it sends) against JSON.stringify of the same array. Target <= 3x.
import { runModule, FailedRun } from '../../sdk/harness/run';
import { generateContracts } from '../../sandbox/demoData';
import { interleave, summarise } from '../stats';
import { pairing, timed, type Figure } from '../figure';
import { emittedApp } from '../shared';

/** Thrown by the bench's sender once the request is built: nothing is sent. */
class Built extends Error {}

export const renderSync: Figure = {
  name: 'render-sync-10k',
  async run(options) {
    const count = options.tiny ? 50 : 10_000;
    const contrats = generateContracts(count, 11);
    const app = emittedApp();
    let bodyBytes = 0;
    const build = async () => {
      try {
        await runModule(app, 'syncContracts', {
          input: { contrats },
          connection: { apiKey: 'bench', baseUrl: 'https://app.campus-skills.com', sandbox: false },
          send: async (request) => {
            bodyBytes = request.body?.length ?? 0;
            throw new Built();
          },
        });
      } catch (error) {
        if (!(error instanceof Built) && !(error instanceof FailedRun)) throw error;
      }
      if (bodyBytes === 0) throw new Error('syncContracts sent no body');
    };
    const paired = await interleave({ run: build }, { run: () => JSON.stringify(contrats) }, pairing(options, 15, 7));
    return [
      timed(
        'render-sync-10k',
        summarise(paired),
        { unit: 'ms', scale: 1 },
        'JSON.stringify',
        { text: 'ratio <= 3', ok: (ratio) => ratio <= 3 },
        `${count} contracts, ${(bodyBytes / 1e6).toFixed(1)} MB body`,
      ),
    ];
  },
};
