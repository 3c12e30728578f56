// "Faire un appel API" replayed against a mocked API, under every alternative of the rules Make's documentation
// leaves open: a path on the connection's platform, with the connection's token, and the raw answer.
import { describe, expect, it } from 'vitest';
// First: nock must patch HTTP before the harness loads it.
import { useMockedApi } from '../helpers/mockedApi';
import nock from 'nock';
import { runModule } from '../../sdk/harness/run';
import { semanticsVariants } from '../../sdk/harness/semantics';
import { failure } from '../helpers/failure';
import { API, API_KEY, connection, emittedApp } from '../helpers/app';

useMockedApi();

describe.each(semanticsVariants())('makeApiCall under $label', ({ semantics }) => {
  const run = (input: Record<string, unknown>) => runModule(emittedApp(), 'makeApiCall', { input, connection, semantics });

  it('GETs a path of the platform with the query and headers given, and outputs status, headers and body', async () => {
    nock(API, { reqheaders: { authorization: `Bearer ${API_KEY}`, 'x-trace': 'abc' } })
      .get('/api/sync/v1/get-training-progress-by-students')
      .query({ email: 'lea@exemple.fr' })
      .reply(200, [{ studentName: 'Léa' }], { 'content-type': 'application/json' });
    const { bundles, outputWarnings } = await run({
      url: '/api/sync/v1/get-training-progress-by-students',
      method: 'GET',
      headers: [{ name: 'X-Trace', value: 'abc' }],
      qs: [{ name: 'email', value: 'lea@exemple.fr' }],
    });
    expect(outputWarnings).toEqual([]);
    expect(bundles).toEqual([{ statusCode: 200, headers: { 'content-type': 'application/json' }, body: [{ studentName: 'Léa' }] }]);
  });

  it('POSTs the body as written, with the default JSON content type', async () => {
    const body = '{"groupId":"GRP-1","calendarUrl":"https://ecole.fr/grp1.ics"}';
    nock(API, { reqheaders: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' } })
      .post('/api/sync/v1/calendar-group-ics', (sent) => JSON.stringify(sent) === body)
      .reply(200, { success: true });
    const { bundles } = await run({
      url: '/api/sync/v1/calendar-group-ics',
      method: 'POST',
      headers: [{ name: 'Content-Type', value: 'application/json' }],
      body,
    });
    expect(bundles[0]).toMatchObject({ statusCode: 200, body: { success: true } });
  });

  it("maps an error status through the base's error mapping", async () => {
    nock(API).get('/api/sync/v1/inconnu').reply(404, { error: 'NOT_FOUND', reason: 'Aucune route ne correspond.' });
    expect(await failure(run({ url: '/api/sync/v1/inconnu', method: 'GET' }))).toEqual({
      type: 'RuntimeError',
      message: 'Campus Skills a répondu 404 : Aucune route ne correspond.',
    });
  });

  it.each([['https://ailleurs.example/vol'], ['//ailleurs.example/vol'], ['api/sync/v1/test']])(
    'refuses %s before sending anything: the token only ever goes to the platform',
    async (url) => {
      const error = await failure(run({ url, method: 'GET' }));
      expect(error.type).toBe('BundleValidationError');
      expect(error.message).toMatch(/^url: /);
    },
  );
});
