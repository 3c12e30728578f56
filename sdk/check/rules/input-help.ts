// input-help: every input of a module or a connection has a help, nested and spec fields included.
import type { ComponentFiles } from '../../emitted';
import type { Rule, RuleFinding } from '../rule';
import { jsonPath } from '../findings';
import { quoteValue } from '../../../lib/values';
import { components, nonBlankString, walkParameters } from '../support/walk';

/** Parameters with nothing to explain: a banner is itself text, a hidden field is not shown. */
const SILENT_TYPES = new Set(['banner', 'hidden']);

export const inputHelp: Rule = {
  id: 'input-help',
  severity: 'error',
  description: 'every input of modules and connections has a help, nested, option-nested and `spec` fields included',
  hint: 'add a "help" in French that says what to enter, with an example or the expected format',
  check(app) {
    const findings: RuleFinding[] = [];
    const inputs: Array<[ComponentFiles, string, string]> = [
      ...components(app, 'modules').flatMap((m) => [[m, 'staticParams', 'module'], [m, 'mappableParams', 'module']] as Array<[ComponentFiles, string, string]>),
      ...components(app, 'connections').map((c) => [c, 'params', 'connection'] as [ComponentFiles, string, string]),
    ];
    for (const [component, code, type] of inputs) {
      const file = component.paths?.[code];
      if (typeof file !== 'string') continue;
      for (const { param, segments, via } of walkParameters(component.codes?.[code])) {
        // The item spec of an array is shown through its array's own help.
        if (via === 'item' || SILENT_TYPES.has(String(param.type)) || nonBlankString(param.help)) continue;
        const name = typeof param.name === 'string' ? param.name : '(no name)';
        findings.push({
          file,
          path: jsonPath(segments),
          message: `input '${name}'${nonBlankString(param.label) ? ` (${quoteValue(param.label)})` : ''} of ${type} '${component.id}' has no help`,
          hint: `add a "help" in French that says what to enter in '${name}', with an example or the expected format`,
        });
      }
    }
    return findings;
  },
};
