// A Make scenario as "Export Blueprint" writes it: the types, the built-in modules this project knows by their
// verified ids, and the helpers that write a blueprint. Knows nothing of any app: a custom app's modules are
// named by the caller (`app#<app id>:<module name>`).
//
// What is verified and what is not (README, « Scenario templates »): the top level, a module's keys, the ids and
// versions of the five built-ins below, the aggregator's `feeder`/`target`, the router's `routes`, a filter's
// shape and operators are as Make exports them. The constants marked UNVERIFIED are this project's choices where
// no export or note of Make's settled the value; each is named here and nowhere else.

export interface Blueprint {
  name: string;
  /** The modules in the order Make runs them; a router carries its routes. */
  flow: BlueprintModule[];
  metadata: BlueprintMetadata;
}

export interface BlueprintModule {
  /** Unique in the scenario; mappings name it: `{{<id>.<field>}}`. */
  id: number;
  /** `<app>:<Module>`: `builtin:BasicAggregator`, `app#<app id>:<module name>`, ... */
  module: string;
  version: number;
  /** Static settings: the connection (`__IMTCONN__`), the aggregator's `feeder` and `target`, ... */
  parameters: Record<string, unknown>;
  /** Mapped values: scenario IML (`{{1.email}}`, functions with `;` between arguments). */
  mapper: Record<string, unknown>;
  /** The filter on the link into this module. */
  filter?: BlueprintFilter;
  /** A router's routes, each with its own flow. */
  routes?: Array<{ flow: BlueprintModule[] }>;
  metadata: {
    designer: { x: number; y: number; name?: string };
    /** What Make shows before it loads the app: the connection field and its account type. */
    parameters?: Array<{ name: string; type: string; label: string; required: boolean }>;
  };
}

/** An OR of AND groups: the filter passes when every condition of at least one group holds. */
export interface BlueprintFilter {
  name: string;
  conditions: FilterCondition[][];
}

export interface FilterCondition {
  /** The left operand: scenario IML. */
  a: string;
  /** The operator, e.g. `number:lessorequal`, `text:contain:ci` (filters.ts). */
  o: string;
  /** The right operand (absent for `exist` and `notexist`). */
  b?: string;
}

export interface BlueprintMetadata {
  instant: boolean;
  version: number;
  scenario: {
    roundtrips: number;
    maxErrors: number;
    autoCommit: boolean;
    autoCommitTriggerLast: boolean;
    sequential: boolean;
    slots: null;
    confidential: boolean;
    dataloss: boolean;
    dlq: boolean;
    freshVariables: boolean;
  };
  designer: { orphans: unknown[] };
  zone: string;
}

/** The zone of a new blueprint's metadata (the one of Make's exports this project read). */
export const DEFAULT_ZONE = 'eu1.make.com';

/** A scenario's settings as a new scenario exports them. */
export function scenarioMetadata(zone = DEFAULT_ZONE): BlueprintMetadata {
  return {
    instant: false,
    version: 1,
    scenario: {
      roundtrips: 1,
      maxErrors: 3,
      autoCommit: true,
      autoCommitTriggerLast: true,
      sequential: false,
      slots: null,
      confidential: false,
      dataloss: false,
      dlq: false,
      freshVariables: false,
    },
    designer: { orphans: [] },
    zone,
  };
}

/** The built-in modules this project knows, by their verified ids; each is version 1. */
export const BUILTIN_MODULES = {
  iterator: 'builtin:BasicFeeder',
  aggregator: 'builtin:BasicAggregator',
  router: 'builtin:BasicRouter',
  setVariable: 'util:SetVariable2',
  parseJson: 'json:ParseJSON',
} as const;

export type BuiltinKind = keyof typeof BUILTIN_MODULES;

export const BUILTIN_VERSION = 1;

/** The name of the field of `json:ParseJSON` that holds the JSON text. UNVERIFIED: read from exports, not
 * from a note of Make's. */
export const PARSE_JSON_FIELD = 'json';

/** The connection parameter of a module that has one. */
export const CONNECTION_PARAMETER = '__IMTCONN__';

/**
 * The connection id a template carries: a template belongs to no account, and Make asks whoever imports it to
 * choose their connection. UNVERIFIED: what Make does with this value on import (every export carries the id of
 * a connection of the exporting account, which the importing account never has either).
 */
export const TEMPLATE_CONNECTION_ID = 0;

/**
 * The account type of a custom app's connection, as a module's `metadata.parameters` names it
 * (`account:<connection name>`). UNVERIFIED: the name Make gives a custom app's connection; a deploy that
 * records the remote connection's name (its id mapping) gives the real one.
 */
export function accountType(connectionName: string): string {
  return `account:${connectionName}`;
}

/** `app#<app id>:<module name>`: how a blueprint names a custom app's module. */
export function appModuleRef(appId: string, moduleName: string): string {
  return `app#${appId}:${moduleName}`;
}

export type ModuleRef =
  | { kind: 'app'; appId: string; module: string }
  | { kind: 'builtin'; builtin: BuiltinKind }
  | { kind: 'other'; ref: string };

/** What a blueprint module's `module` names. */
export function parseModuleRef(ref: string): ModuleRef {
  const app = /^app#([^:]+):(.+)$/.exec(ref);
  if (app) return { kind: 'app', appId: app[1], module: app[2] };
  const builtin = (Object.keys(BUILTIN_MODULES) as BuiltinKind[]).find((kind) => BUILTIN_MODULES[kind] === ref);
  return builtin ? { kind: 'builtin', builtin } : { kind: 'other', ref };
}

/** Horizontal distance between two modules in the designer, as the editor lays out a straight flow. */
export const DESIGNER_STEP = 300;

/** The designer position of the n-th module (0-based) of a straight flow. */
export function designerAt(index: number, name?: string): BlueprintModule['metadata'] {
  return { designer: { x: index * DESIGNER_STEP, y: 0, ...(name === undefined ? {} : { name }) } };
}

/** Every module of a flow, routes included, in the order Make runs them (a router, then its routes in order). */
export function allModules(flow: readonly BlueprintModule[]): BlueprintModule[] {
  return flow.flatMap((module) => [module, ...(module.routes ?? []).flatMap((route) => allModules(route.flow))]);
}
