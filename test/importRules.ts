// Which top folder of the repository may import which: the one table of these rules. test/architecture.test.ts
// checks every source file against it, and docs/architecture.md shows it as importRulesTable() writes it
// (test/docs.test.ts keeps the two equal). To change a rule, change IMPORT_RULES and paste the new table.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import ts from 'typescript';

/** A top folder of the repository, or `(root)` for the files at the top (configuration). */
export type Folder =
  | 'lib'
  | 'api'
  | 'sdk'
  | 'app'
  | 'connections'
  | 'modules'
  | 'rpcs'
  | 'scenarios'
  | 'sandbox'
  | 'bench'
  | 'scripts'
  | 'test'
  | '(root)';

export interface FolderRule {
  /** The other folders its files may import (a folder may always import its own files). */
  mayImport: readonly Folder[];
  /** What the folder is, and so why it may import only these. */
  why: string;
}

/** The four folders of the app's definitions, which use the API, the platform and each other. */
const DEFINITIONS: readonly Folder[] = ['app', 'connections', 'modules', 'rpcs'];

function definitionRule(folder: Folder): FolderRule {
  return {
    mayImport: ['api', 'sdk', 'lib', ...DEFINITIONS.filter((f) => f !== folder)],
    why: 'the Make app: the API (api/) written with the platform (sdk/)',
  };
}

/** The rules, in the order of the data flow (docs/architecture.md). */
export const IMPORT_RULES: Readonly<Record<Folder, FolderRule>> = {
  lib: { mayImport: [], why: 'tiny shared helpers, under everything: they know nothing of the project' },
  api: { mayImport: ['lib'], why: 'the Campus Skills API as the project knows it, knowing nothing of Make' },
  sdk: { mayImport: ['lib'], why: 'the Make platform, knowing nothing of Campus Skills' },
  app: definitionRule('app'),
  connections: definitionRule('connections'),
  modules: definitionRule('modules'),
  rpcs: definitionRule('rpcs'),
  scenarios: {
    mayImport: ['api', 'sdk', 'lib', ...DEFINITIONS],
    why: 'the scenario templates: Make blueprints written with the app (its modules) and the platform (sdk/)',
  },
  sandbox: {
    mayImport: ['api', 'lib'],
    why: 'a fake of the API: it meets the app only over HTTP, as Make and the real API do',
  },
  bench: {
    mayImport: ['lib', 'api', 'sdk', 'app', 'connections', 'modules', 'rpcs', 'scenarios', 'sandbox'],
    why: 'the benchmark figures (npm run bench): they measure the rest against floors, and only scripts/ and test/ import them',
  },
  scripts: {
    mayImport: ['lib', 'api', 'sdk', 'app', 'connections', 'modules', 'rpcs', 'scenarios', 'sandbox', 'bench', 'test', '(root)'],
    why: 'command-line entries: they wire the rest together, and nothing imports them',
  },
  test: {
    mayImport: ['lib', 'api', 'sdk', 'app', 'connections', 'modules', 'rpcs', 'scenarios', 'sandbox', 'bench', '(root)'],
    why: 'tests import the code they test; a command-line entry is run as a process, never imported',
  },
  '(root)': { mayImport: [], why: 'configuration files (vitest.config.mts)' },
};

const FOLDERS = Object.keys(IMPORT_RULES) as Folder[];

/** Directories never read: dependencies, build output, local results. Hidden directories are skipped too. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'bench-results', 'coverage']);

/** Source files whose imports are checked. */
const SOURCE_FILE = /\.(?:ts|mts|cts|tsx|js|mjs|cjs)$/;

export interface ImportViolation {
  /** The importing file, relative to the repository, with `/`. */
  file: string;
  /** 1-based line of the import (0 when the file itself is the problem). */
  line: number;
  /** The import as written, e.g. `../app/y`. */
  specifier: string;
  /** `<file>:<line> imports '<specifier>' (<folder>/): <rule>`. */
  message: string;
}

/** Every relative import of a source text: `import … from`, `export … from`, `import '…'`, `import('…')`,
 * `require('…')`, `import x = require('…')`. Comments and strings are not imports (TypeScript's own scanner). */
export function relativeImports(source: string): Array<{ specifier: string; line: number }> {
  const { importedFiles } = ts.preProcessFile(source, true, true);
  return importedFiles
    .filter((f) => f.fileName.startsWith('./') || f.fileName.startsWith('../') || f.fileName === '.' || f.fileName === '..')
    .map((f) => ({ specifier: f.fileName, line: lineAt(source, f.pos) }));
}

function lineAt(source: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

/** The folder of a repository path (a file, or a folder itself as in `import '../app'`): a known top folder,
 * `(root)` for a top-level file, else undefined (a top folder the table does not know). */
export function folderOf(path: string): Folder | undefined {
  const [top, ...rest] = path.split('/');
  if (top !== '(root)' && (FOLDERS as string[]).includes(top)) return top as Folder;
  return rest.length === 0 ? '(root)' : undefined;
}

function folderName(folder: Folder): string {
  return folder === '(root)' ? 'the top-level files' : `${folder}/`;
}

function ruleText(folder: Folder): string {
  const rule = IMPORT_RULES[folder];
  const allowed = rule.mayImport.length === 0 ? 'nothing of the project' : `only ${rule.mayImport.map(folderName).join(', ')}`;
  return `${folderName(folder)} may import ${allowed} (${rule.why})`;
}

/**
 * The imports that break IMPORT_RULES in a set of files (repository path → source text). A file in a folder the
 * table does not know is reported once: a new top folder needs its rule.
 */
export function checkImports(files: Readonly<Record<string, string>>): ImportViolation[] {
  const violations: ImportViolation[] = [];
  for (const [file, source] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const from = folderOf(file);
    if (from === undefined) {
      violations.push({
        file,
        line: 0,
        specifier: '',
        message: `${file}: its folder ${file.split('/')[0]}/ has no import rule: add it to IMPORT_RULES (test/importRules.ts) and docs/architecture.md`,
      });
      continue;
    }
    for (const { specifier, line } of relativeImports(source)) {
      const target = posix.normalize(posix.join(posix.dirname(file), specifier));
      const where = `${file}:${line} imports '${specifier}'`;
      if (target === '..' || target.startsWith('../')) {
        violations.push({ file, line, specifier, message: `${where}, outside the repository: import only the repository's own files` });
        continue;
      }
      const to = target === '.' ? '(root)' : folderOf(target);
      if (to === from) continue;
      if (to === undefined) {
        violations.push({
          file,
          line,
          specifier,
          message: `${where} (${target.split('/')[0]}/), a folder no rule lets anyone import: ${ruleText(from)}`,
        });
        continue;
      }
      if (!IMPORT_RULES[from].mayImport.includes(to)) {
        violations.push({ file, line, specifier, message: `${where} (${folderName(to)}): ${ruleText(from)}` });
      }
    }
  }
  return violations;
}

/** Every source file of the repository at `root`, as checkImports takes them. */
export function readRepository(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (directory: string, prefix: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(join(directory, entry.name), path);
      } else if (entry.isFile() && SOURCE_FILE.test(entry.name)) {
        files[path] = readFileSync(join(directory, entry.name), 'utf8');
      }
    }
  };
  walk(root, '');
  return files;
}

/** The rules as docs/architecture.md shows them. */
export function importRulesTable(): string {
  const rows = FOLDERS.map((folder) => {
    const allowed = IMPORT_RULES[folder].mayImport;
    const name = folder === '(root)' ? '(top-level files)' : `\`${folder}/\``;
    const list = allowed.length === 0 ? 'nothing of the project' : allowed.map((f) => (f === '(root)' ? 'top-level files' : `\`${f}/\``)).join(', ');
    return `| ${name} | ${list} | ${IMPORT_RULES[folder].why} |`;
  });
  return ['| folder | may import (besides its own files) | why |', '|---|---|---|', ...rows].join('\n');
}
