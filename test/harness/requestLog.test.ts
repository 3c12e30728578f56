// The request log: secrets masked wherever they are written (URL credentials, query values), long bodies cut.
import { describe, expect, it } from 'vitest';
// First: nock must patch HTTP before the harness loads it.
import { useMockedApi } from '../helpers/mockedApi';
import nock from 'nock';
import { runCommunication, type CommunicationRun } from '../../sdk/harness/runCommunication';
import { sendHttp } from '../../sdk/harness/http';
import { logBody, MAX_LOGGED_BODY, RequestLog } from '../../sdk/harness/requestLog';
import { MASK } from '../../sdk/harness/semantics';
import type { Request } from '../../sdk/types';
import { communicationFailure } from '../helpers/failure';

const HOST = 'https://api.example.test';

useMockedApi();

function runWithBase(baseUrl: string): CommunicationRun {
  return { context: { parameters: {}, connection: {} }, base: { baseUrl }, send: sendHttp, log: new RequestLog() };
}

describe('masking URL credentials', () => {
  const log = new RequestLog();

  it('masks the whole user information of a URL, user name included', () => {
    expect(log.mask('https://user:secret@host/path')).toBe(`https://${MASK}@host/path`);
    expect(log.mask('GET https://ghp_tok3n@host.test:8443/a?b=1 failed')).toBe(`GET https://${MASK}@host.test:8443/a?b=1 failed`);
  });

  it('masks a password holding an @ up to the last @ of the authority, and stops at the path', () => {
    expect(log.mask('http://me:p@ss@host/x@y')).toBe(`http://${MASK}@host/x@y`);
  });

  it('leaves URLs without credentials and e-mail addresses alone', () => {
    const text = 'see https://host/contact@x and write to anne@example.fr; {"url":"https://host","email":"a@b.fr"}';
    expect(log.mask(text)).toBe(text);
  });
});

describe('masking query values named like a secret', () => {
  const log = new RequestLog();

  it.each([
    ['token', 'https://h/p?token=abc&page=2', `https://h/p?token=${MASK}&page=2`],
    ['access_token', '/cb?state=1&access_token=xyz', `/cb?state=1&access_token=${MASK}`],
    ['apikey and api_key', 'https://h/?apikey=a1&api_key=b2&apiKey=c3', `https://h/?apikey=${MASK}&api_key=${MASK}&apiKey=${MASK}`],
    ['password and secret', 'https://h/?user=anne&password=pw&client_secret=s', `https://h/?user=anne&password=${MASK}&client_secret=${MASK}`],
    ['a signed URL', 'https://s3.test/f?X-Amz-Credential=AK&X-Amz-Signature=f00', `https://s3.test/f?X-Amz-Credential=${MASK}&X-Amz-Signature=${MASK}`],
    ['an encoded name', 'https://h/?api%5Fkey=v', `https://h/?api%5Fkey=${MASK}`],
    ['a form body', 'password=pw&login=anne', `password=${MASK}&login=anne`],
    ['a link in HTML', '<a href="/next?page=2&amp;token=abc">', `<a href="/next?page=2&amp;token=${MASK}">`],
    ['a cookie', 'lang=fr; session_token=abc; Path=/', `lang=fr; session_token=${MASK}; Path=/`],
  ])('masks %s', (_, text, masked) => {
    expect(log.mask(text)).toBe(masked);
  });

  it('leaves ordinary parameters, and names that merely contain a secret word, alone', () => {
    const text = 'https://h/api?limit=5&page=2&studentId=APP-1&codeGroupe=G1&keyword=x&bypass=1&email=a%40b.fr';
    expect(log.mask(text)).toBe(text);
  });
});

describe('the log masks every place a URL is written', () => {
  it('masks the logged URL, a redirect location and the error, and format() shows no secret', () => {
    const log = new RequestLog(['conn-secret-value']);
    log.add(
      {
        request: { method: 'GET', url: 'https://user:pw1@h.test/a?token=t0k', headers: {} },
        response: { status: 302, headers: { location: 'https://user:pw1@h.test/b?access_token=t0k2' }, body: '' },
        durationMs: 1,
      },
      [],
    );
    log.add({ request: { method: 'GET', url: 'https://user:pw1@h.test/b', headers: {} }, error: 'ConnectionError: Invalid URL: https://user:pw1@h.test/b', durationMs: 1 }, []);
    const [first, second] = log.entries;
    expect(first.request.url).toBe(`https://${MASK}@h.test/a?token=${MASK}`);
    expect(first.response?.headers.location).toBe(`https://${MASK}@h.test/b?access_token=${MASK}`);
    expect(second.error).toBe(`ConnectionError: Invalid URL: https://${MASK}@h.test/b`);
    expect(log.format()).not.toMatch(/pw1|t0k/);
  });

  it('masks a sanitized query parameter in place, keeping the URL as sent, even when it does not parse', () => {
    const log = new RequestLog();
    log.add({ request: { method: 'GET', url: 'https://h.test/s?q=x%20y&code=42', headers: {} }, durationMs: 1 }, ['request.qs.code']);
    log.add({ request: { method: 'GET', url: 'not a url?code=42', headers: {} }, error: 'RuntimeError: Invalid URL', durationMs: 1 }, ['request.qs.code']);
    expect(log.entries.map((e) => e.request.url)).toEqual([`https://h.test/s?q=x%20y&code=${MASK}`, `not a url?code=${MASK}`]);
  });

  it('over HTTP: a base URL with credentials, a redirect carrying a token', async () => {
    nock(HOST).get('/old').reply(302, '', { location: `https://anne:s3cret-pw@api.example.test/new?token=tk-991` });
    nock(HOST).get('/new').query({ token: 'tk-991' }).reply(200, { ok: true });
    const run = runWithBase('https://anne:s3cret-pw@api.example.test');
    expect((await runCommunication({ url: '/old' }, run)).items).toEqual([{ ok: true }]);
    expect(run.log.entries.map((e) => e.request.url)).toEqual([`https://${MASK}@api.example.test/old`, `https://${MASK}@api.example.test/new?token=${MASK}`]);
    expect(run.log.entries[0].response?.headers.location).toBe(`https://${MASK}@api.example.test/new?token=${MASK}`);
    expect(JSON.stringify(run.log.entries)).not.toMatch(/anne|s3cret|tk-991/);
  });

  it('over HTTP: the error message quoting a URL with credentials', async () => {
    const run = runWithBase('https://anne:s3cret-pw@bad host.test');
    const error = await communicationFailure(runCommunication({ url: '/x' }, run));
    expect(error.message).toBe(`Invalid URL: https://${MASK}@bad%20host.test/x`);
    expect(run.log.format()).not.toContain('s3cret');
  });
});

describe('long bodies', () => {
  it('keeps a body up to the limit whole, and cuts a longer one saying its full length', () => {
    const whole = 'a'.repeat(MAX_LOGGED_BODY);
    expect(logBody(Buffer.from(whole))).toBe(whole);
    expect(logBody(Buffer.from(`${whole}b`))).toBe(`${whole}…(cut: ${(MAX_LOGGED_BODY + 1).toLocaleString('en-US')} characters in all)`);
    expect(logBody(undefined)).toBeUndefined();
  });

  it('counts characters, not bytes, and never cuts a character in two', () => {
    const accented = 'é'.repeat(MAX_LOGGED_BODY); // 2 bytes each: over the limit in bytes, not in characters
    expect(logBody(Buffer.from(accented))).toBe(accented);
    // An emoji is 2 characters (and 4 bytes): after one 'a', the limit falls in the middle of an emoji.
    const emojis = `a${'😀'.repeat(30_000)}`;
    expect(logBody(Buffer.from(emojis))).toBe(`a${'😀'.repeat(MAX_LOGGED_BODY / 2 - 1)}…(cut: 60,001 characters in all)`);
  });

  it('masks URL credentials and query secrets that straddle the cut', () => {
    const url = 'https://anne:s3cret-pw@h.test/x?token=tk-991';
    const body = `${'a'.repeat(MAX_LOGGED_BODY - 20)}${url} ${'z'.repeat(100)}`;
    const logged = logBody(Buffer.from(body)) as string;
    expect(logged).toMatch(/…\(cut: 4,\d{3} characters in all\)$/);
    expect(logged).not.toMatch(/anne|s3cret|tk-9/);
  });

  it('cuts a 60 KB HTML 503 page in the trace, and still masks sanitized fields of a cut JSON body', async () => {
    const page = `<!DOCTYPE html><html><body>${'<p>Service temporarily unavailable</p>'.repeat(1600)}</body></html>`;
    nock(HOST).get('/down').reply(503, page, { 'content-type': 'text/html' });
    const run = runWithBase(HOST);
    await communicationFailure(runCommunication({ url: '/down' }, run));
    const trace = run.log.format();
    expect(trace).toContain(`…(cut: ${page.length.toLocaleString('en-US')} characters in all)`);
    expect(trace.length).toBeLessThan(MAX_LOGGED_BODY + 1000);

    const log = new RequestLog();
    const big = JSON.stringify({ password: 'pw-123456', items: Array.from({ length: 2000 }, (_, i) => i) });
    log.add({ request: { method: 'POST', url: HOST, headers: {}, body: logBody(Buffer.from(big)) }, durationMs: 1 }, ['request.body.password']);
    expect(log.entries[0].request.body).toMatch(new RegExp(`^\\{"password":"${MASK.replace(/\*/g, '\\*')}","items":\\[0,1,2,`));
  });
});

describe('a request with credentials in its module definition', () => {
  it('masks them in the logged URL of an absolute request URL too', async () => {
    nock('https://other.example.test').get('/abs').query(true).reply(200, { ok: true });
    const run = runWithBase(HOST);
    const request: Request = { url: 'https://bob:hunter22@other.example.test/abs?apikey=k-42' };
    await runCommunication(request, run);
    expect(run.log.entries[0].request.url).toBe(`https://${MASK}@other.example.test/abs?apikey=${MASK}`);
  });
});
