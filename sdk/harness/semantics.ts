// Make's runtime rules that the harness follows, where the docs give a number or leave a choice open.
// Each [INF] is inferred (reference/make-runtime-semantics.md marks it so): the most likely behaviour,
// kept here, in one place, so that it is a one-line change once Make's real behaviour is confirmed.

/** Make's default HTTP request timeout (base `timeout` overrides it, up to 300 s). */
export const DEFAULT_TIMEOUT_MS = 40_000;
export const MAX_TIMEOUT_MS = 300_000;

/** [INF] Pages one module run may request before Make gives up on a pagination that never stops. No document
 * gives Make's number; this one stops a runaway loop without cutting a legitimate listing short (100,000
 * records at 100 a page). */
export const MAX_PAGES = 1000;

/** [INF] Redirects followed before giving up (the request library's default, which Make's docs describe). */
export const MAX_REDIRECTS = 10;

/** [INF] `pagination.page` is 2 on the first pagination request (the first page is the parent request). */
export const FIRST_PAGINATION_PAGE = 2;

/** Default messages when `response.error` does not give one (D:component-blocks/api/handling-responses/error). */
export function defaultErrorMessage(status: number): string {
  if (status === 429) return 'Third party API limit likely exceeded';
  if (status >= 500) return 'Service is temporarily unavailable.';
  return `Status Code Error: ${status}`;
}

/** The default error type for an HTTP error in a custom app: RuntimeError, 429 included, unless mapped
 * (D:best-practices/base/429-error-handling). [INF] The current error page says the default type "varies"
 * with the status without saying how; until that is settled, one type for all. */
export const DEFAULT_ERROR_TYPE = 'RuntimeError';

/** [INF] The fallback when `valid` is falsy and nothing names a message. */
export const INVALID_RESPONSE_MESSAGE = 'Response marked as invalid.';

/** [INF] A basic connection's own communication does not inherit the base (as documented for OAuth2). */
export const CONNECTION_INHERITS_BASE = false;

/** [INF] What an output that is no collection becomes. An action's array output is Make's documented
 * DataError; an empty output (a 204 with no body) is an empty bundle for an action and no bundle for a
 * search; a search's array output (no `iterate`) is one bundle per element ("a search expects an array"). */
export const INVALID_ACTION_OUTPUT = 'Invalid module output. Expected Object, but found Array.';

/** [INF] `iterate` on undefined or null yields no items; on any other non-array value it is an error. */
export const ITERATE_NOTHING_ON_EMPTY = true;

/** [INF] How a condition (`condition`, `valid`, `iterate.condition`, `pagination.condition`) reads its value:
 * JavaScript truthiness, except that the text "false" (what a mixed template yields) is false too. */
export function isTruthy(value: unknown): boolean {
  return Boolean(value) && value !== 'false';
}

/** What the request log shows in place of a sanitised or secret value. */
export const MASK = '********';
