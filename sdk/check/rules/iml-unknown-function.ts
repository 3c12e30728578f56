// iml-unknown-function: every function an IML string calls is a built-in or a custom function of the app.
import { BUILTIN_FUNCTIONS } from '../../iml';
import { suggest } from '../../suggest';
import type { Rule } from '../rule';
import { jsonPath } from '../findings';
import { appFunctionCalls } from '../support/imlTemplates';
import { quoteValue } from '../../../lib/values';

export const imlUnknownFunction: Rule = {
  id: 'iml-unknown-function',
  severity: 'error',
  description: 'every function an IML string calls is a built-in or a custom function of the app',
  hint: 'use a built-in function (e.g. ifempty, length, formatDate), or add the custom function to the app',
  check(app) {
    const custom = new Set(Object.keys(app.functions ?? {}));
    const known = [...BUILTIN_FUNCTIONS.keys(), ...custom];
    return appFunctionCalls(app)
      .filter(({ call }) => !BUILTIN_FUNCTIONS.has(call.name) && !custom.has(call.name))
      .map(({ file, segments, template, call }) => {
        const guess = suggest(call.name, known);
        return {
          file,
          path: jsonPath(segments),
          message: `function '${call.name}' (offset ${call.position} of ${quoteValue(template, 120)}) is neither an IML built-in nor a custom function of the app${custom.size ? ` (custom: ${[...custom].join(', ')})` : ''}`,
          hint: guess
            ? `did you mean '${guess}'?`
            : `use a built-in function (e.g. ifempty, length, formatDate), or add a custom function '${call.name}' to the app`,
        };
      });
  },
};
