// The README's table of benchmark figures is the one of bench/results.json (the committed run).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BenchResults } from '../../bench';
import { resultsTable } from '../../bench/figure';

const ROOT = join(__dirname, '..', '..');

describe("the README's benchmark table", () => {
  it('is the table of bench/results.json (npm run bench writes both)', () => {
    const results = JSON.parse(readFileSync(join(ROOT, 'bench', 'results.json'), 'utf8')) as BenchResults;
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const table = /<!-- bench-figures:start -->\n([\s\S]*?)\n<!-- bench-figures:end -->/.exec(readme)?.[1];
    expect(table, 'README.md needs its table between <!-- bench-figures:start --> and <!-- bench-figures:end -->').toBeDefined();
    expect(table).toBe(resultsTable(results.figures));
    expect(results.machine.cores).toBeGreaterThan(0);
    expect(results.date).toMatch(/^\d{4}-\d\d-\d\d/);
  });
});
