// rate-limit-mapped: the base maps HTTP 429 to RateLimitError (so Make backs off and retries), and no module or
// RPC maps it to something else.
import type { Rule, RuleFinding } from '../rule';
import { jsonPath } from '../findings';
import type { PathSegments } from '../../../lib/paths';
import { isPlainObject, quoteValue } from '../../../lib/values';
import { components, requestsOf } from '../support/walk';

const RATE_LIMIT = 'RateLimitError';

export const rateLimitMapped: Rule = {
  id: 'rate-limit-mapped',
  severity: 'error',
  description: 'the base maps HTTP 429 to `RateLimitError`, and no module or RPC maps it to something else',
  hint: 'set response.error["429"] to {"type": "RateLimitError", "message": "<message en français>"} in the base',
  check(app) {
    const findings: RuleFinding[] = [];
    const baseFile = app.generalPaths?.base;
    if (typeof baseFile !== 'string') {
      findings.push({
        file: 'makecomapp.json',
        path: jsonPath(['generalCodeFiles', 'base']),
        message: 'the app has no base, so nothing maps HTTP 429 to RateLimitError (Make would treat it as a RuntimeError)',
        hint: 'add a base with response.error {"429": {"type": "RateLimitError", "message": "..."}}',
      });
    } else {
      const base = app.general?.base;
      const error = isPlainObject(base) && isPlainObject(base.response) ? base.response.error : undefined;
      const { type, segments } = typeForStatus(error, '429');
      if (!mapsToRateLimit(type)) {
        const where = error === undefined ? (isPlainObject(base) && isPlainObject(base.response) ? ['response'] : []) : ['response', 'error', ...segments];
        findings.push({
          file: baseFile,
          path: jsonPath(where),
          message: `the base maps HTTP 429 to ${type === undefined ? 'nothing (Make then raises a RuntimeError)' : quoteValue(type)}, not to RateLimitError, so Make does not back off and retry when the API rate-limits`,
        });
      }
    }
    // A module or an RPC that maps 429 itself overrides the base.
    for (const component of [...components(app, 'modules'), ...components(app, 'rpcs')]) {
      const file = component.paths?.communication;
      if (typeof file !== 'string') continue;
      for (const { request, segments } of requestsOf(component.codes?.communication)) {
        const error = isPlainObject(request.response) ? request.response.error : undefined;
        if (!isPlainObject(error) || error['429'] === undefined) continue;
        const mapped = typeForStatus(error, '429');
        if (mapsToRateLimit(mapped.type)) continue;
        findings.push({
          file,
          path: jsonPath([...segments, 'response', 'error', ...mapped.segments]),
          message: `'${component.id}' maps HTTP 429 to ${mapped.type === undefined ? 'no type (RuntimeError)' : quoteValue(mapped.type)} instead of RateLimitError, overriding the base`,
          hint: 'use "type": "RateLimitError" for 429, or remove the entry to inherit the base mapping',
        });
      }
    }
    return findings;
  },
};

/** The error type a `response.error` gives a status: its own entry's type, else the generic type. */
function typeForStatus(error: unknown, status: string): { type: unknown; segments: PathSegments } {
  if (!isPlainObject(error)) return { type: undefined, segments: [] };
  const entry = error[status];
  if (isPlainObject(entry) && entry.type !== undefined) return { type: entry.type, segments: [status, 'type'] };
  return { type: error.type, segments: entry !== undefined ? [status] : [] };
}

function mapsToRateLimit(type: unknown): boolean {
  return typeof type === 'string' && (type === RATE_LIMIT || (type.includes('{{') && type.includes(RATE_LIMIT)));
}
