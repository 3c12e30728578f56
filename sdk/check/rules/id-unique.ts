// id-unique: no two ids of one component type differ only by case or dashes.
import type { Rule, RuleFinding } from '../rule';
import { jsonPath } from '../findings';

export const idUnique: Rule = {
  id: 'id-unique',
  severity: 'error',
  description: 'no two ids of one component type differ only by case or dashes',
  hint: 'give each component a distinct id',
  check(app) {
    const findings: RuleFinding[] = [];
    const kinds = { module: app.modules, rpc: app.rpcs, function: app.functions, connection: app.connections };
    for (const [type, components] of Object.entries(kinds)) {
      // Make folds ids into one directory per component (kebab case): two ids that fold alike collide.
      const seen = new Map<string, string>();
      for (const id of Object.keys(components)) {
        const folded = id.toLowerCase().replace(/-/g, '');
        const other = seen.get(folded);
        if (other !== undefined) {
          findings.push({
            file: 'makecomapp.json',
            path: jsonPath(['components', type, id]),
            message: `${type} id '${id}' is the same as '${other}' but for case or dashes`,
          });
        }
        seen.set(folded, id);
      }
    }
    return findings;
  },
};
