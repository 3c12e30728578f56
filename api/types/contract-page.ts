/* Generated from api/schemas by `npm run gen:types`. Do not edit: change the schema and regenerate. */

import type { Contrat } from './contrat';

/**
 * Une page d'une liste de contrats (contrats transmis ou intégrés).
 */
export interface PageContrats {
  /**
   * Nombre de contrats de la liste entière, toutes pages réunies.
   */
  total?: number;
  /**
   * Les contrats de cette page, dans l'ordre de la plateforme.
   */
  contrats: Contrat[];
}
