// One ajv over every API schema, so that `$ref`s between them resolve: the sandbox and the contract rules
// validate bodies with the same schemas the Make app is built from.
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { apiSchemas } from './index';

/** Every `x-...` annotation keyword the schemas use, so that ajv's strict mode accepts them. */
function annotationKeywords(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) annotationKeywords(item, found);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) found.add(key);
      annotationKeywords(value, found);
    }
  }
  return found;
}

/** ajv flags `unicode: false` as deprecated; that one notice is silenced (see compileApiSchema). */
const ajvLogger = {
  log: (...args: unknown[]) => console.log(...args),
  warn: (...args: unknown[]) => {
    if (!String(args[0]).startsWith('DEPRECATED: option unicode')) console.warn(...args);
  },
  error: (...args: unknown[]) => console.error(...args),
};

/**
 * A validator of one API schema. `unicode: false` measures lengths in UTF-16 units rather than code points:
 * much faster on large lists, and the same answer when the schema's only length rules are "not empty".
 */
export function compileApiSchema(id: string, options: { unicode?: boolean } = {}): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, unicode: options.unicode ?? true, logger: ajvLogger });
  addFormats(ajv);
  for (const keyword of annotationKeywords(apiSchemas)) ajv.addKeyword(keyword);
  for (const schema of Object.values(apiSchemas)) ajv.addSchema(schema);
  const validate = ajv.getSchema(id);
  if (!validate) throw new Error(`unknown API schema '${id}'`);
  return validate;
}
