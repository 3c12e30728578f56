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
  ['the seed documents', /\bthe\s+seed\b|\bseed's\b|\bseeds\/|(?<![\w(])\(seed[,)]/i],
  ['an assumption marker of an outside document', /\*\*A\*\*/],
  ['the shared reference documents', /shared\/reference|\.\.\/shared\b|reference\/[\w-]+\.md|make-runtime-semantics|campus-skills-api\.md|make-app-format|make-blueprints-and-deploy|peers\.md|DESIGN\.md/],
  ['a section of an outside document', /§\s?\d/],
  ['an endpoint by number (use its name in api/endpoints.ts)', /\b(?:endpoints?|handlers?)\s+\d+/i],
];

/**
 * Short keys for public sources, written before a page or a file (`D:component-blocks/api/pagination`). A file
 * may use one only where it says what the key stands for (`D: = https://…`), or where it points to the legend
 * of docs/make-runtime.md, which says it.
 */
const SOURCE_KEYS = ['D', 'DM', 'OLD', 'VS', 'PROTO', 'FORMAN', 'HELP'];
const LEGEND = 'docs/make-runtime.md';
const KEY_USE = new RegExp(`\\b(${SOURCE_KEYS.join('|')}):(?!\`? = )`, 'g');

/** The keys a text defines: `D: = https://…` in a comment, "`D:` = https://…" in the legend. */
function definedKeys(text: string): string[] {
  return SOURCE_KEYS.filter((key) => new RegExp(`\\b${key}:\`? = `).test(text));
}

/** Folders and files the sweep covers: everything but what the project does not write. */
const SWEPT = ['README.md', 'docs', 'lib', 'api', 'sdk', 'app', 'connections', 'modules', 'rpcs', 'sandbox', 'scripts', 'test'];
/** This file names the references it looks for. */
const NOT_SWEPT = new Set(['test/docs.test.ts']);

/** Known references in parts of the swept files that another change owns; remove an entry once it is reworded. */
const KNOWN_LEFT: Array<{ file: string; text: string }> = [
  // sandbox/state.ts is being edited for the v1 endpoints: its handlers are to be named as in api/endpoints.ts.
  { file: 'sandbox/state.ts', text: 'Endpoints 2 and 3' },
  { file: 'sandbox/state.ts', text: 'Handler 6' },
  { file: 'sandbox/state.ts', text: 'Handler 7' },
  { file: 'sandbox/state.ts', text: '(seed)' },
  { file: 'sandbox/state.ts', text: 'Handler 12' },
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
  const legendKeys = definedKeys(read(LEGEND));

  it('reads the swept files', () => {
    expect(files).toContain('api/assumptions.ts');
    expect(files).toContain('docs/api.md');
    expect(files).toContain('sdk/check/rules/format-schema.ts');
    expect(files).toContain('sdk/check/schemas/parameters.schema.json');
    expect(files).toContain('sandbox/absences.ts');
    expect(files).toContain('test/harness/semantics.test.ts');
    expect(files).not.toContain('test/docs.test.ts');
  });

  it('docs/make-runtime.md says what each source key stands for, with a public address', () => {
    expect(legendKeys).toEqual(expect.arrayContaining(['D', 'OLD', 'HELP', 'VS', 'FORMAN', 'PROTO']));
    for (const key of legendKeys) {
      const definition = read(LEGEND).split(/\n(?=- |\n)/).find((entry) => entry.includes(`\`${key}:\` = `));
      expect(definition, key).toMatch(/https:\/\/\S+/);
    }
  });

  it('in comments, messages, hints and docs of the swept files', () => {
    const found: string[] = [];
    for (const file of files) {
      let text = read(file);
      // A known reference is blanked out, its line breaks kept, so that later line numbers stay right.
      for (const known of KNOWN_LEFT) if (known.file === file) text = text.replace(known.text, known.text.replace(/[^\n]/g, ' '));
      const lineOf = (index: number): number => text.slice(0, index).split('\n').length;
      const report = (index: number, what: string): void => {
        const line = lineOf(index);
        found.push(`${file}:${line}: ${what}: ${text.split('\n')[line - 1].trim()}`);
      };
      for (const [what, pattern] of OUTSIDE_REFERENCES) {
        for (const match of text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))) report(match.index, what);
      }
      const known = new Set([...definedKeys(text), ...(text.includes(LEGEND) ? legendKeys : [])]);
      for (const match of text.matchAll(KEY_USE)) {
        if (!known.has(match[1])) report(match.index, `the source key ${match[1]}: that the file does not define (nor point to ${LEGEND})`);
      }
    }
    expect(found).toEqual([]);
  });
});
