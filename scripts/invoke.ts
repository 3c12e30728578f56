// npm run invoke -- <moduleId> [--params <json|@file|->] [--api-key K] [--base-url U] [--trace]
//                    [--semantics name=alternative[,name=alternative...]]
// Runs one module of the built app (dist/) over real HTTP, as Make would, and prints its output bundles.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { directoryReader, readEmittedApp } from '../sdk/emitted';
import { MakeRunError } from '../sdk/harness/errors';
import { FailedRun, runModule } from '../sdk/harness/run';
import { parseSemanticsSetting, SWITCH_NAMES, type Semantics } from '../sdk/harness/semantics';
import type { Parameter } from '../sdk/types';
import { parseArgs, readJsonArgument, UsageError } from './cliArgs';

const USAGE =
  'usage: npm run invoke -- <moduleId> [--params <json|@file|->] [--api-key K] [--base-url U] [--trace] [--dist DIR]\n' +
  '                         [--semantics name=alternative[,name=alternative...]]\n' +
  '  the key and URL may also come from CAMPUS_SKILLS_API_KEY and CAMPUS_SKILLS_BASE_URL\n' +
  `  --semantics runs under other choices where Make's documentation is silent: ${SWITCH_NAMES.join(', ')}\n` +
  '  (alternatives: README, "Where Make\'s documentation is silent")';

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['params', 'api-key', 'base-url', 'dist', 'timezone', 'semantics'], ['trace', 'help']);
  if (args.options.has('help')) {
    console.log(USAGE);
    return 0;
  }
  const [moduleId, extra] = args.positionals;
  if (!moduleId || extra !== undefined) throw new UsageError('name exactly one module');
  const dist = resolve(String(args.options.get('dist') ?? resolve(__dirname, '..', 'dist')));
  if (!existsSync(resolve(dist, 'makecomapp.json'))) {
    throw new UsageError(`no built app in ${dist}: run \`npm run build\` first`);
  }
  const app = readEmittedApp(directoryReader(dist));
  if (!app.modules[moduleId]) {
    throw new UsageError(`unknown module '${moduleId}'; modules: ${Object.keys(app.modules).join(', ')}`);
  }
  const paramsArg = args.options.get('params');
  const input = paramsArg === undefined ? {} : readJsonArgument(String(paramsArg), '--params');
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new UsageError('--params must be a JSON object: the module input, e.g. {"contrats": [...]}');
  }
  const apiKey = option(args.options.get('api-key')) ?? process.env.CAMPUS_SKILLS_API_KEY;
  const baseUrl = option(args.options.get('base-url')) ?? process.env.CAMPUS_SKILLS_BASE_URL;
  if (!apiKey) throw new UsageError('no API key: pass --api-key or set CAMPUS_SKILLS_API_KEY');
  const semantics = semanticsOption(option(args.options.get('semantics')));

  const connectionId = String(app.modules[moduleId].meta.connection);
  const connection = { ...connectionDefaults(app.connections[connectionId]?.codes.params), apiKey };
  try {
    const { bundles, log, outputWarnings } = await runModule(app, moduleId, {
      input: input as Record<string, unknown>,
      connection,
      baseUrl,
      timezone: option(args.options.get('timezone')),
      semantics,
    });
    if (args.options.has('trace')) console.error(log.format());
    for (const warning of outputWarnings) console.error(`warning: ${warning}`);
    console.log(JSON.stringify(bundles, null, 2));
    return 0;
  } catch (error) {
    if (error instanceof FailedRun) {
      if (args.options.has('trace') && error.log.entries.length) console.error(error.log.format());
      console.error(error.error.toLine());
      return 1;
    }
    if (error instanceof MakeRunError) {
      console.error(error.toLine());
      return 1;
    }
    throw error;
  }
}

/** `name=alternative,name=alternative`: a bad name or alternative is a usage error listing the valid ones. */
function semanticsOption(value: string | undefined): Partial<Semantics> {
  if (value === undefined) return {};
  try {
    return Object.assign({}, ...value.split(',').map((setting) => parseSemanticsSetting(setting.trim())));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function option(value: string | true | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The connection as Make stores it when the user keeps every default. */
function connectionDefaults(params: unknown): Record<string, unknown> {
  const specs = Array.isArray(params) ? (params as Parameter[]) : [];
  return Object.fromEntries(specs.filter((p) => p.default !== undefined).map((p) => [p.name, p.default]));
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    if (error instanceof UsageError) {
      console.error(`invoke: ${error.message}\n${USAGE}`);
      process.exitCode = 2;
    } else {
      console.error(`invoke: unexpected failure: ${error instanceof Error ? error.stack : error}`);
      process.exitCode = 3;
    }
  },
);
