// The scenario runner on small blueprints: references, the iterator, filters and their operators, the router, the
// Array aggregator, errors, and the counting rule. App modules run through the harness on a fake of the API.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sdk/scenario/runner';
import { COUNTING_RULE, operationsOf } from '../../sdk/scenario/operations';
import type { ModuleRunReport, ScenarioRunReport } from '../../sdk/scenario/runReport';
import { app, blueprint, connection, fakeApi, filter, localApp, source, step } from './blueprints';
import { contracts } from '../helpers/app';

const ITERATOR = 'builtin:BasicFeeder';
const AGGREGATOR = 'builtin:BasicAggregator';
const ROUTER = 'builtin:BasicRouter';
const SET = 'util:SetVariable2';

const set = (id: number, value: string, extra: Parameters<typeof step>[3] = {}) => step(id, SET, { name: 'v', scope: 'roundtrip', value }, extra);

function run(flow: ReturnType<typeof blueprint>, input: unknown[], options: Partial<Parameters<typeof runScenario>[2]> = {}) {
  return runScenario(flow, localApp(), { input, ...options });
}

function byId(report: ScenarioRunReport, id: number): ModuleRunReport {
  const found = report.modules.find((m) => m.id === id);
  if (!found) throw new Error(`no module ${id} in the report`);
  return found;
}

describe('references and the iterator', () => {
  it("maps earlier modules' current bundles, with ';' between arguments, and iterates each array", async () => {
    const report = await run(
      blueprint(
        source(),
        step(2, ITERATOR, { array: '{{1.items}}' }),
        set(3, '{{2.name}} ({{2.__IMTINDEX__}}/{{2.__IMTLENGTH__}}) de {{1.owner}} : {{if(2.n > 1; "plusieurs"; "un")}}'),
      ),
      [
        { owner: 'A', items: [{ name: 'x', n: 1 }, { name: 'y', n: 3 }] },
        { owner: 'B', items: [] },
        { owner: 'C', items: [{ name: 'z', n: 2 }] },
      ],
    );
    expect(report.error).toBeUndefined();
    expect(byId(report, 2).bundlesIn).toHaveLength(3);
    expect(byId(report, 2).bundlesOut).toHaveLength(3);
    expect(byId(report, 3).bundlesOut).toEqual([{ v: 'x (1/2) de A : un' }, { v: 'y (2/2) de A : plusieurs' }, { v: 'z (1/1) de C : plusieurs' }]);
    // source 1 + iterator 3 runs + set variable 3 runs
    expect(report.modules.map((m) => m.operations)).toEqual([1, 3, 3]);
    expect(report.totalOperations).toBe(7);
  });

  it('gives an element that is not a collection as {value}, and keeps the types of a lone {{…}}', async () => {
    const report = await run(blueprint(source(), step(2, ITERATOR, { array: '{{1.list}}' }), set(3, '{{2.value}}')), [{ list: [5, 'six', true] }]);
    expect(byId(report, 3).bundlesOut).toEqual([{ v: 5 }, { v: 'six' }, { v: true }]);
  });

  it('reads {{1.5}} as the number 1.5 and a quoted "1.x" as text', async () => {
    const report = await run(blueprint(source(), set(2, '{{1.5 + 1.a}} {{"1.a"}}')), [{ a: 1 }]);
    expect(byId(report, 2).bundlesOut).toEqual([{ v: '2.5 1.a' }]);
  });
});

describe('filters', () => {
  // [operator, a (the bundle's value), b, passes]
  const cases: Array<[string, unknown, string | undefined, boolean]> = [
    ['exist', 'x', undefined, true],
    ['exist', '', undefined, false],
    ['exist', null, undefined, false],
    ['notexist', null, undefined, true],
    ['notexist', 0, undefined, false],
    ['text:equal', 'abc', 'abc', true],
    ['text:equal', 'ABC', 'abc', false],
    ['text:equal:ci', 'ABC', 'abc', true],
    ['text:notequal', 'abc', 'abd', true],
    ['text:contain', 'hello world', 'lo w', true],
    ['text:contain:ci', 'HELLO', 'ell', true],
    ['text:notcontain', 'hello', 'x', true],
    ['text:startwith', 'CTR-12', 'CTR-', true],
    ['text:endwith', 'CTR-12', '-13', false],
    ['text:pattern', 'CTR-12', '^CTR-\\d+$', true],
    ['text:pattern:ci', 'ctr-12', '/^CTR-/', true],
    ['number:less', '3', '10', true],
    ['number:greater', 3, '10', false],
    ['number:lessorequal', 10, '10', true],
    ['number:greaterorequal', 9, '10', false],
    ['number:equal', '5', '5', true],
    ['number:notequal', 5, '6', true],
    ['number:less', 'abc', '1', false],
    ['date:less', '2025-01-01', '2025-06-01', true],
    ['date:greater', '2025-01-01', '2025-06-01', false],
    ['date:less', 'pas une date', '2025-06-01', false],
    ['boolean:equal', true, 'true', true],
    ['boolean:equal', false, 'true', false],
    ['array:contain', ['a', 'b'], 'b', true],
    ['array:contain', ['a'], 'c', false],
  ];

  it.each(cases)('%s: %j against %j passes: %s', async (o, a, b, passes) => {
    const report = await run(blueprint(source(), set(2, 'ok', { filter: filter('f', [['{{1.a}}', o, b]]) })), [{ a }]);
    expect(byId(report, 2).filter).toEqual({ name: 'f', passed: passes ? 1 : 0, blocked: passes ? 0 : 1 });
    expect(byId(report, 2).bundlesOut).toHaveLength(passes ? 1 : 0);
  });

  it('is an OR of AND groups, counted per bundle; a stopped bundle costs nothing downstream', async () => {
    const guard = filter('1 < n < 5, ou n = 10', [['{{1.n}}', 'number:greater', '1'], ['{{1.n}}', 'number:less', '5']], [['{{1.n}}', 'number:equal', '10']]);
    const report = await run(blueprint(source(), set(2, '{{1.n}}', { filter: guard })), [{ n: 0 }, { n: 3 }, { n: 10 }, { n: 7 }]);
    expect(byId(report, 2).filter).toEqual({ name: guard.name, passed: 2, blocked: 2 });
    expect(byId(report, 2).bundlesOut).toEqual([{ v: 3 }, { v: 10 }]);
    expect(byId(report, 2).operations).toBe(2);
  });
});

describe('the router', () => {
  it("sends each bundle down every route whose first module's filter passes, route after route, nested routes included", async () => {
    const { send, sent } = fakeApi({});
    const call = (id: number, path: string, extra: Parameters<typeof step>[3] = {}) => app(id, 'makeApiCall', { url: path, method: 'GET' }, extra);
    const report = await run(
      blueprint(
        source(),
        step(2, ROUTER, {}, {
          parameters: { else: 0 },
          routes: [
            { flow: [call(3, '/r1/{{1.a}}', { filter: filter('a = x', [['{{1.a}}', 'text:equal', 'x']]) }), call(4, '/r1-next/{{3.statusCode}}{{3.body.answered}}')] },
            {
              flow: [
                step(5, ROUTER, {}, {
                  parameters: { else: 0 },
                  routes: [{ flow: [call(6, '/r2.1/{{1.a}}')] }, { flow: [call(7, '/r2.2/{{1.a}}', { filter: filter('a = y', [['{{1.a}}', 'text:equal', 'y']]) })] }],
                }),
              ],
            },
          ],
        }),
      ),
      [{ a: 'x' }, { a: 'y' }],
      { connection, send },
    );
    expect(report.error).toBeUndefined();
    expect(sent.map((r) => r.path)).toEqual(['/r1/x', '/r1-next/200/r1/x', '/r2.1/x', '/r2.1/y', '/r2.2/y']);
    expect(report.modules.map((m) => [m.id, m.route])).toEqual([[1, undefined], [2, undefined], [3, '1'], [4, '1'], [5, '2'], [6, '2.1'], [7, '2.2']]);
    expect(byId(report, 3).filter).toEqual({ name: 'a = x', passed: 1, blocked: 1 });
    expect(byId(report, 7).filter).toEqual({ name: 'a = y', passed: 1, blocked: 1 });
    // Routers pass bundles on (UNVERIFIED: they cost nothing, COUNTING_RULE); each app module run is one operation.
    expect(byId(report, 2).bundlesOut).toHaveLength(2);
    expect(byId(report, 2).operations).toBe(0);
    expect(report.totalOperations).toBe(1 + 5);
  });
});

describe('the Array aggregator', () => {
  it("gathers its source module's bundles into one {array} that later modules map as {{id.array}}", async () => {
    const report = await run(
      blueprint(
        source(),
        step(2, AGGREGATOR, { code: '{{1.code}}', absent: '{{1.nothing}}' }, { parameters: { feeder: 1 } }),
        set(3, '{{length(2.array)}} : {{join(map(2.array; "code"); ", ")}}'),
      ),
      [{ code: 'A' }, { code: 'B' }, { code: 'C' }],
    );
    expect(byId(report, 2).bundlesIn).toEqual([{ code: 'A' }, { code: 'B' }, { code: 'C' }]);
    expect(byId(report, 2).bundlesOut).toEqual([{ array: [{ code: 'A' }, { code: 'B' }, { code: 'C' }] }]);
    expect(byId(report, 3).bundlesOut).toEqual([{ v: '3 : A, B, C' }]);
    expect(report.modules.map((m) => m.operations)).toEqual([1, 1, 1]);
  });

  it("gives one bundle per run of its source (an iterator), and modules after it map what came before that source", async () => {
    const report = await run(
      blueprint(
        source(),
        step(2, ITERATOR, { array: '{{1.items}}' }),
        step(3, AGGREGATOR, { n: '{{2.n}}' }, { parameters: { feeder: 2 }, filter: filter('n > 1', [['{{2.n}}', 'number:greater', '1']]) }),
        set(4, '{{1.owner}} : {{length(3.array)}}'),
      ),
      [
        { owner: 'A', items: [{ n: 1 }, { n: 2 }, { n: 3 }] },
        { owner: 'B', items: [] },
      ],
    );
    expect(byId(report, 3).filter).toEqual({ name: 'n > 1', passed: 2, blocked: 1 });
    expect(byId(report, 3).bundlesOut).toEqual([{ array: [{ n: 2 }, { n: 3 }] }, { array: [] }]);
    expect(byId(report, 4).bundlesOut).toEqual([{ v: 'A : 2' }, { v: 'B : 0' }]);
    expect(byId(report, 3).operations).toBe(2);
  });

  it('still gives one empty array when no bundle reached it', async () => {
    const report = await run(blueprint(source(), step(2, AGGREGATOR, { x: '{{1.x}}' }, { parameters: { feeder: 1 } }), set(3, '{{length(2.array)}}')), []);
    expect(byId(report, 1).bundlesOut).toEqual([]);
    expect(byId(report, 2).bundlesOut).toEqual([{ array: [] }]);
    expect(byId(report, 3).bundlesOut).toEqual([{ v: 0 }]);
  });
});

describe('errors stop the scenario', () => {
  it("names the module and the bundle, keeps what ran before, runs nothing after, and counts the failed run", async () => {
    const report = await run(
      blueprint(source(), step(2, ITERATOR, { array: '{{1.items}}' }), set(3, '{{2.value}}'), set(4, 'après')),
      [{ items: [1] }, { items: 'pas un tableau' }, { items: [3] }],
    );
    expect(report.error).toMatchObject({ moduleId: 2, bundle: 2, type: 'DataError' });
    expect(report.error!.message).toContain("the Iterator's 'Array' is not an array");
    expect(byId(report, 3).bundlesOut).toEqual([{ v: 1 }]);
    expect(byId(report, 4).bundlesIn).toHaveLength(1);
    expect(byId(report, 2).operations).toBe(2);
  });

  it("gives an app module's Make error, and sends nothing after it", async () => {
    const { send, sent } = fakeApi({
      '/api/sync/v1/test': () => ({ status: 200, body: { value: 'token valid', name: 'CFA' } }),
      '/api/sync/v1/contrats-diff': () => ({ status: 500, body: { message: 'panne' } }),
    });
    const [contract] = contracts(1);
    const fields = Object.fromEntries(Object.keys(contract).map((key) => [key, `{{1.${key}}}`]));
    const report = await run(
      blueprint(
        source(),
        step(2, AGGREGATOR, fields, { parameters: { feeder: 1 } }),
        app(3, 'testConnection'),
        app(4, 'simulateSync', { contrats: '{{2.array}}' }),
        app(5, 'syncContracts', { contrats: '{{2.array}}' }),
      ),
      [contract],
      { connection, send },
    );
    expect(byId(report, 3).bundlesOut).toEqual([{ valide: true, message: 'token valid', nomCompte: 'CFA' }]);
    expect(report.error).toMatchObject({ moduleId: 4, bundle: 1, type: 'ConnectionError' });
    expect(report.error!.message).toContain('panne');
    expect(sent.map((r) => r.path)).toEqual(['/api/sync/v1/test', '/api/sync/v1/contrats-diff']);
    expect(byId(report, 5).bundlesIn).toEqual([]);
    expect(report.modules.map((m) => m.operations)).toEqual([1, 1, 1, 1, 0]);
  });

  it('stops on a mapping that fails at run time (an invalid pattern in a filter), naming the module', async () => {
    const report = await run(blueprint(source(), set(2, 'x', { filter: filter('f', [['{{1.a}}', 'text:pattern', '([']]) })), [{ a: 'b' }]);
    expect(report.error).toMatchObject({ moduleId: 2, bundle: 1, type: 'DataError' });
  });
});

describe('the counting rule (sdk/scenario/operations.ts)', () => {
  it('is one named table: a module run costs 1, a router 0 (UNVERIFIED), an aggregator 1 per bundle out (UNVERIFIED)', () => {
    expect(COUNTING_RULE.perRun).toEqual({ source: 1, app: 1, iterator: 1, setVariable: 1, parseJson: 1, aggregator: 1, router: 0 });
    expect(operationsOf('app', 'failed')).toBe(1);
    expect(operationsOf('app', 'failed', { ...COUNTING_RULE, failedRunCounts: false })).toBe(0);
  });

  it('is what the runner counts with: another rule gives other totals', async () => {
    const flow = blueprint(source(), step(2, ROUTER, {}, { parameters: { else: 0 }, routes: [{ flow: [set(3, 'a')] }, { flow: [set(4, 'b')] }] }));
    const input = [{}, {}];
    expect((await run(flow, input)).totalOperations).toBe(1 + 0 + 2 + 2);
    const routersCount = { ...COUNTING_RULE, perRun: { ...COUNTING_RULE.perRun, router: 1 } };
    expect((await run(flow, input, { counting: routersCount })).totalOperations).toBe(1 + 2 + 2 + 2);
  });
});
