// weekly-operations: the Make operations of one weekly run of each scenario template (the scenario runner,
// sdk/scenario/runner.ts, counting by sdk/scenario/operations.ts), a normal week after the first sync, against
// the floor of one operation per module of the flow (each module run once: what the flow costs at the least).
import { join } from 'node:path';
import { emitApp } from '../../sdk/emit/emitApp';
import { runScenario } from '../../sdk/scenario/runner';
import type { ScenarioRunReport } from '../../sdk/scenario/runReport';
import { app } from '../../app';
import { emitScenarios, SCENARIOS } from '../../scenarios';
import { appReferences, readOrigins } from '../../scenarios/target';
import { generateContracts } from '../../sandbox/demoData';
import type { Figure, FigureResult } from '../figure';
import { connectionFor, emittedApp, withSandbox } from '../shared';

export const WEEKLY_CONTRACTS = 2_345;

/** Modules that cost an operation when they run once: every one but routers (sdk/scenario/operations.ts). */
function flowFloor(report: ScenarioRunReport): number {
  return report.modules.filter((m) => !/router/i.test(m.module)).length;
}

export const weeklyOperations: Figure = {
  name: 'weekly-operations',
  async run(options) {
    const count = options.tiny ? 20 : WEEKLY_CONTRACTS;
    const origins = readOrigins(join(__dirname, '..', '..', 'make.origins.json'));
    const built = emitScenarios(emitApp(app), origins).files;
    const local = { app: emittedApp(), references: appReferences(origins) };
    const contracts = generateContracts(count, 7);
    const results: FigureResult[] = [];
    for (const template of SCENARIOS) {
      const file = built.find((f) => f.path === `scenarios/${template.name}.blueprint.json`);
      if (!file) throw new Error(`no built blueprint for ${template.name}`);
      const blueprint = JSON.parse(file.content) as unknown;
      options.progress(`  ${template.name}: first sync, then a normal week (${count} contracts)`);
      const report = await withSandbox(async (sandbox) => {
        const run = () => runScenario(blueprint, local, { input: contracts, connection: connectionFor(sandbox), baseUrl: sandbox.url });
        const first = await run();
        if (first.error) throw new Error(`${template.name}, first sync: ${first.error.message}`);
        return run();
      });
      if (report.error) throw new Error(`${template.name}, a normal week: ${report.error.message}`);
      const floor = flowFloor(report);
      results.push({
        name: `weekly-operations:${template.name}`,
        value: report.totalOperations,
        unit: 'operations',
        floor: `${floor} modules run once`,
        floorValue: floor,
        ratio: report.totalOperations / floor,
        noisy: false,
        note: `${count} contracts, a normal week`,
      });
    }
    return results;
  },
};
