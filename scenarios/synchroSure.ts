// « Synchronisation sûre » : the school's contracts, gathered into one array, and « Synchroniser en sécurité »,
// which simulates, compares with its thresholds and syncs in one operation; past a threshold it stops the
// scenario with the counts and sends nothing.
import { blueprint, type ScenarioTemplate } from './template';
import { appModule, contractsAggregator, dataModule, safeSyncDefault } from './pieces';

const IDS = { data: 1, aggregator: 2, safeSync: 3 } as const;

export const synchroSure: ScenarioTemplate = {
  name: 'synchro-sure',
  build: (target) =>
    blueprint(target, 'Campus Skills : synchronisation sûre des contrats', [
      dataModule(),
      contractsAggregator(IDS.aggregator, 1, IDS.safeSync),
      // The thresholds as the module's defaults, written out so that the school sees where to change them.
      appModule(target, IDS.safeSync, 2, 'safeSync', {
        contrats: `{{${IDS.aggregator}.array}}`,
        maxRemoved: safeSyncDefault('maxRemoved'),
        maxUpdated: safeSyncDefault('maxUpdated'),
        whenExceeded: safeSyncDefault('whenExceeded'),
      }),
    ]),
};
