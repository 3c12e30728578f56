// Timing a step against its floor: the two interleaved (A, B, A, B ... after a warm-up), the ratio taken pair by
// pair, and the median ratio reported with its spread, so that a slow moment of a shared machine hits both sides
// of a pair alike. A figure whose spread is too wide is noisy: reported as such, never as a result.

/** One side of a pair: `setup` runs before each timed `run`, untimed (e.g. emptying the platform). */
export interface Side {
  setup?: () => unknown | Promise<unknown>;
  run: () => unknown | Promise<unknown>;
}

export interface PairOptions {
  /** Untimed A, B rounds first (JIT, caches, sockets). */
  warmup: number;
  /** Timed A, B rounds. */
  pairs: number;
}

export interface Paired {
  /** Milliseconds of each timed run, in order. */
  aMs: number[];
  bMs: number[];
  /** aMs[i] / bMs[i]. */
  ratios: number[];
}

/** The widest relative spread of the pair ratios a figure may have and still be a result. */
export const MAX_SPREAD = 0.25;

export async function timeOnce(side: Side): Promise<number> {
  await side.setup?.();
  const start = process.hrtime.bigint();
  await side.run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** A and B interleaved: A, B, A, B ..., `warmup` untimed rounds then `pairs` timed ones. */
export async function interleave(a: Side, b: Side, options: PairOptions): Promise<Paired> {
  if (!Number.isInteger(options.pairs) || options.pairs < 1) throw new Error(`pairs must be a positive integer, got ${options.pairs}`);
  for (let i = 0; i < options.warmup; i += 1) {
    await timeOnce(a);
    await timeOnce(b);
  }
  const aMs: number[] = [];
  const bMs: number[] = [];
  for (let i = 0; i < options.pairs; i += 1) {
    aMs.push(await timeOnce(a));
    bMs.push(await timeOnce(b));
  }
  return { aMs, bMs, ratios: aMs.map((ms, i) => ms / Math.max(bMs[i], 1e-6)) };
}

/** The q-quantile (0..1) by linear interpolation between the sorted values. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new Error('no values');
  const sorted = [...values].sort((x, y) => x - y);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** The relative spread of the values: their interquartile range over their median (0 for one value). */
export function relativeSpread(values: readonly number[]): number {
  const mid = median(values);
  return mid === 0 ? 0 : (quantile(values, 0.75) - quantile(values, 0.25)) / mid;
}

export interface PairSummary {
  medianA: number;
  medianB: number;
  ratio: number;
  spread: number;
  pairs: number;
  noisy: boolean;
}

export function summarise(paired: Paired, maxSpread: number = MAX_SPREAD): PairSummary {
  const spread = relativeSpread(paired.ratios);
  return {
    medianA: median(paired.aMs),
    medianB: median(paired.bMs),
    ratio: median(paired.ratios),
    spread,
    pairs: paired.ratios.length,
    noisy: spread > maxSpread,
  };
}
