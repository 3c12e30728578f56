// The Campus Skills app for Make, as a whole: what the build emits to dist/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppDefinition } from '../sdk/types';
import { base } from './base';
import { groups } from './groups';
import { withWeeklyScenario } from './docs';
import { campusSkills } from '../connections/campusSkills';
import { testConnection } from '../modules/testConnection';
import { simulateSync } from '../modules/simulateSync';
import { syncContracts } from '../modules/syncContracts';
import { safeSync } from '../modules/safeSync';
import { resetSync } from '../modules/resetSync';
import { listTransmittedContracts } from '../modules/listTransmittedContracts';
import { listIntegratedContracts } from '../modules/listIntegratedContracts';
import { getStudentValidations } from '../modules/getStudentValidations';
import { syncContractChanges } from '../modules/syncContractChanges';
import { deleteAllContracts } from '../modules/deleteAllContracts';
import { syncAbsences } from '../modules/syncAbsences';
import { listTrainingProgress } from '../modules/listTrainingProgress';
import { syncGroupCalendar } from '../modules/syncGroupCalendar';
import { syncSites } from '../modules/syncSites';
import { syncFormations } from '../modules/syncFormations';
import { syncGroups } from '../modules/syncGroups';
import { listLearners } from '../rpcs/listLearners';
import { listGroups } from '../rpcs/listGroups';
import { makeApiCall } from '../modules/makeApiCall';

export const app: AppDefinition = {
  // The manifest. makecomapp.json has a place for two of these fields only: name and version are the appId and
  // appVersion of each deploy origin. Label, description, language and theme are set on the app in Make itself;
  // the checks read the language (French texts for 'fr').
  name: 'campus-skills',
  label: 'Campus Skills',
  version: 1,
  description: "Synchronisez vos contrats d'apprentissage avec Campus Skills.",
  language: 'fr',
  theme: '#1F4E79',
  base,
  // The typical scenario is written once, in app/docs.ts: docs/modules.md ends with the same text.
  readme: withWeeklyScenario(readFileSync(join(__dirname, 'readme.md'), 'utf8')),
  groups,
  connections: [campusSkills],
  modules: [
    testConnection,
    simulateSync,
    syncContracts,
    safeSync,
    resetSync,
    listTransmittedContracts,
    listIntegratedContracts,
    getStudentValidations,
    makeApiCall,
    syncContractChanges,
    deleteAllContracts,
    syncAbsences,
    listTrainingProgress,
    syncGroupCalendar,
    syncSites,
    syncFormations,
    syncGroups,
  ],
  rpcs: [listLearners, listGroups],
  functions: [],
};
