// The library against sdk/iml/documented-functions.json: every function Make documents exists and
// takes the documented argument counts, and every other built-in is a declared extra.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_FUNCTIONS, compileTemplate } from '../../sdk/iml';

interface DocumentedForm {
  page: string;
  form?: string;
  minArgs?: number;
  /** null: no upper bound. */
  maxArgs?: number | null;
}

interface DocumentedFunctions {
  pages: Record<string, { address: string }>;
  functions: Record<string, DocumentedForm[]>;
}

const documented = JSON.parse(
  readFileSync(resolve(__dirname, '../../sdk/iml/documented-functions.json'), 'utf8'),
) as DocumentedFunctions;

/** Built-ins on none of the pages read, each with the reason it is kept. */
const LIBRARY_EXTRAS: Record<string, string> = {
  dateDiff: 'not on the date page read; kept after third-party notes on the IML package ([INF] in functions/date.ts)',
  isArray: 'added by the app runtime, not by the IML package (third-party notes on the package: minsu-kang/make-custom-app-skill, skill/references/builtin-iml-functions.md)',
  stdevS: 'announced in release notes 2024.10, not seen on the pages read (see notSettled in the data file)',
};

/** Argument counts to try for a documented form: all of them, or a few past the minimum when unbounded. */
function countsOf({ minArgs, maxArgs }: Required<DocumentedForm>): number[] {
  const last = maxArgs === null ? (minArgs as number) + 3 : maxArgs;
  return Array.from({ length: last - (minArgs as number) + 1 }, (_, i) => (minArgs as number) + i);
}

const callWith = (name: string, count: number): string => `{{ ${name}(${Array(count).fill('1').join('; ')}) }}`;

const names = Object.keys(documented.functions);
const formsWithArity = names.flatMap((name) =>
  documented.functions[name]
    .filter((form) => form.minArgs !== undefined)
    .map((form) => ({ name, ...(form as Required<DocumentedForm>) })),
);

describe('documented-functions.json', () => {
  it('names its pages by their https address', () => {
    for (const { address } of Object.values(documented.pages)) expect(address).toMatch(/^https:\/\/[a-z.]*make\.com\//);
    for (const name of names) {
      for (const form of documented.functions[name]) expect(Object.keys(documented.pages), `${name}`).toContain(form.page);
    }
  });

  it('gives argument counts as whole numbers, no upper bound only for "..." or values entered individually', () => {
    for (const { name, form, minArgs, maxArgs } of formsWithArity) {
      expect(Number.isInteger(minArgs), name).toBe(true);
      if (maxArgs === null) expect(form, name).toMatch(/\.\.\.|\[array of values\]/);
      else expect(maxArgs >= minArgs, name).toBe(true);
    }
  });
});

describe('every documented function', () => {
  it.each(names)('%s is a built-in', (name) => {
    expect(BUILTIN_FUNCTIONS.has(name)).toBe(true);
  });

  it.each(formsWithArity.map((form) => [`${form.name}: ${form.form} (${form.page})`, form] as const))(
    'accepts the counts of %s',
    (_label, form) => {
      const arity = BUILTIN_FUNCTIONS.get(form.name);
      if (form.maxArgs === null) expect(arity?.maxArgs).toBe(Infinity);
      for (const count of countsOf(form)) expect(() => compileTemplate(callWith(form.name, count))).not.toThrow();
    },
  );
});

describe('the library beyond the pages', () => {
  it('lists every built-in missing from the pages as an extra, and no documented function as one', () => {
    const undocumented = [...BUILTIN_FUNCTIONS.keys()].filter((name) => !Object.prototype.hasOwnProperty.call(documented.functions, name));
    expect(undocumented.sort()).toEqual(Object.keys(LIBRARY_EXTRAS).sort());
  });
});
