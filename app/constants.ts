// Facts about the Campus Skills API that no document states: each assumption (**A** in
// ../shared/reference/campus-skills-api.md) lives here, once, so that confirming it is a one-line change.

/** **A**: the largest `limit` the listing endpoints serve. The API does not document it. */
export const CONTRACTS_PAGE_SIZE = 100;

/** **A**: the first page of the listing endpoints is page 1. */
export const FIRST_PAGE = 1;

/** **A**: the path of the reset endpoint (its behaviour is documented, its path is not). */
export const RESET_SYNC_PATH = '/api/sync/v1/contrats-reset';

/** **A**: the key naming a rejected contract in the newer sync response's `invalidContrats` items. */
export const REJECTED_CONTRACT_ID_KEY = 'codeContrat';

/** **A**: the key of the list of reasons (text) in the newer sync response's `invalidContrats` items. */
export const REJECTED_CONTRACT_ERRORS_KEY = 'errors';

/**
 * **A**: the platform compares emails without regard to case or surrounding spaces, as mail systems do, so
 * `Jean@X.fr` and `jean@x.fr` are the same account for rule 2 (one email = one person).
 */
export const EMAILS_ARE_CASE_INSENSITIVE = true;

/**
 * **A**: a full sync of a large school (thousands of contracts, accounts created on the platform) can take
 * longer than Make's default 40 s; a timed-out sync would be retried whole. So requests may take up to Make's
 * maximum, 300 s.
 */
export const REQUEST_TIMEOUT_MS = 300_000;

/** Documented base URLs (the product was renamed; white-label customers use their own). */
export const BASE_URLS = {
  campusSkills: 'https://app.campus-skills.com',
  ypareoSkills: 'https://app.ypareo-skills.com',
} as const;
