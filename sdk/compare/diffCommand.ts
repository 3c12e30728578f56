// `npm run diff -- <old dist> <new dist>`: what changed between two built apps, and whether it breaks scenarios.
// The command's whole behaviour is here (scripts/diff.ts only passes argv and writes the result), so that it is
// tested without a process. Exit status: 0 nothing breaks, 1 something does, 2 bad usage or an unreadable dist.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { directoryReader, EmittedAppError, readEmittedApp, type EmittedApp } from '../emitted';
import { compareApps, formatChanges } from './appChanges';

export const DIFF_USAGE = 'usage: npm run diff -- <old dist> <new dist>   (two directories written by npm run build)';

export interface DiffResult {
  status: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

export function runDiff(argv: string[], cwd: string = process.cwd()): DiffResult {
  if (argv.includes('--help') || argv.includes('-h')) return { status: 0, stdout: `${DIFF_USAGE}\n`, stderr: '' };
  const unknown = argv.find((arg) => arg.startsWith('-'));
  if (unknown !== undefined) return usage(`unknown option ${unknown}`);
  if (argv.length !== 2) return usage(argv.length < 2 ? 'two directories are needed' : `unexpected argument '${argv[2]}'`);

  const apps: EmittedApp[] = [];
  for (const given of argv) {
    const dir = resolve(cwd, given);
    const read = readDist(dir);
    if (typeof read === 'string') return { status: 2, stdout: '', stderr: `diff: ${read}\n` };
    apps.push(read);
  }
  const changes = compareApps(apps[0], apps[1]);
  const breaking = changes.filter((c) => c.breaking).length;
  const verdict =
    changes.length === 0
      ? 'diff: the two apps are the same.'
      : breaking === 0
        ? 'diff: nothing breaks the scenarios built on the old app.'
        : `diff: ${breaking} breaking change${breaking === 1 ? '' : 's'}: scenarios built on the old app may stop working.`;
  return { status: breaking > 0 ? 1 : 0, stdout: `${formatChanges(changes)}\n${verdict}\n`, stderr: '' };
}

function usage(problem: string): DiffResult {
  return { status: 2, stdout: '', stderr: `diff: ${problem}\n${DIFF_USAGE}\n` };
}

/** The emitted app in `dir`, or what keeps it from being read. */
function readDist(dir: string): EmittedApp | string {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return `${dir} is not a directory: pass two dist/ directories written by npm run build`;
  if (!existsSync(resolve(dir, 'makecomapp.json'))) return `${dir} has no makecomapp.json, so it is not a built app`;
  try {
    return readEmittedApp(directoryReader(dir));
  } catch (error) {
    // A missing or invalid file (EmittedAppError), a file system error, or a makecomapp.json of another shape.
    return `cannot read ${dir}: ${error instanceof EmittedAppError ? '' : 'makecomapp.json or a file it lists: '}${error instanceof Error ? error.message : String(error)}`;
  }
}
