// npm run build: app definition -> dist/ (Make's local-development layout), checked before it is written.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { app } from '../app';
import { emitApp, DefinitionError } from '../sdk/emit/emitApp';
import { mapReader, readEmittedApp } from '../sdk/emitted';
import { checkApp } from '../sdk/check';
import { formatFinding, hasErrors } from '../sdk/check/findings';

/** `--out <dir>` writes elsewhere than dist/ (tests use it to compare two builds). */
function outputDir(argv: string[]): string {
  const at = argv.indexOf('--out');
  return at >= 0 && argv[at + 1] ? resolve(argv[at + 1]) : resolve(__dirname, '..', 'dist');
}
const DIST = outputDir(process.argv.slice(2));

function main(): number {
  let files;
  try {
    files = emitApp(app);
  } catch (error) {
    if (error instanceof DefinitionError) {
      console.error(`error definition ${error.message}`);
      return 1;
    }
    throw error;
  }
  const findings = checkApp(readEmittedApp(mapReader(files)));
  for (const finding of findings) console.error(formatFinding(finding));
  if (hasErrors(findings)) {
    console.error(`build failed: ${findings.filter((f) => f.severity === 'error').length} error(s); nothing written`);
    return 1;
  }
  rmSync(DIST, { recursive: true, force: true });
  for (const file of files) {
    const target = join(DIST, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  console.log(
    `built ${DIST}: ${app.modules.length} modules, ${app.connections.length} connection(s), ${app.rpcs.length} RPC(s), ${files.length} files` +
      (findings.length ? `, ${findings.length} warning(s)` : ''),
  );
  return 0;
}

process.exitCode = main();
