// npm run build [-- --out DIR]: app definition -> dist/ (Make's local-development layout), checked before
// anything is written. `--origins FILE` (npm run build passes make.origins.json) writes the deploy origins into
// makecomapp.json, so Make's VS Code extension can deploy the build; without it the build has none.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { app } from '../app';
import { buildApp } from '../sdk/emit/buildApp';
import type { DeployTarget } from '../sdk/emit/emitApp';
import { formatFinding, hasErrors } from '../sdk/check/findings';
import { deployTargets, parseOriginsFile } from '../sdk/deploy/origins';
import { writeScenarios } from '../scenarios';

/** `--out <dir>` writes elsewhere than dist/ (tests use it to compare two builds). */
function outputDir(argv: string[]): string {
  const at = argv.indexOf('--out');
  return at >= 0 && argv[at + 1] ? resolve(argv[at + 1]) : resolve(__dirname, '..', 'dist');
}

/** `--origins <file>`: the deploy origins (make.origins.json), their key files made relative to the output. */
function targets(argv: string[], out: string): DeployTarget[] {
  const at = argv.indexOf('--origins');
  if (at < 0) return [];
  const file = argv[at + 1];
  if (!file) throw new Error('--origins needs the origins file (make.origins.json)');
  let text: string;
  try {
    text = readFileSync(resolve(file), 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  return deployTargets(parseOriginsFile(text, file), dirname(resolve(file)), out);
}

function main(): number {
  const argv = process.argv.slice(2);
  const out = outputDir(argv);
  let origins: DeployTarget[];
  try {
    origins = targets(argv, out);
  } catch (error) {
    console.error(`build failed: ${(error as Error).message}; nothing written`);
    return 1;
  }
  const { findings, files } = buildApp(app, out, origins);
  for (const finding of findings) console.error(formatFinding(finding));
  if (hasErrors(findings)) {
    console.error(`build failed: ${findings.filter((f) => f.severity === 'error').length} error(s); nothing written`);
    return 1;
  }
  // The scenario templates (scenarios/), checked against the app just built: dist/scenarios/<name>.blueprint.json.
  const originsAt = argv.indexOf('--origins');
  const scenarios = writeScenarios(out, files, originsAt >= 0 ? argv[originsAt + 1] : undefined);
  for (const finding of scenarios.findings) console.error(formatFinding(finding));
  if (hasErrors(scenarios.findings)) {
    console.error('build failed: the scenario templates have errors; nothing written');
    return 1;
  }
  const warnings = findings.length ? `, ${findings.length} warning(s)` : '';
  console.log(
    `built ${out}: ${app.modules.length} modules, ${app.connections.length} connection(s), ${app.rpcs.length} RPC(s), ${files.length} files${warnings}, ${scenarios.written.length} scenario templates` +
      (origins.length ? `; deploy origins: ${origins.map((o) => o.label).join(', ')}` : ''),
  );
  return 0;
}

process.exitCode = main();
