// iml-argument-count: a built-in function gets a number of arguments it accepts.
import { BUILTIN_FUNCTIONS } from '../../iml';
import type { Rule } from '../rule';
import { jsonPath } from '../findings';
import { appFunctionCalls } from '../support/imlTemplates';
import { quoteValue } from '../../../lib/values';

export const imlArgumentCount: Rule = {
  id: 'iml-argument-count',
  severity: 'error',
  description: 'a built-in gets a number of arguments it accepts',
  hint: 'call the function with the number of arguments it takes; arguments are separated by commas',
  check: (app) =>
    appFunctionCalls(app).flatMap(({ file, segments, template, call }) => {
      const builtin = BUILTIN_FUNCTIONS.get(call.name);
      if (!builtin || (call.argumentCount >= builtin.minArgs && call.argumentCount <= builtin.maxArgs)) return [];
      return [
        {
          file,
          path: jsonPath(segments),
          message: `function '${call.name}' expects ${expected(builtin)}, got ${call.argumentCount} (offset ${call.position} of ${quoteValue(template, 120)})`,
          hint: `call '${call.name}' with ${expected(builtin)}; arguments are separated by commas`,
        },
      ];
    }),
};

function expected({ minArgs, maxArgs }: { minArgs: number; maxArgs: number }): string {
  const plural = (n: number): string => `${n} argument${n === 1 ? '' : 's'}`;
  if (maxArgs === Infinity) return `at least ${plural(minArgs)}`;
  if (minArgs === maxArgs) return plural(minArgs);
  return `${minArgs} to ${maxArgs} arguments`;
}
