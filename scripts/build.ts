// npm run build [-- --out DIR]: app definition -> dist/ (Make's local-development layout), checked before
// anything is written.
import { resolve } from 'node:path';
import { app } from '../app';
import { buildApp } from '../sdk/emit/buildApp';
import { formatFinding, hasErrors } from '../sdk/check/findings';

/** `--out <dir>` writes elsewhere than dist/ (tests use it to compare two builds). */
function outputDir(argv: string[]): string {
  const at = argv.indexOf('--out');
  return at >= 0 && argv[at + 1] ? resolve(argv[at + 1]) : resolve(__dirname, '..', 'dist');
}

function main(): number {
  const out = outputDir(process.argv.slice(2));
  const { findings, files } = buildApp(app, out);
  for (const finding of findings) console.error(formatFinding(finding));
  if (hasErrors(findings)) {
    console.error(`build failed: ${findings.filter((f) => f.severity === 'error').length} error(s); nothing written`);
    return 1;
  }
  const warnings = findings.length ? `, ${findings.length} warning(s)` : '';
  console.log(
    `built ${out}: ${app.modules.length} modules, ${app.connections.length} connection(s), ${app.rpcs.length} RPC(s), ${files.length} files${warnings}`,
  );
  return 0;
}

process.exitCode = main();
