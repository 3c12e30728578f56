// Runs a blueprint as Make runs a scenario, on this machine: each module runs once per bundle it receives, one
// bundle at a time through the rest of the flow; filters gate the bundles into a module; a router sends each
// bundle down every route whose filter lets it through, route after route; an Array aggregator gathers what its
// source module's run produced into one bundle; an error stops the scenario (Make's default) and names the module
// and the bundle. The app's modules run through the harness (sdk/harness/run.ts) on the emitted app; the
// built-ins run here; the first module is the data source, whose bundles are the input. Knows nothing of any app.
import type { ImlOptions } from '../iml';
import { ImlError } from '../iml';
import { FailedRun, runModule } from '../harness/run';
import type { Sender } from '../harness/runCommunication';
import type { Semantics } from '../harness/semantics';
import type { Parameter } from '../types';
import { isPlainObject, showValue } from '../../lib/values';
import { CONNECTION_PARAMETER } from './blueprint';
import { BuiltinError, iterate, parseJson, setVariable, withPosition } from './builtins';
import { checkBlueprint, type LocalApp, type PreparedModule, type PreparedScenario } from './check';
import { filterPasses } from './filters';
import { COUNTING_RULE, operationsOf, type CountingRule } from './operations';
import { evaluateMapping, imlMessage, type BundleContext } from './references';
import type { Finding } from '../check/findings';
import type { ModuleRunReport, ScenarioRunReport } from './runReport';

export interface ScenarioRunOptions {
  /** The bundles the data source (the flow's first module) outputs: an array of collections. */
  input: unknown;
  /** The connection's stored values, for every app module that has a connection. */
  connection?: Record<string, unknown>;
  /** Replaces the base URL the connection would give (a local sandbox). */
  baseUrl?: string;
  timezone?: string;
  semantics?: Partial<Semantics>;
  send?: Sender;
  counting?: CountingRule;
  /** What a module output that its interface does not declare (the harness's warnings), with the module. */
  onWarning?: (message: string) => void;
  /** The blueprint's file, for the findings. */
  file?: string;
}

/** A blueprint or an input the runner refuses before anything runs: nothing was sent. */
export class ScenarioInputError extends Error {
  constructor(
    message: string,
    readonly findings: Finding[] = [],
  ) {
    super(message);
  }
}

/** Checks, then runs. A blueprint with an error finding, or a bad input, throws ScenarioInputError. */
export async function runScenario(blueprint: unknown, local: LocalApp, options: ScenarioRunOptions): Promise<ScenarioRunReport> {
  const file = options.file ?? 'blueprint.json';
  const { findings, scenario } = checkBlueprint(blueprint, local, file);
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0 || !scenario) {
    throw new ScenarioInputError(`the blueprint has ${errors.length} error(s): nothing was run or sent`, errors);
  }
  const source = scenario.flow[0];
  const input = inputBundles(options.input, source);
  const needsConnection = scenario.modules.find((m) => m.localModule && local.app.modules[m.localModule].meta.connection);
  if (needsConnection && !options.connection) {
    throw new ScenarioInputError(
      `module ${needsConnection.module.id} (${needsConnection.module.module}) needs a connection: give the API key (--api-key); nothing was run or sent`,
    );
  }
  return new Execution(scenario, local, options).run(input);
}

function inputBundles(input: unknown, source: PreparedModule): Array<Record<string, unknown>> {
  const what = `module ${source.module.id} (${source.module.module}) is the data source: its bundles come from the input`;
  if (!Array.isArray(input)) {
    throw new ScenarioInputError(`${what}, which must be a JSON array of objects, one per bundle (got ${showValue(input, 40)}); nothing was run or sent`);
  }
  const bad = input.findIndex((bundle) => !isPlainObject(bundle));
  if (bad >= 0) {
    throw new ScenarioInputError(`${what}, a JSON array of objects: bundle ${bad + 1} is ${showValue(input[bad], 40)}; make each bundle an object {"field": value}; nothing was run or sent`);
  }
  return input as Array<Record<string, unknown>>;
}

/** Why a run stopped: the module, the bundle it was running on (1-based), and Make's error. */
class ScenarioStop extends Error {
  constructor(
    readonly moduleId: number,
    readonly bundle: number | undefined,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

class Execution {
  private readonly reports = new Map<number, ModuleRunReport>();
  private readonly runs = new Map<number, number>();
  /** Per aggregator: what it gathered during its source module's current run. */
  private readonly gathered = new Map<number, Array<Record<string, unknown>>>();
  /** Per source module id: the aggregators it feeds. */
  private readonly aggregatorsOf = new Map<number, PreparedModule[]>();
  private readonly counting: CountingRule;
  private readonly iml: ImlOptions;

  constructor(
    private readonly scenario: PreparedScenario,
    private readonly local: LocalApp,
    private readonly options: ScenarioRunOptions,
  ) {
    this.counting = options.counting ?? COUNTING_RULE;
    this.iml = { timezone: options.timezone ?? 'UTC' };
    for (const m of scenario.modules) {
      this.reports.set(m.module.id, {
        id: m.module.id,
        module: m.module.module,
        label: m.label,
        ...(m.route === undefined ? {} : { route: m.route }),
        ...(m.module.filter ? { filter: { name: m.module.filter.name, passed: 0, blocked: 0 } } : {}),
        bundlesIn: [],
        bundlesOut: [],
        operations: 0,
      });
      if (m.kind === 'aggregator') {
        const feeder = Number(m.module.parameters.feeder);
        this.aggregatorsOf.set(feeder, [...(this.aggregatorsOf.get(feeder) ?? []), m]);
        this.gathered.set(m.module.id, []);
      }
    }
  }

  async run(input: Array<Record<string, unknown>>): Promise<ScenarioRunReport> {
    const report: ScenarioRunReport = { scenario: this.scenario.blueprint.name, modules: [...this.reports.values()], totalOperations: 0 };
    try {
      const source = this.scenario.flow[0];
      this.startRun(source, 'done');
      this.reports.get(source.module.id)!.bundlesOut.push(...input);
      await this.continueWith(source, input, new Map());
    } catch (error) {
      if (!(error instanceof ScenarioStop)) throw error;
      report.error = { moduleId: error.moduleId, ...(error.bundle === undefined ? {} : { bundle: error.bundle }), type: error.type, message: error.message };
    }
    report.totalOperations = report.modules.reduce((sum, m) => sum + m.operations, 0);
    return report;
  }

  /** One run of a module starts: its number (1-based) and its operations. */
  private startRun(m: PreparedModule, outcome: 'done' | 'failed'): number {
    const run = (this.runs.get(m.module.id) ?? 0) + 1;
    this.runs.set(m.module.id, run);
    this.reports.get(m.module.id)!.operations += operationsOf(m.kind, outcome, this.counting);
    return run;
  }

  /** A module's output bundles go through the rest of its flow one at a time; then the aggregators it feeds
   * give their bundle. `scope` is what was in scope when the module ran. */
  private async continueWith(m: PreparedModule, bundles: Array<Record<string, unknown>>, scope: BundleContext): Promise<void> {
    for (const bundle of bundles) {
      await this.enter(m.flow, m.index + 1, withBundle(scope, m.module.id, bundle), bundle);
    }
    for (const aggregator of this.aggregatorsOf.get(m.module.id) ?? []) {
      const items = this.gathered.get(aggregator.module.id) ?? [];
      this.gathered.set(aggregator.module.id, []);
      this.startRun(aggregator, 'done');
      // With no bundle in, the aggregator still outputs one (empty) result: Make's default, per Make's own notes
      // on aggregations (integromat/make-skills); the setting "Stop processing after an empty aggregation" is not
      // modelled, and check refuses an aggregator that sets it. UNVERIFIED against a live Make.
      const out = { array: items };
      this.reports.get(aggregator.module.id)!.bundlesOut.push(out);
      await this.enter(aggregator.flow, aggregator.index + 1, withBundle(scope, aggregator.module.id, out), out);
    }
  }

  /** A bundle reaches the module at `flow[index]` (through its filter), with `scope` in scope. */
  private async enter(flow: PreparedModule[], index: number, scope: BundleContext, incoming: Record<string, unknown>): Promise<void> {
    const m = flow[index];
    if (!m) return;
    const report = this.reports.get(m.module.id)!;
    const received = (this.runs.get(m.module.id) ?? 0) + 1;
    if (m.module.filter) {
      const passes = this.guard(m, received, () => filterPasses(m.module.filter!, (operand) => evaluateMapping(operand, scope, this.iml), this.iml.timezone));
      report.filter![passes ? 'passed' : 'blocked'] += 1;
      if (!passes) return;
    }
    if (m.kind === 'aggregator') {
      const item = dropUndefined(this.guard(m, this.gathered.get(m.module.id)!.length + 1, () => this.map(m, scope)));
      report.bundlesIn.push(item);
      this.gathered.get(m.module.id)!.push(item);
      return;
    }
    if (m.kind === 'router') {
      this.startRun(m, 'done');
      report.bundlesIn.push(incoming);
      report.bundlesOut.push(incoming);
      for (const route of m.routes ?? []) await this.enter(route, 0, scope, incoming);
      return;
    }
    const mapped = this.guard(m, received, () => this.map(m, scope));
    report.bundlesIn.push(mapped);
    const bundles = await this.execute(m, mapped, received);
    report.bundlesOut.push(...bundles);
    await this.continueWith(m, bundles, scope);
  }

  /** The module's mapper, evaluated: undefined values (nothing mapped) are left out, as Make leaves them. */
  private map(m: PreparedModule, scope: BundleContext): Record<string, unknown> {
    const mapped = evaluateMapping(m.module.mapper, scope, this.iml);
    return dropUndefined(isPlainObject(mapped) ? mapped : {});
  }

  /** Runs a mapping or a filter; an IML error stops the scenario at this module and bundle. */
  private guard<T>(m: PreparedModule, bundle: number, work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (error instanceof ImlError) throw new ScenarioStop(m.module.id, bundle, 'DataError', `Failed to map a value of module ${m.module.id}: ${imlMessage(error)}`);
      if (error instanceof Error && !(error instanceof ScenarioStop)) throw new ScenarioStop(m.module.id, bundle, 'DataError', error.message);
      throw error;
    }
  }

  /** One run of a module on one bundle: its output bundles, or a ScenarioStop. */
  private async execute(m: PreparedModule, mapped: Record<string, unknown>, received: number): Promise<Array<Record<string, unknown>>> {
    try {
      const bundles = m.localModule ? await this.runAppModule(m, mapped) : this.runBuiltin(m, mapped);
      this.startRun(m, 'done');
      return bundles;
    } catch (error) {
      this.startRun(m, 'failed');
      if (error instanceof FailedRun) throw new ScenarioStop(m.module.id, received, error.error.type, error.error.message);
      if (error instanceof BuiltinError) throw new ScenarioStop(m.module.id, received, error.type, error.message);
      throw new ScenarioStop(m.module.id, received, 'UnexpectedError', error instanceof Error ? error.message : String(error));
    }
  }

  private async runAppModule(m: PreparedModule, mapped: Record<string, unknown>): Promise<Array<Record<string, unknown>>> {
    const id = m.localModule!;
    const files = this.local.app.modules[id];
    // Static settings reach the module with the mapped values; Make's own keys (the connection) do not.
    const settings = Object.fromEntries(Object.entries(m.module.parameters).filter(([key]) => !key.startsWith('__IMT') && key !== CONNECTION_PARAMETER));
    const result = await runModule(this.local.app, id, {
      input: { ...settings, ...mapped },
      connection: files.meta.connection ? this.options.connection : undefined,
      baseUrl: this.options.baseUrl,
      timezone: this.options.timezone,
      semantics: this.options.semantics,
      send: this.options.send,
    });
    for (const warning of result.outputWarnings) this.options.onWarning?.(`module ${m.module.id} (${id}): ${warning}`);
    const many = files.meta.moduleType === 'search';
    return many ? result.bundles.map((b, i) => withPosition(b, i, result.bundles.length)) : result.bundles;
  }

  private runBuiltin(m: PreparedModule, mapped: Record<string, unknown>): Array<Record<string, unknown>> {
    switch (m.builtin) {
      case 'iterator':
        return iterate(mapped);
      case 'setVariable':
        return setVariable(mapped);
      case 'parseJson':
        return parseJson(mapped);
      default:
        // The check refuses any other module before a run starts.
        throw new BuiltinError('UnexpectedError', `module ${m.module.id} (${m.module.module}) is not one this runner runs`);
    }
  }
}

function withBundle(scope: BundleContext, id: number, bundle: Record<string, unknown>): BundleContext {
  const next = new Map(scope);
  next.set(id, bundle);
  return next;
}

function dropUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

/** The connection as Make stores it when the user keeps every default and gives `secret` to its password
 * field(s): what a local run uses for the app's modules. */
export function connectionWithSecret(params: unknown, secret: string): Record<string, unknown> {
  const specs = Array.isArray(params) ? (params as Parameter[]) : [];
  const values: Record<string, unknown> = Object.fromEntries(specs.filter((p) => p.default !== undefined).map((p) => [p.name, p.default]));
  for (const spec of specs) if (spec.type === 'password') values[spec.name] = secret;
  return values;
}
