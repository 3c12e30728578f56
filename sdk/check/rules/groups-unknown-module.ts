// groups-unknown-module: a group lists only modules the app has.
import { suggest } from '../../suggest';
import type { Rule, RuleFinding } from '../rule';
import { jsonPath } from '../findings';
import { isPlainObject } from '../../../lib/values';

export const groupsUnknownModule: Rule = {
  id: 'groups-unknown-module',
  severity: 'error',
  description: '`modules/groups.json` lists existing modules only',
  hint: 'remove the module from the group, or add the module',
  check(app) {
    const file = app.generalPaths?.groups;
    const groups = app.general?.groups;
    // No groups file is groups-missing-module's; a groups file that is not a list, format-schema's.
    if (typeof file !== 'string' || !Array.isArray(groups)) return [];
    const modules = Object.keys(app.modules ?? {});
    const findings: RuleFinding[] = [];
    groups.forEach((group, g) => {
      if (!isPlainObject(group) || !Array.isArray(group.modules)) return;
      group.modules.forEach((id, m) => {
        if (typeof id !== 'string' || modules.includes(id)) return;
        const guess = suggest(id, modules);
        findings.push({
          file,
          path: jsonPath([g, 'modules', m]),
          message: `group '${String(group.label)}' lists module '${id}', which the app does not have (modules: ${modules.join(', ')})`,
          hint: guess ? `did you mean '${guess}'?` : `remove '${id}' from the group, or add the module`,
        });
      });
    });
    return findings;
  },
};
