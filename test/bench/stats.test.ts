// The bench's pairing and statistics (bench/stats.ts) and its line format (bench/figure.ts).
import { describe, expect, it } from 'vitest';
import { interleave, median, MAX_SPREAD, quantile, relativeSpread, summarise } from '../../bench/stats';
import { formatLine, pairing } from '../../bench/figure';

describe('quantiles and spread', () => {
  it('interpolates between sorted values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([7], 0.75)).toBe(7);
    expect(() => median([])).toThrow('no values');
  });
  it('is the interquartile range over the median', () => {
    expect(relativeSpread([2, 2, 2])).toBe(0);
    expect(relativeSpread([1, 2, 3, 4, 5])).toBeCloseTo((4 - 2) / 3);
  });
});

describe('interleave', () => {
  it('runs A, B, A, B ... after the warm-up, setups untimed before each run', async () => {
    const order: string[] = [];
    const paired = await interleave(
      { setup: () => order.push('a-setup'), run: () => order.push('a') },
      { run: () => order.push('b') },
      { warmup: 1, pairs: 2 },
    );
    expect(order).toEqual(['a-setup', 'a', 'b', 'a-setup', 'a', 'b', 'a-setup', 'a', 'b']);
    expect(paired.aMs).toHaveLength(2);
    expect(paired.ratios).toEqual(paired.aMs.map((a, i) => a / Math.max(paired.bMs[i], 1e-6)));
  });
  it('refuses no pairs', async () => {
    await expect(interleave({ run: () => 0 }, { run: () => 0 }, { warmup: 0, pairs: 0 })).rejects.toThrow('positive');
  });
});

describe('summarise', () => {
  it('takes the median of the pair ratios, not the ratio of medians', () => {
    const s = summarise({ aMs: [10, 30, 20], bMs: [5, 10, 20], ratios: [2, 3, 1] });
    expect(s).toMatchObject({ medianA: 20, medianB: 10, ratio: 2, pairs: 3 });
  });
  it('marks a wide spread as noisy', () => {
    expect(summarise({ aMs: [1, 1, 1], bMs: [1, 1, 1], ratios: [1, 1, 1] }).noisy).toBe(false);
    expect(summarise({ aMs: [1, 1, 1, 1], bMs: [1, 1, 1, 1], ratios: [1, 2, 3, 4] }).noisy).toBe(true);
    expect(MAX_SPREAD).toBeGreaterThan(0);
  });
});

describe('a line per figure', () => {
  const base = { name: 'x', value: 12.345, unit: 'ms', floor: 'JSON.stringify', floorValue: 5, ratio: 2.469, spread: 0.1, pairs: 7 };
  it('reads <name>: <value> <unit> (<ratio>x <floor>)', () => {
    expect(formatLine({ ...base, noisy: false, target: 'ratio <= 3', met: true })).toBe(
      'x: 12.3 ms (2.47x JSON.stringify), spread 10 % over 7 pair(s) [target ratio <= 3: met]',
    );
    expect(formatLine({ name: 'build', value: 40, unit: 's', noisy: false })).toBe('build: 40 s');
  });
  it('says NOISY and is no result when the spread is too wide', () => {
    expect(formatLine({ ...base, noisy: true, target: 'ratio <= 3' })).toMatch(/^x: NOISY, not a result \(seen: 12\.3 ms \(2\.47x JSON\.stringify\)/);
  });
  it('pairs: one with tiny data, fewer with --quick', () => {
    expect(pairing({ quick: false, tiny: true, progress: () => 0 }, 9, 5)).toEqual({ warmup: 0, pairs: 1 });
    expect(pairing({ quick: true, tiny: false, progress: () => 0 }, 9, 5)).toEqual({ warmup: 1, pairs: 5 });
    expect(pairing({ quick: false, tiny: false, progress: () => 0 }, 9, 5)).toEqual({ warmup: 2, pairs: 9 });
  });
});
