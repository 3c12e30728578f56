// The switches of the rules Make's documentation leaves open: each one is real (its alternatives give different
// results on a communication written to show it), settable by name, and listed in the README.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommunication } from '../../sdk/harness/runCommunication';
import { RequestLog } from '../../sdk/harness/requestLog';
import { MakeRunError } from '../../sdk/harness/errors';
import type { HttpRequest, HttpResponse } from '../../sdk/harness/http';
import { runModule, verifyConnection } from '../../sdk/harness/run';
import {
  DEFAULT_SEMANTICS,
  SEMANTICS_SWITCHES,
  SWITCH_NAMES,
  parseSemanticsSetting,
  semanticsTable,
  semanticsVariants,
  semanticsWith,
  type Semantics,
  type SwitchName,
} from '../../sdk/harness/semantics';
import type { AppDefinition, Base, Request } from '../../sdk/types';
import { app } from '../../app';
import { emitApp } from '../../sdk/emit/emitApp';
import { mapReader, readEmittedApp } from '../../sdk/emitted';

type Reply = { status?: number; body?: unknown; headers?: Record<string, string> };

/** A fake API: `reply` answers each request (n counts from 1); every request is recorded. */
function fakeApi(reply: (request: HttpRequest, n: number) => Reply) {
  const requests: HttpRequest[] = [];
  const send = async (request: HttpRequest): Promise<HttpResponse> => {
    requests.push(request);
    const { status = 200, body, headers = {} } = reply(request, requests.length);
    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    const contentType = typeof body === 'string' ? 'text/plain' : 'application/json';
    return { status, headers: { 'content-type': contentType, ...headers }, body: Buffer.from(text) };
  };
  return { send, requests };
}

const BASE: Base = { baseUrl: 'https://api.example.test' };

/** What a run gives, as one comparable value: its items, or its error's type and message; and the requests. */
async function outcome(
  communication: Request | Request[],
  reply: (request: HttpRequest, n: number) => Reply,
  semantics: Semantics,
  base: Base = BASE,
): Promise<unknown> {
  const api = fakeApi(reply);
  const requests = () => api.requests.map((r) => `${r.method} ${r.url}${r.body ? ` ${r.body.toString()}` : ''}`);
  try {
    const result = await runCommunication(communication, { context: {}, base, send: api.send, log: new RequestLog(), semantics });
    return { items: result.items, requests: requests() };
  } catch (error) {
    if (!(error instanceof MakeRunError)) throw error;
    return { error: `${error.type}: ${error.message}`, requests: requests() };
  }
}

const pages = (count: number) => (_r: HttpRequest, n: number): Reply => ({ body: { items: n <= count ? [n] : [] } });

/** For each switch, a communication whose result shows the choice. */
const DEMONSTRATIONS: Record<Exclude<SwitchName, 'connectionInheritsBase' | 'emptyActionOutput'>, (s: Semantics) => Promise<unknown>> = {
  tempAcrossPages: (s) =>
    outcome(
      {
        url: '/items',
        response: { temp: { seen: '{{ifempty(temp.seen, 0) + 1}}' }, iterate: '{{body.items}}', output: '{{temp.seen}}' },
        pagination: { qs: { page: '{{pagination.page}}' }, condition: '{{true}}' },
      },
      pages(3),
      s,
    ),
  paginationPageOnParent: (s) => outcome({ url: '/items', qs: { page: '{{pagination.page}}' } }, () => ({ body: {} }), s),
  defaultErrorType: (s) => outcome({ url: '/x' }, () => ({ status: 503, body: {} }), s),
  invalidResponseMessage: (s) => outcome({ url: '/x', response: { valid: '{{false}}' } }, () => ({ body: {} }), s),
  responseMerge: (s) =>
    outcome(
      { url: '/x', response: { error: { '404': { type: 'DataError' } } } },
      () => ({ status: 503, body: {} }),
      s,
      { ...BASE, response: { error: { message: 'base', '503': { type: 'ConnectionError', message: 'down' } } } },
    ),
  baseBodyMethods: (s) => outcome({ url: '/x', method: 'DELETE' }, () => ({ body: {} }), s, { ...BASE, body: { key: 'k' } }),
  iterateOnNothing: (s) => outcome({ url: '/x', response: { iterate: '{{body.missing}}' } }, () => ({ body: {} }), s),
  emptyPage: (s) =>
    outcome(
      {
        url: '/items',
        response: { iterate: { container: '{{body.items}}', condition: '{{item > 1}}' } },
        pagination: { qs: { page: '{{pagination.page}}' }, condition: '{{true}}' },
      },
      pages(2),
      s,
    ),
  // A template with text around an expression gives text: here the text "false".
  conditionTruth: (s) => outcome({ url: '/x', condition: "fal{{lower('SE')}}" }, () => ({ body: { ok: 1 } }), s),
  redirects: (s) =>
    outcome({ url: '/old', method: 'POST', body: { a: 1 } }, (r) =>
      r.url.endsWith('/old') ? { status: 302, headers: { location: '/new' } } : { body: { method: r.method } }, s),
  maxPages: (s) =>
    outcome(
      { url: '/items', response: { iterate: '{{body.items}}' }, pagination: { qs: { page: '{{pagination.page}}' }, condition: '{{true}}' } },
      pages(1500),
      s,
    ).then((o) => (o as { error?: string }).error),
};

describe('each switch changes what the harness does', () => {
  const cases = Object.entries(DEMONSTRATIONS) as Array<[SwitchName, (s: Semantics) => Promise<unknown>]>;
  it.each(cases)('%s', async (name, demonstrate) => {
    const results = [];
    for (const alternative of SEMANTICS_SWITCHES[name].alternatives) {
      results.push(await demonstrate(semanticsWith({ [name]: alternative })));
    }
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(results.length);
  });

  /** The real app with a module that shows the switch. */
  function appWith(change: (copy: AppDefinition) => void) {
    const copy = structuredClone(app);
    change(copy);
    return readEmittedApp(mapReader(emitApp(copy)));
  }

  it('emptyActionOutput', async () => {
    const emitted = appWith((copy) => {
      copy.modules.push({ ...copy.modules.find((m) => m.id === 'resetSync')!, id: 'emptyAction', communication: { url: '/empty', method: 'POST' } });
    });
    const api = fakeApi(() => ({ status: 204 }));
    const bundles = [];
    for (const alternative of SEMANTICS_SWITCHES.emptyActionOutput.alternatives) {
      const result = await runModule(emitted, 'emptyAction', {
        connection: { apiKey: 'k', baseUrl: 'https://app.campus-skills.com' },
        send: api.send,
        semantics: { emptyActionOutput: alternative },
      });
      bundles.push(result.bundles);
    }
    expect(bundles).toEqual([[{}], []]);
  });

  it('connectionInheritsBase', async () => {
    const emitted = appWith((copy) => {
      copy.base.headers = { ...copy.base.headers, 'x-from-base': 'yes' };
    });
    const sent: string[] = [];
    for (const alternative of SEMANTICS_SWITCHES.connectionInheritsBase.alternatives) {
      const api = fakeApi(() => ({ body: { value: 'token valid', name: 'CFA' } }));
      await verifyConnection(emitted, 'campusSkills', { apiKey: 'k-123456', baseUrl: 'https://app.campus-skills.com' }, { send: api.send, semantics: { connectionInheritsBase: alternative } });
      sent.push(String(api.requests[0].headers['X-From-Base'] ?? api.requests[0].headers['x-from-base'] ?? 'absent'));
    }
    expect(sent).toEqual(['absent', 'yes']);
  });
});

describe('settings', () => {
  it('every switch has at least two alternatives, a meaning for each, and a page', () => {
    for (const name of SWITCH_NAMES) {
      const spec = SEMANTICS_SWITCHES[name];
      expect(spec.alternatives.length, name).toBeGreaterThanOrEqual(2);
      expect(Object.keys(spec.meaning).sort(), name).toEqual([...spec.alternatives].sort());
      expect(spec.page, name).toMatch(/^https:\/\/developers\.make\.com\//);
    }
  });

  it('variants are the defaults, then each other alternative alone', () => {
    const variants = semanticsVariants();
    expect(variants[0]).toEqual({ label: 'defaults', semantics: DEFAULT_SEMANTICS });
    const extra = SWITCH_NAMES.reduce((n, name) => n + SEMANTICS_SWITCHES[name].alternatives.length - 1, 0);
    expect(variants).toHaveLength(1 + extra);
    for (const { label, semantics } of variants.slice(1)) {
      const changed = SWITCH_NAMES.filter((name) => semantics[name] !== DEFAULT_SEMANTICS[name]);
      expect(changed.map((name) => `${name}=${semantics[name]}`)).toEqual([label]);
    }
  });

  it.each([
    ['tempAcrossPages=reset', { tempAcrossPages: 'reset' }],
    ['maxPages=3200', { maxPages: '3200' }],
  ])('reads %s', (text, expected) => {
    expect(parseSemanticsSetting(text)).toEqual(expected);
  });

  it.each([
    ['tempAcrossPages', /takes name=alternative/],
    ['nope=1', /unknown semantics switch 'nope' \(switches: tempAcrossPages, /],
    ['tempAcrossPages=forever', /'forever' is not an alternative of tempAcrossPages \(alternatives: kept, reset\)/],
  ])('refuses %s, saying what it takes', (text, message) => {
    expect(() => parseSemanticsSetting(text)).toThrow(message);
  });

  it("the README's table is the one generated from the switches", () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const table = /<!-- semantics-table:start -->\n([\s\S]*?)\n<!-- semantics-table:end -->/.exec(readme)?.[1];
    expect(table).toBe(semanticsTable());
  });
});
