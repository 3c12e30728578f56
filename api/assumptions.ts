// Facts about the Campus Skills API that no documentation page states. Each lives here, once, with why it is
// believed, so that confirming or correcting it is a one-line change (docs/api.md lists them).

/** The largest `limit` the listing endpoints serve. The API names `limit` without a maximum; 100 is the usual cap
 * of paged APIs. A client asks for this many a page, and a shorter page is the last one (so a smaller real cap
 * would end a listing after its first page). */
export const CONTRACTS_PAGE_SIZE = 100;

/** The first page of the listing endpoints is page 1: the API documents `page` as the number of the page to
 * fetch, which reads as counting from 1 (counting from 0, a listing would skip its first page). */
export const FIRST_PAGE = 1;

/** The path of the reset endpoint: its behaviour is documented, its path is not; this one follows the other
 * contract routes (`contrats-diff`, `contrats-get-all`). */
export const RESET_SYNC_PATH = '/api/sync/v1/contrats-reset';

/** The key naming a rejected contract in the items of `invalidContrats` (newer sync response), which the API does
 * not describe: a contract is named by `codeContrat` everywhere else. If wrong, rejected contracts are listed
 * "(sans code)"; their count stays right. */
export const REJECTED_CONTRACT_ID_KEY = 'codeContrat';

/** The key of the list of reasons (text) in the items of `invalidContrats`: the plain reading of an item that
 * must say why. If wrong, rejected contracts are listed without their reasons. */
export const REJECTED_CONTRACT_ERRORS_KEY = 'errors';

/**
 * The platform compares emails without regard to case or surrounding spaces, as mail systems do, so
 * `Jean@X.fr` and `jean@x.fr` are the same account for rule 2 (one email = one person).
 */
export const EMAILS_ARE_CASE_INSENSITIVE = true;

/** The documented addresses of the platform, before and after its renaming (not a guess: kept here as a fact
 * the connection depends on). White-label customers have their own, which the connection takes as a custom URL. */
export const BASE_URLS = {
  campusSkills: 'https://app.campus-skills.com',
  ypareoSkills: 'https://app.ypareo-skills.com',
} as const;

/**
 * What the v1 structure syncs (`syncSites`, `syncFormations`, `syncGroups`) answer. Their page shows a 200 whose
 * example is empty. The one v1 sync answer that edition describes is the v1 contract sync's, on its « Nos APIs »
 * page: the contracts "in the same structure as sent"; the structure syncs are read the same way: the answer is
 * the object sent, its rows under the body's own key, which these name. If wrong (an empty 200, say), the three
 * modules stop with a DataError quoting what came: a run to correct here, never a success the platform did not state.
 */
export const V1_SYNC_ANSWER_KEYS = { syncSites: 'sites', syncFormations: 'formations', syncGroups: 'groupes' } as const;

/**
 * A v1 structure sync adds and updates by code and removes nothing: a row whose code the platform already has
 * replaces that row (a site renamed, a group moved to another formation), a new code is added, and a site,
 * formation or group left out of a call stays. The page calls each code the row's unique identifier in the
 * school's software and says nothing of removal (where the contract sync says a missing contract is archived),
 * and a group names its site and formation, which a replaced list could take away from under it. If wrong (false:
 * each call replaces the whole list), a school that sends its sites in several calls would keep only the last.
 */
export const V1_SYNC_UPSERTS = true;
