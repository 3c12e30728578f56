// npm run docs: writes docs/modules.md, the users' documentation of every module, from the app as the build emits
// it (app/docs.ts; test/docs/modules.test.ts fails when the file is not what this writes).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { app } from '../app';
import { modulesDocument } from '../app/docs';
import { emitApp } from '../sdk/emit/emitApp';
import { mapReader, readEmittedApp } from '../sdk/emitted';

const emitted = readEmittedApp(mapReader(emitApp(app)));
const target = join(__dirname, '..', 'docs', 'modules.md');
writeFileSync(target, modulesDocument(emitted));
console.log(`docs: docs/modules.md written (${Object.keys(emitted.modules).length} modules)`);
