// The sandbox's start-up: the state it starts with, built from the data file, the configuration (a file, with
// the contracts files it names) and the command line's token and generated contracts. No HTTP here: server.ts
// serves the state this builds.

import * as path from 'node:path';
import { ENDPOINTS } from '../api/endpoints';
import { isPlainObject } from '../lib/values';
import { createAccount, randomToken } from './accounts';
import { applyConfig, type SandboxConfig } from './admin';
import { contractListOf } from './contracts';
import { generateContracts } from './demoData';
import { InputFileError, loadState, readJsonFile, saveInitialState } from './persistence';
import { createState, handle } from './state';
import type { SandboxState } from './types';

/** The account created when the sandbox starts without any. */
export const DEFAULT_ACCOUNT = { id: 'sandbox', name: 'Bac à sable Campus Skills' };
/** Seed of `contracts` when none is given. */
export const DEFAULT_SEED = 1;

export interface StartupOptions {
  /** The primary account's token (a random one when absent and the account has none). */
  token?: string;
  /** Persist the state in this file (reloaded at start); in memory only without it. */
  dataFile?: string;
  /** A configuration, or the path of a JSON configuration file (see README). */
  config?: string | SandboxConfig;
  /** Sync this many generated contracts into the primary account at start. */
  contracts?: number;
  /** Seed of the generated contracts. */
  seed?: number;
}

/** Reads a config file, loading each account's `contratsFile` (relative to the config file) into `contrats`. */
export function readConfigFile(file: string): SandboxConfig {
  const config = readJsonFile(file, 'the configuration file', 'correct the file, or the path given to --config') as SandboxConfig;
  for (const account of isPlainObject(config) && Array.isArray(config.accounts) ? config.accounts : []) {
    if (!isPlainObject(account) || typeof account.contratsFile !== 'string') continue;
    const contractsFile = path.resolve(path.dirname(file), account.contratsFile);
    const advice = `correct it, or the "contratsFile" that names it in ${file}`;
    const list = contractListOf(readJsonFile(contractsFile, 'the contracts file', advice));
    if (typeof list === 'string') {
      throw new InputFileError(`the contracts file ${contractsFile} holds neither {"contrats": [...]} nor an array of contracts: ${advice}`);
    }
    delete account.contratsFile;
    account.contrats = list;
  }
  return config;
}

/** The state the sandbox starts with: saved state, then config, then the primary account and its contracts. */
export function initialState(options: StartupOptions): SandboxState {
  let state = (options.dataFile && loadState(options.dataFile)) || createState();
  if (options.config !== undefined) {
    const config = typeof options.config === 'string' ? readConfigFile(options.config) : options.config;
    const outcome = applyConfig(state, config, randomToken);
    if (!outcome.ok && typeof options.config === 'string') {
      throw new InputFileError(`the configuration file ${options.config} is refused: correct it and restart.\n${outcome.reason}`);
    }
    if (!outcome.ok) throw new Error(outcome.reason);
    state = outcome.state;
  }
  if (state.accounts.length === 0) {
    state = { ...state, accounts: [createAccount({ ...DEFAULT_ACCOUNT, token: options.token ?? randomToken() })] };
  } else if (options.token !== undefined && state.accounts[0].token !== options.token) {
    if (state.accounts.some((account) => account.token === options.token)) {
      throw new Error('the token given is already the token of another account');
    }
    state = { ...state, accounts: [{ ...state.accounts[0], token: options.token }, ...state.accounts.slice(1)] };
  }
  if (options.contracts !== undefined) {
    const contrats = generateContracts(options.contracts, options.seed ?? DEFAULT_SEED);
    const result = handle(state, {
      method: 'POST',
      path: ENDPOINTS.syncContracts.path,
      headers: { authorization: `Bearer ${state.accounts[0].token}` },
      body: { contrats },
    });
    if (result.response.status !== 200) throw new Error(`the generated contracts were refused: ${JSON.stringify(result.response.body)}`);
    state = result.state;
  }
  return state;
}

/** The initial state, saved at once into the data file when there is one (a file that cannot be written is
 * refused here, before the sandbox listens). */
export function startingState(options: StartupOptions): SandboxState {
  const state = initialState(options);
  if (options.dataFile) saveInitialState(options.dataFile, state);
  return state;
}
