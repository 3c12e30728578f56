// The communication semantics of the harness, one rule at a time, against a mocked host.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
// First: nock must patch HTTP before the harness loads it.
import { useMockedApi } from '../helpers/mockedApi';
import nock from 'nock';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { runCommunication, type CommunicationRun } from '../../sdk/harness/runCommunication';
import { sendHttp } from '../../sdk/harness/http';
import { RequestLog } from '../../sdk/harness/requestLog';
import { DEFAULT_SEMANTICS, maxPages } from '../../sdk/harness/semantics';

const MAX_PAGES = maxPages(DEFAULT_SEMANTICS);
import type { Base, Request } from '../../sdk/types';
import { communicationFailure } from '../helpers/failure';

const HOST = 'https://api.example.test';

useMockedApi();

function setup(parameters: Record<string, unknown> = {}, base: Base = { baseUrl: HOST }): CommunicationRun {
  return { context: { parameters, connection: { apiKey: 'k-123456' } }, base, send: sendHttp, log: new RequestLog(['k-123456']) };
}

describe('temp and condition', () => {
  it('evaluates request temp before the condition, and skips the request when it is false', async () => {
    const request: Request = { temp: { go: '{{parameters.go}}' }, condition: '{{temp.go}}', url: '/x' };
    const result = await runCommunication(request, setup({ go: false }));
    expect(result).toMatchObject({ produced: false, items: [] });
  });

  it('outputs the default of a {condition, default} when the condition is false', async () => {
    const request: Request = { condition: { condition: '{{false}}', default: { skipped: true } }, url: '/x' };
    expect((await runCommunication(request, setup())).items).toEqual([{ skipped: true }]);
  });

  it('carries temp across several requests and outputs the last one', async () => {
    nock(HOST).get('/users/7').reply(200, { id: 7, team: 'blue' });
    nock(HOST).get('/teams/blue').reply(200, { name: 'Blue team' });
    const result = await runCommunication(
      [
        { url: '/users/{{parameters.id}}', response: { temp: { team: '{{body.team}}' } } },
        { url: '/teams/{{temp.team}}', response: { output: { user: '{{parameters.id}}', team: '{{body.name}}' } } },
      ],
      setup({ id: 7 }),
    );
    expect(result.items).toEqual([{ user: 7, team: 'Blue team' }]);
  });

  it('runs a request-less entry: no HTTP, output still evaluated', async () => {
    const result = await runCommunication({ response: { output: { sum: '{{parameters.a + parameters.b}}' } } }, setup({ a: 2, b: 3 }));
    expect(result.items).toEqual([{ sum: 5 }]);
  });
});

describe('request building', () => {
  it('repeats array qs keys, drops undefined ones and replaces the url query', async () => {
    nock(HOST).get('/search').query({ tag: ['a', 'b'], q: 'x y' }).reply(200, {});
    const run = setup();
    await runCommunication({ url: '/search?old=1', qs: { tag: ['a', 'b'], q: 'x y', missing: '{{parameters.nothing}}' } }, run);
    expect(run.log.entries[0].request.url).toBe(`${HOST}/search?tag=a&tag=b&q=x%20y`);
  });

  it('sends headers Title-Cased, base headers merged under the module ones', async () => {
    nock(HOST)
      .get('/h')
      .matchHeader('X-Api-Key', 'k-123456')
      .matchHeader('Accept-Language', 'fr')
      .reply(200, {});
    const base: Base = { baseUrl: HOST, headers: { 'x-api-key': '{{connection.apiKey}}', 'accept-language': 'en' } };
    const run = setup({}, base);
    await runCommunication({ url: '/h', headers: { 'ACCEPT-language': 'fr' } }, run);
    expect(Object.keys(run.log.entries[0].request.headers)).toEqual(['X-Api-Key', 'Accept-Language']);
  });

  it('encodes a urlencoded body and sets its content type', async () => {
    nock(HOST)
      .post('/form', 'a=1&b=deux%20mots')
      .matchHeader('content-type', 'application/x-www-form-urlencoded')
      .reply(200, {});
    const run = setup();
    await runCommunication({ url: '/form', method: 'POST', type: 'urlencoded', body: { a: 1, b: 'deux mots' } }, run);
    expect(run.log.entries[0].request).toMatchObject({
      body: 'a=1&b=deux%20mots',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
  });

  it('ignores the body of a GET', async () => {
    nock(HOST).get('/g').reply(200, function () {
      return { length: this.req.headers['content-length'] ?? null, type: this.req.headers['content-type'] ?? null };
    });
    const result = await runCommunication({ url: '/g', body: { a: 1 } }, setup());
    expect(result.items).toEqual([{ length: null, type: null }]);
  });

  it('encodes the final URL, % included: an already encoded part is encoded twice, as Make warns', async () => {
    nock(HOST).get('/files/a%20b%252Fc').reply(200, {});
    const run = setup();
    await runCommunication({ url: '/files/a b%2Fc' }, run);
    expect(run.log.entries[0].request.url).toBe(`${HOST}/files/a%20b%252Fc`);
  });

  it('with encodeUrl false, sends the URL as the app encoded it', async () => {
    nock(HOST).get('/files/a%20b%2Fc').reply(200, {});
    const run = setup();
    await runCommunication({ url: '/files/a%20b%2Fc', encodeUrl: false }, run);
    expect(run.log.entries[0].request.url).toBe(`${HOST}/files/a%20b%2Fc`);
  });

  it('joins only a url starting with / to the base URL: a forgotten slash fails', async () => {
    const error = await communicationFailure(runCommunication({ url: 'users' }, setup()));
    expect([error.type, error.message]).toEqual(['RuntimeError', 'Invalid URL: users']);
  });

  it('applies the base body to POST and PUT only, merged under the module body', async () => {
    nock(HOST).post('/p', { from: 'base', own: 1 }).reply(200, {});
    nock(HOST).patch('/p', { own: 2 }).reply(200, {});
    const base: Base = { baseUrl: HOST, body: { from: 'base' } };
    await runCommunication({ url: '/p', method: 'POST', body: { own: 1 } }, setup({}, base));
    const run = setup({}, base);
    await runCommunication({ url: '/p', method: 'PATCH', body: { own: 2 } }, run);
    expect(run.log.entries[0].request.body).toBe('{"own":2}');
  });

  it('keeps an absolute url instead of the base url', async () => {
    nock('https://other.example.test').get('/abs').reply(200, { ok: true });
    expect((await runCommunication({ url: 'https://other.example.test/abs' }, setup())).items).toEqual([{ ok: true }]);
  });
});

describe('redirects', () => {
  it('follows a GET redirect by default, and logs both requests', async () => {
    nock(HOST).get('/old').reply(302, '', { location: '/new' });
    nock(HOST).get('/new').reply(200, { ok: true });
    const run = setup();
    const result = await runCommunication({ url: '/old' }, run);
    expect(result.items).toEqual([{ ok: true }]);
    expect(run.log.entries.map((e) => [e.request.method, e.request.url, e.response?.status])).toEqual([
      ['GET', `${HOST}/old`, 302],
      ['GET', `${HOST}/new`, 200],
    ]);
  });

  it('turns a POST answered 303 into a GET, and repeats a POST answered 307', async () => {
    nock(HOST).post('/a', { x: 1 }).reply(303, '', { location: '/a-result' });
    nock(HOST).get('/a-result').reply(200, { step: 'get' });
    nock(HOST).post('/b', { x: 1 }).reply(307, '', { location: '/b2' });
    nock(HOST).post('/b2', { x: 1 }).reply(200, { step: 'post' });
    expect((await runCommunication({ url: '/a', method: 'POST', body: { x: 1 } }, setup())).items).toEqual([{ step: 'get' }]);
    expect((await runCommunication({ url: '/b', method: 'POST', body: { x: 1 } }, setup())).items).toEqual([{ step: 'post' }]);
  });

  it('does not follow when followRedirects is false: the 3xx response is the answer', async () => {
    nock(HOST).get('/old').reply(302, { moved: true }, { location: '/new' });
    const result = await runCommunication({ url: '/old', followRedirects: false }, setup());
    expect(result.items).toEqual([{ moved: true }]);
  });

  it('stops a redirect loop with an error', async () => {
    nock(HOST).get('/loop').times(11).reply(302, '', { location: '/loop' });
    const error = await communicationFailure(runCommunication({ url: '/loop' }, setup()));
    expect(error.message).toBe(`Too many redirects (more than 10) from ${HOST}/loop.`);
  });
});

describe('response pipeline', () => {
  it('iterates, filters items by the iterate condition and maps each through output', async () => {
    nock(HOST).get('/items').reply(200, { data: [{ id: 1, on: true }, { id: 2, on: false }, { id: 3, on: true }] });
    const result = await runCommunication(
      { url: '/items', response: { iterate: { container: '{{body.data}}', condition: '{{item.on}}' }, output: { key: '{{item.id}}' } } },
      setup(),
    );
    expect(result).toMatchObject({ iterated: true, items: [{ key: 1 }, { key: 3 }] });
  });

  it('parses by a status-keyed type map, the narrowest range winning', async () => {
    nock(HOST).get('/t').reply(404, '{"not":"parsed"}', { 'content-type': 'application/json' });
    const error = await communicationFailure(
      runCommunication({ url: '/t', response: { type: { '*': 'json', '400-499': 'json', '404': 'text' }, error: { message: '{{body}}' } } }, setup()),
    );
    expect(error.message).toBe('{"not":"parsed"}');
  });

  it('wraps the collected output once', async () => {
    nock(HOST).get('/w').reply(200, { data: [1, 2, 3] });
    const result = await runCommunication(
      { url: '/w', response: { iterate: '{{body.data}}', output: { n: '{{item}}' }, wrapper: { count: '{{length(output)}}', all: '{{output}}' } } },
      setup(),
    );
    expect(result.items).toEqual([{ count: 3, all: [{ n: 1 }, { n: 2 }, { n: 3 }] }]);
  });

  it('routes an error status through response.error even when its body does not parse', async () => {
    nock(HOST).get('/gw').reply(502, '<html>Bad gateway</html>', { 'content-type': 'application/json' });
    const error = await communicationFailure(
      runCommunication({ url: '/gw', response: { error: { '502': { message: 'passerelle : {{body}}', type: 'ConnectionError' } } } }, setup()),
    );
    expect([error.type, error.message]).toEqual(['ConnectionError', 'passerelle : <html>Bad gateway</html>']);
  });

  it('fails on a 200 body that is not JSON when JSON was announced', async () => {
    nock(HOST).get('/bad').reply(200, '<html>oops</html>', { 'content-type': 'application/json' });
    const error = await communicationFailure(runCommunication({ url: '/bad' }, setup()));
    expect(error.type).toBe('RuntimeError');
    expect(error.message).toMatch(/^Failed to parse the response as JSON \(status 200\)/);
  });

  it('fails on an iterate container that is not an array', async () => {
    nock(HOST).get('/i').reply(200, { data: 'text' });
    const error = await communicationFailure(runCommunication({ url: '/i', response: { iterate: '{{body.data}}' } }, setup()));
    expect(error.message).toBe('The iterate container is not an array (got string).');
  });
});

describe('errors and valid', () => {
  it.each([
    [429, 'Third party API limit likely exceeded'],
    [500, 'Service is temporarily unavailable.'],
    [404, 'Status Code Error: 404'],
  ])('gives Make\'s default message for %i, as a RuntimeError', async (status, message) => {
    nock(HOST).get('/e').reply(status, {});
    const error = await communicationFailure(runCommunication({ url: '/e' }, setup()));
    expect([error.type, error.message, error.statusCode]).toEqual(['RuntimeError', message, status]);
  });

  it('lets a status key override the generic message and type', async () => {
    nock(HOST).get('/e').reply(409, { msg: 'dup' });
    const error = await communicationFailure(
      runCommunication(
        { url: '/e', response: { error: { message: 'generic', type: 'DataError', '409': { message: 'conflict: {{body.msg}}', type: 'DuplicateDataError' } } } },
        setup(),
      ),
    );
    expect([error.type, error.message]).toEqual(['DuplicateDataError', 'conflict: dup']);
  });

  it('takes the message of a falsy valid from valid, then error.<status>, then the default', async () => {
    nock(HOST).get('/v').times(3).reply(200, { ok: false });
    const withMessage = await communicationFailure(
      runCommunication({ url: '/v', response: { valid: { condition: '{{body.ok}}', message: 'not ok', type: 'DataError' } } }, setup()),
    );
    expect([withMessage.type, withMessage.message]).toEqual(['DataError', 'not ok']);
    const fromStatus = await communicationFailure(
      runCommunication({ url: '/v', response: { valid: '{{body.ok}}', error: { '200': { message: 'from 200', type: 'RateLimitError' } } } }, setup()),
    );
    expect([fromStatus.type, fromStatus.message]).toEqual(['RateLimitError', 'from 200']);
    const fallback = await communicationFailure(runCommunication({ url: '/v', response: { valid: '{{body.ok}}' } }, setup()));
    expect([fallback.type, fallback.message]).toEqual(['RuntimeError', 'Response marked as invalid.']);
  });
});

describe('pagination', () => {
  it('follows a cursor from the body, merging qs over the parent', async () => {
    nock(HOST).get('/p').query({ size: '2' }).reply(200, { data: [1, 2], next: 'c2' });
    nock(HOST).get('/p').query({ size: '2', cursor: 'c2' }).reply(200, { data: [3, 4], next: 'c3' });
    nock(HOST).get('/p').query({ size: '2', cursor: 'c3' }).reply(200, { data: [5] });
    const result = await runCommunication(
      {
        url: '/p',
        qs: { size: 2 },
        response: { iterate: '{{body.data}}' },
        pagination: { qs: { cursor: '{{body.next}}' }, condition: '{{body.next}}' },
      },
      setup(),
    );
    expect(result.items).toEqual([1, 2, 3, 4, 5]);
  });

  it('binds iterate.container.first and .last for the next page and the wrapper', async () => {
    nock(HOST).get('/c').query({}).reply(200, { data: [{ id: 1 }, { id: 2 }] });
    nock(HOST).get('/c').query({ after: '2' }).reply(200, { data: [{ id: 3 }] });
    nock(HOST).get('/c').query({ after: '3' }).reply(200, { data: [] });
    const result = await runCommunication(
      {
        url: '/c',
        qs: {},
        response: {
          iterate: '{{body.data}}',
          output: '{{item.id}}',
          wrapper: { ids: '{{output}}', lastOfLastPage: '{{iterate.container.last.id}}' },
        },
        pagination: { qs: { after: '{{iterate.container.last.id}}' } },
      },
      setup(),
    );
    expect(result.items).toEqual([{ ids: [1, 2, 3], lastOfLastPage: undefined }]);
  });

  it('keeps paginating past a page whose items are all filtered out: only an empty container stops it', async () => {
    nock(HOST).get('/f').query({ page: '1' }).reply(200, { data: [{ on: false }] });
    nock(HOST).get('/f').query({ page: '2' }).reply(200, { data: [{ on: true, id: 7 }] });
    nock(HOST).get('/f').query({ page: '3' }).reply(200, { data: [] });
    const result = await runCommunication(
      {
        url: '/f',
        qs: { page: 1 },
        response: { iterate: { container: '{{body.data}}', condition: '{{item.on}}' }, output: '{{item.id}}' },
        pagination: { qs: { page: '{{pagination.page}}' } },
      },
      setup(),
    );
    expect(result.items).toEqual([7]);
  });

  it('keeps the base headers on pagination requests, even with mergeWithParent false', async () => {
    nock(HOST, { reqheaders: { 'x-api-key': 'k-123456' } }).get('/b').query({ page: '1', keep: 'x' }).reply(200, { data: [1] });
    nock(HOST, { reqheaders: { 'x-api-key': 'k-123456' } }).get('/b').query({ page: '2' }).reply(200, { data: [] });
    const base: Base = { baseUrl: HOST, headers: { 'x-api-key': '{{connection.apiKey}}' } };
    const result = await runCommunication(
      {
        url: '/b',
        qs: { page: 1, keep: 'x' },
        response: { iterate: '{{body.data}}' },
        pagination: { mergeWithParent: false, qs: { page: '{{pagination.page}}' } },
      },
      setup({}, base),
    );
    expect(result.items).toEqual([1]);
  });

  it('with mergeWithParent false, sends only what pagination gives', async () => {
    nock(HOST).get('/m').query({ page: '1', keep: 'x' }).reply(200, { data: [1] });
    nock(HOST).get('/m').query({ page: '2' }).reply(200, { data: [] });
    const run = setup();
    const result = await runCommunication(
      {
        url: '/m',
        qs: { page: 1, keep: 'x' },
        response: { iterate: '{{body.data}}' },
        pagination: { mergeWithParent: false, qs: { page: '{{pagination.page}}' } },
      },
      run,
    );
    expect(result.items).toEqual([1]);
    expect(run.log.entries.map((e) => e.request.url)).toEqual([`${HOST}/m?page=1&keep=x`, `${HOST}/m?page=2`]);
  });

  it('returns exactly limit items, stopping mid-page', async () => {
    nock(HOST).get('/l').query({ page: '1' }).reply(200, { data: [1, 2, 3] });
    nock(HOST).get('/l').query({ page: '2' }).reply(200, { data: [4, 5, 6] });
    const result = await runCommunication(
      {
        url: '/l',
        qs: { page: 1 },
        response: { iterate: '{{body.data}}', limit: '{{parameters.limit}}' },
        pagination: { qs: { page: '{{pagination.page}}' } },
      },
      setup({ limit: 4 }),
    );
    expect(result.items).toEqual([1, 2, 3, 4]);
  });

  it('stops a pagination that never ends with an error, after the page cap', async () => {
    nock(HOST).get('/forever').query(true).times(25).reply(200, { data: [1] });
    const error = await communicationFailure(
      runCommunication(
        { url: '/forever', response: { iterate: '{{body.data}}' }, pagination: { qs: { p: '{{pagination.page}}' } } },
        { ...setup(), maxPages: 25 },
      ),
    );
    expect(error.type).toBe('RuntimeError');
    expect(error.message).toBe('Pagination did not stop after 25 pages; the module was stopped. Check the pagination condition.');
  });

  it(`requests at most ${MAX_PAGES} pages by default`, async () => {
    let calls = 0;
    const run: CommunicationRun = {
      ...setup(),
      send: async () => {
        calls += 1;
        return { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from('{"data":[1]}') };
      },
    };
    const error = await communicationFailure(
      runCommunication({ url: '/forever', response: { iterate: '{{body.data}}' }, pagination: { qs: { p: '{{pagination.page}}' } } }, run),
    );
    expect(error.message).toContain(`after ${MAX_PAGES} pages`);
    expect(calls).toBe(MAX_PAGES);
  });
});

describe('limit and timeout', () => {
  it("applies only the last request's limit", async () => {
    nock(HOST).get('/first').reply(200, { data: [1, 2, 3] });
    nock(HOST).get('/second').reply(200, { data: [4, 5, 6] });
    const result = await runCommunication(
      [
        { url: '/first', response: { iterate: '{{body.data}}', limit: 1, temp: { n: '{{length(body.data)}}' } } },
        { url: '/second', response: { iterate: '{{body.data}}', limit: 2, output: '{{item + temp.n}}' } },
      ],
      setup(),
    );
    expect(result.items).toEqual([7, 8]);
  });

  it('ignores limit when told to (actions have none)', async () => {
    nock(HOST).get('/l').reply(200, { data: [1, 2, 3] });
    const result = await runCommunication({ url: '/l', response: { iterate: '{{body.data}}', limit: 1 } }, { ...setup(), applyLimit: false });
    expect(result.items).toEqual([1, 2, 3]);
  });

  it("takes the timeout from the base, else the app's common data, else 40 s", async () => {
    const seen: number[] = [];
    const send: CommunicationRun['send'] = async (_request, timeout) => {
      seen.push(timeout);
      return { status: 200, headers: {}, body: Buffer.from('') };
    };
    await runCommunication({ url: '/t' }, { ...setup({}, { baseUrl: HOST, timeout: 90_000 }), send });
    await runCommunication({ url: '/t' }, { ...setup(), context: { common: { timeout: 120_000 } }, send });
    await runCommunication({ url: '/t' }, { ...setup(), send });
    expect(seen).toEqual([90_000, 120_000, 40_000]);
  });
});

describe('transport failures', () => {
  let silent: Server;
  let silentPort: number;
  const sockets = new Set<import('node:net').Socket>();
  beforeAll(async () => {
    // Accepts connections and never answers: a request to it can only time out.
    silent = createServer((socket) => {
      sockets.add(socket);
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentPort = (silent.address() as AddressInfo).port;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it('turns a refused connection into a ConnectionError', async () => {
    nock.enableNetConnect('127.0.0.1');
    try {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const error = await communicationFailure(sendHttp({ method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {} }, 1000));
      expect(error.type).toBe('ConnectionError');
      expect(error.message).toContain('the connection was refused');
    } finally {
      nock.disableNetConnect();
    }
  });

  it('turns a timeout into a ModuleTimeoutError', async () => {
    nock.enableNetConnect('127.0.0.1');
    try {
      const error = await communicationFailure(sendHttp({ method: 'GET', url: `http://127.0.0.1:${silentPort}/`, headers: {} }, 200));
      expect([error.type, error.message]).toEqual(['ModuleTimeoutError', `The request to http://127.0.0.1:${silentPort} timed out after 0.2 s.`]);
    } finally {
      nock.disableNetConnect();
    }
  });
});
