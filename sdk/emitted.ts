// Reads an emitted app (dist/: makecomapp.json + code files) back into one object. The harness and the
// checks both work from this, so that what they see is exactly what ships to Make.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';

export interface ComponentFiles {
  id: string;
  /** makecomapp.json metadata (label, moduleType, connection, ...), without codeFiles. */
  meta: Record<string, unknown>;
  /** code type → parsed content (JSON code files) or text (.js, .md). */
  codes: Record<string, unknown>;
  /** code type → relative file path. */
  paths: Record<string, string>;
}

export interface EmittedApp {
  manifest: Record<string, unknown>;
  general: { base: unknown; common: unknown; readme: string | undefined; groups: unknown };
  generalPaths: Record<string, string | null>;
  connections: Record<string, ComponentFiles>;
  modules: Record<string, ComponentFiles>;
  rpcs: Record<string, ComponentFiles>;
  functions: Record<string, ComponentFiles>;
}

/** A file's text by its path relative to the app root; undefined when the file is missing. */
export type FileReader = (relativePath: string) => string | undefined;

export class EmittedAppError extends Error {}

export function directoryReader(root: string): FileReader {
  return (relativePath) => {
    const full = join(root, relativePath);
    return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
  };
}

export function mapReader(files: Array<{ path: string; content: string }>): FileReader {
  const byPath = new Map(files.map((f) => [f.path, f.content]));
  return (relativePath) => byPath.get(relativePath);
}

export function readEmittedApp(read: FileReader): EmittedApp {
  const manifest = parseCode(read, 'makecomapp.json') as Record<string, unknown>;
  const generalPaths = (manifest.generalCodeFiles ?? {}) as Record<string, string | null>;
  const general = {
    base: loadOptional(read, generalPaths.base),
    common: loadOptional(read, generalPaths.common),
    readme: generalPaths.readme ? read(generalPaths.readme) : undefined,
    groups: loadOptional(read, generalPaths.groups),
  };
  const components = (manifest.components ?? {}) as Record<string, Record<string, Record<string, unknown> | null>>;
  const load = (type: string): Record<string, ComponentFiles> =>
    Object.fromEntries(
      Object.entries(components[type] ?? {})
        .filter(([, meta]) => meta !== null)
        .map(([id, meta]) => {
          const { codeFiles, ...rest } = meta as { codeFiles?: Record<string, string | null> };
          const paths = Object.fromEntries(
            Object.entries(codeFiles ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
          );
          const codes = Object.fromEntries(Object.entries(paths).map(([code, path]) => [code, parseCode(read, path)]));
          return [id, { id, meta: rest, codes, paths }];
        }),
    );
  return {
    manifest,
    general,
    generalPaths,
    connections: load('connection'),
    modules: load('module'),
    rpcs: load('rpc'),
    functions: load('function'),
  };
}

function loadOptional(read: FileReader, path: string | null | undefined): unknown {
  return path ? parseCode(read, path) : undefined;
}

/** JSON code files are JSONC (comments allowed); .js and .md files are kept as text. */
function parseCode(read: FileReader, path: string): unknown {
  const text = read(path);
  if (text === undefined) throw new EmittedAppError(`${path}: file is missing (listed in makecomapp.json)`);
  if (!path.endsWith('.json')) return text;
  const errors: ParseError[] = [];
  const value = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const first = errors[0];
    throw new EmittedAppError(`${path}: invalid JSON (${printParseErrorCode(first.error)} at offset ${first.offset})`);
  }
  return value;
}
