import type { ModuleGroup } from '../sdk/types';

/** How Make lists the modules in the app's module picker. */
export const groups: ModuleGroup[] = [
  {
    label: 'Contrats',
    modules: [
      'testConnection',
      'simulateSync',
      'syncContracts',
      'safeSync',
      'resetSync',
      'listTransmittedContracts',
      'listIntegratedContracts',
      'syncContractChanges',
      'deleteAllContracts',
    ],
  },
  { label: 'Apprenants', modules: ['getStudentValidations', 'syncAbsences', 'listTrainingProgress'] },
  { label: 'Groupes', modules: ['syncGroupCalendar'] },
  { label: 'Ancienne API (v1)', modules: ['syncSites', 'syncFormations', 'syncGroups'] },
  { label: 'Autres', modules: ['makeApiCall'] },
];
