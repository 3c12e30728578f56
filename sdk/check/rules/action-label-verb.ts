// action-label-verb (a warning; French apps only): an action's label starts with a French infinitive.
import type { Rule } from '../rule';
import { jsonPath } from '../findings';
import { declaresFrench, firstWord, isFrenchInfinitive } from '../support/french';
import { quoteValue } from '../../../lib/values';
import { components, nonBlankString } from '../support/walk';

export const actionLabelVerb: Rule = {
  id: 'action-label-verb',
  severity: 'warning',
  description: 'an action\'s label starts with a French infinitive ("Tester", "Synchroniser"; heuristic, for an app that declares French)',
  hint: 'start with what the action does, e.g. "Créer …", "Mettre à jour …", "Supprimer …", "Synchroniser …"',
  check: (app, declarations) =>
    !declaresFrench(declarations)
      ? []
      : components(app, 'modules').flatMap((module) => {
          const label = module.meta?.label;
          if (module.meta?.moduleType !== 'action' || !nonBlankString(label)) return [];
          const word = firstWord(label);
          if (isFrenchInfinitive(word)) return [];
          return [
            {
              file: 'makecomapp.json',
              path: jsonPath(['components', 'module', module.id, 'label']),
              message: `the label of action '${module.id}' (${quoteValue(label)}) starts with '${word}', not with a French verb in the infinitive`,
            },
          ];
        }),
};
