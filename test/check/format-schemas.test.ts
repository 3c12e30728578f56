// The format schemas (sdk/check/schemas) test themselves: every `examples` entry must validate and every
// `x-antiExamples` entry must fail with its findings exactly at the expected path. Then a few tests pin the
// wording of findings (typo suggestions, enum lists, oneOf collapse) and the file → kind mapping.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { editDistance, suggest } from '../../sdk/suggest';
import {
  FORMAT_SCHEMA_IDS,
  FORMAT_SCHEMAS,
  formatAjv,
  formatKindOfFile,
  pointerToPath,
  validateFormat,
  validateFormatText,
  validateWithSchema,
  type FormatFinding,
  type FormatKind,
} from '../../sdk/check/formatSchemas';

interface AntiExample {
  document: unknown;
  path: string;
  why: string;
}

interface SchemaFile {
  file: string;
  schema: Record<string, unknown> & { $id: string; examples?: unknown[]; 'x-antiExamples'?: AntiExample[] };
}

const SCHEMA_DIR = path.join(__dirname, '../../sdk/check/schemas');
const schemaFiles: SchemaFile[] = fs
  .readdirSync(SCHEMA_DIR)
  .filter((f) => f.endsWith('.schema.json'))
  .sort()
  .map((file) => ({ file, schema: JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8')) }));

/** Wording Ajv uses for combinators; a finding that says it has not been made readable. */
const RAW_AJV_WORDING = /must match (exactly one|a schema|"then"|"else")|must NOT be valid|property name must be valid/;

/** Schemas that describe the richest formats carry more examples. */
const RICH = new Set(['communication.schema.json', 'parameters.schema.json']);

function collectRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => collectRefs(n, out));
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'examples' || key === 'x-antiExamples') continue;
      if (key === '$ref' && typeof value === 'string') out.push(value);
      else collectRefs(value, out);
    }
  }
  return out;
}

function paths(findings: FormatFinding[]): string[] {
  return findings.map((f) => f.path);
}

describe('format schemas: examples and anti-examples', () => {
  it('finds every schema file', () => {
    expect(schemaFiles.length).toBeGreaterThanOrEqual(14);
  });

  for (const { file, schema } of schemaFiles) {
    describe(file, () => {
      it('is a draft-07 schema whose $id is its file name, valid against the meta-schema', () => {
        expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
        expect(schema.$id).toBe(file);
        expect(formatAjv().validateSchema(schema), JSON.stringify(formatAjv().errors)).toBe(true);
      });

      it('names the file in every $ref (so branches can be re-validated on their own)', () => {
        for (const ref of collectRefs(schema)) {
          expect(ref.startsWith('#'), `${file}: local $ref ${ref}`).toBe(false);
          const target = ref.split('#')[0]!;
          expect(target.endsWith('.schema.json') || target === 'http://json-schema.org/draft-07/schema', ref).toBe(true);
        }
      });

      it('carries enough examples and anti-examples', () => {
        expect(schema.examples?.length ?? 0).toBeGreaterThanOrEqual(RICH.has(file) ? 6 : 3);
        expect(schema['x-antiExamples']?.length ?? 0).toBeGreaterThanOrEqual(RICH.has(file) ? 10 : 4);
      });

      (schema.examples ?? []).forEach((example, index) => {
        it(`accepts example #${index}`, () => {
          expect(validateWithSchema(schema.$id, example)).toEqual([]);
        });
      });

      (schema['x-antiExamples'] ?? []).forEach((anti, index) => {
        it(`rejects anti-example #${index} at ${anti.path || '(root)'}: ${anti.why}`, () => {
          const expected = pointerToPath(anti.path, anti.document);
          const findings = validateWithSchema(schema.$id, anti.document);
          expect(findings.length, 'the anti-example validated').toBeGreaterThan(0);
          expect(paths(findings), JSON.stringify(findings, null, 2)).toContain(expected);
          // One defect → findings only where it is: no echo from collapsed oneOf/anyOf branches.
          for (const finding of findings) {
            expect(finding.path, JSON.stringify(findings, null, 2)).toBe(expected);
            expect(finding.message).not.toMatch(RAW_AJV_WORDING);
            expect(finding.message.length).toBeGreaterThan(0);
            expect(finding.hint.length, `no hint for: ${finding.message}`).toBeGreaterThan(0);
          }
        });
      });
    });
  }
});

describe('format kinds', () => {
  it('maps every kind to a schema file, and uses every schema file except the shared parameters one', () => {
    const ids = new Set(schemaFiles.map((s) => s.schema.$id));
    for (const id of Object.values(FORMAT_SCHEMA_IDS)) expect(ids.has(id), id).toBe(true);
    const used = new Set([...Object.values(FORMAT_SCHEMA_IDS), 'parameters.schema.json']);
    for (const id of ids) expect(used.has(id), `${id} is not used by any kind`).toBe(true);
    expect(FORMAT_SCHEMAS.length).toBe(schemaFiles.length);
  });

  it('compiles the schemas once and reuses them', () => {
    expect(formatAjv()).toBe(formatAjv());
    const first = formatAjv().getSchema('communication.schema.json');
    validateFormat('communication', { url: '/x' });
    expect(formatAjv().getSchema('communication.schema.json')).toBe(first);
  });

  it('rejects an unknown kind', () => {
    expect(() => validateFormat('epoch' as FormatKind, {})).toThrow(/Unknown format kind/);
  });

  const cases: Array<[string, FormatKind | undefined]> = [
    ['makecomapp.json', 'makecomapp'],
    ['src/makecomapp.json', 'makecomapp'],
    ['general/base.iml.json', 'base'],
    ['general/base.imljson', 'base'],
    ['modules/groups.json', 'groups'],
    ['README.md', undefined],
    ['general/common.json', undefined],
    ['modules/get-user/get-user.communication.iml.json', 'communication'],
    ['modules/get-user/get-user.static-params.iml.json', 'staticParams'],
    ['modules/get-user/get-user.mappable-params.iml.json', 'mappableParams'],
    ['modules/get-user/get-user.interface.iml.json', 'interface'],
    ['modules/get-user/get-user.samples.iml.json', 'samples'],
    ['modules/get-user/get-user.scope.iml.json', 'scope'],
    ['modules/watch-users/watch-users.epoch.iml.json', undefined],
    ['modules/groups/groups.communication.iml.json', 'communication'],
    ['modules/rpcs/rpcs.interface.iml.json', 'interface'],
    ['connections/api-key/api-key.communication.iml.json', 'connectionCommunication'],
    ['connections/oauth2/oauth2.oauth-communication.iml.json', 'connectionCommunication'],
    ['connections/api-key/api-key.params.iml.json', 'connectionParams'],
    ['connections/api-key/api-key.common.json', undefined],
    ['connections/oauth2/oauth2.scope-list.iml.json', 'scopes'],
    ['connections/oauth2/oauth2.default-scope.iml.json', 'scope'],
    ['rpcs/list-lists/list-lists.communication.iml.json', 'communication'],
    ['rpcs/list-lists/list-lists.params.iml.json', 'rpcParams'],
    ['webhooks/events/events.attach.iml.json', 'communication'],
    ['webhooks/events/events.params.iml.json', 'connectionParams'],
    ['webhooks/events/events.required-scope.iml.json', 'scope'],
    ['endpoints/search/search.required-scope.iml.json', 'scope'],
    ['functions/format-phone/format-phone.code.js', undefined],
    ['dist\\modules\\get-user\\get-user.samples.iml.json', 'samples'],
    ['./modules/get-user/get-user.interface.iml.json', 'interface'],
    ['get-user.mappable-params.iml.json', 'mappableParams'],
    ['get-user.params.iml.json', undefined],
    ['', undefined],
  ];
  it.each(cases)('formatKindOfFile(%j) → %s', (file, kind) => {
    expect(formatKindOfFile(file)).toBe(kind);
  });
});

describe('finding wording', () => {
  it('names a misspelt key and suggests the right one', () => {
    const findings = validateFormat('communication', { url: '/contacts', methd: 'GET' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: '$.methd' });
    expect(findings[0]!.message).toBe("unknown key 'methd' (did you mean 'method'?)");
    expect(findings[0]!.hint).toMatch(/^Rename it to 'method' or remove it\. Allowed keys: url, method, /);
  });

  it('does not guess when no key is close', () => {
    const [finding] = validateFormat('communication', { url: '/contacts', zzz: 1 });
    expect(finding!.message).toBe("unknown key 'zzz'");
  });

  it('reports a typo of a required key once, as the typo', () => {
    const findings = validateFormat('groups', [{ lable: 'Contacts', modules: [] }]);
    expect(findings).toEqual([expect.objectContaining({ path: '$[0].lable', message: expect.stringContaining("did you mean 'label'") })]);
  });

  it('lists the allowed values of an enum, says IML is accepted, and suggests the closest', () => {
    const [finding] = validateFormat('communication', [
      { url: '/me', response: { error: { message: 'x', 401: { message: 'Bad key', type: 'InvalidAccesTokenError' } } } },
    ]);
    expect(finding!.path).toBe("$[0].response.error['401'].type");
    for (const type of ['RuntimeError', 'DataError', 'RateLimitError', 'OutOfSpaceError', 'ConnectionError', 'InvalidConfigurationError', 'InvalidAccessTokenError', 'IncompleteDataError', 'DuplicateDataError']) {
      expect(finding!.message).toContain(`'${type}'`);
    }
    expect(finding!.message).toContain('IML expression');
    expect(finding!.message).toContain("did you mean 'InvalidAccessTokenError'?");
    expect(finding!.hint).toBe("Use 'InvalidAccessTokenError'.");
  });

  it('accepts IML where an enum allows it, and only there', () => {
    expect(validateFormat('communication', { url: '/x', method: '{{parameters.method}}', type: '{{parameters.encoding}}' })).toEqual([]);
    expect(validateFormat('communication', { url: '/x', response: { error: { message: 'x', type: '{{if(statusCode = 429, "RateLimitError", "DataError")}}' } } })).toEqual([]);
    expect(validateFormat('mappableParams', [{ name: 'v', type: '{{parameters.kind}}' }])).toEqual([]);
    const [finding] = validateFormat('communication', { url: '/x', response: { metadata: { value: 'x', type: '{{parameters.kind}}' } } });
    expect(finding!.path).toBe('$.response.metadata.type');
    expect(finding!.message).not.toContain('IML');
  });

  it('collapses the request-or-array oneOf into the errors of the array branch', () => {
    const findings = validateFormat('communication', [
      { url: '/a', methd: 'GET' },
      { url: '/b', method: 'POST' },
    ]);
    expect(paths(findings)).toEqual(['$[0].methd', '$[1]']);
    expect(findings[1]!.message).toBe("a POST/PUT/PATCH request needs 'body'");
    for (const f of findings) expect(f.message).not.toMatch(RAW_AJV_WORDING);
  });

  it('collapses the oneOf into the errors of the object branch', () => {
    const findings = validateFormat('communication', { url: '/a', method: 'PATCH', body: {}, response: { iterate: 42 } });
    expect(findings).toEqual([{ path: '$.response.iterate', message: 'must be a string or an object (got integer)', hint: expect.any(String) }]);
  });

  it('reports one type error when no oneOf branch fits the value', () => {
    expect(validateFormat('communication', 'GET /contacts')).toEqual([
      {
        path: '$',
        message: 'must be an object or an array (got string)',
        hint: 'A communication is one request object, or an array of request objects (chained calls).',
      },
    ]);
  });

  it('follows the spec oneOf down to the real error', () => {
    const findings = validateFormat('interface', [
      { name: 'rows', type: 'array', spec: [{ name: 'qty', type: 'integer', validate: { mni: 1 } }] },
    ]);
    expect(findings).toEqual([expect.objectContaining({ path: '$[0].spec[0].validate.mni', message: "unknown key 'mni' (did you mean 'min'?)" })]);
  });

  it('reports several independent problems, each at its place', () => {
    const findings = validateFormat('mappableParams', [
      { name: 'a', type: 'text', requried: true },
      { name: 'b', type: 'select', options: [{ label: 'X' }] },
      { label: 'no name', type: 'text' },
    ]);
    expect(paths(findings).sort()).toEqual(['$[0].requried', '$[1].options[0]', '$[2]']);
  });

  it('explains IDs that break the ID rules, by key', () => {
    const [finding] = validateFormat('makecomapp', {
      fileVersion: 1,
      generalCodeFiles: { base: null, common: null, readme: null, groups: null },
      components: { connection: { 'api-key-': { connectionType: 'basic', codeFiles: {} } }, webhook: {}, module: {}, rpc: {}, function: {}, endpoint: {} },
      origins: [],
    });
    expect(finding).toMatchObject({ path: "$.components.connection['api-key-']", message: "'api-key-' is not a valid connection/webhook ID" });
    expect(finding!.hint).toMatch(/letters, digits or dashes/);
  });
});

describe('validateFormatText (JSONC)', () => {
  it('accepts comments and trailing commas', () => {
    const text = '// scopes the module needs\n[\n  "contacts.read", /* and */ "contacts.write",\n]\n';
    expect(validateFormatText('scope', text)).toEqual([]);
  });

  it('reports syntax errors with their line', () => {
    const findings = validateFormatText('samples', '{\n  "id": 1\n  "email": "a@b.c"\n}');
    expect(findings[0]).toMatchObject({ path: '$', message: expect.stringMatching(/^JSON syntax error: CommaExpected at line 3, column 3/) });
  });

  it('validates the parsed document', () => {
    expect(paths(validateFormatText('scope', '["ok", ""]'))).toEqual(['$[1]']);
  });
});

describe('helpers', () => {
  it('writes JSONPath-ish paths, telling indexes from numeric keys', () => {
    const doc = [{ response: { error: { '401': { type: 'x' } } }, headers: { 'X-Id': [1, 2] } }];
    expect(pointerToPath('', doc)).toBe('$');
    expect(pointerToPath('/0/response/error/401/type', doc)).toBe("$[0].response.error['401'].type");
    expect(pointerToPath('/0/headers/X-Id/1', doc)).toBe("$[0].headers['X-Id'][1]");
    expect(pointerToPath('/a~1b/it~0s', { 'a/b': { 'it~s': 1 } })).toBe("$['a/b']['it~s']");
    expect(pointerToPath("/it's")).toBe("$['it\\'s']");
    expect(pointerToPath('/2/name')).toBe('$[2].name');
  });

  it('measures typos with transpositions as one edit', () => {
    expect(editDistance('lable', 'label')).toBe(1);
    expect(editDistance('methd', 'method')).toBe(1);
    expect(suggest('headres', ['url', 'headers', 'qs'])).toBe('headers');
    expect(suggest('HEADERS', ['headers'])).toBe('headers');
    expect(suggest('qq', ['url', 'headers'])).toBeUndefined();
  });
});
