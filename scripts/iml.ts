// IML from the command line: evaluate one template, or a file of cases (see USAGE). Templates are
// written as in an app (`if(a, b, c)`) or as in a scenario mapping (`if(a; b; c)`): the library reads both.
import { readFileSync } from 'node:fs';
import { ERASE, evaluateDeep, evaluateTemplate, ImlError, ImlOptions } from '../sdk/iml';

const USAGE =
  "usage: iml '<template>' [--context <json>] [--timezone TZ]  |  iml --cases <file.json> [--timezone TZ]";

class UsageError extends Error {}

interface Arguments {
  template?: string;
  casesFile?: string;
  context: Record<string, unknown>;
  timezone?: string;
}

function parseArguments(argv: string[]): Arguments {
  const args: Arguments = { context: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--cases') args.casesFile = value();
    else if (arg === '--timezone') args.timezone = value();
    else if (arg === '--context') args.context = parseContext(value());
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else if (args.template === undefined) args.template = arg;
    else throw new UsageError('only one template can be given');
  }
  if ((args.template === undefined) === (args.casesFile === undefined)) throw new UsageError('give a template or --cases');
  return args;
}

function parseContext(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError('--context is not valid JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new UsageError('--context must be a JSON object');
  return value as Record<string, unknown>;
}

/** JSON text of a result: nested `erase` becomes null (as Make sends it), nested undefined is dropped. */
function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v === ERASE ? null : v)) ?? 'null';
}

/** One case's line: `{"value": …}`; undefined and erase, which JSON cannot hold, are flagged. */
function caseResult(value: unknown): Record<string, unknown> {
  if (value === undefined) return { value: null, undefined: true };
  if (value === ERASE) return { value: null, erase: true };
  return { value: JSON.parse(toJson(value)) as unknown };
}

interface Case {
  template: unknown;
  context?: Record<string, unknown>;
  timezone?: string;
}

function runCases(file: string, timezone: string | undefined): void {
  let cases: unknown;
  try {
    cases = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read cases from ${file}: ${(error as Error).message}`);
  }
  if (!Array.isArray(cases)) throw new UsageError('the cases file must hold a JSON array');
  const results = (cases as Case[]).map((entry) => {
    const options: ImlOptions = { timezone: entry?.timezone ?? timezone };
    const context = entry?.context && typeof entry.context === 'object' ? entry.context : {};
    try {
      const template = entry?.template;
      const value =
        typeof template === 'string' ? evaluateTemplate(template, context, options) : evaluateDeep(template, context, options);
      return caseResult(value);
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  });
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}

function runOne(template: string, context: Record<string, unknown>, timezone: string | undefined): number {
  try {
    const value = evaluateTemplate(template, context, { timezone });
    // undefined has no JSON form: printed as the bare word so it is not mistaken for null.
    process.stdout.write(`${value === undefined ? 'undefined' : toJson(value)}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${error instanceof ImlError ? error.message : String(error)}\n`);
    return 1;
  }
}

function main(argv: string[]): number {
  let args: Arguments;
  try {
    args = parseArguments(argv);
    if (args.casesFile !== undefined) {
      runCases(args.casesFile, args.timezone);
      return 0;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  return runOne(args.template as string, args.context, args.timezone);
}

process.exitCode = main(process.argv.slice(2));
