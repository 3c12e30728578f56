// format-schema: every emitted file against our JSON Schema of its Make format (sdk/check/schemas).
import type { Rule, RuleFinding } from '../rule';
import { FORMAT_SCHEMA_IDS, formatKindOfFile, validateFormat } from '../formatSchemas';
import { jsonPath } from '../findings';
import type { PathSegments } from '../../../lib/paths';
import { appFiles } from '../support/walk';

export const formatSchema: Rule = {
  id: 'format-schema',
  severity: 'error',
  description: 'every file against our JSON Schema of its Make format (`sdk/check/schemas/`): keys, types, enums',
  hint: "see the file's format, with examples, in its JSON Schema in sdk/check/schemas/",
  check(app) {
    const findings: RuleFinding[] = [];
    for (const { file, value } of appFiles(app)) {
      const kind = formatKindOfFile(file);
      if (kind === undefined) continue;
      for (const problem of validateFormat(kind, value)) {
        findings.push({
          file,
          path: normalizePath(problem.path),
          message: problem.message,
          hint: problem.hint || `see the ${kind} format, with examples, in sdk/check/schemas/${FORMAT_SCHEMA_IDS[kind]}`,
        });
      }
    }
    return findings;
  },
};

/**
 * The format validator writes `$[0].response.error['401']`; findings use `jsonPath` (`$[0].response.error.401`).
 * A path that does not read as either is kept as it is.
 */
export function normalizePath(path: string): string {
  const segments = parseBracketPath(path);
  return segments ? jsonPath(segments) : path;
}

function parseBracketPath(path: string): PathSegments | undefined {
  if (!path.startsWith('$')) return undefined;
  const segments: PathSegments = [];
  let i = 1;
  while (i < path.length) {
    if (path[i] === '.') {
      const match = /^[^.[\]]+/.exec(path.slice(i + 1));
      if (!match) return undefined;
      segments.push(match[0]);
      i += 1 + match[0].length;
    } else if (path[i] === '[') {
      const index = /^\[(\d+)\]/.exec(path.slice(i));
      if (index) {
        segments.push(Number(index[1]));
        i += index[0].length;
        continue;
      }
      const quoteChar = path[i + 1];
      if (quoteChar !== "'" && quoteChar !== '"') return undefined;
      let key = '';
      let j = i + 2;
      for (; j < path.length && path[j] !== quoteChar; j++) {
        if (path[j] === '\\' && j + 1 < path.length) j++;
        key += path[j];
      }
      if (path[j + 1] !== ']') return undefined;
      segments.push(key);
      i = j + 2;
    } else {
      return undefined;
    }
  }
  return segments;
}
