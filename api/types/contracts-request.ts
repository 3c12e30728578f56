/* Generated from api/schemas by `npm run gen:types`. Do not edit: change the schema and regenerate. */

import type { Contrat } from './contrat';

/**
 * Le corps d'une synchronisation complète ou de sa simulation : tous les contrats actifs.
 */
export interface EnvoiContrats {
  /**
   * Tous les contrats actifs ; un contrat absent sera archivé par une synchronisation.
   */
  contrats: Contrat[];
}
