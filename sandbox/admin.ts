// Configuration of the sandbox: the config format (the `--config` file and `POST /_sandbox/config` share
// it) and the admin routes under ADMIN_PREFIX, guarded by the admin token. Pure, like state.ts.

import { accountSummary, bearerToken, createAccount, redactTokens, withAccount } from './accounts';
import { applyFullSync, computeDiff, judgeList } from './contracts';
import { isPlainObject } from '../lib/values';
import { badRequest, fail, listReason, methodNotAllowed, ok, routeNotFound, unauthorized } from './errors';
import { SYNC_RESPONSE_STYLES } from './types';
import type { AccountState, HandleResult, LearnerData, SandboxRequest, SandboxResponse, SandboxState, SyncResponseStyle } from './types';

/** Where the admin routes live; no API path starts so. */
export const ADMIN_PREFIX = '/_sandbox/';

export interface AdminOptions {
  /** The admin token; without it the admin routes answer 404. */
  adminToken?: string;
  /** Makes a token for an account created without one (the server passes a random generator). */
  makeToken?: () => string;
}

/** One account in a configuration. Every field is optional when the account exists already. */
export interface AccountConfig {
  /** Stable id (letters, digits, `-`, `_`, `.`); derived from the name when absent. */
  id?: string;
  name?: string;
  token?: string;
  isSandbox?: boolean;
  syncResponseStyle?: SyncResponseStyle;
  /** Replaces the account's integrated groups (codeGroupe values). */
  integratedGroups?: string[];
  /** Upserted by studentId. */
  learners?: LearnerData[];
  /** Initial contracts, synced (full sync, same rules) only into an account that never had any. */
  contrats?: unknown[];
  /** In a config file only: a JSON file (`{"contrats": [...]}` or an array), relative to the config file. */
  contratsFile?: string;
}

export interface SandboxConfig {
  accounts?: AccountConfig[];
}

export type ConfigOutcome = { ok: true; state: SandboxState } | { ok: false; reason: string };

const ACCOUNT_KEYS: ReadonlySet<string> = new Set([
  'id',
  'name',
  'token',
  'isSandbox',
  'syncResponseStyle',
  'integratedGroups',
  'learners',
  'contrats',
  'contratsFile',
]);
const LEARNER_KEYS: ReadonlySet<string> = new Set(['studentId', 'email', 'grades', 'trainingProgress']);

/** A readable id from a name: "CFA Rennes (démo)" -> "cfa-rennes-demo". */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

function learnerProblems(value: unknown, where: string): string[] {
  if (!isPlainObject(value)) return [`${where} doit être un objet {studentId, email?, grades?, trainingProgress?}.`];
  const problems: string[] = [];
  for (const key of Object.keys(value)) if (!LEARNER_KEYS.has(key)) problems.push(`${where}.${key} : clé inconnue.`);
  if (typeof value.studentId !== 'string' || value.studentId === '') problems.push(`${where}.studentId est obligatoire (texte).`);
  if (value.email !== undefined && typeof value.email !== 'string') problems.push(`${where}.email doit être un texte.`);
  for (const key of ['grades', 'trainingProgress']) {
    if (value[key] !== undefined && !isPlainObject(value[key])) problems.push(`${where}.${key} doit être un objet.`);
  }
  return problems;
}

function accountProblems(value: unknown, where: string): string[] {
  if (!isPlainObject(value)) return [`${where} doit être un objet.`];
  const problems: string[] = [];
  for (const key of Object.keys(value)) {
    if (!ACCOUNT_KEYS.has(key)) problems.push(`${where}.${key} : clé inconnue.`);
  }
  if (value.id !== undefined && (typeof value.id !== 'string' || !/^[A-Za-z0-9_.-]+$/.test(value.id))) {
    problems.push(`${where}.id doit être fait de lettres, chiffres, "-", "_" ou ".".`);
  }
  if (value.id === undefined && (typeof value.name !== 'string' || slugify(value.name) === '')) {
    problems.push(`${where} : indiquez un id ou un name.`);
  }
  if (value.name !== undefined && (typeof value.name !== 'string' || value.name.trim() === '')) problems.push(`${where}.name doit être un texte non vide.`);
  if (value.token !== undefined && (typeof value.token !== 'string' || !/^\S+$/.test(value.token))) {
    problems.push(`${where}.token doit être un texte non vide sans espace.`);
  }
  if (value.isSandbox !== undefined && typeof value.isSandbox !== 'boolean') problems.push(`${where}.isSandbox doit être un booléen.`);
  if (value.syncResponseStyle !== undefined && !SYNC_RESPONSE_STYLES.includes(value.syncResponseStyle as SyncResponseStyle)) {
    problems.push(`${where}.syncResponseStyle doit valoir ${SYNC_RESPONSE_STYLES.map((s) => `"${s}"`).join(' ou ')}.`);
  }
  if (value.integratedGroups !== undefined && !isStringArray(value.integratedGroups)) {
    problems.push(`${where}.integratedGroups doit être un tableau de codes de groupe.`);
  }
  if (value.learners !== undefined) {
    if (!Array.isArray(value.learners)) problems.push(`${where}.learners doit être un tableau.`);
    else value.learners.forEach((learner, i) => problems.push(...learnerProblems(learner, `${where}.learners[${i}]`)));
  }
  if (value.contrats !== undefined && !Array.isArray(value.contrats)) problems.push(`${where}.contrats doit être un tableau.`);
  if (value.contratsFile !== undefined) {
    problems.push(`${where}.contratsFile n'est lu que dans un fichier de configuration (--config) : envoyez ici les contrats dans "contrats".`);
  }
  return problems;
}

function upsertLearners(existing: LearnerData[], incoming: LearnerData[]): LearnerData[] {
  const result = [...existing];
  for (const learner of incoming) {
    const position = result.findIndex((l) => l.studentId === learner.studentId);
    if (position === -1) result.push(learner);
    else result[position] = { ...result[position], ...learner };
  }
  return result;
}

const isFresh = (account: AccountState): boolean =>
  account.contrats.length === 0 && account.archived.length === 0 && account.syncCount === 0;

/**
 * Applies a configuration: creates the accounts it names (by id) and updates the existing ones with the
 * fields it gives. All or nothing.
 */
export function applyConfig(state: SandboxState, config: unknown, makeToken?: () => string): ConfigOutcome {
  if (!isPlainObject(config)) return { ok: false, reason: 'La configuration doit être un objet {"accounts": [...]}.' };
  const problems: string[] = [];
  for (const key of Object.keys(config)) if (key !== 'accounts') problems.push(`${key} : clé inconnue (attendue : accounts).`);
  if (config.accounts !== undefined && !Array.isArray(config.accounts)) problems.push('accounts doit être un tableau.');
  const accounts = Array.isArray(config.accounts) ? config.accounts : [];
  accounts.forEach((account, i) => problems.push(...accountProblems(account, `accounts[${i}]`)));
  if (problems.length > 0) return { ok: false, reason: listReason('La configuration est refusée :', problems) };

  let next = state;
  (accounts as AccountConfig[]).forEach((entry, i) => {
    const id = entry.id ?? slugify(entry.name as string);
    const existing = next.accounts.find((account) => account.id === id);
    const token = entry.token ?? makeToken?.();
    if (existing === undefined && token === undefined) {
      problems.push(`accounts[${i}].token est obligatoire pour créer le compte "${id}".`);
      return;
    }
    let account = existing ?? createAccount({ id, name: entry.name ?? id, token: token as string });
    account = {
      ...account,
      ...(entry.name !== undefined && { name: entry.name }),
      ...(entry.token !== undefined && { token: entry.token }),
      ...(entry.isSandbox !== undefined && { isSandbox: entry.isSandbox }),
      ...(entry.syncResponseStyle !== undefined && { syncResponseStyle: entry.syncResponseStyle }),
      ...(entry.integratedGroups !== undefined && { integratedGroups: [...entry.integratedGroups] }),
      ...(entry.learners !== undefined && { learners: upsertLearners(account.learners, entry.learners) }),
    };
    if (entry.contrats !== undefined && isFresh(account)) {
      const verdict = judgeList(entry.contrats, account.syncResponseStyle);
      if (!verdict.ok) problems.push(`accounts[${i}].contrats : ${verdict.reason}`);
      else account = applyFullSync(account, verdict.valid, computeDiff(account, verdict.valid));
    }
    next = existing ? withAccount(next, account) : { ...next, accounts: [...next.accounts, account] };
  });

  const owners = new Map<string, string>();
  for (const account of next.accounts) {
    const other = owners.get(account.token);
    if (other !== undefined) problems.push(`les comptes "${other}" et "${account.id}" ont le même token.`);
    owners.set(account.token, account.id);
  }
  if (problems.length > 0) return { ok: false, reason: listReason('La configuration est refusée :', problems) };
  return { ok: true, state: next };
}

// ------------------------------------------------------------------------------------------ routes

type AdminRoute = {
  method: string;
  pattern: RegExp;
  run: (state: SandboxState, request: SandboxRequest, params: string[], makeToken?: () => string) => HandleResult;
};

const summaries = (state: SandboxState) => ({ accounts: state.accounts.map(accountSummary) });

function configured(state: SandboxState, config: unknown, makeToken?: () => string): HandleResult {
  const outcome = applyConfig(state, config, makeToken);
  if (!outcome.ok) return { state, response: badRequest(outcome.reason) };
  return { state: outcome.state, response: ok(summaries(outcome.state)) };
}

function withExistingAccount(state: SandboxState, id: string, run: () => HandleResult): HandleResult {
  if (!state.accounts.some((account) => account.id === id)) {
    return { state, response: fail(404, 'NOT_FOUND', `Aucun compte n'a l'id "${id}".`) };
  }
  return run();
}

const ADMIN_ROUTES: AdminRoute[] = [
  { method: 'GET', pattern: /^state$/, run: (state) => ({ state, response: ok(redactTokens(state)) }) },
  { method: 'GET', pattern: /^accounts$/, run: (state) => ({ state, response: ok(summaries(state)) }) },
  { method: 'POST', pattern: /^config$/, run: (state, request, _params, makeToken) => configured(state, request.body, makeToken) },
  {
    method: 'PUT',
    pattern: /^accounts\/([^/]+)\/integrated-groups$/,
    run: (state, request, [id], makeToken) =>
      withExistingAccount(state, id, () => {
        const groups = isPlainObject(request.body) ? request.body.groups : request.body;
        if (!isStringArray(groups)) return { state, response: badRequest('Le corps doit être {"groups": ["<codeGroupe>", ...]}.') };
        return configured(state, { accounts: [{ id, integratedGroups: groups }] }, makeToken);
      }),
  },
  {
    method: 'PUT',
    pattern: /^accounts\/([^/]+)\/learners\/([^/]+)$/,
    run: (state, request, [id, studentId], makeToken) =>
      withExistingAccount(state, id, () => {
        if (!isPlainObject(request.body)) return { state, response: badRequest('Le corps doit être {email?, grades?, trainingProgress?}.') };
        return configured(state, { accounts: [{ id, learners: [{ ...request.body, studentId }] }] }, makeToken);
      }),
  },
  {
    method: 'DELETE',
    pattern: /^accounts\/([^/]+)$/,
    run: (state, _request, [id]) =>
      withExistingAccount(state, id, () => {
        const next = { ...state, accounts: state.accounts.filter((account) => account.id !== id) };
        return { state: next, response: ok(summaries(next)) };
      }),
  },
];

/** Handles a request under ADMIN_PREFIX. */
export function handleAdmin(state: SandboxState, request: SandboxRequest, options: AdminOptions): HandleResult {
  if (options.adminToken === undefined) return { state, response: routeNotFound(request.method, request.path) };
  const rest = request.path.slice(ADMIN_PREFIX.length);
  const matching = ADMIN_ROUTES.map((route) => ({ route, match: route.pattern.exec(rest) })).filter((m) => m.match !== null);
  if (matching.length === 0) return { state, response: routeNotFound(request.method, request.path) };
  const chosen = matching.find((m) => m.route.method === request.method);
  if (chosen === undefined) {
    const response: SandboxResponse = methodNotAllowed(request.method, request.path, [...new Set(matching.map((m) => m.route.method))]);
    return { state, response };
  }
  if (bearerToken(request) !== options.adminToken) return { state, response: unauthorized() };
  let params: string[];
  try {
    params = (chosen.match as RegExpExecArray).slice(1).map(decodeURIComponent);
  } catch {
    return { state, response: badRequest(`Chemin mal encodé : ${request.path}.`) };
  }
  return chosen.route.run(state, request, params, options.makeToken);
}
