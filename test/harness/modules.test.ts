// Every module of the app, replayed against a mocked API: the exact requests and the exact bundles, under every
// alternative of every rule Make's documentation leaves open (sdk/harness/semantics.ts): the app must not depend
// on a guess, so each case runs once per alternative and expects the same result.
import { describe, expect, it } from 'vitest';
// First: nock must patch HTTP before the harness loads it.
import { useMockedApi, api } from '../helpers/mockedApi';
import nock from 'nock';
import { runModule, type RunResult } from '../../sdk/harness/run';
import { semanticsVariants, type Semantics } from '../../sdk/harness/semantics';
import { failure } from '../helpers/failure';
import { CONTRACTS_PAGE_SIZE } from '../../api/assumptions';
import { API, API_KEY, connection, contracts, emittedApp } from '../helpers/app';

useMockedApi();


describe.each(semanticsVariants())('under $label', ({ semantics }) => {
  /** Runs a module; its bundles must fit its interface (the output contract), or the test fails. */
  async function run(moduleId: string, input: Record<string, unknown> = {}): Promise<RunResult> {
    const result = await runModule(emittedApp(), moduleId, { input, connection, semantics });
    expect(result.outputWarnings, `${moduleId}: output fits the interface`).toEqual([]);
    return result;
  }
  moduleCases(run, semantics);
});

function moduleCases(run: (moduleId: string, input?: Record<string, unknown>) => Promise<RunResult>, semantics: Semantics): void {
describe('testConnection', () => {
  it('GETs the token test and reports the account', async () => {
    api().get('/api/sync/v1/test').reply(200, { value: 'token valid', name: 'CFA des Métiers' });
    const { bundles } = await run('testConnection');
    expect(bundles).toEqual([{ valide: true, message: 'token valid', nomCompte: 'CFA des Métiers' }]);
  });

  it('stops with InvalidAccessTokenError and the API reason on a refused token', async () => {
    api()
      .get('/api/sync/v1/test')
      .reply(401, { error: 'UNAUTHORIZED', reason: "Vous n'êtes pas autorisé à effectuer cette action." });
    expect(await failure(run('testConnection'))).toEqual({
      type: 'InvalidAccessTokenError',
      message: "Campus Skills a répondu 401 : Vous n'êtes pas autorisé à effectuer cette action.",
    });
  });
});

describe('simulateSync', () => {
  it('POSTs {contrats} to the diff endpoint and outputs the four arrays with their counts', async () => {
    const sent = contracts(3);
    api()
      .post('/api/sync/v1/contrats-diff', (body) => JSON.stringify(body) === JSON.stringify({ contrats: sent }))
      .matchHeader('content-type', 'application/json')
      .reply(200, { same: [sent[0]], added: [sent[1], sent[2]], updated: [], removed: [] });
    const { bundles } = await run('simulateSync', { contrats: sent });
    expect(bundles).toEqual([
      {
        same: [sent[0]],
        added: [sent[1], sent[2]],
        updated: [],
        removed: [],
        counts: { same: 1, added: 2, updated: 0, removed: 0 },
      },
    ]);
  });
});

describe('syncContracts', () => {
  const sent = contracts(2);
  const exactBody = (body: unknown) => JSON.stringify(body) === JSON.stringify({ contrats: sent });

  it('outputs the stable shape from the makeConnector page\'s response {total, contrats}', async () => {
    api().post('/api/sync/v2/contrats', exactBody).reply(200, { total: 2, contrats: sent });
    const { bundles } = await run('syncContracts', { contrats: sent });
    expect(bundles).toEqual([{ statut: 'succes', nombreTransmis: 2, nombreRejetes: 0, avertissement: '' }]);
  });

  it('outputs the same shape from the newer response, with a warning naming the rejected contracts', async () => {
    api()
      .post('/api/sync/v2/contrats', exactBody)
      .reply(200, {
        success: true,
        validContrats: [sent[0]],
        invalidContrats: [{ codeContrat: 'CTR-2', errors: ['dateDebut: format attendu JJ/MM/AAAA'] }],
      });
    const { bundles } = await run('syncContracts', { contrats: sent });
    expect(bundles).toEqual([
      {
        statut: 'partiel',
        nombreTransmis: 1,
        nombreRejetes: 1,
        avertissement: '1 contrat(s) rejeté(s) par Campus Skills : CTR-2 (dateDebut: format attendu JJ/MM/AAAA)',
      },
    ]);
  });

  it('fails with DataError when the API answers success: false, naming the rejected contracts', async () => {
    api()
      .post('/api/sync/v2/contrats', exactBody)
      .reply(200, { success: false, reason: 'Fichier invalide', invalidContrats: [{ codeContrat: 'CTR-1' }, { codeContrat: 'CTR-2' }] });
    expect(await failure(run('syncContracts', { contrats: sent }))).toEqual({
      type: 'DataError',
      message: 'Campus Skills a refusé la synchronisation : Fichier invalide (contrats rejetés : CTR-1; CTR-2)',
    });
  });

  it('shows the API reason of a rejected file as a DataError', async () => {
    const reason = 'contrats[2].emailApprenant : apprenant1@exemple.fr est déjà utilisé par APP-1';
    api().post('/api/sync/v2/contrats', exactBody).reply(400, { error: 'BAD_REQUEST', reason });
    expect(await failure(run('syncContracts', { contrats: sent }))).toEqual({
      type: 'DataError',
      message: `Campus Skills a répondu 400 : ${reason}`,
    });
  });
});

describe('long answers stay readable', () => {
  const sent = contracts(2);

  it('lists the first 10 problems of a 10,000-contract rejection, then how many more', async () => {
    const problems = Array.from({ length: 10_000 }, (_, i) => `- contrats[${i + 1}].emailApprenant : déjà utilisé`);
    const reason = ['La synchronisation est refusée : 10000 erreurs.', ...problems].join('\n');
    api().post('/api/sync/v2/contrats').reply(400, { error: 'BAD_REQUEST', reason });
    const { type, message } = await failure(run('syncContracts', { contrats: sent }));
    expect(type).toBe('DataError');
    expect(message.split('\n')).toEqual([
      'Campus Skills a répondu 400 : La synchronisation est refusée : 10000 erreurs.',
      ...problems.slice(0, 10),
      '… et 9990 autres',
    ]);
  });

  it('names the first 10 of 10,000 contracts set aside, each with why, then how many more', async () => {
    const invalidContrats = Array.from({ length: 10_000 }, (_, i) => ({ codeContrat: `CTR-${i + 1}`, errors: ['nomGroupe: requis'] }));
    api().post('/api/sync/v2/contrats').reply(200, { success: true, validContrats: sent, invalidContrats });
    const [bundle] = (await run('syncContracts', { contrats: sent })).bundles;
    const named = Array.from({ length: 10 }, (_, i) => `CTR-${i + 1} (nomGroupe: requis)`).join('; ');
    expect(bundle).toEqual({
      statut: 'partiel',
      nombreTransmis: 2,
      nombreRejetes: 10_000,
      avertissement: `10000 contrat(s) rejeté(s) par Campus Skills : ${named} … et 9990 autres`,
    });
  });

  it('reduces an HTML error page to its title', async () => {
    const page = `<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body>${'x'.repeat(60_000)}</body></html>`;
    api().post('/api/sync/v2/contrats').reply(503, page, { 'content-type': 'text/html' });
    expect(await failure(run('syncContracts', { contrats: sent }))).toEqual({
      type: 'ConnectionError',
      message: 'Campus Skills a répondu 503 : 503 Service Unavailable',
    });
  });
});

describe('no false success: a 2xx that is not the documented answer stops the module', () => {
  const sent = contracts(2);
  const html = '<html><head><title>Maintenance en cours</title></head><body>Revenez plus tard</body></html>';
  const modules: Array<[string, Record<string, unknown>, (scope: nock.Scope) => nock.Interceptor, string]> = [
    ['syncContracts', { contrats: sent }, (s) => s.post('/api/sync/v2/contrats'), "le résultat d'une synchronisation"],
    ['resetSync', {}, (s) => s.post('/api/sync/v1/contrats-reset'), "le résultat d'une synchronisation"],
    ['simulateSync', { contrats: sent }, (s) => s.post('/api/sync/v1/contrats-diff'), "le résultat d'une simulation"],
    ['testConnection', {}, (s) => s.get('/api/sync/v1/test'), 'la réponse du test du jeton'],
    ['getStudentValidations', { searchBy: 'studentId', studentId: 'APP-1' }, (s) => s.get('/api/v1/grades').query(true), "les validations d'un apprenant"],
    ['listTransmittedContracts', {}, (s) => s.get('/api/sync/v1/contrats-get-all').query(true), 'un objet contenant le tableau « contrats »'],
    ['listIntegratedContracts', {}, (s) => s.get('/api/sync/v1/contrats').query(true), 'un objet contenant le tableau « contrats »'],
  ];
  const bodies: Array<[string, string, Record<string, string>, string]> = [
    ['an HTML maintenance page', html, { 'content-type': 'text/html' }, '« Maintenance en cours »'],
    ['an empty body', '', { 'content-type': 'application/json' }, 'une réponse vide'],
    ['null', 'null', { 'content-type': 'application/json' }, 'une réponse vide'],
    ['JSON of another shape', '{"status":"ok","data":[1,2]}', { 'content-type': 'application/json' }, '« {"status":"ok","data":[1,2]} »'],
  ];
  describe.each(modules)('%s', (moduleId, input, route, expected) => {
    it.each(bodies)('given %s', async (_name, body, headers, received) => {
      route(api()).reply(200, body, headers);
      const { type, message } = await failure(run(moduleId, input));
      expect(type).toBe('DataError');
      expect(message).toMatch(/^Réponse inattendue de Campus Skills\. Attendu : /);
      expect(message).toContain(`Attendu : ${expected}`);
      expect(message).toContain(`Reçu : ${received}.`);
    });
  });
});

describe('resetSync', () => {
  it('names the reset when the API refuses it', async () => {
    api().post('/api/sync/v1/contrats-reset').reply(200, { success: false, message: 'Réinitialisation impossible' });
    expect(await failure(run('resetSync'))).toEqual({
      type: 'DataError',
      message: 'Campus Skills a refusé la réinitialisation : Réinitialisation impossible',
    });
  });

  it('POSTs an empty object to the reset endpoint and reports 0 contracts', async () => {
    api()
      .post('/api/sync/v1/contrats-reset', (body) => JSON.stringify(body) === '{}')
      .reply(200, { total: 0, contrats: [] });
    const { bundles } = await run('resetSync');
    expect(bundles).toEqual([{ statut: 'succes', nombreTransmis: 0, nombreRejetes: 0, avertissement: '' }]);
  });
});

describe.each([
  ['listTransmittedContracts', '/api/sync/v1/contrats-get-all'],
  ['listIntegratedContracts', '/api/sync/v1/contrats'],
])('%s', (moduleId, path) => {
  const all = contracts(237);
  const page = (n: number) => all.slice((n - 1) * CONTRACTS_PAGE_SIZE, n * CONTRACTS_PAGE_SIZE);
  const servePage = (n: number, contrats: unknown[], total: number | undefined = 237) =>
    api()
      .get(path)
      .query({ limit: String(CONTRACTS_PAGE_SIZE), page: String(n) })
      .reply(200, total === undefined ? { contrats } : { total, contrats });

  it('outputs one bundle per contract, page after page, until a short page', async () => {
    for (const n of [1, 2, 3]) servePage(n, page(n));
    const { bundles, log } = await run(moduleId);
    expect(bundles).toEqual(all);
    expect(log.entries.map((e) => e.request.url)).toEqual([
      `${API}${path}?limit=100&page=1`,
      `${API}${path}?limit=100&page=2`,
      `${API}${path}?limit=100&page=3`,
    ]);
  });

  it('stops mid-page at the maximum and requests no further page', async () => {
    for (const n of [1, 2]) servePage(n, page(n));
    const { bundles } = await run(moduleId, { limit: 150 });
    expect(bundles).toEqual(all.slice(0, 150));
  });

  it('pages without a total, and asks once more after a full last page, which comes back empty', async () => {
    const exact = contracts(200);
    servePage(1, exact.slice(0, 100), undefined);
    servePage(2, exact.slice(100), undefined);
    servePage(3, [], undefined);
    const { bundles } = await run(moduleId);
    expect(bundles).toEqual(exact);
  });

  it('stops at an empty page even if the total promised more', async () => {
    servePage(1, page(1), 150);
    servePage(2, [], 150);
    expect((await run(moduleId)).bundles).toEqual(page(1));
  });

  it('outputs no bundle when the account has no contract', async () => {
    servePage(1, [], 0);
    expect((await run(moduleId)).bundles).toEqual([]);
  });

  it('fails with DataError, and outputs nothing, when a later page is not a listing', async () => {
    servePage(1, page(1));
    api().get(path).query({ limit: '100', page: '2' }).reply(200, '<html><title>Maintenance</title></html>', { 'content-type': 'text/html' });
    const error = await failure(run(moduleId));
    expect(error.type).toBe('DataError');
    expect(error.message).toContain('Reçu : « Maintenance ».');
  });
});

describe('error mapping of the base', () => {
  it.each([
    [400, 'DataError'],
    [401, 'InvalidAccessTokenError'],
    [403, 'InvalidAccessTokenError'],
    [422, 'DataError'],
    [429, 'RateLimitError'],
    [500, 'ConnectionError'],
    [501, 'ConnectionError'],
    [502, 'ConnectionError'],
    [503, 'ConnectionError'],
    [404, 'RuntimeError'],
    [504, 'RuntimeError'],
  ])('maps %i to %s with the API reason', async (status, type) => {
    api().get('/api/sync/v1/test').reply(status, { error: 'ERR', reason: `raison ${status}` });
    expect(await failure(run('testConnection'))).toEqual({ type, message: `Campus Skills a répondu ${status} : raison ${status}` });
  });

  it("falls back to the API's message, then its error code, then the raw body", async () => {
    api().get('/api/sync/v1/test').reply(500, { message: 'Erreur interne', error: 'INTERNAL' });
    expect((await failure(run('testConnection'))).message).toBe('Campus Skills a répondu 500 : Erreur interne');
    api().get('/api/sync/v1/test').reply(403, { error: 'FORBIDDEN' });
    expect((await failure(run('testConnection'))).message).toBe('Campus Skills a répondu 403 : FORBIDDEN');
    api().get('/api/sync/v1/test').reply(502, 'Bad Gateway', { 'content-type': 'text/plain' });
    expect((await failure(run('testConnection'))).message).toBe('Campus Skills a répondu 502 : Bad Gateway');
  });
});

describe('input validation', () => {
  it('rejects a contract missing a required field, naming its row, and sends nothing', async () => {
    const sent = contracts(4).map((c) => ({ ...c }) as Record<string, unknown>);
    delete sent[2].nomGroupe;
    const result = await failure(run('syncContracts', { contrats: sent }));
    expect(result.type).toBe('BundleValidationError');
    expect(result.message).toMatch(/^contrats\[3\]\.nomGroupe: /);
  });

  it('rejects a date that is not DD/MM/YYYY, and sends nothing', async () => {
    const sent = contracts(2);
    sent[1].dateDebut = '2025-09-01';
    const result = await failure(run('simulateSync', { contrats: sent }));
    expect(result.type).toBe('BundleValidationError');
    expect(result.message).toMatch(/^contrats\[2\]\.dateDebut: /);
  });

  it.each([
    ['made of spaces', '   '],
    ['with spaces around it', ' CTR-1 '],
  ])('refuses a contract code %s, naming its row and field, and sends nothing', async (_case, code) => {
    const sent = contracts(3);
    sent[1].codeContrat = code;
    const result = await failure(run('syncContracts', { contrats: sent }));
    expect(result.type).toBe('BundleValidationError');
    expect(result.message).toMatch(/^contrats\[2\]\.codeContrat: /);
  });

  it('requires the contrats array', async () => {
    const result = await failure(run('syncContracts', {}));
    expect(result).toMatchObject({ type: 'BundleValidationError' });
    expect(result.message).toMatch(/^contrats: /);
  });

  it('requires the learner id when searching by id', async () => {
    const result = await failure(run('getStudentValidations', { searchBy: 'studentId' }));
    expect(result.type).toBe('BundleValidationError');
    expect(result.message).toMatch(/^studentId: /);
  });
});

describe('output contract', () => {
  it('warns when the API sends a value of another type than the interface declares', async () => {
    api().post('/api/sync/v2/contrats').reply(200, { total: '2', contrats: [] });
    const result = await runModule(emittedApp(), 'syncContracts', { input: { contrats: contracts(1) }, connection, semantics });
    expect(result.outputWarnings).toEqual([
      "bundle 1, nombreTransmis: output '2' is a text, but 'nombreTransmis' is declared 'uinteger' (a number)",
    ]);
  });

  it('warns about a key the interface does not declare, in a listed contract', async () => {
    const listed = [{ ...contracts(1)[0], _id: 'abc' }];
    api().get('/api/sync/v1/contrats').query(true).reply(200, { total: 1, contrats: listed });
    const result = await runModule(emittedApp(), 'listIntegratedContracts', { connection, semantics });
    expect(result.outputWarnings).toHaveLength(1);
    expect(result.outputWarnings[0]).toMatch(/^bundle 1, _id: output key '_id' is not declared/);
  });
});

describe('request log', () => {
  it('shows method, url, headers, body and response, with the token masked everywhere', async () => {
    api().post('/api/sync/v1/contrats-reset').reply(200, { total: 0, contrats: [] });
    const { log } = await run('resetSync');
    expect(log.entries).toHaveLength(1);
    const [entry] = log.entries;
    expect(entry.request).toMatchObject({
      method: 'POST',
      url: `${API}/api/sync/v1/contrats-reset`,
      headers: { Authorization: '********', 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(entry.response).toMatchObject({ status: 200, body: '{"total":0,"contrats":[]}' });
    expect(JSON.stringify(log.entries)).not.toContain(API_KEY);
    expect(log.format()).not.toContain(API_KEY);
  });

  it('masks the token in error messages that echo it', async () => {
    api().get('/api/sync/v1/test').reply(401, { error: 'invalid token', reason: `token ${API_KEY} inconnu` });
    const result = await failure(run('testConnection'));
    expect(result.message).not.toContain(API_KEY);
    expect(result.message).toContain('********');
  });
});
}
