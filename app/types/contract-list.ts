/* Generated from app/schemas by `npm run gen:types`. Do not edit: change the schema and regenerate. */

import type { Contrat } from './contrat';

/**
 * Une liste de contrats lue sur Campus Skills, toutes pages réunies.
 */
export interface ListeContrats {
  /**
   * Nombre de contrats dans le tableau « contrats ».
   */
  total: number;
  /**
   * Les contrats, dans l'ordre renvoyé par Campus Skills.
   */
  contrats: Contrat[];
}
