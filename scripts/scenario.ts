// npm run scenario -- run <blueprint> --input <bundles.json> [--base-url URL] [--api-key KEY] [--json] [--report F]
// npm run scenario -- check <blueprint>
// Runs a Make blueprint on this machine (sdk/scenario/runner.ts) with the built app (dist/), or checks it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { directoryReader, readEmittedApp, type EmittedApp } from '../sdk/emitted';
import { formatFinding, hasErrors, type Finding } from '../sdk/check/findings';
import { checkBlueprintText, type LocalApp } from '../sdk/scenario/check';
import { connectionWithSecret, runScenario, ScenarioInputError } from '../sdk/scenario/runner';
import { formatRunReport } from '../sdk/scenario/printout';
import { renderRunReport } from '../sdk/scenario/report';
import type { ScenarioRunReport } from '../sdk/scenario/runReport';
import { appReferences, readOrigins } from '../scenarios/target';
import { parseArgs, UsageError } from './cliArgs';

const ROOT = resolve(__dirname, '..');

const USAGE =
  'usage: npm run scenario -- run <blueprint.json> --input <bundles.json> [--base-url URL] [--api-key KEY] [--json] [--report run.html]\n' +
  '       npm run scenario -- check <blueprint.json>\n' +
  '  both: [--dist DIR] (default dist/, from npm run build) [--origins FILE] (default make.origins.json)\n' +
  '  --input: a JSON array of objects, the bundles of the first module (the data); the key and URL may also come\n' +
  '  from CAMPUS_SKILLS_API_KEY and CAMPUS_SKILLS_BASE_URL; run: [--timezone TZ]';

/** The HTML picture of a run, when this checkout has it (sdk/scenario/report.ts). */

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['input', 'base-url', 'api-key', 'dist', 'origins', 'report', 'timezone'], ['json', 'help']);
  if (args.options.has('help')) {
    console.log(USAGE);
    return 0;
  }
  const [command, file, extra] = args.positionals;
  if (command !== 'run' && command !== 'check') throw new UsageError(command ? `unknown command '${command}' (run, check)` : 'name a command: run or check');
  if (!file || extra !== undefined) throw new UsageError(`${command} takes exactly one blueprint file`);
  if (command === 'check') {
    for (const name of ['input', 'base-url', 'api-key', 'report', 'timezone', 'json']) {
      if (args.options.has(name)) throw new UsageError(`--${name} is an option of run, not of check`);
    }
  }
  const text = readText(file, 'the blueprint');
  const local = localApp(option(args.options.get('dist')), option(args.options.get('origins')));
  return command === 'check' ? check(text, file, local) : run(text, file, local, args.options);
}

function check(text: string, file: string, local: LocalApp): number {
  const { findings } = checkBlueprintText(text, local, file);
  for (const finding of findings) console.log(formatFinding(finding));
  const errors = findings.filter((f) => f.severity === 'error').length;
  console.log(findings.length === 0 ? `scenario check: ${file}: clean` : `scenario check: ${file}: ${errors} error(s), ${findings.length - errors} warning(s)`);
  return hasErrors(findings) ? 1 : 0;
}

async function run(text: string, file: string, local: LocalApp, options: Map<string, string | true>): Promise<number> {
  const inputFile = option(options.get('input'));
  if (!inputFile) throw new UsageError('run needs --input <bundles.json>: the bundles of the first module (the data), a JSON array of objects');
  let blueprint: unknown;
  try {
    blueprint = JSON.parse(text);
  } catch {
    const { findings } = checkBlueprintText(text, local, file);
    return refuse('the blueprint is not JSON: nothing was run or sent', findings);
  }
  const inputText = readText(inputFile, '--input');
  let input: unknown;
  try {
    input = JSON.parse(inputText);
  } catch (error) {
    return refuse(`--input ${inputFile} is not JSON (${(error as Error).message}): write the bundles of the first module as a JSON array of objects; nothing was run or sent`);
  }
  const apiKey = option(options.get('api-key')) ?? process.env.CAMPUS_SKILLS_API_KEY;
  const connectionId = Object.keys(local.app.connections)[0];
  let report: ScenarioRunReport;
  try {
    report = await runScenario(blueprint, local, {
      input,
      connection: apiKey && connectionId ? connectionWithSecret(local.app.connections[connectionId].codes.params, apiKey) : undefined,
      baseUrl: option(options.get('base-url')) ?? process.env.CAMPUS_SKILLS_BASE_URL,
      timezone: option(options.get('timezone')),
      file,
      onWarning: (message) => console.error(`warning: ${message}`),
    });
  } catch (error) {
    if (error instanceof ScenarioInputError) return refuse(error.message, error.findings);
    throw error;
  }
  console.log(options.has('json') ? JSON.stringify(report, null, 2) : formatRunReport(report));
  const html = option(options.get('report'));
  if (html !== undefined) writeHtml(report, html);
  return report.error ? 1 : 0;
}

/** A blueprint or input the runner will not run: its findings and why, and nothing was sent. */
function refuse(message: string, findings: Finding[] = []): number {
  for (const finding of findings) console.error(formatFinding(finding));
  console.error(`scenario run: ${message}`);
  return 2;
}

function writeHtml(report: ScenarioRunReport, path: string): void {
  writeFileSync(resolve(path), renderRunReport(report));
  console.error(`scenario run: report written to ${path}`);
}

function localApp(distOption: string | undefined, originsOption: string | undefined): LocalApp {
  const dist = resolve(distOption ?? join(ROOT, 'dist'));
  if (!existsSync(join(dist, 'makecomapp.json'))) throw new UsageError(`no built app in ${dist}: run \`npm run build\` first (or pass --dist DIR)`);
  let app: EmittedApp;
  try {
    app = readEmittedApp(directoryReader(dist));
  } catch (error) {
    throw new UsageError(`cannot read the built app in ${dist}: ${(error as Error).message}; run npm run build again`);
  }
  const originsFile = originsOption ?? join(ROOT, 'make.origins.json');
  if (originsOption !== undefined && !existsSync(originsFile)) throw new UsageError(`--origins ${originsOption}: no such file`);
  let origins;
  try {
    origins = readOrigins(originsFile);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return { app, references: appReferences(origins) };
}

function readText(file: string, what: string): string {
  try {
    return readFileSync(resolve(file), 'utf8');
  } catch (error) {
    throw new UsageError(`${what}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
}

function option(value: string | true | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    if (error instanceof UsageError) {
      console.error(`scenario: ${error.message}\n${USAGE}`);
      process.exitCode = 2;
    } else {
      console.error(`scenario: unexpected failure: ${error instanceof Error ? error.stack : error}`);
      process.exitCode = 3;
    }
  },
);
