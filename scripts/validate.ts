// npm run validate [-- --dist DIR]: every check of sdk/check on a built app (dist/ by default).
// One line per finding, `<severity> <rule-id> <file>:<json-path> <message> (fix: <hint>)`, then a summary.
// Exit 0: clean or warnings only; 1: at least one error; 2: no readable dist/ (or bad usage).
// The app's language is not in dist/ (makecomapp.json has no place for it): it is the one app/index.ts declares.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { app as definition } from '../app';
import { checkApp, compareFindings } from '../sdk/check';
import { formatFinding, hasErrors, type Finding } from '../sdk/check/findings';
import { directoryReader, EmittedAppError, readEmittedApp, type FileReader } from '../sdk/emitted';
import { parseArgs, UsageError } from './cliArgs';

const USAGE = 'usage: npm run validate [-- --dist DIR]   (DIR defaults to dist/, written by npm run build)';
const MANIFEST = 'makecomapp.json';

/** A reader that records the files makecomapp.json lists but that are missing or not JSON, and lets the checks go on. */
function tolerantReader(root: string, unreadable: Finding[]): FileReader {
  const read = directoryReader(root);
  const report = (file: string, message: string): void => {
    unreadable.push({ severity: 'error', rule: 'file-unreadable', file, path: '$', message, hint: 'run npm run build to write dist/ again' });
  };
  return (relativePath) => {
    let text: string | undefined;
    try {
      text = read(relativePath);
    } catch (error) {
      if (relativePath === MANIFEST) throw error;
      report(relativePath, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      return relativePath.endsWith('.json') ? 'null' : '';
    }
    if (relativePath === MANIFEST) return text; // readEmittedApp says what is wrong with it
    if (text === undefined) {
      report(relativePath, 'is listed in makecomapp.json but missing');
      return relativePath.endsWith('.json') ? 'null' : '';
    }
    if (relativePath.endsWith('.json')) {
      const errors: ParseError[] = [];
      parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
      if (errors.length > 0) {
        const { error, offset } = errors[0];
        const lines = text.slice(0, offset).split('\n');
        report(relativePath, `is not valid JSON: ${printParseErrorCode(error)} at line ${lines.length}, column ${lines[lines.length - 1].length + 1}`);
        return 'null';
      }
    }
    return text;
  };
}

function main(argv: string[]): number {
  let dist: string;
  try {
    const { options, positionals } = parseArgs(argv, ['dist'], ['help']);
    if (options.has('help')) {
      console.log(USAGE);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const given = options.get('dist');
    dist = typeof given === 'string' ? resolve(given) : resolve(__dirname, '..', 'dist');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`validate: ${error.message}\n${USAGE}`);
    return 2;
  }

  if (!existsSync(dist) || !statSync(dist).isDirectory()) {
    console.error(`validate: ${dist} does not exist: run npm run build first (or pass --dist DIR)`);
    return 2;
  }
  if (!existsSync(resolve(dist, MANIFEST))) {
    console.error(`validate: ${dist} has no ${MANIFEST}, so it is not a built app: run npm run build first`);
    return 2;
  }
  const unreadable: Finding[] = [];
  let app;
  try {
    app = readEmittedApp(tolerantReader(dist, unreadable));
  } catch (error) {
    if (!(error instanceof EmittedAppError) && !(error instanceof Error && 'code' in error)) throw error;
    console.error(`validate: cannot read ${dist}: ${error.message}; run npm run build to write it again`);
    return 2;
  }

  const skipped = new Set(unreadable.map((f) => f.file));
  const findings = [...unreadable, ...checkApp(app, { language: definition.language }).filter((f) => !skipped.has(f.file))].sort(compareFindings);
  for (const finding of findings) console.log(formatFinding(finding));
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const files = 1 + Object.values(app.generalPaths).filter(Boolean).length +
    [app.connections, app.modules, app.rpcs, app.functions].reduce((n, all) => n + Object.values(all).reduce((m, c) => m + Object.keys(c.paths).length, 0), 0);
  console.log(
    findings.length === 0
      ? `validate: ${dist}: clean (${files} files checked)`
      : `validate: ${dist}: ${errors} error(s), ${warnings} warning(s) in ${files} files${errors ? '' : ' (warnings do not fail the build)'}`,
  );
  return hasErrors(findings) ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
