// Run one component of an emitted app as Make would: validate the input, run the communication (with the
// base), apply the module type's rules, and keep the request log.
import type { Base, Parameter, Request } from '../types';
import type { ComponentFiles, EmittedApp } from '../emitted';
import { loadCustomFunctions, type ImlOptions } from '../iml';
import { MakeRunError } from './errors';
import { sendHttp } from './http';
import { RequestLog } from './requestLog';
import { runCommunication, type Sender } from './runCommunication';
import { validateInput } from './validateInput';
import { INVALID_ACTION_OUTPUT, connectionUsesBase, emptyActionBundles, semanticsWith, type Semantics } from './semantics';
import { interfaceMismatches } from '../params/conformance';
import { humanPath } from '../../lib/paths';
import { isPlainObject } from '../../lib/values';

export interface RunOptions {
  /** The module's input bundle, before Make's validation and coercion. */
  input?: Record<string, unknown>;
  /** The connection's stored values (its parameters, plus any data it saved). */
  connection?: Record<string, unknown>;
  /** Replaces the base URL the connection would give (for a local sandbox or a mock). */
  baseUrl?: string;
  timezone?: string;
  send?: Sender;
  /** Choices where Make's documentation is silent (semantics.ts); unset switches take their default. */
  semantics?: Partial<Semantics>;
}

export interface RunResult {
  bundles: Array<Record<string, unknown>>;
  log: RequestLog;
  /** Where the bundles do not fit the module's interface (Make passes them on anyway: a user could not map
   * an undeclared key, and a mistyped value surprises the next module). Empty for a component without one. */
  outputWarnings: string[];
}

/** Errors thrown by a run carry the log of what was sent before the failure. */
export class FailedRun extends Error {
  constructor(
    readonly error: MakeRunError,
    readonly log: RequestLog,
  ) {
    super(error.message);
  }
}

export async function runModule(app: EmittedApp, moduleId: string, options: RunOptions = {}): Promise<RunResult> {
  const module = app.modules[moduleId];
  if (!module) {
    throw new Error(`unknown module '${moduleId}' (modules: ${Object.keys(app.modules).join(', ')})`);
  }
  const type = String(module.meta.moduleType);
  const shape = OUTPUT_SHAPES[type];
  if (!shape) {
    throw new FailedRun(
      new MakeRunError('UnexpectedError', `Module type '${type}' is not supported by this harness (actions, searches and universal modules are).`),
      new RequestLog(),
    );
  }
  const result = await runComponent(
    app,
    module,
    options,
    [...paramList(module.codes.staticParams), ...paramList(module.codes.mappableParams)],
    shape,
  );
  const spec = module.codes.interface;
  if (Array.isArray(spec)) {
    result.outputWarnings = result.bundles.flatMap((bundle, index) =>
      interfaceMismatches(bundle, spec, 'output', `the interface of '${moduleId}'`).map(
        (m) => `bundle ${index + 1}, ${humanPath(m.segments)}: ${m.message}`,
      ),
    );
  }
  return result;
}

/** An action returns one bundle; a search (and an RPC) a list. Triggers, instant triggers and responders have
 * rules of their own (state, webhooks) that this harness does not implement: it refuses them. */
type OutputShape = 'one' | 'list';
const OUTPUT_SHAPES: Record<string, OutputShape> = { action: 'one', universal: 'one', search: 'list' };

export async function runRpc(app: EmittedApp, rpcId: string, options: RunOptions = {}): Promise<RunResult> {
  const rpc = app.rpcs[rpcId];
  if (!rpc) throw new Error(`unknown RPC '${rpcId}' (RPCs: ${Object.keys(app.rpcs).join(', ')})`);
  // The module's parameters reach the RPC as they are; an RPC validates none of its own.
  return runComponent(app, rpc, options, [], 'list');
}

export interface VerifiedConnection {
  /** What modules see as `connection.*`: the parameters plus the data the verification saved. */
  connection: Record<string, unknown>;
  /** The label Make shows for the connection (`response.metadata`). */
  label?: unknown;
  uid?: unknown;
  log: RequestLog;
}

/** The check Make runs when the user clicks "Save" on a new connection. */
export async function verifyConnection(
  app: EmittedApp,
  connectionId: string,
  parameters: Record<string, unknown>,
  options: Pick<RunOptions, 'send' | 'timezone' | 'semantics'> = {},
): Promise<VerifiedConnection> {
  const connection = app.connections[connectionId];
  if (!connection) throw new Error(`unknown connection '${connectionId}'`);
  const specs = paramList(connection.codes.params);
  const log = new RequestLog(secretValues(specs, parameters));
  const iml = imlOptions(app, options.timezone);
  const semantics = semanticsWith(options.semantics);
  try {
    const validated = validateInput(specs, parameters, { timezone: iml.timezone });
    const result = await runCommunication(connection.codes.communication as Request | Request[], {
      context: { parameters: validated, common: connection.codes.common ?? {}, data: {} },
      base: connectionUsesBase(semantics) ? ((app.general.base ?? {}) as Base) : undefined,
      semantics,
      send: options.send ?? sendHttp,
      log,
      iml,
    });
    return {
      connection: { ...validated, ...(result.data ?? {}) },
      label: result.metadata?.value,
      uid: result.uid,
      log,
    };
  } catch (error) {
    throw asFailedRun(error, log);
  }
}

async function runComponent(
  app: EmittedApp,
  component: ComponentFiles,
  options: RunOptions,
  specs: Parameter[],
  shape: OutputShape,
): Promise<RunResult> {
  const connectionSpecs = connectionParams(app, component);
  const log = new RequestLog(secretValues(connectionSpecs, options.connection ?? {}));
  const iml = imlOptions(app, options.timezone);
  const semantics = semanticsWith(options.semantics);
  try {
    // Input is validated before anything is sent: a failure sends nothing.
    const parameters = validateInput(specs, options.input ?? {}, { timezone: iml.timezone });
    const base = { ...((app.general.base ?? {}) as Base) };
    if (options.baseUrl !== undefined) base.baseUrl = options.baseUrl;
    const result = await runCommunication(component.codes.communication as Request | Request[], {
      context: {
        parameters,
        connection: options.connection ?? {},
        common: app.general.common ?? {},
        data: {},
        metadata: { expect: component.codes.mappableParams ?? [], interface: component.codes.interface ?? [] },
      },
      base,
      send: options.send ?? sendHttp,
      log,
      iml,
      applyLimit: shape === 'list',
      semantics,
    });
    if (!result.produced) return { bundles: [], log, outputWarnings: [] };
    return { bundles: bundlesOf(result.items, result.iterated, shape, semantics), log, outputWarnings: [] };
  } catch (error) {
    throw asFailedRun(error, log);
  }
}

/** How outputs become bundles, per shape: an action's array output is Make's documented DataError, its empty
 * output the `emptyActionOutput` switch; a search's array output (no `iterate`) is one bundle per element
 * ("a search expects an array"), and an empty one no bundle. */
function bundlesOf(
  items: unknown[],
  iterated: boolean,
  shape: OutputShape,
  semantics: Semantics,
): Array<Record<string, unknown>> {
  if (shape === 'one') {
    if (iterated || items.length !== 1 || Array.isArray(items[0])) throw new MakeRunError('DataError', INVALID_ACTION_OUTPUT);
    return isEmptyOutput(items[0]) ? emptyActionBundles(semantics) : [asBundle(items[0], 0)];
  }
  const list = iterated ? items : items.flatMap((item) => (Array.isArray(item) ? item : isEmptyOutput(item) ? [] : [item]));
  return list.map((item, index) => asBundle(item, index));
}

/** No body at all: undefined (JSON), or empty text (a 204 without a content type). */
function isEmptyOutput(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function asBundle(item: unknown, index: number): Record<string, unknown> {
  if (isPlainObject(item)) return item;
  throw new MakeRunError(
    'RuntimeError',
    `Output bundle ${index + 1} is not a collection (got ${Array.isArray(item) ? 'an array' : typeof item}).`,
  );
}

function asFailedRun(error: unknown, log: RequestLog): unknown {
  if (error instanceof FailedRun) return error;
  if (error instanceof MakeRunError) return new FailedRun(error, log);
  return error;
}

function imlOptions(app: EmittedApp, timezone = 'UTC'): ImlOptions {
  const sources = Object.values(app.functions).map((f) => ({ name: f.id, code: String(f.codes.code) }));
  return { timezone, functions: sources.length ? loadCustomFunctions(sources, { timezone }) : undefined };
}

function paramList(value: unknown): Parameter[] {
  return Array.isArray(value) ? (value as Parameter[]) : [];
}

function connectionParams(app: EmittedApp, component: ComponentFiles): Parameter[] {
  const id = component.meta.connection;
  return typeof id === 'string' && app.connections[id] ? paramList(app.connections[id].codes.params) : [];
}

/** Values of password-type parameters: never shown in a log, a trace or an error. */
function secretValues(specs: Parameter[], values: Record<string, unknown>): string[] {
  return specs.filter((p) => p.type === 'password').map((p) => values[p.name]).filter((v): v is string => typeof v === 'string');
}
