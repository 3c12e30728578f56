// iml-undeclared-connection-field: every `connection.x` an IML string reads is a connection parameter or data
// the connection saves.
import type { Rule } from '../rule';
import { jsonPath } from '../findings';
import { imlReferences } from '../support/imlReferences';

export const imlUndeclaredConnectionField: Rule = {
  id: 'iml-undeclared-connection-field',
  severity: 'error',
  description: 'every `connection.x` is a connection parameter or data the connection saves',
  hint: "add the field to the connection's params or response.data, or correct the name",
  check: (app) =>
    imlReferences(app).flatMap(({ file, segments, root, name, scope }) =>
      root !== 'connection' || !scope.connection || scope.connection.has(name)
        ? []
        : [
            {
              file,
              path: jsonPath(segments),
              message: `'connection.${name}' is neither a connection parameter nor data the connection saves`,
              hint: `add '${name}' to the connection's params or response.data (known: ${[...scope.connection].join(', ')})`,
            },
          ],
    ),
};
