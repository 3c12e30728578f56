// npm run gen:types: writes app/types/*.ts from app/schemas. A test fails when they are stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { schemas } from '../app/schemas';
import { generateTypes } from '../sdk/typegen';

export const TYPES_DIR = resolve(__dirname, '..', 'app', 'types');

async function main(): Promise<void> {
  mkdirSync(TYPES_DIR, { recursive: true });
  const files = await generateTypes(schemas);
  for (const file of files) writeFileSync(join(TYPES_DIR, file.name), file.content);
  console.log(`wrote ${files.length} type files to app/types/`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
