// "Synchroniser les changements de contrats" and "Supprimer tous les contrats (bac à sable)" replayed against a
// mocked API, under every alternative of the rules Make's documentation leaves open: the exact requests, the exact
// bundles, and nothing sent when the module must refuse.
import { describe, expect, it } from 'vitest';
// First: nock must patch HTTP before the harness loads it.
import { useMockedApi, api, sameJson } from '../helpers/mockedApi';
import { runModule } from '../../sdk/harness/run';
import { semanticsVariants } from '../../sdk/harness/semantics';
import { API, API_KEY, connection, contracts, emittedApp } from '../helpers/app';
import { refusal, sentRequests } from '../helpers/sent';

useMockedApi();


const CHANGES_PATH = '/api/sync/v2/contrats/changes';

describe.each(semanticsVariants())('under $label', ({ semantics }) => {
  async function run(moduleId: string, input: Record<string, unknown> = {}, onConnection: Record<string, unknown> = connection) {
    const result = await runModule(emittedApp(), moduleId, { input, connection: onConnection, semantics });
    expect(result.outputWarnings, `${moduleId}: output fits the interface`).toEqual([]);
    return result;
  }

  describe('syncContractChanges', () => {
    const [added, updated] = [contracts(2, 1), contracts(1, 3)];

    it('POSTs the three lists under changes and outputs the answer', async () => {
      const body = { changes: { added, updated, removed: ['CTR-9', 'CTR-10'] } };
      api().post(CHANGES_PATH, sameJson(body)).reply(200, { success: true, added: 2, updated: 1, removed: 2, total: 41 });
      const { bundles, log } = await run('syncContractChanges', { added, updated, removed: ['CTR-9', 'CTR-10'] });
      expect(sentRequests(log)).toEqual([{ method: 'POST', path: CHANGES_PATH, query: {}, body }]);
      expect(bundles).toEqual([{ success: true, added: 2, updated: 1, removed: 2, total: 41 }]);
    });

    it('sends an empty list as [] (the API documents the three lists), and a week without change as three []', async () => {
      api().post(CHANGES_PATH, sameJson({ changes: { added: [], updated, removed: [] } })).reply(200, { success: true, added: 0, updated: 1, removed: 0, total: 40 });
      expect((await run('syncContractChanges', { updated })).bundles).toEqual([{ success: true, added: 0, updated: 1, removed: 0, total: 40 }]);
      api().post(CHANGES_PATH, sameJson({ changes: { added: [], updated: [], removed: [] } })).reply(200, { success: true, added: 0, updated: 0, removed: 0, total: 40 });
      expect((await run('syncContractChanges', {})).bundles).toEqual([{ success: true, added: 0, updated: 0, removed: 0, total: 40 }]);
    });

    it('outputs only what the API states: a bare confirmation gives no counts', async () => {
      api().post(CHANGES_PATH).reply(200, { success: true });
      expect((await run('syncContractChanges', { removed: ['CTR-1'] })).bundles).toEqual([{ success: true }]);
    });

    it('names the API reason of a refused change set, as a DataError', async () => {
      const reason = 'Les changements sont refusés :\n- changes.removed[1] : le contrat "CTR-404" n\'existe pas, il ne peut pas être supprimé.';
      api().post(CHANGES_PATH).reply(400, { error: 'BAD_REQUEST', reason });
      expect(await refusal(run('syncContractChanges', { removed: ['CTR-404'] }))).toMatchObject({
        type: 'DataError',
        message: `Campus Skills a répondu 400 : ${reason}`,
      });
    });

    it('reports success: false as a refusal with the reason', async () => {
      api().post(CHANGES_PATH).reply(200, { success: false, reason: 'Synchronisation en cours' });
      expect(await refusal(run('syncContractChanges', { removed: ['CTR-1'] }))).toMatchObject({
        type: 'DataError',
        message: 'Campus Skills a refusé les changements : Synchronisation en cours',
      });
    });

    it.each([
      ['a maintenance page', '<html><head><title>Maintenance</title></head></html>', { 'content-type': 'text/html' }, '« Maintenance »'],
      ['an empty body', '', { 'content-type': 'application/json' }, 'une réponse vide'],
      ['another shape', '{"total":3,"contrats":[]}', { 'content-type': 'application/json' }, '« {"total":3,"contrats":[]} »'],
    ])('does not read %s as a success', async (_case, body, headers, received) => {
      api().post(CHANGES_PATH).reply(200, body, headers);
      const { type, message } = await refusal(run('syncContractChanges', { removed: ['CTR-1'] }));
      expect(type).toBe('DataError');
      expect(message).toBe(
        `Réponse inattendue de Campus Skills. Attendu : une confirmation de Campus Skills (« success » à true). Reçu : ${received}. Réessayez plus tard ; si cela persiste, la plateforme est peut-être en maintenance.`,
      );
    });

    it.each([
      ['made of spaces', '   '],
      ['with spaces around it', ' CTR-1 '],
    ])('refuses a removed code %s before sending anything', async (_case, code) => {
      const { type, message, sent } = await refusal(run('syncContractChanges', { removed: ['CTR-2', code] }));
      expect({ type, sent }).toEqual({ type: 'BundleValidationError', sent: [] });
      expect(message).toMatch(/^removed\[2\]: /);
    });

    it('refuses an added contract missing a required field, naming its row, before sending anything', async () => {
      const broken = contracts(2).map((c) => ({ ...c }) as Record<string, unknown>);
      delete broken[1].emailApprenant;
      const { type, message, sent } = await refusal(run('syncContractChanges', { added: broken }));
      expect({ type, sent }).toEqual({ type: 'BundleValidationError', sent: [] });
      expect(message).toMatch(/^added\[2\]\.emailApprenant: /);
    });
  });

  describe('deleteAllContracts', () => {
    const onSandbox = { ...connection, sandbox: true };

    it('sends DELETE on a connection marked as a sandbox account, and outputs the answer', async () => {
      api().delete('/api/sync/v1/contrats').reply(200, { success: true, deleted: 120 });
      const { bundles, log } = await run('deleteAllContracts', {}, onSandbox);
      expect(sentRequests(log)).toEqual([{ method: 'DELETE', path: '/api/sync/v1/contrats', query: {} }]);
      expect(bundles).toEqual([{ success: true, deleted: 120 }]);
    });

    it.each([
      ['not marked as a sandbox account', { ...connection, sandbox: false }],
      ['saved before the sandbox checkbox existed', { apiKey: API_KEY, baseUrl: API }],
    ])('refuses in French, sending nothing, on a connection %s', async (_case, onConnection) => {
      expect(await refusal(run('deleteAllContracts', {}, onConnection))).toEqual({
        type: 'DataError',
        message:
          "Suppression refusée : cette connexion n'est pas marquée « Compte bac à sable ». Supprimer tous les contrats n'est possible que sur un compte bac à sable de Campus Skills. " +
          "Si ce jeton est celui d'un bac à sable, cochez « Compte bac à sable » dans la connexion ; pour retirer des contrats d'un compte réel, utilisez « Synchroniser les contrats ». Rien n'a été envoyé.",
        sent: [],
      });
    });

    it("shows the API's refusal of an account that is not a sandbox after all", async () => {
      api()
        .delete('/api/sync/v1/contrats')
        .reply(403, { error: 'FORBIDDEN', reason: "La suppression de tous les contrats n'est possible que sur un compte bac à sable." });
      expect(await refusal(run('deleteAllContracts', {}, onSandbox))).toMatchObject({
        type: 'InvalidAccessTokenError',
        message: "Campus Skills a répondu 403 : La suppression de tous les contrats n'est possible que sur un compte bac à sable.",
      });
    });

    it('does not read an answer without success: true as a deletion', async () => {
      api().delete('/api/sync/v1/contrats').reply(200, {});
      const { type, message } = await refusal(run('deleteAllContracts', {}, onSandbox));
      expect(type).toBe('DataError');
      expect(message).toContain('Attendu : une confirmation de Campus Skills (« success » à true). Reçu : « {} ».');
    });
  });
});
