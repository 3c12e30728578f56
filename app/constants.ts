// Choices of the Make app itself (the API's own assumptions are in api/assumptions.ts).

/**
 * A full sync of a large school (thousands of contracts, accounts created on the platform) can take longer than
 * Make's default 40 s, and a timed-out sync would be retried whole. So requests may take up to Make's maximum,
 * 300 s.
 */
export const REQUEST_TIMEOUT_MS = 300_000;
