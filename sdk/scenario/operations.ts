// The counting rule of Make operations, in this one place: the runner asks it for every module run, and the
// README's tables are what the runner measured with it.
//
// Verified (https://help.make.com/operations): Make bills one operation each time a module runs, and a module runs
// once per bundle it receives; a module that returns several bundles (a search, an iterator) still runs once, so
// its own count does not depend on what it returns. A filter is not a module: it costs nothing.
//
// UNVERIFIED (what is commonly said, not what Make's notes settle): whether a router and an Array aggregator
// count. The defaults below follow the common saying (routers do not, aggregators do, once per bundle they
// output); `failedRunCounts` says that a run that ends in an error was still a run.

/** What the runner counts a run of. `source`: the flow's first module, whose bundles come from the input. */
export type CountedKind = 'source' | 'app' | 'iterator' | 'aggregator' | 'router' | 'setVariable' | 'parseJson';

export interface CountingRule {
  /** Operations of one run, per kind of module. */
  perRun: Readonly<Record<CountedKind, number>>;
  /** Whether a run that ends in an error counts (it ran: Make has already started the module). */
  failedRunCounts: boolean;
}

export const COUNTING_RULE: CountingRule = {
  perRun: {
    source: 1,
    app: 1,
    iterator: 1,
    setVariable: 1,
    parseJson: 1,
    /** UNVERIFIED: one per bundle it outputs (one per run of its feeder). */
    aggregator: 1,
    /** UNVERIFIED: a router only passes bundles on. */
    router: 0,
  },
  failedRunCounts: true,
};

/** The operations of one run of a module of this kind. */
export function operationsOf(kind: CountedKind, outcome: 'done' | 'failed', rule: CountingRule = COUNTING_RULE): number {
  if (outcome === 'failed' && !rule.failedRunCounts) return 0;
  return rule.perRun[kind];
}

/** The rule as one line, for the printout and the README. */
export function describeCountingRule(rule: CountingRule = COUNTING_RULE): string {
  const kinds = Object.entries(rule.perRun)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
  return `operations per module run: ${kinds}; filters 0; a run that fails ${rule.failedRunCounts ? 'counts' : 'does not count'}`;
}
