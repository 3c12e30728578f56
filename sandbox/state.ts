// The sandbox as a pure state machine: handle(state, request) -> {state, response}. No I/O; the HTTP
// server (server.ts) and the tests drive it. Implements endpoints 1–12 of
// shared/reference/campus-skills-api.md, per account (the Bearer token names the account), and the
// admin routes (admin.ts) under ADMIN_PREFIX.

import { handleAdmin, ADMIN_PREFIX, type AdminOptions } from './admin';
import { RESET_SYNC_PATH } from '../app/constants';
import { parseAbsences } from './absences';
import { applyChanges } from './changes';
import {
  applyFullSync,
  computeDiff,
  contractListOf,
  integratedContracts,
  judgeList,
  pageOf,
  parsePaging,
} from './contracts';
import { badRequest, forbidden, isPlainObject, methodNotAllowed, notFound, ok, routeNotFound, unauthorized } from './errors';
import { findLearner, gradesOf, isFound, isKnownLearnerEmail, trainingProgressOf } from './learners';
import { normaliseEmail, showValue } from '../app/contractRules';
import { accountForRequest, withAccount } from './accounts';
import type { AccountState, Contrat, HandleResult, SandboxRequest, SandboxResponse, SandboxState } from './types';

export type HandleOptions = AdminOptions;

export { createState, createAccount } from './accounts';

// ------------------------------------------------------------------------------------------ endpoints

/** What an endpoint does to its account: the answer, and the account's new value if it changed. */
interface Outcome {
  response: SandboxResponse;
  account?: AccountState;
}

type Endpoint = (account: AccountState, request: SandboxRequest) => Outcome;

const query = (request: SandboxRequest): Record<string, string | undefined> => request.query ?? {};

/** Endpoints 2 and 3: the list judged by the rules, then the diff against the sync state. */
function prepareSync(account: AccountState, body: unknown) {
  const list = contractListOf(body);
  if (typeof list === 'string') return { error: badRequest(list) } as const;
  const verdict = judgeList(list, account.syncResponseStyle);
  if (!verdict.ok) return { error: badRequest(verdict.reason) } as const;
  return { verdict, diff: computeDiff(account, verdict.valid) } as const;
}

const testToken: Endpoint = (account) => ({ response: ok({ value: 'token valid', name: account.name }) });

const fullSync: Endpoint = (account, request) => {
  const prepared = prepareSync(account, request.body);
  if (prepared.error) return { response: prepared.error };
  const { verdict, diff } = prepared;
  const next = applyFullSync(account, verdict.valid, diff);
  const body =
    account.syncResponseStyle === 'total'
      ? { total: next.contrats.length, contrats: next.contrats }
      : { success: true, validContrats: verdict.valid, invalidContrats: verdict.invalid };
  return { response: ok(body), account: next };
};

const simulateSync: Endpoint = (account, request) => {
  const prepared = prepareSync(account, request.body);
  if (prepared.error) return { response: prepared.error };
  return { response: ok(prepared.diff) };
};

function listing(select: (account: AccountState) => Contrat[]): Endpoint {
  return (account, request) => {
    const paging = parsePaging(query(request));
    if (!paging.ok) return { response: badRequest(paging.reason) };
    return { response: ok(pageOf(select(account), paging)) };
  };
}

/** Endpoint 6. Response body: not documented (`{ // Response }`); the sandbox answers the count deleted. */
const deleteAll: Endpoint = (account) => {
  if (!account.isSandbox) {
    return { response: forbidden("La suppression de tous les contrats n'est possible que sur un compte bac à sable.") };
  }
  return {
    response: ok({ success: true, deleted: account.contrats.length }),
    account: { ...account, contrats: [], syncedCodes: [], archived: [] },
  };
};

/** Endpoint 7: contracts kept, sync state cleared. Answers as a sync with 0 contracts (seed). */
const resetSync: Endpoint = (account) => ({
  response: ok({ total: 0, contrats: [] }),
  account: account.syncedCodes.length > 0 ? { ...account, syncedCodes: [] } : undefined,
});

const grades: Endpoint = (account, request) => {
  const learner = findLearner(account, query(request));
  return { response: isFound(learner) ? ok(gradesOf(learner)) : learner };
};

const trainingProgress: Endpoint = (account, request) => {
  const learner = findLearner(account, query(request));
  return { response: isFound(learner) ? ok(trainingProgressOf(learner)) : learner };
};

function isHttpsUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.hostname !== '' && !/\s/.test(text);
  } catch {
    return false;
  }
}

const calendarGroup: Endpoint = (account, request) => {
  const body = request.body;
  if (!isPlainObject(body) || typeof body.groupId !== 'string' || body.groupId === '') {
    return { response: badRequest('Le corps de la requête doit contenir groupId, le code du groupe transmis dans les contrats.') };
  }
  const { groupId, calendarUrl } = body;
  if (typeof calendarUrl !== 'string' || !isHttpsUrl(calendarUrl)) {
    return {
      response: badRequest(`calendarUrl doit être un lien https valide vers le calendrier ICS (reçu ${showValue(calendarUrl ?? null)}).`),
    };
  }
  if (!account.contrats.some((contrat) => contrat.codeGroupe === groupId)) {
    return { response: notFound(`Le groupe "${groupId}" n'existe pas parmi les contrats transmis.`) };
  }
  const calendars = account.calendars.filter((entry) => entry.groupId !== groupId);
  calendars.push({ groupId, calendarUrl });
  return { response: ok({ success: true }), account: { ...account, calendars } };
};

const absencesForStudent: Endpoint = (account, request) => {
  const input = parseAbsences(request.body);
  if (!input.ok) return { response: badRequest(input.reason) };
  if (!isKnownLearnerEmail(account, input.email)) {
    return { response: notFound(`Aucun apprenant ne correspond à l'email "${input.email}".`) };
  }
  const email = normaliseEmail(input.email);
  const absences = account.absences.filter((entry) => entry.email !== email);
  absences.push({ email, data: input.data });
  return { response: ok({ success: true, total: input.data.length }), account: { ...account, absences } };
};

/** Endpoint 12. Response body: not documented; the sandbox answers the counts and the new total. */
const incrementalSync: Endpoint = (account, request) => {
  const outcome = applyChanges(account, request.body);
  if (!outcome.ok) return { response: badRequest(outcome.reason) };
  return {
    response: ok({ success: true, ...outcome.summary, total: outcome.account.contrats.length }),
    account: outcome.account,
  };
};

/** The API's routes: path -> method -> endpoint. */
const ROUTES = new Map<string, Map<string, Endpoint>>([
  ['/api/sync/v1/test', new Map([['GET', testToken]])],
  ['/api/sync/v2/contrats', new Map([['POST', fullSync]])],
  ['/api/sync/v1/contrats-diff', new Map([['POST', simulateSync]])],
  [
    '/api/sync/v1/contrats',
    new Map([
      ['GET', listing(integratedContracts)],
      ['DELETE', deleteAll],
    ]),
  ],
  ['/api/sync/v1/contrats-get-all', new Map([['GET', listing((account) => account.contrats)]])],
  [RESET_SYNC_PATH, new Map([['POST', resetSync]])],
  ['/api/v1/grades', new Map([['GET', grades]])],
  ['/api/sync/v1/calendar-group-ics', new Map([['POST', calendarGroup]])],
  ['/api/sync/v1/absences-for-student', new Map([['POST', absencesForStudent]])],
  ['/api/sync/v1/get-training-progress-by-students', new Map([['GET', trainingProgress]])],
  ['/api/sync/v2/contrats/changes', new Map([['POST', incrementalSync]])],
]);

/** The paths the API serves, for documentation and tests. */
export const API_PATHS: readonly string[] = [...ROUTES.keys()];

/**
 * Handles one request. Routing first (unknown path 404, wrong method 405), then the token (401), then
 * the endpoint. Returns the same state object when nothing changed.
 */
export function handle(state: SandboxState, request: SandboxRequest, options: HandleOptions = {}): HandleResult {
  const method = request.method.toUpperCase();
  if (request.path === ADMIN_PREFIX.slice(0, -1) || request.path.startsWith(ADMIN_PREFIX)) {
    return handleAdmin(state, { ...request, method }, options);
  }
  const methods = ROUTES.get(request.path);
  if (methods === undefined) return { state, response: routeNotFound(method, request.path) };
  const endpoint = methods.get(method);
  if (endpoint === undefined) return { state, response: methodNotAllowed(method, request.path, [...methods.keys()]) };

  const account = accountForRequest(state, request);
  if (account === undefined) return { state, response: unauthorized() };
  const outcome = endpoint(account, request);
  return {
    state: outcome.account === undefined ? state : withAccount(state, outcome.account),
    response: outcome.response,
  };
}
