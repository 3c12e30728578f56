// cli-start: the wall time of `invoke --help` (ts-node, as npm run invoke starts it, without npm's own start)
// against `node -e 0`. Target <= 0.5 s.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { interleave, summarise } from '../stats';
import { pairing, timed, type Figure } from '../figure';

const ROOT = join(__dirname, '..', '..');
export const TS_NODE = join(ROOT, 'node_modules', 'ts-node', 'dist', 'bin.js');

function spawnOk(args: string[]): void {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')}: exit ${result.status}: ${result.stderr}`);
}

export const cliStart: Figure = {
  name: 'cli-start',
  async run(options) {
    const paired = await interleave(
      { run: () => spawnOk([TS_NODE, join('scripts', 'invoke.ts'), '--help']) },
      { run: () => spawnOk(['-e', '0']) },
      pairing(options, 9, 5),
    );
    return [timed('cli-start', summarise(paired), { unit: 's', scale: 1 / 1000 }, 'node -e 0', { text: '<= 0.5 s', ok: (_r, value) => value <= 0.5 })];
  },
};
