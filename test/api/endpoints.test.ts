// The API's endpoint table is the one place an endpoint is declared: the Make app calls only its entries, and the
// sandbox serves every one of them.
import { describe, expect, it } from 'vitest';
import { ENDPOINTS } from '../../api/endpoints';
import { apiSchemas } from '../../api/schemas';
import { createState, handle } from '../../sandbox/state';
import { requestsOf } from '../../sdk/check/support/walk';
import { emittedApp } from '../helpers/app';

const table = Object.values(ENDPOINTS).map((e) => `${e.method} ${e.path}`);

/** `METHOD /path` of every request of a communication; a URL built on the connection's base keeps its path. */
function calls(communication: unknown): string[] {
  // A request-less step (no url) calls nothing.
  return requestsOf(communication).filter(({ request }) => request.url !== undefined).map(({ request }) => {
    const url = String(request.url).replace(/^\{\{.*?\}\}(?=\/)/, '');
    return `${String(request.method ?? 'GET')} ${url}`;
  });
}

describe('the endpoint table', () => {
  it('has one entry per method and path', () => {
    expect(new Set(table).size).toBe(table.length);
  });

  it('names only schemas that exist', () => {
    for (const endpoint of Object.values(ENDPOINTS)) {
      for (const id of [('request' in endpoint ? endpoint.request : undefined), ('response' in endpoint ? endpoint.response : undefined)]) {
        if (id !== undefined) expect(apiSchemas, `${endpoint.path}: ${id}`).toHaveProperty([id]);
      }
    }
  });

  it("is where every module's and the connection's request goes", () => {
    const app = emittedApp();
    // A universal module calls the path its user gives: it has no endpoint of its own.
    const modules = Object.values(app.modules).filter((m) => m.meta.moduleType !== 'universal');
    const components = [...modules, ...Object.values(app.connections), ...Object.values(app.rpcs)];
    const called = components.flatMap((component) => calls(component.codes.communication));
    expect(called.length).toBeGreaterThan(0);
    for (const call of called) expect(table, call).toContain(call);
  });

  it.each(Object.entries(ENDPOINTS))('%s is served by the sandbox (routed, then asks for a token)', (_name, endpoint) => {
    const { response } = handle(createState(), { method: endpoint.method, path: endpoint.path, headers: {} });
    expect(response.status).toBe(401);
  });
});
