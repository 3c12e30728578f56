/* Generated from api/schemas by `npm run gen:types`. Do not edit: change the schema and regenerate. */

import type { Contrat } from './contrat';

/**
 * Réponse d'une synchronisation complète, forme de la page « Connecteur Make » : le nombre de contrats reçus et les contrats.
 */
export interface ReponseSynchronisationTotal {
  /**
   * Nombre de contrats reçus.
   */
  total: number;
  /**
   * Les contrats reçus.
   */
  contrats: Contrat[];
}
