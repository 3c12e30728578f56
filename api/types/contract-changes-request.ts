/* Generated from api/schemas by `npm run gen:types`. Do not edit: change the schema and regenerate. */

import type { Contrat } from './contrat';

/**
 * Une synchronisation incrémentale : seulement les contrats ajoutés, modifiés et supprimés depuis la dernière synchronisation.
 */
export interface EnvoiChangements {
  changes: Changements;
}
/**
 * Les trois listes de changements.
 */
export interface Changements {
  /**
   * Les nouveaux contrats (inconnus de la plateforme).
   */
  added?: Contrat[];
  /**
   * Les contrats existants, dans leur nouvelle version complète.
   */
  updated?: Contrat[];
  /**
   * Les codes (codeContrat) des contrats à archiver.
   */
  removed?: string[];
}
