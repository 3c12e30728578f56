// The deploy origins: the Make apps a build is deployed to, in one committed file (make.origins.json at the
// repository's root). Each origin names its zone, its app, the file of its API key (gitignored: the key itself is
// never in this file), which remote component each local one is (the id mapping, written back by every deploy
// that creates one), and the version last deployed there. npm run build writes them into dist/makecomapp.json as
// the `origins` of Make's local-development layout, so Make's VS Code extension can deploy a build too.
import { posix, relative, resolve, sep } from 'node:path';
import { stableJson } from '../emit/json';
import type { DeployTarget } from '../emit/emitApp';
import { isPlainObject } from '../../lib/values';
import { parseVersion, type AppVersion } from './version';

/** The component types a deploy creates, updates and deletes (their remote names are in the id mapping). */
export const MAPPED_TYPES = ['connection', 'module', 'rpc'] as const;
export type MappedType = (typeof MAPPED_TYPES)[number];

/** Per component type: local id → remote name in Make (`null`: the local component is not deployed there). */
export type IdMapping = Record<MappedType, Record<string, string | null>>;

export interface Origin {
  /** How the command line names it: `npm run deploy -- --origin <label>`. */
  label: string;
  /** The zone's API root, e.g. `https://eu1.make.com/api`. */
  baseUrl: string;
  /** The app's name in Make (in the URL of its page), e.g. `campus-skills-test`. */
  appId: string;
  /** The version of the app in Make (the `/sdk/apps/<appId>/<appVersion>` of its API), usually 1. */
  appVersion: number;
  /** The file holding the Make API key, relative to the origins file; it must be gitignored. */
  apikeyFile: string;
  /** A release origin (production): every deploy must raise the version and have a changelog entry for it. */
  release: boolean;
  idMapping: IdMapping;
  /**
   * Components a deploy created and has not finished writing (it stopped): compared as new, not as what scenarios
   * use, until a deploy completes. Written to the file only while there are some.
   */
  pending: Record<MappedType, string[]>;
  /** The app version (app/index.ts) that the last complete deploy wrote there; null before the first. */
  lastDeployedVersion: AppVersion | null;
}

export interface OriginsFile {
  /** Kept as written: a note for whoever opens the file. */
  comment?: string;
  origins: Origin[];
}

export class OriginsError extends Error {}

const BASE_URL = /^https:\/\/(.+)\/api$/;
const APP_ID = /^[a-z][0-9a-z-]+[0-9a-z]$/;
const ORIGIN_KEYS = ['label', 'baseUrl', 'appId', 'appVersion', 'apikeyFile', 'release', 'idMapping', 'pending', 'lastDeployedVersion'];
/** Keys that would hold a secret: refused, so a key is never committed by mistake. */
const SECRET_KEY = /^(api[-_]?key|key|token|secret|password)$/i;

/** The zone of an origin's base URL: `https://eu1.make.com/api` → `eu1.make.com` (what @makehq/sdk takes). */
export function zoneOf(baseUrl: string): string {
  const match = BASE_URL.exec(baseUrl);
  if (!match) throw new OriginsError(`'${baseUrl}' is not a Make API base URL (https://<zone>/api, e.g. https://eu1.make.com/api)`);
  return match[1];
}

export function emptyMapping(): IdMapping {
  return { connection: {}, module: {}, rpc: {} };
}

export function noPending(): Record<MappedType, string[]> {
  return { connection: [], module: [], rpc: [] };
}

/** Reads make.origins.json; every mistake is named with its place (`origins[2].baseUrl`). */
export function parseOriginsFile(text: string, fileName = 'make.origins.json'): OriginsFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new OriginsError(`${fileName} is not valid JSON: ${(error as Error).message}`);
  }
  const fail = (place: string, message: string): never => {
    throw new OriginsError(`${fileName}: ${place} ${message}`);
  };
  if (!isPlainObject(raw)) return fail('the file', 'must be an object {"origins": [...]}');
  for (const key of Object.keys(raw)) if (key !== 'origins' && key !== '$comment') fail(key, 'is not a key of this file ($comment, origins)');
  if (!Array.isArray(raw.origins)) return fail('origins', 'must be an array');
  const labels = new Set<string>();
  const origins = raw.origins.map((entry: unknown, index): Origin => {
    const at = `origins[${index}]`;
    if (!isPlainObject(entry)) return fail(at, 'must be an object');
    for (const key of Object.keys(entry)) {
      if (SECRET_KEY.test(key)) fail(`${at}.${key}`, 'looks like a key: keys are never written here; put it in the gitignored file apikeyFile names, or in MAKE_API_KEY');
      if (!ORIGIN_KEYS.includes(key)) fail(`${at}.${key}`, `is not a key of an origin (${ORIGIN_KEYS.join(', ')})`);
    }
    const { label, baseUrl, appId, appVersion, apikeyFile, release, idMapping, pending, lastDeployedVersion } = entry;
    if (typeof label !== 'string' || label.trim() === '') return fail(`${at}.label`, 'must be a non-empty text');
    if (labels.has(label)) fail(`${at}.label`, `'${label}' names two origins`);
    labels.add(label);
    if (typeof baseUrl !== 'string' || !BASE_URL.test(baseUrl)) fail(`${at}.baseUrl`, 'must be the zone\'s API root, https://<zone>/api (e.g. https://eu1.make.com/api)');
    if (typeof appId !== 'string' || !APP_ID.test(appId)) fail(`${at}.appId`, "must be the app's name in Make: lower-case letters, digits and dashes");
    if (typeof appVersion !== 'number' || !Number.isInteger(appVersion) || appVersion < 1) fail(`${at}.appVersion`, 'must be an integer from 1 (the version of the app in Make)');
    if (typeof apikeyFile !== 'string' || apikeyFile.trim() === '') return fail(`${at}.apikeyFile`, 'must be the path of the key file, relative to this file');
    if (apikeyFile.startsWith('/') || /^[A-Za-z]:/.test(apikeyFile)) fail(`${at}.apikeyFile`, 'must be relative to this file (e.g. .secrets/make-test.key)');
    if (release !== undefined && typeof release !== 'boolean') fail(`${at}.release`, 'must be true or false');
    if (lastDeployedVersion !== undefined && lastDeployedVersion !== null) {
      try {
        parseVersion(lastDeployedVersion as AppVersion);
      } catch (error) {
        fail(`${at}.lastDeployedVersion`, (error as Error).message);
      }
    }
    return {
      label,
      baseUrl: baseUrl as string,
      appId: appId as string,
      appVersion: appVersion as number,
      apikeyFile,
      release: release === true,
      idMapping: parseMapping(idMapping, `${at}.idMapping`, fail),
      pending: parsePending(pending, `${at}.pending`, fail),
      lastDeployedVersion: (lastDeployedVersion ?? null) as AppVersion | null,
    };
  });
  return { ...(typeof raw.$comment === 'string' ? { comment: raw.$comment } : {}), origins };
}

function parseMapping(value: unknown, at: string, fail: (place: string, message: string) => never): IdMapping {
  const mapping = emptyMapping();
  if (value === undefined) return mapping;
  if (!isPlainObject(value)) return fail(at, 'must be an object {"connection": {...}, "module": {...}, "rpc": {...}}');
  for (const [type, entries] of Object.entries(value)) {
    if (!(MAPPED_TYPES as readonly string[]).includes(type)) fail(`${at}.${type}`, `is not a mapped component type (${MAPPED_TYPES.join(', ')})`);
    if (!isPlainObject(entries)) fail(`${at}.${type}`, 'must be an object: local id → remote name');
    for (const [local, remote] of Object.entries(entries as Record<string, unknown>)) {
      if (remote !== null && (typeof remote !== 'string' || remote === '')) fail(`${at}.${type}.${local}`, 'must be the remote name (a text), or null to keep it out of this origin');
      mapping[type as MappedType][local] = remote as string | null;
    }
  }
  return mapping;
}

function parsePending(value: unknown, at: string, fail: (place: string, message: string) => never): Record<MappedType, string[]> {
  const pending = noPending();
  if (value === undefined) return pending;
  if (!isPlainObject(value)) return fail(at, 'must be an object {"module": ["localId", ...], ...}');
  for (const [type, ids] of Object.entries(value)) {
    if (!(MAPPED_TYPES as readonly string[]).includes(type)) fail(`${at}.${type}`, `is not a mapped component type (${MAPPED_TYPES.join(', ')})`);
    if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) fail(`${at}.${type}`, 'must be a list of local ids');
    pending[type as MappedType] = [...(ids as string[])];
  }
  return pending;
}

/** The file as the deploy writes it back: a fixed key order, mappings sorted by local id, so diffs stay small. */
export function formatOriginsFile(file: OriginsFile): string {
  return stableJson({
    ...(file.comment === undefined ? {} : { $comment: file.comment }),
    origins: file.origins.map((origin) => ({
      label: origin.label,
      baseUrl: origin.baseUrl,
      appId: origin.appId,
      appVersion: origin.appVersion,
      apikeyFile: origin.apikeyFile,
      release: origin.release,
      idMapping: Object.fromEntries(
        MAPPED_TYPES.map((type) => [type, Object.fromEntries(Object.entries(origin.idMapping[type]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))]),
      ),
      ...(MAPPED_TYPES.some((type) => origin.pending[type].length > 0)
        ? { pending: Object.fromEntries(MAPPED_TYPES.filter((type) => origin.pending[type].length > 0).map((type) => [type, [...origin.pending[type]].sort()])) }
        : {}),
      lastDeployedVersion: origin.lastDeployedVersion,
    })),
  });
}

export function findOrigin(file: OriginsFile, label: string, fileName = 'make.origins.json'): Origin {
  const origin = file.origins.find((o) => o.label === label);
  if (!origin) {
    const known = file.origins.map((o) => `'${o.label}'`).join(', ') || 'none';
    throw new OriginsError(`unknown origin '${label}': ${fileName} has ${known}`);
  }
  return origin;
}

/** The component types of makecomapp.json's idMapping: Make's extension expects every one of them. */
const MANIFEST_TYPES = ['connection', 'webhook', 'module', 'rpc', 'function', 'endpoint'] as const;

/**
 * The origins as the build writes them into makecomapp.json: the key file's path made relative to the output
 * directory (where makecomapp.json is), the mapping as Make's `{local, remote}` lists. The release flag and the
 * last deployed version are this project's own and stay in make.origins.json.
 */
export function deployTargets(file: OriginsFile, originsDir: string, outDir: string): DeployTarget[] {
  return file.origins.map((origin) => ({
    label: origin.label,
    baseUrl: origin.baseUrl,
    appId: origin.appId,
    appVersion: origin.appVersion,
    apikeyFile: relative(resolve(outDir), resolve(originsDir, origin.apikeyFile)).split(sep).join(posix.sep),
    idMapping: Object.fromEntries(
      MANIFEST_TYPES.map((type) => [
        type,
        (MAPPED_TYPES as readonly string[]).includes(type)
          ? Object.entries(origin.idMapping[type as MappedType]).map(([local, remote]) => ({ local, remote }))
          : [],
      ]),
    ),
  }));
}
