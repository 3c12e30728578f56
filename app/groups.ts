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
    ],
  },
  { label: 'Apprenants', modules: ['getStudentValidations'] },
  { label: 'Autres', modules: ['makeApiCall'] },
];
