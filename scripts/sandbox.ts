// npm run sandbox -- [--port N] [--token T] [--data <file>] [--config <file>] [--contracts N] [--seed S]
//                    [--body-limit BYTES] [--admin-token T]
// npm run sandbox -- --write-demo <dir>     (re)writes the demo data set (contrats.json, config.json)
//
// Starts the Campus Skills sandbox on 127.0.0.1 and prints its URL and tokens. See sandbox/README.md.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_CONTRACT_COUNT, DEMO_CONTRACTS_FILE, DEMO_SEED, generateContracts, generateDemoConfig } from '../sandbox/demoData';
import { DEFAULT_PORT, SHUTDOWN_GRACE_MS, startSandbox } from '../sandbox/server';

const USAGE = `Usage: npm run sandbox -- [options]
  --port N            port on 127.0.0.1 (0: a free one; default ${DEFAULT_PORT})
  --token T           token of the primary account (random when none)
  --data FILE         save the state in FILE after every change, reload it at start
  --config FILE       accounts, integrated groups, learners (see sandbox/README.md)
  --contracts N       sync N generated contracts into the primary account at start
  --seed S            seed of the generated contracts (default 1)
  --body-limit BYTES  largest request body (default 100 MB)
  --admin-token T     token of the /_sandbox/ admin routes (random when none)
  --write-demo DIR    write the demo data set into DIR and exit`;

function integer(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) {
    console.error(`--${name} expects a non-negative integer, got "${text}"\n\n${USAGE}`);
    process.exit(2);
  }
  return Number(text);
}

/** Writes the committed demo data set: `{"contrats": [...]}` and the config referring to it. */
function writeDemo(directory: string): void {
  fs.mkdirSync(directory, { recursive: true });
  const contrats = generateContracts(DEMO_CONTRACT_COUNT, DEMO_SEED);
  fs.writeFileSync(path.join(directory, DEMO_CONTRACTS_FILE), `${JSON.stringify({ contrats }, null, 2)}\n`);
  fs.writeFileSync(path.join(directory, 'config.json'), `${JSON.stringify(generateDemoConfig(contrats), null, 2)}\n`);
  console.log(`Demo data set written to ${directory}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      token: { type: 'string' },
      data: { type: 'string' },
      config: { type: 'string' },
      contracts: { type: 'string' },
      seed: { type: 'string' },
      'body-limit': { type: 'string' },
      'admin-token': { type: 'string' },
      'write-demo': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values['write-demo'] !== undefined) {
    writeDemo(values['write-demo']);
    return;
  }

  const sandbox = await startSandbox({
    port: integer('port', values.port) ?? DEFAULT_PORT,
    token: values.token,
    adminToken: values['admin-token'],
    dataFile: values.data,
    config: values.config,
    contracts: integer('contracts', values.contracts),
    seed: integer('seed', values.seed),
    bodyLimit: integer('body-limit', values['body-limit']),
  });
  const primary = sandbox.state().accounts[0];
  console.log(`Campus Skills sandbox listening on ${sandbox.url}`);
  console.log(`  account:     ${primary.name} (${primary.contrats.length} contracts${primary.isSandbox ? ', sandbox' : ''})`);
  console.log(`  token:       ${sandbox.token}`);
  console.log(`  admin token: ${sandbox.adminToken} (routes under ${sandbox.url}/_sandbox/)`);
  for (const account of sandbox.state().accounts.slice(1)) console.log(`  other account: ${account.name} (id ${account.id})`);
  console.log(values.data ? `  state saved in ${values.data}` : '  state in memory only (use --data FILE to keep it)');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      console.log(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: stopping (requests in progress get ${SHUTDOWN_GRACE_MS / 1000} s to finish)`);
    sandbox.close().then(
      () => process.exit(0),
      (error: Error) => {
        console.error(error.message);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: Error) => {
  console.error(`sandbox: ${error.message}`);
  process.exit(1);
});
