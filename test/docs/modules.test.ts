// docs/modules.md is the app's module documentation as npm run docs writes it from the emitted app: this fails
// when the file is stale (a module added or changed since). The generator (sdk/docs/modulesDoc.ts) is shown at work
// on the fixture app, and the typical scenario is shown to have one source for the readme and the docs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { app } from '../../app';
import { modulesDocument, WEEKLY_SCENARIO, WEEKLY_SCENARIO_MARKER, withWeeklyScenario } from '../../app/docs';
import { modulesDoc, slug } from '../../sdk/docs/modulesDoc';
import { FRENCH } from '../../sdk/docs/wording';
import { emitApp } from '../../sdk/emit/emitApp';
import { mapReader, readEmittedApp, type EmittedApp } from '../../sdk/emitted';
import type { AppDefinition, Parameter } from '../../sdk/types';
import { miniApp } from '../fixtures/miniApp';

const ROOT = join(__dirname, '..', '..');

function emitted(definition: AppDefinition): EmittedApp {
  return readEmittedApp(mapReader(emitApp(definition)));
}

const real = emitted(app);
const written = readFileSync(join(ROOT, 'docs/modules.md'), 'utf8');

describe('docs/modules.md', () => {
  it('is what npm run docs writes from the app as emitted (run npm run docs when this fails)', () => {
    const generated = modulesDocument(real);
    if (written !== generated) {
      const lines = written.split('\n');
      const differs = generated.split('\n').findIndex((line, i) => line !== lines[i]);
      const first = differs < 0 ? lines.length : differs;
      expect.fail(`docs/modules.md is stale from line ${first + 1} (${JSON.stringify(lines[first])}): run npm run docs`);
    }
  });

  it.each(Object.keys(real.modules))('documents the module %s, with its cost in operations', (id) => {
    const module = real.modules[id];
    const section = modulesDocument(real).split(`### ${module.meta.label} (\`${id}\`)\n`)[1]?.split('\n### ')[0];
    expect(section, `no section for ${id}`).toBeDefined();
    expect(section).toContain(String(module.meta.description));
    expect(section).toContain(`- **Opérations Make** : ${FRENCH.operations[String(module.meta.moduleType)]}`);
  });
});

describe('the typical scenario: one source for the readme and the docs', () => {
  const source = readFileSync(join(ROOT, 'app/readme.md'), 'utf8');

  it('is written once, in app/docs.ts: app/readme.md holds only its marker', () => {
    expect(source).toContain(`${WEEKLY_SCENARIO_MARKER}\n`);
    expect(source).not.toContain(WEEKLY_SCENARIO.split('\n')[0]);
  });

  it('is in the readme the app sends to Make, once, in place of the marker', () => {
    expect(real.general.readme?.split(WEEKLY_SCENARIO)).toHaveLength(2);
    expect(real.general.readme).not.toContain(WEEKLY_SCENARIO_MARKER);
  });

  it('ends docs/modules.md', () => {
    expect(written.endsWith(`${WEEKLY_SCENARIO}\n`)).toBe(true);
  });

  it('refuses a readme without the marker, rather than leaving the scenario out', () => {
    expect(() => withWeeklyScenario('# Une app\n')).toThrow(/must hold the line/);
  });
});

describe('modulesDoc, on the fixture app', () => {
  const fixture = structuredClone(miniApp);
  const sessions = fixture.modules.find((m) => m.id === 'listerSessions')!;
  (sessions.mappableParams as Parameter[])[1].help = 'Au plus | 500,\net au moins 1.';
  fixture.groups = [{ label: 'Comptes', modules: ['verifierCompte'] }];
  const doc = modulesDoc(emitted(fixture), { header: '<!-- généré -->', title: 'Le catalogue', intro: 'Les modules.', closing: ['## Fin\nMerci.'] });
  const section = (id: string): string => doc.split(`(\`${id}\`)\n`)[1].split('\n### ')[0];

  it('starts with the header, title, introduction, the operations note and a table of contents by group', () => {
    expect(doc.split('\n\n').slice(0, 5)).toEqual(['<!-- généré -->', '# Le catalogue', 'Les modules.', FRENCH.operationsNote, '## Sommaire']);
    expect(doc).toContain(
      '- **Comptes** : [Vérifier le compte](#vérifier-le-compte-verifiercompte)\n' +
        '- **Autres modules** : [Inscrire des apprenants](#inscrire-des-apprenants-inscrireapprenants), [Récupérer les sessions](#récupérer-les-sessions-listersessions)',
    );
    expect(doc.endsWith('## Fin\nMerci.\n')).toBe(true);
  });

  it('gives each module its type and its operations: an action 1 per run, a search 1 per run whatever it returns', () => {
    expect(section('verifierCompte')).toContain('- **Type** : Action (lecture)\n- **Opérations Make** : 1 par exécution, quel que soit le nombre de requêtes envoyées');
    expect(section('listerSessions')).toContain(
      "- **Type** : Recherche\n- **Opérations Make** : 1 par exécution, quel que soit le nombre de bundles renvoyés (chaque module placé après s'exécute, et compte, une fois par bundle)",
    );
  });

  it('lists inputs as a table, nested fields at their place, with the values, the options list and the default', () => {
    expect(section('inscrireApprenants')).toContain(
      [
        '| Champ | Libellé | Type | Obligatoire | Aide |',
        '|---|---|---|---|---|',
        '| `inscriptions` | Inscriptions | tableau | oui | Les apprenants à inscrire, un élément par apprenant. |',
        '| `inscriptions[].formation` | Formation | liste de choix | oui | La formation choisie. Choix proposés par la liste « Lister les formations ». |',
        "| `inscriptions[].email` | Adresse e-mail de l'apprenant | e-mail | oui | L'adresse où l'apprenant reçoit sa convocation. |",
      ].join('\n'),
    );
    expect(section('listerSessions')).toContain(
      "| `filtre` | Sessions | liste de choix | non | Toutes les sessions, ou celles d'une formation. Valeurs : `toutes` (Toutes les sessions), `formation` (Celles d'une formation). Par défaut : `toutes`. |\n" +
        '| `formation` (si `filtre` = `formation`) | Code de la formation | texte | oui | Le code de la formation, par exemple RL-01. |\n' +
        '| `limit` | Nombre maximum de sessions | entier positif | non | Au plus \\| 500,<br>et au moins 1. |',
    );
    expect(section('verifierCompte')).toContain('#### Entrées\n\nAucune entrée.');
  });

  it('lists outputs with their names, labels and types, into arrays of arrays', () => {
    expect(section('inscrireApprenants')).toContain(
      [
        '| `refus` | Refus | tableau |',
        "| `refus[].email` | Adresse e-mail de l'apprenant | e-mail |",
        '| `refus[].raisons` | Raisons | tableau |',
        '| `refus[].raisons[].champ` | Champ | texte |',
        '| `refus[].raisons[].code` | Code de la raison | nombre |',
      ].join('\n'),
    );
  });

  it("shows the samples as the module's example output (one bundle for a search)", () => {
    expect(section('verifierCompte')).toContain(`#### Exemple de sortie\n\n\`\`\`json\n${JSON.stringify(miniApp.modules[0].samples, null, 2)}\n\`\`\``);
    expect(section('listerSessions')).toContain('#### Exemple de sortie (un bundle)\n\n```json\n{\n  "code": "RL-01-2025",');
  });

  it("makes anchors as GitHub does: lower case, accents kept, punctuation and backticks dropped", () => {
    expect(slug("Récupérer la progression du livret d'un apprenant (`listTrainingProgress`)")).toBe(
      'récupérer-la-progression-du-livret-dun-apprenant-listtrainingprogress',
    );
  });
});
