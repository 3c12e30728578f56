// Accounts in the sandbox state: creation, lookup by token, replacement, and what the admin sees.

import { randomBytes } from 'node:crypto';
import { integratedContracts } from './contracts';
import type { AccountState, SandboxRequest, SandboxState } from './types';

/** A token nobody can guess, for an account or the admin routes. */
export function randomToken(): string {
  return randomBytes(24).toString('base64url');
}

/** An empty sandbox: no account. */
export function createState(): SandboxState {
  return { version: 1, accounts: [] };
}

/** A new account with no data (a sandbox account answering the `total` style unless told otherwise). */
export function createAccount(fields: Pick<AccountState, 'id' | 'name' | 'token'> & Partial<AccountState>): AccountState {
  return {
    isSandbox: true,
    syncResponseStyle: 'total',
    integratedGroups: [],
    contrats: [],
    syncedCodes: [],
    archived: [],
    syncCount: 0,
    calendars: [],
    absences: [],
    learners: [],
    ...fields,
  };
}

/** The value of a header, whatever the case of its name. */
export function headerOf(request: SandboxRequest, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(request.headers ?? {})) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

/** The token of an `Authorization: Bearer <token>` header. */
export function bearerToken(request: SandboxRequest): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headerOf(request, 'authorization') ?? '');
  return match?.[1];
}

/** The account a request's token names. */
export function accountForRequest(state: SandboxState, request: SandboxRequest): AccountState | undefined {
  const token = bearerToken(request);
  return token === undefined ? undefined : state.accounts.find((account) => account.token === token);
}

/** Replaces one account (by id) in the state. */
export function withAccount(state: SandboxState, account: AccountState): SandboxState {
  return { ...state, accounts: state.accounts.map((existing) => (existing.id === account.id ? account : existing)) };
}

/** What the admin sees of an account: settings and counts, not the contracts. */
export function accountSummary(account: AccountState) {
  return {
    id: account.id,
    name: account.name,
    token: account.token,
    isSandbox: account.isSandbox,
    syncResponseStyle: account.syncResponseStyle,
    integratedGroups: account.integratedGroups,
    transmitted: account.contrats.length,
    integrated: integratedContracts(account).length,
    synced: account.syncedCodes.length,
    archived: account.archived.length,
    syncCount: account.syncCount,
    learners: account.learners.map((learner) => learner.studentId),
  };
}

export const REDACTED = '<redacted>';

/** The state with every token replaced, for dumps that may be pasted anywhere. */
export function redactTokens(state: SandboxState): SandboxState {
  return { ...state, accounts: state.accounts.map((account) => ({ ...account, token: REDACTED })) };
}
