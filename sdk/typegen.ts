// TypeScript types from the JSON Schemas (json-schema-to-typescript), one file per schema.
import { compile } from 'json-schema-to-typescript';
import type { JsonSchema } from './params/fromJsonSchema';

export interface GeneratedFile {
  /** File name, e.g. `contrat.ts` for `contrat.schema.json`. */
  name: string;
  content: string;
}

const BANNER = '/* Generated from app/schemas by `npm run gen:types`. Do not edit: change the schema and regenerate. */';

export async function generateTypes(schemas: Record<string, JsonSchema>): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  for (const [id, schema] of Object.entries(schemas).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const content = await compile(forTypes(schema) as never, schema.title ?? id, {
      bannerComment: BANNER,
      additionalProperties: false,
      declareExternallyReferenced: true,
      format: true,
      style: { singleQuote: true, printWidth: 120 },
      // $refs point at sibling schemas by $id: hand them over from memory, never from disk or network.
      $refOptions: {
        resolve: {
          file: false,
          http: false,
          memory: {
            order: 1,
            canRead: (file: { url: string }) => Object.keys(schemas).some((known) => file.url.endsWith(known)),
            read: (file: { url: string }) => {
              const known = Object.keys(schemas).find((k) => file.url.endsWith(k));
              return JSON.stringify(forTypes(schemas[known as string]));
            },
          },
        },
      } as never,
    });
    files.push({ name: id.replace(/\.schema\.json$/, '.ts'), content });
  }
  return files;
}

/**
 * json-schema-to-typescript turns every `title` into a named type alias (`type CodeDuContrat = string`).
 * Scalars keep only their description (a doc comment); objects keep their title as the interface name.
 */
function forTypes(schema: JsonSchema): JsonSchema {
  const copy: JsonSchema = { ...schema };
  const isObject = copy.type === 'object' || copy.properties !== undefined;
  if (!isObject && copy.$id === undefined) delete copy.title;
  if (copy.properties) {
    copy.properties = Object.fromEntries(Object.entries(copy.properties).map(([k, v]) => [k, forTypes(v)]));
  }
  if (copy.items) copy.items = forTypes(copy.items);
  return copy;
}
