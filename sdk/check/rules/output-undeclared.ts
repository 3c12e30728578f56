// output-undeclared (a warning): the keys a module outputs are declared in its interface, else users cannot map
// them.
import type { ComponentFiles } from '../../emitted';
import { fieldsByName } from '../../params/conformance';
import { suggest } from '../../suggest';
import type { Rule, RuleFinding } from '../rule';
import { jsonPath } from '../findings';
import type { PathSegments } from '../../../lib/paths';
import { isPlainObject } from '../../../lib/values';
import { components, requestsOf, type JsonObject } from '../support/walk';

export const outputUndeclared: Rule = {
  id: 'output-undeclared',
  severity: 'warning',
  description: 'the keys a module outputs (`response.wrapper`, else `response.output`) are declared in its interface',
  hint: 'declare the key in the interface, or stop outputting it',
  check: (app) => components(app, 'modules').flatMap(undeclaredOutputs),
};

function undeclaredOutputs(module: ComponentFiles): RuleFinding[] {
  const file = module.paths?.communication;
  const spec = module.codes?.interface;
  if (typeof file !== 'string' || !Array.isArray(spec)) return [];
  const requests = requestsOf(module.codes.communication);
  const last = requests[requests.length - 1];
  if (!last || !isPlainObject(last.request.response)) return [];
  const response = last.request.response;
  // The bundle is the wrapper when there is one (it runs last), else the output.
  const key = response.wrapper !== undefined ? 'wrapper' : 'output';
  const produced = response[key];
  if (!isPlainObject(produced)) return [];
  const findings: RuleFinding[] = [];
  const visit = (value: JsonObject, fields: unknown[], segments: PathSegments, where: string): void => {
    const declared = fieldsByName(fields);
    for (const [name, item] of Object.entries(value)) {
      const param = declared.get(name);
      if (!param) {
        const guess = suggest(name, [...declared.keys()]);
        findings.push({
          file,
          path: jsonPath([...segments, name]),
          message: `'${module.id}' outputs '${name}', which ${where} does not declare, so users cannot map it (declared: ${[...declared.keys()].join(', ') || 'none'})`,
          hint: guess ? `did you mean '${guess}'?` : `declare '${name}' in the interface, or stop outputting it`,
        });
      } else if (isPlainObject(item) && param.type === 'collection' && Array.isArray(param.spec)) {
        visit(item, param.spec, [...segments, name], `the fields of '${name}' in the interface`);
      }
    }
  };
  visit(produced, spec, [...last.segments, 'response', key], 'the interface');
  return findings;
}
