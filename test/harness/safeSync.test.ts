// "Synchroniser en sécurité" replayed against a mocked API, under every alternative of the rules Make's
// documentation leaves open: the exact requests it sends (none past a threshold) and the one bundle it outputs.
import { describe, expect, it } from 'vitest';
// First: nock must patch HTTP before the harness loads it.
import { useMockedApi, api } from '../helpers/mockedApi';
import { runModule } from '../../sdk/harness/run';
import { semanticsVariants, type Semantics } from '../../sdk/harness/semantics';
import { failure } from '../helpers/failure';
import { API, connection, contracts, emittedApp } from '../helpers/app';

useMockedApi();


/** A diff answer with these counts (contracts made up to fill the arrays). */
function diff(counts: { same: number; added: number; updated: number; removed: number }) {
  let next = 1;
  const take = (n: number) => {
    const list = contracts(n, next);
    next += n;
    return list;
  };
  return { same: take(counts.same), added: take(counts.added), updated: take(counts.updated), removed: take(counts.removed) };
}

describe.each(semanticsVariants())('safeSync under $label', ({ semantics }) => {
  const sent = contracts(3);
  const sentBody = (body: unknown) => JSON.stringify(body) === JSON.stringify({ contrats: sent });
  async function run(input: Record<string, unknown>) {
    const result = await runModule(emittedApp(), 'safeSync', { input: { contrats: sent, ...input }, connection, semantics: semantics as Semantics });
    expect(result.outputWarnings).toEqual([]);
    return result;
  }

  it('simulates, then syncs when the changes are within the default thresholds (10 % removed, 25 % updated)', async () => {
    api().post('/api/sync/v1/contrats-diff', sentBody).reply(200, diff({ same: 85, added: 4, updated: 5, removed: 10 }));
    api().post('/api/sync/v2/contrats', sentBody).reply(200, { total: 93, contrats: [] });
    const { bundles, log } = await run({});
    expect(log.entries.map((e) => `${e.request.method} ${new URL(e.request.url).pathname}`)).toEqual([
      'POST /api/sync/v1/contrats-diff',
      'POST /api/sync/v2/contrats',
    ]);
    expect(bundles).toEqual([
      {
        synchronise: true,
        raison: '',
        surLaPlateforme: 100,
        inchanges: 85,
        ajoutes: 4,
        modifies: 5,
        supprimes: 10,
        supprimesAutorises: 10,
        modifiesAutorises: 25,
        statut: 'succes',
        nombreTransmis: 93,
        nombreRejetes: 0,
        avertissement: '',
      },
    ]);
  });

  it('stops with a DataError giving the counts and the thresholds, and sends no sync, past a threshold', async () => {
    api().post('/api/sync/v1/contrats-diff').reply(200, diff({ same: 20, added: 0, updated: 0, removed: 80 }));
    const error = await failure(run({}));
    expect(error).toEqual({
      type: 'DataError',
      message:
        "Synchronisation bloquée, rien n'a été envoyé : elle archiverait 80 contrat(s) (au plus 10 autorisés) et en modifierait 0 (au plus 25), " +
        "sur 100 contrats actuellement sur Campus Skills. Vérifiez l'export de votre logiciel (un filtre a-t-il retiré des contrats ?) ; " +
        'si ces changements sont voulus, relevez les seuils de ce module.',
    });
  });

  it('outputs "not synced" with the reason instead of stopping, when asked', async () => {
    api().post('/api/sync/v1/contrats-diff').reply(200, diff({ same: 70, added: 0, updated: 30, removed: 0 }));
    const { bundles, log } = await run({ whenExceeded: 'output' });
    expect(log.entries).toHaveLength(1);
    expect(bundles[0]).toMatchObject({
      synchronise: false,
      modifies: 30,
      modifiesAutorises: 25,
      statut: 'non-synchronise',
      nombreTransmis: 0,
      nombreRejetes: 0,
      avertissement: '',
    });
    expect(bundles[0].raison).toMatch(/^Synchronisation bloquée, rien n'a été envoyé : elle archiverait 0 contrat\(s\) .* en modifierait 30 \(au plus 25\)/);
  });

  it.each([
    ['counts', { maxRemoved: '3', maxUpdated: '0' }, { removed: 3, updated: 0 }, true],
    ['counts, one over', { maxRemoved: '2' }, { removed: 3, updated: 0 }, false],
    ['a decimal percentage, rounded down', { maxRemoved: '12.5%' }, { removed: 12, updated: 0 }, true],
    ['100 %', { maxRemoved: '100%', maxUpdated: '100%' }, { removed: 60, updated: 40 }, true],
  ])('reads thresholds as %s', async (_case, thresholds, changes, syncs) => {
    api().post('/api/sync/v1/contrats-diff').reply(200, diff({ same: 100 - changes.removed - changes.updated, added: 0, ...changes }));
    if (syncs) api().post('/api/sync/v2/contrats').reply(200, { total: 3, contrats: [] });
    const { bundles } = await run({ ...thresholds, whenExceeded: 'output' });
    expect(bundles[0].synchronise).toBe(syncs);
  });

  it('syncs a first sync, where every contract is new (nothing on the platform yet)', async () => {
    api().post('/api/sync/v1/contrats-diff').reply(200, diff({ same: 0, added: 3, updated: 0, removed: 0 }));
    api().post('/api/sync/v2/contrats').reply(200, { success: true, validContrats: sent, invalidContrats: [] });
    const { bundles } = await run({});
    expect(bundles[0]).toMatchObject({ synchronise: true, surLaPlateforme: 0, ajoutes: 3, statut: 'succes', nombreTransmis: 3 });
  });

  it.each([['-5'], ['150%'], ['dix'], ['5 %%']])('refuses the threshold %s in French before any request', async (value) => {
    const error = await failure(run({ maxRemoved: value }));
    expect(error).toEqual({
      type: 'DataError',
      message:
        "Seuil invalide : « Suppressions autorisées au plus » attend un nombre de contrats (par exemple 5) ou un pourcentage de 0 à 100 (par exemple 10%). Rien n'a été envoyé.",
    });
  });

  it('stops on a simulation that is not one (a maintenance page), before any sync', async () => {
    api().post('/api/sync/v1/contrats-diff').reply(200, '<html><title>Maintenance</title></html>', { 'content-type': 'text/html' });
    const error = await failure(run({}));
    expect(error.type).toBe('DataError');
    expect(error.message).toMatch(/^Réponse inattendue de Campus Skills\. Attendu : le résultat d'une simulation .* Reçu : « Maintenance »\./);
  });

  it("reports the sync's rejected contracts, with why", async () => {
    api().post('/api/sync/v1/contrats-diff').reply(200, diff({ same: 10, added: 0, updated: 0, removed: 0 }));
    api()
      .post('/api/sync/v2/contrats')
      .reply(200, { success: true, validContrats: sent.slice(1), invalidContrats: [{ codeContrat: 'CTR-1', errors: ['nomGroupe: requis'] }] });
    const { bundles } = await run({});
    expect(bundles[0]).toMatchObject({
      synchronise: true,
      statut: 'partiel',
      nombreTransmis: 2,
      nombreRejetes: 1,
      avertissement: '1 contrat(s) rejeté(s) par Campus Skills : CTR-1 (nomGroupe: requis)',
    });
  });
});
