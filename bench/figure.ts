// What each figure gives back, and how a result reads: `<name>: <value> <unit> (<ratio>x <floor>)`.
import type { PairSummary } from './stats';

export interface FigureResult {
  name: string;
  value: number;
  unit: string;
  /** What the value is measured against, in words; absent for a figure without a floor (build, test). */
  floor?: string;
  floorValue?: number;
  ratio?: number;
  /** Relative interquartile range of the pair ratios; timed figures only. */
  spread?: number;
  pairs?: number;
  /** The spread was too wide: not a result. */
  noisy: boolean;
  /** e.g. `ratio <= 3`; with `met`, whether this run meets it (undefined when noisy). */
  target?: string;
  met?: boolean;
  note?: string;
}

export interface FigureOptions {
  /** --quick: fewer pairs. */
  quick: boolean;
  /** Tests: tiny data, one pair, no warm-up; the figure's code runs once to prove it works. */
  tiny: boolean;
  progress: (line: string) => void;
}

export interface Figure {
  name: string;
  /** Only in the full run (not --quick). */
  fullOnly?: boolean;
  run: (options: FigureOptions) => Promise<FigureResult[]>;
}

/** Pairs and warm-up for a figure: its own numbers, fewer with --quick, one pair with tiny. */
export function pairing(options: FigureOptions, full: number, quick: number): { warmup: number; pairs: number } {
  if (options.tiny) return { warmup: 0, pairs: 1 };
  return options.quick ? { warmup: 1, pairs: quick } : { warmup: 2, pairs: full };
}

/** A timed figure from its pair summary: the value is A's median, the ratio the median pair ratio. */
export function timed(
  name: string,
  summary: PairSummary,
  value: { unit: string; scale: number },
  floor: string,
  target?: { text: string; ok: (ratio: number, value: number) => boolean },
  note?: string,
): FigureResult {
  const result: FigureResult = {
    name,
    value: summary.medianA * value.scale,
    unit: value.unit,
    floor,
    floorValue: summary.medianB * value.scale,
    ratio: summary.ratio,
    spread: summary.spread,
    pairs: summary.pairs,
    noisy: summary.noisy,
  };
  if (target) {
    result.target = target.text;
    if (!summary.noisy) result.met = target.ok(summary.ratio, result.value);
  }
  if (note) result.note = note;
  return result;
}

function show(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : Math.abs(value) >= 1 ? 2 : 3;
  return value.toFixed(digits);
}

/** One line per figure. A noisy figure says so first and gives its numbers only as what was seen. */
export function formatLine(r: FigureResult): string {
  const floor = r.ratio === undefined || r.floor === undefined ? '' : ` (${r.ratio.toFixed(2)}x ${r.floor})`;
  const spread = r.spread === undefined ? '' : `, spread ${(r.spread * 100).toFixed(0)} % over ${r.pairs} pair(s)`;
  if (r.noisy) return `${r.name}: NOISY, not a result (seen: ${show(r.value)} ${r.unit}${floor}${spread})`;
  const target = r.target ? ` [target ${r.target}: ${r.met ? 'met' : 'MISSED'}]` : '';
  const note = r.note ? ` — ${r.note}` : '';
  return `${r.name}: ${show(r.value)} ${r.unit}${floor}${spread}${target}${note}`;
}

/** The README's table of a run: one row per figure, as `npm run bench` (not `--only`) writes it into README.md. */
export function resultsTable(figures: FigureResult[]): string {
  const rows = figures.map((r) => {
    const ratio = r.ratio === undefined ? '—' : `${r.ratio.toFixed(2)}x`;
    const verdict = r.noisy
      ? `**noisy** (spread ${((r.spread ?? 0) * 100).toFixed(0)} %)`
      : r.target === undefined
        ? '—'
        : r.met
          ? 'met'
          : '**missed**';
    return `| \`${r.name}\` | ${show(r.value)} ${r.unit} | ${r.floor ?? '—'} | ${ratio} | ${r.target ?? '—'} | ${verdict} |`;
  });
  return ['| figure | value | floor | ratio | target | this run |', '|---|---:|---|---:|---|---|', ...rows].join('\n');
}

/** README.md with its table (between the bench-figures markers) replaced by this run's. */
export function withResultsTable(readme: string, figures: FigureResult[]): string {
  const pattern = /(<!-- bench-figures:start -->\n)[\s\S]*?(\n<!-- bench-figures:end -->)/;
  if (!pattern.test(readme)) throw new Error('README.md has no <!-- bench-figures:start --> ... <!-- bench-figures:end --> table');
  return readme.replace(pattern, (_all, start: string, end: string) => `${start}${resultsTable(figures)}${end}`);
}
