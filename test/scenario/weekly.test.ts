// The two templates as npm run build writes them, run as blueprints by the scenario runner against the sandbox
// over HTTP, week after week: the first sync, a normal week, a week with changes, and a week where the school's
// source lost 80 % of its rows, which the filter (synchro-hebdomadaire) or safeSync's guard (synchro-sure) stops
// with the platform unchanged. The operations each week costs are what the README's table says (kept equal here).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { generateContracts } from '../../sandbox/demoData';
import { runModule } from '../../sdk/harness/run';
import { emitApp } from '../../sdk/emit/emitApp';
import { runScenario } from '../../sdk/scenario/runner';
import type { Blueprint } from '../../sdk/scenario/blueprint';
import type { ScenarioRunReport } from '../../sdk/scenario/runReport';
import { app } from '../../app';
import { emitScenarios, SCENARIOS } from '../../scenarios';
import { appReferences, readOrigins } from '../../scenarios/target';
import type { Contrat } from '../../api/types/contrat';
import { emittedApp } from '../helpers/app';

const ROOT = join(__dirname, '..', '..');
const origins = readOrigins(join(ROOT, 'make.origins.json'));
/** The templates exactly as npm run build writes them into dist/scenarios/. */
const built = new Map(emitScenarios(emitApp(app), origins).files.map((f) => [f.path.replace(/^scenarios\/|\.blueprint\.json$/g, ''), JSON.parse(f.content) as Blueprint]));
const local = () => ({ app: emittedApp(), references: appReferences(origins) });

const CONTRACTS = 200;
const first = generateContracts(CONTRACTS, 41);
const changed: Contrat[] = [
  ...first.slice(5).map((c, i) => (i < 4 ? { ...c, nomEntreprise: `${c.nomEntreprise} (nouveau nom)` } : c)),
  ...generateContracts(3, 42).map((c, i) => ({ ...c, codeContrat: `NOUVEAU-${i + 1}` })),
];
/** The source lost 80 % of its rows (an export filter gone wrong). */
const truncated = changed.slice(0, Math.floor(changed.length * 0.2));

interface Week {
  name: string;
  contracts: Contrat[];
  /** The codes on the platform after the week: the week's own, or the previous week's when it stops. */
  stops: boolean;
}

const WEEKS: Week[] = [
  { name: `first sync (empty platform, ${CONTRACTS} contracts)`, contracts: first, stops: false },
  { name: 'a normal week (no change)', contracts: first, stops: false },
  { name: 'a week with changes (3 added, 4 updated, 5 archived)', contracts: changed, stops: false },
  { name: 'the source lost 80 % of its rows', contracts: truncated, stops: true },
];

const sandboxes = new Map<string, RunningSandbox>();
/** Per template, per week: the run's report. */
const measured = new Map<string, ScenarioRunReport[]>();

beforeAll(async () => {
  for (const template of SCENARIOS) {
    sandboxes.set(template.name, await startSandbox({ port: 0, token: `scenario-${template.name}-7c1e`, log: () => undefined }));
    measured.set(template.name, []);
  }
});
afterAll(async () => {
  for (const sandbox of sandboxes.values()) await sandbox.close();
});

function connectionFor(sandbox: RunningSandbox) {
  return { apiKey: sandbox.token, baseUrl: 'https://app.campus-skills.com', sandbox: false };
}

async function run(name: string, blueprint: Blueprint, contracts: Contrat[]): Promise<ScenarioRunReport> {
  const sandbox = sandboxes.get(name)!;
  const warnings: string[] = [];
  const report = await runScenario(blueprint, local(), {
    input: contracts,
    connection: connectionFor(sandbox),
    baseUrl: sandbox.url,
    onWarning: (w) => warnings.push(w),
  });
  expect(warnings, 'the sandbox answers fit the interfaces').toEqual([]);
  return report;
}

async function onPlatform(name: string): Promise<string[]> {
  const sandbox = sandboxes.get(name)!;
  const { bundles } = await runModule(emittedApp(), 'listTransmittedContracts', { connection: connectionFor(sandbox), baseUrl: sandbox.url });
  return bundles.map((b) => String(b.codeContrat)).sort();
}

const codes = (list: Contrat[]) => list.map((c) => c.codeContrat).sort();

describe.each(SCENARIOS.map((t) => t.name))('the template %s, week after week, against the sandbox', (name) => {
  it.each(WEEKS.map((week, index) => [index + 1, week.name, week] as const))('week %i: %s', async (_n, _name, week) => {
    const before = await onPlatform(name);
    const report = await run(name, built.get(name)!, week.contracts);
    measured.get(name)!.push(report);
    const byId = (id: number) => report.modules.find((m) => m.id === id)!;
    // The data gives one bundle per contract, the aggregator one array of them all.
    expect(byId(1).bundlesOut).toHaveLength(week.contracts.length);
    expect(byId(2).bundlesOut).toEqual([{ array: week.contracts }]);
    if (!week.stops) {
      expect(report.error).toBeUndefined();
      expect(await onPlatform(name)).toEqual(codes(week.contracts));
      return;
    }
    expect(await onPlatform(name)).toEqual(before);
    if (name === 'synchro-hebdomadaire') {
      expect(report.error).toBeUndefined();
      expect(byId(4).bundlesOut[0]).toMatchObject({ counts: { removed: before.length - week.contracts.length } });
      expect(byId(5).filter).toMatchObject({ passed: 0, blocked: 1 });
      expect(byId(5).bundlesIn).toEqual([]);
    } else {
      expect(report.error).toMatchObject({ moduleId: 3, bundle: 1, type: 'DataError' });
      expect(report.error!.message).toContain(`elle archiverait ${before.length - week.contracts.length} contrat(s)`);
    }
  });
});

describe('the order of the notes (the connection tested right after the data)', () => {
  it('costs one operation per contract more than the template, which tests it after the aggregator', async () => {
    const template = built.get('synchro-hebdomadaire')!;
    const [data, aggregator, test, ...rest] = template.flow;
    const notesOrder: Blueprint = { ...template, flow: [data, test, aggregator, ...rest] };
    const report = await run('synchro-hebdomadaire', notesOrder, first);
    const normalWeek = measured.get('synchro-hebdomadaire')![1];
    expect(report.modules.find((m) => m.id === test.id)!.operations).toBe(first.length);
    expect(report.totalOperations).toBe(normalWeek.totalOperations + first.length - 1);
  });
});

/** The README's table, as the runs above measured it. */
function operationsTable(): string {
  const outcome = (report: ScenarioRunReport): string => {
    if (report.error) return `module ${report.error.moduleId} stopped the scenario (${report.error.type}); platform unchanged`;
    const stopped = report.modules.find((m) => m.filter && m.filter.blocked > 0);
    return stopped ? `the filter stopped module ${stopped.id}; platform unchanged` : 'synced';
  };
  const header = `| week | ${SCENARIOS.map((t) => `\`${t.name}\``).join(' | ')} |`;
  const rule = `|---|${SCENARIOS.map(() => '---').join('|')}|`;
  const rows = WEEKS.map((week, index) => {
    const cells = SCENARIOS.map((t) => {
      const report = measured.get(t.name)![index];
      return `${report.totalOperations}: ${outcome(report)}`;
    });
    return `| ${week.name} | ${cells.join(' | ')} |`;
  });
  return [header, rule, ...rows].join('\n');
}

describe("the README's table of operations per week", () => {
  it('is what the runner measured', () => {
    for (const template of SCENARIOS) expect(measured.get(template.name), template.name).toHaveLength(WEEKS.length);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const table = /<!-- scenario-operations:start -->\n([\s\S]*?)\n<!-- scenario-operations:end -->/.exec(readme)?.[1];
    expect(table, `README.md, between the scenario-operations markers:\n${operationsTable()}`).toBe(operationsTable());
  });
});
