// description-missing: modules have a description (shown under the label). Make's connections and RPCs have none.
import type { Rule } from '../rule';
import { jsonPath } from '../findings';
import { components, nonBlankString } from '../support/walk';

export const descriptionMissing: Rule = {
  id: 'description-missing',
  severity: 'error',
  description: "modules have a description (Make's connections and RPCs have none)",
  hint: 'describe in one or two French sentences what the module does and returns',
  check: (app) =>
    components(app, 'modules')
      .filter((module) => !nonBlankString(module.meta?.description))
      .map((module) => ({
        file: 'makecomapp.json',
        path: jsonPath(['components', 'module', module.id, 'description']),
        message: `module '${module.id}' has no description; Make shows it in the module picker and reviewers require it`,
        hint: `describe in one or two French sentences what '${module.id}' does and returns`,
      })),
};
