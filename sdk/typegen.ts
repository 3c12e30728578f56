// TypeScript types from the JSON Schemas (json-schema-to-typescript), one file per schema.
import { compile } from 'json-schema-to-typescript';
import type { JsonSchema } from './params/fromJsonSchema';

export interface GeneratedFile {
  /** File name, e.g. `contrat.ts` for `contrat.schema.json`. */
  name: string;
  content: string;
}

export interface TypeGeneration {
  /** Where the schemas live, for the banner ("api/schemas"). */
  source: string;
  /** Schemas the generated ones may reference, by `$id` (default: the generated ones). */
  referable?: Record<string, JsonSchema>;
  /** The module a referenced schema's type is imported from (default: `./<name>`, a sibling file). */
  importPath?: (schemaId: string) => string;
}

/** One file per schema of `schemas`; a `$ref` to another schema becomes an import of its type. */
export async function generateTypes(schemas: Record<string, JsonSchema>, options: TypeGeneration): Promise<GeneratedFile[]> {
  const referable = options.referable ?? schemas;
  const importPath = options.importPath ?? ((id: string) => `./${fileOf(id).replace(/\.ts$/, '')}`);
  const banner = `/* Generated from ${options.source} by \`npm run gen:types\`. Do not edit: change the schema and regenerate. */`;
  const files: GeneratedFile[] = [];
  for (const [id, schema] of Object.entries(schemas).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const content = await compile(forTypes(schema, referable) as never, schema.title ?? id, {
      bannerComment: banner,
      additionalProperties: false,
      declareExternallyReferenced: true,
      format: true,
      style: { singleQuote: true, printWidth: 120 },
      // Every $ref was replaced by its type's name (forTypes): nothing is ever read from disk or network.
      $refOptions: { resolve: { file: false, http: false } } as never,
    });
    files.push({ name: fileOf(id), content: withImports(content, schema, referable, importPath) });
  }
  return files;
}

function fileOf(schemaId: string): string {
  return schemaId.replace(/\.schema\.json$/, '.ts');
}

/** `import type { Contrat } from './contrat';` for every other schema this one references. */
function withImports(
  content: string,
  schema: JsonSchema,
  schemas: Record<string, JsonSchema>,
  importPath: (schemaId: string) => string,
): string {
  const referenced = [...new Set(collectRefs(schema))].filter((ref) => ref !== schema.$id).sort();
  if (referenced.length === 0) return content;
  const imports = referenced.map((ref) => {
    const target = schemas[ref];
    if (!target?.title) throw new Error(`${schema.$id}: $ref '${ref}' names no known schema with a title`);
    return `import type { ${target.title} } from '${importPath(ref)}';`;
  });
  const [banner, ...rest] = content.split('\n');
  return [banner, '', ...imports, ...rest].join('\n');
}

function collectRefs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(collectRefs);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => (key === '$ref' && typeof item === 'string' ? [item] : collectRefs(item)));
}

/**
 * json-schema-to-typescript turns every `title` into a named type alias (`type CodeDuContrat = string`).
 * Scalars keep only their description (a doc comment); objects keep their title as the interface name.
 */
function forTypes(schema: JsonSchema, schemas: Record<string, JsonSchema>): JsonSchema {
  // A $ref to another schema becomes its type's name, imported (withImports): each type is written once.
  if (schema.$ref && schemas[schema.$ref]?.title) return { tsType: schemas[schema.$ref].title };
  const copy: JsonSchema = { ...schema };
  const isObject = copy.type === 'object' || copy.properties !== undefined;
  if (!isObject && copy.$id === undefined) delete copy.title;
  if (copy.properties) {
    copy.properties = Object.fromEntries(Object.entries(copy.properties).map(([k, v]) => [k, forTypes(v, schemas)]));
  }
  if (copy.items) copy.items = forTypes(copy.items, schemas);
  return copy;
}
