// npm run gen:types: writes the TS types of the API's payloads (api/types) and of the modules' outputs
// (app/types) from their JSON Schemas. A test fails when they are stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TYPE_SETS } from '../app/typeSets';

async function main(): Promise<void> {
  for (const set of TYPE_SETS) {
    mkdirSync(set.directory, { recursive: true });
    const files = await set.generate();
    for (const file of files) writeFileSync(join(set.directory, file.name), file.content);
    console.log(`wrote ${files.length} type files to ${set.source.replace('schemas', 'types')}/`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
