// The sandbox's state and its protocol with the outside (the HTTP server, tests). Everything in the state
// is plain JSON (arrays rather than maps), so that it can be saved and reloaded as is.

/** A contract as stored: what the client sent, once it passed the rules (type generated from contrat.schema.json). */
export type { Contrat } from '../api/types/contrat';
import type { Contrat } from '../api/types/contrat';

/** How the full sync (`syncContracts`) answers: the `makeConnector` page's `{total, contrats}` or the `apis` page's newer
 * `{success, validContrats, invalidContrats}` (the pages of SOURCES in api/endpoints.ts; docs/api.md, « Syncing contracts »). */
export type SyncResponseStyle = 'total' | 'valid-invalid';

export const SYNC_RESPONSE_STYLES: readonly SyncResponseStyle[] = ['total', 'valid-invalid'];

/** Data the platform would compute for a learner, configured by hand in the sandbox. */
export interface LearnerData {
  /** The learner's id as sent in the sync (codeApprenant). */
  studentId: string;
  /** The learner's email, to find them by `?email=` when they are not in the account's contracts. */
  email?: string;
  /** The body `grades` answers (grades and skill validations) for this learner. */
  grades?: Record<string, unknown>;
  /** This learner's object in the array `trainingProgress` answers (booklet progress). */
  trainingProgress?: Record<string, unknown>;
}

/** One absence or late arrival (`absences`), with the field names of the older edition of the `apis` page, which
 * the schema keeps (type generated from absences-request.schema.json; docs/api.md, « Absences »). */
export type { Absence } from '../api/types/absences-request';
import type { Absence } from '../api/types/absences-request';

export interface AccountState {
  /** A stable id for the admin routes (not secret). */
  id: string;
  /** The name `testToken` answers. */
  name: string;
  /** The API token (Bearer) of this account. */
  token: string;
  /** Only a sandbox account may delete all its contracts (`deleteAllContracts`). */
  isSandbox: boolean;
  syncResponseStyle: SyncResponseStyle;
  /** Groups (codeGroupe) the platform team has configured: their contracts are "intégrés". */
  integratedGroups: string[];
  /** The transmitted (active) contracts, in the order of the last sync. */
  contrats: Contrat[];
  /**
   * The sync state: codes of the contracts the next full sync compares against (for same / updated).
   * Equal to the active contracts' codes after a sync; emptied by a reset (`resetSync`).
   */
  syncedCodes: string[];
  /** Contracts a sync removed: kept in history, no longer listed. */
  archived: Contrat[];
  /** Number of syncs applied (full or incremental). */
  syncCount: number;
  /** ICS links per group (`groupCalendar`). */
  calendars: Array<{ groupId: string; calendarUrl: string }>;
  /** Absences per learner (`absences`); `email` as normalised by the contract rules. */
  absences: Array<{ email: string; data: Absence[] }>;
  learners: LearnerData[];
  /** The structure the legacy v1 syncs keep (sites, formations, groups); absent until the first of them, so that
   * a state saved before they existed loads as is. */
  structure?: V1Structure;
}

/** A site, a formation and a group of the legacy v1 structure (types generated from api/schemas/v1-*.schema.json). */
export type { Site } from '../api/types/v1-site';
export type { Formation } from '../api/types/v1-formation';
export type { Groupe } from '../api/types/v1-groupe';
import type { Site } from '../api/types/v1-site';
import type { Formation } from '../api/types/v1-formation';
import type { Groupe } from '../api/types/v1-groupe';

/** The sites, formations and groups of an account, each list in the order the codes first came. */
export interface V1Structure {
  sites: Site[];
  formations: Formation[];
  groupes: Groupe[];
}

export interface SandboxState {
  version: 1;
  /** The first account is the primary one (the token the server prints at start). */
  accounts: AccountState[];
}

export interface SandboxRequest {
  method: string;
  /** The URL path, without query string. */
  path: string;
  query?: Record<string, string | undefined>;
  /** Header names in any case. */
  headers?: Record<string, string | string[] | undefined>;
  /** The parsed JSON body, undefined when there was none. */
  body?: unknown;
}

export interface SandboxResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface HandleResult {
  /** The new state; the same object as the input when nothing changed. */
  state: SandboxState;
  response: SandboxResponse;
}

/** Every error body, as the real API: a code and a French reason. */
export interface ErrorBody {
  error: string;
  reason: string;
}
