// npm run deploy -- --origin <label> [--dry-run] [--allow-breaking] [--prune] [--dist DIR] [--origins FILE]
// Deploys the app to one origin of make.origins.json through Make's SDK (sdk/deploy/deploy.ts does the work):
// the build (in memory, or an existing one with --dist) is checked, compared with the app in Make, the diff printed,
// and only what differs written. Exit 0: deployed, up to date, or a dry run a real deploy would pass; 1: refused or
// failed (the message says why and what was already written); 2: bad usage or a bad origins file.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { emitApp, DefinitionError } from '../sdk/emit/emitApp';
import { directoryReader, mapReader, type FileReader } from '../sdk/emitted';
import { ApiKeyError, KEY_VARIABLE, redact, resolveApiKey } from '../sdk/deploy/key';
import { findOrigin, formatOriginsFile, OriginsError, parseOriginsFile, type OriginsFile } from '../sdk/deploy/origins';
import { parseArgs, UsageError } from './cliArgs';

const ROOT = resolve(__dirname, '..');
/** The key once read: masked in an unexpected error's output too. */
let secret: string | undefined;
const USAGE =
  'usage: npm run deploy -- --origin <label> [--dry-run] [--allow-breaking] [--prune] [--dist DIR] [--origins FILE]\n' +
  `  the key: ${KEY_VARIABLE}, else the origin's apikeyFile (gitignored)`;

/** Whether git would commit the file: tracked, or not ignored. Undefined outside a git work tree. */
function committable(file: string): string | undefined {
  const git = (args: string[]): number => {
    try {
      execFileSync('git', args, { cwd: dirname(file), stdio: 'ignore' });
      return 0;
    } catch (error) {
      return typeof (error as { status?: unknown }).status === 'number' ? ((error as { status: number }).status) : 128;
    }
  };
  if (git(['rev-parse', '--is-inside-work-tree']) !== 0) return undefined;
  if (git(['ls-files', '--error-unmatch', file]) === 0) return 'is committed in git: remove it from git (git rm --cached) and replace the key in Make';
  if (git(['check-ignore', '-q', file]) === 1) return 'is not gitignored: add it (or its folder) to .gitignore';
  return undefined;
}

async function main(argv: string[]): Promise<number> {
  let label: string;
  let originsPath: string;
  let dist: string | undefined;
  let flags: { dryRun: boolean; allowBreaking: boolean; prune: boolean };
  try {
    const { options, positionals } = parseArgs(argv, ['origin', 'dist', 'origins'], ['dry-run', 'allow-breaking', 'prune', 'help']);
    if (options.has('help')) {
      console.log(USAGE);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const origin = options.get('origin');
    if (typeof origin !== 'string') throw new UsageError('--origin <label> is required');
    label = origin;
    originsPath = resolve(String(options.get('origins') ?? join(ROOT, 'make.origins.json')));
    dist = options.has('dist') ? resolve(String(options.get('dist'))) : undefined;
    flags = { dryRun: options.has('dry-run'), allowBreaking: options.has('allow-breaking'), prune: options.has('prune') };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  }

  const originsName = relative(process.cwd(), originsPath) || originsPath;
  let file: OriginsFile;
  try {
    file = parseOriginsFile(readFileSync(originsPath, 'utf8'), originsName);
  } catch (error) {
    if (error instanceof OriginsError) console.error(error.message);
    else console.error(`cannot read ${originsName} (${(error as NodeJS.ErrnoException).code ?? error})`);
    return 2;
  }
  let origin;
  try {
    origin = findOrigin(file, label, originsName);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }

  const originsDir = dirname(originsPath);
  const keyFile = resolve(originsDir, origin.apikeyFile);
  let key;
  try {
    key = resolveApiKey({ originLabel: origin.label, fromEnvironment: process.env[KEY_VARIABLE], keyFile, keyFileShown: origin.apikeyFile });
  } catch (error) {
    if (!(error instanceof ApiKeyError)) throw error;
    console.error(error.message);
    return 1;
  }
  secret = key.key;
  if (key.source !== KEY_VARIABLE) {
    const problem = committable(keyFile);
    if (problem) {
      console.error(`refused: the key file ${origin.apikeyFile} ${problem}`);
      return 1;
    }
  }

  // The app's definition and the deploy (the checks, the comparison, Make's SDK), loaded only now: a mistake
  // above is reported at once.
  const [{ app }, { deploy }] = await Promise.all([import('../app'), import('../sdk/deploy/deploy')]);
  let read: FileReader;
  if (dist) {
    if (!existsSync(join(dist, 'makecomapp.json'))) {
      console.error(`no build in ${dist} (no makecomapp.json): run npm run build, or leave out --dist to deploy the sources`);
      return 1;
    }
    read = directoryReader(dist);
  } else {
    try {
      read = mapReader(emitApp(app));
    } catch (error) {
      if (!(error instanceof DefinitionError)) throw error;
      console.error(`refused: ${error.file}: ${error.message} (${error.hint})`);
      return 1;
    }
  }

  const changelogPath = join(originsDir, 'CHANGELOG.md');
  const saveOrigin = (): void => {
    const temporary = `${originsPath}.tmp`;
    writeFileSync(temporary, formatOriginsFile(file));
    renameSync(temporary, originsPath);
  };
  const { exitCode } = await deploy({
    origin,
    originsFile: originsName,
    read,
    language: app.language,
    version: app.version,
    versionSource: 'app/index.ts (version)',
    changelog: existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8') : undefined,
    changelogName: 'CHANGELOG.md',
    apiKey: key.key,
    keySource: key.source,
    ...flags,
    saveOrigin,
    log: (line) => console.log(line),
  });
  return exitCode;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // An unexpected error: its stack is shown for a bug report, the key masked all the same.
    console.error(redact(`deploy failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, [process.env[KEY_VARIABLE], secret]));
    process.exitCode = 1;
  },
);
