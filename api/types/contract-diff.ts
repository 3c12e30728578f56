/* Generated from api/schemas by `npm run gen:types`. Do not edit: change the schema and regenerate. */

import type { Contrat } from './contrat';

/**
 * Réponse de la simulation d'une synchronisation : les contrats envoyés comparés à ceux de la plateforme.
 */
export interface DifferenceContrats {
  /**
   * Contrats identiques à ceux de la plateforme.
   */
  same: Contrat[];
  /**
   * Contrats que la plateforme ne connaît pas encore.
   */
  added: Contrat[];
  /**
   * Contrats dont au moins un champ a changé.
   */
  updated: Contrat[];
  /**
   * Contrats de la plateforme absents de l'envoi : une synchronisation les archiverait.
   */
  removed: Contrat[];
}
