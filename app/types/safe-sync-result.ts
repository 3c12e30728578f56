/* Generated from app/schemas by `npm run gen:types`. Do not edit: change the schema and regenerate. */

/**
 * Ce que « Synchroniser en sécurité » a comparé, décidé et, s'il a synchronisé, le résultat de la synchronisation.
 */
export interface ResultatSynchronisationSure {
  /**
   * true quand les changements étaient sous les seuils et que la synchronisation a été envoyée.
   */
  synchronise: boolean;
  /**
   * Pourquoi rien n'a été synchronisé (vide quand la synchronisation a eu lieu).
   */
  raison: string;
  /**
   * Nombre de contrats sur Campus Skills avant l'envoi (base des pourcentages).
   */
  surLaPlateforme: number;
  /**
   * Nombre de contrats identiques à ceux de la plateforme.
   */
  inchanges: number;
  /**
   * Nombre de nouveaux contrats.
   */
  ajoutes: number;
  /**
   * Nombre de contrats modifiés.
   */
  modifies: number;
  /**
   * Nombre de contrats que la synchronisation archive (ou aurait archivés).
   */
  supprimes: number;
  /**
   * Le seuil de suppressions appliqué, en nombre de contrats.
   */
  supprimesAutorises: number;
  /**
   * Le seuil de modifications appliqué, en nombre de contrats.
   */
  modifiesAutorises: number;
  /**
   * « succes » ou « partiel » (contrats rejetés) après une synchronisation ; « non-synchronise » quand un seuil a été dépassé.
   */
  statut: 'succes' | 'partiel' | 'non-synchronise';
  /**
   * Nombre de contrats que Campus Skills a acceptés (0 sans synchronisation).
   */
  nombreTransmis: number;
  /**
   * Nombre de contrats que Campus Skills a refusés.
   */
  nombreRejetes: number;
  /**
   * Vide quand tout s'est bien passé ; sinon, les contrats rejetés et pourquoi.
   */
  avertissement: string;
}
