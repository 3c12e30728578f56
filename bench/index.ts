// The figures of npm run bench, in order, and the results file (bench/results.json) they give.
import { formatLine, type Figure, type FigureOptions, type FigureResult } from './figure';
import { buildAndTest } from './figures/buildAndTest';
import { cliStart } from './figures/cliStart';
import { contractRules } from './figures/contractRules';
import { harnessOverhead } from './figures/harnessOverhead';
import { imlEval } from './figures/imlEval';
import { listRequests } from './figures/listRequests';
import { renderSync } from './figures/renderSync';
import { sandboxSync } from './figures/sandboxSync';
import { weeklyOperations } from './figures/weeklyOperations';
import { cpus, loadavg } from 'node:os';

export const FIGURES: readonly Figure[] = [
  weeklyOperations,
  listRequests,
  renderSync,
  imlEval,
  contractRules,
  sandboxSync,
  harnessOverhead,
  cliStart,
  buildAndTest,
];

export interface BenchResults {
  date: string;
  command: string;
  machine: { cores: number; cpu: string; node: string; platform: string; loadAverage: number[] };
  figures: FigureResult[];
}

export async function runFigures(figures: readonly Figure[], options: FigureOptions, onResult: (r: FigureResult) => void = () => undefined): Promise<FigureResult[]> {
  const results: FigureResult[] = [];
  for (const figure of figures) {
    if (figure.fullOnly && options.quick) continue;
    options.progress(`- ${figure.name}`);
    for (const result of await figure.run(options)) {
      results.push(result);
      onResult(result);
    }
  }
  return results;
}

export function machine(): BenchResults['machine'] {
  const list = cpus();
  return { cores: list.length, cpu: list[0]?.model ?? 'unknown', node: process.version, platform: `${process.platform}-${process.arch}`, loadAverage: loadavg().map((l) => Math.round(l * 100) / 100) };
}

export { formatLine };
