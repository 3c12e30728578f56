// search-lists: a search that iterates over a list pages, or it stops after the first page. (What a module's type
// may not have at all — `iterate` or `pagination` on an action, `wrapper` on a search — is undocumented-directive's.)
import type { Rule } from '../rule';
import { jsonPath } from '../findings';
import { isPlainObject } from '../../../lib/values';
import { components, requestsOf } from '../support/walk';

export const searchLists: Rule = {
  id: 'search-lists',
  severity: 'error',
  description: 'a search that iterates paginates (else it stops after the first page)',
  hint: 'add pagination (e.g. {"qs": {"page": "{{pagination.page}}"}, "condition": "{{...more pages...}}"})',
  check: (app) =>
    components(app, 'modules').flatMap((module) => {
      const file = module.paths?.communication;
      if (typeof file !== 'string' || module.meta?.moduleType !== 'search') return [];
      return requestsOf(module.codes?.communication)
        .filter(({ request }) => isPlainObject(request.response) && request.response.iterate !== undefined && request.pagination === undefined)
        .map(({ segments }) => ({
          file,
          path: jsonPath(segments),
          message: `search '${module.id}' iterates over a list but has no pagination, so it stops after the first page`,
        }));
    }),
};
