// groups-unknown-module (a group lists a module the app does not have) and groups-missing-module
// (warning: a module that no group lists, so Make shows it outside every group).
import type { EmittedApp } from '../../emitted';
import { suggest } from '../../suggest';
import { jsonPath, type Finding } from '../findings';
import { isObject } from './walk';

export function checkGroups(app: EmittedApp): Finding[] {
  const file = app.generalPaths?.groups;
  const modules = Object.keys(app.modules ?? {});
  if (typeof file !== 'string') {
    return modules.length === 0
      ? []
      : [
          {
            severity: 'warning',
            rule: 'groups-missing-module',
            file: 'makecomapp.json',
            path: jsonPath(['generalCodeFiles', 'groups']),
            message: `the app has no groups file, so none of its ${modules.length} modules is in a group`,
            hint: 'add modules/groups.json ([{"label": "...", "modules": [...]}]) and list it in generalCodeFiles.groups',
          },
        ];
  }
  const groups = app.general?.groups;
  if (!Array.isArray(groups)) return []; // not a list: format-schema says so
  const findings: Finding[] = [];
  const grouped = new Set<string>();
  groups.forEach((group, g) => {
    if (!isObject(group) || !Array.isArray(group.modules)) return;
    group.modules.forEach((id, m) => {
      if (typeof id !== 'string') return;
      grouped.add(id);
      if (modules.includes(id)) return;
      const guess = suggest(id, modules);
      findings.push({
        severity: 'error',
        rule: 'groups-unknown-module',
        file,
        path: jsonPath([g, 'modules', m]),
        message: `group '${String(group.label)}' lists module '${id}', which the app does not have (modules: ${modules.join(', ')})`,
        hint: guess ? `did you mean '${guess}'?` : `remove '${id}' from the group, or add the module`,
      });
    });
  });
  // With a malformed group, which modules it meant to list is unknown: format-schema reports it, alone.
  const wellFormed = groups.every((group) => isObject(group) && Array.isArray(group.modules));
  for (const id of wellFormed ? modules : []) {
    if (grouped.has(id)) continue;
    findings.push({
      severity: 'warning',
      rule: 'groups-missing-module',
      file,
      path: '$',
      message: `module '${id}' is in no group, so Make lists it apart from the others`,
      hint: `add '${id}' to one of the groups (${groups.map((group) => `'${String((group as { label?: unknown }).label)}'`).join(', ') || 'none yet'})`,
    });
  }
  return findings;
}
