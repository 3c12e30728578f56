// The app as the harness sees it: the emitted files (byte-identical to dist/, see test/app/emit.test.ts).
import { app } from '../../app';
import { emitApp } from '../../sdk/emit/emitApp';
import { mapReader, readEmittedApp, type EmittedApp } from '../../sdk/emitted';
import { sampleContrat } from '../../app/samples';
import type { Contrat } from '../../api/types/contrat';

let cached: EmittedApp | undefined;

export function emittedApp(): EmittedApp {
  cached ??= readEmittedApp(mapReader(emitApp(app)));
  return cached;
}

export const API = 'https://app.campus-skills.com';
export const API_KEY = 'cs_test_3f9a1c2b7d4e8f60';

/** The connection as stored after the user kept the default platform. */
export const connection = { apiKey: API_KEY, baseUrl: API, sandbox: false };

/** `count` valid, distinct contracts. */
export function contracts(count: number, from = 1): Contrat[] {
  return Array.from({ length: count }, (_, i) => {
    const n = from + i;
    return {
      ...sampleContrat,
      codeContrat: `CTR-${n}`,
      codeApprenant: `APP-${n}`,
      emailApprenant: `apprenant${n}@exemple.fr`,
      nomApprenant: `Nom${n}`,
    };
  });
}
