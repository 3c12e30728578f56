// Which app in Make the templates name: `app#<app id>:<module name>`. The deploy origins (make.origins.json) say
// which apps this one is deployed as, with the names Make gave each module and connection there; without them,
// the defaults below.
import { existsSync, readFileSync } from 'node:fs';
import { app } from '../app';
import { CONNECTION_ID } from '../connections/campusSkills';
import { parseOriginsFile, zoneOf, type Origin, type OriginsFile } from '../sdk/deploy/origins';
import { DEFAULT_ZONE } from '../sdk/scenario/blueprint';
import type { AppReference } from '../sdk/scenario/check';

/** The app id a template names when there is no deploy origin: the definition's name. */
export const DEFAULT_APP_ID = app.name;

/**
 * The connection name a module's account type names when no deploy has recorded the remote one
 * (`account:<name>`). UNVERIFIED: that Make names a custom app's connection after the app.
 */
export const DEFAULT_CONNECTION_NAME = app.name;

/** The app a blueprint is written for. */
export interface ScenarioTarget {
  appId: string;
  /** The app's major version in Make: every module's `version`. */
  version: number;
  /** A local module id → its name in Make (the deploy's id mapping; the local id when none is recorded). */
  moduleName: (localId: string) => string;
  /** The connection's name in Make, for the account type of the connection field. */
  connectionName: string;
  /** The Make zone of the blueprint's metadata. */
  zone: string;
  /** The origin it comes from, when one does. */
  origin?: string;
}

export function defaultTarget(): ScenarioTarget {
  return { appId: DEFAULT_APP_ID, version: app.version, moduleName: (id) => id, connectionName: DEFAULT_CONNECTION_NAME, zone: DEFAULT_ZONE };
}

function targetOf(origin: Origin): ScenarioTarget {
  return {
    appId: origin.appId,
    version: origin.appVersion,
    moduleName: (id) => {
      const remote = origin.idMapping.module[id];
      if (remote === null) throw new Error(`the module '${id}' is not deployed to the origin '${origin.label}' (its id mapping is null): a template cannot use it there`);
      return remote ?? id;
    },
    connectionName: origin.idMapping.connection[CONNECTION_ID] ?? DEFAULT_CONNECTION_NAME,
    zone: zoneOf(origin.baseUrl),
    origin: origin.label,
  };
}

/**
 * The app the templates of dist/scenarios/ name: the release origin (production, what a school imports into),
 * else the first origin, else the defaults.
 */
export function blueprintTarget(origins?: OriginsFile): ScenarioTarget {
  const origin = origins?.origins.find((o) => o.release) ?? origins?.origins[0];
  return origin ? targetOf(origin) : defaultTarget();
}

/** Every app id a blueprint may name this app by, for the runner and the check: each origin, and the default. */
export function appReferences(origins?: OriginsFile): AppReference[] {
  const references: AppReference[] = (origins?.origins ?? []).map((origin) => ({
    appId: origin.appId,
    version: origin.appVersion,
    modules: Object.fromEntries(
      Object.entries(origin.idMapping.module).flatMap(([local, remote]) => (typeof remote === 'string' ? [[remote, local]] : [])),
    ),
  }));
  if (!references.some((r) => r.appId === DEFAULT_APP_ID)) references.push({ appId: DEFAULT_APP_ID, version: app.version });
  return references;
}

/** make.origins.json, when the file exists (its mistakes are thrown, named with their place). */
export function readOrigins(file: string): OriginsFile | undefined {
  if (!existsSync(file)) return undefined;
  return parseOriginsFile(readFileSync(file, 'utf8'), file);
}
