// Small blueprints for the runner's tests: a module in one line, and the app as the runner sees it.
import type { Blueprint, BlueprintFilter, BlueprintModule } from '../../sdk/scenario/blueprint';
import { scenarioMetadata } from '../../sdk/scenario/blueprint';
import type { LocalApp } from '../../sdk/scenario/check';
import type { HttpRequest, HttpResponse } from '../../sdk/harness/http';
import { emittedApp } from '../helpers/app';

export const APP_ID = 'campus-skills';

/** The emitted app, named `campus-skills` version 1 in blueprints. */
export function localApp(): LocalApp {
  return { app: emittedApp(), references: [{ appId: APP_ID, version: 1 }] };
}

export function step(
  id: number,
  ref: string,
  mapper: Record<string, unknown> = {},
  extra: Partial<Pick<BlueprintModule, 'parameters' | 'filter' | 'routes' | 'version'>> = {},
): BlueprintModule {
  return {
    id,
    module: ref,
    version: extra.version ?? 1,
    parameters: extra.parameters ?? {},
    mapper,
    ...(extra.filter ? { filter: extra.filter } : {}),
    ...(extra.routes ? { routes: extra.routes } : {}),
    metadata: { designer: { x: 0, y: 0 } },
  };
}

/** The data source every test blueprint starts with: its bundles are the run's input. */
export const source = (id = 1) => step(id, 'json:ParseJSON', { json: '[]' });

export const app = (id: number, name: string, mapper: Record<string, unknown> = {}, extra: Parameters<typeof step>[3] = {}) =>
  step(id, `app#${APP_ID}:${name}`, mapper, { parameters: { __IMTCONN__: 1 }, ...extra });

export function filter(name: string, ...groups: Array<Array<[string, string, string?]>>): BlueprintFilter {
  return { name, conditions: groups.map((group) => group.map(([a, o, b]) => (b === undefined ? { a, o } : { a, o, b }))) };
}

export function blueprint(...flow: BlueprintModule[]): Blueprint {
  return { name: 'test', flow, metadata: scenarioMetadata() };
}

export const connection = { apiKey: 'cs_test_3f9a1c2b7d4e8f60', baseUrl: 'https://app.campus-skills.com', sandbox: false };

/** A fake of the API for unit tests: answers by path (any other path: 200 `{answered: <path>}`), and records every
 * request. */
export function fakeApi(answers: Record<string, (body: unknown) => { status: number; body: unknown }>) {
  const sent: Array<{ method: string; path: string; body?: unknown }> = [];
  const send = async (request: HttpRequest): Promise<HttpResponse> => {
    const path = new URL(request.url).pathname;
    const body = request.body === undefined ? undefined : (JSON.parse(request.body.toString('utf8')) as unknown);
    sent.push({ method: request.method, path, ...(body === undefined ? {} : { body }) });
    const answer = answers[path];
    const { status, body: out } = answer ? answer(body) : { status: 200, body: { answered: path } };
    return { status, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(out)) };
  };
  return { send, sent };
}
