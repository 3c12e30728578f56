// npm run bench [-- --contracts N] [--runs R]: the costs that grow with a school's size, each as a ratio
// against a floor measured in the same run on the same data (so the numbers compare across machines).
import { ENDPOINTS } from '../api/endpoints';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { app } from '../app';
import { checkContracts } from '../api/contracts';
import { emitApp } from '../sdk/emit/emitApp';
import { mapReader, readEmittedApp } from '../sdk/emitted';
import { evaluateTemplate } from '../sdk/iml';
import { sendHttp } from '../sdk/harness/http';
import { runModule } from '../sdk/harness/run';
import { validateInput } from '../sdk/harness/validateInput';
import { createAccount, createState } from '../sandbox/accounts';
import { generateContracts } from '../sandbox/demoData';
import { startSandbox } from '../sandbox/server';
import { handle } from '../sandbox/state';
import type { Parameter } from '../sdk/types';
import { parseArgs } from './cliArgs';

interface Measure {
  name: string;
  floor: string;
  ms: number;
  floorMs: number;
}

async function timeIt(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), ['contracts', 'runs'], []);
  const count = Number(args.options.get('contracts') ?? 50_000);
  const runs = Number(args.options.get('runs') ?? 3);
  const progress = (line: string) => process.stderr.write(`${line}\n`);
  progress(`bench: ${count} contracts, median of ${runs} runs`);

  const contrats = generateContracts(count, 1);
  const body = { contrats };
  const emitted = readEmittedApp(mapReader(emitApp(app)));
  const contratsSpec = emitted.modules.syncContracts.codes.mappableParams as Parameter[];
  const results: Measure[] = [];

  // Floor of everything that touches the payload: serialising and parsing it once.
  progress('- floor: JSON round trip');
  const jsonFloor = await timeIt(runs, () => JSON.parse(JSON.stringify(body)));

  progress('- checkContracts (rules 1-5 + schema)');
  results.push({ name: 'checkContracts', floor: 'JSON round trip', ms: await timeIt(runs, () => checkContracts(contrats)), floorMs: jsonFloor });

  progress('- harness input validation of contrats');
  results.push({
    name: 'validateInput(contrats)',
    floor: 'JSON round trip',
    ms: await timeIt(runs, () => validateInput(contratsSpec, body)),
    floorMs: jsonFloor,
  });

  progress('- sandbox state machine: full sync');
  const token = 'bench-token';
  const state = { ...createState(), accounts: [createAccount({ id: 'bench', name: 'Bench', token })] };
  results.push({
    name: 'sandbox full sync (state machine)',
    floor: 'JSON round trip',
    ms: await timeIt(runs, () =>
      handle(state, {
        method: 'POST',
        path: ENDPOINTS.syncContracts.path,
        query: {},
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      }),
    ),
    floorMs: jsonFloor,
  });

  // Floor of an HTTP sync: the same body POSTed to a server that only reads it.
  progress('- floor: raw HTTP POST of the body');
  const sink = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('{}'));
  });
  await new Promise<void>((done) => sink.listen(0, '127.0.0.1', done));
  const sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/`;
  const httpFloor = await timeIt(runs, () =>
    sendHttp({ method: 'POST', url: sinkUrl, headers: { 'Content-Type': 'application/json' }, body: Buffer.from(JSON.stringify(body)) }, 300_000),
  );
  sink.close();

  const sandbox = await startSandbox({ port: 0, token, log: () => undefined });
  const connection = { apiKey: token, baseUrl: 'https://app.campus-skills.com' };
  try {
    // The sandbox's own cost: the body POSTed raw to it, against the same POST to a server that only reads it.
    progress('- sandbox over HTTP: full sync of the raw body');
    const rawSandboxSync = () =>
      sendHttp(
        {
          method: 'POST',
          url: `${sandbox.url}/api/sync/v2/contrats`,
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: Buffer.from(JSON.stringify(body)),
        },
        300_000,
      );
    const sandboxMs = await timeIt(runs, rawSandboxSync);
    results.push({ name: 'sandbox full sync over HTTP', floor: 'raw HTTP POST to a sink', ms: sandboxMs, floorMs: httpFloor });
    // The harness's own cost: the module run end to end, against the raw POST of the same body to the sandbox.
    progress('- syncContracts end to end (harness -> sandbox over HTTP)');
    results.push({
      name: 'syncContracts end to end',
      floor: 'raw POST to the sandbox',
      ms: await timeIt(runs, () => runModule(emitted, 'syncContracts', { input: body, connection, baseUrl: sandbox.url })),
      floorMs: sandboxMs,
    });
    progress('- listTransmittedContracts, every page');
    const pages = Math.ceil(count / 100);
    const pageFloor = await timeIt(1, async () => {
      for (let page = 1; page <= pages; page += 1) {
        await sendHttp(
          { method: 'GET', url: `${sandbox.url}/api/sync/v1/contrats-get-all?limit=100&page=${page}`, headers: { Authorization: `Bearer ${token}` } },
          40_000,
        );
      }
    });
    results.push({
      name: `listTransmittedContracts (${pages} pages)`,
      floor: 'raw GET of the same pages',
      ms: await timeIt(1, () => runModule(emitted, 'listTransmittedContracts', { connection, baseUrl: sandbox.url })),
      floorMs: pageFloor,
    });
  } finally {
    await sandbox.close();
  }

  progress('- IML: 100,000 evaluations of a cached template');
  const context = { body: { total: 3, validContrats: [1, 2, 3] } };
  const template = '{{ifempty(body.total, length(body.validContrats))}}';
  // The floor does the same lookups by path at run time, as any interpreter must (no constant folding).
  const at = (root: unknown, path: string[]): unknown =>
    path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);
  const paths = [['body', 'total'], ['body', 'validContrats']];
  const jsFloor = await timeIt(runs, () => {
    const out: unknown[] = [];
    for (let i = 0; i < 100_000; i += 1) {
      const total = at(context, paths[0]);
      out.push(total === undefined || total === null || total === '' ? (at(context, paths[1]) as unknown[]).length : total);
    }
    return out;
  });
  results.push({
    name: 'IML evaluate x100k',
    floor: 'same lookups in plain JS',
    ms: await timeIt(runs, () => {
      for (let i = 0; i < 100_000; i += 1) evaluateTemplate(template, context);
    }),
    floorMs: jsFloor,
  });

  const rows = results.map((r) => ({ ...r, ratio: r.ms / Math.max(r.floorMs, 0.001) }));
  console.log(`| measure (${count} contracts) | ms | floor | floor ms | ratio |`);
  console.log('|---|---:|---|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.name} | ${r.ms.toFixed(1)} | ${r.floor} | ${r.floorMs.toFixed(1)} | ${r.ratio.toFixed(1)}x |`);
  }
  const out = resolve(__dirname, '..', 'bench-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'latest.json'), `${JSON.stringify({ date: new Date().toISOString(), count, runs, rows }, null, 2)}\n`);
  progress('bench: results in bench-results/latest.json');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
