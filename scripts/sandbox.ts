// npm run sandbox -- [--port N] [--token T] [--data <file>] [--config <file>] [--contracts N] [--seed S]
//                    [--body-limit BYTES] [--admin-token T]
// npm run sandbox -- --write-demo <dir>     (re)writes the demo data set (contrats.json, config.json)
//
// Starts the Campus Skills sandbox on 127.0.0.1 and prints its URL and tokens. See sandbox/README.md.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_CONTRACT_COUNT, DEMO_CONTRACTS_FILE, DEMO_SEED, generateContracts, generateDemoConfig } from '../sandbox/demoData';
import { InputFileError, removeLeftoverTemporaryFiles } from '../sandbox/persistence';
import { DEFAULT_PORT, SHUTDOWN_GRACE_MS, startSandbox } from '../sandbox/server';
import { UsageError } from './cliArgs';

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
  if (!/^\d+$/.test(text)) throw new UsageError(`--${name} expects a non-negative integer, got "${text}"`);
  return Number(text);
}

/** A token as a client sends it: `Authorization: Bearer <token>` carries one word, never an empty one. */
function tokenOption(name: string, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (text.trim() === '') throw new UsageError(`--${name} is empty: give a token, or leave the option out for a random one`);
  if (/\s/.test(text)) throw new UsageError(`--${name} contains a space: a token is one word, as in "Authorization: Bearer <token>"`);
  return text;
}

/** A file name; an empty one would silently mean "no file" (no --data: the state in memory only). */
function fileOption(name: string, text: string | undefined): string | undefined {
  if (text !== undefined && text.trim() === '') throw new UsageError(`--${name} is empty: give a file name, or leave the option out`);
  return text;
}

/** Options of node:util's parseArgs; its errors (an unknown option, a missing value) are bad usage. */
function readOptions() {
  try {
    return parseArgs({
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
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Temporary files a crash left beside the data file: removed, and named on stderr. */
function removeCrashLeftovers(dataFile: string): void {
  for (const leftover of removeLeftoverTemporaryFiles(dataFile)) {
    console.error(`removed ${leftover}, a temporary file left by a sandbox that stopped while saving`);
  }
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
  const values = readOptions();
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values['write-demo'] !== undefined) {
    writeDemo(values['write-demo']);
    return;
  }

  const options = {
    port: integer('port', values.port) ?? DEFAULT_PORT,
    token: tokenOption('token', values.token),
    adminToken: tokenOption('admin-token', values['admin-token']),
    dataFile: fileOption('data', values.data),
    config: fileOption('config', values.config),
    contracts: integer('contracts', values.contracts),
    seed: integer('seed', values.seed),
    bodyLimit: integer('body-limit', values['body-limit']),
  };
  if (options.dataFile !== undefined) removeCrashLeftovers(options.dataFile);
  const sandbox = await startSandbox(options);

  // Before announcing the URL: whoever reads it may stop the sandbox at once.
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

  const primary = sandbox.state().accounts[0];
  console.log(`Campus Skills sandbox listening on ${sandbox.url}`);
  console.log(`  account:     ${primary.name} (${primary.contrats.length} contracts${primary.isSandbox ? ', sandbox' : ''})`);
  console.log(`  token:       ${sandbox.token}`);
  console.log(`  admin token: ${sandbox.adminToken} (routes under ${sandbox.url}/_sandbox/)`);
  for (const account of sandbox.state().accounts.slice(1)) console.log(`  other account: ${account.name} (id ${account.id})`);
  console.log(values.data ? `  state saved in ${values.data}` : '  state in memory only (use --data FILE to keep it)');
}

main().catch((error: Error) => {
  if (error instanceof UsageError) {
    console.error(`sandbox: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(`sandbox: ${error.message}`);
  // A file named on the command line is unusable: as bad usage, the command line is to fix.
  process.exit(error instanceof InputFileError ? 2 : 1);
});
