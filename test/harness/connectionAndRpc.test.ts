// The connection's verification call, RPCs, and IML failures during a run.
import { describe, expect, it } from 'vitest';
// First: nock must patch HTTP before the harness loads it.
import { useMockedApi } from '../helpers/mockedApi';
import nock from 'nock';
import { app } from '../../app';
import { emitApp } from '../../sdk/emit/emitApp';
import { mapReader, readEmittedApp } from '../../sdk/emitted';
import { runModule, runRpc, verifyConnection } from '../../sdk/harness/run';
import { semanticsVariants } from '../../sdk/harness/semantics';
import { failure } from '../helpers/failure';
import type { AppDefinition, Request } from '../../sdk/types';
import { API, API_KEY, connection, emittedApp } from '../helpers/app';

useMockedApi();


describe.each(semanticsVariants())('connection verification under $label', ({ semantics }) => {
  it('calls the token test on the chosen platform and labels the connection with the account name', async () => {
    nock('https://app.ypareo-skills.com', { reqheaders: { authorization: `Bearer ${API_KEY}` } })
      .get('/api/sync/v1/test')
      .reply(200, { value: 'token valid', name: 'CFA Ypareo' });
    const verified = await verifyConnection(emittedApp(), 'campusSkills', {
      apiKey: API_KEY,
      baseUrl: 'https://app.ypareo-skills.com',
    }, { semantics });
    expect(verified.label).toBe('CFA Ypareo');
    expect(verified.connection).toMatchObject({ apiKey: API_KEY, baseUrl: 'https://app.ypareo-skills.com' });
    expect(JSON.stringify(verified.log.entries)).not.toContain(API_KEY);
  });

  it('uses a white-label https URL when "custom" is chosen', async () => {
    nock('https://competences.mon-ecole.fr').get('/api/sync/v1/test').reply(200, { value: 'token valid', name: 'Mon école' });
    const verified = await verifyConnection(emittedApp(), 'campusSkills', {
      apiKey: API_KEY,
      baseUrl: 'custom',
      customBaseUrl: 'https://competences.mon-ecole.fr',
    }, { semantics });
    expect(verified.label).toBe('Mon école');
  });

  it('refuses a custom URL that is not https, before any request', async () => {
    const result = await failure(
      verifyConnection(emittedApp(), 'campusSkills', { apiKey: API_KEY, baseUrl: 'custom', customBaseUrl: 'http://insecure.example' }, { semantics }),
    );
    expect(result.type).toBe('BundleValidationError');
    expect(result.message).toMatch(/^customBaseUrl: /);
  });

  it('requires the API key', async () => {
    const result = await failure(verifyConnection(emittedApp(), 'campusSkills', { baseUrl: API }, { semantics }));
    expect(result).toEqual({ type: 'BundleValidationError', message: 'apiKey: Field is mandatory.' });
  });

  it('refuses a 200 answer that carries an error, as InvalidAccessTokenError', async () => {
    nock(API).get('/api/sync/v1/test').reply(200, { error: 'invalid token', reason: 'Jeton expiré' });
    expect(await failure(verifyConnection(emittedApp(), 'campusSkills', { apiKey: API_KEY, baseUrl: API }, { semantics }))).toEqual({
      type: 'InvalidAccessTokenError',
      message: 'Campus Skills a refusé le jeton : Jeton expiré',
    });
  });

  it('refuses a 200 answer that is not the token test (a maintenance page), as DataError', async () => {
    nock(API).get('/api/sync/v1/test').reply(200, '<html><title>Maintenance</title></html>', { 'content-type': 'text/html' });
    expect(await failure(verifyConnection(emittedApp(), 'campusSkills', { apiKey: API_KEY, baseUrl: API }, { semantics }))).toEqual({
      type: 'DataError',
      message:
        'Réponse inattendue de Campus Skills. Attendu : la réponse du test du jeton (« value » et « name »). Reçu : « Maintenance ». Réessayez plus tard ; si cela persiste, la plateforme est peut-être en maintenance.',
    });
  });

  it('reports a refused token with the reason, as InvalidAccessTokenError', async () => {
    nock(API)
      .get('/api/sync/v1/test')
      .reply(401, { error: 'invalid token', reason: 'Your token is invalid please contact the administrator' });
    expect(await failure(verifyConnection(emittedApp(), 'campusSkills', { apiKey: 'bad-key-0000', baseUrl: API }, { semantics }))).toEqual({
      type: 'InvalidAccessTokenError',
      message: 'Campus Skills a répondu 401 : Your token is invalid please contact the administrator',
    });
  });
});

/** The real app plus what a test needs, emitted and read back as the harness reads dist/. */
function appWith(change: (copy: AppDefinition) => void) {
  const copy = structuredClone(app);
  change(copy);
  return readEmittedApp(mapReader(emitApp(copy)));
}

describe('RPCs', () => {
  const withRpc = appWith((a) => {
    a.rpcs.push({
      id: 'probeGroups',
      label: 'Groupes',
      connection: 'campusSkills',
      params: [],
      communication: {
        url: '/api/sync/v1/contrats-get-all',
        qs: { limit: 100, page: 1 },
        response: {
          iterate: '{{body.contrats}}',
          output: { label: '{{item.nomGroupe}}', value: '{{item.codeGroupe}}' },
        },
      },
    });
  });

  it('runs with the base and the connection, one option per item', async () => {
    nock(API, { reqheaders: { authorization: `Bearer ${API_KEY}` } })
      .get('/api/sync/v1/contrats-get-all')
      .query({ limit: '100', page: '1' })
      .reply(200, { total: 2, contrats: [{ nomGroupe: 'BTS 1', codeGroupe: 'G1' }, { nomGroupe: 'BTS 2', codeGroupe: 'G2' }] });
    const { bundles } = await runRpc(withRpc, 'probeGroups', { connection });
    expect(bundles).toEqual([
      { label: 'BTS 1', value: 'G1' },
      { label: 'BTS 2', value: 'G2' },
    ]);
  });
});

describe('IML failures during a run', () => {
  it('stop the module with a RuntimeError naming the function and position, before sending', async () => {
    const broken = appWith((a) => {
      const test = a.modules.find((m) => m.id === 'testConnection')!;
      (test.communication as Request).response = { output: { nom: '{{fromat(body.name)}}' } };
    });
    nock(API).get('/api/sync/v1/test').reply(200, { value: 'token valid', name: 'CFA' });
    const result = await failure(runModule(broken, 'testConnection', { connection }));
    expect(result).toEqual({ type: 'RuntimeError', message: "IML: unknown function 'fromat' at 2" });
  });
});

describe('module outputs', () => {
  const withModule = (type: 'action' | 'search' | 'trigger', communication: Request) =>
    appWith((a) => {
      a.modules.push({
        id: 'probe',
        label: 'Sonder',
        description: 'Un module de test.',
        type,
        connection: 'campusSkills',
        mappableParams: [],
        communication,
        interface: [],
        samples: {},
      });
      a.groups[0].modules.push('probe');
    });

  it('an action whose output is an array fails with the DataError Make documents', async () => {
    nock(API).get('/list').reply(200, [{ a: 1 }, { a: 2 }]);
    const result = await failure(runModule(withModule('action', { url: '/list' }), 'probe', { connection }));
    expect(result).toEqual({ type: 'DataError', message: 'Invalid module output. Expected Object, but found Array.' });
  });

  it('a search whose output is an array, without iterate, returns one bundle per element', async () => {
    nock(API).get('/list').reply(200, [{ a: 1 }, { a: 2 }]);
    const { bundles } = await runModule(withModule('search', { url: '/list' }), 'probe', { connection });
    expect(bundles).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('an action answered 204 with no body returns one empty bundle', async () => {
    nock(API).delete('/thing').reply(204);
    const { bundles } = await runModule(withModule('action', { url: '/thing', method: 'DELETE' }), 'probe', { connection });
    expect(bundles).toEqual([{}]);
  });

  it('a module type the harness does not implement is refused, not run unfaithfully', async () => {
    const result = await failure(runModule(withModule('trigger', { url: '/list' }), 'probe', { connection }));
    expect(result.type).toBe('UnexpectedError');
    expect(result.message).toContain("Module type 'trigger' is not supported by this harness");
  });
});
