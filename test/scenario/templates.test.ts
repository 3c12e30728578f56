// The scenario templates as npm run build writes them: Make's blueprint format, only verified built-in ids and the
// app's own modules, clean against the app, the placeholder that stops an unmodified import, and the app id of
// the deploy origin.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { app } from '../../app';
import { emitApp } from '../../sdk/emit/emitApp';
import { BUILTIN_MODULES, PARSE_JSON_FIELD, type Blueprint } from '../../sdk/scenario/blueprint';
import { checkBlueprint } from '../../sdk/scenario/check';
import { parseJson } from '../../sdk/scenario/builtins';
import { parseOriginsFile } from '../../sdk/deploy/origins';
import { emitScenarios, SCENARIOS, writeScenarios } from '../../scenarios';
import { appReferences, blueprintTarget, DEFAULT_APP_ID, readOrigins } from '../../scenarios/target';
import { contractFields, DATA_PLACEHOLDER_JSON } from '../../scenarios/pieces';
import { MAX_REMOVED_PERCENT, MAX_UPDATED_PERCENT } from '../../scenarios/synchroHebdomadaire';
import { emittedApp } from '../helpers/app';

const ROOT = join(__dirname, '..', '..');
const files = emitApp(app);

function blueprints(originsText?: string): Map<string, Blueprint> {
  const origins = originsText === undefined ? undefined : parseOriginsFile(originsText);
  const { files: out, findings } = emitScenarios(files, origins);
  expect(findings).toEqual([]);
  return new Map(out.map((f) => [f.path, JSON.parse(f.content) as Blueprint]));
}

/** The metadata of a blueprint as Make exports a new scenario. */
const METADATA = {
  instant: false,
  version: 1,
  scenario: {
    roundtrips: 1,
    maxErrors: 3,
    autoCommit: true,
    autoCommitTriggerLast: true,
    sequential: false,
    slots: null,
    confidential: false,
    dataloss: false,
    dlq: false,
    freshVariables: false,
  },
  designer: { orphans: [] },
  zone: 'eu1.make.com',
};

const shape = (blueprint: Blueprint) =>
  blueprint.flow.map((m) => [m.id, m.module, m.version, m.parameters, m.filter ? m.filter.conditions.flat().map((c) => c.o) : null]);

describe('the templates', () => {
  const built = blueprints();

  it('are written to scenarios/<name>.blueprint.json, one per template', () => {
    expect([...built.keys()]).toEqual(['scenarios/synchro-hebdomadaire.blueprint.json', 'scenarios/synchro-sure.blueprint.json']);
    expect(SCENARIOS.map((t) => t.name)).toEqual(['synchro-hebdomadaire', 'synchro-sure']);
  });

  it("have Make's blueprint top level and a new scenario's metadata", () => {
    for (const blueprint of built.values()) {
      expect(Object.keys(blueprint)).toEqual(['name', 'flow', 'metadata']);
      expect(blueprint.metadata).toEqual(METADATA);
      for (const module of blueprint.flow) {
        expect(Object.keys(module).filter((k) => k !== 'filter')).toEqual(['id', 'module', 'version', 'parameters', 'mapper', 'metadata']);
        expect(module.metadata.designer).toMatchObject({ x: expect.any(Number), y: 0 });
      }
    }
  });

  it('synchro-hebdomadaire: data, Array aggregator into the sync\'s contrats, test, simulate, and the sync behind a filter', () => {
    const blueprint = built.get('scenarios/synchro-hebdomadaire.blueprint.json')!;
    expect(shape(blueprint)).toEqual([
      [1, 'json:ParseJSON', 1, {}, null],
      [2, 'builtin:BasicAggregator', 1, { feeder: 1, target: '5.contrats' }, null],
      [3, 'app#campus-skills:testConnection', 1, { __IMTCONN__: 0 }, null],
      [4, 'app#campus-skills:simulateSync', 1, { __IMTCONN__: 0 }, null],
      [5, 'app#campus-skills:syncContracts', 1, { __IMTCONN__: 0 }, ['number:lessorequal', 'number:lessorequal']],
    ]);
    expect(blueprint.flow[3].mapper).toEqual({ contrats: '{{2.array}}' });
    expect(blueprint.flow[4].mapper).toEqual({ contrats: '{{2.array}}' });
    expect(blueprint.flow[4].filter).toEqual({
      name: 'Semaine normale : au plus 10 % archivés et 25 % modifiés',
      conditions: [
        [
          { a: '{{4.counts.removed}}', o: 'number:lessorequal', b: '{{floor((4.counts.same + 4.counts.updated + 4.counts.removed) * 10 / 100)}}' },
          { a: '{{4.counts.updated}}', o: 'number:lessorequal', b: '{{floor((4.counts.same + 4.counts.updated + 4.counts.removed) * 25 / 100)}}' },
        ],
      ],
    });
  });

  it("synchro-sure: data, Array aggregator into safeSync's contrats, safeSync with its default thresholds written out", () => {
    const blueprint = built.get('scenarios/synchro-sure.blueprint.json')!;
    expect(shape(blueprint)).toEqual([
      [1, 'json:ParseJSON', 1, {}, null],
      [2, 'builtin:BasicAggregator', 1, { feeder: 1, target: '3.contrats' }, null],
      [3, 'app#campus-skills:safeSync', 1, { __IMTCONN__: 0 }, null],
    ]);
    const defaults = Object.fromEntries(
      (emittedApp().modules.safeSync.codes.mappableParams as Array<{ name: string; default?: unknown }>).filter((p) => p.default !== undefined).map((p) => [p.name, p.default]),
    );
    expect(blueprint.flow[2].mapper).toEqual({ contrats: '{{2.array}}', ...defaults });
    // The weekly template's filter stops the same weeks as safeSync's defaults.
    expect([`${MAX_REMOVED_PERCENT}%`, `${MAX_UPDATED_PERCENT}%`]).toEqual([defaults.maxRemoved, defaults.maxUpdated]);
  });

  it("map every field of the contract from the data into the aggregator's target structure", () => {
    for (const blueprint of built.values()) {
      const aggregator = blueprint.flow[1];
      expect(aggregator.mapper).toEqual(Object.fromEntries(contractFields().map((f) => [f.name, `{{1.${f.name}}}`])));
    }
  });

  it('use only verified built-in ids and modules of this app, with the connection field Make asks for on import', () => {
    const verified = new Set<string>(Object.values(BUILTIN_MODULES));
    for (const blueprint of built.values()) {
      for (const module of blueprint.flow) {
        if (module.module.startsWith('app#')) {
          expect(module.module).toMatch(/^app#campus-skills:[a-zA-Z]+$/);
          expect(module.metadata.parameters).toEqual([{ name: '__IMTCONN__', type: 'account:campus-skills', label: 'Connection', required: true }]);
        } else {
          expect(verified.has(module.module), module.module).toBe(true);
        }
      }
    }
  });

  it('are clean against the app (what npm run scenario -- check says)', () => {
    const local = { app: emittedApp(), references: appReferences() };
    for (const [path, blueprint] of built) expect(checkBlueprint(blueprint, local, path).findings).toEqual([]);
  });

  it("start with a placeholder that is not JSON, so that an import run unmodified stops before sending anything", () => {
    for (const blueprint of built.values()) {
      expect(blueprint.flow[0].mapper).toEqual({ [PARSE_JSON_FIELD]: DATA_PLACEHOLDER_JSON });
      expect(blueprint.flow[0].metadata.designer.name).toBe('À REMPLACER : vos contrats');
    }
    expect(() => parseJson({ [PARSE_JSON_FIELD]: DATA_PLACEHOLDER_JSON })).toThrow('Parse JSON: the text is not JSON');
  });
});

describe('the app they name', () => {
  const origin = (label: string, appId: string, release: boolean, idMapping: object = {}) => ({
    label,
    baseUrl: 'https://eu2.make.com/api',
    appId,
    appVersion: 2,
    apikeyFile: `.secrets/${label}.key`,
    release,
    idMapping,
  });

  it(`is '${DEFAULT_APP_ID}' (the definition's name) version ${app.version} without deploy origins`, () => {
    expect(blueprintTarget()).toMatchObject({ appId: DEFAULT_APP_ID, version: app.version, zone: 'eu1.make.com' });
  });

  it("is the release origin's, with the names its deploys recorded for modules and the connection", () => {
    const text = JSON.stringify({
      origins: [
        origin('test', 'campus-skills-test', false),
        origin('production', 'campus-skills-prod', true, { module: { safeSync: 'safe-sync-remote' }, connection: { campusSkills: 'campus-skills-prod2' } }),
      ],
    });
    const sure = blueprints(text).get('scenarios/synchro-sure.blueprint.json')!;
    expect(sure.flow[2]).toMatchObject({ module: 'app#campus-skills-prod:safe-sync-remote', version: 2 });
    expect(sure.flow[2].metadata.parameters).toEqual([{ name: '__IMTCONN__', type: 'account:campus-skills-prod2', label: 'Connection', required: true }]);
    expect(sure.metadata.zone).toBe('eu2.make.com');
    // Both origins' app ids are the app for the runner and the check, with the remote names mapped back.
    expect(appReferences(parseOriginsFile(text))).toEqual([
      { appId: 'campus-skills-test', version: 2, modules: {} },
      { appId: 'campus-skills-prod', version: 2, modules: { 'safe-sync-remote': 'safeSync' } },
      { appId: DEFAULT_APP_ID, version: app.version },
    ]);
  });

  it("is the first origin's when none is a release origin", () => {
    expect(blueprintTarget(parseOriginsFile(JSON.stringify({ origins: [origin('a', 'app-a', false), origin('b', 'app-b', false)] })))).toMatchObject({ appId: 'app-a' });
  });

  it('is the one of make.origins.json in the build', () => {
    const origins = readOrigins(join(ROOT, 'make.origins.json'));
    const expected = blueprintTarget(origins).appId;
    const out = mkdtempSync(join(tmpdir(), 'cs-scenarios-'));
    const { findings, written } = writeScenarios(out, files, join(ROOT, 'make.origins.json'));
    expect(findings).toEqual([]);
    expect(written).toEqual(SCENARIOS.map((t) => `scenarios/${t.name}.blueprint.json`));
    expect(readdirSync(join(out, 'scenarios')).sort()).toEqual(['synchro-hebdomadaire.blueprint.json', 'synchro-sure.blueprint.json']);
    const sure = JSON.parse(readFileSync(join(out, 'scenarios', 'synchro-sure.blueprint.json'), 'utf8')) as Blueprint;
    expect(sure.flow[2].module).toBe(`app#${expected}:safeSync`);
  });
});
