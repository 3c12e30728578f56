/* Generated from api/schemas by `npm run gen:types`. Do not edit: change the schema and regenerate. */

import type { Groupe } from './v1-groupe';

/**
 * Le corps de la synchronisation des groupes (ancienne API v1) ; la réponse est supposée reprendre le même objet.
 */
export interface EnvoiGroupes {
  /**
   * Les groupes à ajouter ou mettre à jour, chaque code une seule fois, chacun sur un site et pour une formation déjà envoyés ; les groupes non envoyés restent.
   */
  groupes: Groupe[];
}
