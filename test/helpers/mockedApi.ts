// The mocked API of the harness tests: no network at all, and every interceptor a test sets must be used.
import { afterEach, beforeAll, expect } from 'vitest';
import nock from 'nock';
import { API, API_KEY } from './app';

/** Call once at the top of a test file. */
export function useMockedApi(): void {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending, 'every interceptor is used').toEqual([]);
  });
}

/** The platform, answering only requests that carry the connection's token. */
export const api = () => nock(API, { reqheaders: { authorization: `Bearer ${API_KEY}` } });

/** A body matcher: the request's JSON equals `expected`, keys in the same order. */
export const sameJson = (expected: unknown) => (body: unknown) => JSON.stringify(body) === JSON.stringify(expected);
