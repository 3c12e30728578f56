// Walking an emitted app for the rules: its files, the requests of a communication, the parameters of a
// list (recursively). Everything here tolerates malformed input: a wrong shape is skipped, never thrown on.
import type { PathSegments } from '../../../lib/paths';
import { isPlainObject } from '../../../lib/values';
import type { ComponentFiles, EmittedApp } from '../../emitted';

export type JsonObject = Record<string, unknown>;

export function nonBlankString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** One parsed file of the app, with what it belongs to. */
export interface AppFile {
  /** Path relative to the app root (dist/). */
  file: string;
  /** Code type: `communication`, `mappableParams`, ... ; `manifest`, `base`, `common`, `readme`, `groups` for general files. */
  code: string;
  /** Parsed JSON, or text for .js / .md files. */
  value: unknown;
  owner: { type: 'general' | 'connection' | 'module' | 'rpc' | 'function'; id?: string };
}

const COMPONENT_KINDS = [
  ['connection', 'connections'],
  ['module', 'modules'],
  ['rpc', 'rpcs'],
  ['function', 'functions'],
] as const;

/** Every file of the app: makecomapp.json, the general files, then each component's code files. */
export function appFiles(app: EmittedApp): AppFile[] {
  const files: AppFile[] = [{ file: 'makecomapp.json', code: 'manifest', value: app.manifest, owner: { type: 'general' } }];
  const general = (app.general ?? {}) as Record<string, unknown>;
  for (const [code, path] of Object.entries(app.generalPaths ?? {})) {
    if (typeof path === 'string') files.push({ file: path, code, value: general[code], owner: { type: 'general' } });
  }
  for (const [type, key] of COMPONENT_KINDS) {
    for (const component of components(app, key)) {
      for (const [code, path] of Object.entries(component.paths ?? {})) {
        if (typeof path !== 'string') continue;
        files.push({ file: path, code, value: component.codes?.[code], owner: { type, id: component.id } });
      }
    }
  }
  return files;
}

export function components(app: EmittedApp, key: 'connections' | 'modules' | 'rpcs' | 'functions'): ComponentFiles[] {
  const all = app[key];
  return isPlainObject(all) ? (Object.values(all) as ComponentFiles[]).filter(isPlainObject) : [];
}

/** The component types a Make user sees by their label: makecomapp.json's type name, and the app's key. */
export const LABELLED_KINDS = [
  ['module', 'modules'],
  ['connection', 'connections'],
  ['rpc', 'rpcs'],
] as const;

/** A table's own entry: a name read from the app (`constructor`, `toString`) must not find Object's members. */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** Code types whose strings Make evaluates as IML (samples, scope, common, readme and JS are not). */
export const IML_CODES: ReadonlySet<string> = new Set([
  'base',
  'communication',
  'params',
  'staticParams',
  'mappableParams',
  'interface',
  'epoch',
  'attach',
  'detach',
  'update',
]);

/** Code types that are parameter lists. */
export const PARAMETER_CODES: ReadonlySet<string> = new Set(['params', 'staticParams', 'mappableParams', 'interface']);

/** The requests of a communication: one object, or an array of them (chained requests). */
export function requestsOf(communication: unknown): Array<{ request: JsonObject; segments: PathSegments }> {
  if (Array.isArray(communication)) {
    return communication.flatMap((request, index) => (isPlainObject(request) ? [{ request, segments: [index] }] : []));
  }
  return isPlainObject(communication) ? [{ request: communication, segments: [] }] : [];
}

export interface VisitedParameter {
  param: JsonObject;
  segments: PathSegments;
  /** How it was reached: a top-level entry, a `nested` field, a field of a `spec` list, or the single item `spec` of an array. */
  via: 'root' | 'nested' | 'spec' | 'item';
}

/**
 * Every parameter of a list, parents first: top-level entries, `nested` lists (also under select options)
 * and `spec` (a list of collection fields, or one item spec). A list given as a string ("rpc://...") has none.
 */
export function walkParameters(list: unknown, segments: PathSegments = [], via: VisitedParameter['via'] = 'root'): VisitedParameter[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((param, index) => (isPlainObject(param) ? visitParameter(param, [...segments, index], via) : []));
}

function visitParameter(param: JsonObject, segments: PathSegments, via: VisitedParameter['via']): VisitedParameter[] {
  const found: VisitedParameter[] = [{ param, segments, via }];
  if (Array.isArray(param.spec)) found.push(...walkParameters(param.spec, [...segments, 'spec'], 'spec'));
  else if (isPlainObject(param.spec)) found.push(...visitParameter(param.spec, [...segments, 'spec'], 'item'));
  found.push(...walkParameters(param.nested, [...segments, 'nested'], 'nested'));
  if (Array.isArray(param.options)) {
    param.options.forEach((option, index) => {
      if (isPlainObject(option)) found.push(...walkParameters(option.nested, [...segments, 'options', index, 'nested'], 'nested'));
    });
  } else if (isPlainObject(param.options)) {
    found.push(...walkParameters(param.options.nested, [...segments, 'options', 'nested'], 'nested'));
  }
  return found;
}

/** Every string leaf of a JSON value (object keys excluded), with its path. */
export function stringLeaves(value: unknown, segments: PathSegments = []): Array<{ text: string; segments: PathSegments }> {
  if (typeof value === 'string') return [{ text: value, segments }];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringLeaves(item, [...segments, index]));
  if (isPlainObject(value)) return Object.entries(value).flatMap(([key, item]) => stringLeaves(item, [...segments, key]));
  return [];
}

