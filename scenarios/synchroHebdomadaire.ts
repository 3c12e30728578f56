// « Synchronisation hebdomadaire » : the weekly scenario of the app's notes (app/readme.md) as a blueprint. The
// school's contracts, gathered into one array in the shape of the sync's `contrats`, the connection tested, the
// sync simulated, and the sync itself only through a filter that stops it when the simulation would archive or
// change more contracts than a normal week does.
//
// The connection is tested after the aggregator, not right after the data as the notes list it: there it would
// run once per contract (one operation each), since a module runs once per bundle it receives; after the
// aggregator it runs once, still before anything is sent.
import { blueprint, type ScenarioTemplate } from './template';
import { appModule, contractsAggregator, dataModule, percentOf, safeSyncDefault } from './pieces';
import type { BlueprintFilter } from '../sdk/scenario/blueprint';

/** The filter's thresholds, in percent of the contracts on the platform before the sync: the defaults of
 * « Synchroniser en sécurité » (modules/safeSync.ts), so both templates stop the same weeks. */
export const MAX_REMOVED_PERCENT = percentOf(safeSyncDefault('maxRemoved'));
export const MAX_UPDATED_PERCENT = percentOf(safeSyncDefault('maxUpdated'));

const IDS = { data: 1, aggregator: 2, test: 3, simulate: 4, sync: 5 } as const;

/** The contracts on the platform before the sync, from the simulation's counts. */
const ON_PLATFORM = `${IDS.simulate}.counts.same + ${IDS.simulate}.counts.updated + ${IDS.simulate}.counts.removed`;

export function thresholdsFilter(): BlueprintFilter {
  const limit = (percent: number) => `{{floor((${ON_PLATFORM}) * ${percent} / 100)}}`;
  return {
    name: `Semaine normale : au plus ${MAX_REMOVED_PERCENT} % archivés et ${MAX_UPDATED_PERCENT} % modifiés`,
    conditions: [
      [
        { a: `{{${IDS.simulate}.counts.removed}}`, o: 'number:lessorequal', b: limit(MAX_REMOVED_PERCENT) },
        { a: `{{${IDS.simulate}.counts.updated}}`, o: 'number:lessorequal', b: limit(MAX_UPDATED_PERCENT) },
      ],
    ],
  };
}

export const synchroHebdomadaire: ScenarioTemplate = {
  name: 'synchro-hebdomadaire',
  build: (target) =>
    blueprint(target, 'Campus Skills : synchronisation hebdomadaire des contrats', [
      dataModule(),
      contractsAggregator(IDS.aggregator, 1, IDS.sync),
      appModule(target, IDS.test, 2, 'testConnection'),
      appModule(target, IDS.simulate, 3, 'simulateSync', { contrats: `{{${IDS.aggregator}.array}}` }),
      appModule(target, IDS.sync, 4, 'syncContracts', { contrats: `{{${IDS.aggregator}.array}}` }, thresholdsFilter()),
    ]),
};
