/* Generated from app/schemas by `npm run gen:types`. Do not edit: change the schema and regenerate. */

import type { Contrat } from '../../api/types/contrat';

/**
 * Différence entre les contrats actuellement sur Campus Skills et ceux que vous voulez synchroniser.
 */
export interface ResultatSimulation {
  /**
   * Contrats identiques à la précédente synchronisation.
   */
  same: Contrat[];
  /**
   * Nouveaux contrats.
   */
  added: Contrat[];
  /**
   * Contrats dont au moins un champ a changé.
   */
  updated: Contrat[];
  /**
   * Contrats absents de votre envoi, qui seront archivés.
   */
  removed: Contrat[];
  counts?: NombreDeContratsParCategorie;
}
/**
 * Le nombre de contrats dans chaque tableau, pour fixer une condition d'arrêt (par exemple : arrêter si plus de 20 contrats seraient supprimés).
 */
export interface NombreDeContratsParCategorie {
  /**
   * Nombre de contrats inchangés.
   */
  same: number;
  /**
   * Nombre de contrats ajoutés.
   */
  added: number;
  /**
   * Nombre de contrats modifiés.
   */
  updated: number;
  /**
   * Nombre de contrats qui seraient archivés.
   */
  removed: number;
}
