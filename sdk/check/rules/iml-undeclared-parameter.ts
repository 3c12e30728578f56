// iml-undeclared-parameter: every `parameters.x` an IML string reads is declared where Make will look for it.
import type { Rule } from '../rule';
import { jsonPath } from '../findings';
import { imlReferences } from '../support/imlReferences';

export const imlUndeclaredParameter: Rule = {
  id: 'iml-undeclared-parameter',
  severity: 'error',
  description: "every `parameters.x` of a communication is one of the component's inputs",
  hint: 'declare the parameter in the inputs, or correct the name',
  check: (app) =>
    imlReferences(app).flatMap(({ file, segments, root, name, scope }) =>
      root !== 'parameters' || !scope.parameters || scope.parameters.has(name)
        ? []
        : [
            {
              file,
              path: jsonPath(segments),
              message: `'parameters.${name}' is used but not declared in ${scope.parametersSource}`,
              hint: `declare a parameter named '${name}', or correct the name (declared: ${[...scope.parameters].join(', ') || 'none'})`,
            },
          ],
    ),
};
