import type { ModuleDefinition } from '../sdk/types';
import { CONNECTION_ID } from '../connections/campusSkills';
import { interfaceOf } from '../app/schemas';
import { duplicateCheck, spacesCheck, structureInput, structureRequest } from '../app/structureSync';
import type { ResultatSites } from '../app/types/v1-sites-result';

const REFUSED = 'Sites refusés';

export const syncSites: ModuleDefinition = {
  id: 'syncSites',
  label: 'Synchroniser les sites',
  description:
    "Ancienne API (v1) : ajoute ou met à jour les sites de votre établissement, les villes où vos formations sont dispensées. Aucun site n'est supprimé.",
  type: 'action',
  crud: 'update',
  connection: CONNECTION_ID,
  mappableParams: [
    structureInput(
      'v1-sites-request.schema.json',
      'sites',
      "Les sites de votre établissement, un élément par site (choisissez ce module comme « Target structure type » d'un Array aggregator, ou mappez un tableau). Un site déjà envoyé (même code) prend le nouveau nom ; un site absent de la liste reste sur Campus Skills. Chaque code une seule fois : depuis les lignes de vos contrats, mappez distinct(tableau; codeSite). Envoyez les sites avant les groupes qui s'y trouvent.",
      ['codeSite'],
    ),
  ],
  communication: [
    spacesCheck(REFUSED, 'sites', 'codeSite'),
    duplicateCheck(REFUSED, 'sites', 'codeSite', 'un site'),
    structureRequest('syncSites', 'sites', "la confirmation de la synchronisation des sites (le tableau « sites » des sites reçus)"),
  ],
  interface: interfaceOf('v1-sites-result.schema.json'),
  samples: {
    nombreSynchronises: 2,
    sites: [
      { codeSite: 'SITE-REN', nomSite: 'Rennes' },
      { codeSite: 'SITE-NTE', nomSite: 'Nantes' },
    ],
  } satisfies ResultatSites,
};
