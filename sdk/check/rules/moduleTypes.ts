// search-lists: a search that iterates over a list pages, or it stops after the first page. (What a module's type
// may not have at all — `iterate` or `pagination` on an action, `wrapper` on a search — is undocumented-directive's.)
import type { EmittedApp } from '../../emitted';
import { jsonPath, type Finding } from '../findings';
import { components, isObject, requestsOf } from './walk';

export function checkModuleTypes(app: EmittedApp): Finding[] {
  const findings: Finding[] = [];
  for (const module of components(app, 'modules')) {
    const file = module.paths?.communication;
    if (typeof file !== 'string' || module.meta?.moduleType !== 'search') continue;
    for (const { request, segments } of requestsOf(module.codes?.communication)) {
      const iterates = isObject(request.response) && request.response.iterate !== undefined;
      if (!iterates || request.pagination !== undefined) continue;
      findings.push({
        severity: 'error',
        rule: 'search-lists',
        file,
        path: jsonPath(segments),
        message: `search '${module.id}' iterates over a list but has no pagination, so it stops after the first page`,
        hint: 'add pagination (e.g. {"qs": {"page": "{{pagination.page}}"}, "condition": "{{...more pages...}}"})',
      });
    }
  }
  return findings;
}
