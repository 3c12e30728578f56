// sandbox-sync-50k: the sandbox's own cost of a sync over HTTP: a full sync of 50,000 contracts (empty platform)
// and a second sync with 1 % of them changed, each as time per contract against a raw POST of the same body to a
// server that only reads it; and the peak memory (RSS of this process, sampled) while they run.
import { ENDPOINTS } from '../../api/endpoints';
import type { Contrat } from '../../api/types/contrat';
import { sendHttp } from '../../sdk/harness/http';
import { generateContracts } from '../../sandbox/demoData';
import { interleave, summarise } from '../stats';
import { pairing, timed, type Figure, type FigureResult } from '../figure';
import { rawRequest, TIMEOUT_MS, withSandbox, withSink } from '../shared';

/** 1 % of the contracts changed (a company renamed), the rest as they were. */
export function withChanges(contracts: readonly Contrat[], share = 0.01): Contrat[] {
  const every = Math.max(1, Math.round(1 / share));
  return contracts.map((c, i) => (i % every === 0 ? { ...c, nomEntreprise: `${c.nomEntreprise} (nouveau nom)` } : c));
}

export const sandboxSync: Figure = {
  name: 'sandbox-sync-50k',
  async run(options) {
    const count = options.tiny ? 200 : 50_000;
    const base = generateContracts(count, 13);
    const fullBody = Buffer.from(JSON.stringify({ contrats: base }));
    const changedBody = Buffer.from(JSON.stringify({ contrats: withChanges(base) }));
    const { syncContracts, deleteAllContracts } = ENDPOINTS;
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    try {
      return await withSandbox((sandbox) =>
        withSink(async (sinkUrl) => {
          const sink = (body: Buffer) => () =>
            sendHttp({ method: 'POST', url: sinkUrl, headers: { 'Content-Type': 'application/json' }, body }, TIMEOUT_MS);
          const sync = (body: Buffer) => () => rawRequest(sandbox, syncContracts.method, syncContracts.path, body);
          const empty = () => rawRequest(sandbox, deleteAllContracts.method, deleteAllContracts.path);
          const plan = pairing(options, 7, 3);
          const perContract = { unit: 'µs/contract', scale: 1000 / count };
          options.progress(`  full sync of ${count} contracts`);
          const full = await interleave({ setup: empty, run: sync(fullBody) }, { run: sink(fullBody) }, plan);
          options.progress(`  second sync, 1 % changed`);
          const changed = await interleave(
            { setup: async () => { await empty(); await sync(fullBody)(); }, run: sync(changedBody) },
            { run: sink(changedBody) },
            plan,
          );
          peak = Math.max(peak, process.memoryUsage().rss);
          const results: FigureResult[] = [
            timed('sandbox-sync-50k:full', summarise(full), perContract, 'raw POST to a sink', undefined, `${count} contracts, ${(fullBody.length / 1e6).toFixed(1)} MB`),
            timed('sandbox-sync-50k:1%-changed', summarise(changed), perContract, 'raw POST to a sink'),
            {
              name: 'sandbox-sync-50k:peak-memory',
              value: peak / 1e6,
              unit: 'MB RSS',
              noisy: false,
              note: `this process (client, sandbox and sink), ${((peak - baseline) / 1e6).toFixed(0)} MB over its ${(baseline / 1e6).toFixed(0)} MB before the figure`,
            },
          ];
          return results;
        }),
      );
    } finally {
      clearInterval(sampler);
    }
  },
};
