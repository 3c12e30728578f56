/* Generated from app/schemas by `npm run gen:types`. Do not edit: change the schema and regenerate. */

/**
 * La réponse de Campus Skills à l'envoi des absences d'un apprenant. Sa forme n'est pas documentée par la plateforme : seul « success » à true est lu comme une confirmation.
 */
export interface ResultatAbsences {
  /**
   * true : Campus Skills a confirmé la nouvelle liste (sinon le module s'arrête en erreur).
   */
  success: boolean;
  /**
   * Le nombre d'absences et de retards de l'apprenant désormais sur Campus Skills, selon Campus Skills.
   */
  total?: number;
}
