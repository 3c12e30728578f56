// Facts about the Campus Skills API that no documentation page states. Each lives here, once, with why it is
// believed, so that confirming or correcting it is a one-line change (docs/api.md lists them).

/** The largest `limit` the listing endpoints serve. The API does not document it; a client asks for this many a
 * page, and a shorter page is the last one. */
export const CONTRACTS_PAGE_SIZE = 100;

/** The first page of the listing endpoints is page 1. */
export const FIRST_PAGE = 1;

/** The path of the reset endpoint: its behaviour is documented, its path is not. */
export const RESET_SYNC_PATH = '/api/sync/v1/contrats-reset';

/** The key naming a rejected contract in the items of `invalidContrats` (newer sync response). */
export const REJECTED_CONTRACT_ID_KEY = 'codeContrat';

/** The key of the list of reasons (text) in the items of `invalidContrats`. */
export const REJECTED_CONTRACT_ERRORS_KEY = 'errors';

/**
 * The platform compares emails without regard to case or surrounding spaces, as mail systems do, so
 * `Jean@X.fr` and `jean@x.fr` are the same account for rule 2 (one email = one person).
 */
export const EMAILS_ARE_CASE_INSENSITIVE = true;

/** The documented addresses of the platform (the product was renamed; white-label customers have their own). */
export const BASE_URLS = {
  campusSkills: 'https://app.campus-skills.com',
  ypareoSkills: 'https://app.ypareo-skills.com',
} as const;
