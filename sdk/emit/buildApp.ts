// Emit, check, and only then write: a definition with errors never reaches the output directory.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AppDefinition } from '../types';
import { emitApp, DefinitionError, type DeployTarget, type EmittedFile } from './emitApp';
import { mapReader, readEmittedApp } from '../emitted';
import { checkApp } from '../check';
import { hasErrors, type Finding } from '../check/findings';

export interface BuildResult {
  /** Findings of the checks; a definition error the emitter cannot represent is one `definition` finding. */
  findings: Finding[];
  /** The files written (none when there are errors). */
  files: EmittedFile[];
}

export function buildApp(app: AppDefinition, outDir: string, targets: DeployTarget[] = []): BuildResult {
  let files: EmittedFile[];
  try {
    files = emitApp(app, targets);
  } catch (error) {
    if (!(error instanceof DefinitionError)) throw error;
    return {
      findings: [{ severity: 'error', rule: 'definition', file: error.file, path: '$', message: error.message, hint: error.hint }],
      files: [],
    };
  }
  const findings = checkApp(readEmittedApp(mapReader(files)), { language: app.language });
  if (hasErrors(findings)) return { findings, files: [] };
  rmSync(outDir, { recursive: true, force: true });
  for (const file of files) {
    const target = join(outDir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  return { findings, files };
}
