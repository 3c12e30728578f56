/* Generated from app/schemas by `npm run gen:types`. Do not edit: change the schema and regenerate. */

/**
 * La réponse de Campus Skills à une synchronisation incrémentale. Sa forme n'est pas documentée par la plateforme : seul « success » à true est lu comme une confirmation ; les nombres sont ceux que Campus Skills annonce, absents s'il n'en donne pas.
 */
export interface ResultatChangementsContrats {
  /**
   * true : Campus Skills a confirmé les changements (sinon le module s'arrête en erreur).
   */
  success: boolean;
  /**
   * Le nombre de contrats ajoutés, selon Campus Skills.
   */
  added?: number;
  /**
   * Le nombre de contrats modifiés, selon Campus Skills.
   */
  updated?: number;
  /**
   * Le nombre de contrats supprimés (archivés), selon Campus Skills.
   */
  removed?: number;
  /**
   * Le nombre de contrats actifs sur Campus Skills après les changements.
   */
  total?: number;
}
