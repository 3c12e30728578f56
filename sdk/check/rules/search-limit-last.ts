// search-limit-last: a search's optional maximum count is its last input, as Make's app review wants it (the
// review checklist of the public repository KatBen-Make/make-apps-cursor-rules puts the limit last in a search).
import type { Rule, RuleFinding } from '../rule';
import { jsonPath } from '../findings';
import { isPlainObject } from '../../../lib/values';
import { components, type JsonObject } from '../support/walk';

const COUNT_TYPES = new Set(['uinteger', 'integer', 'number']);

/** An optional maximum count: not required, a number, named `limit`/`max...` or labelled as a maximum. */
export function isLimitInput(param: JsonObject): boolean {
  if (param.required === true || !COUNT_TYPES.has(String(param.type))) return false;
  const name = typeof param.name === 'string' ? param.name : '';
  const label = typeof param.label === 'string' ? param.label : '';
  return /^(limit|max[A-Z_]\w*|maxResults|max)$/i.test(name) || /\b(max(imum|imal|\.)?|limite?)\b/i.test(label);
}

export const searchLimitLast: Rule = {
  id: 'search-limit-last',
  severity: 'error',
  description: "a search's optional maximum count (`limit`, or labelled as a maximum) is its last input",
  hint: "move the maximum count to the end of the module's inputs",
  check(app) {
    const findings: RuleFinding[] = [];
    for (const module of components(app, 'modules')) {
      if (module.meta?.moduleType !== 'search') continue;
      // Make shows the static parameters first, then the mappable ones.
      const inputs: Array<{ param: JsonObject; file: string; index: number }> = [];
      for (const code of ['staticParams', 'mappableParams']) {
        const list = module.codes?.[code];
        const file = module.paths?.[code];
        if (!Array.isArray(list) || typeof file !== 'string') continue;
        list.forEach((param, index) => {
          if (isPlainObject(param)) inputs.push({ param, file, index });
        });
      }
      inputs.forEach(({ param, file, index }, position) => {
        if (!isLimitInput(param) || position === inputs.length - 1) return;
        const after = inputs.slice(position + 1).map((input) => `'${String(input.param.name)}'`);
        findings.push({
          file,
          path: jsonPath([index]),
          message: `the maximum count '${String(param.name)}' of search '${module.id}' is input ${position + 1} of ${inputs.length} (followed by ${after.join(', ')}); Make's review wants it last`,
          hint: `move '${String(param.name)}' to the end of the module's inputs`,
        });
      });
    }
    return findings;
  },
};
