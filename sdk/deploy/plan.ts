// What a deploy writes: the built app (dist/) against the app as Make has it, component by component and section by
// section, through the origin's id mapping. Pure: reads nothing and writes nothing; apply.ts does the writes.
import { stableJson } from '../emit/json';
import { CODE_FILE_SUFFIXES, GENERAL_CODE_FILES, codeFilePath, type ComponentType } from '../emit/layout';
import { mapReader, readEmittedApp, type ComponentFiles, type EmittedApp, type FileReader } from '../emitted';
import { isPlainObject } from '../../lib/values';
import { diffLines, type LineDiff } from './diff';
import { MAPPED_TYPES, type IdMapping, type MappedType } from './origins';
import type { RemoteApp, RemoteComponent } from './remote';
import { COMPONENT_SECTIONS, GENERAL_SECTIONS, MODULE_TYPE_IDS, TYPE_NAMES, moduleTypeOf, type SectionDef } from './sections';

/** A metadata field that differs: Make's name for it, and its values as the messages show them. */
export interface MetaChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** What a component's metadata should be, with connections named by their local id (resolved when written). */
export interface DesiredMeta {
  label: string;
  description?: string;
  /** connection: its type (basic, oauth); module: its moduleType. */
  type?: string;
  crud?: string | null;
  connection?: string | null;
  altConnection?: string | null;
}

export type Step =
  | { kind: 'create'; type: MappedType; localId: string; desired: DesiredMeta }
  | { kind: 'metadata'; type: MappedType; localId: string; desired: DesiredMeta; changes: MetaChange[] }
  | {
      kind: 'section';
      /** 'app' for base, common, readme and groups. */
      type: MappedType | 'app';
      localId: string;
      section: SectionDef;
      /** The text Make is sent: the code file as the build wrote it (groups: with Make's module names). */
      text: string;
      diff: LineDiff;
      /** Make has nothing in this section yet (a component created by this deploy, a section never written). */
      isNew: boolean;
    }
  | { kind: 'delete'; type: MappedType; remoteName: string; label: string; /** the mapping entry to drop */ localId?: string };

export interface Plan {
  steps: Step[];
  /** Things worth knowing that change nothing by themselves (an adopted component, a remote one kept). */
  notes: string[];
  /** What stops the deploy before anything is written (a connection whose type would have to change...). */
  problems: string[];
  /** The mapping after this plan's adoptions (what apply starts from). */
  mapping: IdMapping;
  /** Local ids of the components found in Make unmapped and adopted by this plan. */
  adopted: Record<MappedType, string[]>;
  /** The app as Make has it, in the layout of dist/ and with local ids: what compareApps reads as `before`. */
  remoteApp: EmittedApp;
}

export interface PlanInput {
  local: EmittedApp;
  /** The built files, for the texts sent to Make as they are. */
  read: FileReader;
  remote: RemoteApp;
  mapping: IdMapping;
  /** Components created by a deploy that stopped (the origin's `pending`): compared as new. */
  pending: Record<MappedType, string[]>;
  prune: boolean;
}

const LOCAL_KEYS: Record<MappedType, 'connections' | 'modules' | 'rpcs'> = { connection: 'connections', module: 'modules', rpc: 'rpcs' };

export function planDeploy(input: PlanInput): Plan {
  const { local, read, remote, prune } = input;
  const mapping: IdMapping = {
    connection: { ...input.mapping.connection },
    module: { ...input.mapping.module },
    rpc: { ...input.mapping.rpc },
  };
  const notes: string[] = [];
  const problems: string[] = [];

  for (const type of ['webhook', 'function', 'endpoint']) {
    const present = Object.keys(((local.manifest.components ?? {}) as Record<string, Record<string, unknown>>)[type] ?? {});
    if (present.length > 0) problems.push(`the build has ${type}s (${present.join(', ')}), which this deploy does not handle yet`);
  }

  // Match every local component with its remote one: by the mapping, else by adoption, else it is created.
  const matched: Record<MappedType, Map<string, RemoteComponent>> = { connection: new Map(), module: new Map(), rpc: new Map() };
  /** Matched components no scenario can be using yet: created by a deploy that stopped, or found unmapped. */
  const fresh: Record<MappedType, Set<string>> = {
    connection: new Set(input.pending.connection),
    module: new Set(input.pending.module),
    rpc: new Set(input.pending.rpc),
  };
  const skipped: Record<MappedType, Set<string>> = { connection: new Set(), module: new Set(), rpc: new Set() };
  for (const type of MAPPED_TYPES) {
    const remoteByName = new Map(remote.components[type].map((c) => [c.name, c]));
    const claimed = (): Set<string> => new Set(Object.values(mapping[type]).filter((n): n is string => typeof n === 'string'));
    for (const localId of Object.keys(local[LOCAL_KEYS[type]])) {
      const mapped = mapping[type][localId];
      if (mapped === null) {
        skipped[type].add(localId);
        notes.push(`${TYPE_NAMES[type]} ${localId}: not deployed to this origin (mapped to null)`);
        continue;
      }
      if (mapped !== undefined) {
        const found = remoteByName.get(mapped);
        if (found) {
          matched[type].set(localId, found);
          continue;
        }
        notes.push(`${TYPE_NAMES[type]} ${localId}: mapped to ${mapped}, which Make does not have (any more): it is created again`);
        delete mapping[type][localId];
      }
      const candidate = adoptable(type, localId, local[LOCAL_KEYS[type]][localId], remote.components[type], claimed());
      if (candidate) {
        mapping[type][localId] = candidate.name;
        matched[type].set(localId, candidate);
        fresh[type].add(localId);
        notes.push(`${TYPE_NAMES[type]} ${localId}: matched with the ${TYPE_NAMES[type]} ${candidate.name} Make already has (not mapped yet)`);
      }
    }
  }

  /** The remote name of a local component, as it will be once created (modules and RPCs are created under their local id). */
  const remoteNameOf = (type: MappedType, localId: string): string | undefined => {
    const mapped = mapping[type][localId];
    if (typeof mapped === 'string') return mapped;
    return type === 'connection' ? undefined : localId;
  };
  const localIdOf = (type: MappedType, remoteName: string | null): string | null => {
    if (remoteName === null) return null;
    const entry = Object.entries(mapping[type]).find(([, remoteValue]) => remoteValue === remoteName);
    return entry ? entry[0] : remoteName;
  };

  const adopted = Object.fromEntries(MAPPED_TYPES.map((type) => [type, Object.keys(mapping[type]).filter((id) => input.mapping[type][id] === undefined)])) as Record<MappedType, string[]>;

  const steps: Step[] = [];
  for (const type of MAPPED_TYPES) {
    for (const [localId, component] of Object.entries(local[LOCAL_KEYS[type]])) {
      if (skipped[type].has(localId)) continue;
      const desired = desiredMeta(type, component);
      const existing = matched[type].get(localId);
      if (!existing) {
        steps.push({ kind: 'create', type, localId, desired });
      } else {
        const changes = metaChanges(type, desired, existing, (t, id) => (id === null || id === undefined ? null : (remoteNameOf(t, id) ?? `(the new ${TYPE_NAMES[t]} ${id})`)));
        const typeChange = changes.find((c) => c.field === 'type');
        if (type === 'connection' && typeChange) {
          problems.push(`connection ${localId} is '${typeChange.from}' in Make and '${typeChange.to}' in the build: Make cannot change a connection's type (map it to null and create a new connection)`);
        }
        const patchable = type === 'connection' ? changes.filter((c) => c.field !== 'type') : changes;
        if (patchable.length > 0) steps.push({ kind: 'metadata', type, localId, desired, changes: patchable });
      }
      for (const section of COMPONENT_SECTIONS[type]) {
        const path = component.paths[section.code];
        if (path === undefined) continue;
        const localValue = component.codes[section.code];
        const remoteValue = existing?.sections[section.api];
        if (sameJson(localValue, remoteValue)) continue;
        steps.push({
          kind: 'section',
          type,
          localId,
          section,
          text: readText(read, path),
          diff: diffLines(pretty(remoteValue), pretty(localValue)),
          isNew: remoteValue === undefined,
        });
      }
    }
  }

  // The app's own sections; groups name modules, in Make by their remote names.
  for (const section of GENERAL_SECTIONS) {
    const path = local.generalPaths[section.code];
    if (!path) continue;
    const remoteValue = remote.general[section.api];
    if (section.code === 'readme') {
      const text = readText(read, path);
      if (remoteValue !== undefined && typeof remoteValue === 'string' && remoteValue.trimEnd() === text.trimEnd()) continue;
      steps.push({ kind: 'section', type: 'app', localId: '', section, text, diff: diffLines(typeof remoteValue === 'string' ? remoteValue : '', text), isNew: remoteValue === undefined });
      continue;
    }
    let localValue = local.general[section.code as 'base' | 'common' | 'groups'];
    let text = readText(read, path);
    if (section.code === 'groups') {
      localValue = renameGroupModules(localValue, (id) => remoteNameOf('module', id) ?? id);
      text = stableJson(localValue);
    }
    if (sameJson(localValue, remoteValue)) continue;
    steps.push({ kind: 'section', type: 'app', localId: '', section, text, diff: diffLines(pretty(remoteValue), pretty(localValue)), isNew: remoteValue === undefined });
  }

  // Remote components no local one is: deleted with --prune (modules and RPCs before the connections they use).
  const remoteOnly: Array<{ type: MappedType; component: RemoteComponent; localId?: string }> = [];
  for (const type of ['module', 'rpc', 'connection'] as const) {
    const used = new Set([...matched[type].values()].map((c) => c.name));
    for (const component of remote.components[type]) {
      if (used.has(component.name)) continue;
      const entry = Object.entries(mapping[type]).find(([, remoteName]) => remoteName === component.name);
      remoteOnly.push({ type, component, localId: entry?.[0] });
    }
  }
  for (const { type, component, localId } of remoteOnly) {
    const label = String(component.meta.label ?? component.name);
    if (prune) steps.push({ kind: 'delete', type, remoteName: component.name, label, localId });
    else notes.push(`${TYPE_NAMES[type]} ${component.name} ("${label}") is in Make but not in the build: kept (--prune deletes it)`);
  }

  const localReadme = local.general.readme;
  // What scenarios may use: the matched components, less those no deploy has finished writing (compared as new).
  const used = Object.fromEntries(
    MAPPED_TYPES.map((type) => [type, new Map([...matched[type]].filter(([localId]) => !fresh[type].has(localId)))]),
  ) as Record<MappedType, Map<string, RemoteComponent>>;
  for (const type of MAPPED_TYPES) {
    for (const localId of fresh[type]) {
      if (matched[type].has(localId)) notes.push(`${TYPE_NAMES[type]} ${localId}: no deploy finished writing it yet: compared as new`);
    }
  }
  const remoteApp = remoteAsEmitted(remote, used, prune ? remoteOnly : [], (type, name) => localIdOf(type, name), localReadme);
  return { steps, notes, problems, mapping, adopted, remoteApp };
}

/**
 * An unmapped remote component that is evidently this local one: a module or RPC of the same name (they are created
 * under their local id), or the one unmapped connection of the same type and label (a connection's name is Make's
 * choice: one created by a deploy that stopped before it could record the name is found again this way).
 */
function adoptable(type: MappedType, localId: string, component: ComponentFiles, remotes: RemoteComponent[], claimed: Set<string>): RemoteComponent | undefined {
  const free = remotes.filter((r) => !claimed.has(r.name));
  if (type !== 'connection') return free.find((r) => r.name === localId);
  const same = free.filter((r) => r.meta.label === component.meta.label && r.meta.type === component.meta.connectionType);
  return same.length === 1 ? same[0] : undefined;
}

function desiredMeta(type: MappedType, component: ComponentFiles): DesiredMeta {
  const meta = component.meta;
  const label = String(meta.label ?? component.id);
  if (type === 'connection') return { label, type: String(meta.connectionType) };
  const connection = (meta.connection ?? null) as string | null;
  const altConnection = (meta.altConnection ?? null) as string | null;
  if (type === 'rpc') return { label, connection, altConnection };
  const moduleType = String(meta.moduleType);
  return {
    label,
    description: (meta.description ?? '') as string,
    type: moduleType,
    ...(moduleType === 'action' ? { crud: (meta.actionCrud ?? null) as string | null } : {}),
    connection,
    altConnection,
  };
}

function metaChanges(
  type: MappedType,
  desired: DesiredMeta,
  remote: RemoteComponent,
  remoteConnection: (type: MappedType, localId: string | null | undefined) => string | null,
): MetaChange[] {
  const changes: MetaChange[] = [];
  const differ = (field: string, from: unknown, to: unknown): void => {
    if (!sameJson(from ?? null, to ?? null)) changes.push({ field, from, to });
  };
  differ('label', remote.meta.label, desired.label);
  if (type === 'connection') {
    differ('type', remote.meta.type, desired.type);
    return changes;
  }
  if (type === 'module') {
    differ('description', remote.meta.description || '', desired.description || '');
    differ('typeId', moduleTypeOf(remote.meta.typeId) ?? remote.meta.typeId, desired.type);
    if (desired.crud !== undefined) differ('crud', remote.meta.crud, desired.crud);
  }
  differ('connection', remote.meta.connection, remoteConnection('connection', desired.connection));
  differ('altConnection', remote.meta.altConnection, remoteConnection('connection', desired.altConnection));
  return changes;
}

/** Make's API body for a component's metadata (creation adds what only a creation takes). */
export function metadataBody(type: MappedType, desired: DesiredMeta, fields: string[] | 'all', connectionName: (localId: string) => string): Record<string, unknown> {
  const want = (field: string): boolean => fields === 'all' || fields.includes(field);
  const body: Record<string, unknown> = {};
  if (want('label')) body.label = desired.label;
  if (type === 'connection') return body;
  if (type === 'module') {
    if (want('description')) body.description = desired.description ?? '';
    if (want('typeId')) body.typeId = MODULE_TYPE_IDS[desired.type ?? ''];
    if (want('crud') && desired.crud !== undefined) body.crud = desired.crud;
  }
  const reference = (localId: string | null | undefined): string | null => (localId ? connectionName(localId) : null);
  if (want('connection') && (fields !== 'all' || desired.connection)) body.connection = reference(desired.connection);
  if (want('altConnection') && (fields !== 'all' || desired.altConnection)) body.altConnection = reference(desired.altConnection);
  return body;
}

/** `groups` with each module id renamed. */
function renameGroupModules(groups: unknown, rename: (id: string) => string): unknown {
  if (!Array.isArray(groups)) return groups;
  return groups.map((group) =>
    isPlainObject(group) && Array.isArray(group.modules)
      ? { ...group, modules: group.modules.map((id) => (typeof id === 'string' ? rename(id) : id)) }
      : group,
  );
}

/**
 * The remote app in the layout of dist/, each component under its local id: the components matched with local ones,
 * and the remote-only ones a prune deletes (those a deploy keeps do not change, so they are left out).
 */
function remoteAsEmitted(
  remote: RemoteApp,
  matched: Record<MappedType, Map<string, RemoteComponent>>,
  deleted: Array<{ type: MappedType; component: RemoteComponent; localId?: string }>,
  localIdOf: (type: MappedType, remoteName: string | null) => string | null,
  localReadme: string | undefined,
): EmittedApp {
  const files: Array<{ path: string; content: string }> = [];
  const write = (path: string, value: unknown): string => {
    files.push({ path, content: typeof value === 'string' ? value : stableJson(value) });
    return path;
  };
  const components: Record<string, Record<string, unknown>> = { connection: {}, webhook: {}, module: {}, rpc: {}, function: {}, endpoint: {} };
  const add = (type: MappedType, localId: string, component: RemoteComponent): void => {
    let id = localId;
    while (components[type][id] !== undefined) id = `${id}Remote`;
    const suffixes = CODE_FILE_SUFFIXES[type] as Record<string, string>;
    const codeFiles = Object.fromEntries(
      COMPONENT_SECTIONS[type]
        .filter((s) => s.code in suffixes)
        .map((s) => {
          const value = component.sections[s.api];
          return [s.code, value === undefined ? null : write(codeFilePath(type as ComponentType, id, suffixes[s.code]), value)];
        }),
    );
    const meta = component.meta;
    const connection = localIdOf('connection', (meta.connection ?? null) as string | null);
    const altConnection = localIdOf('connection', (meta.altConnection ?? null) as string | null);
    if (type === 'connection') {
      components.connection[id] = { label: meta.label, connectionType: meta.type, codeFiles };
    } else if (type === 'rpc') {
      components.rpc[id] = { label: meta.label, connection, altConnection, codeFiles };
    } else {
      const moduleType = moduleTypeOf(meta.typeId) ?? String(meta.typeId);
      components.module[id] = {
        label: meta.label,
        description: meta.description ?? '',
        moduleType,
        ...(moduleType === 'action' ? { actionCrud: meta.crud ?? null } : {}),
        connection,
        altConnection,
        codeFiles,
      };
    }
  };
  for (const type of MAPPED_TYPES) for (const [localId, component] of matched[type]) add(type, localId, component);
  for (const { type, component, localId } of deleted) add(type, localId ?? component.name, component);

  // A readme that differs only by its last newlines is the same readme (Make may keep it without them).
  const general = { ...remote.general };
  if (typeof general.readme === 'string' && localReadme !== undefined && general.readme.trimEnd() === localReadme.trimEnd()) general.readme = localReadme;
  const groups = renameGroupModules(general.groups, (name) => localIdOf('module', name) ?? name);
  write('makecomapp.json', {
    fileVersion: 1,
    generalCodeFiles: {
      base: general.base === undefined ? null : write(GENERAL_CODE_FILES.base, general.base),
      common: general.common === undefined ? null : write(GENERAL_CODE_FILES.common, general.common),
      readme: typeof general.readme === 'string' ? write(GENERAL_CODE_FILES.readme, general.readme) : null,
      groups: groups === undefined ? null : write(GENERAL_CODE_FILES.groups, groups),
    },
    components,
    origins: [],
  });
  return readEmittedApp(mapReader(files));
}

function readText(read: FileReader, path: string): string {
  const text = read(path);
  if (text === undefined) throw new Error(`${path}: file is missing (listed in makecomapp.json)`);
  return text;
}

/** A JSON value as the diff shows it: as the build writes it (2-space JSON); nothing for an absent section. */
function pretty(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return stableJson(value);
}

/** Equal as JSON, whatever the order of object keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'undefined';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (isPlainObject(value)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys(value[key])]),
    );
  }
  return value;
}
