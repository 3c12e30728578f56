// The scenario templates: ready-to-import Make blueprints of the app's documented scenarios. npm run build writes
// each to dist/scenarios/<name>.blueprint.json, for the app of the deploy origin (target.ts), after checking it
// against the app just built (sdk/scenario/check.ts): a template that names a module or a field the app does not
// have fails the build.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { stableJson } from '../sdk/emit/json';
import { mapReader, readEmittedApp } from '../sdk/emitted';
import { hasErrors, type Finding } from '../sdk/check/findings';
import { checkBlueprint } from '../sdk/scenario/check';
import type { OriginsFile } from '../sdk/deploy/origins';
import { appReferences, blueprintTarget, readOrigins } from './target';
import type { ScenarioTemplate } from './template';
import { synchroHebdomadaire } from './synchroHebdomadaire';
import { synchroSure } from './synchroSure';

export const SCENARIOS: readonly ScenarioTemplate[] = [synchroHebdomadaire, synchroSure];

/** Where a template goes in the build. */
export function blueprintPath(template: ScenarioTemplate): string {
  return `scenarios/${template.name}.blueprint.json`;
}

/**
 * The templates as files of the build, checked against the app's emitted files (the build's own): the files,
 * and the findings (with an error, write none of them).
 */
export function emitScenarios(
  appFiles: Array<{ path: string; content: string }>,
  origins?: OriginsFile,
): { files: Array<{ path: string; content: string }>; findings: Finding[] } {
  const local = { app: readEmittedApp(mapReader(appFiles)), references: appReferences(origins) };
  const target = blueprintTarget(origins);
  const files = SCENARIOS.map((template) => ({ path: blueprintPath(template), content: stableJson(template.build(target)) }));
  const findings = files.flatMap((file) => checkBlueprint(JSON.parse(file.content), local, file.path).findings);
  return { files, findings };
}

/**
 * npm run build's step: the templates written into `outDir` (the build's output, just written), for the origins
 * of `originsFile` when one is given. With an error finding the whole output directory is removed, so a build
 * that fails writes nothing. Returns the findings and the paths written.
 */
export function writeScenarios(
  outDir: string,
  appFiles: Array<{ path: string; content: string }>,
  originsFile?: string,
): { findings: Finding[]; written: string[] } {
  const { files, findings } = emitScenarios(appFiles, originsFile === undefined ? undefined : readOrigins(resolve(originsFile)));
  if (hasErrors(findings)) {
    rmSync(outDir, { recursive: true, force: true });
    return { findings, written: [] };
  }
  for (const file of files) {
    const path = join(outDir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
  return { findings, written: files.map((f) => f.path) };
}
