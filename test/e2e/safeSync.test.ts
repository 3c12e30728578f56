// "Synchroniser en sécurité" against the sandbox over HTTP: a normal week syncs; a week where an upstream filter
// dropped 80 % of the contracts stops with the counts and leaves the platform as it was; and the same week with
// "continue without syncing" outputs why instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { generateContracts } from '../../sandbox/demoData';
import { runModule } from '../../sdk/harness/run';
import { failure } from '../helpers/failure';
import { emittedApp } from '../helpers/app';
import type { Contrat } from '../../api/types/contrat';

let sandbox: RunningSandbox;
const week1 = generateContracts(200, 11);

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, token: 'safe-sync-token-8a3e', log: () => undefined });
});
afterAll(() => sandbox.close());

function run(moduleId: string, input: Record<string, unknown> = {}) {
  return runModule(emittedApp(), moduleId, {
    input,
    connection: { apiKey: 'safe-sync-token-8a3e', baseUrl: 'https://app.campus-skills.com' },
    baseUrl: sandbox.url,
  });
}

async function transmittedCodes(): Promise<string[]> {
  const { bundles } = await run('listTransmittedContracts');
  return bundles.map((b) => String(b.codeContrat)).sort();
}

const codes = (list: Contrat[]) => list.map((c) => c.codeContrat).sort();

describe('safeSync against the sandbox', () => {
  it('syncs the first week (every contract new) and a normal second week, in one module run each', async () => {
    const first = await run('safeSync', { contrats: week1 });
    expect(first.bundles[0]).toMatchObject({ synchronise: true, surLaPlateforme: 0, ajoutes: 200, statut: 'succes', nombreTransmis: 200 });
    const week2 = [...week1.slice(5), ...generateContracts(3, 12).map((c, i) => ({ ...c, codeContrat: `NEW-${i}` }))];
    const second = await run('safeSync', { contrats: week2 });
    expect(second.bundles[0]).toMatchObject({ synchronise: true, surLaPlateforme: 200, supprimes: 5, ajoutes: 3, supprimesAutorises: 20 });
    expect(await transmittedCodes()).toEqual(codes(week2));
  });

  it('stops a week where a filter dropped 80 % of the contracts, with the counts, and changes nothing', async () => {
    const before = await transmittedCodes();
    const truncated = week1.slice(5).slice(0, Math.floor(before.length * 0.2));
    const error = await failure(run('safeSync', { contrats: truncated }));
    expect(error.type).toBe('DataError');
    expect(error.message).toContain(`elle archiverait ${before.length - truncated.length} contrat(s) (au plus ${Math.floor(before.length / 10)} autorisés)`);
    expect(await transmittedCodes()).toEqual(before);
  });

  it('outputs "not synced" for the same week when asked to continue, and still changes nothing', async () => {
    const before = await transmittedCodes();
    const truncated = week1.slice(5).slice(0, Math.floor(before.length * 0.2));
    const { bundles } = await run('safeSync', { contrats: truncated, whenExceeded: 'output' });
    expect(bundles[0]).toMatchObject({ synchronise: false, statut: 'non-synchronise', supprimes: before.length - truncated.length });
    expect(await transmittedCodes()).toEqual(before);
  });
});
