// What changed between two emitted apps, and which changes break the scenarios already built on the older one.
// Knows nothing of any particular app: it reads two EmittedApp objects (sdk/emitted.ts), so it compares exactly
// what ships to Make.
//
// Breaking (a scenario that worked may stop working, or silently lose a value):
// - a removed module, connection or RPC; a module whose type or connection changed; a connection whose type changed;
// - an input (static or mappable parameter) or connection field removed or renamed (a rename is a removal plus an
//   addition: reported as the removal, naming the likely new name), or moved between static and mappable
//   parameters (a blueprint keeps the two apart); a new required input or field, or one become required; a type
//   the old values may not fit (anything → `any`, `email`/`url`/`select`/… → `text`, `uinteger` → `integer` →
//   `number` are not breaking); an option of a static list removed; a validation that refuses more;
// - an output field (the interface, into collections and arrays: `contrats[].dateDebut`) removed or retyped.
// Not breaking, listed all the same: whatever is added (module, RPC, optional input, output field, option), labels,
// help and descriptions, communication, samples, the base, the readme and the groups.
import { isPlainObject } from '../../lib/values';
import type { EmittedApp, ComponentFiles } from '../emitted';
import { isParameterList, parameterFields, staticOptions, type ParameterField } from './parameterTree';

export interface AppChange {
  breaking: boolean;
  /** "module syncContracts", "connection campusSkills", "rpc listGroups", "function x", "app". */
  component: string;
  /** The place inside the component: "contrats[].dateDebut", "interface: nombreTransmis", "communication". */
  field?: string;
  /** A stable id of the kind of change: 'module-removed', 'input-removed', 'output-retyped', ... */
  kind: string;
  /** One English line for the integration team. */
  message: string;
}

export function compareApps(before: EmittedApp, after: EmittedApp): AppChange[] {
  return [
    ...compareComponents('connection', before.connections, after.connections, compareConnection),
    ...compareComponents('module', before.modules, after.modules, compareModule),
    ...compareComponents('rpc', before.rpcs, after.rpcs, compareRpc),
    ...compareComponents('function', before.functions, after.functions, compareFunction),
    ...compareGeneral(before, after),
  ];
}

/** The changes as lines: a count, then the breaking ones (marked), then the others, each with its kind. */
export function formatChanges(changes: AppChange[]): string {
  if (changes.length === 0) return 'No changes.';
  const breaking = changes.filter((c) => c.breaking);
  const others = changes.filter((c) => !c.breaking);
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [
    `${plural(changes.length, 'change')}, ${breaking.length} breaking:`,
    ...breaking.map((c) => `  BREAKING  ${c.message}  [${c.kind}]`),
    ...others.map((c) => `  -         ${c.message}  [${c.kind}]`),
  ].join('\n');
}

// ------------------------------------------------------------------------------------------------ components

type ComponentType = 'connection' | 'module' | 'rpc' | 'function';

/** What Make loses with a removed component, and why that breaks a scenario (or not). */
const REMOVED: Record<ComponentType, { breaking: boolean; why: string }> = {
  connection: { breaking: true, why: 'the connections users created with it and every module using it stop working' },
  module: { breaking: true, why: 'scenarios using it stop working' },
  rpc: { breaking: true, why: 'the fields whose options or parameters it loads stop loading' },
  function: { breaking: false, why: "only the app's own IML called it (the checks refuse a call to a missing function)" },
};

function compareComponents(
  type: ComponentType,
  before: Record<string, ComponentFiles>,
  after: Record<string, ComponentFiles>,
  compareOne: (component: string, before: ComponentFiles, after: ComponentFiles) => AppChange[],
): AppChange[] {
  const changes: AppChange[] = [];
  for (const id of Object.keys(before)) {
    const component = `${type} ${id}`;
    if (!(id in after)) {
      const { breaking, why } = REMOVED[type];
      changes.push({ breaking, component, kind: `${type}-removed`, message: `${component} was removed: ${why}.` });
    } else {
      changes.push(...compareOne(component, before[id], after[id]));
    }
  }
  for (const id of Object.keys(after)) {
    if (!(id in before)) {
      const component = `${type} ${id}`;
      const label = typeof after[id].meta.label === 'string' ? ` (${quote(after[id].meta.label)})` : '';
      changes.push({ breaking: false, component, kind: `${type}-added`, message: `${component}${label} was added.` });
    }
  }
  return changes;
}

function compareModule(component: string, before: ComponentFiles, after: ComponentFiles): AppChange[] {
  const changes: AppChange[] = [];
  const was = before.meta;
  const is = after.meta;
  if (was.moduleType !== is.moduleType) {
    changes.push({
      breaking: true,
      component,
      field: 'moduleType',
      kind: 'module-type-changed',
      message: `${component}: type changed from ${show(was.moduleType)} to ${show(is.moduleType)}: scenarios using it may no longer work as built (bundles, operations, what it outputs).`,
    });
  }
  if (!same(was.connection, is.connection)) {
    changes.push({
      breaking: true,
      component,
      field: 'connection',
      kind: 'module-connection-changed',
      message: `${component}: connection changed from ${show(was.connection)} to ${show(is.connection)}: the connections users chose for it no longer fit.`,
    });
  }
  if (!same(was.actionCrud, is.actionCrud)) {
    changes.push({
      breaking: false,
      component,
      field: 'actionCrud',
      kind: 'module-crud-changed',
      message: `${component}: action kind changed from ${show(was.actionCrud)} to ${show(is.actionCrud)}.`,
    });
  }
  changes.push(...compareTexts(component, was, is, ['label', 'description']));
  changes.push(...compareOtherMeta(component, was, is, ['moduleType', 'connection', 'actionCrud', 'label', 'description']));
  changes.push(...compareInputs(component, before.codes, after.codes));
  changes.push(...compareParameterLists(component, 'output', before.codes.interface, after.codes.interface));
  changes.push(...compareSections(component, before.codes, after.codes, ['communication', 'samples', 'scope']));
  return changes;
}

function compareConnection(component: string, before: ComponentFiles, after: ComponentFiles): AppChange[] {
  const changes: AppChange[] = [];
  if (!same(before.meta.connectionType, after.meta.connectionType)) {
    changes.push({
      breaking: true,
      component,
      field: 'connectionType',
      kind: 'connection-type-changed',
      message: `${component}: type changed from ${show(before.meta.connectionType)} to ${show(after.meta.connectionType)}: every user must create the connection again.`,
    });
  }
  changes.push(...compareTexts(component, before.meta, after.meta, ['label']));
  changes.push(...compareOtherMeta(component, before.meta, after.meta, ['connectionType', 'label']));
  changes.push(...compareParameterLists(component, 'connection-field', before.codes.params, after.codes.params));
  changes.push(...compareSections(component, before.codes, after.codes, ['communication', 'common']));
  return changes;
}

/** An RPC's parameters are its own (what Make passes it when testing), not a field a scenario fills. */
function compareRpc(component: string, before: ComponentFiles, after: ComponentFiles): AppChange[] {
  return [
    ...compareTexts(component, before.meta, after.meta, ['label']),
    ...compareOtherMeta(component, before.meta, after.meta, ['label']),
    ...compareSections(component, before.codes, after.codes, ['communication', 'params']),
  ];
}

function compareFunction(component: string, before: ComponentFiles, after: ComponentFiles): AppChange[] {
  return compareSections(component, before.codes, after.codes, ['code', 'test']);
}

function compareGeneral(before: EmittedApp, after: EmittedApp): AppChange[] {
  const was = before.general as unknown as Record<string, unknown>;
  const is = after.general as unknown as Record<string, unknown>;
  return compareSections('app', was, is, ['base', 'common', 'readme', 'groups']);
}

const SECTION_WHAT: Record<string, string> = {
  communication: 'requests or response handling',
  samples: 'the sample output shown before a first run',
  scope: 'the OAuth scope',
  common: 'the shared data',
  params: "the RPC's own parameters",
  code: 'the code',
  test: 'the test',
  base: 'what every module inherits: URL, headers, errors',
  readme: "the app's readme",
  groups: 'how modules are grouped in the module list',
};

function compareSections(component: string, before: Record<string, unknown>, after: Record<string, unknown>, sections: string[]): AppChange[] {
  return sections
    .filter((section) => !same(before[section], after[section]))
    .map((section) => ({
      breaking: false,
      component,
      field: section,
      kind: 'section-changed',
      message: `${component}: ${section} changed (${SECTION_WHAT[section] ?? section}).`,
    }));
}

function compareTexts(component: string, before: Record<string, unknown>, after: Record<string, unknown>, keys: Array<'label' | 'description'>): AppChange[] {
  return keys
    .filter((key) => !same(before[key], after[key]))
    .map((key) => ({
      breaking: false,
      component,
      field: key,
      kind: `${key}-changed`,
      message:
        key === 'label'
          ? `${component}: label changed from ${show(before[key])} to ${show(after[key])}.`
          : `${component}: ${key} changed.`,
    }));
}

/** Metadata the comparison does not know (altConnection, ...): listed when it differs, never breaking. */
function compareOtherMeta(component: string, before: Record<string, unknown>, after: Record<string, unknown>, known: string[]): AppChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !known.includes(key));
  return keys
    .filter((key) => !same(before[key], after[key]))
    .map((key) => ({
      breaking: false,
      component,
      field: key,
      kind: 'section-changed',
      message: `${component}: ${key} changed from ${show(before[key])} to ${show(after[key])}.`,
    }));
}

// ------------------------------------------------------------------------------------------------ parameters

type Role = 'input' | 'output' | 'connection-field';

const NOUN: Record<Role, string> = { input: 'input', output: 'output field', 'connection-field': 'connection field' };

/** Static and mappable parameters are one set of inputs; a field that moves from one to the other is reported. */
function compareInputs(component: string, before: Record<string, unknown>, after: Record<string, unknown>): AppChange[] {
  const lists = ['staticParams', 'mappableParams'] as const;
  const comparable = lists.every((list) => isParameterList(before[list] ?? []) && isParameterList(after[list] ?? []));
  if (!comparable) {
    return lists
      .filter((list) => !same(before[list], after[list]))
      .map((list) => dynamicListChange(component, list, before[list], after[list]));
  }
  const fields = (codes: Record<string, unknown>): Map<string, Field> => {
    const all = new Map<string, Field>();
    for (const list of lists) for (const field of parameterFields(codes[list] ?? [])) if (!all.has(field.key)) all.set(field.key, { ...field, list });
    return all;
  };
  return compareFields(component, 'input', fields(before), fields(after));
}

function compareParameterLists(component: string, role: Role, before: unknown, after: unknown): AppChange[] {
  const section = role === 'output' ? 'interface' : 'params';
  if (!isParameterList(before ?? []) || !isParameterList(after ?? [])) {
    return same(before, after) ? [] : [dynamicListChange(component, section, before, after)];
  }
  const fields = (list: unknown): Map<string, Field> => new Map(parameterFields(list ?? []).map((f) => [f.key, f]));
  return compareFields(component, role, fields(before), fields(after));
}

/** A list loaded from an RPC (`rpc://...`) on one side: its fields are not known before run time. */
function dynamicListChange(component: string, section: string, before: unknown, after: unknown): AppChange {
  return {
    breaking: false,
    component,
    field: section,
    kind: 'section-changed',
    message: `${component}: ${section} changed from ${show(before)} to ${show(after)}; a list loaded by an RPC cannot be compared field by field: check it by hand.`,
  };
}

interface Field extends ParameterField {
  /** For inputs: staticParams or mappableParams. */
  list?: string;
}

function compareFields(component: string, role: Role, before: Map<string, Field>, after: Map<string, Field>): AppChange[] {
  const changes: Array<AppChange & { order: number }> = [];
  const fieldName = (field: Field): string => (role === 'output' ? `interface: ${field.key}` : field.key);
  const noun = NOUN[role];
  /** Fields whose own change covers their children's (removed, added or retyped). */
  const covered = new Set<string>();
  const isCovered = (field: Field): boolean => field.parentKey !== undefined && covered.has(field.parentKey);
  const push = (field: Field, order: number, breaking: boolean, kind: string, what: string): void => {
    const named = `${quote(field.path)}${field.condition === undefined ? '' : ` (when ${field.condition})`}`;
    changes.push({ breaking, component, field: fieldName(field), kind, message: `${component}: ${noun} ${named} ${what}`, order });
  };

  const removed: Array<{ field: Field; order: number }> = [];
  const added: Array<{ field: Field; order: number }> = [];
  let order = 0;
  for (const field of before.values()) {
    order += 1;
    const now = after.get(field.key);
    if (now === undefined) {
      covered.add(field.key);
      if (!isCovered(field) && !optionRemoved(field, after)) removed.push({ field, order });
      continue;
    }
    if (isCovered(field)) {
      covered.add(field.key);
      continue;
    }
    for (const change of compareField(role, field, now)) {
      if (change.kind === 'retyped') covered.add(field.key);
      push(field, order, change.breaking, `${role}-${change.kind}`, change.what);
    }
  }
  for (const field of after.values()) {
    order += 1;
    if (before.has(field.key)) continue;
    covered.add(field.key);
    if (!isCovered(field)) added.push({ field, order });
  }

  const consequence = {
    input: 'scenarios that fill it lose the value',
    output: 'later modules mapping it get nothing',
    'connection-field': 'existing connections lose the value',
  }[role];
  for (const { field, order } of removed) {
    const rename = likelyRename(field, added.map((a) => a.field));
    push(field, order, true, `${role}-removed`, `was removed${rename}: ${consequence}.`);
  }
  for (const { field, order } of added) {
    if (role !== 'output' && field.param.required === true) {
      const who = role === 'input' ? 'scenarios built before do not fill it' : 'existing connections have no value for it';
      push(field, order, true, `${role}-now-required`, `was added as required: ${who}.`);
    } else {
      push(field, order, false, `${role}-added`, `was added${describeType(field.param)}.`);
    }
  }
  // Before's order for what it had, then what is new; a stable sort keeps each field's own changes together.
  return changes.sort((a, b) => a.order - b.order).map(({ order: _order, ...change }) => change);
}

/** A field nested under an option that is gone: the option's removal says it. */
function optionRemoved(field: Field, after: Map<string, Field>): boolean {
  if (field.option === undefined) return false;
  const select = after.get(field.option.selectKey);
  const options = select === undefined ? undefined : staticOptions(select.param);
  return options !== undefined && !options.some((o) => same(o.value, field.option?.value));
}

/** " (likely renamed to 'x': same label 'L')", when an added field at the same place looks like this one. */
function likelyRename(field: Field, added: Field[]): string {
  const siblings = added.filter((a) => a.group === field.group && (field.list === undefined || a.list === field.list));
  const label = field.param.label;
  const byLabel = typeof label === 'string' && label !== '' ? siblings.find((a) => a.param.label === label) : undefined;
  if (byLabel) return ` (likely renamed to ${quote(byLabel.key)}: same label ${quote(label as string)})`;
  const byPlace = siblings.find((a) => a.index === field.index && typeDescriptor(a.param) === typeDescriptor(field.param));
  if (byPlace) return ` (likely renamed to ${quote(byPlace.key)}: same type at the same place)`;
  return '';
}

interface FieldChange {
  breaking: boolean;
  /** The kind without its role: 'retyped', 'now-required', ... */
  kind: string;
  /** The end of the message, after "<component>: <noun> '<key>' ". */
  what: string;
}

/** The changes of one field present in both apps. */
function compareField(role: Role, before: Field, after: Field): FieldChange[] {
  const changes: FieldChange[] = [];
  const was = before.param;
  const is = after.param;
  if (before.list !== undefined && after.list !== undefined && before.list !== after.list) {
    changes.push({
      breaking: true,
      kind: 'moved',
      what: `moved from ${before.list} to ${after.list}: a scenario keeps the two apart, so the value already set is lost.`,
    });
  }
  const typeBefore = typeDescriptor(was);
  const typeAfter = typeDescriptor(is);
  if (typeBefore !== typeAfter) {
    const widened = role !== 'output' && accepts(is, was);
    changes.push({
      breaking: !widened,
      kind: 'retyped',
      what: `changed type from ${typeBefore} to ${typeAfter}${
        role === 'output'
          ? ': later modules mapping it may get a value of another type.'
          : widened
            ? ' (every value of the old type fits the new one).'
            : ': values set before may be refused.'
      }`,
    });
  }
  if (role !== 'output') {
    if (was.required !== true && is.required === true) {
      const who = role === 'input' ? 'scenarios that leave it empty now fail' : 'existing connections without a value now fail';
      changes.push({ breaking: true, kind: 'now-required', what: `is now required: ${who}.` });
    } else if (was.required === true && is.required !== true) {
      changes.push({ breaking: false, kind: 'now-optional', what: 'is now optional.' });
    }
    changes.push(...compareOptions(role, was, is));
    const validation = compareValidation(was.validate, is.validate);
    if (validation) changes.push(validation);
  }
  const texts = (['label', 'help'] as const).filter((key) => !same(was[key], is[key]));
  if (texts.length > 0) {
    const label = texts.includes('label') ? `label changed from ${show(was.label)} to ${show(is.label)}` : '';
    changes.push({
      breaking: false,
      kind: 'text-changed',
      what: [label, texts.includes('help') ? 'help changed' : ''].filter(Boolean).join('; ') + '.',
    });
  }
  const known = new Set(['name', 'type', 'multiple', 'required', 'options', 'validate', 'label', 'help', 'spec', 'nested']);
  if (role === 'output') for (const key of ['required', 'options', 'validate']) known.delete(key);
  const others = [...new Set([...Object.keys(was), ...Object.keys(is)])].filter((key) => !known.has(key) && !same(was[key], is[key]));
  if (others.length > 0) {
    changes.push({ breaking: false, kind: 'changed', what: `changed: ${others.map((key) => `${key} ${show(was[key])} → ${show(is[key])}`).join(', ')}.` });
  }
  return changes;
}

function compareOptions(role: Role, was: Record<string, unknown>, is: Record<string, unknown>): FieldChange[] {
  const before = staticOptions(was);
  const after = staticOptions(is);
  if (before === undefined || after === undefined) {
    return same(was.options, is.options)
      ? []
      : [{ breaking: false, kind: 'changed', what: `options changed from ${show(was.options)} to ${show(is.options)}.` }];
  }
  const changes: FieldChange[] = [];
  const gone = before.filter((o) => !after.some((a) => same(a.value, o.value)));
  const fresh = after.filter((o) => !before.some((b) => same(b.value, o.value)));
  if (gone.length > 0) {
    changes.push({
      breaking: true,
      kind: 'option-removed',
      what: `lost the option${gone.length === 1 ? '' : 's'} ${gone.map((o) => show(o.value)).join(', ')}: ${role === 'input' ? 'scenarios' : 'connections'} that chose ${gone.length === 1 ? 'it' : 'one'} fail.`,
    });
  }
  if (fresh.length > 0) {
    changes.push({ breaking: false, kind: 'option-added', what: `gained the option${fresh.length === 1 ? '' : 's'} ${fresh.map((o) => show(o.value)).join(', ')}.` });
  }
  const relabelled = after.filter((o) => before.some((b) => same(b.value, o.value) && b.label !== o.label));
  if (relabelled.length > 0) {
    changes.push({ breaking: false, kind: 'text-changed', what: `option label${relabelled.length === 1 ? '' : 's'} changed for ${relabelled.map((o) => show(o.value)).join(', ')}.` });
  }
  return changes;
}

/** A validation that refuses more than before is breaking: a higher min, a lower max, a new or other pattern, fewer enum values. */
function compareValidation(before: unknown, after: unknown): FieldChange | undefined {
  if (same(before, after)) return undefined;
  const was = isPlainObject(before) ? before : {};
  const is = isPlainObject(after) ? after : {};
  const stricter: string[] = [];
  const number = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
  for (const key of ['min', 'minItems']) {
    const a = number(was[key]);
    const b = number(is[key]);
    if (b !== undefined && (a === undefined || b > a)) stricter.push(`${key} ${a ?? 'none'} → ${b}`);
  }
  for (const key of ['max', 'maxItems']) {
    const a = number(was[key]);
    const b = number(is[key]);
    if (b !== undefined && (a === undefined || b < a)) stricter.push(`${key} ${a ?? 'none'} → ${b}`);
  }
  if (is.pattern !== undefined && !same(was.pattern, is.pattern)) stricter.push(`pattern ${show(was.pattern)} → ${show(is.pattern)}`);
  if (Array.isArray(is.enum)) {
    const old = Array.isArray(was.enum) ? was.enum : undefined;
    const lost = old === undefined ? is.enum : old.filter((v) => !(is.enum as unknown[]).some((n) => same(n, v)));
    if (old === undefined || lost.length > 0) stricter.push(`enum ${old === undefined ? 'added' : `without ${lost.map(show).join(', ')}`}`);
  }
  if (stricter.length > 0) {
    return { breaking: true, kind: 'validation-tightened', what: `refuses more values (${stricter.join('; ')}): values set before may be refused.` };
  }
  return { breaking: false, kind: 'validation-loosened', what: `validation changed from ${show(before)} to ${show(after)} (accepts at least what it did).` };
}

/** A parameter's type as a scenario sees it: `text`, `text (multiple)`. */
function typeDescriptor(param: Record<string, unknown>): string {
  return `${String(param.type)}${param.multiple === true ? ' (multiple)' : ''}`;
}

/** Types whose every value the key type accepts: a field retyped this way keeps what scenarios set. */
const WIDER: Record<string, readonly string[]> = {
  text: ['email', 'url', 'select', 'uuid', 'color', 'filename', 'path', 'timezone'],
  number: ['integer', 'uinteger'],
  integer: ['uinteger'],
};

function accepts(wider: Record<string, unknown>, narrower: Record<string, unknown>): boolean {
  if ((wider.multiple === true) !== (narrower.multiple === true)) return false;
  if (wider.type === 'any') return true;
  return WIDER[String(wider.type)]?.includes(String(narrower.type)) ?? false;
}

function describeType(param: Record<string, unknown>): string {
  return typeof param.type === 'string' ? ` (${typeDescriptor(param)}${param.required === true ? ', required' : ''})` : '';
}

// ------------------------------------------------------------------------------------------------ helpers

/** Deep equality of JSON values, key order ignored. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => same(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a).filter((key) => a[key] !== undefined);
    return keys.length === Object.keys(b).filter((key) => b[key] !== undefined).length && keys.every((key) => same(a[key], b[key]));
  }
  return false;
}

function quote(text: string): string {
  return `'${text}'`;
}

/** A value in a one-line message: text in quotes, anything else as JSON, cut when long. */
function show(value: unknown): string {
  if (value === undefined) return 'none';
  const text = typeof value === 'string' ? quote(value) : JSON.stringify(value);
  const line = text.replace(/\s+/g, ' ');
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
