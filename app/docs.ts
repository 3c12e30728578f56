// The app's own part of its users' documentation (docs/modules.md, written by npm run docs): the title, the
// introduction and the typical weekly scenario. The scenario is written once, here: the readme sent to Make
// (app/readme.md, completed in app/index.ts) and docs/modules.md both take it from WEEKLY_SCENARIO.
import type { EmittedApp } from '../sdk/emitted';
import { modulesDoc } from '../sdk/docs/modulesDoc';

/** The readme's section on the typical scenario, as Make shows it and as docs/modules.md ends. */
export const WEEKLY_SCENARIO = `## Scénario type (une fois par semaine, la nuit)
1. Récupérez vos contrats dans votre logiciel.
2. Formatez vos données au format « Contrat » avec un Array aggregator : choisissez « Synchroniser les contrats » comme « Target structure type ».
3. « Tester la connexion » : un jeton refusé arrête le scénario. Placé après l'agrégation, il ne s'exécute qu'une fois (avant, il coûterait une opération par contrat).
4. « Simuler une synchronisation » : arrêtez le scénario (filtre) si le nombre de contrats modifiés ou supprimés est anormal.
5. « Synchroniser les contrats ».

Plus simple et plus sûr : après l'Array aggregator, un seul module « Synchroniser en sécurité » simule, compare à vos seuils et synchronise, en une opération.`;

/** The line of app/readme.md that WEEKLY_SCENARIO replaces. */
export const WEEKLY_SCENARIO_MARKER = '<!-- Scénario type : WEEKLY_SCENARIO dans app/docs.ts (le même texte finit docs/modules.md) -->';

/** app/readme.md with its marker replaced by the scenario: the readme the build emits. */
export function withWeeklyScenario(readme: string): string {
  const parts = readme.split(`${WEEKLY_SCENARIO_MARKER}\n`);
  if (parts.length !== 2) {
    throw new Error(`app/readme.md must hold the line ${WEEKLY_SCENARIO_MARKER} once, where the typical scenario goes`);
  }
  return parts.join(`${WEEKLY_SCENARIO}\n`);
}

/** docs/modules.md, from the emitted app (npm run docs writes it; test/docs/modules.test.ts keeps it current). */
export function modulesDocument(app: EmittedApp): string {
  return modulesDoc(app, {
    header: '<!-- Généré par npm run docs (app/docs.ts) à partir de l\'app émise : ne pas modifier à la main. -->',
    title: 'Les modules Campus Skills pour Make',
    intro:
      "Chaque module de l'app Campus Skills : ce qu'il fait, ses entrées (les champs à remplir ou à mapper, " +
      'avec les champs imbriqués), ses sorties (ce que les modules suivants peuvent mapper), ce qu\'il coûte en ' +
      "opérations Make et un exemple de ce qu'il renvoie.",
    closing: [WEEKLY_SCENARIO],
  });
}
