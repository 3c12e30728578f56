// The sandbox as a pure state machine: handle(state, request) -> {state, response}. No I/O; the HTTP
// server (server.ts) and the tests drive it. Implements every endpoint of api/endpoints.ts, per account (the
// Bearer token names the account), and the admin routes (admin.ts) under ADMIN_PREFIX.

import { handleAdmin, ADMIN_PREFIX, type AdminOptions } from './admin';
import { ENDPOINTS, type EndpointName } from '../api/endpoints';
import { parseAbsences } from './absences';
import { applyChanges } from './changes';
import { parseGroupCalendar } from './groupCalendar';
import { syncStructure, type StructureEndpoint } from './structure';
import {
  applyFullSync,
  computeDiff,
  contractListOf,
  integratedContracts,
  judgeList,
  pageOf,
  parsePaging,
} from './contracts';
import { badRequest, forbidden, methodNotAllowed, notFound, ok, routeNotFound, unauthorized } from './errors';
import { findLearner, gradesOf, isFound, isKnownLearnerEmail, trainingProgressOf } from './learners';
import { normaliseEmail } from '../api/contracts';
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

/** What the sandbox does for one endpoint of the API. */
type Handler = (account: AccountState, request: SandboxRequest) => Outcome;

const query = (request: SandboxRequest): Record<string, string | undefined> => request.query ?? {};

/** Endpoints 2 and 3: the list judged by the rules, then the diff against the sync state. */
function prepareSync(account: AccountState, body: unknown) {
  const list = contractListOf(body);
  if (typeof list === 'string') return { error: badRequest(list) } as const;
  const verdict = judgeList(list, account.syncResponseStyle);
  if (!verdict.ok) return { error: badRequest(verdict.reason) } as const;
  return { verdict, diff: computeDiff(account, verdict.valid) } as const;
}

const testToken: Handler = (account) => ({ response: ok({ value: 'token valid', name: account.name }) });

const fullSync: Handler = (account, request) => {
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

const simulateSync: Handler = (account, request) => {
  const prepared = prepareSync(account, request.body);
  if (prepared.error) return { response: prepared.error };
  return { response: ok(prepared.diff) };
};

function listing(select: (account: AccountState) => Contrat[]): Handler {
  return (account, request) => {
    const paging = parsePaging(query(request));
    if (!paging.ok) return { response: badRequest(paging.reason) };
    return { response: ok(pageOf(select(account), paging)) };
  };
}

/** Handler 6. Response body: not documented (`{ // Response }`); the sandbox answers the count deleted. */
const deleteAll: Handler = (account) => {
  if (!account.isSandbox) {
    return { response: forbidden("La suppression de tous les contrats n'est possible que sur un compte bac à sable.") };
  }
  return {
    response: ok({ success: true, deleted: account.contrats.length }),
    account: { ...account, contrats: [], syncedCodes: [], archived: [] },
  };
};

/** Handler 7: contracts kept, sync state cleared. Answers as a sync with 0 contracts (seed). */
const resetSync: Handler = (account) => ({
  response: ok({ total: 0, contrats: [] }),
  account: account.syncedCodes.length > 0 ? { ...account, syncedCodes: [] } : undefined,
});

const grades: Handler = (account, request) => {
  const learner = findLearner(account, query(request));
  return { response: isFound(learner) ? ok(gradesOf(learner)) : learner };
};

const trainingProgress: Handler = (account, request) => {
  const learner = findLearner(account, query(request));
  return { response: isFound(learner) ? ok(trainingProgressOf(learner)) : learner };
};

const calendarGroup: Handler = (account, request) => {
  const input = parseGroupCalendar(request.body);
  if (!input.ok) return { response: badRequest(input.reason) };
  const { groupId, calendarUrl } = input;
  if (!account.contrats.some((contrat) => contrat.codeGroupe === groupId)) {
    return { response: notFound(`Le groupe "${groupId}" n'existe pas parmi les contrats transmis.`) };
  }
  const calendars = account.calendars.filter((entry) => entry.groupId !== groupId);
  calendars.push({ groupId, calendarUrl });
  return { response: ok({ success: true }), account: { ...account, calendars } };
};

const absencesForStudent: Handler = (account, request) => {
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

/** Handler 12. Response body: not documented; the sandbox answers the counts and the new total. */
const incrementalSync: Handler = (account, request) => {
  const outcome = applyChanges(account, request.body);
  if (!outcome.ok) return { response: badRequest(outcome.reason) };
  return {
    response: ok({ success: true, ...outcome.summary, total: outcome.account.contrats.length }),
    account: outcome.account,
  };
};

/** The legacy v1 structure syncs (structure.ts): a refusal names each row and field. */
function structureSync(endpoint: StructureEndpoint): Handler {
  return (account, request) => {
    const outcome = syncStructure(endpoint, account, request.body);
    return outcome.ok ? { response: ok(outcome.answer), account: outcome.account } : { response: badRequest(outcome.reason) };
  };
}

/** The handler of each endpoint of the API's table. */
const HANDLERS: Record<EndpointName, Handler> = {
  testToken,
  syncContracts: fullSync,
  simulateSync,
  listIntegratedContracts: listing(integratedContracts),
  listTransmittedContracts: listing((account) => account.contrats),
  deleteAllContracts: deleteAll,
  resetSync,
  grades,
  groupCalendar: calendarGroup,
  absences: absencesForStudent,
  trainingProgress,
  contractChanges: incrementalSync,
  syncSites: structureSync('syncSites'),
  syncFormations: structureSync('syncFormations'),
  syncGroups: structureSync('syncGroups'),
};

/** The routes: path -> method -> handler, from the API's table. */
const ROUTES = new Map<string, Map<string, Handler>>();
for (const [name, endpoint] of Object.entries(ENDPOINTS) as Array<[EndpointName, (typeof ENDPOINTS)[EndpointName]]>) {
  const methods = ROUTES.get(endpoint.path) ?? new Map<string, Handler>();
  methods.set(endpoint.method, HANDLERS[name]);
  ROUTES.set(endpoint.path, methods);
}


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
