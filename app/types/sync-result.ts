/* Generated from app/schemas by `npm run gen:types`. Do not edit: change the schema and regenerate. */

/**
 * Résultat d'une synchronisation ou d'une réinitialisation, sous une forme stable quelle que soit la version de la réponse de l'API.
 */
export interface ResultatSynchronisation {
  /**
   * « succes » quand tous les contrats ont été acceptés, « partiel » quand certains ont été rejetés.
   */
  statut: 'succes' | 'partiel';
  /**
   * Nombre de contrats que Campus Skills a acceptés lors de cette opération (0 après une réinitialisation).
   */
  nombreTransmis: number;
  /**
   * Nombre de contrats que Campus Skills a refusés.
   */
  nombreRejetes: number;
  /**
   * Vide quand tout s'est bien passé ; sinon, les contrats rejetés.
   */
  avertissement: string;
}
