// A small stateful Make, served through nock to Make's SDK (@makehq/sdk, which uses the global fetch): apps with
// their sections, connections, modules and RPCs with theirs, API keys with their scopes. It answers the routes of
// Make's API v2 that a deploy uses, as Make does (envelopes, 401/403/404), records every request, and can fail a
// given request with a network error or a status, to show what a deploy says then.
import nock from 'nock';
import { parse as parseJsonc } from 'jsonc-parser';

export const READ_SCOPE = 'sdk-apps:read';
export const WRITE_SCOPE = 'sdk-apps:write';

export interface FakeComponent {
  name: string;
  meta: Record<string, unknown>;
  sections: Record<string, unknown>;
}

export interface FakeApp {
  name: string;
  version: number;
  sections: Record<string, unknown>;
  connections: Map<string, FakeComponent>;
  modules: Map<string, FakeComponent>;
  rpcs: Map<string, FakeComponent>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
  contentType: string | undefined;
}

type Answer = [number, unknown, Record<string, string>?];

interface Failure {
  matches: (request: RecordedRequest, writeIndex: number) => boolean;
  with: 'network' | number;
}

const JSON_TYPE = { 'content-type': 'application/json' };
const SECTIONS = {
  app: ['base', 'groups', 'readme', 'common'],
  connection: ['api', 'parameters', 'common'],
  module: ['api', 'parameters', 'expect', 'interface', 'samples', 'scope', 'epoch'],
  rpc: ['api', 'parameters'],
};

export class FakeMake {
  readonly apps = new Map<string, FakeApp>();
  readonly keys = new Map<string, string[]>();
  readonly requests: RecordedRequest[] = [];
  private failures: Failure[] = [];
  private writeCount = 0;
  /** Make's 401 quotes the token it refused (a worst case: the deploy must still never print it). */
  echoTokenIn401 = false;

  constructor(readonly zone = 'eu1.make.com') {}

  addApp(name: string, version = 1): FakeApp {
    const app: FakeApp = { name, version, sections: {}, connections: new Map(), modules: new Map(), rpcs: new Map() };
    this.apps.set(`${name}/${version}`, app);
    return app;
  }

  addKey(key: string, scopes = [READ_SCOPE, WRITE_SCOPE]): void {
    this.keys.set(key, scopes);
  }

  /** The n-th write request from now (1 = the next one) fails: no answer, or the given status. */
  failWrite(n: number, failure: 'network' | number = 'network'): void {
    const at = this.writeCount + n;
    this.failures.push({ matches: (request, index) => request.method !== 'GET' && index === at, with: failure });
  }

  /** Requests other than GET: what a deploy wrote (or tried to). */
  get writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  install(): void {
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
      const fake = this;
      nock(`https://${this.zone}`)
        .persist()
        .intercept(/.*/, method)
        .reply(function (uri, body, callback) {
          const headers = this.req.headers as Record<string, string | undefined>;
          const request: RecordedRequest = { method, path: uri, body, contentType: headers['content-type'] };
          fake.requests.push(request);
          const writeIndex = method === 'GET' ? 0 : ++fake.writeCount;
          const failure = fake.failures.find((f) => f.matches(request, writeIndex));
          if (failure) {
            fake.failures = fake.failures.filter((f) => f !== failure);
            if (failure.with === 'network') {
              callback(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), [0, '']);
              return;
            }
            callback(null, [failure.with, JSON.stringify({ message: 'Internal error.' }), JSON_TYPE]);
            return;
          }
          const [status, answer, answerHeaders] = fake.answer(method, uri, body, headers.authorization);
          const text = answerHeaders?.['content-type']?.startsWith('text/') ? String(answer) : JSON.stringify(answer);
          callback(null, [status, text, answerHeaders ?? JSON_TYPE]);
        });
    }
  }

  private answer(method: string, uri: string, body: unknown, authorization: string | undefined): Answer {
    const key = /^Token (.+)$/.exec(authorization ?? '')?.[1];
    const scopes = key === undefined ? undefined : this.keys.get(key);
    if (!scopes) return [401, { message: this.echoTokenIn401 ? `Invalid access token ${key ?? ''}.` : 'Invalid access token.', code: 'SC401' }];
    const needed = method === 'GET' ? READ_SCOPE : WRITE_SCOPE;
    if (!scopes.includes(needed)) return [403, { message: 'Permission denied', detail: `Missing scope ${needed}.`, code: 'SC403' }];

    const path = new URL(uri, `https://${this.zone}`).pathname;
    const prefix = '/api/v2/sdk/apps/';
    if (!path.startsWith(prefix)) return notFound('Route');
    const parts = path.slice(prefix.length).split('/').map(decodeURIComponent);

    if (parts[0] === 'connections') {
      const found = this.findConnection(parts[1]);
      if (!found) return notFound('Connection');
      return this.component(method, parts.slice(2), 'connection', found.app, found.component, 'appConnection', body);
    }
    if (parts[1] === 'connections') {
      const app = [...this.apps.values()].find((a) => a.name === parts[0]);
      if (!app) return notFound('App');
      if (method === 'GET') return [200, { appConnections: [...app.connections.values()].map((c) => ({ name: c.name, ...c.meta })) }];
      if (method === 'POST') return this.createConnection(app, asObject(body));
      return notFound('Route');
    }
    const app = this.apps.get(`${parts[0]}/${parts[1]}`);
    if (!app) return notFound('App');
    const rest = parts.slice(2);
    if (rest.length === 0) {
      if (method === 'GET') return [200, { app: { name: app.name, version: app.version, label: app.name, public: false, approved: false } }];
      return notFound('Route');
    }
    if (rest.length === 1 && SECTIONS.app.includes(rest[0])) return this.section(method, app.sections, rest[0], body, rest[0] === 'readme');
    if (rest[0] === 'modules' || rest[0] === 'rpcs') {
      const type = rest[0] === 'modules' ? 'module' : 'rpc';
      const list = type === 'module' ? app.modules : app.rpcs;
      const envelope = type === 'module' ? 'appModule' : 'appRpc';
      if (rest.length === 1) {
        if (method === 'GET') return [200, { [`${envelope}s`]: [...list.values()].map((c) => ({ name: c.name, ...c.meta })) }];
        if (method === 'POST') return this.createNamed(app, type, list, asObject(body), envelope);
        return notFound('Route');
      }
      const component = list.get(rest[1]);
      if (!component) return notFound(type === 'module' ? 'Module' : 'RPC');
      return this.component(method, rest.slice(2), type, app, component, envelope, body);
    }
    return notFound('Route');
  }

  private findConnection(name: string): { app: FakeApp; component: FakeComponent } | undefined {
    for (const app of this.apps.values()) {
      const component = app.connections.get(name);
      if (component) return { app, component };
    }
    return undefined;
  }

  private component(method: string, rest: string[], type: 'connection' | 'module' | 'rpc', app: FakeApp, component: FakeComponent, envelope: string, body: unknown): Answer {
    const list = type === 'connection' ? app.connections : type === 'module' ? app.modules : app.rpcs;
    if (rest.length === 0) {
      if (method === 'GET') return [200, { [envelope]: { name: component.name, ...component.meta } }];
      if (method === 'DELETE') {
        if (type === 'connection' && [...app.modules.values(), ...app.rpcs.values()].some((c) => c.meta.connection === component.name)) {
          return [400, { message: 'The connection is used by a module or an RPC.' }];
        }
        list.delete(component.name);
        return [200, { [envelope]: component.name }];
      }
      if (method === 'PATCH') {
        const changes = asObject(body);
        const allowed = type === 'connection' ? ['label'] : type === 'module' ? ['label', 'description', 'typeId', 'crud', 'connection', 'altConnection'] : ['label', 'connection', 'altConnection'];
        for (const [field, value] of Object.entries(changes)) {
          if (!allowed.includes(field)) return [400, { message: `Unknown field ${field}.` }];
          if ((field === 'connection' || field === 'altConnection') && value !== null && !app.connections.has(String(value))) return [400, { message: `Unknown connection ${value}.` }];
          component.meta[field] = value;
        }
        return [200, { [envelope]: { name: component.name, ...component.meta } }];
      }
      return notFound('Route');
    }
    if (rest.length === 1 && SECTIONS[type].includes(rest[0])) return this.section(method, component.sections, rest[0], body, false);
    return notFound('Route');
  }

  private section(method: string, sections: Record<string, unknown>, name: string, body: unknown, markdown: boolean): Answer {
    if (method === 'GET') {
      if (markdown) return [200, sections[name] ?? '', { 'content-type': 'text/markdown' }];
      return [200, sections[name] ?? null];
    }
    if (method !== 'PUT') return notFound('Route');
    if (markdown) sections[name] = String(body);
    else sections[name] = typeof body === 'string' ? parseJsonc(body) : body;
    return [200, { changed: true }];
  }

  private createConnection(app: FakeApp, body: Record<string, unknown>): Answer {
    if (typeof body.type !== 'string' || typeof body.label !== 'string') return [400, { message: 'type and label are required.' }];
    let name = app.name;
    for (let n = 2; this.findConnection(name); n++) name = `${app.name}${n}`;
    const component: FakeComponent = { name, meta: { label: body.label, type: body.type }, sections: {} };
    app.connections.set(name, component);
    return [200, { appConnection: { name, ...component.meta } }];
  }

  private createNamed(app: FakeApp, type: 'module' | 'rpc', list: Map<string, FakeComponent>, body: Record<string, unknown>, envelope: string): Answer {
    const name = body.name;
    if (typeof name !== 'string' || typeof body.label !== 'string') return [400, { message: 'name and label are required.' }];
    if (list.has(name)) return [400, { message: `${type === 'module' ? 'Module' : 'RPC'} ${name} already exists.` }];
    if (body.connection !== undefined && body.connection !== null && !app.connections.has(String(body.connection))) {
      return [400, { message: `Unknown connection ${body.connection}.` }];
    }
    const meta: Record<string, unknown> =
      type === 'module'
        ? {
            label: body.label,
            description: body.description ?? '',
            typeId: body.typeId,
            crud: body.crud ?? null,
            connection: body.connection ?? null,
            altConnection: body.altConnection ?? null,
            webhook: null,
          }
        : { label: body.label, connection: body.connection ?? null, altConnection: body.altConnection ?? null };
    if (type === 'module') {
      if (typeof body.typeId !== 'number') return [400, { message: 'typeId is required.' }];
      if (body.typeId === 12 && body.subtype === undefined) return [400, { message: 'subtype is required for a universal module.' }];
    }
    list.set(name, { name, meta, sections: {} });
    return [200, { [envelope]: { name, ...meta } }];
  }
}

function notFound(what: string): Answer {
  return [404, { message: `${what} not found.`, code: 'SC404' }];
}

function asObject(body: unknown): Record<string, unknown> {
  if (typeof body === 'string') {
    try {
      return JSON.parse(body) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  return (body ?? {}) as Record<string, unknown>;
}
