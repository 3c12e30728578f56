/* Generated from api/schemas by `npm run gen:types`. Do not edit: change the schema and regenerate. */

import type { Formation } from './v1-formation';

/**
 * Le corps de la synchronisation des formations (ancienne API v1) ; la réponse est supposée reprendre le même objet.
 */
export interface EnvoiFormations {
  /**
   * Les formations à ajouter ou mettre à jour, chaque code une seule fois ; les formations non envoyées restent.
   */
  formations: Formation[];
}
