// What a module's type asks of its communication: action-no-iterate (an action returns one bundle: no
// `iterate`, no `pagination`) and search-lists (a search that returns a list — it iterates or wraps —
// iterates, and pages when it iterates; a search that reads one object needs neither).
import type { EmittedApp } from '../../emitted';
import { jsonPath, type Finding } from '../findings';
import { components, isObject, requestsOf } from './walk';

export function checkModuleTypes(app: EmittedApp): Finding[] {
  const findings: Finding[] = [];
  for (const module of components(app, 'modules')) {
    const file = module.paths?.communication;
    if (typeof file !== 'string') continue;
    const type = module.meta?.moduleType;
    for (const { request, segments } of requestsOf(module.codes?.communication)) {
      const response = isObject(request.response) ? request.response : {};
      const iterates = response.iterate !== undefined;
      if (type === 'action') {
        if (iterates) {
          findings.push({
            severity: 'error',
            rule: 'action-no-iterate',
            file,
            path: jsonPath([...segments, 'response', 'iterate']),
            message: `action '${module.id}' iterates; an action returns exactly one bundle`,
            hint: `remove response.iterate (return the list as one array field of the output), or make '${module.id}' a search`,
          });
        }
        if (request.pagination !== undefined) {
          findings.push({
            severity: 'error',
            rule: 'action-no-iterate',
            file,
            path: jsonPath([...segments, 'pagination']),
            message: `action '${module.id}' paginates; an action makes its requests once and returns one bundle`,
            hint: `remove pagination, or make '${module.id}' a search`,
          });
        }
      } else if (type === 'search') {
        if (!iterates && response.wrapper !== undefined) {
          findings.push({
            severity: 'error',
            rule: 'search-lists',
            file,
            path: jsonPath([...segments, 'response', 'wrapper']),
            message: `search '${module.id}' wraps its output as a list but does not iterate`,
            hint: `add response.iterate with the container of the items (e.g. "{{body.items}}"), or remove the wrapper`,
          });
        }
        if (iterates && request.pagination === undefined) {
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
    }
  }
  return findings;
}
