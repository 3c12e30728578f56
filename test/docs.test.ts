// The repository explains itself: docs/ holds the tables generated from the code (kept equal by these tests),
// names every endpoint, assumption, contract rule and module, links only to files that exist, and neither the
// docs nor the files they sit beside point to documents outside the repository.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as assumptions from '../api/assumptions';
import { endpointsTable } from '../api/endpointsTable';
import { semanticsTable } from '../sdk/harness/semantics';
import { importRulesTable } from './importRules';

const ROOT = join(__dirname, '..');

function read(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

/** The text between `<!-- name:start -->` and `<!-- name:end -->`, or undefined. */
function between(text: string, name: string): string | undefined {
  return new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)\\n<!-- ${name}:end -->`).exec(text)?.[1];
}

describe('the generated tables in docs/', () => {
  it.each([
    ['docs/make-runtime.md', 'semantics-table', semanticsTable],
    ['docs/architecture.md', 'import-rules', importRulesTable],
    ['docs/api.md', 'endpoints-table', endpointsTable],
  ] as const)('%s holds %s as the code generates it', (file, markers, generate) => {
    expect(between(read(file), markers)).toBe(generate());
  });
});

describe('docs/api.md', () => {
  const api = read('docs/api.md');

  it.each(Object.entries(assumptions))('names the assumption %s and its value', (name, value) => {
    expect(api).toContain(`\`${name}\``);
    const values = typeof value === 'object' ? Object.values(value as Record<string, string>).map((url) => url.replace('https://', '')) : [JSON.stringify(value).replace(/"/g, "'")];
    for (const shown of values) expect(api, `${name}: ${shown}`).toContain(shown);
  });

  it.each(readdirSync(join(ROOT, 'api/contracts/rules')))('names the contract rule file %s', (file) => {
    expect(api).toContain(`api/contracts/rules/${file}`);
  });

  it.each(readdirSync(join(ROOT, 'modules')).map((file) => file.replace(/\.ts$/, '')))('says which endpoint the module %s calls', (id) => {
    expect(api).toContain(`\`${id}\``);
  });
});

/** Repository paths written in backticks in a Markdown text (`api/endpoints.ts`, `sdk/check/rules/`), without
 * placeholders (`modules/<moduleId>.ts`) or globs. */
function repositoryPaths(text: string): string[] {
  const found = text.matchAll(/`((?:lib|api|sdk|app|connections|modules|sandbox|scripts|test|docs)\/[A-Za-z0-9._/-]*)`/g);
  return [...new Set([...found].map((m) => m[1]))];
}

describe('paths and links in docs/', () => {
  const docs = readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md'));

  it.each(docs)('docs/%s names only files and folders that exist', (file) => {
    const text = read(`docs/${file}`);
    const missing = repositoryPaths(text).filter((path) => !existsSync(join(ROOT, path)));
    const links = [...text.matchAll(/\]\((?!https?:|#)([^)#\s]+)/g)].map((m) => m[1]);
    const brokenLinks = links.filter((link) => !existsSync(join(ROOT, 'docs', link)));
    expect({ missing, brokenLinks }).toEqual({ missing: [], brokenLinks: [] });
  });
});

// ------------------------------------------------------------------------------------------------------------
// Nothing points outside the repository. The repository explains itself; documents kept elsewhere (the
// specification notes the project started from) are not part of it, so a comment, message or hint refers to
// a file of the repository (docs/api.md, api/assumptions.ts, an endpoint name of api/endpoints.ts) or to a
// public address instead.

const OUTSIDE_REFERENCES: Array<[string, RegExp]> = [
  ['the seed documents', /\bthe\s+seed\b|\bseed's\b|\bseeds\//i],
  ['an assumption marker of an outside document', /\*\*A\*\*/],
  ['a source key of an outside document (D:, OLD:, VS:, ...)', /\b(?:D|DM|OLD|VS|PROTO|FORMAN|HELP):(?=[A-Za-z`/])/],
  ['the shared reference documents', /shared\/reference|\.\.\/shared\b|reference\/[\w-]+\.md|make-runtime-semantics|campus-skills-api\.md|make-app-format|DESIGN\.md/],
  ['a section of an outside document', /§\s?\d/],
  ['an endpoint by number (use its name in api/endpoints.ts)', /\bendpoints?\s+\d+/i],
];

/** Folders and files the sweep covers. Others are owned elsewhere and listed in the handover notes. */
const SWEPT = ['README.md', 'sandbox/README.md', 'docs', 'lib', 'api', 'app', 'connections', 'modules', 'scripts', 'test'];
const NOT_SWEPT = new Set(['test/check', 'test/harness', 'test/iml', 'test/sandbox', 'test/docs.test.ts']);

/** Known references in parts of the swept files that another change owns; remove an entry once it is reworded. */
const KNOWN_LEFT: Array<{ file: string; text: string }> = [
  // The "Checks" section of the README (sdk/check's): "API Key" is the label the platform's Make page gives the field.
  { file: 'README.md', text: 'the label the\nseed asks for' },
];

function sweptFiles(path: string): string[] {
  if (NOT_SWEPT.has(path)) return [];
  const full = join(ROOT, path);
  if (!existsSync(full)) return [];
  if (statSync(full).isDirectory()) return readdirSync(full).flatMap((entry) => sweptFiles(`${path}/${entry}`));
  return /\.(?:ts|mts|md|json)$/.test(path) ? [path] : [];
}

describe('no reference outside the repository', () => {
  const files = SWEPT.flatMap(sweptFiles);

  it('reads the swept files', () => {
    expect(files).toContain('api/assumptions.ts');
    expect(files).toContain('docs/api.md');
    expect(files).not.toContain('test/harness/semantics.test.ts');
  });

  it('in comments, messages, hints and docs of the swept files', () => {
    const found: string[] = [];
    for (const file of files) {
      let text = read(file);
      // A known reference is blanked out, its line breaks kept, so that later line numbers stay right.
      for (const known of KNOWN_LEFT) if (known.file === file) text = text.replace(known.text, known.text.replace(/[^\n]/g, ' '));
      for (const [what, pattern] of OUTSIDE_REFERENCES) {
        for (const match of text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))) {
          const line = text.slice(0, match.index).split('\n').length;
          found.push(`${file}:${line}: ${what}: ${text.split('\n')[line - 1].trim()}`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});
