// Every endpoint of the Campus Skills API this project uses or fakes: one table, read by the Make modules
// (their URL and method), by the sandbox (its routes) and by the docs. A test checks that the modules call only
// these and that the sandbox serves each one.
import { RESET_SYNC_PATH } from './assumptions';

/** Where a fact comes from: the platform's public documentation pages. */
export const SOURCES = {
  makeConnector: 'https://docs.campus-skills.com (page « Connecteur Make »)',
  apis: 'https://docs.campus-skills.com/synchronisations-avec-logiciels-tiers/apis',
  token: 'https://docs.campus-skills.com/recuperer-son-token',
  publicApi: 'https://docs.campus-skills.com/api-public/en-cours',
  legacyV1:
    'https://docs.campus-skills.com (page « Votre logiciel » of an earlier edition: the structure synced piece by piece, API v1)',
  assumption: 'an assumption of this project (api/assumptions.ts)',
} as const;

export interface Endpoint {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  /** What it does, in a line. */
  purpose: string;
  /** The JSON Schema (api/schemas) of the body it takes, if any. */
  request?: string;
  /** The JSON Schema of its answer, when the answer is one object or a list of one schema's objects. */
  response?: string;
  /** The documentation pages that describe it. */
  sources: ReadonlyArray<(typeof SOURCES)[keyof typeof SOURCES]>;
}

export const ENDPOINTS = {
  testToken: {
    method: 'GET',
    path: '/api/sync/v1/test',
    purpose: 'Tests the token; answers {value: "token valid", name} with the account name.',
    response: 'token-test.schema.json',
    sources: [SOURCES.token],
  },
  syncContracts: {
    method: 'POST',
    path: '/api/sync/v2/contrats',
    purpose:
      'Full sync: the list replaces the active contracts, missing ones are archived. Answers {total, contrats} or {success, validContrats, invalidContrats}.',
    request: 'contracts-request.schema.json',
    sources: [SOURCES.makeConnector, SOURCES.apis],
  },
  simulateSync: {
    method: 'POST',
    path: '/api/sync/v1/contrats-diff',
    purpose: 'Dry run of the full sync: the contracts same, added, updated and removed; nothing changes.',
    request: 'contracts-request.schema.json',
    response: 'contract-diff.schema.json',
    sources: [SOURCES.makeConnector, SOURCES.apis],
  },
  listIntegratedContracts: {
    method: 'GET',
    path: '/api/sync/v1/contrats',
    purpose: 'The integrated contracts (attached to a session by the platform), page by page (?limit=&page=).',
    response: 'contract-page.schema.json',
    sources: [SOURCES.makeConnector, SOURCES.apis],
  },
  listTransmittedContracts: {
    method: 'GET',
    path: '/api/sync/v1/contrats-get-all',
    purpose: 'Every transmitted contract, page by page (?limit=&page=).',
    response: 'contract-page.schema.json',
    sources: [SOURCES.makeConnector, SOURCES.apis],
  },
  deleteAllContracts: {
    method: 'DELETE',
    path: '/api/sync/v1/contrats',
    purpose: 'Deletes every contract of the account; sandbox accounts only.',
    sources: [SOURCES.apis],
  },
  resetSync: {
    method: 'POST',
    path: RESET_SYNC_PATH,
    purpose: 'Resets the sync state: contracts are kept, the next sync sees every contract as new.',
    sources: [SOURCES.makeConnector, SOURCES.assumption],
  },
  grades: {
    method: 'GET',
    path: '/api/v1/grades',
    purpose: "A learner's grades and skill validations, session by session (?studentId= or ?email=).",
    response: 'grades.schema.json',
    sources: [SOURCES.publicApi],
  },
  groupCalendar: {
    method: 'POST',
    path: '/api/sync/v1/calendar-group-ics',
    purpose: "Sets a group's calendar: the https address of its ICS file.",
    request: 'group-calendar-request.schema.json',
    sources: [SOURCES.apis],
  },
  absences: {
    method: 'POST',
    path: '/api/sync/v1/absences-for-student',
    purpose: "Replaces a learner's whole list of absences and late arrivals.",
    request: 'absences-request.schema.json',
    sources: [SOURCES.apis],
  },
  trainingProgress: {
    method: 'GET',
    path: '/api/sync/v1/get-training-progress-by-students',
    purpose: 'Booklet progress per learner, a list (?studentId= or ?email=).',
    response: 'training-progress.schema.json',
    sources: [SOURCES.publicApi],
  },
  contractChanges: {
    method: 'POST',
    path: '/api/sync/v2/contrats/changes',
    purpose: 'Incremental sync: only the contracts added, updated and removed (by code).',
    request: 'contract-changes-request.schema.json',
    sources: [SOURCES.apis],
  },
  syncSites: {
    method: 'POST',
    path: '/api/sync/v1/sites',
    purpose: 'Legacy v1: adds or updates sites by codeSite, removes none; answers the object sent (both assumptions).',
    request: 'v1-sites-request.schema.json',
    response: 'v1-sites-request.schema.json',
    sources: [SOURCES.legacyV1, SOURCES.assumption],
  },
  syncFormations: {
    method: 'POST',
    path: '/api/sync/v1/formations',
    purpose: 'Legacy v1: adds or updates formations by codeFormation, removes none; answers the object sent (both assumptions).',
    request: 'v1-formations-request.schema.json',
    response: 'v1-formations-request.schema.json',
    sources: [SOURCES.legacyV1, SOURCES.assumption],
  },
  syncGroups: {
    method: 'POST',
    path: '/api/sync/v1/groups',
    purpose:
      'Legacy v1: adds or updates groups by codeGroupe, each on a site and for a formation synced before; removes none; answers the object sent (both assumptions).',
    request: 'v1-groups-request.schema.json',
    response: 'v1-groups-request.schema.json',
    sources: [SOURCES.legacyV1, SOURCES.assumption],
  },
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof ENDPOINTS;
