// Shared fixtures of the sandbox tests: generated (valid) contracts, a state with accounts, a request helper.
import { generateContracts } from '../../sandbox/demoData';
import { createAccount, createState, handle, type HandleOptions } from '../../sandbox/state';
import type { AccountState, Contrat, HandleResult, SandboxState } from '../../sandbox/types';

export const TOKEN = 'tok-ecole';
export const OTHER_TOKEN = 'tok-autre';
export const ADMIN = 'adm-secret';

/** `count` valid contracts (the demo generator; seed 11 unless told). */
export function contracts(count: number, seed = 11): Contrat[] {
  return generateContracts(count, seed);
}

/** A field of a contract as a loose record, to build invalid variants. */
export function loose(contrat: Contrat): Record<string, unknown> {
  return { ...(contrat as unknown as Record<string, unknown>) };
}

/** A sandbox account (token TOKEN) and a production-like one (OTHER_TOKEN). */
export function twoAccounts(overrides: Partial<AccountState> = {}): SandboxState {
  return {
    ...createState(),
    accounts: [
      createAccount({ id: 'ecole', name: 'École Test', token: TOKEN, ...overrides }),
      createAccount({ id: 'prod', name: 'École Prod', token: OTHER_TOKEN, isSandbox: false }),
    ],
  };
}

export interface Call {
  token?: string | null;
  body?: unknown;
  query?: Record<string, string>;
  headers?: Record<string, string>;
}

/** One request through the state machine, with `Authorization: Bearer <token>` (TOKEN unless told). */
export function call(state: SandboxState, method: string, path: string, options: Call = {}, handleOptions?: HandleOptions): HandleResult {
  const token = options.token === undefined ? TOKEN : options.token;
  const headers: Record<string, string> = { ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...options.headers };
  return handle(state, { method, path, query: options.query, headers, body: options.body }, handleOptions);
}

/** Runs a call that must succeed (200) and returns the new state and the body. */
export function expectOk(state: SandboxState, method: string, path: string, options: Call = {}): { state: SandboxState; body: any } {
  const result = call(state, method, path, options);
  if (result.response.status !== 200) {
    throw new Error(`${method} ${path} answered ${result.response.status}: ${JSON.stringify(result.response.body)}`);
  }
  return { state: result.state, body: result.response.body };
}

/** Full sync of `list` into the TOKEN account. */
export function synced(state: SandboxState, list: unknown[], token = TOKEN): SandboxState {
  return expectOk(state, 'POST', '/api/sync/v2/contrats', { token, body: { contrats: list } }).state;
}

export const codes = (list: readonly { codeContrat: string }[]): string[] => list.map((c) => c.codeContrat);
