// npm run bench [-- --quick] [--only name,name]: each figure against its floor, in one run (bench/: the pairing
// and statistics in bench/stats.ts, one file per figure in bench/figures/). Prints one line per figure; a whole
// run (not --only) writes bench/results.json with the machine and the date, and the README's table from it.
// --quick: fewer pairs, no build/test timings.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FIGURES, formatLine, machine, runFigures, type BenchResults } from '../bench';
import { withResultsTable } from '../bench/figure';
import { parseArgs } from './cliArgs';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['only'], ['quick']);
  const quick = args.options.has('quick');
  const only = args.options.get('only');
  const names = typeof only === 'string' ? only.split(',') : undefined;
  const figures = names ? FIGURES.filter((f) => names.includes(f.name)) : FIGURES;
  if (names && figures.length !== names.length) throw new Error(`unknown figure in --only; figures: ${FIGURES.map((f) => f.name).join(', ')}`);
  const start = machine();
  const progress = (line: string) => process.stderr.write(`${line}\n`);
  progress(`bench${quick ? ' --quick' : ''}: ${start.cores} cores, Node ${start.node}, load ${start.loadAverage.join(' ')}`);
  const results = await runFigures(figures, { quick, tiny: false, progress }, (r) => console.log(formatLine(r)));
  const out: BenchResults = {
    date: new Date().toISOString(),
    command: `npm run bench${quick ? ' -- --quick' : ''}${names ? ` --only ${names.join(',')}` : ''}`,
    machine: start,
    figures: results,
  };
  // A partial run must not replace the figures of the last whole one.
  if (names) return;
  const root = resolve(__dirname, '..');
  writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(out, null, 2)}\n`);
  const readme = join(root, 'README.md');
  writeFileSync(readme, withResultsTable(readFileSync(readme, 'utf8'), results));
  progress('bench: results in bench/results.json, and the table of README.md');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
