// `npm run scenario` as a user runs it: a child process, the app as npm run build writes it (dist/ and
// dist/scenarios/), the sandbox over HTTP. Exit codes: run 0 (completed), 1 (an error stopped the scenario),
// 2 (refused: nothing sent); check 0 (clean), 1 (errors), 2 (bad usage).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import type { ScenarioRunReport } from '../../sdk/scenario/runReport';
import { app } from '../../app';
import { emitApp } from '../../sdk/emit/emitApp';
import { emitScenarios } from '../../scenarios';
import { readOrigins } from '../../scenarios/target';

const ROOT = join(__dirname, '..', '..');
const TOKEN = 'scenario-cli-token-4d2a';
const EXAMPLE = join(ROOT, 'scenarios', 'examples', 'contrats.json');
let sandbox: RunningSandbox;
let work: string;
let dist: string;

function node(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', 'ts-node/register', script, ...args],
      { cwd: ROOT, env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true', CAMPUS_SKILLS_API_KEY: '', CAMPUS_SKILLS_BASE_URL: '', ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

const scenario = (args: string[]) => node('scripts/scenario.ts', [...args, '--dist', dist]);
const blueprint = (name: string) => join(dist, 'scenarios', `${name}.blueprint.json`);

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'cs-scenario-cli-'));
  dist = join(work, 'dist');
  sandbox = await startSandbox({ port: 0, token: TOKEN, log: () => undefined });
}, 60_000);
afterAll(() => sandbox.close());

describe('npm run build and npm run scenario', { timeout: 90_000 }, () => {
  it('npm run build writes the templates to dist/scenarios/, as emitScenarios gives them', async () => {
    const result = await node('scripts/build.ts', ['--out', dist, '--origins', 'make.origins.json']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(', 2 scenario templates;');
    for (const file of emitScenarios(emitApp(app), readOrigins(join(ROOT, 'make.origins.json'))).files) {
      expect(readFileSync(join(dist, file.path), 'utf8')).toBe(file.content);
    }
  });

  it('check: a template is clean (exit 0); a broken blueprint gives findings in the format of validate (exit 1)', async () => {
    const clean = await scenario(['check', blueprint('synchro-sure')]);
    expect(clean).toMatchObject({ code: 0, stderr: '' });
    expect(clean.stdout).toBe(`scenario check: ${blueprint('synchro-sure')}: clean\n`);

    const broken = JSON.parse(readFileSync(blueprint('synchro-sure'), 'utf8'));
    broken.flow[2].mapper.contrats = '{{3.array}}';
    const file = join(work, 'broken.blueprint.json');
    writeFileSync(file, JSON.stringify(broken));
    const result = await scenario(['check', file]);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      `error scenario-reference-later ${file}:$.flow[2].mapper.contrats module 3 maps {{3.array}}, but module 3 is this module itself: a module reads only the modules that ran before it (fix: map only modules that run before this one: move the module, or map another one)`,
      `scenario check: ${file}: 1 error(s), 0 warning(s)`,
      '',
    ]);
  });

  it('run: the weekly template against the sandbox prints each module and the operations; --json gives the report; --report the HTML picture', async () => {
    const text = await scenario(['run', blueprint('synchro-hebdomadaire'), '--input', EXAMPLE, '--base-url', sandbox.url, '--api-key', TOKEN]);
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    const lines = text.stdout.split('\n');
    expect(lines[0]).toBe('scenario: Campus Skills : synchronisation hebdomadaire des contrats');
    expect(lines.find((l) => l.startsWith('5 '))).toMatch(/Synchroniser les contrats \(app#campus-skills:syncContracts\) +Semaine normale : .*: 1 passed, 0 stopped +1 +1 +1$/);
    expect(lines).toContain('total operations: 5');
    expect(lines).toContain('completed');

    const html = join(work, 'run.html');
    const json = await scenario(['run', blueprint('synchro-sure'), '--input', EXAMPLE, '--base-url', sandbox.url, '--api-key', TOKEN, '--json', '--report', html]);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as ScenarioRunReport;
    expect(report).toMatchObject({ scenario: 'Campus Skills : synchronisation sûre des contrats', totalOperations: 3 });
    expect(report.modules.map((m) => [m.id, m.bundlesIn.length, m.bundlesOut.length, m.operations])).toEqual([
      [1, 0, 12, 1],
      [2, 12, 1, 1],
      [3, 1, 1, 1],
    ]);
    expect(json.stderr).toBe(`scenario run: report written to ${html}\n`);
    expect(readFileSync(html, 'utf8')).toContain('synchronisation sûre des contrats');
  });

  it('run: an error stops the scenario, named with its module and bundle (exit 1)', async () => {
    const result = await scenario(['run', blueprint('synchro-sure'), '--input', EXAMPLE, '--base-url', sandbox.url, '--api-key', 'not-the-token']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/\nstopped at module 3, bundle 1: \w+Error: /);
  });

  it('run: refuses input that is not an array of objects, a blueprint that is not JSON, and bad usage, sending nothing (exit 2)', async () => {
    const before = sandbox.state();
    const notArray = join(work, 'not-array.json');
    writeFileSync(notArray, JSON.stringify({ contrats: [] }));
    const input = await scenario(['run', blueprint('synchro-sure'), '--input', notArray, '--base-url', sandbox.url, '--api-key', TOKEN]);
    expect(input).toMatchObject({ code: 2, stdout: '' });
    expect(input.stderr).toContain('module 1 (json:ParseJSON) is the data source: its bundles come from the input, which must be a JSON array of objects');

    const notJson = join(work, 'not-json.blueprint.json');
    writeFileSync(notJson, '{"name": "x", "flow": [');
    const bad = await scenario(['run', notJson, '--input', EXAMPLE, '--base-url', sandbox.url, '--api-key', TOKEN]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(new RegExp(`^error scenario-not-json ${notJson.replace(/[.]/g, '\\.')}:\\$ the file is not JSON`));
    expect(bad.stderr).toContain('scenario run: the blueprint is not JSON: nothing was run or sent');

    const usage = await scenario(['walk', blueprint('synchro-sure')]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("scenario: unknown command 'walk' (run, check)");
    expect(sandbox.state()).toEqual(before);
  });
});
