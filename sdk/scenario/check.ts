// `npm run scenario -- check`: a blueprint read against the local app before anything runs. First its shape (a
// blueprint at all: name, flow, ids, modules), then what each module names: a module this project knows, an app
// module that exists, mappings that read an earlier module's declared field, every required input mapped, filter
// operators that are known, an aggregator's feeder and target. The runner refuses a blueprint with an error
// here, so a run never sends anything for a blueprint it would have to guess about.
import type { EmittedApp } from '../emitted';
import type { Parameter } from '../types';
import { jsonPath, type Finding, type Severity } from '../check/findings';
import { BUILTIN_FUNCTIONS, collectFunctionCalls, ImlError } from '../iml';
import { suggest } from '../suggest';
import { isPlainObject, showValue } from '../../lib/values';
import {
  BUILTIN_MODULES,
  BUILTIN_VERSION,
  parseModuleRef,
  type Blueprint,
  type BlueprintModule,
  type BuiltinKind,
} from './blueprint';
import { BUILTIN_LABELS, BUNDLE_COUNT, BUNDLE_POSITION, builtinOutputFields } from './builtins';
import { FILTER_OPERATORS } from './filters';
import type { CountedKind } from './operations';
import { evaluable, imlMessage, moduleReferences, stringLeaves } from './references';

/** How blueprints name the local app: an app id (and its version in Make), and per id the module names. */
export interface AppReference {
  appId: string;
  version: number;
  /** A module's name in the blueprint → its local id; absent names are the local ids themselves. */
  modules?: Record<string, string>;
}

export interface LocalApp {
  /** The emitted app (dist/), as the harness runs it. */
  app: EmittedApp;
  /** The app ids a blueprint may name it by (the deploy origins, a default). */
  references: AppReference[];
}

/** A module of a checked blueprint, placed in its flow. */
export interface PreparedModule {
  module: BlueprintModule;
  /** What it is for the runner and the counting rule; the flow's first module is the `source`. */
  kind: CountedKind;
  builtin?: BuiltinKind;
  /** The app module's local id, for an app module. */
  localModule?: string;
  /** `1`, `2`, `1.2`: the route it is on; undefined on the main flow. */
  route?: string;
  /** The flow it is in, and its place there. */
  flow: PreparedModule[];
  index: number;
  label: string;
  /** Where it is in the blueprint: `$.flow[3].routes[0].flow[1]`. */
  at: Array<string | number>;
  /** A router's routes, placed. */
  routes?: PreparedModule[][];
}

export interface PreparedScenario {
  blueprint: Blueprint;
  flow: PreparedModule[];
  /** Every module in the order Make runs them (routes one after the other). */
  modules: PreparedModule[];
}

interface RuleInfo {
  severity: Severity;
  hint: string;
}

/** The findings of a blueprint check, each with its default fix. */
export const SCENARIO_RULES = {
  'scenario-not-json': { severity: 'error', hint: "export the scenario again from Make (… > Export Blueprint), or correct the file's JSON" },
  'scenario-format': { severity: 'error', hint: 'a blueprint has a name, a flow of modules, each with a unique numeric id, a module, a version, parameters and mapper: export it again from Make' },
  'scenario-unknown-module': { severity: 'error', hint: 'use a module this runner knows (the app\'s modules, or ' + Object.values(BUILTIN_MODULES).join(', ') + '), or replace the module in Make' },
  'scenario-unknown-app': { severity: 'error', hint: 'import the template built for your app (npm run build writes dist/scenarios/), or name the app id of a deploy origin' },
  'scenario-unknown-app-module': { severity: 'error', hint: 'choose a module the app has (npm run build, then see dist/makecomapp.json)' },
  'scenario-version': { severity: 'warning', hint: "use the module version of the app (its major version in Make)" },
  'scenario-iml-syntax': { severity: 'error', hint: 'correct the mapping: scenario IML is {{<module id>.<field>}} and functions with ; between arguments' },
  'scenario-iml-function': { severity: 'error', hint: "use one of Make's built-in functions (see npm run iml)" },
  'scenario-reference-unknown': { severity: 'error', hint: 'map a field of a module of this scenario' },
  'scenario-reference-later': { severity: 'error', hint: 'map only modules that run before this one: move the module, or map another one' },
  'scenario-reference-scope': { severity: 'error', hint: 'after an aggregator, map the aggregator\'s array (and modules before its source); on a route, only that route and what precedes the router' },
  'scenario-reference-unknown-field': { severity: 'error', hint: 'map a field the module outputs (its interface)' },
  'scenario-required-input': { severity: 'error', hint: 'map the required input in the module' },
  'scenario-unknown-input': { severity: 'warning', hint: 'remove the value, or name an input of the module (Make ignores it)' },
  'scenario-filter-operator': { severity: 'error', hint: 'use a documented operator: ' + [...FILTER_OPERATORS.keys()].filter((o) => !o.endsWith(':ci')).join(', ') + ' (text operators also with :ci)' },
  'scenario-filter-operand': { severity: 'warning', hint: 'give the condition its second operand (b)' },
  'scenario-source-filter': { severity: 'error', hint: "move the filter to the link after the first module: the first module's bundles come from --input, no link leads into it" },
  'scenario-aggregator': { severity: 'error', hint: "set the aggregator's Source Module to a module before it, and its Target structure type to an array input of a module after it" },
  'scenario-router': { severity: 'error', hint: 'this runner knows routers without a fallback route (parameters.else = 0)' },
} satisfies Record<string, RuleInfo>;

export type ScenarioRuleId = keyof typeof SCENARIO_RULES;

export interface CheckResult {
  findings: Finding[];
  /** The blueprint placed in its flow, when its shape is a blueprint's (even with other findings). */
  scenario?: PreparedScenario;
}

/** A blueprint's text, checked: not JSON is one finding. */
export function checkBlueprintText(text: string, local: LocalApp, file: string): CheckResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { findings: [finding('scenario-not-json', file, [], `the file is not JSON (${(error as Error).message})`)] };
  }
  return checkBlueprint(raw, local, file);
}

export function checkBlueprint(raw: unknown, local: LocalApp, file: string): CheckResult {
  const findings: Finding[] = [];
  const report = (rule: ScenarioRuleId, at: Array<string | number>, message: string, hint?: string) =>
    findings.push(finding(rule, file, at, message, hint));
  const blueprint = checkShape(raw, report);
  if (!blueprint) return { findings };
  const scenario = prepare(blueprint, local);
  new Checker(scenario, local, report).run();
  return { findings, scenario };
}

function finding(rule: ScenarioRuleId, file: string, at: Array<string | number>, message: string, hint?: string): Finding {
  const info: RuleInfo = SCENARIO_RULES[rule];
  return { severity: info.severity, rule, file, path: jsonPath(at), message, hint: hint ?? info.hint };
}

type Report = (rule: ScenarioRuleId, at: Array<string | number>, message: string, hint?: string) => void;

// ---------------------------------------------------------------------------------------------------- shape

/** The blueprint, when it has a blueprint's shape; every problem of shape is reported. */
function checkShape(raw: unknown, report: Report): Blueprint | undefined {
  const before = { problems: 0 };
  const fail = (at: Array<string | number>, message: string) => {
    before.problems++;
    report('scenario-format', at, message);
  };
  if (!isPlainObject(raw)) {
    fail([], `a blueprint is an object {"name", "flow", "metadata"}, not ${Array.isArray(raw) ? 'an array' : showValue(raw, 40)}`);
    return undefined;
  }
  if (typeof raw.name !== 'string') fail(['name'], 'the scenario has no name (text)');
  if (!Array.isArray(raw.flow)) {
    fail(['flow'], 'the blueprint has no flow (the array of its modules)');
    return undefined;
  }
  if (raw.flow.length === 0) fail(['flow'], 'the flow has no module');
  const ids = new Map<number, string>();
  const checkFlow = (flow: unknown[], at: Array<string | number>) => {
    flow.forEach((entry, index) => {
      const here = [...at, index];
      if (!isPlainObject(entry)) return fail(here, 'a module is an object {id, module, version, parameters, mapper}');
      const name = typeof entry.id === 'number' ? `module ${entry.id}` : `the module at ${jsonPath(here)}`;
      if (typeof entry.id !== 'number' || !Number.isInteger(entry.id) || entry.id < 1) fail([...here, 'id'], `${name}: its id must be a whole number from 1`);
      else if (ids.has(entry.id)) fail([...here, 'id'], `two modules have the id ${entry.id} (${ids.get(entry.id)} and ${jsonPath(here)})`);
      else ids.set(entry.id, jsonPath(here));
      if (typeof entry.module !== 'string' || !/^[^:]+:.+$/.test(entry.module)) fail([...here, 'module'], `${name}: 'module' must name it as <app>:<Module>, got ${showValue(entry.module, 40)}`);
      if (typeof entry.version !== 'number') fail([...here, 'version'], `${name}: 'version' must be a number`);
      for (const key of ['parameters', 'mapper'] as const) {
        if (entry[key] !== undefined && entry[key] !== null && !isPlainObject(entry[key])) fail([...here, key], `${name}: '${key}' must be an object`);
      }
      if (entry.filter !== undefined) checkFilterShape(entry.filter, [...here, 'filter'], name, fail);
      if (entry.routes !== undefined) {
        if (!Array.isArray(entry.routes)) return fail([...here, 'routes'], `${name}: 'routes' must be an array of {flow}`);
        entry.routes.forEach((route, r) => {
          if (!isPlainObject(route) || !Array.isArray(route.flow)) return fail([...here, 'routes', r], `${name}: route ${r + 1} must be {flow: [...]}`);
          checkFlow(route.flow, [...here, 'routes', r, 'flow']);
        });
      }
    });
  };
  checkFlow(raw.flow, ['flow']);
  if (before.problems > 0) return undefined;
  return normalise(raw as unknown as Blueprint);
}

function checkFilterShape(filter: unknown, at: Array<string | number>, name: string, fail: (at: Array<string | number>, message: string) => void): void {
  if (!isPlainObject(filter)) return fail(at, `${name}: a filter is {name, conditions: [[{a, o, b}]]}`);
  if (!Array.isArray(filter.conditions) || !filter.conditions.every(Array.isArray)) {
    return fail([...at, 'conditions'], `${name}: a filter's conditions are an array of groups (arrays) of {a, o, b}`);
  }
  filter.conditions.forEach((group: unknown[], g) =>
    group.forEach((condition, c) => {
      const here = [...at, 'conditions', g, c];
      if (!isPlainObject(condition)) return fail(here, `${name}: a condition is {a, o, b}`);
      if (typeof condition.a !== 'string') fail([...here, 'a'], `${name}: a condition's 'a' must be text (scenario IML)`);
      if (typeof condition.o !== 'string') fail([...here, 'o'], `${name}: a condition's 'o' must name an operator`);
      if (condition.b !== undefined && typeof condition.b !== 'string') fail([...here, 'b'], `${name}: a condition's 'b' must be text (scenario IML)`);
    }),
  );
}

/** Missing parameters and mapper are empty objects (Make exports `{}`); a filter without a name gets one. */
function normalise(blueprint: Blueprint): Blueprint {
  const module = (m: BlueprintModule): BlueprintModule => ({
    ...m,
    parameters: m.parameters ?? {},
    mapper: m.mapper ?? {},
    metadata: isPlainObject(m.metadata) ? m.metadata : { designer: { x: 0, y: 0 } },
    ...(m.filter ? { filter: { ...m.filter, name: typeof m.filter.name === 'string' ? m.filter.name : '' } } : {}),
    ...(m.routes ? { routes: m.routes.map((route) => ({ flow: route.flow.map(module) })) } : {}),
  });
  return { ...blueprint, flow: blueprint.flow.map(module) };
}

// ------------------------------------------------------------------------------------------------- prepare

function prepare(blueprint: Blueprint, local: LocalApp): PreparedScenario {
  const modules: PreparedModule[] = [];
  const place = (flow: BlueprintModule[], at: Array<string | number>, route: string | undefined): PreparedModule[] => {
    const placed: PreparedModule[] = [];
    flow.forEach((module, index) => {
      const ref = parseModuleRef(module.module);
      const isSource = route === undefined && index === 0 && at.length === 1;
      const localModule = ref.kind === 'app' ? resolveAppModule(local, ref.appId, ref.module) : undefined;
      const kind: CountedKind = isSource ? 'source' : ref.kind === 'builtin' ? ref.builtin : 'app';
      const prepared: PreparedModule = {
        module,
        kind,
        builtin: ref.kind === 'builtin' ? ref.builtin : undefined,
        localModule,
        route,
        flow: placed,
        index,
        label: labelOf(module, ref.kind === 'builtin' ? ref.builtin : undefined, localModule ? local.app.modules[localModule] : undefined),
        at: [...at, index],
      };
      placed.push(prepared);
      modules.push(prepared);
      if (module.routes) {
        prepared.routes = module.routes.map((r, i) =>
          place(r.flow, [...at, index, 'routes', i, 'flow'], route === undefined ? `${i + 1}` : `${route}.${i + 1}`),
        );
      }
    });
    return placed;
  };
  const flow = place(blueprint.flow, ['flow'], undefined);
  return { blueprint, flow, modules };
}

function resolveAppModule(local: LocalApp, appId: string, name: string): string | undefined {
  const reference = local.references.find((r) => r.appId === appId);
  if (!reference) return undefined;
  const id = reference.modules?.[name] ?? name;
  return local.app.modules[id] ? id : undefined;
}

function labelOf(module: BlueprintModule, builtin: BuiltinKind | undefined, appModule: { meta: Record<string, unknown> } | undefined): string {
  const designed = module.metadata?.designer?.name;
  if (typeof designed === 'string' && designed !== '') return designed;
  if (builtin) return BUILTIN_LABELS[builtin];
  if (appModule && typeof appModule.meta.label === 'string') return appModule.meta.label;
  return module.module;
}

// --------------------------------------------------------------------------------------------------- check

class Checker {
  /** Per module id: the ids whose bundles are in scope when it runs. */
  private readonly scopes = new Map<number, Set<number>>();
  private readonly order = new Map<number, number>();
  private readonly byId = new Map<number, PreparedModule>();

  constructor(
    private readonly scenario: PreparedScenario,
    private readonly local: LocalApp,
    private readonly report: Report,
  ) {
    scenario.modules.forEach((m, i) => {
      this.order.set(m.module.id, i);
      this.byId.set(m.module.id, m);
    });
    this.computeScopes(scenario.flow, new Set());
  }

  run(): void {
    for (const m of this.scenario.modules) {
      this.checkModule(m);
      this.checkMappings(m);
      if (m.module.filter) this.checkFilter(m);
    }
  }

  /** What each module may map: the modules before it on its path, minus what an aggregator closed. */
  private computeScopes(flow: PreparedModule[], visible: Set<number>): void {
    let scope = new Set(visible);
    for (const m of flow) {
      this.scopes.set(m.module.id, new Set(scope));
      if (m.kind === 'aggregator') {
        const feeder = Number(m.module.parameters.feeder);
        const atFeeder = this.scopes.get(feeder);
        scope = new Set(atFeeder && scope.has(feeder) ? atFeeder : scope);
      }
      scope.add(m.module.id);
      for (const route of m.routes ?? []) this.computeScopes(route, scope);
    }
  }

  private name(m: PreparedModule): string {
    return `module ${m.module.id} (${m.module.module})`;
  }

  private checkModule(m: PreparedModule): void {
    const { module } = m;
    const ref = parseModuleRef(module.module);
    if (m.kind === 'source') return; // its bundles are the input's, whatever it is
    if (ref.kind === 'other') {
      this.report('scenario-unknown-module', [...m.at, 'module'], `${this.name(m)}: this runner does not know '${module.module}' and will not guess what it does`);
      return;
    }
    if (ref.kind === 'builtin') {
      if (module.version !== BUILTIN_VERSION) this.report('scenario-version', [...m.at, 'version'], `${this.name(m)}: version ${module.version}, the runner knows version ${BUILTIN_VERSION}`);
      if (ref.builtin === 'aggregator') this.checkAggregator(m);
      if (ref.builtin === 'router') this.checkRouter(m);
      return;
    }
    const reference = this.local.references.find((r) => r.appId === ref.appId);
    if (!reference) {
      const known = this.local.references.map((r) => `'${r.appId}'`).join(', ');
      this.report('scenario-unknown-app', [...m.at, 'module'], `${this.name(m)}: the app '${ref.appId}' is not this app (known as ${known})`);
      return;
    }
    if (!m.localModule) {
      const names = Object.keys(this.local.app.modules);
      const close = suggest(ref.module, names);
      this.report(
        'scenario-unknown-app-module',
        [...m.at, 'module'],
        `${this.name(m)}: the app has no module '${ref.module}'${close ? ` (did you mean '${close}'?)` : ''}`,
        `choose one of the app's modules: ${names.join(', ')}`,
      );
      return;
    }
    if (module.version !== reference.version) {
      this.report('scenario-version', [...m.at, 'version'], `${this.name(m)}: version ${module.version}, the app '${ref.appId}' is version ${reference.version}`);
    }
    const files = this.local.app.modules[m.localModule];
    const mappable = paramList(files.codes.mappableParams);
    const fixed = paramList(files.codes.staticParams);
    for (const param of [...fixed, ...mappable]) {
      if (!param.required) continue;
      const given = module.mapper[param.name] ?? module.parameters[param.name];
      if (given === undefined || given === null || given === '') {
        this.report('scenario-required-input', [...m.at, 'mapper', param.name], `${this.name(m)}: the required input '${param.name}'${param.label ? ` (${param.label})` : ''} is not mapped`);
      }
    }
    const declared = new Set([...mappable, ...fixed].map((p) => p.name));
    for (const key of Object.keys(module.mapper)) {
      if (!declared.has(key)) this.report('scenario-unknown-input', [...m.at, 'mapper', key], `${this.name(m)}: '${key}' is not an input of '${m.localModule}' (inputs: ${[...declared].join(', ') || 'none'})`);
    }
  }

  private checkAggregator(m: PreparedModule): void {
    const { parameters } = m.module;
    // Only the source and the target structure are modelled: any other setting (group by, stop after an empty
    // aggregation, ...) would change what Make does and is refused rather than ignored.
    for (const key of Object.keys(parameters)) {
      if (key !== 'feeder' && key !== 'target') {
        this.report('scenario-aggregator', [...m.at, 'parameters', key], `${this.name(m)}: the aggregator setting '${key}' is not one this runner knows (it models the source module and the target structure only)`);
      }
    }
    const feeder = parameters.feeder;
    const source = typeof feeder === 'number' ? this.byId.get(feeder) : undefined;
    const scope = this.scopes.get(m.module.id) ?? new Set();
    if (!source) {
      this.report('scenario-aggregator', [...m.at, 'parameters', 'feeder'], `${this.name(m)}: its source module (feeder) ${showValue(feeder)} is not a module of this scenario`);
    } else if (!scope.has(source.module.id)) {
      this.report('scenario-aggregator', [...m.at, 'parameters', 'feeder'], `${this.name(m)}: its source module ${source.module.id} does not run before it on its path`);
    }
    const target = parameters.target;
    if (target === undefined) return;
    const match = typeof target === 'string' ? /^(\d+)\.(.+)$/.exec(target) : null;
    const downstream = match ? this.byId.get(Number(match[1])) : undefined;
    if (!match || !downstream) {
      this.report('scenario-aggregator', [...m.at, 'parameters', 'target'], `${this.name(m)}: its target structure ${showValue(target)} must be '<module id>.<array input>' of a module of this scenario`);
      return;
    }
    if (!(this.scopes.get(downstream.module.id) ?? new Set()).has(m.module.id)) {
      this.report('scenario-aggregator', [...m.at, 'parameters', 'target'], `${this.name(m)}: its target structure names module ${downstream.module.id}, which does not run after it`);
      return;
    }
    if (!downstream.localModule) return; // another module: reported on its own
    const input = paramList(this.local.app.modules[downstream.localModule].codes.mappableParams).find((p) => p.name === match[2]);
    if (!input || input.type !== 'array') {
      this.report('scenario-aggregator', [...m.at, 'parameters', 'target'], `${this.name(m)}: module ${downstream.module.id} ('${downstream.localModule}') has no array input '${match[2]}'`);
      return;
    }
    const fields = Array.isArray(input.spec) ? input.spec : isPlainObject(input.spec) && Array.isArray((input.spec as Parameter).spec) ? ((input.spec as Parameter).spec as Parameter[]) : undefined;
    if (!fields) return;
    const names = new Set(fields.map((f) => f.name));
    for (const key of Object.keys(m.module.mapper)) {
      if (!names.has(key)) this.report('scenario-unknown-input', [...m.at, 'mapper', key], `${this.name(m)}: '${key}' is not a field of the target structure ${target}`);
    }
    for (const field of fields) {
      if (field.required && [undefined, null, ''].includes(m.module.mapper[field.name] as never)) {
        this.report('scenario-required-input', [...m.at, 'mapper', field.name], `${this.name(m)}: the target structure's required field '${field.name}' is not mapped`);
      }
    }
  }

  private checkRouter(m: PreparedModule): void {
    const fallback = m.module.parameters.else;
    if (fallback !== undefined && fallback !== 0) {
      this.report('scenario-router', [...m.at, 'parameters', 'else'], `${this.name(m)}: a fallback route (else = ${showValue(fallback)}) is not one this runner knows`);
    }
    if (!m.module.routes || m.module.routes.length === 0) this.report('scenario-router', [...m.at, 'routes'], `${this.name(m)}: a router needs routes`);
  }

  private checkMappings(m: PreparedModule): void {
    const leaves = stringLeaves(m.module.mapper, ['mapper']);
    for (const { path, text } of leaves) this.checkTemplate(m, [...m.at, ...path], text, m.module.id);
  }

  private checkFilter(m: PreparedModule): void {
    const filter = m.module.filter!;
    // A filter guards the link into its module; the flow's first module has none, so its filter would never run.
    if (m.route === undefined && m.index === 0) {
      this.report('scenario-source-filter', [...m.at, 'filter'], `module ${m.module.id}: the first module of the flow has a filter ('${filter.name}'), which guards no link`);
      return;
    }
    filter.conditions.forEach((group, g) =>
      group.forEach((condition, c) => {
        const at = [...m.at, 'filter', 'conditions', g, c];
        const operator = FILTER_OPERATORS.get(condition.o);
        if (!operator) {
          const close = suggest(condition.o, [...FILTER_OPERATORS.keys()]);
          this.report(
            'scenario-filter-operator',
            [...at, 'o'],
            `module ${m.module.id}: the filter '${filter.name}' uses the operator '${condition.o}', which this runner does not know${close ? ` (did you mean '${close}'?)` : ''}`,
          );
        } else if (!operator.unary && condition.b === undefined) {
          this.report('scenario-filter-operand', [...at, 'b'], `module ${m.module.id}: the condition '${condition.o}' of the filter '${filter.name}' has no second operand`);
        }
        this.checkTemplate(m, [...at, 'a'], condition.a, m.module.id);
        if (condition.b !== undefined) this.checkTemplate(m, [...at, 'b'], condition.b, m.module.id);
      }),
    );
  }

  /** One IML text of module `m`: syntax, functions, and every `{{id.field}}` against the scope and interfaces. */
  private checkTemplate(m: PreparedModule, at: Array<string | number>, text: string, ownId: number): void {
    if (!text.includes('{{')) return;
    let references;
    try {
      references = moduleReferences(text);
      for (const call of collectFunctionCalls(evaluable(text))) {
        if (!BUILTIN_FUNCTIONS.has(call.name)) {
          const close = suggest(call.name, [...BUILTIN_FUNCTIONS.keys()]);
          this.report('scenario-iml-function', at, `module ${ownId}: ${showValue(text, 60)} calls '${call.name}', which is not a function of Make${close ? ` (did you mean '${close}'?)` : ''}`);
        }
      }
    } catch (error) {
      if (!(error instanceof ImlError)) throw error;
      this.report('scenario-iml-syntax', at, `module ${ownId}: ${showValue(text, 60)} does not parse: ${imlMessage(error)}`);
      return;
    }
    const scope = this.scopes.get(ownId) ?? new Set<number>();
    for (const { moduleId, path } of references) {
      const target = this.byId.get(moduleId);
      const written = `{{${[moduleId, ...path].join('.')}}}`;
      if (!target) {
        this.report('scenario-reference-unknown', at, `module ${ownId} maps ${written}, but the scenario has no module ${moduleId}`);
        continue;
      }
      if (!scope.has(moduleId)) {
        const later = (this.order.get(moduleId) ?? 0) >= (this.order.get(ownId) ?? 0);
        if (later) {
          this.report('scenario-reference-later', at, `module ${ownId} maps ${written}, but module ${moduleId} ${moduleId === ownId ? 'is this module itself' : 'comes later'}: a module reads only the modules that ran before it`);
        } else {
          this.report('scenario-reference-scope', at, `module ${ownId} maps ${written}, but module ${moduleId} is not on its path (an aggregator gathered its bundles, or it is on another route)`);
        }
        continue;
      }
      const problem = fieldProblem(this.outputFields(target), path);
      if (problem) this.report('scenario-reference-unknown-field', at, `module ${ownId} maps ${written}: ${problem.replace('$MODULE', `module ${moduleId} (${target.label})`)}`);
    }
  }

  /** The fields a module outputs, or undefined when they are the data's own. */
  private outputFields(m: PreparedModule): Parameter[] | undefined {
    if (m.kind === 'source') return undefined;
    if (m.builtin) return builtinOutputFields(m.builtin, m.module);
    if (!m.localModule) return undefined;
    const files = this.local.app.modules[m.localModule];
    const declared = paramList(files.codes.interface);
    return files.meta.moduleType === 'search'
      ? [...declared, { name: BUNDLE_POSITION, type: 'uinteger' }, { name: BUNDLE_COUNT, type: 'uinteger' }]
      : declared;
  }
}

/** Why a path is not a declared field (`$MODULE` stands for the module), or undefined when it is, or when the
 * declaration ends before the path does (an array's items, an object without fields). */
function fieldProblem(fields: Parameter[] | undefined, path: string[]): string | undefined {
  let level = fields;
  for (const [depth, key] of path.entries()) {
    if (!level) return undefined;
    const field = level.find((f) => f.name === key);
    if (!field) {
      const names = level.map((f) => f.name);
      const close = suggest(key, names);
      const where = depth === 0 ? '$MODULE' : `'${path.slice(0, depth).join('.')}' of $MODULE`;
      return `${where} outputs no field '${key}'${close ? ` (did you mean '${close}'?)` : ''}; it outputs ${names.length ? names.join(', ') : 'no field'}`;
    }
    level = childFields(field);
  }
  return undefined;
}

function childFields(field: Parameter): Parameter[] | undefined {
  if (Array.isArray(field.spec)) return field.spec;
  if (isPlainObject(field.spec) && Array.isArray((field.spec as Parameter).spec)) return (field.spec as Parameter).spec as Parameter[];
  return undefined;
}

function paramList(value: unknown): Parameter[] {
  return Array.isArray(value) ? (value as Parameter[]) : [];
}
