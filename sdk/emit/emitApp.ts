// App definition → the files of Make's local-development layout (makecomapp.json + one file per code).
import type { AppDefinition } from '../types';
import { CODE_FILE_SUFFIXES, GENERAL_CODE_FILES, codeFilePath, type ComponentType } from './layout';
import { stableJson } from './json';

export interface EmittedFile {
  path: string;
  content: string;
}

/**
 * Where a build deploys to: a Make zone and the file of its API key. The app's `name` and `version` complete it
 * into an origin of makecomapp.json (its `appId` and `appVersion`), unless the target names its own app in Make
 * (a test app and a production app are two apps there: sdk/deploy/origins.ts).
 */
export interface DeployTarget {
  /** Which target this is, when there are several ("Test", "Production"); not the app's label. */
  label?: string;
  baseUrl: string;
  /** The app's name in Make; the definition's `name` when not given. */
  appId?: string;
  /** The version of the app in Make; the definition's `version` when not given. */
  appVersion?: number;
  apikeyFile: string;
  idMapping?: Record<string, Array<{ local: string | null; remote: string | null }>>;
}

/** A definition the emitter cannot represent (makecomapp.json maps ids to components: ids must be unique). */
export class DefinitionError extends Error {
  constructor(
    message: string,
    /** The source file to fix. */
    readonly file: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

export function emitApp(app: AppDefinition, targets: DeployTarget[] = []): EmittedFile[] {
  assertUniqueIds('connection', app.connections);
  assertUniqueIds('module', app.modules);
  assertUniqueIds('rpc', app.rpcs);
  assertUniqueIds('function', app.functions);
  const files: EmittedFile[] = [];
  const write = (path: string, value: unknown): string => {
    files.push({ path, content: typeof value === 'string' ? value : stableJson(value) });
    return path;
  };
  const writeCodes = <T extends keyof typeof CODE_FILE_SUFFIXES>(
    type: T,
    id: string,
    codes: { [K in keyof (typeof CODE_FILE_SUFFIXES)[T]]: unknown },
  ): Record<string, string | null> => {
    const suffixes = CODE_FILE_SUFFIXES[type] as Record<string, string>;
    return Object.fromEntries(
      Object.entries(suffixes).map(([code, suffix]) => {
        const value = (codes as Record<string, unknown>)[code];
        return [code, value === undefined ? null : write(codeFilePath(type as ComponentType, id, suffix), value)];
      }),
    );
  };

  const generalCodeFiles = {
    base: write(GENERAL_CODE_FILES.base, app.base),
    common: app.common ? write(GENERAL_CODE_FILES.common, app.common) : null,
    readme: write(GENERAL_CODE_FILES.readme, app.readme.endsWith('\n') ? app.readme : `${app.readme}\n`),
    groups: write(GENERAL_CODE_FILES.groups, app.groups),
  };

  const connection = Object.fromEntries(
    app.connections.map((c) => [
      c.id,
      {
        label: c.label,
        connectionType: c.type,
        codeFiles: writeCodes('connection', c.id, {
          communication: c.communication,
          params: c.params,
          common: c.common,
        }),
      },
    ]),
  );

  const module = Object.fromEntries(
    app.modules.map((m) => [
      m.id,
      {
        label: m.label,
        description: m.description,
        moduleType: m.type,
        ...(m.type === 'action' ? { actionCrud: m.crud ?? null } : {}),
        connection: m.connection,
        altConnection: null,
        codeFiles: writeCodes('module', m.id, {
          communication: m.communication,
          staticParams: m.staticParams ?? [],
          mappableParams: m.mappableParams,
          interface: m.interface,
          samples: m.samples,
          scope: m.scope ?? [],
        }),
      },
    ]),
  );

  const rpc = Object.fromEntries(
    app.rpcs.map((r) => [
      r.id,
      {
        label: r.label,
        connection: r.connection,
        altConnection: null,
        codeFiles: writeCodes('rpc', r.id, { communication: r.communication, params: r.params }),
      },
    ]),
  );

  const fn = Object.fromEntries(
    app.functions.map((f) => [f.id, { codeFiles: writeCodes('function', f.id, { code: f.code, test: f.test }) }]),
  );

  write('makecomapp.json', {
    fileVersion: 1,
    generalCodeFiles,
    components: { connection, webhook: {}, module, rpc, function: fn, endpoint: {} },
    origins: targets.map((target) => originOf(app, target)),
  });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * makecomapp.json has four keys (fileVersion, generalCodeFiles, components, origins) and no place for the app's
 * own metadata: of the app's manifest fields, `name` and `version` are the `appId` and `appVersion` of each
 * origin, the readme is a general code file, and `label`, `description`, `language` and `theme` stay with the
 * app in Make (set when it is created there); the checks are told the language (sdk/check/rule.ts).
 */
function originOf(app: AppDefinition, { label, baseUrl, appId, appVersion, apikeyFile, idMapping }: DeployTarget): Record<string, unknown> {
  return {
    ...(label === undefined ? {} : { label }),
    baseUrl,
    appId: appId ?? app.name,
    appVersion: appVersion ?? app.version,
    apikeyFile,
    ...(idMapping === undefined ? {} : { idMapping }),
  };
}

function assertUniqueIds(type: ComponentType, components: Array<{ id: string }>): void {
  const seen = new Set<string>();
  for (const { id } of components) {
    if (seen.has(id)) {
      throw new DefinitionError(
        `two ${type}s have the id '${id}'`,
        `${type}s/${id}.ts`,
        `give each ${type} its own id (Make's makecomapp.json maps ids to components)`,
      );
    }
    seen.add(id);
  }
}
