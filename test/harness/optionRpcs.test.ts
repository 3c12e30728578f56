// The RPCs behind the learner and group fields (listLearners, listGroups) replayed against a mocked API, under every
// alternative of the rules Make's documentation leaves open: every page of the transmitted contracts, as the
// listings read them, one option per distinct learner or group of a page.
import { describe, expect, it } from 'vitest';
// First: nock must patch HTTP before the harness loads it.
import { useMockedApi } from '../helpers/mockedApi';
import nock from 'nock';
import { runRpc } from '../../sdk/harness/run';
import { semanticsVariants } from '../../sdk/harness/semantics';
import { CONTRACTS_PAGE_SIZE } from '../../api/assumptions';
import { API, API_KEY, connection, contracts, emittedApp } from '../helpers/app';
import { refusal, sentRequests } from '../helpers/sent';

useMockedApi();

const PATH = '/api/sync/v1/contrats-get-all';
const servePage = (page: number, contrats: unknown[]) =>
  nock(API, { reqheaders: { authorization: `Bearer ${API_KEY}` } })
    .get(PATH)
    .query({ limit: String(CONTRACTS_PAGE_SIZE), page: String(page) })
    .reply(200, { total: 999, contrats });
const pageRequest = (page: number) => ({ method: 'GET', path: PATH, query: { limit: String(CONTRACTS_PAGE_SIZE), page: String(page) } });

/** 150 contracts of 140 learners: learners 1-10 have a second contract, next on the same page. */
function schoolContracts() {
  const list = contracts(140).flatMap((c, i) => (i < 10 ? [c, { ...c, codeContrat: `${c.codeContrat}-AN2`, codeGroupe: 'GRP-2', nomGroupe: 'Groupe 2' }] : [c]));
  return list.map((c, i) => (i >= 100 ? { ...c, codeGroupe: 'GRP-3', nomGroupe: 'Groupe 3' } : c));
}

describe.each(semanticsVariants())('under $label', ({ semantics }) => {
  const all = schoolContracts();
  const serveAll = () => {
    servePage(1, all.slice(0, 100));
    servePage(2, all.slice(100));
  };

  describe('listLearners', () => {
    it('lists each learner of a page once, "Prénom Nom (email)" with the email as value, over every page', async () => {
      serveAll();
      const { bundles, log } = await runRpc(emittedApp(), 'listLearners', { connection, semantics });
      expect(sentRequests(log)).toEqual([pageRequest(1), pageRequest(2)]);
      expect(bundles).toHaveLength(140);
      expect(bundles.slice(0, 2)).toEqual([
        { label: 'Léa Nom1 (apprenant1@exemple.fr)', value: 'apprenant1@exemple.fr' },
        { label: 'Léa Nom2 (apprenant2@exemple.fr)', value: 'apprenant2@exemple.fr' },
      ]);
      expect(new Set(bundles.map((b) => b.value)).size).toBe(140);
    });

    it("gives the codeApprenant as value to a field that searches by id", async () => {
      serveAll();
      const { bundles } = await runRpc(emittedApp(), 'listLearners', { input: { searchBy: 'studentId' }, connection, semantics });
      expect(bundles[0]).toEqual({ label: 'Léa Nom1 (apprenant1@exemple.fr)', value: 'APP-1' });
      expect(new Set(bundles.map((b) => b.value)).size).toBe(140);
    });

    it('lists a learner whose two contracts lie on two pages twice, with the same label and value', async () => {
      const [first, second] = contracts(2);
      servePage(1, [...contracts(99, 3), first]);
      servePage(2, [{ ...first, codeContrat: 'CTR-1-AN2' }, second]);
      const { bundles } = await runRpc(emittedApp(), 'listLearners', { connection, semantics });
      expect(bundles.filter((b) => b.value === first.emailApprenant)).toEqual([
        { label: 'Léa Nom1 (apprenant1@exemple.fr)', value: 'apprenant1@exemple.fr' },
        { label: 'Léa Nom1 (apprenant1@exemple.fr)', value: 'apprenant1@exemple.fr' },
      ]);
    });

    it('stops at 300 learners (3 pages), as Make asks of an options RPC', async () => {
      for (const page of [1, 2, 3]) servePage(page, contracts(100, (page - 1) * 100 + 1));
      const { bundles, log } = await runRpc(emittedApp(), 'listLearners', { connection, semantics });
      expect(bundles).toHaveLength(300);
      expect(log.entries).toHaveLength(3);
    });

    it('stops with the unexpected answer rather than an empty list', async () => {
      nock(API).get(PATH).query(true).reply(200, '<html><title>Maintenance</title></html>', { 'content-type': 'text/html' });
      const { type, message } = await refusal(runRpc(emittedApp(), 'listLearners', { connection, semantics }));
      expect(type).toBe('DataError');
      expect(message).toContain('Reçu : « Maintenance ».');
    });
  });

  describe('listGroups', () => {
    it('lists each group of a page once, its name as label and its code as value, over every page', async () => {
      serveAll();
      const { bundles, log } = await runRpc(emittedApp(), 'listGroups', { connection, semantics });
      expect(sentRequests(log)).toEqual([pageRequest(1), pageRequest(2)]);
      expect(bundles).toEqual([
        { label: 'BTS MCO Rennes 1ère année', value: 'GRP-BTSMCO-REN-1' },
        { label: 'Groupe 2', value: 'GRP-2' },
        { label: 'Groupe 3', value: 'GRP-3' },
      ]);
    });

    it('lists nothing for an account without contracts', async () => {
      servePage(1, []);
      expect((await runRpc(emittedApp(), 'listGroups', { connection, semantics })).bundles).toEqual([]);
    });
  });
});
