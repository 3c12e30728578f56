// The import rules between top folders hold: every source file of the repository is read, each relative import
// resolved to its top folder and checked against IMPORT_RULES (test/importRules.ts, shown in
// docs/architecture.md). A failure names the file, the line, the import and the rule it breaks.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkImports, folderOf, IMPORT_RULES, readRepository, relativeImports } from './importRules';

const ROOT = join(__dirname, '..');

describe('the import rules', () => {
  const repository = readRepository(ROOT);

  it('read the whole repository, and nothing of node_modules or dist', () => {
    const files = Object.keys(repository);
    for (const known of ['lib/values.ts', 'api/endpoints.ts', 'sdk/harness/run.ts', 'modules/syncContracts.ts', 'sandbox/state.ts', 'scripts/build.ts', 'vitest.config.mts']) {
      expect(files).toContain(known);
    }
    expect(files.filter((f) => f.startsWith('node_modules/') || f.startsWith('dist/'))).toEqual([]);
    // Most files import something: an empty result would mean the scanner reads nothing.
    expect(Object.values(repository).flatMap(relativeImports).length).toBeGreaterThan(200);
  });

  it('hold for every import of the repository', () => {
    expect(checkImports(repository).map((v) => v.message)).toEqual([]);
  });
});

describe('the import checker', () => {
  it('reports a folder importing one it may not, naming the file, line, import and rule', () => {
    const violations = checkImports({
      'sdk/x.ts': "import type { Y } from '../app/y';\n",
      'sandbox/z.ts': "// the sandbox\nimport { w } from '../sdk/w';\n",
    });
    expect(violations).toEqual([
      {
        file: 'sandbox/z.ts',
        line: 2,
        specifier: '../sdk/w',
        message:
          "sandbox/z.ts:2 imports '../sdk/w' (sdk/): sandbox/ may import only api/, lib/ (a fake of the API: it meets the app only over HTTP, as Make and the real API do)",
      },
      {
        file: 'sdk/x.ts',
        line: 1,
        specifier: '../app/y',
        message: "sdk/x.ts:1 imports '../app/y' (app/): sdk/ may import only lib/ (the Make platform, knowing nothing of Campus Skills)",
      },
    ]);
  });

  it.each([
    ['lib imports nothing of the project', 'lib/a.ts', "import { b } from '../api/b';", 'api/'],
    ['api knows nothing of Make', 'api/a.ts', "export { b } from '../sdk/b';", 'sdk/'],
    ['api knows nothing of the app', 'api/contracts/a.ts', "export * from '../../app/b';", 'app/'],
    ['sdk knows nothing of Campus Skills', 'sdk/harness/a.ts', "const b = require('../../api/b');", 'api/'],
    ['sdk, by a dynamic import', 'sdk/a.ts', "async function f() { return import('../modules/b'); }", 'modules/'],
    ['the sandbox never imports the app', 'sandbox/a.ts', "import '../app';", 'app/'],
    ['definitions do not import the sandbox', 'modules/a.ts', "import { b } from '../sandbox/b';", 'sandbox/'],
    ['nothing imports scripts (app)', 'app/a.ts', "import { b } from '../scripts/b';", 'scripts/'],
    ['nothing imports scripts (test)', 'test/e2e/a.test.ts', "import { b } from '../../scripts/b';", 'scripts/'],
    ['nothing imports tests', 'sandbox/a.ts', "import { b } from '../test/helpers/b';", 'test/'],
  ])('reports it: %s', (_name, file, source, folder) => {
    const [violation, ...rest] = checkImports({ [file]: source });
    expect(rest).toEqual([]);
    expect(violation.file).toBe(file);
    expect(violation.message).toContain(`(${folder})`);
    expect(violation.message).toContain(`${file.split('/')[0]}/ may import`);
  });

  it('reports an import that leaves the repository, and a folder without a rule', () => {
    expect(
      checkImports({
        'app/a.ts': "import notes from '../../elsewhere/notes.json';",
        'notes/weekly.ts': "import { app } from '../app';",
      }).map((v) => v.message),
    ).toEqual([
      "app/a.ts:1 imports '../../elsewhere/notes.json', outside the repository: import only the repository's own files",
      'notes/weekly.ts: its folder notes/ has no import rule: add it to IMPORT_RULES (test/importRules.ts) and docs/architecture.md',
    ]);
  });

  it('accepts what the table allows, and reads no import in comments or strings', () => {
    expect(
      checkImports({
        'app/index.ts': "import { m } from '../modules/m';\nimport type { Base } from '../sdk/types';\nimport { E } from '../api/endpoints';",
        'modules/m.ts': "import { c } from '../connections/c';\nimport { s } from '../app/schemas';\nimport { v } from '../lib/values';",
        'sandbox/state.ts': "import { check } from '../api/contracts';\nimport { x } from './types';\n// import { app } from '../app';",
        'sdk/harness/run.ts': "import { iml } from '../iml';\nconst text = \"import { app } from '../../app'\";",
        'scripts/build.ts': "import { app } from '../app';\nimport { emit } from '../sdk/emit/emitApp';",
        'test/x.test.ts': "import { app } from '../app';\nimport { handle } from '../sandbox/state';\nimport config from '../vitest.config.mts';",
        'lib/values.ts': "import { other } from './other';",
      }),
    ).toEqual([]);
  });

  it('knows each top folder by its first path segment', () => {
    expect(folderOf('sdk/harness/run.ts')).toBe('sdk');
    expect(folderOf('app')).toBe('app');
    expect(folderOf('vitest.config.mts')).toBe('(root)');
    expect(folderOf('docs/x.ts')).toBeUndefined();
    // Nothing may import scripts/ but scripts/ itself.
    expect(Object.entries(IMPORT_RULES).filter(([, rule]) => rule.mayImport.includes('scripts'))).toEqual([]);
  });
});
