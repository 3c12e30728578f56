// The TS types generated from the JSON Schemas: the API's payloads into api/types, the modules' output shapes
// into app/types (which import the API's types they reference). `npm run gen:types` writes them; a test
// compares them with what is committed.
import { join } from 'node:path';
import { apiSchemas } from '../api/schemas';
import { moduleSchemas, schemas } from './schemas';
import { generateTypes, type GeneratedFile } from '../sdk/typegen';
import type { JsonSchema } from '../sdk/params/fromJsonSchema';

export interface TypeSet {
  source: string;
  directory: string;
  generate: () => Promise<GeneratedFile[]>;
}

const ROOT = join(__dirname, '..');

export const TYPE_SETS: TypeSet[] = [
  {
    source: 'api/schemas',
    directory: join(ROOT, 'api', 'types'),
    generate: () => generateTypes(apiSchemas as Record<string, JsonSchema>, { source: 'api/schemas' }),
  },
  {
    source: 'app/schemas',
    directory: join(ROOT, 'app', 'types'),
    generate: () =>
      generateTypes(moduleSchemas, {
        source: 'app/schemas',
        referable: schemas,
        importPath: (id) => `${id in moduleSchemas ? '.' : '../../api/types'}/${id.replace(/\.schema\.json$/, '')}`,
      }),
  },
];
