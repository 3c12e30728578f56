// The app in Make, through Make's official SDK (@makehq/sdk): every read and write a deploy does, each named (what
// it was doing, on which component) so that a failure can say where it stopped.
import { Make } from '@makehq/sdk';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { zoneOf, type MappedType } from './origins';
import { COMPONENT_SECTIONS, TYPE_NAMES } from './sections';

/** A component as Make has it: its name, its metadata as Make's API lists it, and its sections (api name → value). */
export interface RemoteComponent {
  name: string;
  meta: Record<string, unknown>;
  /** Parsed JSON (a section Make returns as JSONC text is parsed); the readme as text; undefined when empty. */
  sections: Record<string, unknown>;
}

export interface RemoteApp {
  /** The app's own sections: base, groups, readme, common (undefined when empty or not read). */
  general: Record<string, unknown>;
  components: Record<MappedType, RemoteComponent[]>;
}

/** A call to Make that failed, with what it was doing (`reading module foo (section expect)`). */
export class MakeCallError extends Error {
  constructor(
    readonly doing: string,
    readonly failure: unknown,
    /** True for a write request (POST, PUT, PATCH, DELETE). */
    readonly write: boolean,
  ) {
    super(`${doing}: ${failure instanceof Error ? failure.message : String(failure)}`);
  }
}

/** Requests to Make at once while reading (writes go one at a time, in order). */
const READ_CONCURRENCY = 4;

export interface RemoteTarget {
  baseUrl: string;
  appId: string;
  appVersion: number;
}

/**
 * Make's SDK, for one app. Rate-limited answers (429) are retried by the SDK with its backoff (Make's API allows
 * a few hundred requests a minute, and a deploy reads every section); server errors are not retried: a deploy
 * that stops says what it wrote, and running it again finishes it.
 */
export class MakeRemote {
  private readonly make: Make;
  readonly appId: string;
  readonly appVersion: number;

  constructor(apiKey: string, target: RemoteTarget) {
    this.make = new Make(apiKey, zoneOf(target.baseUrl), { retry: { onRateLimit: true, maxRetries: 4, maxDelay: 60_000 } });
    this.appId = target.appId;
    this.appVersion = target.appVersion;
  }

  private async call<T>(doing: string, write: boolean, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw new MakeCallError(doing, error, write);
    }
  }

  /** The app itself: a 404 here means no such app (or version) in this zone. */
  async getApp(): Promise<Record<string, unknown>> {
    return this.call(`reading the app '${this.appId}' version ${this.appVersion}`, false, async () =>
      (await this.make.sdk.apps.get(this.appId, this.appVersion)) as unknown as Record<string, unknown>,
    );
  }

  async read(options: { appCommon: boolean; connectionCommon: (name: string) => boolean }): Promise<RemoteApp> {
    const { appId, appVersion } = this;
    const sdk = this.make.sdk;
    const [connections, modules, rpcs] = await Promise.all([
      this.call('listing the connections', false, () => sdk.connections.list(appId)),
      this.call('listing the modules', false, () => sdk.modules.list(appId, appVersion)),
      this.call('listing the RPCs', false, () => sdk.rpcs.list(appId, appVersion)),
    ]);
    const general: Record<string, unknown> = {};
    const jobs: Array<() => Promise<void>> = [
      async () => {
        general.base = normalizeJson(await this.call('reading the app section base', false, () => sdk.apps.getSection(appId, appVersion, 'base')));
      },
      async () => {
        general.groups = normalizeJson(await this.call('reading the app section groups', false, () => sdk.apps.getSection(appId, appVersion, 'groups')));
      },
      async () => {
        general.readme = normalizeText(await this.call('reading the app readme', false, () => sdk.apps.getDocs(appId, appVersion)));
      },
    ];
    if (options.appCommon) {
      jobs.push(async () => {
        general.common = normalizeJson(await this.call('reading the app section common', false, () => sdk.apps.getCommon(appId, appVersion)));
      });
    }
    const components: RemoteApp['components'] = {
      connection: connections.map((c) => ({ name: c.name, meta: { label: c.label, type: c.type }, sections: {} })),
      module: modules.map((m) => ({
        name: m.name,
        meta: {
          label: m.label,
          description: m.description,
          typeId: m.typeId,
          crud: m.crud ?? null,
          connection: m.connection ?? null,
          altConnection: m.altConnection ?? null,
        },
        sections: {},
      })),
      rpc: rpcs.map((r) => ({ name: r.name, meta: { label: r.label, connection: r.connection ?? null, altConnection: r.altConnection ?? null }, sections: {} })),
    };
    for (const type of ['connection', 'module', 'rpc'] as const) {
      for (const component of components[type]) {
        for (const { api } of COMPONENT_SECTIONS[type]) {
          if (api === 'common' && !(type === 'connection' && options.connectionCommon(component.name))) continue;
          jobs.push(async () => {
            component.sections[api] = normalizeJson(await this.getSection(type, component.name, api));
          });
        }
      }
    }
    await runLimited(jobs, READ_CONCURRENCY);
    return { general, components };
  }

  private getSection(type: MappedType, name: string, api: string): Promise<unknown> {
    const { appId, appVersion } = this;
    const sdk = this.make.sdk;
    const doing = `reading ${TYPE_NAMES[type]} ${name} (section ${api})`;
    return this.call(doing, false, async () => {
      if (type === 'connection') {
        return api === 'common' ? sdk.connections.getCommon(name) : sdk.connections.getSection(name, api as 'api' | 'parameters');
      }
      if (type === 'module') return sdk.modules.getSection(appId, appVersion, name, api as 'api');
      return sdk.rpcs.getSection(appId, appVersion, name, api as 'api' | 'parameters');
    });
  }

  /** Creates a component; returns its name in Make (a connection's is Make's choice). */
  async create(type: MappedType, label: string, body: Record<string, unknown>): Promise<string> {
    const { appId, appVersion } = this;
    const sdk = this.make.sdk;
    return this.call(`creating ${TYPE_NAMES[type]} ${label}`, true, async () => {
      // The SDK's body types leave out fields Make takes (a module's crud and connection, a universal module's
      // subtype, an RPC's connection): the bodies are Make's API as Make's VS Code extension sends it.
      if (type === 'connection') return (await sdk.connections.create(appId, body as never)).name;
      if (type === 'module') {
        const created = await sdk.modules.create(appId, appVersion, body as never);
        return created?.name ?? String(body.name);
      }
      const created = await sdk.rpcs.create(appId, appVersion, body as never);
      return (created as { name?: string } | undefined)?.name ?? String(body.name);
    });
  }

  async update(type: MappedType, name: string, body: Record<string, unknown>): Promise<void> {
    const { appId, appVersion } = this;
    const sdk = this.make.sdk;
    await this.call(`updating the metadata of ${TYPE_NAMES[type]} ${name}`, true, async () => {
      if (type === 'connection') await sdk.connections.update(name, body as never);
      else if (type === 'module') await sdk.modules.update(appId, appVersion, name, body as never);
      else await sdk.rpcs.update(appId, appVersion, name, body as never);
    });
  }

  async remove(type: MappedType, name: string): Promise<void> {
    const { appId, appVersion } = this;
    const sdk = this.make.sdk;
    await this.call(`deleting ${TYPE_NAMES[type]} ${name}`, true, async () => {
      if (type === 'connection') await sdk.connections.delete(name);
      else if (type === 'module') await sdk.modules.delete(appId, appVersion, name);
      else await sdk.rpcs.delete(appId, appVersion, name);
    });
  }

  /** Writes a component's section: the code file's text as it is in dist/ (JSONC), `common` as JSON. */
  async setSection(type: MappedType, name: string, api: string, text: string): Promise<void> {
    const { appId, appVersion } = this;
    const sdk = this.make.sdk;
    await this.call(`writing ${TYPE_NAMES[type]} ${name} (section ${api})`, true, async () => {
      if (type === 'connection') {
        if (api === 'common') await sdk.connections.setCommon(name, JSON.parse(text));
        else await sdk.connections.setSection(name, api as 'api', text);
      } else if (type === 'module') await sdk.modules.setSection(appId, appVersion, name, api as 'api', text);
      else await sdk.rpcs.setSection(appId, appVersion, name, api as 'api', text);
    });
  }

  /** Writes an app section: base and groups as JSONC, the readme as Markdown, common as JSON. */
  async setGeneral(api: string, text: string): Promise<void> {
    const { appId, appVersion } = this;
    const sdk = this.make.sdk;
    await this.call(`writing the app ${api === 'readme' ? 'readme' : `section ${api}`}`, true, async () => {
      if (api === 'readme') await sdk.apps.setDocs(appId, appVersion, text);
      else if (api === 'common') await sdk.apps.setCommon(appId, appVersion, JSON.parse(text));
      else await sdk.apps.setSection(appId, appVersion, api as 'base' | 'groups', text);
    });
  }
}

/** A JSON section as Make answers it: parsed (JSON) or text (JSONC, parsed here); null or blank is no content. */
export function normalizeJson(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'string') return value;
  if (value.trim() === '') return undefined;
  const errors: ParseError[] = [];
  const parsed = parseJsonc(value, errors, { allowTrailingComma: true, disallowComments: false });
  return errors.length > 0 ? value : (parsed ?? undefined);
}

function normalizeText(value: unknown): string | undefined {
  if (typeof value !== 'string') return value === null || value === undefined ? undefined : JSON.stringify(value);
  return value === '' ? undefined : value;
}

async function runLimited(jobs: Array<() => Promise<void>>, limit: number): Promise<void> {
  let next = 0;
  let failure: unknown;
  const worker = async (): Promise<void> => {
    while (next < jobs.length && failure === undefined) {
      const job = jobs[next++];
      try {
        await job();
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  if (failure !== undefined) throw failure;
}
