// label-missing: modules, connections and RPCs have a label: Make shows it wherever users pick them.
import type { Rule, RuleFinding } from '../rule';
import { jsonPath } from '../findings';
import { components, LABELLED_KINDS, nonBlankString } from '../support/walk';

export const labelMissing: Rule = {
  id: 'label-missing',
  severity: 'error',
  description: 'modules, connections and RPCs have a label',
  hint: 'give the component a label in French',
  check(app) {
    const findings: RuleFinding[] = [];
    for (const [type, key] of LABELLED_KINDS) {
      for (const component of components(app, key)) {
        if (nonBlankString(component.meta?.label)) continue;
        findings.push({
          file: 'makecomapp.json',
          path: jsonPath(['components', type, component.id, 'label']),
          message: `${type} '${component.id}' has no label; Make shows the label wherever users pick the ${type}`,
          hint: `give '${component.id}' a label in French${type === 'module' ? ', starting with a verb (e.g. "Récupérer les contrats")' : ''}`,
        });
      }
    }
    return findings;
  },
};
