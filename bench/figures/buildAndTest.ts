// build and test: the wall time of `npm run build` and `npm test`, reported with no floor and no target, in the
// full run only (never --quick, never inside npm test). The commands can be replaced (the bench's own test runs
// `node -e 0` to prove the code path without running the suite inside itself).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Figure, FigureResult } from '../figure';

const ROOT = join(__dirname, '..', '..');

export interface TimedCommand {
  name: string;
  command: string;
  args: string[];
}

export const BUILD_AND_TEST: readonly TimedCommand[] = [
  { name: 'build', command: 'npm', args: ['run', 'build'] },
  { name: 'test', command: 'npm', args: ['test'] },
];

export function wallTimes(commands: readonly TimedCommand[]): Figure {
  return {
    name: 'build-and-test',
    fullOnly: true,
    async run(options) {
      const results: FigureResult[] = [];
      for (const { name, command, args } of commands) {
        options.progress(`  ${command} ${args.join(' ')}`);
        const start = process.hrtime.bigint();
        const run = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        const seconds = Number(process.hrtime.bigint() - start) / 1e9;
        results.push({
          name,
          value: seconds,
          unit: 's',
          noisy: false,
          note: run.status === 0 ? 'one run, wall time' : `one run, wall time; it FAILED (exit ${run.status})`,
        });
      }
      return results;
    },
  };
}

export const buildAndTest = wallTimes(BUILD_AND_TEST);
