/* Generated from app/schemas by `npm run gen:types`. Do not edit: change the schema and regenerate. */

/**
 * La réponse de Campus Skills à la suppression de tous les contrats d'un compte bac à sable. Sa forme n'est pas documentée par la plateforme : seul « success » à true est lu comme une confirmation.
 */
export interface ResultatSuppressionContrats {
  /**
   * true : Campus Skills a confirmé la suppression (sinon le module s'arrête en erreur).
   */
  success: boolean;
  /**
   * Le nombre de contrats supprimés, selon Campus Skills (absent s'il ne le précise pas).
   */
  deleted?: number;
}
