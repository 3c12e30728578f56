// The blueprint check, and the runner's refusals: a blueprint that is not JSON or not a blueprint, a module the
// runner does not know, a mapping to a later module, an unknown filter operator, input bundles that are not an
// array of objects. Each is named with the module and what to do, and nothing is sent.
import { describe, expect, it } from 'vitest';
import { checkBlueprint, checkBlueprintText } from '../../sdk/scenario/check';
import { runScenario, ScenarioInputError } from '../../sdk/scenario/runner';
import { formatFinding, type Finding } from '../../sdk/check/findings';
import { app, blueprint, connection, fakeApi, filter, localApp, source, step } from './blueprints';
import { contracts } from '../helpers/app';

const FILE = 'scenarios/test.blueprint.json';

/** The findings of a blueprint, as `npm run scenario -- check` prints them. */
function lines(raw: unknown): string[] {
  return checkBlueprint(raw, localApp(), FILE).findings.map(formatFinding);
}

/** A run refused before anything is sent: the message, the findings, and what the fake API received. */
async function refused(raw: unknown, input: unknown = [{}]): Promise<{ message: string; findings: Finding[]; sent: unknown[] }> {
  const { send, sent } = fakeApi({});
  try {
    await runScenario(raw, localApp(), { input, connection, send, file: FILE });
  } catch (error) {
    if (!(error instanceof ScenarioInputError)) throw error;
    return { message: error.message, findings: error.findings, sent };
  }
  throw new Error('expected the run to be refused');
}

/** An aggregator of the data's contracts, every field of the contract mapped. */
const aggregated = (target = '3.contrats') =>
  step(2, 'builtin:BasicAggregator', Object.fromEntries(Object.keys(contracts(1)[0]).map((key) => [key, `{{1.${key}}}`])), { parameters: { feeder: 1, target } });

describe('a blueprint the runner refuses, sending nothing', () => {
  it('is not JSON', () => {
    expect(checkBlueprintText('{"name": "x", "flow": [', localApp(), FILE).findings.map(formatFinding)).toEqual([
      expect.stringMatching(/^error scenario-not-json scenarios\/test\.blueprint\.json:\$ the file is not JSON \(.+\) \(fix: export the scenario again from Make/),
    ]);
  });

  it('is not a blueprint', async () => {
    const { message, findings, sent } = await refused({ scenario: 'x', modules: [] });
    expect(message).toBe('the blueprint has 2 error(s): nothing was run or sent');
    expect(findings.map(formatFinding)).toEqual([
      expect.stringContaining('error scenario-format scenarios/test.blueprint.json:$.name the scenario has no name (text)'),
      expect.stringContaining('error scenario-format scenarios/test.blueprint.json:$.flow the blueprint has no flow'),
    ]);
    expect(sent).toEqual([]);
    expect(lines([1, 2])).toEqual([expect.stringContaining('$ a blueprint is an object {"name", "flow", "metadata"}, not an array')]);
    expect(lines({ name: 'x', flow: [{ id: 1, module: 'json:ParseJSON', version: 1 }, { id: 1, module: 'nope', version: 1 }] })).toEqual([
      expect.stringContaining("$.flow[1].id two modules have the id 1 ($.flow[0] and $.flow[1])"),
      expect.stringContaining("$.flow[1].module module 1: 'module' must name it as <app>:<Module>, got \"nope\""),
    ]);
  });

  it('names a module this runner does not know, by its id, and does not guess', async () => {
    const { findings, sent } = await refused(blueprint(source(), step(2, 'http:ActionSendData', { url: 'https://example.org' }), app(3, 'testConnection')));
    expect(findings.map(formatFinding)).toEqual([
      "error scenario-unknown-module scenarios/test.blueprint.json:$.flow[1].module module 2 (http:ActionSendData): this runner does not know 'http:ActionSendData' and will not guess what it does (fix: use a module this runner knows (the app's modules, or builtin:BasicFeeder, builtin:BasicAggregator, builtin:BasicRouter, util:SetVariable2, json:ParseJSON), or replace the module in Make)",
    ]);
    expect(sent).toEqual([]);
  });

  it("names an app module or an app this app does not have", () => {
    expect(lines(blueprint(source(), app(2, 'testConection'), step(3, 'app#other-app:testConnection', {}, { parameters: { __IMTCONN__: 1 } })))).toEqual([
      expect.stringContaining("error scenario-unknown-app-module scenarios/test.blueprint.json:$.flow[1].module module 2 (app#campus-skills:testConection): the app has no module 'testConection' (did you mean 'testConnection'?) (fix: choose one of the app's modules: testConnection, simulateSync,"),
      "error scenario-unknown-app scenarios/test.blueprint.json:$.flow[2].module module 3 (app#other-app:testConnection): the app 'other-app' is not this app (known as 'campus-skills') (fix: import the template built for your app (npm run build writes dist/scenarios/), or name the app id of a deploy origin)",
    ]);
  });

  it('names a mapping to a module that comes later', async () => {
    const { findings, sent } = await refused(
      blueprint(source(), step(2, 'builtin:BasicAggregator', { codeContrat: '{{1.codeContrat}}' }, { parameters: { feeder: 1 } }), app(3, 'simulateSync', { contrats: '{{4.array}}' }), step(4, 'util:SetVariable2', { name: 'v', value: '{{3.counts.removed}}' })),
    );
    expect(findings.map(formatFinding)).toEqual([
      'error scenario-reference-later scenarios/test.blueprint.json:$.flow[2].mapper.contrats module 3 maps {{4.array}}, but module 4 comes later: a module reads only the modules that ran before it (fix: map only modules that run before this one: move the module, or map another one)',
    ]);
    expect(sent).toEqual([]);
  });

  it('names an unknown filter operator, with the one meant', async () => {
    const { findings, sent } = await refused(blueprint(source(), step(2, 'util:SetVariable2', { name: 'v', value: 'x' }, { filter: filter('peu de suppressions', [['{{1.removed}}', 'number:lessthan', '5']]) })));
    expect(findings.map(formatFinding)).toEqual([
      expect.stringMatching(
        /^error scenario-filter-operator scenarios\/test\.blueprint\.json:\$\.flow\[1\]\.filter\.conditions\[0\]\[0\]\.o module 2: the filter 'peu de suppressions' uses the operator 'number:lessthan', which this runner does not know \(did you mean 'number:less'\?\) \(fix: use a documented operator: exist, notexist, text:equal, /,
      ),
    ]);
    expect(sent).toEqual([]);
  });

  it("refuses a filter on the flow's first module, which guards no link", async () => {
    const first = { ...source(), filter: filter('jamais', [['{{1.removed}}', 'number:less', '5']]) };
    const { findings, sent } = await refused(blueprint(first, step(2, 'util:SetVariable2', { name: 'v', value: 'x' })));
    expect(findings.map(formatFinding)).toEqual([
      "error scenario-source-filter scenarios/test.blueprint.json:$.flow[0].filter module 1: the first module of the flow has a filter ('jamais'), which guards no link (fix: move the filter to the link after the first module: the first module's bundles come from --input, no link leads into it)",
    ]);
    expect(sent).toEqual([]);
  });

  it.each([
    ['an object', { contrats: [] }, 'which must be a JSON array of objects, one per bundle (got {"contrats":[]})'],
    ['an array of texts', ['a', 'b'], 'a JSON array of objects: bundle 1 is "a"; make each bundle an object {"field": value}'],
    ['an array with a null', [{}, null], 'bundle 2 is null'],
  ])('refuses input bundles that are %s', async (_what, input, expected) => {
    const { message, sent } = await refused(blueprint(source(), app(2, 'testConnection')), input);
    expect(message).toContain('module 1 (json:ParseJSON) is the data source: its bundles come from the input');
    expect(message).toContain(expected);
    expect(message).toContain('nothing was run or sent');
    expect(sent).toEqual([]);
  });

  it('refuses to run app modules without a connection', async () => {
    await expect(runScenario(blueprint(source(), app(2, 'testConnection')), localApp(), { input: [{}] })).rejects.toThrow(
      'module 2 (app#campus-skills:testConnection) needs a connection: give the API key (--api-key); nothing was run or sent',
    );
  });
});

describe('what the check reads', () => {
  it('is clean for a blueprint whose mappings, inputs and filters fit the app', () => {
    const flow = blueprint(
      source(),
      aggregated('4.contrats'),
      app(3, 'simulateSync', { contrats: '{{2.array}}' }),
      app(4, 'syncContracts', { contrats: '{{2.array}}' }, { filter: filter('f', [['{{3.counts.removed}}', 'number:lessorequal', '{{3.counts.same / 10}}']]) }),
    );
    expect(lines(flow)).toEqual([]);
  });

  it('names a field the module does not output, at any depth, and a required input left unmapped', () => {
    const flow = blueprint(
      source(),
      aggregated(),
      app(3, 'simulateSync', { contrats: '{{2.arrays}}' }),
      app(4, 'syncContracts', {}, { filter: filter('f', [['{{3.counts.deleted}}', 'number:less', '1']]) }),
    );
    expect(lines(flow)).toEqual([
      "error scenario-reference-unknown-field scenarios/test.blueprint.json:$.flow[2].mapper.contrats module 3 maps {{2.arrays}}: module 2 (Array aggregator) outputs no field 'arrays' (did you mean 'array'?); it outputs array (fix: map a field the module outputs (its interface))",
      "error scenario-required-input scenarios/test.blueprint.json:$.flow[3].mapper.contrats module 4 (app#campus-skills:syncContracts): the required input 'contrats' (Contrats) is not mapped (fix: map the required input in the module)",
      "error scenario-reference-unknown-field scenarios/test.blueprint.json:$.flow[3].filter.conditions[0][0].a module 4 maps {{3.counts.deleted}}: 'counts' of module 3 (Simuler une synchronisation) outputs no field 'deleted'; it outputs same, added, updated, removed (fix: map a field the module outputs (its interface))",
    ]);
  });

  it("names a required field of the aggregator's target structure left unmapped", () => {
    const flow = blueprint(source(), step(2, 'builtin:BasicAggregator', { codeContrat: '{{1.code}}' }, { parameters: { feeder: 1, target: '3.contrats' } }), app(3, 'syncContracts', { contrats: '{{2.array}}' }));
    const found = lines(flow);
    expect(found).toHaveLength(23); // the contract's 24 required fields but codeContrat
    expect(found[0]).toBe(
      "error scenario-required-input scenarios/test.blueprint.json:$.flow[1].mapper.nomEntreprise module 2 (builtin:BasicAggregator): the target structure's required field 'nomEntreprise' is not mapped (fix: map the required input in the module)",
    );
  });

  it("names a mapping out of scope: after an aggregator, the modules it gathered", () => {
    const flow = blueprint(
      source(),
      step(2, 'builtin:BasicFeeder', { array: '{{1.items}}' }),
      step(3, 'builtin:BasicAggregator', { x: '{{2.x}}' }, { parameters: { feeder: 2 } }),
      step(4, 'util:SetVariable2', { name: 'v', value: '{{1.owner}} {{2.x}} {{3.array}}' }),
    );
    expect(lines(flow)).toEqual([
      "error scenario-reference-scope scenarios/test.blueprint.json:$.flow[3].mapper.value module 4 maps {{2.x}}, but module 2 is not on its path (an aggregator gathered its bundles, or it is on another route) (fix: after an aggregator, map the aggregator's array (and modules before its source); on a route, only that route and what precedes the router)",
    ]);
  });

  it("names an aggregator's source that is not before it and a target that is not an array input after it", () => {
    const flow = blueprint(
      source(),
      step(2, 'builtin:BasicAggregator', {}, { parameters: { feeder: 3, target: '3.counts' } }),
      app(3, 'simulateSync', { contrats: '{{2.array}}' }),
    );
    expect(lines(flow)).toEqual([
      'error scenario-aggregator scenarios/test.blueprint.json:$.flow[1].parameters.feeder module 2 (builtin:BasicAggregator): its source module 3 does not run before it on its path (fix: set the aggregator\'s Source Module to a module before it, and its Target structure type to an array input of a module after it)',
      "error scenario-aggregator scenarios/test.blueprint.json:$.flow[1].parameters.target module 2 (builtin:BasicAggregator): module 3 ('simulateSync') has no array input 'counts' (fix: set the aggregator's Source Module to a module before it, and its Target structure type to an array input of a module after it)",
    ]);
  });

  it('names IML that does not parse and a function Make does not have; warns of an input the module does not have and of another version', () => {
    const flow = blueprint(
      source(),
      step(2, 'util:SetVariable2', { name: 'v', value: '{{1.a +}}' }),
      step(3, 'util:SetVariable2', { name: 'w', value: '{{lenght(1.a)}}' }),
      app(4, 'testConnection', { verbose: true }, { version: 2 }),
    );
    expect(lines(flow)).toEqual([
      expect.stringMatching(/^error scenario-iml-syntax scenarios\/test\.blueprint\.json:\$\.flow\[1\]\.mapper\.value module 2: "\{\{1\.a \+\}\}" does not parse: /),
      "error scenario-iml-function scenarios/test.blueprint.json:$.flow[2].mapper.value module 3: \"{{lenght(1.a)}}\" calls 'lenght', which is not a function of Make (did you mean 'length'?) (fix: use one of Make's built-in functions (see npm run iml))",
      "warning scenario-version scenarios/test.blueprint.json:$.flow[3].version module 4 (app#campus-skills:testConnection): version 2, the app 'campus-skills' is version 1 (fix: use the module version of the app (its major version in Make))",
      "warning scenario-unknown-input scenarios/test.blueprint.json:$.flow[3].mapper.verbose module 4 (app#campus-skills:testConnection): 'verbose' is not an input of 'testConnection' (inputs: none) (fix: remove the value, or name an input of the module (Make ignores it))",
    ]);
  });

  it('lets the first module be any module: its bundles are the input', () => {
    expect(lines(blueprint(step(1, 'google-sheets:filterRows', { spreadsheetId: 'x' }), step(2, 'util:SetVariable2', { name: 'v', value: '{{1.anything}}' })))).toEqual([]);
  });
});
