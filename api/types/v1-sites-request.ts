/* Generated from api/schemas by `npm run gen:types`. Do not edit: change the schema and regenerate. */

import type { Site } from './v1-site';

/**
 * Le corps de la synchronisation des sites (ancienne API v1) ; la réponse est supposée reprendre le même objet.
 */
export interface EnvoiSites {
  /**
   * Les sites à ajouter ou mettre à jour, chaque code une seule fois ; les sites non envoyés restent.
   */
  sites: Site[];
}
