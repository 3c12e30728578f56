// contract-rules: checkContracts (schema + rules 1-5) over 10k, 50k and 100k contracts, each against one pass
// that only reads every field of every contract. Target <= 3x, and linear: the three ratios within 20 %.
import { checkContracts } from '../../api/contracts';
import { generateContracts } from '../../sandbox/demoData';
import { interleave, summarise } from '../stats';
import { pairing, timed, type Figure, type FigureResult } from '../figure';

export const RULE_SIZES = [10_000, 50_000, 100_000] as const;

/** Reads every field of every contract, once: the least a check of each field must do. */
export function readEveryField(contracts: readonly object[]): number {
  let total = 0;
  for (const contract of contracts) {
    for (const key in contract) {
      const value = (contract as Record<string, unknown>)[key];
      if (typeof value === 'string') total += value.length;
    }
  }
  return total;
}

export const contractRules: Figure = {
  name: 'contract-rules',
  async run(options) {
    const sizes = options.tiny ? [50, 100, 200] : [...RULE_SIZES];
    const all = generateContracts(sizes[sizes.length - 1], 5);
    const results: FigureResult[] = [];
    for (const size of sizes) {
      const contracts = all.slice(0, size);
      options.progress(`  ${size} contracts`);
      const full = size <= 10_000 ? 11 : 7;
      const paired = await interleave(
        { run: () => checkContracts(contracts) },
        { run: () => readEveryField(contracts) },
        pairing(options, full, size <= 10_000 ? 5 : 3),
      );
      results.push(timed(`contract-rules:${size / 1000}k`, summarise(paired), { unit: 'ms', scale: 1 }, 'reading every field', {
        text: 'ratio <= 3',
        ok: (r) => r <= 3,
      }));
    }
    const ratios = results.map((r) => r.ratio ?? 0);
    const noisy = results.some((r) => r.noisy);
    const widest = (Math.max(...ratios) / Math.min(...ratios) - 1) * 100;
    results.push({
      name: 'contract-rules:linearity',
      value: widest,
      unit: '% between the largest and smallest ratio',
      noisy,
      target: '<= 20 %',
      ...(noisy ? {} : { met: widest <= 20 }),
      note: `ratios ${ratios.map((r) => `${r.toFixed(2)}x`).join(', ')} at ${sizes.join(', ')}`,
    });
    return results;
  },
};
