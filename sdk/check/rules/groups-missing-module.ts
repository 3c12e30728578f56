// groups-missing-module (a warning): every module is in a group, else Make shows it apart from the others.
import type { Rule } from '../rule';
import { jsonPath } from '../findings';
import { isPlainObject } from '../../../lib/values';

export const groupsMissingModule: Rule = {
  id: 'groups-missing-module',
  severity: 'warning',
  description: 'every module is in a group',
  hint: 'add the module to one of the groups of modules/groups.json',
  check(app) {
    const file = app.generalPaths?.groups;
    const modules = Object.keys(app.modules ?? {});
    if (typeof file !== 'string') {
      return modules.length === 0
        ? []
        : [
            {
              file: 'makecomapp.json',
              path: jsonPath(['generalCodeFiles', 'groups']),
              message: `the app has no groups file, so none of its ${modules.length} modules is in a group`,
              hint: 'add modules/groups.json ([{"label": "...", "modules": [...]}]) and list it in generalCodeFiles.groups',
            },
          ];
    }
    const groups = app.general?.groups;
    // With a malformed group, which modules it meant to list is unknown: format-schema reports it, alone.
    if (!Array.isArray(groups) || !groups.every((group) => isPlainObject(group) && Array.isArray(group.modules))) return [];
    const grouped = new Set(groups.flatMap((group) => (group as { modules: unknown[] }).modules));
    const labels = groups.map((group) => `'${String((group as { label?: unknown }).label)}'`).join(', ') || 'none yet';
    return modules
      .filter((id) => !grouped.has(id))
      .map((id) => ({
        file,
        path: '$',
        message: `module '${id}' is in no group, so Make lists it apart from the others`,
        hint: `add '${id}' to one of the groups (${labels})`,
      }));
  },
};
