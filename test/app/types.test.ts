// The committed TS types are what json-schema-to-typescript makes of the schemas today.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TYPE_SETS } from '../../app/typeSets';

describe.each(TYPE_SETS)('types generated from $source', (set) => {
  it('are up to date with their schemas (run `npm run gen:types` if this fails)', async () => {
    const generated = await set.generate();
    expect(readdirSync(set.directory).sort()).toEqual(generated.map((f) => f.name).sort());
    for (const file of generated) {
      expect(readFileSync(join(set.directory, file.name), 'utf8'), file.name).toBe(file.content);
    }
  });
});

describe('the contract type', () => {
  it('is named Contrat, and documents its fields in French', async () => {
    const contrat = (await TYPE_SETS[0].generate()).find((f) => f.name === 'contrat.ts')!;
    expect(contrat.content).toContain('export interface Contrat {');
    expect(contrat.content).toContain('  codeContrat: string;');
    expect(contrat.content).toContain('  dateDebut?: string;');
    expect(contrat.content).toContain("Nom de l'entreprise d'accueil de l'apprenant.");
  });

  it('is imported, not copied, by the module output types that reference it', async () => {
    const diff = (await TYPE_SETS[1].generate()).find((f) => f.name === 'diff-result.ts')!;
    expect(diff.content).toContain("import type { Contrat } from '../../api/types/contrat';");
    expect(diff.content).not.toContain('export interface Contrat {');
  });
});
