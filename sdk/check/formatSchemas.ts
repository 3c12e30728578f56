// Validates the files of a Make custom app's local-development layout (makecomapp.json + one JSON
// file per code section) against our own JSON Schemas in ./schemas, with findings people can act on. The
// schemas are written from those of Make's VS Code extension (the public repository integromat/vscode-apps-sdk:
// syntaxes/imljson/schemas/*.json, syntaxes/local-development/schemas/makecomapp.schema.json); each one's
// `description` names its source.
import Ajv from 'ajv';
import type { AnySchema, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';

import { findingsFromErrors, pointerToPath, type FormatFinding } from './formatErrors';
import baseSchema from './schemas/base.schema.json';
import communicationSchema from './schemas/communication.schema.json';
import connectionCommunicationSchema from './schemas/connection-communication.schema.json';
import connectionParamsSchema from './schemas/connection-params.schema.json';
import groupsSchema from './schemas/groups.schema.json';
import interfaceSchema from './schemas/interface.schema.json';
import makecomappSchema from './schemas/makecomapp.schema.json';
import mappableParamsSchema from './schemas/mappable-params.schema.json';
import parametersSchema from './schemas/parameters.schema.json';
import rpcParamsSchema from './schemas/rpc-params.schema.json';
import samplesSchema from './schemas/samples.schema.json';
import scopeSchema from './schemas/scope.schema.json';
import scopesSchema from './schemas/scopes.schema.json';
import staticParamsSchema from './schemas/static-params.schema.json';

export type { FormatFinding } from './formatErrors';
export { pointerToPath } from './formatErrors';

export type FormatKind =
  | 'makecomapp'
  | 'base'
  | 'communication'
  | 'connectionCommunication'
  | 'mappableParams'
  | 'staticParams'
  | 'interface'
  | 'connectionParams'
  | 'rpcParams'
  | 'samples'
  | 'groups'
  | 'scope'
  | 'scopes';

/** The schema (`$id`, = file name in ./schemas) each kind is validated against. */
export const FORMAT_SCHEMA_IDS: Readonly<Record<FormatKind, string>> = {
  makecomapp: 'makecomapp.schema.json',
  base: 'base.schema.json',
  communication: 'communication.schema.json',
  connectionCommunication: 'connection-communication.schema.json',
  mappableParams: 'mappable-params.schema.json',
  staticParams: 'static-params.schema.json',
  interface: 'interface.schema.json',
  connectionParams: 'connection-params.schema.json',
  rpcParams: 'rpc-params.schema.json',
  samples: 'samples.schema.json',
  groups: 'groups.schema.json',
  scope: 'scope.schema.json',
  scopes: 'scopes.schema.json',
};

/** Every schema document, including the shared parameters.schema.json that no kind uses directly. */
export const FORMAT_SCHEMAS: readonly AnySchema[] = [
  makecomappSchema,
  baseSchema,
  communicationSchema,
  connectionCommunicationSchema,
  parametersSchema,
  mappableParamsSchema,
  staticParamsSchema,
  interfaceSchema,
  connectionParamsSchema,
  rpcParamsSchema,
  samplesSchema,
  groupsSchema,
  scopeSchema,
  scopesSchema,
] as AnySchema[];

/** Annotation keywords our schemas use besides standard draft-07 ones. */
export const FORMAT_SCHEMA_KEYWORDS = ['x-antiExamples', 'x-message', 'x-hint', 'x-iml'] as const;

let sharedAjv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

/** The one Ajv instance (allErrors, verbose for the error wording) holding all format schemas. */
export function formatAjv(): Ajv {
  if (!sharedAjv) {
    const ajv = new Ajv({
      allErrors: true,
      verbose: true,
      strictSchema: true,
      strictNumbers: true,
      strictTypes: false,
      strictTuples: false,
      strictRequired: false,
    });
    addFormats(ajv);
    ajv.addVocabulary([...FORMAT_SCHEMA_KEYWORDS]);
    for (const schema of FORMAT_SCHEMAS) ajv.addSchema(schema);
    sharedAjv = ajv;
  }
  return sharedAjv;
}

function validatorFor(schemaId: string): ValidateFunction {
  let validate = validators.get(schemaId);
  if (!validate) {
    validate = formatAjv().getSchema(schemaId);
    if (!validate) throw new Error(`No format schema with $id '${schemaId}'`);
    validators.set(schemaId, validate);
  }
  return validate;
}

/** Validates a parsed document against one of ./schemas by `$id` (e.g. `parameters.schema.json`). */
export function validateWithSchema(schemaId: string, document: unknown): FormatFinding[] {
  const validate = validatorFor(schemaId);
  if (validate(document)) return [];
  return findingsFromErrors(formatAjv(), validate.errors ?? [], document);
}

/** Validates a parsed document of the given kind; [] when it is valid. */
export function validateFormat(kind: FormatKind, document: unknown): FormatFinding[] {
  const schemaId = FORMAT_SCHEMA_IDS[kind];
  if (!schemaId) throw new Error(`Unknown format kind '${String(kind)}'`);
  return validateWithSchema(schemaId, document);
}

/** Like validateFormat, for file text: the files are JSONC (comments and trailing commas allowed). */
export function validateFormatText(kind: FormatKind, text: string): FormatFinding[] {
  const errors: ParseError[] = [];
  const document: unknown = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    return errors.map((error) => {
      const before = text.slice(0, error.offset).split('\n');
      const line = before.length;
      const column = (before[before.length - 1] ?? '').length + 1;
      return {
        path: pointerToPath(''),
        message: `JSON syntax error: ${printParseErrorCode(error.error)} at line ${line}, column ${column}`,
        hint: 'Fix the syntax (the file is JSON with comments allowed).',
      };
    });
  }
  return validateFormat(kind, document);
}

// ---------------------------------------------------------------- file kinds

const COMPONENT_DIRS = new Set(['connections', 'webhooks', 'modules', 'rpcs', 'functions', 'endpoints']);

/** Suffix → kind, per component directory: the code files of each component type and their suffixes, as
 *  integromat/vscode-apps-sdk lists them (src/services/component-code-def.ts, README-local-development-for-apps.md). */
const SUFFIXES: Record<string, Array<[string, FormatKind]>> = {
  connections: [
    ['.oauth-communication.iml.json', 'connectionCommunication'],
    ['.communication.iml.json', 'connectionCommunication'],
    ['.params.iml.json', 'connectionParams'],
    ['.scope-list.iml.json', 'scopes'],
    ['.default-scope.iml.json', 'scope'],
  ],
  webhooks: [
    ['.communication.iml.json', 'communication'],
    ['.attach.iml.json', 'communication'],
    ['.detach.iml.json', 'communication'],
    ['.update.iml.json', 'communication'],
    ['.params.iml.json', 'connectionParams'],
    ['.required-scope.iml.json', 'scope'],
  ],
  modules: [
    ['.communication.iml.json', 'communication'],
    ['.static-params.iml.json', 'staticParams'],
    ['.mappable-params.iml.json', 'mappableParams'],
    ['.interface.iml.json', 'interface'],
    ['.samples.iml.json', 'samples'],
    ['.scope.iml.json', 'scope'],
  ],
  rpcs: [
    ['.communication.iml.json', 'communication'],
    ['.params.iml.json', 'rpcParams'],
    ['.parameters.iml.json', 'rpcParams'],
  ],
  endpoints: [
    ['.communication.iml.json', 'communication'],
    ['.required-scope.iml.json', 'scope'],
  ],
  functions: [],
};

/** Suffixes that say the kind on their own, for files outside a component directory. */
const UNAMBIGUOUS_SUFFIXES: Array<[string, FormatKind]> = [
  ['.oauth-communication.iml.json', 'connectionCommunication'],
  ['.communication.iml.json', 'communication'],
  ['.static-params.iml.json', 'staticParams'],
  ['.mappable-params.iml.json', 'mappableParams'],
  ['.interface.iml.json', 'interface'],
  ['.samples.iml.json', 'samples'],
  ['.scope-list.iml.json', 'scopes'],
  ['.default-scope.iml.json', 'scope'],
  ['.required-scope.iml.json', 'scope'],
  ['.scope.iml.json', 'scope'],
];

/**
 * Which kind a file of the local-dev layout is, from its path relative to the app root (or any
 * path ending like one): `makecomapp.json`, `general/base.iml.json`, `modules/groups.json`, and
 * `<type>s/<dir>/<name>.<suffix>`; `.params.iml.json` needs its `connections/`, `webhooks/` or
 * `rpcs/` directory. Undefined for files with no schema (README.md, common.json, epoch, functions…).
 */
export function formatKindOfFile(relativePath: string): FormatKind | undefined {
  const parts = relativePath.replace(/\\/g, '/').split('/').filter((p) => p !== '' && p !== '.');
  const name = parts[parts.length - 1];
  if (name === undefined) return undefined;
  const parent = parts[parts.length - 2];
  if (name === 'makecomapp.json') return 'makecomapp';
  if (parent === 'general' && (name === 'base.iml.json' || name === 'base.imljson')) return 'base';
  if (parent === 'modules' && name === 'groups.json') return 'groups';

  const typeDir = parts[parts.length - 3];
  if (typeDir !== undefined && COMPONENT_DIRS.has(typeDir)) {
    return SUFFIXES[typeDir]!.find(([suffix]) => name.endsWith(suffix) && name.length > suffix.length)?.[1];
  }
  return UNAMBIGUOUS_SUFFIXES.find(([suffix]) => name.endsWith(suffix) && name.length > suffix.length)?.[1];
}
