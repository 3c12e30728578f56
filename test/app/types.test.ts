// The committed TS types are what json-schema-to-typescript makes of the schemas today.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemas } from '../../app/schemas';
import { generateTypes } from '../../sdk/typegen';

const TYPES_DIR = join(__dirname, '..', '..', 'app', 'types');

describe('generated types', () => {
  it('are up to date with app/schemas (run `npm run gen:types` if this fails)', async () => {
    const generated = await generateTypes(schemas);
    expect(readdirSync(TYPES_DIR).sort()).toEqual(generated.map((f) => f.name).sort());
    for (const file of generated) {
      expect(readFileSync(join(TYPES_DIR, file.name), 'utf8'), file.name).toBe(file.content);
    }
  });

  it('name the contract interface and document its fields in French', async () => {
    const contrat = (await generateTypes(schemas)).find((f) => f.name === 'contrat.ts')!;
    expect(contrat.content).toContain('export interface Contrat {');
    expect(contrat.content).toContain('  codeContrat: string;');
    expect(contrat.content).toContain('  dateDebut?: string;');
    expect(contrat.content).toContain("Nom de l'entreprise d'accueil de l'apprenant.");
  });
});
