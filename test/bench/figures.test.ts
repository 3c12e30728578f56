// Each figure of npm run bench, its code run once on tiny data (one pair, no warm-up): it works and gives the
// numbers it should. No timing is asserted; the bench itself never runs in npm test.
import { describe, expect, it } from 'vitest';
import { FIGURES, runFigures } from '../../bench';
import type { FigureOptions, FigureResult } from '../../bench/figure';
import { wallTimes } from '../../bench/figures/buildAndTest';
import { handMapping, MAPPING, ROW } from '../../bench/figures/imlEval';
import { evaluateDeep } from '../../sdk/iml';

const tiny: FigureOptions = { quick: true, tiny: true, progress: () => undefined };

async function run(name: string): Promise<FigureResult[]> {
  const figure = FIGURES.find((f) => f.name === name);
  if (!figure) throw new Error(`no figure ${name}`);
  const results = await figure.run(tiny);
  for (const r of results) expect(Number.isFinite(r.value), `${r.name}: ${r.value}`).toBe(true);
  return results;
}

describe('the figures on tiny data', () => {
  it('weekly-operations: one result per scenario template, operations above the flow floor', async () => {
    const results = await run('weekly-operations');
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.value).toBeGreaterThanOrEqual(r.floorValue!);
  }, 60_000);
  it('list-requests: the transmitted listing asks for the fewest pages (245 contracts: 3)', async () => {
    const results = await run('list-requests');
    expect(results.find((r) => r.name === 'list-requests:listTransmittedContracts')).toMatchObject({ value: 3, floorValue: 3, ratio: 1 });
  }, 30_000);
  it('render-sync-10k, iml-eval, harness-overhead: a ratio each', async () => {
    for (const name of ['render-sync-10k', 'iml-eval', 'harness-overhead']) {
      for (const r of await run(name)) expect(r.ratio).toBeGreaterThan(0);
    }
  }, 60_000);
  it('contract-rules: three sizes and their linearity', async () => {
    const results = await run('contract-rules');
    expect(results.map((r) => r.name)).toEqual(['contract-rules:10k', 'contract-rules:50k', 'contract-rules:100k', 'contract-rules:linearity'].map((n, i) => (i < 3 ? n : n)).map((n) => n.replace('10k', '0.05k').replace('50k', '0.1k').replace('100k', '0.2k')));
  }, 30_000);
  it('sandbox-sync-50k: full, 1 % changed, peak memory', async () => {
    expect((await run('sandbox-sync-50k')).map((r) => r.name)).toEqual(['sandbox-sync-50k:full', 'sandbox-sync-50k:1%-changed', 'sandbox-sync-50k:peak-memory']);
  }, 30_000);
  it('cli-start: invoke --help against node -e 0', async () => {
    const [r] = await run('cli-start');
    expect(r).toMatchObject({ name: 'cli-start', unit: 's' });
  }, 30_000);
  it('build and test: the code path, with node -e 0 in place of the real commands (never npm test inside npm test)', async () => {
    const figure = wallTimes([{ name: 'build', command: process.execPath, args: ['-e', '0'] }]);
    expect(figure.fullOnly).toBe(true);
    const [r] = await figure.run(tiny);
    expect(r).toMatchObject({ name: 'build', unit: 's', noisy: false, note: 'one run, wall time' });
    expect(await runFigures([figure], { ...tiny, quick: true })).toEqual([]);
  });
});

describe("iml-eval's floor does what the template does", () => {
  it('gives the same contract', () => {
    expect(handMapping({ parameters: ROW })).toEqual(evaluateDeep(MAPPING, { parameters: ROW }));
  });
});
