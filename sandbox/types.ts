// The sandbox's state and its protocol with the outside (the HTTP server, tests). Everything in the state
// is plain JSON (arrays rather than maps), so that it can be saved and reloaded as is.

/** A contract as stored: what the client sent, once it passed the rules (type generated from contrat.schema.json). */
export type { Contrat } from '../api/types/contrat';
import type { Contrat } from '../api/types/contrat';

/** How the full sync (endpoint 2) answers: the seed's `{total, contrats}` or the newer `{success, validContrats, invalidContrats}`. */
export type SyncResponseStyle = 'total' | 'valid-invalid';

export const SYNC_RESPONSE_STYLES: readonly SyncResponseStyle[] = ['total', 'valid-invalid'];

/** Data the platform would compute for a learner, configured by hand in the sandbox. */
export interface LearnerData {
  /** The learner's id as sent in the sync (codeApprenant). */
  studentId: string;
  /** The learner's email, to find them by `?email=` when they are not in the account's contracts. */
  email?: string;
  /** The body of endpoint 8 (grades and skill validations) for this learner. */
  grades?: Record<string, unknown>;
  /** This learner's object in the array of endpoint 11 (booklet progress). */
  trainingProgress?: Record<string, unknown>;
}

/** One absence or late arrival (endpoint 10), with the seed's field names (type generated from absences-request.schema.json). */
export type { Absence } from '../api/types/absences-request';
import type { Absence } from '../api/types/absences-request';

export interface AccountState {
  /** A stable id for the admin routes (not secret). */
  id: string;
  /** The name endpoint 1 answers. */
  name: string;
  /** The API token (Bearer) of this account. */
  token: string;
  /** Only a sandbox account may delete all its contracts (endpoint 6). */
  isSandbox: boolean;
  syncResponseStyle: SyncResponseStyle;
  /** Groups (codeGroupe) the platform team has configured: their contracts are "intégrés". */
  integratedGroups: string[];
  /** The transmitted (active) contracts, in the order of the last sync. */
  contrats: Contrat[];
  /**
   * The sync state: codes of the contracts the next full sync compares against (for same / updated).
   * Equal to the active contracts' codes after a sync; emptied by a reset (endpoint 7).
   */
  syncedCodes: string[];
  /** Contracts a sync removed: kept in history, no longer listed. */
  archived: Contrat[];
  /** Number of syncs applied (full or incremental). */
  syncCount: number;
  /** ICS links per group (endpoint 9). */
  calendars: Array<{ groupId: string; calendarUrl: string }>;
  /** Absences per learner (endpoint 10); `email` as normalised by the contract rules. */
  absences: Array<{ email: string; data: Absence[] }>;
  learners: LearnerData[];
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
